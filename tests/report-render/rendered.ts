import ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnLetters } from "../../src/engine/grid";
import type { CellLook } from "../../src/engine/report/look";
import type { MemoryPort } from "../../src/ports/memory/memoryPort";
import type { FakeCell, FakeWorkbook } from "../helpers/fakeExcel";

/**
 * What a port made of a write plan, read back from the port's own result in one shape (the memory
 * port's sheets, the xlsx port's file, the Office port's recording fake), so that ports can be
 * compared: each generated sheet's cells (value, formula, link, look), column widths, row heights,
 * merges, page breaks, print title and charts, and the flags on user cells.
 */

export interface RenderedCell {
  value: string | number | null;
  formula: string | null;
  /** `Sheet!A1` of an internal link. */
  link: string | null;
  look: CellLook;
}

export interface RenderedChart {
  title: string;
  categories: string;
  series: { name: string; values: string; colour: string | null }[];
}

export interface RenderedSheet {
  cells: Record<string, RenderedCell>;
  columnWidths: number[];
  rowHeights: number[];
  merges: string[];
  pageBreaks: number[];
  printTitleRow: number | null;
  charts: RenderedChart[];
}

export interface Rendered {
  sheets: Record<string, RenderedSheet>;
  /** `Sheet!A1 severity` of every flag on a user's cell. */
  flags: string[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** `'Målkoll Mål'!$A$5:$A$9` or `#'Blad'!A4` → `A5:A9` / `Blad!A4`. */
function localRange(ref: string): string {
  return ref
    .replace(/^#/, "")
    .replace(/^'(?:[^']|'')+'!|^[^!']+!/, "")
    .replace(/\$/g, "");
}

function linkTarget(ref: string): string {
  const m = /^#?(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
  return m ? `${(m[1] ?? m[2]).replace(/''/g, "'")}!${m[3].replace(/\$/g, "")}` : ref;
}

/* ---------- the memory port ---------- */

export function renderedFromMemory(port: MemoryPort, sheetNames: string[]): Rendered {
  const sheets: Record<string, RenderedSheet> = {};
  for (const name of sheetNames) {
    const sheet = port.sheet(name)!;
    const cells: Record<string, RenderedCell> = {};
    for (const [address, look] of sheet.looks) {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      const r = Number(m[2]) - 1;
      const c = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const value = sheet.values[r]?.[c] ?? null;
      if (value === null) continue;
      const link = sheet.links.get(address);
      cells[address] = {
        value: typeof value === "boolean" ? String(value) : value,
        formula: sheet.formulas[r]?.[c] ?? null,
        link: link ? `${link.sheet}!${link.cell}` : null,
        look,
      };
    }
    sheets[name] = {
      cells,
      columnWidths: sheet.columnWidths.map(round2),
      rowHeights: sheet.rowHeights.map(round2),
      merges: [...sheet.merges].sort(),
      pageBreaks: [...sheet.pageBreaks],
      printTitleRow: sheet.freezeRows,
      charts: sheet.charts.map((chart) => ({
        title: chart.title,
        categories: chart.categories,
        series: chart.series.map((s) => ({ name: s.name, values: s.values, colour: s.colour ?? null })),
      })),
    };
  }
  const flags = port.flags.map((f) => `${f.sheet}!${f.cell} ${f.severity}`).sort();
  return { sheets, flags };
}

/* ---------- the xlsx port: read back with ExcelJS, and the parts ExcelJS does not read ---------- */

function rgb(color: Partial<ExcelJS.Color> | undefined): string | null {
  return color?.argb ? color.argb.slice(2).toUpperCase() : null;
}

