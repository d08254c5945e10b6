import { check } from "../../../src/engine";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { buildRollupSheets, mixedPeriods, shortPaths } from "../../../src/engine/rollup/sheets";
import type { BudgetAmounts, RollupEntry } from "../../../src/engine/rollup/summary";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { budgetOf, summarise, unreadable } from "../../../src/engine/rollup/summary";
import { unitName, unitNameOf } from "../../../src/engine/rollup/unitName";
import { lineToRow, seedLineText, snapshotOf } from "../../helpers/seedGrid";
import { LILJEHOLMEN_VB_2020, reportSnapshot } from "../../fixtures/workbooks/reports";

function sheet(
  name: string,
  rows: CellValue[][],
  visibility: SheetGrid["visibility"] = "visible",
): SheetGrid {
  return { name, visibility, originRow: 1, originCol: 1, values: rows };
}

describe("the unit a workbook reports on", () => {
  it.each([
    ["004-vb-hela", 3, "Enheten Liljeholmens dagliga verksamhet"],
    ["000-vb-hela", 11, "Resursenheten"],
    ["003-vp-titel", 12, "Hägersten-Älvsjö stadsdelsnämnd"],
  ])("from the title line (%s line %i)", (fixture, line, unit) => {
    const title = seedLineText(fixture, line);
    expect(unitNameOf(snapshotOf(sheet("S", [[], [title]])))).toBe(unit);
  });

  it("from a title with a dash, an `Enhet` cell, or else the file's name", () => {
    const dash = "Tertialrapport 2 2021 – Enskede-Årsta-Vantörs stadsdelsnämnd (exempel)";
    expect(unitNameOf(snapshotOf(sheet("S", [[dash]])))).toBe(
      "Enskede-Årsta-Vantörs stadsdelsnämnd (exempel)",
    );
    expect(unitNameOf(snapshotOf(sheet("S", [["Enhet", "Öppna förskolan Gröndal"]])))).toBe(
      "Öppna förskolan Gröndal",
    );
    expect(unitNameOf(snapshotOf(sheet("S", [["Enhet: Resursteamet"]])))).toBe("Resursteamet");
    // A hidden sheet's title is not the workbook's; prose that merely mentions a report is not one.
    const hidden = sheet("H", [["Verksamhetsplan 2022 för Någon annan"]], "veryHidden");
    const prose = sheet("S", [["Nämnden godkänner verksamhetsplan 2022 för stadsdelsnämnden och bilagorna"]]);
    expect(unitName(snapshotOf(hidden, prose), "mapp/Enhet Väst.xlsx")).toBe("Enhet Väst");
  });
});

describe("a workbook's budget in a roll-up", () => {
  it("takes a VB table `Budget | Utfall | Avvikelse` in tkr, in mnkr, with its Totalt, named by its sheet as the report heads it", () => {
    const vb = check(
      snapshotOf(
        sheet("VB", [
          ["Period", "VB 2021"],
          [],
          ["Tkr", "Budget 2021", "Utfall 2021", "Avvikelse"],
          ["Förskola", 12_500, 12_100, 400],
          ["Öppen förskola", 3_000, 3_250, -250],
          ["Totalt", 15_500, 15_350, 150],
        ]),
      ),
    );
    expect(budgetOf(vb.model.budget, vb.recognition.tables)).toEqual({
      table: "VB",
      outcome: true,
      total: { label: "Totalt", budget: 15.5, adjustments: null, forecast: 15.35, deviation: 0.15 },
      areas: [
        { label: "Förskola", budget: 12.5, adjustments: null, forecast: 12.1, deviation: 0.4 },
        { label: "Öppen förskola", budget: 3, adjustments: null, forecast: 3.25, deviation: -0.25 },
      ],
    });
  });

  it("prefers the per-verksamhetsområde table to the whole-nämnd one (002 lines 1925–1953)", () => {
    const rows = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) =>
        lineToRow(seedLineText("002-t2-driftbudget", from + i)),
      );
    const t2 = check(snapshotOf(sheet("Driftbudget", [...rows(1925, 1932), [], [], ...rows(1936, 1953)])));
    const budget = budgetOf(t2.model.budget, t2.recognition.tables)!;
    expect(budget.total).toEqual({
      label: "Totalt",
      budget: 2435.3,
      adjustments: 31.7,
      forecast: 2460.1,
      deviation: 6.9,
    });
    // Its title row is only the unit (`Mnkr`): the table is named by its sheet, as the report heads it.
    expect(seedLineText("002-t2-driftbudget", 1936)).toMatch(/^Mnkr\b/);
    expect(budget.table).toBe("Driftbudget");
    // 12 areas: the 4 `varav` rows are parts of Individ- och familjeomsorg, not areas of their own.
    expect(budget.areas).toHaveLength(12);
    expect(budget.areas[1]).toEqual({
      label: "Individ- ochfamiljeomsorg",
      budget: 290.3,
      adjustments: 0,
      forecast: 264.7,
      deviation: 25.6,
    });
  });
});

