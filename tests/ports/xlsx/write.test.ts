import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import JSZip from "jszip";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import type { WritePlan } from "../../../src/ports/port";
import { XlsxPort, XlsxPortError } from "../../../src/ports/xlsx";
import { applyFlagRules, removeFlagRules } from "../../../src/ports/xlsx/flags";
import { StyleBook } from "../../../src/ports/xlsx/styles";
import { buildXlsx } from "../../fixtures/hostile/build";
import { buildRichWorkbook } from "./fixture";
import { indicatorSpec, richPlan, stateRows } from "./plans";
import { entries, partText, wellFormednessFailures } from "./zipUtil";

let rich: Buffer;
beforeAll(async () => {
  rich = await buildRichWorkbook();
});

function plan(partial: Partial<WritePlan>): WritePlan {
  return { renames: [], sheets: [], flags: [], clearFlags: [], state: [], findings: [], ...partial };
}

async function sheetPartOf(bytes: Uint8Array, name: string): Promise<{ path: string; sheetId: string }> {
  const wb = await partText(bytes, "xl/workbook.xml");
  const rels = await partText(bytes, "xl/_rels/workbook.xml.rels");
  const tag = new RegExp(`<sheet [^>]*name="${name}"[^>]*/>`).exec(wb)![0];
  const rid = /r:id="([^"]+)"/.exec(tag)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*/>`).exec(rels)![0];
  return { path: `xl/${/Target="([^"]+)"/.exec(target)![1]}`, sheetId: /sheetId="(\d+)"/.exec(tag)![1] };
}

test("text is text: only OutCell.formula becomes <f>; =, +, -, @ strings are inline strings", async () => {
  const port = await XlsxPort.fromBuffer(rich);
  await port.write(richPlan(false));
  const xml = await partText(port.buffer, (await sheetPartOf(port.buffer, "Målkoll Indikatorer")).path);
  const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
  expect(formulas).toEqual(["'Uppföljning'!B2", "'Uppföljning'!B3", "SUM(B4:B5)"]);
  for (const t of ["=1+1", "+46 8 508 000 00", "-", "@hemma &lt;&amp;&gt; &quot;citat&quot; ok"])
    expect(xml).toContain(`t="inlineStr"><is><t xml:space="preserve">${t}</t>`);
  expect(xml).not.toContain("\u0001");
  const state = await partText(port.buffer, (await sheetPartOf(port.buffer, "_malkoll")).path);
  expect(state).not.toContain("<f>");
  expect(state).toContain('<t xml:space="preserve">=cafe</t>');
});

test("owned sheet layout: no gridlines, frozen header, widths, merges, internal links, chart parts", async () => {
  const port = await XlsxPort.fromBuffer(rich);
  await port.write(richPlan(false));
  const { path: part } = await sheetPartOf(port.buffer, "Målkoll Indikatorer");
  const xml = await partText(port.buffer, part);
  expect(xml).toContain('showGridLines="0"');
  expect(xml).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
  expect(xml).toContain('<col min="1" max="1" width="40" customWidth="1"/>');
  expect(xml).toContain('<mergeCell ref="A1:D1"/>');
  expect(xml).toContain(`<hyperlink ref="A4" location="'Uppföljning'!A2" display="Andel nöjda"/>`);
  const rels = await partText(port.buffer, part.replace("worksheets/", "worksheets/_rels/") + ".rels");
  const drawingTarget = /Target="\.\.\/drawings\/(malkoll_drawing\d+\.xml)"/.exec(rels)![1];
  const drawingRels = await partText(port.buffer, `xl/drawings/_rels/${drawingTarget}.rels`);
  const chartPart = `xl/charts/${/malkoll_chart\d+\.xml/.exec(drawingRels)![0]}`;
  const chart = await partText(port.buffer, chartPart);
  expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
  expect(chart).toContain("<c:f>'Målkoll Indikatorer'!$B$4:$B$5</c:f>");
  const budget = await partText(port.buffer, "xl/charts/malkoll_chart2.xml");
  expect(budget).toContain('<c:grouping val="stacked"/>');
  expect(budget).toContain('<c:overlap val="100"/>');
});

