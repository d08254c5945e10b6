import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import type { WritePlan } from "../../../src/ports/port";
import { XlsxPort } from "../../../src/ports/xlsx";
import { rowHeightFor } from "../../../src/ports/xlsx/ownedSheet";
import { removePrintTitles, setPrintTitles } from "../../../src/ports/xlsx/printTitles";
import { linePoints, wrappedHeightPoints, wrappedLineCount } from "../../../src/ports/xlsx/rowHeight";
import { convertWithLibreOffice, libreOfficeAvailableOrSkip } from "../../helpers/libreoffice";
import { buildRichWorkbook } from "./fixture";
import { indicatorSpec, richPlan, stateRows } from "./plans";
import { entries, partText, wellFormednessFailures } from "./zipUtil";

/** Print setup, indents and wrapped-row heights of the owned sheets the xlsx port writes. */

const LONG_NAME =
  "Andel personer som själv upplever att de får en förbättrad situation av insatsen/insatserna de fått från socialtjänsten (ekonomiskt bistånd)";

function spec(): SheetSpec {
  const header = (value: string): OutCell => ({ value, style: "header", wrap: true });
  return {
    key: "driftbudget",
    rows: [
      [{ value: "Målkoll – Driftbudget T2 2021", style: "title" }],
      [header("Mnkr"), header("Budget 2021 (nämndbudget efter beslutade BJ)"), header("Nivå")],
      [
        { value: "Individ- och familjeomsorg" },
        { value: 290.3, format: "#,##0.0" },
        { value: "Nämnd", indent: 2 },
      ],
      [
        { value: "varav socialpsykiatri", style: "varav", indent: 1 },
        { value: 66.4, format: "#,##0.0", style: "varav" },
        { value: 7, indent: 1 },
      ],
      [
        { value: "varav vuxen", style: "varav" },
        { value: 47.4, format: "#,##0.0", style: "varav" },
      ],
      [
        { value: LONG_NAME, wrap: true },
        { value: 0.041, format: "0.0 %" },
        { value: "kort", wrap: true },
      ],
      [
        { value: "Totalt", style: "total" },
        { value: 2435.3, format: "#,##0.0", style: "total" },
      ],
    ],
    columnWidths: [40, 14, 10],
    freezeRows: 2,
  };
}

function plan(s: SheetSpec): WritePlan {
  return {
    renames: [],
    sheets: [{ spec: s, name: "Målkoll Driftbudget", replaces: false }],
    flags: [],
    clearFlags: [],
    state: stateRows("2021-09-15T10:00:00Z"),
    findings: [],
  };
}

let written: Uint8Array;
let sheetXml: string;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const port = await XlsxPort.fromBuffer(await buildRichWorkbook());
  await port.write(plan(spec()));
  written = port.buffer;
  const files = await entries(written);
  const part = [...files.keys()].find(
    (p) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && files.get(p)!.toString().includes("Målkoll – Driftbudget"),
  )!;
  sheetXml = await partText(written, part);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(written) as unknown as ArrayBuffer);
});

test("owned sheets print landscape, one page wide, with a page footer; the state sheet has no print setup", async () => {
  expect(sheetXml).toMatch(
    /^<\?xml[^>]*>\s*<worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension /,
  );
  expect(sheetXml).toContain(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>',
  );
  const ws = wb.getWorksheet("Målkoll Driftbudget")!;
  expect(ws.pageSetup).toMatchObject({
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
  });
  expect(ws.headerFooter.oddFooter).toBe("&L&8&A&R&8Sida &P av &N");
  const files = await entries(written);
  const state = [...files.entries()].find(
    ([p, b]) => p.startsWith("xl/worksheets/sheet") && b.toString().includes("malkoll"),
  );
  expect(state).toBeDefined();
  expect(state![1].toString()).not.toContain("<pageSetup");
  const xmlParts = new Map([...files].filter(([p]) => /\.(xml|rels)$/.test(p)));
  expect(wellFormednessFailures(xmlParts)).toEqual([]);
});

