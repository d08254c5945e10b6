import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * A workbook with everything ExcelJS alone would lose or that a careless writer would break:
 * a chart, a pivot table (hand-made parts), an image, defined names, data validation, a comment,
 * a user conditional format, a table, merges, a hidden sheet and odd cell values.
 */

// 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

async function baseWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Uppföljning");
  ws.getCell("A1").value = "Indikator";
  ws.getCell("B1").value = "Utfall";
  ws.getCell("C1").value = "Årsmål";
  ws.getCell("D1").value = "Datum";
  ws.getCell("E1").value = "Rubrik över två";
  ws.mergeCells("E1:F1");
  ws.getCell("A2").value = { richText: [{ text: "Andel " }, { font: { bold: true }, text: "nöjda" }] };
  ws.getCell("B2").value = 0.041;
  ws.getCell("B2").numFmt = "0.0%";
  ws.getCell("C2").value = 0.05;
  ws.getCell("C2").numFmt = "0.0%";
  ws.getCell("D2").value = new Date(Date.UTC(2021, 7, 31));
  ws.getCell("D2").numFmt = "yyyy-mm-dd";
  ws.getCell("A3").value = "Antal besök";
  ws.getCell("B3").value = 1234.5;
  ws.getCell("B3").numFmt = "#,##0.0";
  ws.getCell("C3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell("A4").value = { text: "Länk", hyperlink: "https://example.invalid/" };
  ws.getCell("B4").value = { formula: "SUM(B2:B3)", result: 1234.541 };
  ws.getCell("A5").value = "=1+1 är text";
  ws.getCell("B5").value = true;
  ws.getCell("A2").note = "Användarens kommentar";
  ws.getCell("C4").dataValidation = { type: "list", allowBlank: true, formulae: ['"Ja,Nej"'] };
  ws.addConditionalFormatting({
    ref: "B2:B5",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: ["100"],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00B050" } } },
      },
    ],
  });
  ws.addTable({
    name: "Tabell1",
    ref: "H2",
    headerRow: true,
    columns: [{ name: "Enhet" }, { name: "Belopp" }],
    rows: [
      ["Norr", 10],
      ["Söder", 20],
    ],
  });
  wb.definedNames.add("'Uppföljning'!$B$2:$B$3", "Utfall");

  const data = wb.addWorksheet("Data");
  data.addRow(["Enhet", "Belopp"]);
  data.addRow(["Norr", 10]);
  data.addRow(["Söder", 20]);

  const pivot = wb.addWorksheet("Pivot");
  pivot.getCell("A3").value = "Radetiketter";
  pivot.getCell("B3").value = "Summa av Belopp";
  pivot.getCell("A4").value = "Norr";
  pivot.getCell("B4").value = 10;
  pivot.getCell("A5").value = "Söder";
  pivot.getCell("B5").value = 20;
  pivot.getCell("A6").value = "Totalsumma";
  pivot.getCell("B6").value = 30;

  const pic = wb.addWorksheet("Bild");
  pic.getCell("A1").value = "Logga";
  const imageId = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  pic.addImage(imageId, { tl: { col: 1, row: 1 }, ext: { width: 32, height: 32 } });

  const chart = wb.addWorksheet("Diagram");
  chart.addRow(["Enhet", "Utfall"]);
  chart.addRow(["Norr", 3]);
  chart.addRow(["Söder", 5]);

  const hidden = wb.addWorksheet("Gömd", { state: "hidden" });
  hidden.getCell("A1").value = "hemligt";

  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheetPath(zip: JSZip, name: string): Promise<string> {
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const tag = new RegExp(`<sheet [^>]*name="${name}"[^>]*>`).exec(wbXml)![0];
  const rid = /r:id="([^"]+)"/.exec(tag)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*>`).exec(rels)![0];
  return `xl/${/Target="([^"]+)"/.exec(target)![1].replace(/^\/?xl\//, "")}`;
}

function addOverride(ct: string, part: string, type: string): string {
  return ct.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
}

