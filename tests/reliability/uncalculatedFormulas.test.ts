/**
 * Formulas a script saved without computing them (tests/fixtures/foreign, made by make-corpus.js
 * with the real writers): 002's first driftbudget table on the sheet `Ekonomi`, its netto row, its
 * Avvikelse cells and its dispositions as formulas. openpyxl saves them without values, XlsxWriter
 * with 0; both ask Excel to recalculate on load. Målkoll says so once per sheet, at the first such
 * cell, and draws no arithmetic conclusion from them; LibreOffice's and Gnumeric's re-saves (which
 * compute them) read as Excel would show them, without the finding.
 */
import * as path from "path";
import { checkPackage, snapshotWithExcelJS, XlsxPort } from "../../src/ports/xlsx";
import { readFileSync } from "fs";
import { cli } from "./cli";

const DIR = path.join(__dirname, "..", "fixtures", "foreign");

interface Json {
  findings: {
    code: string;
    severity: string;
    sheet: string;
    cell: string;
    message: string;
    messageEn: string;
  }[];
  budget: {
    sheet: string;
    row: number;
    label: string;
    budget: number | null;
    deviation: number | null;
    computedDeviation: number | null;
  }[];
}

async function checkJson(file: string): Promise<Json> {
  const run = await cli(["check", path.join(DIR, file), "--json"]);
  expect(run.err).toBe("");
  return JSON.parse(run.out) as Json;
}

/** The formula cells of the table, in reading order. */
const FORMULA_CELLS = ["B4", "C4", "D4", "E4", "F4", "F5", "F6", "F7", "F10"];

describe.each(["openpyxl-formulas.xlsx", "xlsxwriter-formulas.xlsx"])("%s", (file) => {
  test("the reader notes every formula of the workbook as uncalculated, ExcelJS's reading too", async () => {
    const bytes = readFileSync(path.join(DIR, file));
    const own = await (await XlsxPort.open(path.join(DIR, file))).read();
    expect(own.sheets.map((s) => [s.name, s.uncalculated])).toEqual([
      ["Uppföljning", undefined],
      ["Ekonomi", FORMULA_CELLS],
    ]);
    const excelJs = await snapshotWithExcelJS(await checkPackage(bytes, file), bytes, file);
    expect(excelJs.sheets.map((s) => s.uncalculated)).toEqual([undefined, FORMULA_CELLS]);
  });

  test("one finding at the first formula says how many and what to do; no budget error", async () => {
    const json = await checkJson(file);
    const notCalculated = json.findings.filter((f) => f.code === "formula-not-calculated");
    expect(notCalculated).toHaveLength(1);
    expect(notCalculated[0]).toMatchObject({ severity: "warning", sheet: "Ekonomi", cell: "B4" });
    expect(notCalculated[0].message).toContain(": 9 på bladet ”Ekonomi”, den första i B4.");
    expect(notCalculated[0].message).toContain("Öppna och spara den i Excel eller LibreOffice");
    expect(notCalculated[0].messageEn).toContain(': 9 on the sheet "Ekonomi", the first in B4.');
    // XlsxWriter's 0s made F5, F6 and F10 disagree with their rows before (4 errors).
    expect(json.findings.filter((f) => f.sheet === "Ekonomi" && f.severity === "error")).toEqual([]);
  });

  test("the deviation is worked out from the numbers written, never from a formula's stored value", async () => {
    const { budget } = await checkJson(file);
    const kostnader = budget.find((b) => b.label === "Kostnader");
    // 2 924,7 + 15,2 + 39,4 − 2 962,4; F6's stored value (nothing, or 0) is not read.
    expect(kostnader).toMatchObject({ budget: 2924.7, deviation: null, computedDeviation: 16.9 });
    // A row whose figures are all formulas holds nothing Målkoll can read: it is not read.
    expect(budget.map((b) => b.row)).toEqual([5, 6, 8, 9]);
  });
});

test.each(["libreoffice-formulas.xlsx", "gnumeric-formulas.xlsx"])(
  "%s, a re-save of the openpyxl file, has the values: no finding, every row read",
  async (file) => {
    const snapshot = await (await XlsxPort.open(path.join(DIR, file))).read();
    expect(snapshot.sheets.map((s) => s.uncalculated)).toEqual([undefined, undefined]);
    const json = await checkJson(file);
    expect(json.findings.map((f) => f.code)).not.toContain("formula-not-calculated");
    expect(json.findings.filter((f) => f.sheet === "Ekonomi" && f.severity === "error")).toEqual([]);
    expect(json.budget.map((b) => b.row)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(json.budget.find((b) => b.row === 4)).toMatchObject({ budget: 2435.3, deviation: 19.9 });
  },
);
