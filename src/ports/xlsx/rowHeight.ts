/**
 * Row heights for wrapped text. Excel fits such rows itself when it recalculates a row, but files
 * are opened as stored: LibreOffice keeps the default height of a row without `ht`, so wrapped
 * text would spill over the next row. The writer therefore stores an estimated height.
 *
 * The estimate is deliberately generous: a line too many leaves a little space, a line too few
 * hides text. Widths are in Excel character units (the default font's digit width).
 */

/** Points per line of the default 11 pt font (Excel's default row height). */
const LINE_POINTS_AT_11 = 15;
/** Character units lost to the cell's left and right padding. */
const CELL_PADDING_CHARS = 1;
/** Character units one indent level takes. */
const INDENT_CHARS = 2;
/**
 * Widths of characters relative to the digit width the column unit is measured in. The ratios
 * hold for Calibri and for DejaVu Sans (LibreOffice's stand-in where Calibri is missing) alike.
 */
function charWidth(ch: string): number {
  if (" ilj'|!.,:;".includes(ch)) return 0.45;
  if (ch === "s") return 0.8;
  if ("ftr()[]/-".includes(ch)) return 0.68;
  if (ch === "m") return 1.55;
  if (ch === "w") return 1.4;
  if (ch === "M" || ch === "W") return 1.6;
  if (ch >= "0" && ch <= "9") return 1;
  if (ch !== ch.toLowerCase()) return 1.15;
  return 0.98;
}

/** Margin on the estimate (the cell padding is already left out of the line width). */
const SAFETY = 1;
const BOLD_WIDTH_FACTOR = 1.04;

/** {@link charWidth} of each UTF-16 unit outside the surrogates, filled as met (NaN: not yet). */
const BMP_WIDTHS = new Float64Array(0x10000).fill(NaN);

function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      // A surrogate pair is one character (as `for…of` walks a string); a lone surrogate is one too.
      const next = text.charCodeAt(i + 1);
      const pair = code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      width += charWidth(pair ? text.slice(i, i + 2) : text[i]);
      if (pair) i++;
      continue;
    }
    let w = BMP_WIDTHS[code];
    if (Number.isNaN(w)) w = BMP_WIDTHS[code] = charWidth(text[i]);
    width += w;
  }
  return width;
}

/** Excel's default column width, for columns the spec leaves out. */
export const DEFAULT_COLUMN_CHARS = 8.43;

export interface WrappedText {
  text: string;
  /** Column width in character units (sum of the columns for a merged area). */
  widthChars: number;
  /** Font size in points. */
  fontSize: number;
  baseFontSize: number;
  bold?: boolean;
  indent?: number;
}

/**
 * Lines `text` takes when wrapped at word boundaries into lines `lineWidth` digit widths wide,
 * each character taking `scale` times its relative width.
 */
export function wrappedLineCount(text: string, lineWidth: number, scale = 1): number {
  const width = Math.max(1, lineWidth);
  const space = charWidth(" ") * scale;
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let used = 0;
    let paragraphLines = 1;
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const wordWidth = textWidth(word) * scale;
      const need = used === 0 ? wordWidth : used + space + wordWidth;
      if (need <= width) {
        used = need;
        continue;
      }
      if (used > 0) paragraphLines++;
      // A word longer than a line is broken over as many lines as it needs.
      paragraphLines += Math.max(1, Math.ceil(wordWidth / width)) - 1;
      used = wordWidth % width || Math.min(wordWidth, width);
    }
    lines += paragraphLines;
  }
  return Math.max(1, lines);
}

/** Points one line of text in this font size takes. */
export function linePoints(fontSize: number): number {
  return Math.round(((LINE_POINTS_AT_11 * fontSize) / 11) * 4) / 4;
}

/** Estimated height in points a wrapped cell needs. */
export function wrappedHeightPoints(cell: WrappedText): number {
  const usable = Math.max(1, cell.widthChars - CELL_PADDING_CHARS - (cell.indent ?? 0) * INDENT_CHARS);
  const scale = (SAFETY * (cell.bold ? BOLD_WIDTH_FACTOR : 1) * cell.fontSize) / cell.baseFontSize;
  const lines = wrappedLineCount(cell.text, usable, scale);
  return lines * linePoints(cell.fontSize);
}
