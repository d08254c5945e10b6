/**
 * Hidden rows as the xlsx port reads them (`<row hidden="1">`, LibreOffice's `hidden="true"`): by
 * hand, by an AutoFilter, in a collapsed outline group. Both readers (Målkoll's own and ExcelJS)
 * hand them on; `check` leaves them out of the tables and says so; `generate` leaves them hidden. A
 * hidden column is read as before, but one Målkoll has no role for is the user's helper: it is not
 * reported as unread.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CellValue, WorkbookSnapshot } from "../../../src/engine/grid";
import { checkPackage, snapshotWithExcelJS } from "../../../src/ports/xlsx";
import { snapshotFromPackage } from "../../../src/ports/xlsx/sheetReader";
import { workbookToXlsx } from "../../../scripts/bench/workbook";
import { snapshotOf } from "../../helpers/seedGrid";
import { checkSeed, seedAtLines } from "../../helpers/seedAtLines";
import JSZip from "jszip";
import { cli } from "../../reliability/cli";
import { entries } from "./zipUtil";

const FOREIGN = path.join(__dirname, "..", "..", "fixtures", "foreign");

async function readings(bytes: Uint8Array): Promise<{ own: WorkbookSnapshot; excelJs: WorkbookSnapshot }> {
  const zip = await checkPackage(bytes, "bok.xlsx");
  return {
    own: await snapshotFromPackage(zip, bytes, "bok.xlsx"),
    excelJs: await snapshotWithExcelJS(await checkPackage(bytes, "bok.xlsx"), bytes, "bok.xlsx"),
  };
}

interface Json {
  findings: { code: string; cell: string; message: string }[];
  indicators: { row: number; name: string; outcomeMen: number | null }[];
}

async function checkJson(file: string): Promise<Json> {
  const run = await cli(["check", file, "--period", "T2", "--year", "2021", "--json"]);
  return JSON.parse(run.out) as Json;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-hidden-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("002's KF 1.1 table saved by Målkoll's own means (ExcelJS) with rows 284–285 hidden", () => {
  const hiddenRows = [284, 285];
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, "kf-1.1.xlsx");
    fs.writeFileSync(file, await workbookToXlsx(snapshotOf({ ...seedAtLines("002-t2-kf-1.1"), hiddenRows })));
  });

  test("both readers hand on the hidden rows", async () => {
    const { own, excelJs } = await readings(fs.readFileSync(file));
    expect(own.sheets[0].hiddenRows).toEqual(hiddenRows);
    expect(excelJs.sheets[0].hiddenRows).toEqual(hiddenRows);
  });

  test("check leaves them out and says so once", async () => {
    const json = await checkJson(file);
    expect(json.indicators.some((i) => i.row === 284 || i.row === 285)).toBe(false);
    expect(json.findings.filter((f) => f.code === "rows-hidden").map((f) => [f.cell, f.message])).toEqual([
      [
        "A284",
        "2 dolda rader i tabellen i A271 läses inte (rad 284–285: ”Antal aspiranter som fått Stockholmsjobb” …). Visa raderna om de ska med.",
      ],
    ]);
  });

  test("generate keeps them hidden: the user's sheet part is unchanged in its rows", async () => {
    const out = path.join(dir, "kf-1.1-ut.xlsx");
    expect((await cli(["generate", file, "-o", out, "--period", "T2", "--year", "2021"])).code).toBe(0);
    const sheetXml = (await entries(fs.readFileSync(out))).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    const hiddenTags = sheetXml.match(/<row [^>]*hidden="1"[^>]*>/g) ?? [];
    expect(hiddenTags.map((tag) => /r="(\d+)"/.exec(tag)![1])).toEqual(["284", "285"]);
    const { own } = await readings(fs.readFileSync(out));
    expect(own.sheets.find((s) => s.name === "Uppföljning")?.hiddenRows).toEqual(hiddenRows);
  });
});

describe.each(["openpyxl-hidden.xlsx", "libreoffice-hidden.xlsx", "gnumeric-hidden.xlsx"])("%s", (name) => {
  const file = path.join(FOREIGN, name);

  test("rows hidden by hand (16), by a filter (19) and in a collapsed group (20–21) are read as hidden", async () => {
    const { own, excelJs } = await readings(fs.readFileSync(file));
    expect(own.sheets[0].hiddenRows).toEqual([16, 19, 20, 21]);
    expect(excelJs.sheets[0].hiddenRows).toEqual([16, 19, 20, 21]);
  });

  test("both readers hand on the hidden column C", async () => {
    const { own, excelJs } = await readings(fs.readFileSync(file));
    expect(own.sheets[0].hiddenColumns).toEqual([3]);
    expect(excelJs.sheets[0].hiddenColumns).toEqual([3]);
  });

  test("check leaves them out with one info; the hidden column C is still read", async () => {
    const json = await checkJson(file);
    expect(json.findings.filter((f) => f.code === "rows-hidden").map((f) => [f.cell, f.message])).toEqual([
      [
        "A16",
        "4 dolda rader i tabellen i A3 läses inte (rad 16, 19–21: ”Antal aspiranter som fått Stockholmsjobb” …). Visa raderna om de ska med.",
      ],
    ]);
    expect(json.indicators.map((i) => i.row)).toEqual([4, 11, 13, 15, 17, 22]);
    // Column C (Utfall män/ pojkar) is hidden, and read as before: hidden columns are not left out.
    expect(json.indicators.find((i) => i.row === 11)?.outcomeMen).toBe(1.85);
  });
});

describe("002's KF 1.1 table with a helper column J (Kontroll) beside it", () => {
  const HEADER_ROW = 271;
  const HELPER = 10;
  /** The seed's table with `Kontroll` in J over its indicator rows, and J hidden or not. */
  async function withHelper(hiddenColumns: number[]): Promise<string> {
    const grid = seedAtLines("002-t2-kf-1.1");
    const rows = checkSeed("002-t2-kf-1.1").model.indicators.map((i) => i.row);
    const cells: [number, CellValue][] = [
      [HEADER_ROW, "Kontroll"],
      ...rows.map((r, k): [number, CellValue] => [r, k === 0 ? 2 : "ok"]),
    ];
    for (const [row, value] of cells) {
      const line = grid.values[row - grid.originRow];
      while (line.length < HELPER) line.push(null);
      line[HELPER - 1] = value;
    }
    const file = path.join(dir, `kontroll-${hiddenColumns.join("-") || "shown"}.xlsx`);
    fs.writeFileSync(file, await workbookToXlsx(snapshotOf({ ...grid, hiddenColumns })));
    return file;
  }

  test("shown, it is reported as a column not read", async () => {
    const json = await checkJson(await withHelper([]));
    expect(json.findings.filter((f) => f.code === "column-unrecognized").map((f) => f.cell)).toEqual([
      "J271",
    ]);
  });

  test("hidden, both readers say so and check reports nothing of it; the rest is judged as before", async () => {
    const shown = await checkJson(await withHelper([]));
    const file = await withHelper([HELPER]);
    const { own, excelJs } = await readings(fs.readFileSync(file));
    expect(own.sheets[0].hiddenColumns).toEqual([HELPER]);
    expect(excelJs.sheets[0].hiddenColumns).toEqual([HELPER]);
    const json = await checkJson(file);
    expect(json.findings.filter((f) => f.code === "column-unrecognized")).toEqual([]);
    const others = (j: Json) => j.findings.filter((f) => f.code !== "column-unrecognized");
    expect(others(json)).toEqual(others(shown));
    expect(json.indicators).toEqual(shown.indicators);
  });

  test("columns hidden from K to XFD (a tidy sheet's look) are kept within the grid", async () => {
    const bytes = fs.readFileSync(await withHelper([HELPER]));
    const zip = await JSZip.loadAsync(bytes);
    const part = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(part)!.async("string");
    const widened = xml.replace(
      /<cols>.*?<\/cols>/,
      '<cols><col min="10" max="16384" hidden="1" width="9"/></cols>',
    );
    expect(widened).not.toBe(xml);
    zip.file(part, widened);
    const { own, excelJs } = await readings(await zip.generateAsync({ type: "uint8array" }));
    expect(own.sheets[0].hiddenColumns).toEqual([HELPER]);
    expect(excelJs.sheets[0].hiddenColumns).toEqual([HELPER]);
  });
});
