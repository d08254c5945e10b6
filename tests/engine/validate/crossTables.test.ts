import { check } from "../../../src/engine";
import { toContractJson } from "../../../src/cli/json";
import type { Finding } from "../../../src/engine/findings";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { seedAtLines } from "../../helpers/seedAtLines";
import { loadSeedFixture, plainSheet, seedFixtureDir, snapshotOf, sourceOf } from "../../helpers/seedGrid";
import * as fs from "fs";

const totals = (fs: Finding[]) => fs.filter((f) => f.code === "budget-total-mismatch");

/** 002 lines 1921–1986 at their own rows: the pandemic cost table is rows 1971–1976 (A–L). */
function driftbudget(): SheetGrid {
  return seedAtLines("002-t2-driftbudget");
}

/** The sheet with the cell at (`row`, column `col`, 1-based) holding `value` instead. */
function withCell(sheet: SheetGrid, row: number, col: number, value: CellValue): SheetGrid {
  const values = sheet.values.map((r) => [...r]);
  const cells = values[row - sheet.originRow];
  while (cells.length < col) cells.push(null);
  cells[col - sheet.originCol] = value;
  return { ...sheet, values };
}

/** Columns of the pandemic table (002 line 1971). */
const FSK = 10; // J
const FRITID = 4; // D
const TOTAL = 12; // L