test("replaces: true rewrites the same part with the same sheetId; renames change only the name", async () => {
  const port = await XlsxPort.fromBuffer(rich);
  await port.write(richPlan(false));
  const first = await sheetPartOf(port.buffer, "Målkoll Indikatorer");
  const wbBefore = await partText(port.buffer, "xl/workbook.xml");
  const newSpec: SheetSpec = { key: "indikatorer", rows: [[{ value: "Ny version" }]], columnWidths: [] };
  await port.write(
    plan({
      renames: [{ from: "Målkoll Driftbudget", to: "Målkoll Driftbudget (ändrad)" }],
      sheets: [{ spec: newSpec, name: "Målkoll Indikatorer", replaces: true }],
    }),
  );
  const second = await sheetPartOf(port.buffer, "Målkoll Indikatorer");
  expect(second).toEqual(first);
  expect(await partText(port.buffer, second.path)).toContain("Ny version");
  const wbAfter = await partText(port.buffer, "xl/workbook.xml");
  // The new version has no header row to repeat when printed, so its print titles go too.
  expect(wbAfter).toBe(
    wbBefore
      .replace('name="Målkoll Driftbudget"', 'name="Målkoll Driftbudget (ändrad)"')
      .replace(/<definedName name="_xlnm.Print_Titles" localSheetId="6">[^<]*<\/definedName>/, ""),
  );
  expect(wbBefore).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="6">');
  // The replaced sheet's old chart parts are gone with their content types; the renamed one's stay.
  const parts = [...(await entries(port.buffer)).keys()];
  expect(parts).not.toContain("xl/charts/malkoll_chart1.xml");
  expect(parts).toContain("xl/charts/malkoll_chart2.xml");
  expect(await partText(port.buffer, "[Content_Types].xml")).not.toContain("malkoll_chart1.xml");
});

test("never overwrites a user's sheet, and refuses bad names, with exit code 2", async () => {
  const port = await XlsxPort.fromBuffer(rich);
  const spec = indicatorSpec();
  for (const bad of [
    plan({ sheets: [{ spec, name: "uppföljning", replaces: false }] }),
    plan({ sheets: [{ spec, name: "Målkoll: fel", replaces: false }] }),
    plan({ sheets: [{ spec, name: "_malkoll", replaces: true }] }),
    plan({ renames: [{ from: "Data", to: "Pivot" }] }),
  ]) {
    const err = await port.write(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxPortError);
    expect((err as XlsxPortError).exitCode).toBe(2);
  }
  expect(port.buffer).toBe(rich);
});

