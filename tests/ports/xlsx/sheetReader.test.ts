/**
 * Målkoll's own SpreadsheetML reader against ExcelJS, the reference: the same snapshot from
 * workbooks written by ExcelJS, by Målkoll's writer, by hand and by LibreOffice; and the reader's
 * own cases (prefixed elements, shared formulas, phonetic runs, ISO dates) with exact values.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import {
  cellAt,
  formatAt,
  formulaAt,
  lastCol,
  lastRow,
  type CellValue,
  type WorkbookSnapshot,
} from "../../../src/engine/grid";
import { main } from "../../../src/cli/main";
import { checkPackage, snapshotFromBuffer, snapshotWithExcelJS } from "../../../src/ports/xlsx";
import { slideFormula, snapshotFromPackage } from "../../../src/ports/xlsx/sheetReader";
import { generateWorkbook, workbookToXlsx } from "../../../scripts/bench/workbook";
import { buildXlsx, withStatedSize } from "../../fixtures/hostile/build";
import { columnLetters } from "../../../src/engine/grid";
import { convertWithLibreOffice, libreOfficeAvailableOrSkip } from "../../helpers/libreoffice";
import { buildRichWorkbook } from "./fixture";

const SAMPLE = path.join(__dirname, "..", "..", "..", "samples", "malkoll-exempel.xlsx");

async function ownReading(bytes: Uint8Array, name = "bok.xlsx"): Promise<WorkbookSnapshot> {
  return snapshotFromPackage(await checkPackage(bytes, name), bytes, name);
}

async function excelJsReading(bytes: Uint8Array, name = "bok.xlsx"): Promise<WorkbookSnapshot> {
  return snapshotWithExcelJS(await checkPackage(bytes, name), bytes, name);
}

/** ExcelJS turns date cells into Date objects and back, so serials may differ in the 10th digit. */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/** ExcelJS drops the backslash of escaped characters in format codes (`0\ %` → `0 %`). */
function unescapedFormat(code: string | null | undefined): string | null {
  return code ? code.replace(/\\(.)/g, "$1") : null;
}

function differences(own: WorkbookSnapshot, ref: WorkbookSnapshot): string[] {
  const out: string[] = [];
  const names = (s: WorkbookSnapshot) => s.sheets.map((g) => `${g.name}/${g.visibility}`);
  if (names(own).join("|") !== names(ref).join("|"))
    return [`sheets: ${names(own).join(", ")} vs ${names(ref).join(", ")}`];
  own.sheets.forEach((a, i) => {
    const b = ref.sheets[i];
    const where = (r: number, c: number) => `${a.name}!R${r}C${c}`;
    // Over the area either reader found cells in, so a sheet one of them left empty still counts.
    const used = [a, b].filter((g) => g.values.length);
    const top = Math.min(...used.map((g) => g.originRow));
    const left = Math.min(...used.map((g) => g.originCol));
    const bottom = Math.max(0, ...used.map((g) => lastRow(g)));
    const right = Math.max(0, ...used.map((g) => lastCol(g)));
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) {
        // Empty text is an empty cell to the engine and to Office.js; ExcelJS keeps "".
        const va: CellValue = cellAt(a, row, col) === "" ? null : cellAt(a, row, col);
        const vb: CellValue = cellAt(b, row, col) === "" ? null : cellAt(b, row, col);
        // ExcelJS drops a formula's cached result when it is 0 (its model copy skips falsy values);
        // Excel and Office.js report the 0.
        const droppedZero = va === 0 && vb === null && formulaAt(a, row, col) !== null;
        const same =
          typeof va === "number" && typeof vb === "number" ? sameNumber(va, vb) : va === vb || droppedZero;
        if (!same) out.push(`${where(row, col)}: ${JSON.stringify(va)} vs ${JSON.stringify(vb)}`);
        if (unescapedFormat(formatAt(a, row, col)) !== unescapedFormat(formatAt(b, row, col)))
          out.push(`${where(row, col)} format: ${formatAt(a, row, col)} vs ${formatAt(b, row, col)}`);
        if (formulaAt(a, row, col) !== formulaAt(b, row, col))
          out.push(`${where(row, col)} formula: ${formulaAt(a, row, col)} vs ${formulaAt(b, row, col)}`);
      }
    }
    if (JSON.stringify(a.merges ?? []) !== JSON.stringify(b.merges ?? []))
      out.push(`${a.name}: merges differ`);
    if (JSON.stringify(a.listObjects ?? []) !== JSON.stringify(b.listObjects ?? []))
      out.push(`${a.name}: tables ${JSON.stringify(a.listObjects)} vs ${JSON.stringify(b.listObjects)}`);
    if (JSON.stringify(a.uncalculated ?? []) !== JSON.stringify(b.uncalculated ?? []))
      out.push(
        `${a.name}: uncalculated ${JSON.stringify(a.uncalculated)} vs ${JSON.stringify(b.uncalculated)}`,
      );
  });
  return out.slice(0, 20);
}