describe("002's pandemic cost table (lines 1971–1976): its sums both ways", () => {
  test("the seed's rows hold within rounding (14 185 against 14 186, 4 209 against 4 210): no finding", () => {
    const sheet = driftbudget();
    // The two cells the report rounded: as written, and what their parts add up to.
    expect(sheet.values[1974 - 1921][TOTAL - 1]).toBe("14 185");
    expect(sheet.values[1976 - 1921][3 - 1]).toBe("4 209");
    const result = check(snapshotOf(sheet));
    expect(result.recognition.crossTables.map((t) => [t.cell, t.lastRow])).toEqual([["A1971", 1976]]);
    expect(totals(result.findings)).toEqual([]);
    expect(result.findings.filter((f) => f.code === "header-unrecognized").map((f) => f.cell)).toEqual([
      "A1984", // the state grant table under it, as before
    ]);
  });

  test("Fsk's Inhyrd personal 623 → 723: its row's total and its column's Summa, by 100, and the cell where they cross", () => {
    const result = check(snapshotOf(withCell(driftbudget(), 1973, FSK, "723")));
    const crossing = {
      sv: " Med 623 i J1973 i stället för 723 stämmer både raden och kolumnen.",
      en: " With 623 in J1973 instead of 723, both the row and the column add up.",
    };
    expect(totals(result.findings)).toEqual([
      expect.objectContaining({
        severity: "error",
        sheet: "Uppföljning",
        cell: "L1973",
        range: "B1973:L1973", // Nämnd adm to the total
        message:
          "”Inhyrd personal”, kolumnen ”Total-summa (tkr)”: 5\u00a0105 är inte summan av raden, 5\u00a0205; skillnaden är 100." +
          crossing.sv,
        messageEn:
          '"Inhyrd personal", column "Total-summa (tkr)": 5,105 is not the sum of the row, 5,205; the difference is 100.' +
          crossing.en,
      }),
      expect.objectContaining({
        severity: "error",
        cell: "J1976",
        range: "J1973:J1976", // Inhyrd personal to Summa kostnader (1972 is a label)
        message:
          "”Summa kostnader”, kolumnen ”Fsk”: 5\u00a0219 är inte summan av raderna ovan, 5\u00a0319; skillnaden är 100." +
          crossing.sv,
        messageEn:
          '"Summa kostnader", column "Fsk": 5,219 is not the sum of the rows above, 5,319; the difference is 100.' +
          crossing.en,
      }),
    ]);
  });

  test("a blank cell where a figure belongs (J1973's 623 gone): the crossing says what it should hold", () => {
    const result = check(snapshotOf(withCell(driftbudget(), 1973, FSK, null)));
    expect(totals(result.findings).map((f) => [f.cell, f.message])).toEqual([
      [
        "L1973",
        "”Inhyrd personal”, kolumnen ”Total-summa (tkr)”: 5\u00a0105 är inte summan av raden, 4\u00a0482; skillnaden är 623. Med 623 i J1973 i stället för en tom cell stämmer både raden och kolumnen.",
      ],
      [
        "J1976",
        "”Summa kostnader”, kolumnen ”Fsk”: 5\u00a0219 är inte summan av raderna ovan, 4\u00a0596; skillnaden är 623. Med 623 i J1973 i stället för en tom cell stämmer både raden och kolumnen.",
      ],
    ]);
  });

  test("a row's total off (L1973 5 105 → 5 205): the total column's Summa, right, says to correct L1973 first", () => {
    const result = check(snapshotOf(withCell(driftbudget(), 1973, TOTAL, "5 205")));
    expect(totals(result.findings).map((f) => [f.cell, f.message, f.messageEn])).toEqual([
      [
        "L1973",
        "”Inhyrd personal”, kolumnen ”Total-summa (tkr)”: 5\u00a0205 är inte summan av raden, 5\u00a0105; skillnaden är 100.",
        '"Inhyrd personal", column "Total-summa (tkr)": 5,205 is not the sum of the row, 5,105; the difference is 100.',
      ],
      [
        "L1976",
        "”Summa kostnader”, kolumnen ”Total-summa (tkr)”: 20\u00a0138 är inte summan av raderna ovan, 20\u00a0238; skillnaden är 100. L1973 stämmer inte med sin rad: rätta den först; då blir summan 20\u00a0138, samma som här.",
        '"Summa kostnader", column "Total-summa (tkr)": 20,138 is not the sum of the rows above, 20,238; the difference is 100. L1973 does not match its row: correct it first; the sum is then 20,138, the same as here.',
      ],
    ]);
  });

  test("two cells off in one row (J1973 and C1973, by 100 and 10): no cell is named as the one to change", () => {
    const twice = withCell(withCell(driftbudget(), 1973, FSK, "723"), 1973, 3, "4 172");
    const messages = totals(check(snapshotOf(twice)).findings).map((f) => [f.cell, f.message]);
    expect(messages.map(([cell]) => cell)).toEqual(["L1973", "C1976", "J1976"]);
    for (const [, message] of messages) expect(message).not.toMatch(/Med .* i stället för|rätta/);
  });

  test("a Summa cell off (Fritid 18 → 28): its column, and the Summa row across", () => {
    const result = check(snapshotOf(withCell(driftbudget(), 1976, FRITID, "28")));
    expect(totals(result.findings).map((f) => [f.cell, f.message])).toEqual([
      [
        "D1976",
        "”Summa kostnader”, kolumnen ”Fritid”: 28 är inte summan av raderna ovan, 18; skillnaden är 10.",
      ],
      [
        "L1976",
        "”Summa kostnader”, kolumnen ”Total-summa (tkr)”: 20\u00a0138 är inte summan av raden, 20\u00a0148; skillnaden är 10. D1976 stämmer inte med raderna ovan: rätta den först; då blir summan 20\u00a0138, samma som här.",
      ],
    ]);
  });

  test("a cell off by about the same in its row and its column (C1973 4 162 → 4 262; C1976 is rounded): one value, on both findings", () => {
    // The row is off by 100, the column by 101 (the seed's C1976 4 209 is 4 210 rounded): 4 162
    // makes both add up within rounding, and both findings say so.
    const result = check(snapshotOf(withCell(driftbudget(), 1973, 3, "4 262")));
    const note = " Med 4\u00a0162 i C1973 i stället för 4\u00a0262 stämmer både raden och kolumnen.";
    expect(totals(result.findings).map((f) => [f.cell, f.message])).toEqual([
      [
        "L1973",
        "”Inhyrd personal”, kolumnen ”Total-summa (tkr)”: 5\u00a0105 är inte summan av raden, 5\u00a0205; skillnaden är 100." +
          note,
      ],
      [
        "C1976",
        "”Summa kostnader”, kolumnen ”loF BoU”: 4\u00a0209 är inte summan av raderna ovan, 4\u00a0310; skillnaden är 101." +
          note,
      ],
    ]);
  });

  test("the grand total is checked both ways: 20 138 → 20 238 is neither its row nor its column", () => {
    const result = check(snapshotOf(withCell(driftbudget(), 1976, TOTAL, "20 238")));
    expect(totals(result.findings).map((f) => [f.cell, f.messageEn])).toEqual([
      [
        "L1976",
        '"Summa kostnader", column "Total-summa (tkr)": 20,238 is not the sum of the row, 20,138; the difference is 100.',
      ],
      [
        "L1976",
        '"Summa kostnader", column "Total-summa (tkr)": 20,238 is not the sum of the rows above, 20,138; the difference is 100.',
      ],
    ]);
  });

  test("it enters no budget line: the JSON model is the same with and without its rows", () => {
    const sheet = driftbudget();
    const blanked = {
      ...sheet,
      values: sheet.values.map((r, i) => (i + 1921 >= 1971 && i + 1921 <= 1978 ? [] : r)),
    };
    const model = (s: SheetGrid) => {
      const { findings, ...rest } = toContractJson("002.xlsx", check(snapshotOf(s)));
      return { rest, codes: findings.map((f) => f.code) };
    };
    const withTable = model(sheet);
    expect(withTable.rest.budget.length).toBeGreaterThan(0);
    expect(withTable.rest.budget.filter((b) => b.row >= 1971 && b.row <= 1978)).toEqual([]);
    expect(withTable.rest).toEqual(model(blanked).rest);
  });
});

