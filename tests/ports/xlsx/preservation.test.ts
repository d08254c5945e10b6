import ExcelJS from "exceljs";
import { XlsxPort } from "../../../src/ports/xlsx";
import { buildRichWorkbook } from "./fixture";
import { richPlan } from "./plans";
import { entries, wellFormednessFailures } from "./zipUtil";

/**
 * The contract's promise for `generate`: every part Målkoll does not own survives byte for byte,
 * the few parts it must touch keep the user's content, and every user cell keeps its value.
 */

const MARKER = "AND(TRUE,&quot;malkoll&quot;=&quot;malkoll&quot;)";
const OWNED_SHEETS = ["Målkoll Indikatorer", "Målkoll Driftbudget", "_malkoll"];
const TOUCHED = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
  "xl/worksheets/sheet1.xml",
]);

let input: Buffer;
let output: Uint8Array;
let regenerated: Uint8Array;
let before: Map<string, Buffer>;
let after: Map<string, Buffer>;

beforeAll(async () => {
  input = await buildRichWorkbook();
  const port = await XlsxPort.fromBuffer(input, "rik.xlsx");
  await port.write(richPlan(false));
  output = port.buffer;
  await port.write(richPlan(true, "2021-09-02T08:00:00Z"));
  regenerated = port.buffer;
  before = await entries(input);
  after = await entries(output);
});

function text(map: Map<string, Buffer>, part: string): string {
  const b = map.get(part);
  if (!b) throw new Error(`missing ${part}`);
  return b.toString("utf8");
}

/** Owned parts: new worksheets and the drawings/charts they use. */
function newParts(): string[] {
  return [...after.keys()].filter((p) => !before.has(p));
}

test("the fixture really has a chart, pivot table, image, names, validation, comment and user CF", () => {
  const parts = [...before.keys()];
  expect(parts).toEqual(
    expect.arrayContaining([
      "xl/charts/chart1.xml",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/media/image1.png",
      "xl/comments1.xml",
    ]),
  );
  const sheet1 = text(before, "xl/worksheets/sheet1.xml");
  expect(sheet1).toContain("<dataValidations");
  expect(sheet1).toContain('<cfRule type="cellIs"');
  expect(text(before, "xl/workbook.xml")).toContain("<definedName");
});

test("every entry Målkoll does not own is byte-identical; nothing is dropped", () => {
  for (const [part, bytes] of before) {
    expect(after.has(part)).toBe(true);
    if (TOUCHED.has(part)) continue;
    expect({ part, same: Buffer.compare(bytes, after.get(part)!) === 0 }).toEqual({ part, same: true });
  }
  for (const part of newParts())
    expect(part).toMatch(
      /^xl\/(worksheets\/(sheet\d+\.xml|_rels\/sheet\d+\.xml\.rels)|drawings\/(_rels\/)?malkoll_drawing\d+\.xml(\.rels)?|charts\/malkoll_chart\d+\.xml)$/,
    );
});