async function appendRel(
  zip: JSZip,
  relsPath: string,
  id: string,
  type: string,
  target: string,
): Promise<void> {
  const existing = zip.file(relsPath)
    ? await zip.file(relsPath)!.async("string")
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"></Relationships>`;
  zip.file(
    relsPath,
    existing.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/></Relationships>`,
    ),
  );
}

function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

const CHART_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Diagram!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Diagram!$B$2:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const DRAWING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Användarens diagram"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const PIVOT_CACHE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="2" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Data"/></cacheSource><cacheFields count="2"><cacheField name="Enhet" numFmtId="0"><sharedItems count="2"><s v="Norr"/><s v="Söder"/></sharedItems></cacheField><cacheField name="Belopp" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="10" maxValue="20"/></cacheField></cacheFields></pivotCacheDefinition>`;

const PIVOT_RECORDS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${REL}" count="2"><r><x v="0"/><n v="10"/></r><r><x v="1"/><n v="20"/></r></pivotCacheRecords>`;

const PIVOT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="${MAIN}" name="Pivottabell1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Värden" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Summa av Belopp" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`;

/** Builds the preservation fixture: ExcelJS for cells, hand-made parts for the chart and pivot. */
export async function buildRichWorkbook(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await baseWorkbook());
  let ct = await zip.file("[Content_Types].xml")!.async("string");

  const chartSheet = await sheetPath(zip, "Diagram");
  zip.file("xl/charts/chart1.xml", CHART_XML);
  zip.file("xl/drawings/drawing_user_chart.xml", DRAWING_XML);
  await appendRel(
    zip,
    "xl/drawings/_rels/drawing_user_chart.xml.rels",
    "rId1",
    "chart",
    "../charts/chart1.xml",
  );
  await appendRel(zip, relsOf(chartSheet), "rIdChart", "drawing", "../drawings/drawing_user_chart.xml");
  const chartSheetXml = await zip.file(chartSheet)!.async("string");
  zip.file(chartSheet, chartSheetXml.replace("</worksheet>", '<drawing r:id="rIdChart"/></worksheet>'));
  ct = addOverride(
    ct,
    "xl/charts/chart1.xml",
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  );
  ct = addOverride(
    ct,
    "xl/drawings/drawing_user_chart.xml",
    "application/vnd.openxmlformats-officedocument.drawing+xml",
  );

  const pivotSheet = await sheetPath(zip, "Pivot");
  zip.file("xl/pivotCache/pivotCacheDefinition1.xml", PIVOT_CACHE);
  zip.file("xl/pivotCache/pivotCacheRecords1.xml", PIVOT_RECORDS);
  zip.file("xl/pivotTables/pivotTable1.xml", PIVOT_TABLE);
  await appendRel(
    zip,
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    "rId1",
    "pivotCacheRecords",
    "pivotCacheRecords1.xml",
  );
  await appendRel(
    zip,
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    "rId1",
    "pivotCacheDefinition",
    "../pivotCache/pivotCacheDefinition1.xml",
  );
  await appendRel(zip, relsOf(pivotSheet), "rIdPivot", "pivotTable", "../pivotTables/pivotTable1.xml");
  await appendRel(
    zip,
    "xl/_rels/workbook.xml.rels",
    "rIdPivotCache",
    "pivotCacheDefinition",
    "pivotCache/pivotCacheDefinition1.xml",
  );
  let wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const pivotCaches = '<pivotCaches><pivotCache cacheId="7" r:id="rIdPivotCache"/></pivotCaches>';
  wbXml =
    wbXml.includes("</calcPr>") || /<calcPr[^>]*\/>/.test(wbXml)
      ? wbXml.replace(/(<calcPr[^>]*\/>|<calcPr[\s\S]*?<\/calcPr>)/, `$1${pivotCaches}`)
      : wbXml.replace("</workbook>", `${pivotCaches}</workbook>`);
  zip.file("xl/workbook.xml", wbXml);
  ct = addOverride(
    ct,
    "xl/pivotCache/pivotCacheDefinition1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  );
  ct = addOverride(
    ct,
    "xl/pivotCache/pivotCacheRecords1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
  );
  ct = addOverride(
    ct,
    "xl/pivotTables/pivotTable1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  );
  zip.file("[Content_Types].xml", ct);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
