/**
 * Målkoll's own SpreadsheetML reader against ExcelJS, the reference: the same snapshot from
 * workbooks written by ExcelJS, by Målkoll's writer, by hand and by LibreOffice; and the reader's
 * own cases (prefixed elements, shared formulas, phonetic runs, ISO dates) with exact values.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { cellAt, formatAt, formulaAt, type CellValue, type WorkbookSnapshot } from "../../../src/engine/grid";
import { main } from "../../../src/cli/main";
import { checkPackage, snapshotFromBuffer, snapshotWithExcelJS } from "../../../src/ports/xlsx";
import { slideFormula, snapshotFromPackage } from "../../../src/ports/xlsx/sheetReader";
import { generateWorkbook, workbookToXlsx } from "../../../scripts/bench/workbook";
import { buildXlsx } from "../../fixtures/hostile/build";
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
    if (a.values.length && (a.originRow !== b.originRow || a.originCol !== b.originCol))
      out.push(`${a.name}: origin ${a.originRow},${a.originCol} vs ${b.originRow},${b.originCol}`);
    const rows = Math.max(a.values.length, b.values.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(a.values[r]?.length ?? 0, b.values[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const row = a.originRow + r;
        const col = a.originCol + c;
        const va: CellValue = cellAt(a, row, col);
        const vb: CellValue = cellAt(b, row, col);
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
  });
  return out.slice(0, 20);
}

async function expectSameAsExcelJS(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const own = await ownReading(bytes);
  expect(differences(own, await excelJsReading(bytes))).toEqual([]);
  return own;
}

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

  test("number formats as written (custom with its backslash, built-in by id); dates stay serials", () => {
    const s = snap.sheets[0];
    expect(cellAt(s, 2, 3)).toBe(0.041);
    expect(formatAt(s, 2, 3)).toBe("0.0\\ %");
    expect(cellAt(s, 2, 4)).toBe(43000);
    expect(formatAt(s, 2, 4)).toBe("mm-dd-yy");
    // 1904 date system: 2021-08-31 is serial 44439 in 1900, 1462 days less in 1904.
    expect(cellAt(s, 2, 5)).toBe(44439 - 1462);
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
});

test("slideFormula moves relative references only", () => {
  expect(slideFormula("A1+$A1+A$1+$A$1", 2, 1)).toBe("B3+$A3+B$1+$A$1");
  expect(slideFormula("SUM(Blad1!B2:B4)*LOG10(2)", 1, 0)).toBe("SUM(Blad1!B3:B5)*LOG10(2)");
  expect(slideFormula('"B2"&B2', 1, 1)).toBe('"B2"&C3');
  expect(slideFormula("A1", -1, 0)).toBe("#REF!");
});