describe("the roll-up sheets", () => {
  const ok = summarise(
    "/srv/2021/enheter/a.xlsx",
    "Enhet A",
    // Something recognised (else `nothing-recognised` would be its finding), nothing to report.
    check(
      snapshotOf(
        sheet("S", [
          ["Period", "T2 2021"],
          [],
          ["Aktivitet", "Startdatum", "Slutdatum"],
          ["Språkstöd i förskolan", "2021-01-01", "2021-12-31"],
        ]),
      ),
    ),
  );
  const bad = unreadable("/srv/2021/trasig.xlsx", "trasig", "trasig.xlsx är skadad eller ingen .xlsx-fil");
  const [units, findings, budget] = buildRollupSheets([ok, bad], {
    generatedAt: new Date("2026-12-04T10:00:00Z"),
  });

  it("name files without the folders they all share", () => {
    expect(shortPaths(["/srv/2021/enheter/a.xlsx", "/srv/2021/trasig.xlsx"])).toEqual([
      "enheter/a.xlsx",
      "trasig.xlsx",
    ]);
    expect(shortPaths(["C:\\Uppföljning\\a.xlsx"])).toEqual(["a.xlsx"]);
    expect(units.rows[5][2]?.value).toBe("enheter/a.xlsx");
  });

  it("Enheter: an unreadable file's reason spans the count columns", () => {
    expect(units.key).toBe("enheter");
    expect(units.rows[1][0]?.value).toBe(
      "Mål efter enhetens egen bedömning och Målkolls förslag, indikatorer efter status mot årsmål, fynd efter allvar, budget i mnkr; 1 av 2 arbetsböcker lästa; skapad 2026-12-04 med malkoll rollup.",
    );
    expect(units.rows[6][3]).toMatchObject({
      value: "Kunde inte läsas: trasig.xlsx är skadad eller ingen .xlsx-fil",
      tone: "bad",
    });
    expect(units.merges).toContain("D7:W7");
    expect(units.freezeRows).toBe(5);
    // The totals row sums the count columns over both rows; the unreadable one adds nothing.
    expect(units.rows[7][0]).toMatchObject({ value: "Totalt", style: "total" });
    expect(units.rows[7][3]).toMatchObject({ formula: "SUM(D6:D7)", value: 0 });
  });

  it("Fynd and Budget say so when there is nothing to list", () => {
    expect(findings.rows[4][0]?.value).toBe("Inga fynd.");
    expect(budget.rows[3][0]?.value).toBe("Ingen av arbetsböckerna har en budgettabell.");
  });
});