async function expectSameAsExcelJS(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const own = await ownReading(bytes);
  expect(differences(own, await excelJsReading(bytes))).toEqual([]);
  return own;
}

test("the comparison itself: a sheet one reader leaves empty is a difference", () => {
  const sheet = (values: CellValue[][], originRow = 1, originCol = 1) => ({
    name: "Blad1",
    visibility: "visible" as const,
    originRow,
    originCol,
    values,
  });
  const book = (g: ReturnType<typeof sheet>): WorkbookSnapshot => ({ name: "b", sheets: [g] });
  expect(differences(book(sheet([])), book(sheet([["Indikator", 42]], 5, 2)))).toEqual([
    'Blad1!R5C2: null vs "Indikator"',
    "Blad1!R5C3: null vs 42",
  ]);
  expect(differences(book(sheet([["", 1]])), book(sheet([[null, 1]])))).toEqual([]);
});

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-reader-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("reads what ExcelJS reads", () => {
  test("the bundled sample (written by ExcelJS: shared strings, styles, formulas)", async () => {
    const own = await expectSameAsExcelJS(fs.readFileSync(SAMPLE));
    expect(own.sheets.length).toBeGreaterThan(1);
  });

  test("the sample after `malkoll generate` (Målkoll's writer: owned sheets, state sheet, live formulas)", async () => {
    const out = path.join(dir, "exempel-ut.xlsx");
    expect(await main(["generate", SAMPLE, "-o", out], { out: () => undefined, err: () => undefined })).toBe(
      0,
    );
    const own = await expectSameAsExcelJS(fs.readFileSync(out));
    expect(own.sheets.some((s) => s.name === "_malkoll" && s.visibility === "veryHidden")).toBe(true);
    expect(own.sheets.some((s) => s.formulas !== undefined && s.name.startsWith("Målkoll"))).toBe(true);
  });

  test("the preservation fixture (pivot table, chart, table, merges, hidden sheet, errors, links)", async () => {
    await expectSameAsExcelJS(await buildRichWorkbook());
  });

  test("a generated 500-indicator workbook", async () => {
    const bytes = await workbookToXlsx(
      generateWorkbook({ indicators: 500, activities: 100, budgetRows: 100 }),
    );
    await expectSameAsExcelJS(bytes);
  });

  test("hand-built packages: inline strings, error results, merges over values, hidden sheets, no styles part", async () => {
    const sheets = [
      {
        name: "Blad 1",
        rows: [
          ["Rubrik", null, 3],
          ["skuggad", 2, { formula: "1/0", error: "#DIV/0!" }],
          ['=HYPERLINK("x")', true, { formula: "B2*2", value: 4 }],
        ],
        merges: ["A1:B2"],
      },
      { name: "Dold", state: "hidden" as const, rows: [["a"]] },
      { name: "Tom", rows: [] },
    ];
    await expectSameAsExcelJS(await buildXlsx(sheets));
    await expectSameAsExcelJS(await buildXlsx(sheets, { withoutStyles: true }));
  });

  test("the sample as LibreOffice saves it (another writer's XML)", async () => {
    if (!libreOfficeAvailableOrSkip()) return;
    const [file] = convertWithLibreOffice(SAMPLE, "xlsx").files;
    const own = await expectSameAsExcelJS(fs.readFileSync(file));
    expect(own.sheets.length).toBeGreaterThan(1);
  }, 120_000);
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A package written the way some .NET libraries write it: every element with an `x:` prefix. */
async function prefixedWorkbook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Data" sheetId="1" rel:id="s1"/><x:sheet name="Diagram" sheetId="2" rel:id="c1"/><x:sheet name="Gömd" sheetId="3" state="veryHidden" rel:id="s2"/></x:sheets></x:workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="s1" Type="${REL}/worksheet" Target="sheets/data.xml"/><Relationship Id="c1" Type="${REL}/chartsheet" Target="sheets/chart.xml"/><Relationship Id="s2" Type="${REL}/worksheet" Target="sheets/hidden.xml"/><Relationship Id="st" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="ss" Type="${REL}/sharedStrings" Target="strings.xml"/></Relationships>`,
  );
  zip.file(
    "xl/styles.xml",
    `<x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0\\ %"/></x:numFmts><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="14"/><x:xf numFmtId="10"/></x:cellXfs></x:styleSheet>`,
  );
  zip.file(
    "xl/strings.xml",
    `<x:sst xmlns:x="${MAIN}"><x:si><x:t>Andel nöjda</x:t></x:si><x:si><x:r><x:t>Rik </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">text </x:t></x:r><x:rPh sb="0" eb="1"><x:t>fonetik</x:t></x:rPh></x:si><x:si><x:t>rad ett_x000D_\nrad två &amp; &lt;tre&gt;</x:t></x:si></x:sst>`,
  );
  zip.file(
    "xl/sheets/data.xml",
    `<x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheetData>` +
      `<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" s="1"><x:v>0.041</x:v></x:c><x:c r="D2" s="2"><x:v>43000</x:v></x:c><x:c r="E2" t="d"><x:v>2021-08-31</x:v></x:c></x:row>` +
      `<x:row><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c s="3"><x:v>0.5</x:v></x:c></x:row>` +
      `<x:row r="5"><x:c r="B5"><x:f t="shared" ref="B5:B7" si="0">SUM(C$2:C2)+$D2+"A1"+'B 2'!C3</x:f><x:v>1</x:v></x:c><x:c r="C5" t="str"><x:f>"x"&amp;"y"</x:f><x:v>xy</x:v></x:c><x:c r="D5" t="inlineStr"><x:is><x:t>inline</x:t><x:rPh><x:t>bort</x:t></x:rPh></x:is></x:c></x:row>` +
      `<x:row r="6"><x:c r="B6"><x:f t="shared" si="0"/><x:v>2</x:v></x:c><x:c r="C6" t="b"><x:v>1</x:v></x:c><x:c r="D6" t="e"><x:v>#N/A</x:v></x:c></x:row>` +
      `<x:row r="7"><x:c r="B7"><x:f t="shared" si="0"/></x:c><x:c r="C7" s="1"/></x:row>` +
      `</x:sheetData><x:mergeCells><x:mergeCell ref="F2:G3"/></x:mergeCells><x:tableParts count="1"><x:tablePart r:id="t1"/></x:tableParts></x:worksheet>`,
  );
  zip.file(
    "xl/sheets/_rels/data.xml.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="t1" Type="${REL}/table" Target="../tables/t.xml"/></Relationships>`,
  );
  zip.file(
    "xl/tables/t.xml",
    `<x:table xmlns:x="${MAIN}" id="1" name="Mått" displayName="Mått" ref="B5:D7"/>`,
  );
  zip.file("xl/sheets/chart.xml", `<x:chartsheet xmlns:x="${MAIN}"/>`);
  zip.file(
    "xl/sheets/hidden.xml",
    `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("the reader's own cases", () => {
  let snap: WorkbookSnapshot;
  beforeAll(async () => {
    snap = await ownReading(await prefixedWorkbook(), "prefix.xlsx");
  });

  test("worksheets only, in workbook order, with their visibility", () => {
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Data", "visible"],
      ["Gömd", "veryHidden"],
    ]);
  });

  test("strings: shared, rich runs joined, phonetic runs left out, escapes and entities decoded", () => {
    const s = snap.sheets[0];
    expect([s.originRow, s.originCol]).toEqual([2, 1]);
    expect(cellAt(s, 2, 2)).toBe("Andel nöjda");
    expect(cellAt(s, 3, 1)).toBe("Rik text ");
    expect(cellAt(s, 3, 2)).toBe("rad ett\r\nrad två & <tre>");
    expect(cellAt(s, 5, 4)).toBe("inline");
  });

  test("cells without a reference follow the one before; rows without a number follow theirs", () => {
    const s = snap.sheets[0];
    expect(cellAt(s, 3, 3)).toBe(0.5);
    expect(formatAt(s, 3, 3)).toBe("0.00%");
  });

  test("number formats as written (custom with its backslash, built-in by id); dates as 1900 serials", () => {
    const s = snap.sheets[0];
    expect(cellAt(s, 2, 3)).toBe(0.041);
    expect(formatAt(s, 2, 3)).toBe("0.0\\ %");
    // The workbook is in the 1904 date system, whose serials are 1 462 days lower for the same day:
    // 43000 there is 2021-09-23, 44462 in the 1900 system the engine reads.
    expect(cellAt(s, 2, 4)).toBe(44462);
    expect(formatAt(s, 2, 4)).toBe("mm-dd-yy");
    expect(cellAt(s, 2, 5)).toBe(44439); // t="d" 2021-08-31
  });

  test("formulas: shared ones slide to their cell, results of every type", () => {
    const s = snap.sheets[0];
    expect(formulaAt(s, 5, 2)).toBe("SUM(C$2:C2)+$D2+\"A1\"+'B 2'!C3");
    expect(formulaAt(s, 6, 2)).toBe("SUM(C$2:C3)+$D3+\"A1\"+'B 2'!C4");
    expect(formulaAt(s, 7, 2)).toBe("SUM(C$2:C4)+$D4+\"A1\"+'B 2'!C5");
    expect(cellAt(s, 6, 2)).toBe(2);
    expect(cellAt(s, 7, 2)).toBeNull();
    expect([cellAt(s, 5, 3), formulaAt(s, 5, 3)]).toEqual(["xy", '"x"&"y"']);
    expect(cellAt(s, 6, 3)).toBe(true);
    expect(cellAt(s, 6, 4)).toBe("#N/A");
    expect(cellAt(s, 7, 3)).toBeNull();
  });

  test("formulas without a computed value: none stored, or 0 when the workbook recalculates on load", async () => {
    const cells = [
      '<c r="A1"><f>1+1</f></c>', // no value (ExcelJS's writer, hand-made files)
      '<c r="A2"><f>1+1</f><v></v></c>', // an empty number (openpyxl)
      '<c r="A3" t="str"><f>""</f><v></v></c>', // an empty text: Excel's own result of `""`
      '<c r="A4"><f>1+1</f><v>2</v></c>', // a computed value (POI sets the request over such values)
      '<c r="A5"><v>7</v></c>',
      '<c r="A6"><f>1+1</f><v>0</v></c>', // XlsxWriter's placeholder
    ];
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells
      .map((c, i) => `<row r="${i + 1}">${c}</row>`)
      .join("")}</sheetData></worksheet>`;
    const plain = await buildXlsx([{ name: "Blad1", rows: [] }], { sheetXml: { 0: sheet } });
    const withCalcPr = async (calcPr: string) => {
      const zip = await JSZip.loadAsync(plain);
      const book = await zip.file("xl/workbook.xml")!.async("string");
      zip.file("xl/workbook.xml", book.replace("</workbook>", `${calcPr}</workbook>`));
      return zip.generateAsync({ type: "nodebuffer" });
    };
    const own = async (bytes: Uint8Array) => (await ownReading(bytes)).sheets[0].uncalculated;
    expect(await own(plain)).toEqual(["A1", "A2"]);
    expect(await own(await withCalcPr('<calcPr calcId="191029" fullCalcOnLoad="0"/>'))).toEqual(["A1", "A2"]);
    const recalculating = await withCalcPr(
      '<x:calcPr xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" fullCalcOnLoad="true"/>',
    );
    // Under the request an empty result (A3, read as no value) is suspect too; a computed 2 is not.
    expect(await own(recalculating)).toEqual(["A1", "A2", "A3", "A6"]);
    // ExcelJS drops a stored 0 as it drops a missing value: it sees them only under the request.
    expect((await excelJsReading(recalculating)).sheets[0].uncalculated).toEqual(["A1", "A2", "A3", "A6"]);
    expect((await excelJsReading(plain)).sheets[0].uncalculated).toBeUndefined();
  });

  test("tables and merges", () => {
    const s = snap.sheets[0];
    expect(s.listObjects).toEqual([{ name: "Mått", range: "B5:D7" }]);
    expect(s.merges).toEqual(["F2:G3"]);
    expect(cellAt(snap.sheets[1], 1, 1)).toBe(7);
  });

  test("the port reads with it, and falls back to ExcelJS only when the XML does not parse", async () => {
    const bytes = await prefixedWorkbook();
    expect(await snapshotFromBuffer(bytes, "prefix.xlsx")).toEqual(snap);
    const broken = await JSZip.loadAsync(await buildXlsx([{ name: "Blad1", rows: [["a", 1]] }]));
    const sheet = await broken.file("xl/worksheets/sheet1.xml")!.async("string");
    broken.file(
      "xl/worksheets/sheet1.xml",
      sheet.replace("<sheetData>", '<sheetData><row r="9"><c r="A9"><v>1</v></c>'),
    );
    const bad = await broken.generateAsync({ type: "nodebuffer" });
    await expect(ownReading(bad)).rejects.toThrow();
    await expect(snapshotFromBuffer(bad, "trasig.xlsx")).rejects.toMatchObject({ exitCode: 2 });
  });

  test("a sheet the fast scanner leaves to saxes half-way is read once, from the start", async () => {
    const rows = [
      ["Mått", 1],
      ["Andra", 2],
      ["Tredje", 3],
    ];
    const plain = await buildXlsx([{ name: "Blad1", rows }]);
    const zip = await JSZip.loadAsync(plain);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // A comment after the first rows: the scanner has handed on cells by then.
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet.replace('<row r="3">', '<!-- skrivet för hand --><row r="3">'),
    );
    const commented = await zip.generateAsync({ type: "nodebuffer" });
    const name = "kommentar.xlsx";
    const read = await ownReading(commented, name);
    expect(read.sheets[0].values).toEqual([
      ["Mått", 1],
      ["Andra", 2],
      ["Tredje", 3],
    ]);
    // The text limit counts each cell once, not again for the cells read before the hand-over.
    const limit = "MåttAndraTredje".length;
    await expect(
      snapshotFromPackage(await checkPackage(commented, name), commented, name, { maxTextChars: limit }),
    ).resolves.toEqual(read);
    await expect(
      snapshotFromPackage(await checkPackage(commented, name), commented, name, { maxTextChars: limit - 1 }),
    ).rejects.toMatchObject({ exitCode: 2 });
  });
});