test("workbook.xml, its rels and content types only gain Målkoll's entries", () => {
  const wb = text(after, "xl/workbook.xml");
  let stripped = wb;
  for (const name of OWNED_SHEETS) {
    stripped = stripped.replace(new RegExp(`<sheet name="${name}"[^>]*/>`), "");
    // An owned sheet's print title (its header row repeated on printed pages).
    stripped = stripped.replace(
      new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="\\d+">'${name}'![^<]*</definedName>`),
      "",
    );
  }
  expect(stripped).toBe(text(before, "xl/workbook.xml"));
  expect(wb).toMatch(/<sheet name="_malkoll" sheetId="\d+" state="veryHidden"/);

  const added = new Set(newParts().map((p) => p.replace(/^xl\//, "")));
  const rels = text(after, "xl/_rels/workbook.xml.rels").replace(
    /<Relationship [^>]*Target="([^"]+)"[^>]*\/>/g,
    (tag, target: string) => (added.has(target) ? "" : tag),
  );
  expect(rels).toBe(text(before, "xl/_rels/workbook.xml.rels"));

  const ct = text(after, "[Content_Types].xml").replace(
    /<Override PartName="\/([^"]+)"[^>]*\/>/g,
    (tag, part: string) => (newParts().includes(part) ? "" : tag),
  );
  expect(ct).toBe(text(before, "[Content_Types].xml"));
});

test("styles.xml keeps every existing entry at its index; only appends", () => {
  const orig = text(before, "xl/styles.xml");
  let out = text(after, "xl/styles.xml");
  for (const section of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"]) {
    const re = new RegExp(`<${section}[\\s>][\\s\\S]*?</${section}>|<${section}[^>]*/>`);
    const o = re.exec(orig)?.[0];
    const n = re.exec(out)?.[0];
    expect(n).toBeDefined();
    if (o) {
      const inner = (s: string) => s.replace(/^<[^>]*>/, "").replace(/<\/[^>]+>$/, "");
      expect(inner(n!).startsWith(inner(o))).toBe(true);
      const count = Number(/count="(\d+)"/.exec(n!)![1]);
      const items = inner(n!).match(
        new RegExp(`<${section === "cellXfs" ? "xf" : section.slice(0, -1)}[\\s/>]`, "g"),
      )!.length;
      expect(count).toBe(items);
      out = out.replace(n!, o);
    } else out = out.replace(n!, "");
  }
  expect(out).toBe(orig);
  const ids = [...text(after, "xl/styles.xml").matchAll(/numFmtId="(\d+)" formatCode/g)].map((m) =>
    Number(m[1]),
  );
  expect(new Set(ids).size).toBe(ids.length);
  expect(Math.min(...ids)).toBeGreaterThanOrEqual(164);
});

test("the flagged sheet only gains Målkoll's conditional formats, after the user's own", () => {
  const sheet = text(after, "xl/worksheets/sheet1.xml");
  const withoutFlags = sheet.replace(
    new RegExp(
      `<conditionalFormatting [^>]*><cfRule [^>]*><formula>${MARKER.replace(/[()]/g, "\\$&")}</formula></cfRule></conditionalFormatting>`,
      "g",
    ),
    "",
  );
  expect(withoutFlags).toBe(text(before, "xl/worksheets/sheet1.xml"));
  const order = ["</mergeCells>", '<cfRule type="cellIs"', MARKER, "<dataValidations"].map((s) =>
    sheet.indexOf(s),
  );
  expect(order.every((pos, i) => pos >= 0 && (i === 0 || pos > order[i - 1]))).toBe(true);
});

test("every XML part Målkoll wrote or touched is namespace-well-formed", () => {
  const written = new Map([...after].filter(([p]) => TOUCHED.has(p) || !before.has(p)));
  expect(written.size).toBeGreaterThan(8);
  expect(wellFormednessFailures(written)).toEqual([]);
});

async function userCells(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    if (OWNED_SHEETS.includes(ws.name)) continue;
    cells[`${ws.name}!state`] = ws.state;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[`${ws.name}!${cell.address}`] = {
          value: cell.value,
          numFmt: cell.numFmt ?? null,
          note: cell.note ?? null,
        };
      }),
    );
    cells[`${ws.name}!merges`] = (ws.model as { merges?: string[] }).merges;
  }
  cells.definedNames = wb.definedNames.model;
  return cells;
}

test("every cell of the user's sheets reads back unchanged (ExcelJS, independent of the port's reader)", async () => {
  const original = await userCells(input);
  expect(Object.keys(original).length).toBeGreaterThan(40);
  expect(await userCells(output)).toEqual(original);
  expect(await userCells(regenerated)).toEqual(original);
});

test("regenerating (replaces: true) gives the same package apart from the state rows", async () => {
  const again = await entries(regenerated);
  expect([...again.keys()].sort()).toEqual([...after.keys()].sort());
  const differing = [...after].filter(([p, b]) => Buffer.compare(b, again.get(p)!) !== 0).map(([p]) => p);
  expect(differing.length).toBe(1);
  const statePart = differing[0];
  expect(text(after, statePart)).toContain("2021-09-01T10:00:00Z");
  expect(text(again, statePart)).toContain("2021-09-02T08:00:00Z");
  expect(text(again, statePart).replace("2021-09-02T08:00:00Z", "2021-09-01T10:00:00Z")).toBe(
    text(after, statePart),
  );
});
