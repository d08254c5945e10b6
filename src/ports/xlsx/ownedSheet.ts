import type { CellValue } from "../../engine/grid";
import { columnLetters, parseA1, parseA1Range, sheetRef } from "../../engine/grid";
import { plannedRowHeights } from "../../engine/report/layout";
import type { BorderLine } from "../../engine/report/look";
import { PAGE, WIDTH_UNIT_POINTS, cellLook, printScale } from "../../engine/report/look";
import type { CellStyle, OutCell, SheetSpec, StatusTone } from "../../engine/report/spec";
import { to1904 } from "../dateSystem";
import { NS_REL } from "./opc";
import { NS_MAIN } from "./package";
import type { BorderLineDef, StyleBook, XfDef } from "./styles";
import { escapeXml } from "./xml";

/** Excel's limit on characters in one cell. */
const MAX_CELL_CHARS = 32767;

const argb = (rgb: string): string => `FF${rgb}`;

function borderLine(line: BorderLine | null): BorderLineDef | undefined {
  return line ? { style: line.style, color: argb(line.colour) } : undefined;
}

/** A cell's look (look.ts) as a cell-format definition for the style book. */
export function xfDefFor(cell: OutCell): XfDef {
  const look = cellLook(cell);
  const def: XfDef = {
    font: {
      name: look.font.name,
      size: look.font.size,
      bold: look.font.bold,
      italic: look.font.italic,
      underline: look.font.underline,
      color: argb(look.font.colour),
    },
    horizontal: look.horizontal,
    vertical: look.vertical,
  };
  if (look.fill) def.fill = argb(look.fill);
  const top = borderLine(look.borderTop);
  const bottom = borderLine(look.borderBottom);
  if (top || bottom) def.border = { top, bottom };
  if (look.numberFormat) def.numFmt = look.numberFormat;
  if (look.wrap) def.wrap = true;
  if (look.indent > 0) def.indent = look.indent;
  return def;
}

function textCell(head: string, text: string): string {
  const t = escapeXml(text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text);
  return `${head} t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>`;
}

/**
 * One `<c>` element, after `head` (`<c r="A1" s="3"`, the style only when there is one). Only
 * `formula` becomes a formula; every string is an inline string.
 */
function cellXml(head: string, cell: OutCell, styled: boolean): string {
  const value = cell.value;
  if (cell.formula !== undefined && cell.formula !== "") {
    const f = `<f>${escapeXml(cell.formula.replace(/^=/, ""))}</f>`;
    if (typeof value === "number" && Number.isFinite(value)) return `${head}>${f}<v>${String(value)}</v></c>`;
    if (typeof value === "string") return `${head} t="str">${f}<v>${escapeXml(value)}</v></c>`;
    return `${head}>${f}</c>`;
  }
  if (typeof value === "string") return textCell(head, value);
  if (typeof value === "number" && Number.isFinite(value)) return `${head}><v>${String(value)}</v></c>`;
  return styled ? `${head}/>` : "";
}

export interface RenderOptions {
  /** Relationship id for the drawing part, when the spec has charts. */
  drawingRelId?: string;
  /** Hide gridlines (owned report sheets). */
  hideGridlines?: boolean;
  /** Print setup for a report (landscape A4, one page wide, page footer); default true. */
  print?: boolean;
  /** The workbook counts dates in the 1904 system: date cells are written in it. */
  date1904?: boolean;
}

/** A cell whose number is a 1900 serial under a date format, as a 1904 workbook stores the day. */
function in1904System(cell: OutCell): OutCell {
  if (typeof cell.value !== "number") return cell;
  const value = to1904(cell.value, cell.format);
  return value === cell.value ? cell : { ...cell, value };
}