test("slideFormula moves relative references only", () => {
  expect(slideFormula("A1+$A1+A$1+$A$1", 2, 1)).toBe("B3+$A3+B$1+$A$1");
  expect(slideFormula("SUM(Blad1!B2:B4)*LOG10(2)", 1, 0)).toBe("SUM(Blad1!B3:B5)*LOG10(2)");
  expect(slideFormula('"B2"&B2', 1, 1)).toBe('"B2"&C3');
  expect(slideFormula("A1", -1, 0)).toBe("#REF!");
  // Whole rows and columns move too; names, structured references and quoted sheets do not.
  expect(slideFormula("SUM(3:3)+SUM(C:C)+SUM($D:$D)+SUM($4:$4)", 1, 1)).toBe(
    "SUM(4:4)+SUM(D:D)+SUM($D:$D)+SUM($4:$4)",
  );
  expect(slideFormula("Tabell1[[#This Row],[T1]]*B2", 1, 0)).toBe("Tabell1[[#This Row],[T1]]*B3");
  expect(slideFormula("Mål1+A1+'Blad B2'!B2", 1, 0)).toBe("Mål1+A2+'Blad B2'!B3");
  // Past the last column or row is off the sheet.
  expect(slideFormula("XFD1+A1048576", 1, 1)).toBe("#REF!+#REF!");
});

