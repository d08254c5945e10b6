/**
 * Hidden rows and columns through Office.js: the sheet's visible cells (`getSpecialCellsOrNullObject("Visible")`,
 * ExcelApi 1.9, the manifest's set) ride in the request that asks for the used range, so a workbook
 * with hidden rows is read in as many syncs as one without. Their gaps are the hidden rows and columns.
 */
import { check } from "../../../src/engine";
import { hiddenColumnsOf, hiddenRowsOf } from "../../../src/ports/office/visibleAreas";
import { OfficePort } from "../../../src/ports/office/officePort";
import { createFakeExcel } from "../../helpers/fakeExcel";
import type { FakeSheetInit } from "../../helpers/fakeExcel";
import { seedAtLines } from "../../helpers/seedAtLines";

describe("hiddenRowsOf: the rows no visible area covers", () => {
  test("whole rows, as Excel writes a sheet's visible cells with a hidden row", () => {
    expect(hiddenRowsOf("Blad1!1:14, Blad1!16:1048576", 3, 20)).toEqual([15]);
    expect(hiddenRowsOf("Blad1!$1:$14,Blad1!$17:$1048576", 1, 20)).toEqual([15, 16]);
  });

  test("blocks split by a hidden column, under a quoted sheet name holding a comma", () => {
    const areas = ["A1:B14", "D1:XFD14", "A16:B1048576", "D16:XFD1048576"].map((a) => `'Mål, T2'!${a}`);
    expect(hiddenRowsOf(areas.join(", "), 1, 30)).toEqual([15]);
  });

  test("hidden columns alone, or nothing hidden: no row", () => {
    expect(hiddenRowsOf("Blad1!A:B, Blad1!D:XFD", 1, 30)).toEqual([]);
    expect(hiddenRowsOf("Blad1!A:XFD", 1, 30)).toEqual([]);
    expect(hiddenRowsOf("'Blad 1'!1:1048576", 1, 30)).toEqual([]);
  });

  test("no visible cells, or an address it cannot read: no row is taken for hidden", () => {
    expect(hiddenRowsOf(null, 1, 30)).toEqual([]);
    expect(hiddenRowsOf("", 1, 30)).toEqual([]);
    expect(hiddenRowsOf("Blad1!#REF!", 1, 30)).toEqual([]);
  });

  test("only the rows asked about", () => {
    expect(hiddenRowsOf("Blad1!1:4, Blad1!9:1048576", 6, 20)).toEqual([6, 7, 8]);
    expect(hiddenRowsOf("Blad1!1:4, Blad1!9:1048576", 10, 20)).toEqual([]);
  });
});

describe("hiddenColumnsOf: the columns no visible area covers", () => {
  test("whole columns, as Excel writes a sheet's visible cells with a hidden column", () => {
    expect(hiddenColumnsOf("Blad1!A:B, Blad1!D:XFD", 1, 9)).toEqual([3]);
    expect(hiddenColumnsOf("Blad1!$A:$B,Blad1!$F:$XFD", 2, 9)).toEqual([3, 4, 5]);
  });

  test("blocks split by a hidden row, under a quoted sheet name holding a comma", () => {
    const areas = ["A1:B14", "D1:XFD14", "A16:B1048576", "D16:XFD1048576"].map((a) => `'Mål, T2'!${a}`);
    expect(hiddenColumnsOf(areas.join(", "), 1, 9)).toEqual([3]);
  });

  test("columns hidden right of the data (F:XFD), as a tidy sheet hides them: only those asked about", () => {
    expect(hiddenColumnsOf("Blad1!A:E", 1, 7)).toEqual([6, 7]);
    expect(hiddenColumnsOf("Blad1!A:E", 1, 5)).toEqual([]);
  });

  test("hidden rows alone, nothing hidden, no visible cells or an unreadable address: no column", () => {
    expect(hiddenColumnsOf("Blad1!1:14, Blad1!16:1048576", 1, 9)).toEqual([]);
    expect(hiddenColumnsOf("Blad1!A:XFD", 1, 9)).toEqual([]);
    expect(hiddenColumnsOf(null, 1, 9)).toEqual([]);
    expect(hiddenColumnsOf("Blad1!#REF!", 1, 9)).toEqual([]);
  });
});

describe("OfficePort.read of 002's KF 1.1 table with rows and a column hidden", () => {
  const kf = seedAtLines("002-t2-kf-1.1");
  const sheet = (hidden: Partial<FakeSheetInit>): FakeSheetInit => ({
    name: kf.name,
    origin: `A${kf.originRow}`,
    values: kf.values,
    ...hidden,
  });

  test("hands on the hidden rows, in as many syncs as without them", async () => {
    const shown = createFakeExcel({ sheets: [sheet({})] });
    const hidden = createFakeExcel({
      sheets: [sheet({ hiddenRows: [284, 287, 288], hiddenColumns: ["C"] })],
    });
    const plain = await new OfficePort(shown.context).read();
    const read = await new OfficePort(hidden.context).read();
    expect(plain.sheets[0].hiddenRows).toBeUndefined();
    expect(read.sheets[0].hiddenRows).toEqual([284, 287, 288]);
    expect(read.sheets[0].hiddenColumns).toEqual([3]);
    expect(plain.sheets[0].hiddenColumns).toBeUndefined();
    expect(read.sheets[0].values).toEqual(plain.sheets[0].values);
    expect(hidden.fake.syncCount).toBe(shown.fake.syncCount);
    expect(
      hidden.fake.actions.filter((a) => a.includes("getSpecialCellsOrNullObject(Visible)")),
    ).toHaveLength(1);
  });

  test("check leaves the hidden rows out, as from a file", async () => {
    const { context } = createFakeExcel({ sheets: [sheet({ hiddenRows: [284, 287, 288] })] });
    const result = check(await new OfficePort(context).read(), { period: { kind: "T2", year: 2021 } });
    expect(result.model.indicators.some((i) => [284, 287, 288].includes(i.row))).toBe(false);
    expect(result.findings.filter((f) => f.code === "rows-hidden").map((f) => f.message)).toEqual([
      "3 dolda rader i tabellen i A271 läses inte (rad 284, 287–288: ”Antal aspiranter som fått Stockholmsjobb” …). Visa raderna om de ska med.",
    ]);
  });
});