describe("a roll-up of several periods, and totals that differ", () => {
  const ofPeriod = (file: string, period: string) =>
    summarise(
      file,
      file,
      check(
        snapshotOf(
          sheet("S", [
            ["Period", period],
            [],
            ["Aktivitet", "Startdatum", "Slutdatum"],
            ["Språkstöd i förskolan", "2021-01-01", "2021-12-31"],
          ]),
        ),
      ),
    );
  const at = { generatedAt: new Date("2026-12-07T10:00:00Z") };

  it("warns on Enheter, not on Fynd, when the workbooks report on different periods", () => {
    const [units, findings, budget] = buildRollupSheets(
      [ofPeriod("a.xlsx", "T2 2021"), ofPeriod("b.xlsx", "VB 2020"), ofPeriod("c.xlsx", "T2 2021")],
      at,
    );
    const warning =
      "Obs: arbetsböckerna gäller olika perioder (T2 2021, VB 2020), och totalerna lägger ihop dem: sammanställ en period i taget.";
    expect(units.rows[1][0]?.value).toMatch(
      new RegExp(`lästa; skapad 2026-12-07 med malkoll rollup\\. ${warning.replace(/[().]/g, "\\$&")}$`),
    );
    // None of them has a budget table: Budget adds up nothing (Budget's warning: the next test).
    expect(budget.rows[1][0]?.value).not.toContain("Obs");
    expect(findings.rows[1][0]?.value).not.toContain("Obs");
    expect(mixedPeriods([ofPeriod("a.xlsx", "T2 2021"), ofPeriod("b.xlsx", "T2 2021")])).toBeNull();
    // A workbook that names no year differs from one that does only in kind.
    const noYear = ofPeriod("c.xlsx", "VB");
    expect(noYear.period).toMatchObject({ kind: "VB", year: null });
    expect(mixedPeriods([noYear, ofPeriod("d.xlsx", "VB 2021")])).toBeNull();
    expect(mixedPeriods([noYear, ofPeriod("e.xlsx", "T2 2021")])).toContain("(VB, T2 2021)");
  });

  it("warns on Budget only when the workbooks it adds up, those with a budget table, differ in period", () => {
    // The bundled demo: the nämnd's T2 2021 has a budget table, its two units' VB 2020 and VB 2021 none.
    const budgeted = (file: string, period: string): RollupEntry => ({
      ...ofPeriod(file, period),
      budget: {
        table: "Driftbudget",
        outcome: false,
        total: { label: "Totalt", budget: 10, adjustments: null, forecast: 9, deviation: 1 },
        areas: [],
      },
    });
    const warned = (sheet: SheetSpec) => String(sheet.rows[1][0]?.value).includes("Obs:");
    const [units, , budget] = buildRollupSheets(
      [budgeted("a.xlsx", "T2 2021"), ofPeriod("b.xlsx", "VB 2020"), ofPeriod("c.xlsx", "VB 2021")],
      at,
    );
    expect(warned(units)).toBe(true);
    expect(warned(budget)).toBe(false);
    const [, , both] = buildRollupSheets([budgeted("a.xlsx", "T2 2021"), budgeted("b.xlsx", "VB 2020")], at);
    expect(String(both.rows[1][0]?.value)).toContain(
      "Obs: arbetsböckerna gäller olika perioder (T2 2021, VB 2020)",
    );
  });

  it("says why the Totalt per verksamhetsområde differs from the one per unit (002: rows 2 435,4, total row 2 435,3)", () => {
    const amounts = (label: string, budget: number, forecast: number) => ({
      label,
      budget,
      adjustments: 0,
      forecast,
      deviation: budget - forecast,
    });
    const withBudget = (unit: string, total: BudgetAmounts, areas: BudgetAmounts[]): RollupEntry => ({
      ...ofPeriod(`${unit}.xlsx`, "T2 2021"),
      unit,
      budget: { table: "Driftbudget", outcome: false, total, areas },
    });
    const rounded = withBudget("Nämnden", amounts("Totalt", 100.3, 99.0), [
      amounts("Förskola", 60.2, 59.0),
      amounts("Äldreomsorg", 40.2, 40.0),
    ]);
    const whole = withBudget("Enheten", amounts("Netto", 10, 10), []);
    const [, , budget] = buildRollupSheets([rounded, whole], at);
    // Below the title and its note.
    const notes = budget.rows
      .slice(2)
      .filter((r) => r[0]?.style === "note")
      .map((r) => r[0]?.value);
    expect(notes).toContain(
      "Radernas summa per verksamhetsområde skiljer sig från tabellernas totalrader med 0,1 mnkr i budget, 0,1 mnkr i avvikelse: raderna och totalraden är avrundade var för sig, eller så är totalraden inte radernas summa (se Fynd, budget-total-mismatch). Utan rader per verksamhetsområde, och därför bara under Per enhet: Enheten.",
    );
    const agreeing = withBudget("Nämnden", amounts("Totalt", 100.4, 99.0), [
      amounts("Förskola", 60.2, 59.0),
      amounts("Äldreomsorg", 40.2, 40.0),
    ]);
    const [, , quiet] = buildRollupSheets([agreeing], at);
    expect(quiet.rows.slice(2).filter((r) => r[0]?.style === "note")).toEqual([]);
  });
});

describe("a roll-up counts an indicator row copied under its goal once, as the goals do", () => {
  // 004 line 176 copies line 175's indicator under the same goal, without its targets (sheet row 178).
  const withCopy = reportSnapshot(LILJEHOLMEN_VB_2020);
  const rows = withCopy.sheets[0].values;
  const copyAt = 177;
  const withoutCopy = {
    ...withCopy,
    sheets: [{ ...withCopy.sheets[0], values: [...rows.slice(0, copyAt), ...rows.slice(copyAt + 1)] }],
  };
  const result = check(withCopy);
  const entry = summarise("liljeholmen.xlsx", "Liljeholmen", result);

  it("the seed's copied row is a duplicate, and still a row of the model", () => {
    expect(rows[copyAt][0]).toBe(rows[copyAt - 1][0]);
    expect(result.findings.filter((f) => f.code === "duplicate-indicator").map((f) => f.cell)).toEqual([
      "A178",
    ]);
    expect(result.model.indicators).toHaveLength(8);
  });

  it("indicators by status: the copy (no Årsmål: no-target) is not counted", () => {
    expect(entry.counts!.indicators).toEqual({
      met: 2,
      partlyMet: 0,
      notMet: 2,
      notMeasured: 3,
      noTarget: 0,
      notComparable: 0,
      unknown: 0,
    });
    expect(entry.counts!.indicators).toEqual(
      summarise("liljeholmen.xlsx", "Liljeholmen", check(withoutCopy)).counts!.indicators,
    );
  });
});
