/**
 * A Verksamhetsplan (seed 003) gets the plan's own tables: `Indikator | Årsmål | KF:s årsmål |
 * Periodicitet` (003 line 462), activities without Avvikelse, and the budget by VP year columns
 * (003 line 1801) — not the follow-up's layout with five empty columns and "Ej mätt" everywhere.
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { ANALYSIS_MISSING } from "../../../src/engine/report/look";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import { SharedCells } from "../../../src/engine/report/spec";
import { loadSeedFixture, seedLines, seedSheet, snapshotOf, textToSheet } from "../../helpers/seedGrid";

const snapshot = snapshotOf(
  seedSheet("003-vp-kf-1.1", "Verksamhetsplan"),
  seedSheet("003-vp-budget", "Ekonomi"),
);
const result = check(snapshot, { period: { kind: "VP", year: 2022 } });
const sheets = buildReport(result, { snapshot, generatedAt: "2021-12-15" }).sheets;
const sheet = (key: SheetSpec["key"]): SheetSpec => sheets.find((s) => s.key === key)!;

const text = (row: (OutCell | null)[] | undefined): (string | number | null)[] =>
  (row ?? []).map((c) => (typeof c?.value === "string" ? c.value.replace(/\n/g, " ") : (c?.value ?? null)));

function rowOf(spec: SheetSpec, first: string): (OutCell | null)[] {
  const row = spec.rows.find((r) => r[0]?.value === first);
  if (!row) throw new Error(`no row ${first}`);
  return row;
}

describe("generate --period VP on a plan (003)", () => {
  it("Indikatorer: the plan's four columns, no status; Målkoll's column apart, empty where nothing was found", () => {
    const spec = sheet("indikatorer");
    expect(spec.rows[0][0]?.value).toBe("Målkoll – Indikatorer VP 2022");
    expect(text(rowOf(spec, "Indikator"))).toEqual([
      "Indikator",
      "Årsmål",
      "KF:s årsmål",
      "Periodicitet",
      null,
      "Målkoll",
    ]);
    expect(spec.columnWidths).toHaveLength(6);
    const aspiranter = rowOf(spec, "Antal aspiranter som fått Stockholmsjobb");
    expect(aspiranter).toHaveLength(6);
    expect(aspiranter.slice(4)).toEqual([null, null]);
    expect(aspiranter[1]).toMatchObject({ value: 25, format: '#,##0 "st"' });
    expect(aspiranter[2]).toMatchObject({ value: 800, format: '#,##0 "st"' });
    expect(aspiranter[3]).toMatchObject({ value: "Tertial" });
    const feriejobb = rowOf(spec, "Antal tillhandahållna platser för feriejobb");
    expect(feriejobb[2]).toMatchObject({ value: "Tas fram av nämnd/styrelse", align: "right" });
    expect(spec.rows.flat().some((c) => typeof c?.value === "string" && c.value.includes("Ej mätt"))).toBe(
      false,
    );
  });

  it("Aktiviteter: Aktivitet | Startdatum | Slutdatum, and Målkoll's column apart", () => {
    const spec = sheet("aktiviteter");
    expect(text(rowOf(spec, "Aktivitet"))).toEqual(["Aktivitet", "Startdatum", "Slutdatum", null, "Målkoll"]);
    const temakvallar = rowOf(
      spec,
      "Förvaltningen ska anordna temakvällar för nyanlända på medborgarkontoret tillsammans med civilsamhället.",
    );
    expect(temakvallar.slice(1).map((c) => c?.value ?? null)).toEqual([44562, 44926, null, null]);
  });

  it("Aktiviteter: a plan activity that ends before it starts is marked in Målkoll's column", () => {
    const planText = loadSeedFixture("003-vp-kf-1.1.txt").replace(
      "civilsamhället.\t2022-01-01\t2022-12-31",
      "civilsamhället.\t2022-12-31\t2022-01-01",
    );
    const snap = snapshotOf(textToSheet("Verksamhetsplan", planText));
    const swapped = check(snap, { period: { kind: "VP", year: 2022 } });
    expect(swapped.findings.some((f) => f.code === "activity-dates")).toBe(true);
    const spec = buildReport(swapped, { snapshot: snap, generatedAt: "2021-12-15" }).sheets.find(
      (s) => s.key === "aktiviteter",
    )!;
    const row = rowOf(
      spec,
      "Förvaltningen ska anordna temakvällar för nyanlända på medborgarkontoret tillsammans med civilsamhället.",
    );
    expect(row.slice(1).map((c) => c?.value ?? null)).toEqual([44926, 44562, null, "▲ Datum fel"]);
    expect(row[4]).toMatchObject({ tone: "bad" });
  });

  it("Driftbudget: the plan's tables with their VP year columns, as live references", () => {
    const spec = sheet("driftbudget");
    expect(spec.rows.some((r) => r[0]?.value === "Inga driftbudgettabeller hittades i arbetsboken.")).toBe(
      false,
    );
    expect(spec.rows[3][0]?.value).toBe("Nämndens ekonomiska förutsättningar");
    expect(text(spec.rows[4])).toEqual([
      "Mnkr",
      "VP 2022",
      "VP 2021",
      "Beräknadslutlig budget 2021",
      "Prognostiserat utfall 2021 (Okt)",
      "Bokslut 2020",
    ]);
    const total = rowOf(spec, "Totalt");
    expect(total.map((c) => c?.value)).toEqual(["Totalt", 2838.2, 2773.4, 2748.8, 2747.3, 2688.9]);
    expect(total.every((c) => c?.style === "total")).toBe(true);
    expect(rowOf(spec, "varav barn och ungdom")[0]).toMatchObject({ style: "varav" });
    // Where several tables share a heading, the area's name above it tells them apart.
    const headings = spec.rows.filter((r) => r[0]?.style === "heading").map((r) => r[0]?.value);
    expect(headings).toContain("Nämnd- och förvaltningsadministration – Ekonomiska förutsättningar");
    expect(headings).toContain("Äldreomsorg – Ekonomiska förutsättningar");
    // The nämnd's Kostnader | Intäkter | Netto (003 line 1826) has no title but its header's unit:
    // no heading `Mnkr` over a header that starts `Mnkr`.
    expect(headings).not.toContain("Mnkr");
    const costs = spec.rows.findIndex((r) => r[0]?.value === "Kostnader");
    expect(spec.rows[costs - 1][0]?.value).toBe("Mnkr");
    expect(spec.rows[costs - 2].every((c) => c === null || c.value === null || c.value === "")).toBe(true);
    // The seed's text cells are not numbers: the amounts are values (a numeric source gets a formula).
    expect(total[1]?.formula).toBeUndefined();
  });

  it("Avvikelser: no Analys column, which a plan has nothing for (every row said '– Ingen analys')", () => {
    const spec = sheet("avvikelser");
    expect(text(rowOf(spec, "Typ"))).toEqual(["Typ", "Var", "Mål", "Vad avviker", "Allvar"]);
    expect(spec.columnWidths).toHaveLength(5);
    // The Intäkter cell that lost its minus sign (003 line 1960) is listed, its severity last.
    const sign = spec.rows.find((r) => String(r[3]?.value).includes("ska anges med minustecken"))!;
    expect(sign).toHaveLength(5);
    expect(sign[4]).toMatchObject({ value: "▲ Fel" });
    expect(spec.rows.flat().some((c) => c?.value === "– Ingen analys")).toBe(false);
  });

  it("Avvikelser: no Analys cell is made for a plan's rows only to be left out", () => {
    // The lost minus sign (003 line 1960) gives two rows without analysis: a follow-up would say
    // `– Ingen analys` on each.
    const status = jest.spyOn(SharedCells.prototype, "status");
    const text = jest.spyOn(SharedCells.prototype, "text");
    try {
      buildReport(result, { snapshot, generatedAt: "2021-12-15" });
      const made = [...status.mock.calls, ...text.mock.calls].map((call) => call[1]);
      expect(made).toContain("▲ Fel");
      expect(made).not.toContain("– Ingen analys");
      expect(made).not.toContain(ANALYSIS_MISSING.text);
    } finally {
      status.mockRestore();
      text.mockRestore();
    }
  });

  it("Måluppfyllelse: the goals with their indicators and activities, nothing assessed", () => {
    const spec = sheet("maluppfyllelse");
    expect(text(rowOf(spec, "Mål"))).toEqual(["Mål", "Indikatorer", "Aktiviteter", null, "Källa"]);
    const kf = spec.rows.findIndex((r) =>
      String(r[0]?.value).startsWith("KF:s mål för verksamhetsområdet: 1.1"),
    );
    // Counted as a follow-up counts them: the KF mål's own 9 indicators and 2 activities, and the
    // 5 activities of the nämndmål under it (which has no indicators of its own).
    const counts = (r: number) => [spec.rows[r][1]?.value, spec.rows[r][2]?.value];
    expect(String(spec.rows[kf + 1][0]?.value)).toMatch(/^Nämndmål: /);
    expect(counts(kf + 1)).toEqual([0, 5]);
    expect(counts(kf)).toEqual([9, 7]);
    expect(spec.charts).toBeUndefined();
  });
});

describe("a plan's budget table with the coming years' columns (003 line 1801 and `Plan 2023 | Plan 2024`)", () => {
  it("prints them after the seed's columns, as amounts", () => {
    const lines = seedLines(loadSeedFixture("003-vp-budget.txt")).slice(0, 12);
    // The table's header and rows (003 lines 1801–1807), each with two years of plan added.
    const withPlan = lines.map((line) =>
      line.startsWith("Mnkr\t")
        ? `${line}\tPlan 2023\tPlan 2024`
        : /\t\d/.test(line)
          ? `${line}\t1,5\t2,5`
          : line,
    );
    const snap = snapshotOf(textToSheet("Ekonomi", withPlan.join("\n")));
    const result = check(snap, { period: { kind: "VP", year: 2022 } });
    expect(result.findings.filter((f) => f.code === "column-unrecognized")).toEqual([]);
    const spec = buildReport(result, { snapshot: snap, generatedAt: "2021-12-15" }).sheets.find(
      (s) => s.key === "driftbudget",
    )!;
    expect(text(rowOf(spec, "Mnkr")).slice(5)).toEqual(["Bokslut 2020", "Plan 2023", "Plan 2024"]);
    const ifo = rowOf(spec, "Individ- och familjeomsorg");
    expect(ifo.map((c) => c?.value ?? null)).toEqual([
      "Individ- och familjeomsorg",
      261.3,
      246.6,
      250.8,
      262.8,
      257.2,
      1.5,
      2.5,
    ]);
    expect(ifo[6]).toMatchObject({ format: "#,##0.0" });
  });
});

describe("two plan budget tables under one `Mnkr` header with only blank rows between (003 lines 1801–1832)", () => {
  it("prints two tables, and the first one's Totalt names neither", () => {
    const lines = seedLines(loadSeedFixture("003-vp-budget.txt"));
    // Mnkr … Totalt, two blank rows, Mnkr | Kostnader | Intäkter | Netto.
    const budget = textToSheet("Ekonomi", [...lines.slice(4, 23), "", "", ...lines.slice(32, 36)].join("\n"));
    const snap = snapshotOf(budget);
    const result = check(snap, { period: { kind: "VP", year: 2022 } });
    const spec = buildReport(result, { snapshot: snap, generatedAt: "2021-12-15" }).sheets.find(
      (s) => s.key === "driftbudget",
    )!;
    const headings = spec.rows.filter((r) => r[0]?.style === "heading").map((r) => r[0]?.value);
    // Neither table has a title but its header's `Mnkr`: no heading repeats it.
    expect(headings).toEqual([]);
    const labels = spec.rows.map((r) => r[0]?.value ?? null);
    const totalt = labels.indexOf("Totalt");
    // A blank row and the second table's header row come between the first table's Totalt and Kostnader.
    expect(labels.slice(totalt, labels.indexOf("Kostnader") + 1)).toEqual([
      "Totalt",
      null,
      "Mnkr",
      "Kostnader",
    ]);
  });
});

describe("one area's `Ekonomiska förutsättningar` alone in a workbook (003 lines 1918–1925)", () => {
  const headingsOf = (text: string): unknown[] => {
    const snap = snapshotOf(textToSheet("Ekonomi", text));
    const result = check(snap, { period: { kind: "VP", year: 2022 } });
    const spec = buildReport(result, { snapshot: snap, generatedAt: "2021-12-15" }).sheets.find(
      (s) => s.key === "driftbudget",
    )!;
    return spec.rows.filter((r) => r[0]?.style === "heading").map((r) => r[0]?.value);
  };
  const lines = seedLines(loadSeedFixture("003-vp-budget.txt"));

  it("keeps the area's name above it, as when the VP's areas stand together", () => {
    // `Förskola`, a blank line, `Ekonomiska förutsättningar`, a blank line, the table.
    const forskola = lines.slice(121, 129);
    expect(forskola[0]).toBe("Förskola");
    expect(headingsOf(forskola.join("\n"))).toEqual(["Förskola – Ekonomiska förutsättningar"]);
  });

  it("the nämnd's own title alone stays its own (`Redovisning av ekonomi` above names no area)", () => {
    // 003 lines 1797–1820: Redovisning av ekonomi, Nämndens ekonomiska förutsättningar, the table.
    expect(headingsOf(lines.slice(0, 23).join("\n"))).toEqual(["Nämndens ekonomiska förutsättningar"]);
  });
});

describe("a unit's plan with a Kommentar beside its targets (the förskola walk of 8 December)", () => {
  it("prints no `Analys:` rows: a plan has no analyses, and the comments are working notes", () => {
    // 003's `Antal aspiranter` row beside last year's outcome (21 st) and a unit's comment
    // column, read as its analysis as in a follow-up's table.
    const header = [
      "Indikator",
      "Årsmål 2022",
      "KF:s årsmål 2022",
      "Utfall 2021",
      "Periodicitet",
      "Kommentar",
    ];
    const planSheet = textToSheet(
      "Mål",
      [
        seedLines(loadSeedFixture("003-vp-titel"))[0],
        "",
        header.join("\t"),
        "Antal aspiranter som fått Stockholmsjobb\t25 st\t800 st\t21 st\tTertial\tSvårt att rekrytera till Dalen, två tjänster vakanta",
      ].join("\n"),
    );
    const planned = check(snapshotOf(planSheet), { period: { kind: "VP", year: 2022 } });
    expect(planned.model.indicators.map((i) => i.analysis)).toEqual([
      "Svårt att rekrytera till Dalen, två tjänster vakanta",
    ]);
    const rows = buildReport(planned, { snapshot: snapshotOf(planSheet), generatedAt: "2021-12-15" })
      .sheets.find((s) => s.key === "indikatorer")!
      .rows.map((r) => text(r)[0]);
    expect(rows).toContain("Antal aspiranter som fått Stockholmsjobb");
    expect(rows.filter((first) => typeof first === "string" && first.startsWith("Analys"))).toEqual([]);
  });
});

describe("a plan's row the check found wrong (the nämnd walk of 8 December)", () => {
  it("says so in Målkoll's column: an empty Årsmål, a repeated row", () => {
    // 003's aspiranter row without its Årsmål; its Stockholmsjobb places row again under it.
    const planText = loadSeedFixture("003-vp-kf-1.1.txt")
      .replace(/^(\s*Antal aspiranter som fått Stockholmsjobb)\t25 st\t/m, "$1\t\t")
      .replace(/^(\s*Antal tillhandahållna platser för Stockholmsjobb.*)$/m, "$1\n$1");
    const planSheet = textToSheet("Verksamhetsplan", planText);
    const planned = check(snapshotOf(planSheet), { period: { kind: "VP", year: 2022 } });
    const spec = buildReport(planned, {
      snapshot: snapshotOf(planSheet),
      generatedAt: "2021-12-15",
    }).sheets.find((s) => s.key === "indikatorer")!;
    const marks = spec.rows.filter((r) => r[5]?.value).map((r) => [text(r)[0], r[5]?.value, r[5]?.tone]);
    expect(marks).toEqual([
      ["Indikator", "Målkoll", undefined],
      ["Antal aspiranter som fått Stockholmsjobb", "▲ Årsmål saknas", "bad"],
      ["Antal tillhandahållna platser för Stockholmsjobb", "▲ Upprepad rad", "bad"],
    ]);
  });
});