/** A small cross table from rows of cells (row 1 the header). */
function crossSheet(rows: CellValue[][]): SheetGrid {
  return plainSheet("Pandemi", rows);
}

const header = (total: string): CellValue[] => ["Kostnadsslag", "Fsk", "ÄO", "Funk", total];

describe("cross tables as users write them", () => {
  test.each(["Totalt", "Total", "Summa", "Total-summa (tkr)", "Totalsumma", "Summa (tkr)"])(
    "a total column headed %s is read, and its sums checked",
    (total) => {
      const rows = [header(total), ["Personal", 1, 2, 3, 6], ["Övrigt", 1, 1, 1, 3], ["Summa", 2, 3, 4, 19]];
      const result = check(snapshotOf(crossSheet(rows)));
      expect(result.recognition.crossTables.map((t) => t.total.header)).toEqual([total]);
      expect(result.findings.filter((f) => f.code === "header-unrecognized")).toEqual([]);
      // 19 is neither the Summa row's sum across nor the total column's down (9).
      expect(totals(result.findings).map((f) => f.cell)).toEqual(["E4", "E4"]);
    },
  );

  test.each(["Summering", "Totalkostnad", "Budget"])("a last column headed %s is no total column", (last) => {
    const rows = [header(last), ["Personal", 1, 2, 3, 6], ["Övrigt", 1, 1, 1, 3], ["Summa", 2, 3, 4, 9]];
    const result = check(snapshotOf(crossSheet(rows)));
    expect(result.recognition.crossTables).toEqual([]);
    expect(totals(result.findings)).toEqual([]);
  });

  test("blank cells are zero, text figures (`4 162`, `-2`) and numbers are read alike", () => {
    const rows: CellValue[][] = [
      header("Totalt"),
      ["Inhyrd personal", "4 162", null, 20, "4 182"],
      ["Övriga kostnader", "-2", "", 5, 3],
      ["Summa kostnader", "4 160", null, "25", "4 185"],
    ];
    expect(totals(check(snapshotOf(crossSheet(rows))).findings)).toEqual([]);
    rows[2][4] = 13;
    expect(totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => f.cell)).toEqual(["E3", "E4"]);
  });

  test("rounding: half a unit of the last decimal per figure, the total among them", () => {
    // Two parts and a total: 1,5 units of slack.
    const table = (total: CellValue): CellValue[][] => [
      header("Totalt"),
      ["a", "1", "1", null, total],
      ["b", "1", "1", null, "2"],
      ["Summa", "2", "2", null, "4"],
    ];
    expect(totals(check(snapshotOf(crossSheet(table("3")))).findings)).toEqual([]);
    expect(totals(check(snapshotOf(crossSheet(table("4")))).findings).map((f) => f.cell)).toEqual([
      "E2",
      "E4",
    ]);
    // One decimal: 0,4 + 0,4 against 0,9 holds (0,15 of slack), against 1,0 it does not.
    const decimals = (total: string): CellValue[][] => [
      header("Totalt"),
      ["a", "0,4", "0,4", null, total],
      ["b", "0,1", "0,1", null, "0,2"],
      ["Summa", "0,5", "0,5", null, "1,1"],
    ];
    expect(totals(check(snapshotOf(crossSheet(decimals("0,9")))).findings)).toEqual([]);
    expect(totals(check(snapshotOf(crossSheet(decimals("1,0")))).findings).map((f) => f.cell)).toEqual([
      "E2",
    ]);
  });

  test("a column of shares beside the total is not added; a varav row is checked across but not added down", () => {
    const rows: CellValue[][] = [
      [...header("Totalt"), "Andel %"],
      ["Personal", 1, 2, 3, 6, "60 %"],
      ["varav inhyrd", 1, 1, 0, 2, "20 %"],
      ["Övrigt", 1, 1, 2, 4, "40 %"],
      ["Summa", 2, 3, 5, 10, "100 %"],
    ];
    const result = check(snapshotOf(crossSheet(rows)));
    expect(result.recognition.crossTables.map((t) => t.columns.map((c) => c.header))).toEqual([
      ["Fsk", "ÄO", "Funk"],
    ]);
    expect(totals(result.findings)).toEqual([]);
    rows[2][4] = 7;
    expect(totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => f.cell)).toEqual(["E3"]);
  });

  test("an area named Handel is an area, not a share (andel)", () => {
    const rows: CellValue[][] = [
      ["Kostnadsslag", "Handel", "Fsk", "Totalt"],
      ["Personal", 5, 1, 6],
      ["Övrigt", 5, 1, 6],
      ["Summa", 10, 2, 12],
    ];
    const result = check(snapshotOf(crossSheet(rows)));
    expect(result.recognition.crossTables.map((t) => t.columns.map((c) => c.header))).toEqual([
      ["Handel", "Fsk"],
    ]);
    expect(totals(result.findings)).toEqual([]);
  });

  test.each([
    ["numbers", [2022, 2023, 2024]],
    ["text", ["2022", "2023 ", "2024"]],
  ])("years as column headers (%s: an investment plan over years) are columns of amounts", (_, years) => {
    const rows: CellValue[][] = [
      ["Investering (mnkr)", ...years, "Totalt"],
      ["Skolor", "12,0", "8,5", 3, "23,5"],
      ["Parker", 2, 1, null, 3],
      ["Summa", "14,0", "9,5", 3, "26,5"],
    ];
    const result = check(snapshotOf(crossSheet(rows)));
    expect(result.recognition.crossTables.map((t) => t.columns.map((c) => c.header))).toEqual([
      ["2022", "2023", "2024"],
    ]);
    expect(totals(result.findings)).toEqual([]);
    rows[3][2] = "10,5";
    expect(totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => [f.cell, f.message])).toEqual([
      ["C4", "”Summa”, kolumnen ”2023”: 10,5 är inte summan av raderna ovan, 9,5; skillnaden är 1,0."],
      [
        "E4",
        "”Summa”, kolumnen ”Totalt”: 26,5 är inte summan av raden, 27,5; skillnaden är 1,0. C4 stämmer inte med raderna ovan: rätta den först; då blir summan 26,5, samma som här.",
      ],
    ]);
  });

  test("over years the row labels' header may be blank, but a year is none, and a header ends in words", () => {
    const cross = (rows: CellValue[][]) =>
      check(snapshotOf(crossSheet(rows))).recognition.crossTables.map((t) => [t.cell, t.range, t.lastRow]);
    const body: CellValue[][] = [
      ["Skolor", 1, 2, 3],
      ["Parker", 1, 1, 2],
      ["Summa", 2, 3, 5],
    ];
    expect(cross([["Investering", 2022, 2023, "Totalt"], ...body])).toEqual([["A1", "A1:D1", 4]]);
    expect(cross([[null, 2022, 2023, "Totalt"], ...body])).toEqual([["A1", "A1:D1", 4]]);
    expect(cross([[" ", "2022", "2023", "Summa"], ...body])).toEqual([["A1", "A1:D1", 4]]);
    // The years in the first column: no labels' column left of them.
    expect(cross([[2021, 2022, 2023, "Totalt"], ...body])).toEqual([]);
    // A row of figures ending in a year (or in anything but words) heads nothing.
    expect(cross([["Investering", 2022, 2023, 2024], ...body])).toEqual([]);
    // A blank labels' header is for years only: over areas the first name still heads the labels.
    const areas: CellValue[][] = [
      ["Personal", 1, 2, 3, 6],
      ["Övrigt", 1, 1, 1, 3],
      ["Summa", 2, 3, 4, 9],
    ];
    expect(cross([header("Totalt"), ...areas])).toEqual([["A1", "A1:E1", 4]]);
    expect(cross([[null, "Fsk", "ÄO", "Funk", "Totalt"], ...areas])).toEqual([]);
  });

  test("the header again (a page break, or the next part of the plan) is passed over, and adds nothing", () => {
    const repeated = ["Investeringar (mnkr)", 2022, 2023, 2024, "Summa"];
    const rows: CellValue[][] = [
      repeated,
      ["Skolor", 10, 8, 3, 21],
      ["Summa skolor", 10, 8, 3, 21],
      repeated,
      ["Parker", 2, 1, 0, 3],
      ["Summa parker", 2, 1, 0, 3],
      ["Summa investeringar", 12, 9, 3, 24],
    ];
    const result = check(snapshotOf(crossSheet(rows)));
    expect(result.recognition.crossTables.map((t) => [t.lastRow, t.repeatedHeaderRows])).toEqual([[7, [4]]]);
    expect(totals(result.findings)).toEqual([]);
    // Text years, and a header of areas, alike.
    const asText = rows.map((r) => (r === repeated ? r.map(String) : r));
    expect(totals(check(snapshotOf(crossSheet(asText))).findings)).toEqual([]);
    const areas: CellValue[][] = [
      header("Totalt"),
      ["Personal", 1, 2, 3, 6],
      header("Totalt"),
      ["Summa", 1, 2, 3, 6],
    ];
    expect(
      check(snapshotOf(crossSheet(areas))).recognition.crossTables.map((t) => t.repeatedHeaderRows),
    ).toEqual([[3]]);
    // A wrong figure under the repeated header is still found, against every part above it.
    rows[6][2] = 19;
    expect(totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => f.cell)).toEqual(["C7", "E7"]);
  });

  test("a note in one amount cell (`se not 3`) is a row without figures, not another header", () => {
    const rows: CellValue[][] = [
      ["Investeringar (mnkr)", 2022, 2023, 2024, "Summa"],
      ["Skolor", 10, 8, 3, 21],
      ["Summa skolor", 10, 8, 3, 21],
      ["Parker", "se not 3"],
      ["Lekplatser", 2, 1, 0, 3],
      ["Summa parker", 2, 1, 0, 3],
      ["Summa investeringar", 12, 19, 3, 24],
    ];
    const result = check(snapshotOf(crossSheet(rows)));
    expect(result.recognition.crossTables.map((t) => t.lastRow)).toEqual([7]);
    expect(totals(result.findings).map((f) => f.cell)).toEqual(["C7", "E7"]);
  });

  test("years beside other columns (`2022 | 2023 | Mål | Totalt`) make no cross table: the block is asked about as before", () => {
    const rows: CellValue[][] = [
      ["Nyckeltal", 2022, 2023, "Mål", "Totalt"],
      ["Besök", 100, 110, 120, 210],
      ["Utlån", 50, 60, 70, 110],
      ["Summa", 150, 170, null, 320],
    ];
    const result = check(snapshotOf(crossSheet(rows)));
    expect(result.recognition.crossTables).toEqual([]);
    expect(totals(result.findings)).toEqual([]);
    expect(result.findings.filter((f) => f.code === "header-unrecognized").map((f) => f.cell)).toEqual([
      "A1",
    ]);
  });

  test("a Totalt that is the latest year, not the sum, is no sum: a row of zeros and one figure proves nothing", () => {
    const rows: CellValue[][] = [
      ["Antal platser", 2020, 2021, 2022, "Totalt"],
      ["Boende A", 30, 30, 32, 32],
      ["Boende B", 20, 20, 20, 20],
      ["Boende C", 0, 0, 10, 10],
      ["Summa", 50, 50, 62, 62],
    ];
    expect(totals(check(snapshotOf(crossSheet(rows))).findings)).toEqual([]);
    // Down, the columns are sums: a wrong Summa there is still found.
    rows[4][2] = 55;
    expect(totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => f.cell)).toEqual(["C5"]);
  });

  test("where the rows end: at a blank row, at another header, after a run of labels; the last total row is its end", () => {
    const body: CellValue[][] = [
      ["Personal", 1, 2, 3, 6],
      ["Övrigt", 1, 1, 1, 3],
    ];
    const sum: CellValue[] = ["Summa", 2, 3, 4, 9];
    const cross = (rows: CellValue[][]) => check(snapshotOf(crossSheet(rows))).recognition.crossTables;
    expect(cross([header("Totalt"), ...body, [], sum])).toEqual([]);
    const otherHeader = ["Kostnadsslag", "Förskola", "Skola", "Fritid", "Totalt"];
    expect(cross([header("Totalt"), ...body, otherHeader, sum])).toEqual([]);
    expect(cross([header("Totalt"), ...body, ["a"], ["b"], ["c"], ["d"], sum])).toEqual([]);
    // Up to three labels, `-` for nothing, and notes under the Summa row, which are not the table's.
    const rows = [
      header("Totalt"),
      ["Kostnader (tkr)"],
      ...body,
      ["a"],
      ["b"],
      ["Inget", "-", "–", null, "-"],
      sum,
    ];
    expect(cross([...rows, ["* Personal: extra personal"]]).map((t) => t.lastRow)).toEqual([rows.length]);
  });

  test("`varav` rows right under the last total are its parts: the table ends after them, their own totals checked across", () => {
    const rows: CellValue[][] = [
      header("Totalt"),
      ["Personal", 1, 2, 3, 6],
      ["Övrigt", 1, 1, 1, 3],
      ["Summa", 2, 3, 4, 9],
      ["varav inhyrd", 1, 1, 1, 3],
      ["<i>därav vikarier</i>", 1, 0, 1, 2],
    ];
    const result = check(snapshotOf(crossSheet(rows)));
    expect(result.recognition.crossTables.map((t) => t.lastRow)).toEqual([6]);
    expect(totals(result.findings)).toEqual([]);
    // A part's total off is found across its row, and is no term of the Summa above it.
    rows[4] = ["varav inhyrd", 1, 1, 1, 13];
    expect(totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => f.cell)).toEqual(["E5"]);
    // Not right under it (a row between), or after a blank row: no part of the table.
    const apart = [...rows.slice(0, 4), ["Övrigt 2", 0, 0, 0, 0], ["varav inhyrd", 1, 1, 1, 3]];
    expect(check(snapshotOf(crossSheet(apart))).recognition.crossTables.map((t) => t.lastRow)).toEqual([4]);
    const afterBlank = [...rows.slice(0, 4), [], ["varav inhyrd", 1, 1, 1, 3]];
    expect(check(snapshotOf(crossSheet(afterBlank))).recognition.crossTables.map((t) => t.lastRow)).toEqual([
      4,
    ]);
  });

  test("an Excel table holding one is read as one", () => {
    const sheet: SheetGrid = {
      ...crossSheet([
        header("Totalt"),
        ["Personal", 1, 2, 3, 6],
        ["Övrigt", 1, 1, 1, 3],
        ["Summa", 2, 3, 4, 19],
      ]),
      listObjects: [{ name: "Pandemi", range: "A1:E4" }],
    };
    const result = check(snapshotOf(sheet));
    expect(result.recognition.crossTables.map((t) => t.cell)).toEqual(["A1"]);
    expect(result.recognition.unrecognised).toEqual([]);
    expect(totals(result.findings).map((f) => f.cell)).toEqual(["E4", "E4"]);
  });

  /** Tables with a total column or Summa row that is no sum, as reports write them. */
  const noSum: [string, CellValue[][]][] = [
    [
      "a rate's Totalt (sjukfrånvaro in per cent by sex)",
      [
        ["Sjukfrånvaro (procent)", "Kvinnor", "Män", "Totalt"],
        ["Korttidssjukfrånvaro dag 1-14", "3,4", "2,1", "3,1"],
        ["Långtidssjukfrånvaro dag 15-", "6,2", "4,0", "5,7"],
        ["Total sjukfrånvaro", "9,6", "6,1", "8,8"],
      ],
    ],
    [
      "a Totalt of another period",
      [
        ["Verksamhetsområde", "Jan-aug 2021", "Jan-aug 2020", "Totalt 2020"],
        ["Förskola", "512,3", "498,1", "760,4"],
        ["Äldreomsorg", "590,0", "575,2", "880,9"],
        ["Summa", "1 102,3", "1 073,3", "1 641,3"],
      ],
    ],
    [
      "averages under Totalt (helårspersoner, 002 line 2188 with Totalt for Snitt)",
      [
        ["Verksamhet (helårspersoner)", "VP 2021", "T1 2021", "T2 2021", "Totalt"],
        ["Eget boende med boendestöd", 98, 108, 107, 108],
        ["Servicebostad", 43, 46, 44, 45],
        ["Summa", 141, 154, 151, 153],
      ],
    ],
    [
      "rows of shares: their Summa row is no sum down",
      [
        ["Kostnadsslag", "Förskola", "Äldreomsorg", "Övrigt", "Summa"],
        ["Personal", 60, 30, 10, 100],
        ["Lokaler", 50, 40, 10, 100],
        ["Summa", 55, 35, 10, 100],
      ],
    ],
  ];

  test.each(noSum)("a way where no check holds is no sum, and nothing in it is flagged: %s", (_, rows) => {
    const result = check(snapshotOf(crossSheet(rows)));
    expect(result.recognition.crossTables).toHaveLength(1);
    expect(totals(result.findings)).toEqual([]);
  });

  test("the other way of such a table is still checked: a Summa off in a Totalt-of-another-period table", () => {
    const rows = noSum[1][1].map((r) => [...r]);
    rows[3][1] = "1 112,3";
    expect(totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => [f.cell, f.message])).toEqual([
      [
        "B4",
        "”Summa”, kolumnen ”Jan-aug 2021”: 1\u00a0112,3 är inte summan av raderna ovan, 1\u00a0102,3; skillnaden är 10,0.",
      ],
    ]);
  });

  test("a row of a rate or an average (`Sjukfrånvaro (%)`, `Medelålder`) is no sum, nor a part of one", () => {
    const rows: CellValue[][] = [
      ["Personalnyckeltal", "Kvinnor", "Män", "Totalt"],
      ["Antal tillsvidareanställda", 150, 40, 190],
      ["Antal visstidsanställda", 20, 5, 25],
      ["Sjukfrånvaro (%)", "8,5", "5,2", "7,8"],
      ["Medelålder", 45, 42, 44],
      ["Totalt antal anställda", 170, 45, 215],
    ];
    expect(totals(check(snapshotOf(crossSheet(rows))).findings)).toEqual([]);
    rows[5][3] = 225;
    expect(totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => f.message)).toEqual([
      "”Totalt antal anställda”, kolumnen ”Totalt”: 225 är inte summan av raden, 215; skillnaden är 10.",
      "”Totalt antal anställda”, kolumnen ”Totalt”: 225 är inte summan av raderna ovan, 215; skillnaden är 10.",
    ]);
  });

  test("a row and a column off by amounts no one value reconciles: no cell is named", () => {
    // The row is off by 100 (1 slack of rounding is 2), the column by 104 (2): 623 in B2 leaves the
    // column 4 off, 619 the row.
    const rows: CellValue[][] = [
      header("Totalt"),
      ["Personal", 723, 200, 300, 1123],
      ["Lokaler", 100, 100, 100, 300],
      ["Övrigt", 100, 100, 100, 300],
      ["Summa", 819, 400, 500, 1723],
    ];
    const messages = totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => [f.cell, f.message]);
    // E5: the Summa row across, 4 over its cells, names B5 to correct first.
    expect(messages.map(([cell]) => cell)).toEqual(["E2", "B5", "E5"]);
    for (const [, message] of messages) expect(message).not.toMatch(/Med .* i stället för/);
  });

  test("a varav row is not added down: its wrong total is no total to correct first, its cell no crossing", () => {
    const rows: CellValue[][] = [
      header("Totalt"),
      ["Personal", 10, 20, 30, 60],
      ["varav inhyrd", 10, 10, 0, 30], // 20 across
      ["Övrigt", 10, 10, 10, 30],
      ["Summa", 30, 30, 40, 100], // Fsk and Totalt are 10 over their rows (20, 90)
    ];
    expect(
      totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => [f.cell, f.range, f.message]),
    ).toEqual([
      ["E3", "B3:E3", "”varav inhyrd”, kolumnen ”Totalt”: 30 är inte summan av raden, 20; skillnaden är 10."],
      ["B5", "B2:B5", "”Summa”, kolumnen ”Fsk”: 30 är inte summan av raderna ovan, 20; skillnaden är 10."],
      [
        "E5",
        "E2:E5",
        "”Summa”, kolumnen ”Totalt”: 100 är inte summan av raderna ovan, 90; skillnaden är 10.",
      ],
    ]);
  });

  /** A table with a sub-total (`Summa A`, row 4) and a grand total (`Summa totalt`, row 6). */
  const withSubtotal = (): CellValue[][] => [
    header("Totalt"),
    ["a", 10, 20, 30, 60],
    ["b", 10, 10, 10, 30],
    ["Summa A", 20, 30, 40, 90],
    ["c", 50, 50, 50, 150],
    ["Summa totalt", 70, 80, 90, 240],
  ];

  test("a grand total under a sub-total adds all the rows: it is off by what they add up to", () => {
    const typo = withSubtotal();
    typo[5][1] = 80;
    expect(
      totals(check(snapshotOf(crossSheet(typo))).findings).map((f) => [f.cell, f.range, f.message]),
    ).toEqual([
      [
        "B6",
        "B2:B6",
        "”Summa totalt”, kolumnen ”Fsk”: 80 är inte summan av raderna ovan, 70; skillnaden är 10.",
      ],
      [
        "E6",
        "B6:E6",
        "”Summa totalt”, kolumnen ”Totalt”: 240 är inte summan av raden, 250; skillnaden är 10. B6 stämmer inte med raderna ovan: rätta den först; då blir summan 240, samma som här.",
      ],
    ]);
    // A cell above the sub-total off: its row, the sub-total and the grand total all cross there.
    const cell = withSubtotal();
    cell[1][1] = 20;
    const note = " Med 10 i B2 i stället för 20 stämmer både raden och kolumnen.";
    expect(
      totals(check(snapshotOf(crossSheet(cell))).findings).map((f) => [f.cell, f.range, f.message]),
    ).toEqual([
      ["E2", "B2:E2", "”a”, kolumnen ”Totalt”: 60 är inte summan av raden, 70; skillnaden är 10." + note],
      [
        "B4",
        "B2:B4",
        "”Summa A”, kolumnen ”Fsk”: 20 är inte summan av raderna ovan, 30; skillnaden är 10." + note,
      ],
      [
        "B6",
        "B2:B6",
        "”Summa totalt”, kolumnen ”Fsk”: 70 är inte summan av raderna ovan, 80; skillnaden är 10." + note,
      ],
    ]);
    // A sub-total in the column below it is still its own segment's sum.
    const sub = withSubtotal();
    sub[5] = ["Summa B", 60, 50, 50, 150];
    expect(
      totals(check(snapshotOf(crossSheet(sub))).findings).map((f) => [f.cell, f.range, f.message]),
    ).toEqual([
      ["B6", "B5:B6", "”Summa B”, kolumnen ”Fsk”: 60 är inte summan av raderna ovan, 50; skillnaden är 10."],
      [
        "E6",
        "B6:E6",
        "”Summa B”, kolumnen ”Totalt”: 150 är inte summan av raden, 160; skillnaden är 10. B6 stämmer inte med raderna ovan: rätta den först; då blir summan 150, samma som här.",
      ],
    ]);
  });

  test("a sub-total is no row of the grand total: its wrong total is no crossing with the grand total's column", () => {
    const rows = withSubtotal();
    rows[3][4] = 100; // Summa A's total: 90 across and down
    rows[4][1] = null; // c has no Fsk: the grand total's Fsk adds a and b
    rows[4][4] = 100;
    rows[5][1] = 30; // 20 + 10 too much, as Summa A's total is
    rows[5][4] = 200; // its row across; 10 over the rows' totals (190)
    const messages = totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => [f.cell, f.message]);
    expect(messages.map(([cell]) => cell)).toEqual(["E4", "E4", "B6", "E6"]);
    for (const [, message] of messages) expect(message).not.toMatch(/Med .* i stället för|rätta/);
  });

  test("a varav column is part of the column before it: not added across", () => {
    const rows: CellValue[][] = [
      ["Kostnadsslag", "Förskola", "varav resursenheten", "Äldreomsorg", "Totalt"],
      ["Personal", 500, 50, 300, 800],
      ["Lokaler", 100, 10, 80, 180],
      ["Summa", 600, 60, 380, 980],
    ];
    expect(totals(check(snapshotOf(crossSheet(rows))).findings)).toEqual([]);
    rows[1][4] = 810;
    expect(totals(check(snapshotOf(crossSheet(rows))).findings).map((f) => f.cell)).toEqual(["E2", "E4"]);
  });
});