describe("what a hostile package cannot do to the reader", () => {
  test("a part that inflates beyond the size the zip states is refused (exit 2), not inflated", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`Indikator ${i}`, i]);
    const honest = await buildXlsx([{ name: "Blad1", rows }]);
    const lying = withStatedSize(honest, "xl/worksheets/sheet1.xml", 100);
    await expect(snapshotFromBuffer(lying, "bomb.xlsx")).rejects.toMatchObject({
      exitCode: 2,
      messageSv: expect.stringMatching(/skadad.*xl\/worksheets\/sheet1\.xml/),
    });
  });

  test("the size limit counts XML in any folder, not just xl/worksheets/*.xml", async () => {
    const zip = await JSZip.loadAsync(await buildXlsx([{ name: "Blad1", rows: [["a", 1]] }]));
    zip.file("xl/gömd/stor.xml", "<x>" + "a".repeat(200_000) + "</x>");
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    await expect(checkPackage(bytes, "stor.xlsx", { maxSheetXmlBytes: 100_000 })).rejects.toMatchObject({
      exitCode: 2,
    });
  });

  test("merges over a million empty rows cost nothing; only the cells they hide are dropped", async () => {
    const merges = Array.from(
      { length: 18 },
      (_, i) => `${columnLetters(i + 2)}1:${columnLetters(i + 2)}999999`,
    );
    const bytes = await buildXlsx([
      {
        name: "Blad1",
        rows: [
          ["Rubrik", "kvar", 1],
          ["Indikator", "dold", 2],
        ],
        merges: [...merges, "A5:A5"],
      },
    ]);
    const grid = (await ownReading(bytes)).sheets[0];
    expect(grid.values).toEqual([
      ["Rubrik", "kvar", 1],
      ["Indikator", null, null],
    ]);
  });

  test("cell values ExcelJS and Number() would misread", async () => {
    const zip = await JSZip.loadAsync(await buildXlsx([{ name: "Blad1", rows: [] }]));
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1">` +
        `<c r="A1" t="b"><v>TRUE</v></c><c r="B1"><v>0x10</v></c><c r="C1"><v>1e400</v></c><c r="D1"><v>1.5E+3</v></c>` +
        `<c r="E1" t="str"><f>""</f><v></v></c><c r="F1" t="str"><f>A1</f><v>rad_x000D_</v></c><c r="G1" t="d"><v>1900-01-01</v></c>` +
        `</row></sheetData></worksheet>`,
    );
    const grid = (await ownReading(await zip.generateAsync({ type: "nodebuffer" }))).sheets[0];
    expect(grid.values).toEqual([[true, null, null, 1500, null, "rad\r", 1]]);
  });
});