function lookOf(cell: ExcelJS.Cell): CellLook {
  const font = cell.font ?? {};
  const border = cell.border ?? {};
  const alignment = cell.alignment ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const line = (side: Partial<ExcelJS.Border> | undefined): CellLook["borderTop"] =>
    side?.style ? ({ style: side.style, colour: rgb(side.color) ?? "" } as CellLook["borderTop"]) : null;
  return {
    font: {
      name: font.name ?? "",
      size: font.size ?? 0,
      bold: !!font.bold,
      italic: !!font.italic,
      underline: !!font.underline,
      colour: rgb(font.color) ?? "",
    },
    fill: fill?.type === "pattern" && fill.pattern === "solid" ? rgb(fill.fgColor) : null,
    borderTop: line(border.top),
    borderBottom: line(border.bottom),
    horizontal: alignment.horizontal as CellLook["horizontal"],
    vertical: alignment.vertical as CellLook["vertical"],
    wrap: !!alignment.wrapText,
    indent: alignment.indent ?? 0,
    numberFormat: cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null,
  };
}

function cellValue(cell: ExcelJS.Cell): Pick<RenderedCell, "value" | "formula" | "link"> {
  const v = cell.value as unknown;
  if (v && typeof v === "object") {
    if ("formula" in v) {
      const f = v as ExcelJS.CellFormulaValue;
      return { value: (f.result as number | string | undefined) ?? null, formula: f.formula, link: null };
    }
    if ("hyperlink" in v) {
      const h = v as ExcelJS.CellHyperlinkValue;
      return { value: h.text, formula: null, link: linkTarget(h.hyperlink) };
    }
    if ("richText" in v)
      return {
        value: (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join(""),
        formula: null,
        link: null,
      };
  }
  // A date-formatted number: ExcelJS gives a Date; the cell holds the Excel serial.
  if (v instanceof Date)
    return { value: Math.round(v.getTime() / 86_400_000) + 25_569, formula: null, link: null };
  return { value: (v as string | number | null) ?? null, formula: null, link: null };
}

const attrOf = (tag: string, name: string): string | null =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

function relTargets(rels: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s[^>]*>/g))
    out.set(attrOf(m[0], "Id")!, attrOf(m[0], "Target")!);
  return out;
}

function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

const relsOf = (part: string): string => part.replace(/([^/]+)$/, "_rels/$1.rels");

function chartOf(xml: string): RenderedChart {
  const title = [...(/<c:title>[\s\S]*?<\/c:title>/.exec(xml)?.[0] ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) => m[1])
    .join("");
  const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => ({
    name: /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(m[1])?.[1] ?? "",
    values: localRange(/<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>/.exec(m[1])?.[1].replace(/&apos;/g, "'") ?? ""),
    colour: /<c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(m[1])?.[1] ?? null,
    categories: localRange(
      /<c:cat>[\s\S]*?<c:f>([^<]*)<\/c:f>/.exec(m[1])?.[1].replace(/&apos;/g, "'") ?? "",
    ),
  }));
  return {
    title,
    categories: series[0]?.categories ?? "",
    series: series.map(({ name, values, colour }) => ({ name, values, colour })),
  };
}

/**
 * The xlsx port's output read back; `severityOf` tells a flag's severity from its conditional
 * format (`<dxf>`), as the test states the flag looks.
 */
