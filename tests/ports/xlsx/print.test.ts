import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import type { WritePlan } from "../../../src/ports/port";
import { XlsxPort } from "../../../src/ports/xlsx";
import { removePrintTitles, renamePrintTitles, setPrintTitles } from "../../../src/ports/xlsx/printTitles";
import { convertWithLibreOffice, libreOfficeAvailableOrSkip } from "../../helpers/libreoffice";
import { buildRichWorkbook } from "./fixture";
import { indicatorSpec, richPlan, stateRows } from "./plans";
import { entries, partText, wellFormednessFailures } from "./zipUtil";

/**
 * Print setup, indents and row heights of the owned sheets the xlsx port writes. The spec here is
 * built by hand, without planned heights: the port plans them with the engine's measure.
 */

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

test("owned sheets print A4 landscape at 100 %, never fit-to-pages, with a page footer; the state sheet has no print setup", async () => {
  // Fit To would make Excel ignore the planned page breaks the header copies stand under.
  expect(sheetXml).toMatch(/^<\?xml[^>]*>\s*<worksheet[^>]*><dimension /);
  expect(sheetXml).not.toContain("fitTo");
  expect(sheetXml).toContain(
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" scale="100" orientation="landscape"/><headerFooter><oddFooter>',
  );
  const ws = wb.getWorksheet("Målkoll Driftbudget")!;
  expect(ws.pageSetup).toMatchObject({
    orientation: "landscape",
    fitToPage: false,
    scale: 100,
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

test("a sheet wider than the page prints at the scale that fits it, in LibreOffice's wider unit", async () => {
  const wide: SheetSpec = { ...spec(), columnWidths: [40, 60, 60] }; // 160 units: 888 of 770 pt
  const port = await XlsxPort.fromBuffer(await buildRichWorkbook());
  await port.write(plan(wide));
  const files = await entries(port.buffer);
  const part = [...files.keys()].find(
    (p) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && files.get(p)!.toString().includes("Målkoll – Driftbudget"),
  )!;
  expect(await partText(port.buffer, part)).toContain(
    '<pageSetup paperSize="9" scale="86" orientation="landscape"/>',
  );
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
  expect(ws.getCell("B4").alignment?.horizontal).toBe("right");
  // The label of a varav row without its own indent still gets one level.
  expect(ws.getCell("A5").alignment).toMatchObject({ horizontal: "left", indent: 1 });
  expect(ws.getCell("A7").font).toMatchObject({ bold: true });
});

test("every row gets the planned height; wrapped text as many lines as it needs; cells top-aligned", () => {
  const ws = wb.getWorksheet("Målkoll Driftbudget")!;
  // The 14 pt title: one line of 18,75 pt. The header "Budget 2021 (nämndbudget efter beslutade
  // BJ)" in a 14-wide column wraps to four 12 pt lines (Budget 2021 / (nämndbudget / efter /
  // beslutade BJ)). A plain 9 pt row is one 12 pt line; the 140-character name in a 40-wide column
  // three.
  const heights = spec().rows.map((_, r) => ws.getRow(r + 1).height);
  expect(heights).toEqual([18.75, 48, 12, 12, 12, 36, 12]);
  expect(sheetXml).toMatch(/<row r="3" ht="12" customHeight="1">/);
  for (const cell of ["A6", "B6", "C6"])
    expect(ws.getCell(cell).alignment).toMatchObject({ vertical: "top" });
  // A header row is bottom-aligned, so its labels stand on the numbers under them.
  expect(ws.getCell("B2").alignment).toMatchObject({ vertical: "bottom", wrapText: true });
});

test("a spec's page breaks become manual row breaks: the row named starts a new page", async () => {
  const port = await XlsxPort.fromBuffer(await buildRichWorkbook());
  await port.write(plan({ ...spec(), pageBreaks: [4, 6] }));
  const files = await entries(port.buffer);
  const part = [...files.keys()].find(
    (p) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && files.get(p)!.toString().includes("Målkoll – Driftbudget"),
  )!;
  const xml = files.get(part)!.toString();
  expect(xml).toContain(
    '<rowBreaks count="2" manualBreakCount="2"><brk id="3" max="16383" man="1"/><brk id="5" max="16383" man="1"/></rowBreaks>',
  );
  // (`brk id` is the last row above the break; tests/report-render/printedPages.test.ts shows
  // LibreOffice starting its pages where the spec says.)
  expect(wellFormednessFailures(new Map([[part, files.get(part)!]]))).toEqual([]);
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

  describe("as Gnumeric writes them back: Print_Titles, without _xlnm.", () => {
    const gnumeric = (sheet: number, ref: string) =>
      `<definedName name="Print_Titles" localSheetId="${sheet}">${ref}</definedName>`;
    const user = '<definedName name="Utfall">A!$B$5</definedName>';
    // Sheet 0 is the user's, with titles of its own; sheet 1 is one of Målkoll's, saved in Gnumeric.
    const saved = book(
      `<definedNames>${user}${gnumeric(0, "A!$3:$3")}${gnumeric(1, "'Målkoll B'!$4:$4")}</definedNames>`,
    );

    test("they are the sheet's print titles: a new run replaces them, and never adds a second", () => {
      expect(setPrintTitles(saved, 1, "Målkoll B", 4)).toBe(
        book(
          `<definedNames>${user}${gnumeric(0, "A!$3:$3")}<definedName name="_xlnm.Print_Titles" localSheetId="1">'Målkoll B'!$4:$4</definedName></definedNames>`,
        ),
      );
    });

    test("they go when the sheet loses its header row, and follow it when it is renamed", () => {
      expect(removePrintTitles(saved, 1)).toBe(
        book(`<definedNames>${user}${gnumeric(0, "A!$3:$3")}</definedNames>`),
      );
      expect(renamePrintTitles(saved, 1, "Målkoll B", "Målkoll B (red)")).toBe(
        book(
          `<definedNames>${user}${gnumeric(0, "A!$3:$3")}${gnumeric(1, "'Målkoll B (red)'!$4:$4")}</definedNames>`,
        ),
      );
    });
  });
});
