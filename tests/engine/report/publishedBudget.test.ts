/**
 * Målkoll Driftbudget's Investeringar and Resultatenheter tables, in the layout the city publishes
 * them in (T2 2021, seed 002 lines 2242–2270 and 2292–2300): the seed excerpts through check →
 * report, their figures as numbers the way a controller's workbook holds them.
 */
import { check } from "../../../src/engine";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../../src/engine/grid";
import { cellAt, parseA1 } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import { seedSheet, snapshotOf } from "../../helpers/seedGrid";

/** The seed's `2 435,3` and `-8 718` as numbers; labels (`Årsta 2 förskolor`) and `ja` stay text. */
function numeric(sheet: SheetGrid): SheetGrid {
  sheet.values = sheet.values.map((row) =>
    row.map((v) =>
      typeof v === "string" && /^-?\d{1,3}( \d{3})*(,\d+)?$/.test(v)
        ? Number(v.replace(/ /g, "").replace(",", "."))
        : v,
    ),
  );
  return sheet;
}

function workbook(...extra: SheetGrid[]): WorkbookSnapshot {
  return snapshotOf(
    numeric(seedSheet("002-t2-driftbudget", "Driftbudget")),
    numeric(seedSheet("002-t2-investeringar", "Investeringar")),
    numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter")),
    ...extra,
  );
}

function driftbudget(snapshot: WorkbookSnapshot): SheetSpec {
  const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
  return buildReport(result, { snapshot, generatedAt: new Date("2021-09-15T10:00:00Z") }).sheets.find(
    (s) => s.key === "driftbudget",
  )!;
}

const values = (row: (OutCell | null)[]): (string | number | null)[] => row.map((c) => c?.value ?? null);

/** Header text with the line breaks the layout writes in read as spaces. */
const words = (row: (OutCell | null)[]): (string | number | null)[] =>
  values(row).map((v) => (typeof v === "string" ? v.replace(/\s+/g, " ") : v));

/** The labels of the rows printed as a group's heading, in order. */
const groupLabels = (rows: (OutCell | null)[][]): (string | number | null)[] =>
  rows.filter((r) => r[0]?.style === "group").map((r) => r[0]?.value ?? null);

/** 0-based index of the first row from `from` whose first cell is `label`, or −1. */
const find = (spec: SheetSpec, label: string, from = 0): number =>
  spec.rows.findIndex((r, n) => n >= from && r[0]?.value === label);