const STYLE_CODES: Record<CellStyle, number> = {
  normal: 1,
  title: 2,
  heading: 3,
  header: 4,
  total: 5,
  varav: 6,
  note: 7,
  ownHeader: 8,
  group: 9,
};
const TONE_CODES: Record<StatusTone, number> = { good: 1, partial: 2, bad: 3, neutral: 4 };
const ALIGN_CODES = { left: 1, right: 2, center: 3 } as const;
/** Each part's codes and 0 (none): the radices {@link xfKey} packs them in, so no two keys collide. */
const STYLE_RADIX = Object.keys(STYLE_CODES).length + 1;
const TONE_RADIX = Object.keys(TONE_CODES).length + 1;
const ALIGN_RADIX = Object.keys(ALIGN_CODES).length + 1;

/**
 * What of a cell decides its cell format (everything {@link cellLook} reads): cells with equal keys
 * get equal formats. A number for the usual cells (no indent of their own), a text otherwise;
 * `formats` numbers the format codes met.
 */
function xfKey(cell: OutCell, formats: Map<string, number>): number | string {
  const kind = typeof cell.value === "number" ? 0 : typeof cell.value === "string" ? 1 : 2;
  const style = cell.style === undefined ? 0 : STYLE_CODES[cell.style];
  const tone = cell.tone ? TONE_CODES[cell.tone] : 0;
  const align = cell.align ? ALIGN_CODES[cell.align] : 0;
  if (
    cell.indent === undefined &&
    typeof style === "number" &&
    typeof tone === "number" &&
    typeof align === "number"
  ) {
    let format = 0;
    if (cell.format) {
      const known = formats.get(cell.format);
      if (known === undefined) formats.set(cell.format, (format = formats.size + 1));
      else format = known;
    }
    const bits = (cell.link ? 1 : 0) | (cell.wrap ? 2 : 0);
    return (
      ((((format * STYLE_RADIX + style) * TONE_RADIX + tone) * ALIGN_RADIX + align) * 3 + kind) * 4 + bits
    );
  }
  return `${cell.style ?? ""}|${cell.link ? 1 : 0}|${cell.tone ?? ""}|${cell.wrap ? 1 : 0}|${cell.indent ?? ""}|${cell.align ?? ""}|${kind}|${cell.format ?? ""}`;
}

const inches = (n: number): string => String(n);

/**
 * Page margins, A4 landscape at a scale that fits the page's width (100 % for planned widths, in
 * LibreOffice's wider unit), footer, breaks. A scale, never fit-to-pages: Excel's help says manual
 * page breaks are ignored under Fit To, and the header copies stand right after the planned breaks.
 */
function printXml(spec: SheetSpec, columns: number): string {
  const m = PAGE.margins;
  const scale = printScale(spec.columnWidths, columns, WIDTH_UNIT_POINTS.wide);
  const out = [
    `<pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" bottom="${inches(m.bottom)}" header="${inches(m.header)}" footer="${inches(m.footer)}"/>`,
    `<pageSetup paperSize="${PAGE.paperSize}" scale="${scale}" orientation="${PAGE.orientation}"/>`,
    `<headerFooter><oddFooter>${escapeXml(PAGE.footer)}</oddFooter></headerFooter>`,
  ];
  const breaks = (spec.pageBreaks ?? []).filter((r) => Number.isInteger(r) && r > 1);
  if (breaks.length)
    out.push(
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks
        .map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`)
        .join("")}</rowBreaks>`,
    );
  return out.join("");
}

