import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { STATE_SHEET } from "../../../src/engine/report/spec";
import { emptyState, encodeState } from "../../../src/engine/state";
import { loadSeedFixture, plainSheet, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";

/** 002's pandemic cost table (lines 52–59): header, label row, three kinds of cost, their sum, two footnotes. */
function pandemicLines(): string[] {
  const lines = seedLines(loadSeedFixture("002-t2-driftbudget"));
  const header = lines.findIndex((l) => l.startsWith("Pandemi\tNämnd adm"));
  const sum = lines.findIndex((l) => l.startsWith("Summa kostnader"));
  return lines.slice(header, sum + 3);
}

/**
 * The seed's title, a line of prose under it (as 002 has), then the table; its figures numbers, as
 * the workbook holds them (the seed's text has them as text: `4 162`).
 */
function pandemicSheet(): SheetGrid {
  const grid = textToSheet(
    "Ekonomi",
    [
      "Pandemi – Kostnader",
      "",
      "För att ge en överblick redovisas bokförda kostnader i nedan tabell.",
      "",
      ...pandemicLines(),
    ].join("\n"),
  );
  grid.values = grid.values.map((row) =>
    row.map((v) =>
      typeof v === "string" && /^-?\d{1,3}( \d{3})*$/.test(v) ? Number(v.replace(/ /g, "")) : v,
    ),
  );
  return grid;
}

/**
 * The report of the sheets: its Korstabeller sheet (empty rows where there is none) and its
 * Driftbudget (no rows where there is none: cross tables alone make no other sheet).
 */
function report(...sheets: SheetGrid[]) {
  const snapshot = snapshotOf(...sheets);
  const result = check(snapshot);
  const output = buildReport(result, { snapshot, generatedAt: new Date("2021-09-15T10:00:00Z") });
  const none: SheetSpec = { key: "korstabeller", rows: [], columnWidths: [] };
  const sheet = output.sheets.find((s) => s.key === "korstabeller") ?? none;
  const values = (rows: SheetSpec["rows"]) => rows.map((r) => r.map((c) => c?.value ?? null));
  const driftbudget = output.sheets.find((s) => s.key === "driftbudget") ?? none;
  return {
    result,
    output,
    sheet,
    values: values(sheet.rows),
    driftbudget: values(driftbudget.rows),
  };
}

function withMappings(mappings: object[]): SheetGrid {
  return {
    ...plainSheet(STATE_SHEET, encodeState({ ...emptyState(), mappings } as never)),
    visibility: "veryHidden",
  };
}

const HEADER = [
  "Pandemi",
  "Nämnd adm",
  "loF BoU",
  "Fritid",
  "loF Vux",
  "Ek bist ArbM",
  "Soc. psyk",
  "Funk",
  "Stads-miljö",
  "Fsk",
  "ÄO",
  "Total-summa (tkr)",
];

/** 002's table by verksamhetsområde (lines 17–34), on a sheet of its own: a budget table beside the cross table. */
function budgetSheet(): SheetGrid {
  const lines = seedLines(loadSeedFixture("002-t2-driftbudget"));
  const header = lines.findIndex((l) => l.startsWith("Mnkr\tBudget 2021 (netto"));
  const total = lines.findIndex((l, i) => i > header && l.startsWith("Totalt\t"));
  return textToSheet("Driftbudget", lines.slice(header, total + 1).join("\n"));
}

describe("the Korstabeller sheet", () => {
  test("002's pandemic costs print under their title, their header and rows as written, the amounts over their source cells", () => {
    const { result, output, sheet, values, driftbudget } = report(pandemicSheet(), budgetSheet());
    expect(result.model.budget.map((b) => b.label)).toContain("Äldreomsorg");
    // A sheet of its own after Driftbudget, titled as the others are; Driftbudget is as before.
    expect(output.sheets.map((s) => s.key)).toEqual([
      "indikatorer",
      "maluppfyllelse",
      "driftbudget",
      "korstabeller",
      "avvikelser",
      "aktiviteter",
    ]);
    expect(values[0]).toEqual(["Målkoll – Korstabeller"]);
    expect(driftbudget.some((r) => r[0] === "Inhyrd personal")).toBe(false);
    const title = values.findIndex((r) => r[0] === "Pandemi – Kostnader");
    expect(title).toBeGreaterThan(0);
    expect(values[title + 1]).toEqual(HEADER);
    expect(sheet.rows[title + 1].every((c) => c?.style === "header")).toBe(true);
    const body = values.slice(title + 2, title + 7);
    expect(body.map((r) => r[0])).toEqual([
      "Kostnader januari-augusti (tkr)",
      "Inhyrd personal",
      "Personal-kostnader*",
      "Övriga kostnader**",
      "Summa kostnader",
    ]);
    // 002 lines 54 and 57: blanks stay blank, the total column included.
    expect(body[1]).toEqual(["Inhyrd personal", null, 4162, 20, 11, 289, null, null, null, 623, null, 5105]);
    expect(body[4]).toEqual(["Summa kostnader", 36, 4209, 18, 11, 1317, 207, 3109, 57, 5219, 5955, 20138]);
    expect(body[0].slice(1).every((v) => v === null)).toBe(true);
    // The footnotes its asterisks point at, right under it and across it, on its page.
    expect(values.slice(title + 7, title + 9)).toEqual([
      ["* Personalkostnader: extra personal pga Covid-19"],
      ["** Övriga kostnader: exempelvis arbetskläder, kost, transporter, lokaler, inventarier"],
    ]);
    expect(sheet.tables?.at(-1)?.last).toBe(title + 9); // 1-based: the second footnote's row
    expect(sheet.merges).toContain(`A${title + 8}:L${title + 8}`);
    const sum = sheet.rows[title + 6];
    expect(sum.map((c) => c?.style)).toEqual(Array(12).fill("total"));
    // Over its source cell (the sheet's row 10 holds Summa kostnader), in the report's amount format.
    expect(sum[2]).toMatchObject({ formula: "'Ekonomi'!C10", value: 4209, format: "#,##0" });
    expect(sheet.rows[title + 3][1]).toBeNull();
  });

  test("a workbook with cross tables alone gets Korstabeller and no empty shell beside it, and no warning that nothing was found", () => {
    const { result, output, values } = report(pandemicSheet());
    expect(result.model.budget).toEqual([]);
    expect(output.sheets.map((s) => s.key)).toEqual(["korstabeller"]);
    expect(values.filter((r) => r[0] === "Summa kostnader")).toHaveLength(1);
    expect(result.findings.map((f) => f.code)).not.toContain("nothing-recognised");
    // Its sums are still checked, and flagged where they are wrong.
    const grid = pandemicSheet();
    const sum = grid.values.findIndex((r) => r[0] === "Summa kostnader");
    grid.values[sum][2] = 4309; // 100 more than its rows
    const wrong = report(grid);
    expect(wrong.result.findings.filter((f) => f.severity === "error").map((f) => f.cell)).toContain("C10");
    expect(wrong.output.flags.map((f) => f.cell)).toContain("C10");
  });

  test("a source cell's own format is kept, text stays text", () => {
    const grid = pandemicSheet();
    const header = grid.values.findIndex((r) => r[0] === "Pandemi");
    const row = header + 2;
    grid.formats = grid.values.map(() => []);
    grid.formats[row][2] = "#,##0.0";
    grid.values[row][3] = "20";
    const { values, sheet } = report(grid);
    const at = values.findIndex((r) => r[0] === "Inhyrd personal");
    expect(sheet.rows[at][2]).toMatchObject({ value: 4162, format: "#,##0.0" });
    expect(sheet.rows[at][3]).toMatchObject({ value: "20", align: "right" });
  });

  test("said to be no table (Det här är ingen tabell), it is not printed, and no sheet is made for none", () => {
    const { values, output } = report(
      pandemicSheet(),
      withMappings([{ sheet: "Ekonomi", headerCell: "A5", tableType: "ignore" }]),
    );
    expect(values.some((r) => r[0] === "Inhyrd personal" || r[0] === "Pandemi")).toBe(false);
    expect(output.sheets.map((s) => s.key)).not.toContain("korstabeller");
  });

  test("mapped as Annan budgettabell, it prints once, as that table", () => {
    const { result, values, driftbudget, output } = report(
      pandemicSheet(),
      withMappings([
        {
          sheet: "Ekonomi",
          headerCell: "A5",
          tableType: "budget-other",
          columns: { A: "name", B: "amount", C: "amount", D: "amount" },
        },
      ]),
    );
    expect(result.model.budget.length).toBeGreaterThan(0);
    expect(driftbudget.filter((r) => r[0] === "Summa kostnader")).toHaveLength(1);
    expect(driftbudget.filter((r) => r[0] === "Inhyrd personal")).toHaveLength(1);
    expect(values).toEqual([]);
    expect(output.sheets.map((s) => s.key)).not.toContain("korstabeller");
  });

  test("without a title above, its header's first cell names it; in the workbook's order", () => {
    const grid = pandemicSheet();
    // The header down to Summa kostnader, twice: the second one's row labels' header `Vaccin`.
    const table = grid.values.slice(4, 10);
    grid.values = [...table, [], [], ["Vaccin", ...table[0].slice(1)], ...table.slice(1)];
    const { values } = report(grid);
    const headings = values
      .filter((r) => r[0] === "Pandemi" || r[0] === "Vaccin")
      .map((r) => [r[0], r[1] ?? null]);
    expect(headings).toEqual([
      ["Pandemi", null],
      ["Pandemi", "Nämnd adm"],
      ["Vaccin", null],
      ["Vaccin", "Nämnd adm"],
    ]);
  });

  test("an investment plan over years: the repeated header is the sheet's own, not a row", () => {
    const repeated = ["Investeringar (mnkr)", 2022, 2023, 2024, "Summa"];
    const { values, sheet } = report(
      plainSheet("Plan", [
        repeated,
        ["Skolor", 10, 8, 3, 21],
        ["Summa skolor", 10, 8, 3, 21],
        repeated,
        ["Parker", 2, 1, 0, 3],
        ["Summa parker", 2, 1, 0, 3],
        ["Summa investeringar", 12, 9, 3, 24],
      ]),
    );
    // Untitled: the labels' header names it, above its header row.
    const header = values.findIndex((r) => r[1] === "2022");
    expect(values[header - 1]).toEqual(["Investeringar (mnkr)"]);
    // (The labels' column is as narrow as its labels: the header wraps.)
    expect(values[header].map((v) => String(v).replace("\n", " "))).toEqual([
      "Investeringar (mnkr)",
      "2022",
      "2023",
      "2024",
      "Summa",
    ]);
    expect(values.slice(header + 1).map((r) => r[0])).toEqual([
      "Skolor",
      "Summa skolor",
      "Parker",
      "Summa parker",
      "Summa investeringar",
    ]);
    // Five columns: the labels and four of amounts.
    expect(sheet.columnWidths).toHaveLength(5);
  });

  test("`varav` rows under the last total print with it, in italics and indented as Driftbudget's, over their cells", () => {
    const { values, sheet } = report(
      plainSheet("Plan", [
        ["Investeringar (mnkr)", 2022, 2023, 2024, "Summa"],
        ["Skolor", 10, 8, 3, 21],
        ["Parker", 2, 1, 0, 3],
        ["Summa investeringar", 12, 9, 3, 24],
        ["varav reinvesteringar", 5, 4, 1, 10],
        ["<i>därav underhåll</i>", 1, 1, 1, 3],
        [],
        ["Källa: investeringsplanen 2022–2024"],
      ]),
    );
    const at = values.findIndex((r) => r[0] === "varav reinvesteringar");
    expect(values[at - 1][0]).toBe("Summa investeringar");
    expect(values[at + 1]).toEqual(["därav underhåll", 1, 1, 1, 3]);
    expect(values.some((r) => r[0] === "Källa: investeringsplanen 2022–2024")).toBe(false);
    const part = sheet.rows[at];
    expect(part.map((c) => c?.style)).toEqual(Array(5).fill("varav"));
    expect(part[0]?.indent).toBe(1);
    expect(part[2]).toMatchObject({ formula: "'Plan'!C5", value: 4 });
    expect(sheet.rows[at - 1][0]?.style).toBe("total");
  });

  test("made by an earlier run, with no cross table left: the sheet says so instead of keeping old tables", () => {
    const state = {
      ...emptyState(),
      owned: [{ key: "korstabeller", name: "Målkoll Korstabeller", checksum: "x" }],
    };
    const stateSheet = {
      ...plainSheet(STATE_SHEET, encodeState(state as never)),
      visibility: "veryHidden" as const,
    };
    const old = plainSheet("Målkoll Korstabeller", [["Målkoll – Korstabeller"], ["Pandemi – Kostnader"]]);
    const plain = plainSheet("Ekonomi", [["Kostnader", "Belopp"]]);
    expect(report(plain, old, stateSheet).values.slice(-1)).toEqual([
      ["Inga korstabeller hittades i arbetsboken."],
    ]);
    // Renamed only in case since (Excel's names ignore case, and the planner keeps it owned).
    const renamed = { ...old, name: "målkoll korstabeller" };
    expect(report(plain, renamed, stateSheet).values.slice(-1)).toEqual([
      ["Inga korstabeller hittades i arbetsboken."],
    ]);
    // Deleted by the user since: not made again.
    expect(report(plain, stateSheet).output.sheets.map((s) => s.key)).not.toContain("korstabeller");
  });

  test("an edited copy of the sheet (renamed, the state no longer naming it) is Målkoll's output, not a source: the table prints once", () => {
    const copy = plainSheet("Målkoll Korstabeller (red 2026-12-07)", [
      ["Målkoll – Korstabeller T2 2021"],
      ["Skapad av Målkoll 2026-12-07 från exempel.xlsx; ändra inte – tabellen skapas om"],
      [],
      ["Pandemi – Kostnader"],
      ...pandemicSheet().values.slice(4),
    ]);
    const { result, values } = report(pandemicSheet(), copy);
    expect(result.recognition.crossTables.map((t) => t.sheet)).toEqual(["Ekonomi"]);
    expect(values.filter((r) => r[0] === "Summa kostnader")).toHaveLength(1);
    // Without Målkoll's title and note it is the user's sheet, read as any other.
    const own = plainSheet("Kopia", copy.values.slice(2));
    expect(report(pandemicSheet(), own).result.recognition.crossTables).toHaveLength(2);
  });

  test("the title: past a lead-in ending in a colon, beside its unit; never the footnote of the table above", () => {
    const table = (first: string): CellValue[][] => [
      [first, "Fsk", "ÄO", "Funk", "Totalt"],
      ["Personal", 1, 2, 3, 6],
      ["Övrigt*", 1, 1, 1, 3],
      ["Summa", 2, 3, 4, 9],
    ];
    const titles = (rows: CellValue[][]) =>
      report(plainSheet("Ekonomi", rows))
        .sheet.rows.filter((r) => r[0]?.style === "heading")
        .map((r) => r[0]?.value);
    expect(
      titles([["Kostnader per område"], ["Tabellen nedan visar kostnaderna per område:"], ...table("Slag")]),
    ).toEqual(["Kostnader per område"]);
    expect(titles([["Kostnader per område", null, null, "tkr"], [], ...table("Slag")])).toEqual([
      "Kostnader per område",
    ]);
    expect(
      titles([["Kostnader 2021"], ...table("Slag"), ["* Övrigt: material"], [], ...table("Vaccin")]),
    ).toEqual(["Kostnader 2021", "Vaccin"]);
  });

  test("a `*` line under a table whose labels have no asterisk is a list of its own, not its footnote", () => {
    const rows: CellValue[][] = [
      ["Slag", "Fsk", "ÄO", "Funk", "Totalt"],
      ["Personal", 1, 2, 3, 6],
      ["Övrigt", 1, 1, 1, 3],
      ["Summa", 2, 3, 4, 9],
      ["* Ny förskola öppnade i mars"],
    ];
    const { values } = report(plainSheet("Ekonomi", rows));
    expect(values.some((r) => r[0] === "* Ny förskola öppnade i mars")).toBe(false);
    rows[2][0] = "Övrigt*";
    expect(
      report(plainSheet("Ekonomi", rows)).values.some((r) => r[0] === "* Ny förskola öppnade i mars"),
    ).toBe(true);
  });
});
