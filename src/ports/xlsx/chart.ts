import { columnLetters, parseA1, parseA1Range, sheetRef } from "../../engine/grid";
import { CHART_TEXT, COLOURS, FONT_NAME, WIDTH_UNIT_POINTS } from "../../engine/report/look";
import type { ChartSpec, SheetSpec } from "../../engine/report/spec";
import { axisStep, rangeValues } from "../chartData";
import { escapeXml } from "./xml";

/**
 * Native DrawingML charts (clustered / stacked bar) for owned sheets: ExcelJS cannot write them.
 * Series colours, text sizes and whole-number steps for counts come from the spec and look.ts.
 */

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** `A5:A21` → `'Sheet'!$A$5:$A$21`. */
function absoluteRef(sheet: string, range: string): string | null {
  const r = parseA1Range(range);
  if (!r) return null;
  const start = `$${columnLetters(r.col1)}$${r.row1}`;
  const end = `$${columnLetters(r.col2)}$${r.row2}`;
  return sheetRef(sheet, start === end ? start : `${start}:${end}`);
}

function strCache(values: (string | number | null)[]): string {
  const pts = values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: (string | number | null)[]): string {
  const pts = values
    .map((v, i) =>
      typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "",
    )
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** Text properties: the look's font at `size` hundredths of a point. */
function textProps(size: number, bold = false): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">` +
    `<a:solidFill><a:srgbClr val="${COLOURS.text}"/></a:solidFill><a:latin typeface="${FONT_NAME}"/></a:defRPr></a:pPr>` +
    `<a:endParaRPr lang="sv-SE"/></a:p></c:txPr>`
  );
}

function solid(rgb: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr>`;
}

/** A chart part for one chart spec on the owned sheet named `sheetName`. */
export function chartXml(chart: ChartSpec, spec: SheetSpec, sheetName: string): string {
  const stacked = chart.kind === "stackedBar";
  const step = axisStep(chart, spec);
  const catRef = absoluteRef(sheetName, chart.categories);
  const cat = catRef
    ? `<c:cat><c:strRef><c:f>${escapeXml(catRef)}</c:f>${strCache(rangeValues(spec, chart.categories))}</c:strRef></c:cat>`
    : "";
  const series = chart.series
    .map((s, i) => {
      const valRef = absoluteRef(sheetName, s.values);
      if (!valRef) return "";
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        (s.colour ? solid(s.colour) : "") +
        `<c:invertIfNegative val="0"/>${cat}` +
        `<c:val><c:numRef><c:f>${escapeXml(valRef)}</c:f>${numCache(rangeValues(spec, s.values))}</c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${CHART_TEXT.title}" b="1"/></a:pPr><a:r><a:rPr lang="sv-SE" sz="${CHART_TEXT.title}" b="1"><a:latin typeface="${FONT_NAME}"/></a:rPr><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/>${stacked ? '<c:overlap val="100"/>' : ""}<c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/>${textProps(CHART_TEXT.labels)}<c:crossAx val="50020"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/>${step ? '<c:min val="0"/>' : ""}</c:scaling><c:delete val="0"/><c:axPos val="t"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="${step ? "0" : "General"}" sourceLinked="${step ? 0 : 1}"/><c:tickLblPos val="nextTo"/>${textProps(CHART_TEXT.labels)}<c:crossAx val="50010"/>` +
    `<c:crosses val="max"/><c:crossBetween val="between"/>${step ? `<c:majorUnit val="${step}"/>` : ""}</c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(CHART_TEXT.labels)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

/** EMU per point (DrawingML). */
const EMU_PER_POINT = 12700;
/** Points between a chart's frame and the rows around it, so no page prints a sliver of it. */
const CHART_INSET_POINTS = 3;

/**
 * A drawing part anchoring each chart over its rows and columns, inside them by a few points, so
 * it prints within the sheet's print width; chart `i` uses relationship id `chartRelIds[i]`.
 * `spec` gives the row heights (points) and column widths that place the far edges.
 */
export function drawingXml(charts: ChartSpec[], chartRelIds: string[], spec?: SheetSpec): string {
  const rowHeights = spec?.rowHeights ?? [];
  const columnWidths = spec?.columnWidths ?? [];
  const inset = CHART_INSET_POINTS * EMU_PER_POINT;
  const anchors = charts
    .map((chart, i) => {
      const at = parseA1(chart.anchor.cell) ?? { row: 1, col: 1 };
      const width = Math.max(1, Math.round(chart.anchor.widthCols));
      const height = Math.max(1, Math.round(chart.anchor.heightRows));
      const lastRow = at.row - 1 + height - 1;
      const lastCol = at.col - 1 + width - 1;
      const lastHeight = (rowHeights[lastRow] ?? 15) * EMU_PER_POINT;
      // Excel draws a width unit as 5,25 pt, LibreOffice wider: the narrower keeps it inside both.
      const lastWidth = (columnWidths[lastCol] ?? 8.43) * WIDTH_UNIT_POINTS.narrow * EMU_PER_POINT;
      const pos = (col: number, colOff: number, row: number, rowOff: number) =>
        `<xdr:col>${col}</xdr:col><xdr:colOff>${Math.max(0, Math.round(colOff))}</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>${Math.max(0, Math.round(rowOff))}</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(at.col - 1, 0, at.row - 1, inset)}</xdr:from>` +
        `<xdr:to>${pos(lastCol, lastWidth - inset, lastRow, lastHeight - inset)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Diagram ${i + 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${chartRelIds[i]}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}