test("indent: text indented from the left, numbers keep right alignment, varav labels indented by default", () => {
  const ws = wb.getWorksheet("Målkoll Driftbudget")!;
  expect(ws.getCell("C3").alignment).toMatchObject({ horizontal: "left", indent: 2 });
  expect(ws.getCell("A4").alignment).toMatchObject({ horizontal: "left", indent: 1 });
  expect(ws.getCell("A4").font).toMatchObject({ italic: true });
  expect(ws.getCell("C4").alignment).toMatchObject({ horizontal: "right", indent: 1 });
  // A varav amount is italic but not indented (it would turn left-aligned).
  expect(ws.getCell("B4").font).toMatchObject({ italic: true });
  expect(ws.getCell("B4").alignment?.indent ?? 0).toBe(0);
  expect(ws.getCell("B4").alignment?.horizontal).toBeUndefined();
  // The label of a varav row without its own indent still gets one level.
  expect(ws.getCell("A5").alignment).toMatchObject({ horizontal: "left", indent: 1 });
  expect(ws.getCell("A7").font).toMatchObject({ bold: true });
});

test("rows with wrapped text get a height; every cell in them is top-aligned; short rows keep the default", () => {
  const ws = wb.getWorksheet("Målkoll Driftbudget")!;
  // 140 characters in a 40-wide column: at least three lines, as the estimate says.
  const expected = wrappedHeightPoints({ text: LONG_NAME, widthChars: 40, fontSize: 11, baseFontSize: 11 });
  expect(expected).toBeGreaterThanOrEqual(3 * 15);
  expect(ws.getRow(6).height).toBe(expected);
  for (const cell of ["A6", "B6", "C6"])
    expect(ws.getCell(cell).alignment).toMatchObject({ vertical: "top" });
  // The header row wraps "Budget 2021 (nämndbudget efter beslutade BJ)" in a 14-wide column.
  expect(ws.getRow(2).height).toBeGreaterThanOrEqual(3 * 15);
  expect(sheetXml).toMatch(/<row r="3">/);
  expect(sheetXml).toMatch(/<row r="7">/);
  expect(ws.getCell("B3").alignment?.vertical).toBeUndefined();
});

test("line estimate: word wrapping, long words broken, paragraphs, font size and bold", () => {
  expect(wrappedLineCount("", 10)).toBe(1);
  expect(wrappedLineCount("kort text", 40)).toBe(1);
  // Ten 5-letter words of width ~4.9 each, about 50 units with spaces: two 30-wide lines.
  expect(wrappedLineCount("abcde ".repeat(10).trim(), 30)).toBe(2);
  // A word longer than the line is broken: 100 digits in 20-wide lines.
  expect(wrappedLineCount("0".repeat(100), 20)).toBe(5);
  expect(wrappedLineCount("rad ett\nrad två\n\nrad fyra", 40)).toBe(4);
  const base = { text: LONG_NAME, widthChars: 40, baseFontSize: 11 };
  expect(wrappedHeightPoints({ ...base, fontSize: 11 }) % linePoints(11)).toBe(0);
  expect(wrappedHeightPoints({ ...base, fontSize: 11, bold: true })).toBeGreaterThanOrEqual(
    wrappedHeightPoints({ ...base, fontSize: 11 }),
  );
  expect(wrappedHeightPoints({ ...base, fontSize: 11, indent: 5 })).toBeGreaterThan(
    wrappedHeightPoints({ ...base, fontSize: 11 }),
  );
  expect(wrappedHeightPoints({ ...base, fontSize: 14 })).toBeGreaterThan(
    wrappedHeightPoints({ ...base, fontSize: 11 }),
  );
  expect(wrappedHeightPoints({ ...base, widthChars: 200, fontSize: 11 })).toBe(15);
  expect(linePoints(11)).toBe(15);
});

test("row height: merged areas count their full width, unwrapped or empty cells none", () => {
  const row: (OutCell | null)[] = [{ value: LONG_NAME, wrap: true }, null, null];
  expect(rowHeightFor(row, [20, 20, 20], 11)).toBeGreaterThan(
    rowHeightFor(row, [20, 20, 20], 11, [{ r0: 0, c0: 0, c1: 2 }])!,
  );
  expect(rowHeightFor([{ value: LONG_NAME }], [20], 11)).toBeNull();
  expect(rowHeightFor([{ value: "", wrap: true }, null], [5], 11)).toBeNull();
  expect(rowHeightFor([{ value: LONG_NAME.repeat(40), wrap: true }], [10], 11)).toBe(409);
});