/** 0-based index of the first row from `from` whose first cell is `label`. */
function at(spec: SheetSpec, label: string, from = 0): number {
  const i = spec.rows.findIndex((r, n) => n >= from && r[0]?.value === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
}

/** What a formula over one source cell (`'Resultatenheter'!B7`) reads in the workbook. */
function sourceValue(snapshot: WorkbookSnapshot, formula: string): CellValue {
  const m = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(formula);
  if (!m) throw new Error(`not a source reference: ${formula}`);
  const pos = parseA1(m[2])!;
  return cellAt(
    snapshot.sheets.find((s) => s.name === m[1].replace(/''/g, "'"))!,
    pos.row,
    pos.col,
  );
}

const RESULT_UNIT_HEADER = [
  "Resultatenhetens namn",
  "Resultatenheternas bruttobudget 2021",
  "Varav 5 % av resultatenheternas bruttobudget 2021",
  "Resultatöverföring från 2020 Överskott (-) Underskott (+)",
  "Beräknat resultat 2021 Överskott (-) Underskott (+)",
  "Har beslutet uppkommit av resultatenhetens eget handlande? JA / NEJ",
  "Beräknad resultatöverföring till 2022 (max 10 %) Överskott (+) Underskott (-)",
];

const INVESTMENT_HEADER = [
  "Mnkr, netto",
  "Budget 2021 (inkl beviljade budgetjusteringar)",
  "Prognos tertial 2021",
  "Budgetjusteringar (ansökta medel i ärendet)",
  "Avvikelse (utgå från att begärda budgetjusteringar beviljas)",
];

describe("Målkoll Driftbudget: Investeringar and Resultatenheter after the city's Driftbudget tables", () => {
  const snapshot = workbook();
  const spec = driftbudget(snapshot);

  it("prints them in the report's order: Driftbudget, Investeringar, Resultatenheter, then Budgetindikatorer", () => {
    const headings = spec.rows.filter((r) => r[0]?.style === "heading").map((r) => r[0]!.value);
    expect(headings).toEqual([
      "Driftbudget, hela nämnden",
      "Driftbudget per verksamhetsområde",
      "Investeringar",
      "Resultatenheter",
      "Budgetindikatorer",
      "Diagramunderlag: avvikelse per verksamhetsområde",
    ]);
    expect(spec.tables!.map((t) => spec.rows[t.heading! - 1][0]?.value)).toContain("Resultatenheter");
  });

  describe("Investeringar (002 lines 2292–2300)", () => {
    const header = find(spec, "Investeringar") + 1;

    it("has the workbook's own headers, in the published order", () => {
      expect(spec.rows[header].every((c) => c?.style === "header")).toBe(true);
      expect(words(spec.rows[header])).toEqual(INVESTMENT_HEADER);
    });

    it("shows mnkr with one decimal, each figure a live formula over its source cell", () => {
      const park = spec.rows[at(spec, "Parkinvesteringar", header)];
      expect(values(park)).toEqual(["Parkinvesteringar", 6, 6, 0, 0]);
      expect(park.slice(1).every((c) => c?.format === "#,##0.0")).toBe(true);
      expect(park.slice(1, 4).map((c) => c?.formula)).toEqual([
        "'Investeringar'!B6",
        "'Investeringar'!C6",
        "'Investeringar'!D6",
      ]);
      for (const cell of park.slice(1, 4)) expect(sourceValue(snapshot, cell!.formula!)).toBe(cell!.value);
    });

    it("shows the source's Avvikelse over its cell, and bolds Totalt", () => {
      const r = at(spec, "Totalt", header);
      const total = spec.rows[r];
      expect(values(total)).toEqual(["Totalt", 41.3, 41.3, 0, 0]);
      expect(total.every((c) => c?.style === "total")).toBe(true);
      expect(total[4]?.formula).toBe("'Investeringar'!E14");
      expect(sourceValue(snapshot, total[4]!.formula!)).toBe(0);
      const rows = spec.rows.slice(header + 1, r + 1);
      expect(rows.map((row) => row[0]?.value)).toEqual([
        "Parkinvesteringar",
        "Reinvesteringar",
        "Investeringar med nycklade medel",
        "Inventarier och maskiner",
        "Klimatinvesteringar",
        "Trygghetsinvesteringar",
        "Övrigt",
        "Totalt",
      ]);
    });
  });

  describe("Resultatenheter (002 lines 2242–2270)", () => {
    const header = find(spec, "Resultatenheter") + 1;
    const end = find(spec, "Summa resultatenheter", header);
    const body = spec.rows.slice(header + 1, end + 1);

    it("has the workbook's own headers, and the page-break copy of them in the source is no row of it", () => {
      expect(words(spec.rows[header])).toEqual(RESULT_UNIT_HEADER);
      expect(body.some((r) => r[0]?.value === "Resultatenhetens namn")).toBe(false);
      // 21 units, their sum and 4 groups.
      expect(body).toHaveLength(26);
    });

    it("names each group above its units, bold, with no figures", () => {
      const groups = body.filter((r) => r[0]?.style === "group");
      expect(groups.map((r) => r[0]?.value)).toEqual([
        "Socialpsykiatri",
        "Stöd och service till personer med funktionsnedsättning",
        "Äldreomsorgen",
        "Förskolor",
      ]);
      for (const g of groups) expect(g.slice(1).filter((c) => c !== null)).toEqual([]);
      const labels = body.map((r) => r[0]?.value);
      expect(labels.slice(0, 3)).toEqual([
        "Socialpsykiatri",
        "Utförarenheten Socialpsykiatri",
        "Stöd och service till personer med funktionsnedsättning",
      ]);
      expect(labels.indexOf("Äldreomsorgen") + 1).toBe(labels.indexOf("Stureby Vård- och omsorgsboende"));
    });

    it("shows tkr as integers over their source cells, each sign as the source has it, JA/NEJ as text", () => {
      // 002 line 2246: the surplus from 2020 is negative, the one carried to 2022 positive.
      const row = body[at(spec, "Gruppboendestäder Enskede-Årsta-Vantör", header) - header - 1];
      expect(values(row)).toEqual([
        "Gruppboendestäder Enskede-Årsta-Vantör",
        103955,
        5198,
        -8718,
        -2464,
        "ja",
        10396,
      ]);
      for (const c of [1, 2, 3, 4, 6]) {
        expect(row[c]?.format).toBe("#,##0");
        expect(sourceValue(snapshot, row[c]!.formula!)).toBe(row[c]!.value);
      }
      expect(row[1]?.formula).toBe("'Resultatenheter'!B7");
      expect(row[5]).toMatchObject({ value: "ja", formula: undefined, format: undefined });
      // No surplus from 2020 written for Vantörs kommunala hemtjänst (002 line 2257): nothing printed.
      expect(body.find((r) => r[0]?.value === "Vantörs kommunala hemtjänst")![3]).toBeNull();
    });

    it("bolds Summa resultatenheter as the total", () => {
      const summa = spec.rows[end];
      expect(values(summa)).toEqual(["Summa resultatenheter", 1040008, null, -76135, -17168, null, 89057]);
      for (const cell of summa) if (cell) expect(cell.style).toBe("total");
    });
  });

  /** The lines of each header over a table's columns, as the layout breaks them. */
  const headerLines = (heading: string): string[][] =>
    spec.rows[find(spec, heading) + 1].map((c) => String(c?.value).split("\n"));

  it("keeps the city's two tables' headers four lines deep at most, as the published report prints them", () => {
    // Widths are per sheet: with Resultatenheter's seventh column, and nothing holding it to four,
    // Prognos T2 2021 (inkl. budget-justeringar, …) took seven lines.
    for (const heading of ["Driftbudget, hela nämnden", "Driftbudget per verksamhetsområde"])
      expect([heading, Math.max(...headerLines(heading).map((l) => l.length)) <= 4]).toEqual([heading, true]);
  });

  it("breaks the JA / NEJ header as a reader reads it: JA / NEJ together on its last line, five lines at most", () => {
    const lines = headerLines("Resultatenheter")[5];
    expect(lines[lines.length - 1]).toBe("JA / NEJ");
    // It once took six lines, `handlande? JA` over `/ NEJ`.
    expect(lines.length).toBeLessThanOrEqual(5);
  });

  it("gives the name column the width the figure columns' headers leave", () => {
    // 35,4 units while the city's long words (omslutningsförändringar) set its columns' widths;
    // Resultatenheter's own words (Resultatenheternas) and the four-line headers left 37,1, and
    // 36,1 once its last header (`… (max 10 %) …`, the unit kept with its number) is five lines deep;
    // 34,8 since the whole-nämnd table prints 002's own Avvikelse header (`… från Agresso, som
    // nämnden analyserar`), which takes a wider column to stay four lines deep.
    expect(spec.columnWidths[0]).toBeGreaterThan(34.5);
  });

  it("writes the city's headers with their words whole or broken by a printed hyphen, never a soft hyphen", () => {
    const texts = spec.rows.flat().map((c) => c?.value);
    expect(texts.filter((v) => typeof v === "string" && v.includes("\u00AD"))).toEqual([]);
    expect(texts).toContain("Begärda budget-\njusteringar\n(begärda BJ\ntertiarapport)");
    expect(texts).toContain("Prognos 2021 (före\nresultatöverföringar,\ninkl. begärda BJ)");
  });

  it("heads the city's two tables with the workbook's own header texts (002 lines 1925 and 1936)", () => {
    // Not the city's standard texts (`Prognos T2 2021 (inkl. …)`, `Avvikelse`): finance pastes the
    // table into the report the workbook's headers were written for. A word the seed's text splits
    // with a hyphen and a space (`budget- justeringar`) reads whole where it is not broken.
    expect(words(spec.rows[find(spec, "Driftbudget, hela nämnden") + 1])).toEqual([
      "Mnkr",
      "Budget 2021 (nämndbudget efter beslutade BJ)",
      "Begärda budget- justeringar (begärda BJ tertiarapport)",
      "Prestations- och omslutnings- förändringar (begärda/förvänt ade)",
      "Prognos Tertial/2021 (inkl. budgetjusteringar, prestationsförändringar, omslutningsförändringar)",
      "Avvikelse (avvikelse från Agresso, som nämnden analyserar)",
    ]);
    expect(words(spec.rows[find(spec, "Driftbudget per verksamhetsområde") + 1])).toEqual([
      "Mnkr",
      "Budget 2021 (netto, inkl. godkända BJ)",
      "Begärda budgetjusteringar",
      "Prognos 2021 (före resultatöverföringar, inkl. begärda BJ)",
      "Prognos 2021 (efter resultatöverföringar, inkl. begärda BJ)",
      "Avvikelse (+/-) (inkl. begärda BJ)",
    ]);
  });

  it("rules every total row across its whole table, empty cells too", () => {
    for (const [label, width] of [
      ["Summa resultatenheter", 7],
      ["Prognos/avvikelse efter resultatdisposition er", 6],
    ] as const) {
      const row = spec.rows[at(spec, label)];
      expect([label, row.length, row.every((c) => c?.style === "total")]).toEqual([label, width, true]);
    }
  });

  it("fits the sheet's columns to the printed page (A4 landscape, 0,5 in margins: 770 pt)", () => {
    const total = spec.columnWidths.reduce((sum, w) => sum + w, 0);
    expect(spec.columnWidths).toHaveLength(7);
    expect(total * 5.55).toBeLessThanOrEqual(770);
  });
});

describe("Målkoll Driftbudget of a workbook as the sample's: the city's tables, Resultatenheter and Budgetindikatorer", () => {
  it("prints the city's two tables on one page and Resultatenheter with Budgetindikatorer on the next", () => {
    const spec = driftbudget(
      snapshotOf(
        numeric(seedSheet("002-t2-driftbudget", "Driftbudget")),
        numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter")),
      ),
    );
    const row = (label: string): number => at(spec, label) + 1;
    const chart = row("Diagramunderlag: avvikelse per verksamhetsområde");
    // With the city's headers seven lines deep, the per-verksamhetsområde table went to a page of
    // its own under a half-empty first page.
    expect((spec.pageBreaks ?? []).filter((b) => b < chart)).toEqual([row("Resultatenheter")]);
    expect(row("Budgetindikatorer")).toBeLessThan(chart);
  });
});

describe("Investeringar where the source's Avvikelse does not add up", () => {
  it("shows the source's figure on that row (the finding says so), as on the others", () => {
    const sheet = numeric(seedSheet("002-t2-investeringar", "Investeringar"));
    const r = sheet.values.findIndex((row) => row[0] === "Reinvesteringar");
    sheet.values[r][4] = 0.5;
    const snapshot = snapshotOf(sheet);
    const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
    expect(result.findings.filter((f) => f.code === "budget-deviation-mismatch").map((f) => f.cell)).toEqual([
      `E${r + 1}`,
    ]);
    const spec = buildReport(result, { snapshot }).sheets.find((s) => s.key === "driftbudget")!;
    const rein = spec.rows[at(spec, "Reinvesteringar")];
    expect(rein[4]).toMatchObject({ value: 0.5, formula: `'Investeringar'!E${r + 1}` });
    const park = sheet.values.findIndex((row) => row[0] === "Parkinvesteringar") + 1;
    expect(spec.rows[at(spec, "Parkinvesteringar")][4]?.formula).toBe(`'Investeringar'!E${park}`);
  });
});

describe("Investeringar without a Budgetjusteringar column", () => {
  it("keeps the published column under the seed's header, empty, and the source's Avvikelse", () => {
    const sheet = numeric(seedSheet("002-t2-investeringar", "Investeringar"));
    const totalt = sheet.values.findIndex((row) => row[0] === "Totalt");
    sheet.values = sheet.values.map((row, i) => (i <= totalt ? [...row.slice(0, 3), ...row.slice(4)] : row));
    const snapshot = snapshotOf(sheet);
    const spec = driftbudget(snapshot);
    const header = at(spec, "Investeringar") + 1;
    expect(words(spec.rows[header])).toEqual([
      "Mnkr, netto",
      "Budget 2021 (inkl beviljade budgetjusteringar)",
      "Prognos tertial 2021",
      "Budgetjusteringar (ansökta medel i ärendet)",
      "Avvikelse (utgå från att begärda budgetjusteringar beviljas)",
    ]);
    const park = at(spec, "Parkinvesteringar");
    expect(spec.rows[park][3]).toBeNull();
    expect(spec.rows[park][4]).toMatchObject({
      value: 0,
      formula: expect.stringMatching(/^'Investeringar'!D\d+$/),
    });
  });
});

describe("Investeringar without an Avvikelse column", () => {
  it("sums it as Budget + begärda BJ − Prognos over its own row, under the seed's header", () => {
    const sheet = numeric(seedSheet("002-t2-investeringar", "Investeringar"));
    const totalt = sheet.values.findIndex((row) => row[0] === "Totalt");
    sheet.values = sheet.values.map((row, i) => (i <= totalt ? row.slice(0, 4) : row));
    const spec = driftbudget(snapshotOf(sheet));
    const header = at(spec, "Investeringar") + 1;
    expect(words(spec.rows[header])).toEqual(INVESTMENT_HEADER);
    const park = at(spec, "Parkinvesteringar");
    // Budget in B, Prognos in C, Budgetjusteringar in D.
    expect(spec.rows[park][4]).toMatchObject({ value: 0, formula: `B${park + 1}+D${park + 1}-C${park + 1}` });
  });
});

describe("a Resultatenheter table longer than a page", () => {
  it("repeats its header row on each page it continues on, and its figures keep pointing at their source", () => {
    const units = numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter"));
    const summa = units.values.findIndex((row) => row[0] === "Summa resultatenheter");
    const unitRows = units.values.slice(3, 27).filter((row) => typeof row[1] === "number");
    // The nämnd's units three times over (another nämnd has 60 and more).
    const copies = [1, 2].flatMap((n) =>
      unitRows.map((row) => [`${row[0] as string} ${n}`, ...row.slice(1)]),
    );
    units.values.splice(summa, 0, ...copies);
    const snapshot = snapshotOf(units);
    const spec = driftbudget(snapshot);
    const table = spec.tables!.find((t) => spec.rows[t.heading! - 1][0]?.value === "Resultatenheter")!;
    const breaks = (spec.pageBreaks ?? []).filter((b) => b > table.header && b <= table.last);
    expect(breaks.length).toBeGreaterThan(0);
    for (const b of breaks) expect(words(spec.rows[b - 1])).toEqual(RESULT_UNIT_HEADER);
    const last = spec.rows[table.last - 1];
    expect(last[0]?.value).toBe("Summa resultatenheter");
    expect(last[1]?.formula).toBe(`'Resultatenheter'!B${summa + copies.length + 1}`);
  });
});

describe("a Resultatenheter table whose groups hold groups", () => {
  it("reads and prints every unit under a group inside a group (Äldreomsorgen › Vård- och omsorgsboenden)", () => {
    const units = numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter"));
    const labels = (): unknown[] => units.values.map((row) => row[0]);
    const unitCount = units.values.filter((row) => typeof row[1] === "number").length;
    // 002 lines 2252–2258 under two groups of their own inside Äldreomsorgen.
    units.values.splice(labels().indexOf("Stureby Vård- och omsorgsboende"), 0, ["Vård- och omsorgsboenden"]);
    units.values.splice(labels().indexOf("Stureby hemtjänst"), 0, ["Hemtjänst"]);
    const snapshot = snapshotOf(units);
    const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
    const lines = result.model.budget.filter((line) => line.sheet === "Resultatenheter");
    expect(lines.filter((line) => line.kind !== "total")).toHaveLength(unitCount - 1);
    expect(lines.map((line) => line.label)).toContain("Östberga förskolor");
    const spec = driftbudget(snapshot);
    const header = find(spec, "Resultatenheter") + 1;
    const body = spec.rows.slice(header + 1, find(spec, "Summa resultatenheter", header) + 1);
    expect(groupLabels(body)).toEqual([
      "Socialpsykiatri",
      "Stöd och service till personer med funktionsnedsättning",
      "Äldreomsorgen",
      "Vård- och omsorgsboenden",
      "Hemtjänst",
      "Förskolor",
    ]);
    const printed = body.map((r) => r[0]?.value);
    expect(printed.indexOf("Vård- och omsorgsboenden") + 1).toBe(
      printed.indexOf("Stureby Vård- och omsorgsboende"),
    );
    expect(printed.indexOf("Hemtjänst") + 1).toBe(printed.indexOf("Stureby hemtjänst"));
  });
});

describe("a Resultatenheter group inside a group with an empty row between their labels", () => {
  it("reads and prints the units under the inner group, as without the empty row", () => {
    const units = numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter"));
    const unitCount = units.values.filter((row) => typeof row[1] === "number").length;
    const r = units.values.findIndex((row) => row[0] === "Stureby Vård- och omsorgsboende");
    units.values.splice(r, 0, [], ["Vård- och omsorgsboenden"]);
    const snapshot = snapshotOf(units);
    const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
    const lines = result.model.budget.filter((line) => line.sheet === "Resultatenheter");
    expect(lines.filter((line) => line.kind !== "total")).toHaveLength(unitCount - 1);
    expect(lines[lines.length - 1].label).toBe("Summa resultatenheter");
    const spec = driftbudget(snapshot);
    expect(groupLabels(spec.rows)).toEqual([
      "Socialpsykiatri",
      "Stöd och service till personer med funktionsnedsättning",
      "Äldreomsorgen",
      "Vård- och omsorgsboenden",
      "Förskolor",
    ]);
    expect(find(spec, "Stureby Vård- och omsorgsboende")).toBe(find(spec, "Vård- och omsorgsboenden") + 1);
  });
});

describe("what follows a Resultatenheter table: an empty row, the Investeringar heading and prose (002 lines 2271–2276)", () => {
  it.each([
    ["its Summa row", false],
    ["its last unit, with no Summa row", true],
  ])("ends the table at %s: the heading is no group and the prose no unit", (_, withoutSumma) => {
    const units = numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter"));
    if (withoutSumma) units.values = units.values.filter((row) => row[0] !== "Summa resultatenheter");
    const last = units.values.filter((row) => typeof row[1] === "number").pop()![0];
    units.values.push(...seedSheet("002-t2-efter-resultatenheter").values);
    const snapshot = snapshotOf(units);
    const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
    const lines = result.model.budget.filter((line) => line.sheet === "Resultatenheter");
    expect(lines[lines.length - 1].label).toBe(last);
    const table = result.recognition.tables.find((t) => t.sheet === "Resultatenheter")!;
    expect(table.groupRows!.map((g) => g.label)).toEqual([
      "Socialpsykiatri",
      "Stöd och service till personer med funktionsnedsättning",
      "Äldreomsorgen",
      "Förskolor",
    ]);
    expect(groupLabels(driftbudget(snapshot).rows)).not.toContain("Investeringar");
  });
});

describe("a Resultatenheter group inside a group, printed", () => {
  it("is one level in for each group whose label stands right above it; a group after units stays at the top", () => {
    const units = numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter"));
    const labels = (): unknown[] => units.values.map((row) => row[0]);
    // Äldreomsorgen › Särskilt boende › Vård- och omsorgsboenden over 002 lines 2250–2251, then
    // Servicehus over 2252–2253: after units the sheet does not say whether it is inside Särskilt
    // boende, inside Äldreomsorgen or beside it, so it is printed as the sheet shows it, not indented.
    units.values.splice(
      labels().indexOf("Stureby Vård- och omsorgsboende"),
      0,
      ["Särskilt boende"],
      ["Vård- och omsorgsboenden"],
    );
    units.values.splice(labels().indexOf("Enskede nya servicehus"), 0, ["Servicehus"]);
    const spec = driftbudget(snapshotOf(units));
    const groups = spec.rows.filter((r) => r[0]?.style === "group").map((r) => [r[0]!.value, r[0]!.indent]);
    expect(groups).toEqual([
      ["Socialpsykiatri", undefined],
      ["Stöd och service till personer med funktionsnedsättning", undefined],
      ["Äldreomsorgen", undefined],
      ["Särskilt boende", 1],
      ["Vård- och omsorgsboenden", 2],
      ["Servicehus", undefined],
      ["Förskolor", undefined],
    ]);
    expect(find(spec, "Stureby Vård- och omsorgsboende")).toBe(find(spec, "Vård- och omsorgsboenden") + 1);
  });
});

describe("a plan (VP) workbook", () => {
  it("keeps its Driftbudget to the plan's VP tables: Investeringar and Resultatenheter are follow-up tables", () => {
    const snapshot = snapshotOf(
      seedSheet("003-vp-budget", "Ekonomi"),
      numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter")),
    );
    const result = check(snapshot, { period: { kind: "VP", year: 2022 } });
    expect(result.model.budget.some((l) => l.tableType === "resultatenheter")).toBe(true);
    const spec = buildReport(result, { snapshot }).sheets.find((s) => s.key === "driftbudget")!;
    expect(spec.rows.some((r) => r[0]?.value === "Resultatenheter")).toBe(false);
    expect(spec.rows.some((r) => r[0]?.style === "header")).toBe(true);
  });
});

describe("a Resultatenheter table with a unit's Analys under it", () => {
  it("prints no group for the Analys row: it is the unit's, not a heading", () => {
    const units = numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter"));
    const r = units.values.findIndex((row) => row[0] === "Assistansenheten");
    // 002 line 2290's words on investments, standing in for a unit's own.
    units.values.splice(r + 1, 0, ["Analys: För 2021 prognostiseras ingen avvikelse."]);
    const spec = driftbudget(snapshotOf(units));
    expect(groupLabels(spec.rows)).toEqual([
      "Socialpsykiatri",
      "Stöd och service till personer med funktionsnedsättning",
      "Äldreomsorgen",
      "Förskolor",
    ]);
    expect(spec.rows.some((row) => String(row[0]?.value).startsWith("Analys"))).toBe(false);
  });
});

describe("a Resultatenheter group named by a number", () => {
  it("prints it as a group, as the table's reader took it, not drop it and leave its units under the group above", () => {
    const units = numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter"));
    const r = units.values.findIndex((row) => row[0] === "Äldreomsorgen");
    units.values[r][0] = 2021;
    const spec = driftbudget(snapshotOf(units));
    expect(groupLabels(spec.rows)).toEqual([
      "Socialpsykiatri",
      "Stöd och service till personer med funktionsnedsättning",
      "2021",
      "Förskolor",
    ]);
  });
});

describe("a Resultatenheter table over several pages, wherever its page breaks fall", () => {
  it("never leaves a group's name alone at the bottom of a page", () => {
    const seed = numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter"));
    const summa = seed.values.findIndex((row) => row[0] === "Summa resultatenheter");
    // Groups and their units (rows 4 to the Summa row), three times over, after `pad` more units:
    // each padding moves the page breaks one row against the groups.
    const block = seed.values.slice(3, summa).filter((row) => typeof row[0] === "string");
    const groupsSeen = new Set<number>();
    for (let pad = 0; pad < 25; pad++) {
      const units = numeric(seedSheet("002-t2-resultatenheter", "Resultatenheter"));
      const first = units.values[4];
      const padding = Array.from({ length: pad }, (_, i) => [`Extra enhet ${i + 1}`, ...first.slice(1)]);
      const copies = [1, 2].flatMap((n) =>
        block.map((row) =>
          typeof row[1] === "number"
            ? [`${row[0] as string} ${n}`, ...row.slice(1)]
            : [`${row[0] as string} ${n}`],
        ),
      );
      units.values.splice(4, 0, ...padding);
      units.values.splice(summa + pad, 0, ...copies);
      const spec = driftbudget(snapshotOf(units));
      const table = spec.tables!.find((t) => spec.rows[t.heading! - 1][0]?.value === "Resultatenheter")!;
      for (let r = table.header; r < table.last; r++)
        if (spec.rows[r][0]?.style === "group") groupsSeen.add(pad);
      for (const b of (spec.pageBreaks ?? []).filter((b) => b > table.header && b <= table.last))
        expect([pad, spec.rows[b - 2][0]?.style]).not.toEqual([pad, "group"]);
    }
    expect(groupsSeen.size).toBe(25);
  });
});