describe("the balance sheet and the other 002 and 003 tables are read as before", () => {
  /** Each 002/003 fixture at its seed rows: its cross tables, and its findings on sums and unread blocks. */
  const files = fs
    .readdirSync(seedFixtureDir())
    .filter((f) => /^00[23]-.*\.txt$/.test(f))
    .map((f) => f.replace(/\.txt$/, ""));

  test("only the pandemic table is a cross table; the sums and blocks not read are those found before", () => {
    const found: Record<string, string[]> = {};
    for (const file of files) {
      expect(sourceOf(loadSeedFixture(file))).not.toBeNull();
      const result = check(snapshotOf(seedAtLines(file)));
      const cross = result.recognition.crossTables.map((t) => `cross:${t.cell}`);
      const codes = result.findings
        .filter((f) => f.code === "budget-total-mismatch" || f.code === "header-unrecognized")
        .map((f) => `${f.code}:${f.cell}`);
      if (cross.length || codes.length) found[file] = [...cross, ...codes];
    }
    expect(found).toEqual({
      "002-t2-balansrakning": [
        "budget-total-mismatch:B2347",
        "header-unrecognized:A2334",
        "header-unrecognized:A2342",
      ],
      "002-t2-driftbudget": ["cross:A1971", "header-unrecognized:A1984"],
      "002-t2-investeringar": ["header-unrecognized:A2323"],
      "002-t2-klagomal": ["header-unrecognized:A2650"],
      "003-vp-omslutningsforandringar": ["header-unrecognized:A2161"],
    });
  });
});