export async function renderedFromXlsx(
  bytes: Uint8Array,
  sheetNames: string[],
  severityOf: (dxf: string) => string,
): Promise<Rendered> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  const text = async (part: string) => (await zip.file(part)?.async("string")) ?? "";
  const wbXml = await text("xl/workbook.xml");
  const wbRels = relTargets(await text("xl/_rels/workbook.xml.rels"));
  const sheetTags = [...wbXml.matchAll(/<sheet\s[^>]*\/>/g)].map((m) => m[0]);
  const sheets: Record<string, RenderedSheet> = {};
  for (const name of sheetNames) {
    const ws = wb.getWorksheet(name)!;
    const cells: Record<string, RenderedCell> = {};
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        // ExcelJS repeats a merged area's value in each of its cells; the area is one cell.
        if (cell.isMerged && cell.master !== cell) return;
        const value = cellValue(cell);
        if (value.value === null && value.formula === null) return;
        cells[cell.address] = { ...value, look: lookOf(cell) };
      }),
    );
    const index = sheetTags.findIndex((t) => attrOf(t, "name") === name);
    const rid = attrOf(sheetTags[index], "r:id")!;
    const part = resolve("xl/workbook.xml", wbRels.get(rid)!);
    const sheetXml = await text(part);
    // What ExcelJS does not give back: a formula's cached 0, and links to a place in the workbook.
    for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>[^<]*<\/f><v>([^<]*)<\/v><\/c>/g))
      if (cells[m[1]] && cells[m[1]].value === null) cells[m[1]].value = Number(m[2]);
    for (const m of sheetXml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)"/g))
      if (cells[m[1]]) cells[m[1]].link = linkTarget(m[2].replace(/&apos;/g, "'").replace(/&amp;/g, "&"));
    const width = Math.max(
      0,
      ...[...sheetXml.matchAll(/<col\s[^>]*>/g)].map((m) => Number(attrOf(m[0], "max"))),
    );
    const height = Math.max(0, ...[...sheetXml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
    const title = new RegExp(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">[^<]*\\$(\\d+):\\$\\d+</definedName>`,
    ).exec(wbXml);
    const charts: RenderedChart[] = [];
    const drawingRel = /<drawing r:id="([^"]+)"/.exec(sheetXml)?.[1];
    if (drawingRel) {
      const drawing = resolve(part, relTargets(await text(relsOf(part))).get(drawingRel)!);
      const chartRels = relTargets(await text(relsOf(drawing)));
      for (const m of (await text(drawing)).matchAll(/<c:chart [^>]*r:id="([^"]+)"/g))
        charts.push(chartOf(await text(resolve(drawing, chartRels.get(m[1])!))));
    }
    sheets[name] = {
      cells,
      columnWidths: Array.from({ length: width }, (_, i) => round2(ws.getColumn(i + 1).width ?? 0)),
      rowHeights: Array.from({ length: height }, (_, i) => round2(ws.getRow(i + 1).height ?? 0)),
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      pageBreaks: [...sheetXml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1),
      printTitleRow: title ? Number(title[1]) : null,
      charts,
    };
  }
  // Flags: Målkoll's conditional formats on the user's sheets, by the severity of their look.
  const flags: string[] = [];
  const stylesXml = await text("xl/styles.xml");
  const dxfs = [
    ...(/<dxfs[^>]*>([\s\S]*?)<\/dxfs>/.exec(stylesXml)?.[1] ?? "").matchAll(/<dxf>[\s\S]*?<\/dxf>/g),
  ].map((m) => m[0]);
  for (const tag of sheetTags) {
    const name = attrOf(tag, "name")!.replace(/&amp;/g, "&");
    if (sheetNames.includes(name)) continue;
    const xml = await text(resolve("xl/workbook.xml", wbRels.get(attrOf(tag, "r:id")!)!));
    for (const m of xml.matchAll(
      /<conditionalFormatting sqref="([^"]+)"><cfRule [^>]*dxfId="(\d+)"[^>]*><formula>([^<]*)<\/formula>/g,
    )) {
      if (!m[3].includes("malkoll")) continue;
      const severity = severityOf(dxfs[Number(m[2])]);
      for (const cell of m[1].split(" ")) flags.push(`${name}!${cell} ${severity}`);
    }
  }
  return { sheets, flags: flags.sort() };
}

/* ---------- the Office port: what the recording fake context recorded ---------- */

/** Points Excel draws one unit of an xlsx column width in (7 px of Calibri 11's digits). */
const EXCEL_POINTS_PER_WIDTH_UNIT = 5.25;

/** Excel's border line in the look's words (look.ts: thin, dashed, dotted). */
function lineName(style: unknown, weight: unknown): string {
  if (style === "Continuous") return weight === "Thin" ? "thin" : `? Continuous ${String(weight)}`;
  if (style === "Dash") return "dashed";
  if (style === "Dot") return "dotted";
  return `? ${String(style)}`;
}

