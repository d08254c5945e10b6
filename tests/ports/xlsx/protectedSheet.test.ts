/**
 * A protected sheet in a file: both readers see `<sheetProtection sheet="1">`, and `generate` puts
 * no flag on that sheet (Excel allows no conditional formatting there, and the file's owner
 * protected it), so the sheet's part leaves the package byte for byte as it came. The files are
 * the foreign corpus's Excel-shaped one (SHA-512 protection, formatting refused) and openpyxl's
 * (legacy password, formatting allowed).
 */
import { readFileSync } from "fs";
import * as path from "path";
import { checkPackage, snapshotWithExcelJS, XlsxPort } from "../../../src/ports/xlsx";
import JSZip from "jszip";
import { runClearFlags, runGenerate } from "../../../src/app/run";
import { buildXlsx } from "../../fixtures/hostile/build";
import { entries } from "./zipUtil";

const FOREIGN = path.join(__dirname, "..", "..", "fixtures", "foreign");
const SHEET_PART = "xl/worksheets/sheet1.xml";

describe.each(["excel-shaped.xlsx", "openpyxl-protected.xlsx"])("%s", (file) => {
  const bytes = readFileSync(path.join(FOREIGN, file));

  test("both readers say the sheet is protected", async () => {
    const own = await (await XlsxPort.fromBuffer(bytes, file)).read();
    const excelJs = await snapshotWithExcelJS(await checkPackage(bytes, file), bytes, file);
    for (const snapshot of [own, excelJs])
      expect(snapshot.sheets.map((s) => [s.name, s.protected === true])).toEqual([["Uppföljning", true]]);
  });

  test("generate writes the tables, leaves the protected sheet's part as it was and says why", async () => {
    const port = await XlsxPort.fromBuffer(bytes, file);
    const { result, plan } = await runGenerate(port, { now: new Date("2021-09-15T08:00:00Z"), host: "cli" });
    expect(plan.flags).toEqual([]);
    expect(result.findings.filter((f) => f.code === "protected-sheet-unflagged")).toHaveLength(1);
    const before = await entries(bytes);
    const after = await entries(port.buffer);
    expect(before.get(SHEET_PART)).toBeDefined();
    expect(after.get(SHEET_PART)?.equals(before.get(SHEET_PART) as Buffer)).toBe(true);
    expect([...after.keys()].length).toBeGreaterThan([...before.keys()].length);
  });
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A sheet with one cell and the given `<sheetProtection>` element after its data. */
function sheetWith(protection: string): string {
  return `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>${protection}</worksheet>`;
}

// ExcelJS (the fallback for XML the reader cannot parse) knows only `sheet="1"`, not LibreOffice's
// `sheet="true"`: there the fallback reads the sheet as unprotected, and a file gets flags on it.
test.each([
  ['<sheetProtection sheet="1" objects="1"/>', true, true],
  ['<sheetProtection sheet="true"/>', true, false],
  ['<sheetProtection sheet="0" formatCells="0"/>', false, false],
  ['<sheetProtection formatCells="0"/>', false, false],
  ["", false, false],
])("%s: protected %s (ExcelJS: %s)", async (element, own, fallback) => {
  const bytes = await buildXlsx([{ name: "Blad1", rows: [] }], { sheetXml: { 0: sheetWith(element) } });
  const read = await (await XlsxPort.fromBuffer(bytes, "bok.xlsx")).read();
  const excelJs = await snapshotWithExcelJS(await checkPackage(bytes, "bok.xlsx"), bytes, "bok.xlsx");
  expect(read.sheets[0].protected === true).toBe(own);
  expect(excelJs.sheets[0].protected === true).toBe(fallback);
});

test("the corpus's unprotected openpyxl book reads as not protected", async () => {
  const plain = await (await XlsxPort.open(path.join(FOREIGN, "openpyxl.xlsx"))).read();
  expect(plain.sheets.every((s) => s.protected === undefined)).toBe(true);
});

test("a sheet protected after a run keeps its flags, byte for byte, through generate and Rensa flaggor", async () => {
  const now = new Date("2021-09-15T08:00:00Z");
  const first = await XlsxPort.fromBuffer(readFileSync(path.join(FOREIGN, "openpyxl.xlsx")), "bok.xlsx");
  await runGenerate(first, { now, host: "cli" });
  const flagged = await entries(first.buffer);
  const sheetXml = (flagged.get(SHEET_PART) as Buffer).toString("utf8");
  expect(sheetXml).toContain("malkoll");
  // The owner protects the sheet (as Excel writes it: right after the cells).
  const zip = await JSZip.loadAsync(first.buffer);
  zip.file(
    SHEET_PART,
    sheetXml.replace("</sheetData>", '</sheetData><sheetProtection sheet="1" objects="1"/>'),
  );
  const protectedBytes = await zip.generateAsync({ type: "nodebuffer" });
  const protectedPart = (await entries(protectedBytes)).get(SHEET_PART) as Buffer;

  const again = await XlsxPort.fromBuffer(protectedBytes, "bok.xlsx");
  const { result } = await runGenerate(again, { now, host: "cli" });
  expect(result.findings.find((f) => f.code === "protected-sheet-unflagged")?.message).toMatch(
    /markeringar från en tidigare körning står kvar tills skyddet tas bort/,
  );
  expect((await entries(again.buffer)).get(SHEET_PART)?.equals(protectedPart)).toBe(true);

  const cleared = await runClearFlags(again);
  expect(cleared.removed).toBe(0);
  expect(cleared.kept.map((k) => k.sheet)).toEqual(["Uppföljning"]);
  expect((await entries(again.buffer)).get(SHEET_PART)?.equals(protectedPart)).toBe(true);
});
