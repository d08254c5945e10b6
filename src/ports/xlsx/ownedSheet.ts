import type { CellValue } from "../../engine/grid";
import { columnLetters, parseA1, parseA1Range, sheetRef } from "../../engine/grid";
import type { CellStyle, OutCell, SheetSpec, StatusTone } from "../../engine/report/spec";
import { NS_MAIN, NS_REL } from "./package";
import { DEFAULT_COLUMN_CHARS, wrappedHeightPoints } from "./rowHeight";
import type { StyleBook, XfDef } from "./styles";
import { escapeXml } from "./xml";

/** Excel's limit on characters in one cell. */
const MAX_CELL_CHARS = 32767;

const TONE_FILLS: Record<StatusTone, string> = {
  good: "FFC6EFCE",
  partial: "FFFFEB9C",
  bad: "FFFFC7CE",
  neutral: "FFEDEDED",
};

const HEADER_FILL = "FFDDEBF7";
const LINK_COLOR = "FF0563C1";

/** The look of each cell style, as cell-format definitions for the style book. */
export function xfDefFor(cell: OutCell): XfDef {
  const style: CellStyle = cell.style ?? "normal";
  const def: XfDef = {};
  switch (style) {
    case "title":
      def.font = { bold: true, sizeDelta: 3 };
      break;
    case "heading":
      def.font = { bold: true, sizeDelta: 1 };
      break;
    case "header":
      def.font = { bold: true };
      def.fill = HEADER_FILL;
      def.border = { bottom: true };
      break;
    case "total":
      def.font = { bold: true };
      def.border = { top: true };
      break;
    case "varav":
      def.font = { italic: true };
      break;
    case "note":
      def.font = { italic: true, sizeDelta: -2, color: "FF595959" };
      break;
    case "normal":
      break;
  }
  if (cell.link) def.font = { ...(def.font ?? {}), underline: true, color: LINK_COLOR };
  if (cell.tone) def.fill = TONE_FILLS[cell.tone];
  if (cell.format) def.numFmt = cell.format;
  if (cell.wrap) def.wrap = true;
  const indent = indentOf(cell);
  if (indent > 0) {
    def.indent = indent;
    // Excel indents only left- or right-aligned cells; numbers stay right-aligned.
    def.horizontal = typeof cell.value === "number" ? "right" : "left";
  }
  return def;
}

/** A cell's indent level: its own, else one level for the label of a `varav` row. */
export function indentOf(cell: OutCell): number {
  if (cell.indent !== undefined) return Number.isFinite(cell.indent) ? Math.max(0, cell.indent) : 0;
  return cell.style === "varav" && typeof cell.value === "string" ? 1 : 0;
}

/**
 * Height in points for a row with wrapped text that needs more than one line, or null to leave
 * the row at its default height.
 */
export function rowHeightFor(
  row: (OutCell | null)[],
  columnWidths: number[],
  baseFontSize: number,
  merges: { r0: number; c0: number; c1: number }[] = [],
  rowIndex = 0,
): number | null {
  let height = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell?.wrap || typeof cell.value !== "string" || cell.value === "") continue;
    const merged = merges.find((m) => m.r0 === rowIndex && m.c0 === c);
    let widthChars = 0;
    for (let col = c; col <= (merged ? merged.c1 : c); col++) {
      const w = columnWidths[col];
      widthChars += Number.isFinite(w) && w > 0 ? Math.min(w, 255) : DEFAULT_COLUMN_CHARS;
    }
    const font = xfDefFor(cell).font;
    const fontSize = baseFontSize + (font?.sizeDelta ?? 0);
    const needed = wrappedHeightPoints({
      text: cell.value,
      widthChars,
      fontSize,
      baseFontSize,
      bold: !!font?.bold,
      indent: indentOf(cell),
    });
    height = Math.max(height, needed);
  }
  // Excel's default row for the base font is 15 pt at 11 pt; only taller rows are stored.
  const single = (15 * baseFontSize) / 11;
  return height > single + 0.01 ? Math.min(409, height) : null;
}

function textCell(ref: string, style: string, text: string): string {
  const t = escapeXml(text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text);
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>`;
}

function numberText(n: number): string {
  return String(n);
}

/** One `<c>` element. Only `formula` becomes a formula; every string is an inline string. */
function cellXml(ref: string, cell: OutCell, styleId: number): string {
  const s = styleId ? ` s="${styleId}"` : "";
  const value = cell.value;
  if (cell.formula !== undefined && cell.formula !== "") {
    const f = `<f>${escapeXml(cell.formula.replace(/^=/, ""))}</f>`;
    if (typeof value === "number" && Number.isFinite(value))
      return `<c r="${ref}"${s}>${f}<v>${numberText(value)}</v></c>`;
    if (typeof value === "string") return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(value)}</v></c>`;
    return `<c r="${ref}"${s}>${f}</c>`;
  }
  if (typeof value === "string") return textCell(ref, s, value);
  if (typeof value === "number" && Number.isFinite(value))
    return `<c r="${ref}"${s}><v>${numberText(value)}</v></c>`;
  return s ? `<c r="${ref}"${s}/>` : "";
}

export interface RenderOptions {
  /** Relationship id for the drawing part, when the spec has charts. */
  drawingRelId?: string;
  /** Hide gridlines (owned report sheets). */
  hideGridlines?: boolean;
  /** Print setup for a report (landscape A4, one page wide, page footer); default true. */
  print?: boolean;
}