const hex = (colour: unknown): string | null =>
  typeof colour === "string" ? colour.replace(/^#/, "").toUpperCase() : null;

function officeLook(cell: FakeCell): CellLook {
  const style = cell.style ?? {};
  const line = (edge: string): CellLook["borderTop"] =>
    style[`borders.${edge}.style`]
      ? ({
          style: lineName(style[`borders.${edge}.style`], style[`borders.${edge}.weight`]),
          colour: hex(style[`borders.${edge}.color`]) ?? "",
        } as CellLook["borderTop"])
      : null;
  // Excel keeps text as typed only under the text format `@` (the xlsx port writes an inline
  // string under General instead): on a text cell both show the look's General.
  const format =
    cell.format && cell.format !== "General" && !(cell.format === "@" && typeof cell.value === "string")
      ? cell.format
      : null;
  return {
    font: {
      name: (style["font.name"] as string | undefined) ?? "",
      size: (style["font.size"] as number | undefined) ?? 0,
      bold: !!style["font.bold"],
      italic: !!style["font.italic"],
      underline: style["font.underline"] === "Single",
      colour: hex(style["font.color"]) ?? "",
    },
    fill: hex(style["fill.color"]),
    borderTop: line("EdgeTop"),
    borderBottom: line("EdgeBottom"),
    horizontal: String(style.horizontalAlignment ?? "").toLowerCase() as CellLook["horizontal"],
    vertical: String(style.verticalAlignment ?? "").toLowerCase() as CellLook["vertical"],
    wrap: !!style.wrapText,
    indent: (style.indentLevel as number | undefined) ?? 0,
    numberFormat: format,
  };
}

const sizes = (byIndex: Map<number, number>, scale = 1): number[] =>
  Array.from({ length: Math.max(0, ...[...byIndex.keys()].map((i) => i + 1)) }, (_, i) =>
    round2((byIndex.get(i) ?? 0) / scale),
  );

/**
 * The Office port's output as the recording fake holds it. The fake does not calculate, so a
 * formula cell's value is null (Excel computes it); `severityOf` tells a flag's severity from its
 * conditional format, as the test states the flag looks.
 */
export function renderedFromOffice(
  workbook: FakeWorkbook,
  sheetNames: string[],
  severityOf: (format: Record<string, unknown>) => string,
): Rendered {
  const sheets: Record<string, RenderedSheet> = {};
  for (const name of sheetNames) {
    const sheet = workbook.sheet(name);
    const cells: Record<string, RenderedCell> = {};
    for (const [key, cell] of sheet.cells) {
      const formula = cell.formula ? cell.formula.replace(/^=/, "") : null;
      if (cell.value === null && formula === null) continue;
      const [r, c] = key.split(",").map(Number);
      const address = `${columnLetters(c + 1)}${r + 1}`;
      cells[address] = {
        value: typeof cell.value === "boolean" ? String(cell.value) : cell.value,
        formula,
        link: cell.hyperlink?.documentReference ? linkTarget(cell.hyperlink.documentReference) : null,
        look: officeLook(cell),
      };
    }
    const title = /^\$(\d+):\$\d+$/.exec(sheet.pageLayout.printTitleRows ?? "");
    sheets[name] = {
      cells,
      columnWidths: sizes(sheet.columnWidths, EXCEL_POINTS_PER_WIDTH_UNIT),
      rowHeights: sizes(sheet.rowHeights),
      merges: [...sheet.merges].sort(),
      pageBreaks: [...sheet.pageBreaks],
      printTitleRow: title ? Number(title[1]) : null,
      charts: sheet.charts.map((chart) => ({
        title: chart.title ?? "",
        categories: localRange(chart.series[0]?.xValues ?? ""),
        series: chart.series.map((s) => ({
          name: s.name ?? "",
          values: localRange(s.values ?? ""),
          colour: hex(s.format["format.fill.solidColor"]),
        })),
      })),
    };
  }
  const flags: string[] = [];
  for (const sheet of workbook.sheets) {
    if (sheetNames.includes(sheet.name)) continue;
    for (const rule of sheet.rules) {
      if (!rule.formula?.includes("malkoll")) continue;
      for (const area of rule.areas) flags.push(`${sheet.name}!${area} ${severityOf(rule.format)}`);
    }
  }
  return { sheets, flags: flags.sort() };
}