test("a user's sheet named as the state sheet in another case is refused, never overwritten", async () => {
  // Excel compares sheet names without case, so `_malkoll` can't be added beside `_MALKOLL`;
  // the engine reads `_MALKOLL` as the user's (the state sheet is `_malkoll` exactly).
  const bytes = await buildXlsx([
    { name: "Data", rows: [["Indikator", "Utfall"]] },
    { name: "_MALKOLL", rows: [["Controllerns anteckningar"]] },
  ]);
  const port = await XlsxPort.fromBuffer(bytes, "bok.xlsx");
  const err = await port.write(plan({ state: stateRows("2021-09-01T10:00:00Z") })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(XlsxPortError);
  expect((err as XlsxPortError).exitCode).toBe(2);
  expect((err as XlsxPortError).message).toContain("_MALKOLL");
  expect(port.buffer).toBe(bytes);
});

test("clearFlags removes exactly Målkoll's rules: the user's sheet is byte-identical again", async () => {
  const port = await XlsxPort.fromBuffer(rich);
  const original = await partText(rich, "xl/worksheets/sheet1.xml");
  await port.write(richPlan(false));
  expect(await partText(port.buffer, "xl/worksheets/sheet1.xml")).not.toBe(original);
  await port.clearFlags([{ sheet: "Uppföljning", ranges: "B2,C3" }], stateRows("2021-09-03T00:00:00Z"));
  expect(await partText(port.buffer, "xl/worksheets/sheet1.xml")).toBe(original);
  const snap = await port.read();
  expect(snap.sheets.find((s) => s.name === "_malkoll")!.values[5][1]).toBe("2021-09-03T00:00:00Z");
});

test("flags on a missing sheet or a bad address are skipped, not fatal", async () => {
  const port = await XlsxPort.fromBuffer(rich);
  await port.write(
    plan({
      flags: [
        { sheet: "Finns inte", cell: "A1", severity: "error", message: "x" },
        { sheet: "Data", cell: "not-a-cell", severity: "info", message: "y" },
      ],
    }),
  );
  expect(port.skipped).toEqual(['flags: no worksheet "Finns inte"']);
  expect(await partText(port.buffer, "xl/worksheets/sheet2.xml")).toBe(
    await partText(rich, "xl/worksheets/sheet2.xml"),
  );
});

describe("flag rules in the worksheet XML", () => {
  const styles = () =>
    new StyleBook(
      '<styleSheet xmlns="x"><fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>',
    );
  const sheet =
    '<worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><dataValidations count="0"/><hyperlinks/><pageMargins/><tableParts count="0"/></worksheet>';

  test("go between mergeCells and dataValidations (CT_Worksheet order) and come out cleanly", () => {
    const flagged = applyFlagRules(
      sheet,
      [
        { sheet: "S", cell: "$c$17", severity: "warning", message: "" },
        { sheet: "S", cell: "B2:F2", severity: "warning", message: "" },
      ],
      styles(),
    );
    expect(flagged).toMatch(
      /<\/mergeCells><conditionalFormatting sqref="C17 B2:F2"><cfRule type="expression" dxfId="0" priority="1">.*<\/conditionalFormatting><dataValidations/,
    );
    expect(removeFlagRules(flagged)).toBe(sheet);
  });

  test("a user rule sharing a block with ours survives removal; priorities follow the user's", () => {
    const user =
      '<conditionalFormatting sqref="A1"><cfRule type="cellIs" dxfId="0" priority="4" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>';
    const withUser = sheet.replace("<dataValidations", `${user}<dataValidations`);
    const flagged = applyFlagRules(
      withUser,
      [{ sheet: "S", cell: "A1", severity: "error", message: "" }],
      styles(),
    );
    expect(flagged).toContain('priority="5"');
    expect(flagged.indexOf(user)).toBeLessThan(flagged.indexOf("malkoll"));
    const mixed = flagged.replace(
      '</cfRule></conditionalFormatting><conditionalFormatting sqref="A1">',
      "</cfRule>",
    );
    expect(removeFlagRules(mixed)).toBe(withUser);
  });

  test("priorities also follow the user's rules that only Excel's x14 extension holds", () => {
    // As Excel writes a rule the 2007 schema cannot express (here one reading another sheet):
    // its priority counts with the others', so a flag must come after it too.
    const x14 =
      '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="expression" priority="7" id="{3F2B5D7A-1C9E-4A8B-B6D2-7E5F0A9C1D34}"><xm:f>Budget!$A$1&gt;100</xm:f><x14:dxf/></x14:cfRule><xm:sqref>A1</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
    const withX14 = sheet.replace("</worksheet>", `${x14}</worksheet>`);
    const flagged = applyFlagRules(
      withX14,
      [{ sheet: "S", cell: "A1", severity: "error", message: "" }],
      styles(),
    );
    expect(flagged).toMatch(/<cfRule type="expression" dxfId="0" priority="8">/);
    expect(removeFlagRules(flagged)).toBe(withX14);
  });

  test("rules LibreOffice re-saved or the add-in wrote are Målkoll's too: replaced, not kept beside new ones", () => {
    // LibreOffice writes TRUE as 1 and its own attributes; the Office port's formula names the severity.
    const resaved =
      '<conditionalFormatting sqref="E24"><cfRule type="expression" priority="2" aboveAverage="0" equalAverage="0" bottom="0" percent="0" rank="0" text="" dxfId="0"><formula>AND(1,&quot;malkoll&quot;=&quot;malkoll&quot;)</formula></cfRule></conditionalFormatting>';
    const addIn =
      '<conditionalFormatting sqref="B2"><cfRule type="expression" dxfId="0" priority="1"><formula>AND(TRUE,"malkoll"="malkoll","error"&lt;&gt;"")</formula></cfRule></conditionalFormatting>';
    const flaggedElsewhere = sheet.replace("<dataValidations", `${resaved}${addIn}<dataValidations`);
    expect(removeFlagRules(flaggedElsewhere)).toBe(sheet);
    const flagged = applyFlagRules(
      flaggedElsewhere,
      [{ sheet: "S", cell: "A1", severity: "error", message: "" }],
      styles(),
    );
    expect(flagged.match(/<conditionalFormatting /g)).toHaveLength(1);
    expect(flagged).toContain('<conditionalFormatting sqref="A1">');
  });

  test("a sheet without any later element gets the rules before </worksheet>", () => {
    const bare = '<worksheet xmlns="x"><sheetData/></worksheet>';
    expect(
      applyFlagRules(bare, [{ sheet: "S", cell: "A1", severity: "info", message: "" }], styles()),
    ).toMatch(/<sheetData\/><conditionalFormatting sqref="A1">.*<\/worksheet>$/);
  });

  test("a row's own extLst is no place for them: they go after sheetData", () => {
    const rowExt =
      '<worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</v></c><extLst><ext uri="{u}"/></extLst></row></sheetData><pageMargins/></worksheet>';
    expect(
      applyFlagRules(rowExt, [{ sheet: "S", cell: "A1", severity: "info", message: "" }], styles()),
    ).toMatch(
      /<\/row><\/sheetData><conditionalFormatting sqref="A1">.*<\/conditionalFormatting><pageMargins\/>/,
    );
  });
});

test("StyleBook inserts missing numFmts/dxfs in schema order and reuses identical entries", () => {
  const xml =
    '<styleSheet xmlns="x"><fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  const book = new StyleBook(xml);
  const a = book.xfId({ numFmt: "#,##0.0", font: { bold: true } });
  const dxf = book.dxfId("FFFFC7CE");
  const out = book.toXml();
  expect(a).toBe(1);
  expect(dxf).toBe(0);
  expect(out).toMatch(
    /^<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"\/><\/numFmts><fonts count="2">/,
  );
  expect(out).toContain('<font><b/><sz val="10"/><name val="Arial"/></font>');
  expect(out).toMatch(/<\/cellStyles><dxfs count="1"><dxf>/);
  const again = new StyleBook(out);
  expect(again.xfId({ numFmt: "#,##0.0", font: { bold: true } })).toBe(1);
  expect(again.dxfId("FFFFC7CE")).toBe(0);
  expect(again.modified).toBe(false);
});

test("StyleBook gives a new number format an id no conditional format's own format has", () => {
  // XlsxWriter (3.0.2) numbers a conditional format's number format after the cells' ones and
  // writes it only in its dxf: id 165 is taken there though <numFmts> stops at 164.
  const xml =
    '<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="0.0000 &quot;kr&quot;"/></dxf></dxfs></styleSheet>';
  const book = new StyleBook(xml);
  expect(book.numFmtId("#,##0.0")).toBe(166);
  expect(book.toXml()).toContain('<numFmt numFmtId="166" formatCode="#,##0.0"/></numFmts>');
  expect(new StyleBook(book.toXml()).numFmtId("#,##0.0")).toBe(166);
});

test("calcChain entries of a replaced sheet (explicit or inherited i) are dropped, the others kept", async () => {
  const port = await XlsxPort.fromBuffer(rich);
  await port.write(richPlan(false));
  const owned = await sheetPartOf(port.buffer, "Målkoll Indikatorer");
  const zip = await JSZip.loadAsync(port.buffer);
  zip.file(
    "xl/calcChain.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B4" i="1"/><c r="B6" i="${owned.sheetId}"/><c r="B5"/><c r="C9" i="1"/><c r="C10"/></calcChain>`,
  );
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    ),
  );
  const withChain = await XlsxPort.fromBuffer(await zip.generateAsync({ type: "nodebuffer" }));
  await withChain.write(richPlan(true));
  expect(await partText(withChain.buffer, "xl/calcChain.xml")).toContain(
    '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B4" i="1"/><c r="C9"/><c r="C10"/></calcChain>',
  );
});

test("writes 10 000 rows quickly and well-formed", async () => {
  const rows: (OutCell | null)[][] = [
    [
      { value: "Rad", style: "header" },
      { value: "Belopp", style: "header" },
      { value: "Text", style: "header" },
    ],
  ];
  for (let i = 1; i <= 10000; i++)
    rows.push([
      { value: i },
      { value: i * 1.5, format: "#,##0.0", tone: i % 3 ? "good" : "bad" },
      { value: `=rad ${i} <&>` },
    ]);
  rows.push([
    { value: "Summa", style: "total" },
    { value: 75007500, formula: "SUM(B2:B10001)", format: "#,##0.0", style: "total" },
    null,
  ]);
  const port = await XlsxPort.fromBuffer(rich);
  await port.write(
    plan({
      sheets: [
        {
          spec: { key: "aktiviteter", rows, columnWidths: [8, 12, 20] },
          name: "Målkoll Aktiviteter",
          replaces: false,
        },
      ],
    }),
  );
  const part = (await sheetPartOf(port.buffer, "Målkoll Aktiviteter")).path;
  const xml = await partText(port.buffer, part);
  expect(xml.match(/<row /g)!.length).toBe(10002);
  expect(wellFormednessFailures(new Map([[part, Buffer.from(xml)]]))).toEqual([]);
});

test("saveAs writes the output and never the input path", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "malkoll-save-"));
  const input = path.join(dir, "in.xlsx");
  writeFileSync(input, rich);
  const port = await XlsxPort.open(input);
  await port.write(richPlan(false));
  await expect(port.saveAs(input)).rejects.toBeInstanceOf(XlsxPortError);
  await expect(port.saveAs(path.join(dir, ".", "in.xlsx"))).rejects.toBeInstanceOf(XlsxPortError);
  await port.saveAs(path.join(dir, "out.xlsx"));
  expect(Buffer.compare(readFileSync(input), rich)).toBe(0);
  expect(existsSync(path.join(dir, "out.xlsx"))).toBe(true);
  expect(Buffer.compare(readFileSync(path.join(dir, "out.xlsx")), Buffer.from(port.buffer))).toBe(0);
});

describe("zip folder entries", () => {
  const folders = async (bytes: Uint8Array) =>
    Object.values((await JSZip.loadAsync(bytes)).files)
      .filter((f) => f.dir)
      .map((f) => f.name)
      .sort();
  /** The rich workbook's parts zipped again, with or without folder entries. */
  const rezipped = async (createFolders: boolean) => {
    const out = new JSZip();
    for (const [name, bytes] of await entries(rich)) out.file(name, bytes, { createFolders });
    return out.generateAsync({ type: "nodebuffer" });
  };

  test("new parts add none (an OPC package holds parts only; Word and PowerPoint repair such files)", async () => {
    const input = await rezipped(false);
    expect(await folders(input)).toEqual([]);
    const port = await XlsxPort.fromBuffer(input);
    await port.write(richPlan(false));
    // The plan adds sheets, drawings and charts in folders the input had no entries for.
    expect([...(await entries(port.buffer)).keys()].some((n) => n.startsWith("xl/charts/malkoll"))).toBe(
      true,
    );
    expect(await folders(port.buffer)).toEqual([]);
  });

  test("a package's own folder entries stay", async () => {
    const input = await rezipped(true);
    const own = await folders(input);
    expect(own).toContain("xl/worksheets/");
    const port = await XlsxPort.fromBuffer(input);
    await port.write(richPlan(false));
    expect(await folders(port.buffer)).toEqual(own);
  });
});