/** Page footer: sheet name left, `Sida 1 av 3` right. */
const PRINT_FOOTER = "&amp;L&amp;8&amp;A&amp;R&amp;8Sida &amp;P av &amp;N";

const STYLE_CODES: Record<CellStyle, number> = {
  normal: 1,
  title: 2,
  heading: 3,
  header: 4,
  total: 5,
  varav: 6,
  note: 7,
};
const TONE_CODES: Record<StatusTone, number> = { good: 1, partial: 2, bad: 3, neutral: 4 };

/**
 * What of a cell decides its cell format (everything {@link xfDefFor} reads, and the top
 * alignment of a taller row): cells with equal keys get equal formats. A number for the usual
 * cells (no indent of their own), a text otherwise; `formats` numbers the format codes met.
 */
function xfKey(cell: OutCell, top: boolean, formats: Map<string, number>): number | string {
  const kind = typeof cell.value === "number" ? 0 : typeof cell.value === "string" ? 1 : 2;
  const style = cell.style === undefined ? 0 : STYLE_CODES[cell.style];
  const tone = cell.tone ? TONE_CODES[cell.tone] : 0;
  if (cell.indent === undefined && typeof style === "number" && typeof tone === "number") {
    let format = 0;
    if (cell.format) {
      const known = formats.get(cell.format);
      if (known === undefined) formats.set(cell.format, (format = formats.size + 1));
      else format = known;
    }
    const bits = (cell.link ? 1 : 0) | (cell.wrap ? 2 : 0) | (top ? 4 : 0);
    return ((format * 8 + style) * 5 + tone) * 24 + kind * 8 + bits;
  }
  return `${cell.style ?? ""}|${cell.link ? 1 : 0}|${cell.tone ?? ""}|${cell.wrap ? 1 : 0}|${cell.indent ?? ""}|${kind}|${top ? 1 : 0}|${cell.format ?? ""}`;
}

/** Builds a worksheet part from a sheet spec. String building only: fast for 10 000+ rows. */
export function renderOwnedSheet(spec: SheetSpec, styles: StyleBook, options: RenderOptions = {}): string {
  const out: string[] = [];
  const links: string[] = [];
  let maxCol = 0;
  let maxRow = 0;
  const rowsXml: string[] = [];
  const mergeAreas = (spec.merges ?? [])
    .map((m) => parseA1Range(m))
    .filter((m) => m !== null)
    .map((m) => ({ r0: m.row1 - 1, c0: m.col1 - 1, c1: m.col2 - 1 }));
  const xfIds = new Map<number | string, number>();
  const formats = new Map<string, number>();
  const letters: string[] = [];
  spec.rows.forEach((row, r) => {
    const cells: string[] = [];
    const height = rowHeightFor(row, spec.columnWidths, styles.defaultFontSize, mergeAreas, r);
    row.forEach((cell, c) => {
      if (!cell) return;
      const ref = `${(letters[c] ??= columnLetters(c + 1))}${r + 1}`;
      const key = xfKey(cell, height !== null, formats);
      let xfId = xfIds.get(key);
      if (xfId === undefined) {
        const def = xfDefFor(cell);
        // In a row made taller for wrapped text, every cell starts at the top, beside its label.
        if (height !== null) def.top = true;
        xfId = styles.xfId(def);
        xfIds.set(key, xfId);
      }
      const xml = cellXml(ref, cell, xfId);
      if (!xml) return;
      cells.push(xml);
      if (c + 1 > maxCol) maxCol = c + 1;
      if (cell.link && parseA1(cell.link.cell))
        links.push(
          `<hyperlink ref="${ref}" location="${escapeXml(sheetRef(cell.link.sheet, cell.link.cell))}" display="${escapeXml(String(cell.value ?? ""))}"/>`,
        );
    });
    if (cells.length) {
      const ht = height === null ? "" : ` ht="${height}"`;
      rowsXml.push(`<row r="${r + 1}"${ht}>${cells.join("")}</row>`);
      maxRow = r + 1;
    }
  });

  out.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
  );
  const print = options.print !== false;
  if (print) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="${maxRow && maxCol ? `A1:${columnLetters(maxCol)}${maxRow}` : "A1"}"/>`);
  const freeze = spec.freezeRows && spec.freezeRows > 0 ? Math.floor(spec.freezeRows) : 0;
  const view = freeze
    ? `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/>`
    : "";
  const grid = options.hideGridlines === false ? "" : ' showGridLines="0"';
  out.push(
    `<sheetViews><sheetView${grid} workbookViewId="0"${view ? `>${view}</sheetView>` : "/>"}</sheetViews>`,
  );
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = spec.columnWidths
    .map((w, i) =>
      Number.isFinite(w) && w > 0
        ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 255)}" customWidth="1"/>`
        : "",
    )
    .join("");
  if (cols) out.push(`<cols>${cols}</cols>`);
  out.push(rowsXml.length ? `<sheetData>${rowsXml.join("")}</sheetData>` : "<sheetData/>");
  const merges = (spec.merges ?? []).filter((m) => parseA1Range(m));
  if (merges.length)
    out.push(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m.toUpperCase()}"/>`).join("")}</mergeCells>`,
    );
  if (links.length) out.push(`<hyperlinks>${links.join("")}</hyperlinks>`);
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (print) {
    // A4 landscape, every column on one page width, as many pages down as needed.
    out.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    out.push(`<headerFooter><oddFooter>${PRINT_FOOTER}</oddFooter></headerFooter>`);
  }
  if (options.drawingRelId) out.push(`<drawing r:id="${options.drawingRelId}"/>`);
  out.push("</worksheet>");
  return out.join("");
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