/** Builds a worksheet part from a sheet spec. String building only: fast for 10 000+ rows. */
export function renderOwnedSheet(spec: SheetSpec, styles: StyleBook, options: RenderOptions = {}): string {
  const out: string[] = [];
  const links: string[] = [];
  let maxCol = 0;
  let maxRow = 0;
  const rowsXml: string[] = [];
  const print = options.print !== false;
  const heights = print ? (spec.rowHeights ?? plannedRowHeights(spec)) : [];
  const xfIds = new Map<number | string, number>();
  /** ` s="7"` per cell format id (nothing for the default one). */
  const styleAttributes: string[] = [""];
  const formats = new Map<string, number>();
  const letters: string[] = [];
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r];
    if (!row) continue;
    const rowNumber = String(r + 1);
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const planned = row[c];
      if (!planned) continue;
      const cell = options.date1904 ? in1904System(planned) : planned;
      const ref = `${(letters[c] ??= columnLetters(c + 1))}${rowNumber}`;
      // The state sheet's cells are plain; a report cell takes its look.
      const key = print ? xfKey(cell, formats) : 0;
      let xfId = xfIds.get(key);
      if (xfId === undefined) {
        xfId = print ? styles.xfId(xfDefFor(cell)) : 0;
        xfIds.set(key, xfId);
      }
      const style = (styleAttributes[xfId] ??= ` s="${xfId}"`);
      const xml = cellXml(`<c r="${ref}"${style}`, cell, xfId !== 0);
      if (!xml) continue;
      cells.push(xml);
      if (c + 1 > maxCol) maxCol = c + 1;
      if (cell.link && parseA1(cell.link.cell))
        links.push(
          `<hyperlink ref="${ref}" location="${escapeXml(sheetRef(cell.link.sheet, cell.link.cell))}" display="${escapeXml(String(cell.value ?? ""))}"/>`,
        );
    }
    const height = heights[r];
    const ht = height !== undefined && height > 0 ? ` ht="${Math.min(409, height)}" customHeight="1"` : "";
    if (cells.length || ht) rowsXml.push(`<row r="${rowNumber}"${ht}>${cells.join("")}</row>`);
    if (cells.length) maxRow = r + 1;
  }

  out.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
  );
  out.push(`<dimension ref="${maxRow && maxCol ? `A1:${columnLetters(maxCol)}${maxRow}` : "A1"}"/>`);
  const freeze = spec.freezeRows && spec.freezeRows > 0 ? Math.floor(spec.freezeRows) : 0;
  const view = freeze
    ? `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/>`
    : "";
  const grid = options.hideGridlines === false ? "" : ' showGridLines="0"';
  out.push(
    `<sheetViews><sheetView${grid} workbookViewId="0"${view ? `>${view}</sheetView>` : "/>"}</sheetViews>`,
  );
  out.push(
    print
      ? '<sheetFormatPr defaultRowHeight="12" customHeight="1"/>'
      : '<sheetFormatPr defaultRowHeight="15"/>',
  );
  const cols = spec.columnWidths
    .map((w, i) =>
      Number.isFinite(w) && w > 0
        ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 255)}" customWidth="1"/>`
        : "",
    )
    .join("");
  if (cols) out.push(`<cols>${cols}</cols>`);
  // The rows join once, with the rest of the part: no copy of the sheet's text on its own.
  const sheetDataAt = out.length;
  out.push(rowsXml.length ? "<sheetData>" : "<sheetData/>", rowsXml.length ? "</sheetData>" : "");
  const merges = (spec.merges ?? []).filter((m) => parseA1Range(m));
  if (merges.length)
    out.push(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m.toUpperCase()}"/>`).join("")}</mergeCells>`,
    );
  if (links.length) out.push(`<hyperlinks>${links.join("")}</hyperlinks>`);
  if (print) out.push(printXml(spec, maxCol));
  else out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (options.drawingRelId) out.push(`<drawing r:id="${options.drawingRelId}"/>`);
  out.push("</worksheet>");
  return [...out.slice(0, sheetDataAt + 1), ...rowsXml, ...out.slice(sheetDataAt + 1)].join("");
}

/** The state sheet's rows as a spec: plain text and numbers, nothing else. */
export function stateSheetSpec(rows: CellValue[][]): SheetSpec {
  return {
    key: "indikatorer",
    rows: rows.map((row) =>
      row.map((v): OutCell | null => {
        if (v === null) return null;
        if (typeof v === "boolean") return { value: v ? "TRUE" : "FALSE" };
        return { value: v };
      }),
    ),
    columnWidths: [],
  };
}