describe("print titles: the header rows repeat on every printed page", () => {
  const printTitles = (wbXml: string) =>
    [
      ...wbXml.matchAll(
        /<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">([^<]*)<\/definedName>/g,
      ),
    ].map((m) => [Number(m[1]), m[2]]);
  const sheetNames = (wbXml: string) => [...wbXml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);

  test("each visible owned sheet gets one, local to its position; the user's names stay as they were", async () => {
    const before = await partText(await buildRichWorkbook(), "xl/workbook.xml");
    const port = await XlsxPort.fromBuffer(await buildRichWorkbook());
    await port.write(richPlan(false));
    const after = await partText(port.buffer, "xl/workbook.xml");
    const names = sheetNames(after);
    expect(printTitles(after)).toEqual([
      [names.indexOf("Målkoll Indikatorer"), "'Målkoll Indikatorer'!$3:$3"],
    ]);
    // budgetSpec() has no header rows to repeat, so its sheet gets none.
    for (const name of before.match(/<definedName [^>]*>[^<]*<\/definedName>/g) ?? [])
      expect(after).toContain(name);
    // Regenerating replaces them rather than adding more.
    await port.write(richPlan(true, "2021-09-02T10:00:00Z"));
    expect(printTitles(await partText(port.buffer, "xl/workbook.xml"))).toHaveLength(1);
  });

  test("a renamed sheet (kept copy of a hand-edited table) takes its print titles with it", async () => {
    const port = await XlsxPort.fromBuffer(await buildRichWorkbook());
    await port.write(richPlan(false));
    await port.write({
      ...richPlan(false, "2021-09-02T10:00:00Z"),
      renames: [{ from: "Målkoll Indikatorer", to: "Indikatorer (red 2021-09-02)" }],
      sheets: [{ spec: indicatorSpec(), name: "Målkoll Indikatorer", replaces: false }],
    });
    const wbXml = await partText(port.buffer, "xl/workbook.xml");
    const names = sheetNames(wbXml);
    expect(printTitles(wbXml)).toEqual(
      expect.arrayContaining([
        [names.indexOf("Indikatorer (red 2021-09-02)"), "'Indikatorer (red 2021-09-02)'!$3:$3"],
        [names.indexOf("Målkoll Indikatorer"), "'Målkoll Indikatorer'!$3:$3"],
      ]),
    );
    expect(wellFormednessFailures(new Map([["xl/workbook.xml", Buffer.from(wbXml)]]))).toEqual([]);
  });

  test("LibreOffice prints the header row again on the second page", async () => {
    if (!libreOfficeAvailableOrSkip()) return;
    const rows: (OutCell | null)[][] = [
      [
        { value: "Rubrikrad Indikator", style: "header" },
        { value: "Utfall", style: "header" },
      ],
    ];
    for (let i = 1; i <= 150; i++) rows.push([{ value: `Indikator ${i}` }, { value: i }]);
    const port = await XlsxPort.fromBuffer(await buildRichWorkbook());
    await port.write({
      ...plan({ key: "indikatorer", rows, columnWidths: [30, 10], freezeRows: 1 }),
      sheets: [
        {
          spec: { key: "indikatorer", rows, columnWidths: [30, 10], freezeRows: 1 },
          name: "Målkoll Indikatorer",
          replaces: false,
        },
      ],
    });
    const dir = mkdtempSync(path.join(tmpdir(), "malkoll-print-"));
    const file = path.join(dir, "utskrift.xlsx");
    writeFileSync(file, port.buffer);
    // LibreOffice prints every sheet; the owned sheet's pages are those with its rows.
    const [pdf] = convertWithLibreOffice(file, "pdf", { outDir: dir }).files;
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    const owned = pages.filter((p) => /Indikator \d+/.test(p));
    expect(owned.length).toBeGreaterThan(1);
    for (const page of owned) expect(page).toContain("Rubrikrad Indikator");
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

describe("print titles in workbook.xml, as text", () => {
  const book = (middle: string) =>
    `<workbook xmlns="x"><sheets><sheet name="A" sheetId="1"/><sheet name="B" sheetId="2"/></sheets>${middle}<calcPr/></workbook>`;

  test("definedNames go after a self-closing functionGroups, where the schema wants them", () => {
    const xml = setPrintTitles(book('<functionGroups builtInGroupCount="18"/>'), 1, "B", 4);
    expect(xml).toBe(
      book(
        `<functionGroups builtInGroupCount="18"/><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'B'!$4:$4</definedName></definedNames>`,
      ),
    );
  });

  test("removing a sheet's titles leaves the others, and no empty definedNames", () => {
    const both = setPrintTitles(setPrintTitles(book(""), 0, "A", 2), 1, "B", 3);
    expect(removePrintTitles(both, 1)).toBe(setPrintTitles(book(""), 0, "A", 2));
    expect(removePrintTitles(removePrintTitles(both, 1), 0)).toBe(book(""));
  });
});
