/**
 * Text measures for planning printed pages: how wide a cell's text is in points, how many lines it
 * wraps to and how tall its row must be. Calibri's widths (LibreOffice's Carlito has the same
 * metrics); deliberately a little generous, since a line too many leaves space and a line too few
 * hides text.
 */
import { excelSerialToIso } from "./format";
import { FONT_SIZE, INDENT_POINTS, CELL_PADDING_POINTS, cellLook } from "./look";
import type { OutCell } from "./spec";

/** Calibri's digits are 0,507 em wide; other characters are measured relative to a digit. */
const DIGIT_EM = 0.507;
/** Bold Calibri letters are a few per cent wider. */
const BOLD_FACTOR = 1.05;
/** Margin on every estimate (measured: without it the estimate is within 1 % of Carlito's widths). */
const SAFETY = 1.02;

/** Width of a character in digit widths. */
function charWidth(ch: string): number {
  if (" ilj'|!.,:;".includes(ch)) return 0.45;
  if (ch === "s") return 0.8;
  if ("ftr()[]/-".includes(ch)) return 0.68;
  if (ch === "m") return 1.55;
  if (ch === "w") return 1.4;
  if (ch === "M" || ch === "W") return 1.6;
  if (ch >= "0" && ch <= "9") return 1;
  if ("●◆▲○≠–—?".includes(ch)) return 1.6;
  if (ch !== ch.toLowerCase()) return 1.15;
  return 0.98;
}

/** {@link charWidth} of each UTF-16 unit outside the surrogates, filled as met (NaN: not yet). */
const BMP_WIDTHS = new Float64Array(0x10000).fill(NaN);

/** Width of `text` on one line, in digit widths. */
function digitWidths(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      // A surrogate pair is one character (as `for…of` walks a string); a lone surrogate is one too.
      const next = text.charCodeAt(i + 1);
      const pair = code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      width += 1.6;
      if (pair) i++;
      continue;
    }
    let w = BMP_WIDTHS[code];
    if (Number.isNaN(w)) w = BMP_WIDTHS[code] = charWidth(text[i]);
    width += w;
  }
  return width;
}

function pointsPerDigit(size: number, bold: boolean): number {
  return DIGIT_EM * size * (bold ? BOLD_FACTOR : 1) * SAFETY;
}

/** Width in points of `text` on one line. */
export function textPoints(text: string, size: number, bold = false): number {
  return digitWidths(text) * pointsPerDigit(size, bold);
}

/** Words of a text as a line may break them: at spaces, and after a hyphen or a slash. */
export function breakableParts(text: string): string[] {
  return text.split(/\s+|(?<=[-/])(?=\S)/).filter(Boolean);
}

/** Width in points of the widest part a line cannot break. */
export function longestWordPoints(text: string, size: number, bold = false): number {
  let widest = 0;
  for (const part of breakableParts(text)) widest = Math.max(widest, textPoints(part, size, bold));
  return widest;
}

/** A text exactly as wide as its line fits it (widths are sums of fractions). */
const FIT_EPSILON = 0.01;

/** Parts of a paragraph a line may break between, each with whether a space precedes it. */
function partsOf(paragraph: string): { text: string; spaced: boolean }[] {
  const out: { text: string; spaced: boolean }[] = [];
  for (const word of paragraph.split(/[ \t]+/)) {
    if (!word) continue;
    word.split(/(?<=[-/])(?=\S)/).forEach((text, i) => out.push({ text, spaced: i === 0 && out.length > 0 }));
  }
  return out;
}

/**
 * `text` wrapped into lines `width` points wide, as a spreadsheet wraps it: at spaces and after a
 * hyphen or slash; a word longer than a line is cut where the line is full.
 */
export function breakLines(text: string, width: number, size: number, bold = false): string[] {
  const lineWidth = Math.max(1, width);
  const scale = pointsPerDigit(size, bold);
  const space = charWidth(" ") * scale;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = "";
    let used = 0;
    for (const part of partsOf(paragraph)) {
      const partWidth = digitWidths(part.text) * scale;
      const need = used === 0 ? partWidth : used + (part.spaced ? space : 0) + partWidth;
      if (need <= lineWidth + FIT_EPSILON) {
        line += used === 0 ? part.text : `${part.spaced ? " " : ""}${part.text}`;
        used = need;
        continue;
      }
      if (used > 0) lines.push(line);
      line = "";
      used = 0;
      // A part longer than a line is cut into line-long pieces.
      let rest = part.text;
      while (digitWidths(rest) * scale > lineWidth + FIT_EPSILON && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && digitWidths(rest.slice(0, cut)) * scale > lineWidth + FIT_EPSILON) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      used = digitWidths(rest) * scale;
    }
    lines.push(line);
  }
  return lines;
}

/** Lines `text` takes when wrapped into lines `width` points wide. */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  return Math.max(1, breakLines(text, width, size, bold).length);
}

/**
 * Points one line of text takes in a row: Excel's row height for Calibri in whole pixels (15 pt for
 * 11 pt, 12 pt for 9 pt, 11,25 pt for 8 pt).
 */
export function linePoints(size: number): number {
  return Math.round(((15 * size) / 11) * (4 / 3)) * 0.75;
}

/** Height of an empty row between tables. */
export const SPACER_ROW_POINTS = linePoints(FONT_SIZE.normal);

const GROUPING = /\B(?=(\d{3})+(?!\d))/g;

/** `2435.3` with 1 decimal → `2 435,3`. */
function swedish(n: number, decimals: number): string {
  const [int, frac] = Math.abs(n).toFixed(decimals).split(".");
  const sign = n < 0 && Number(Math.abs(n).toFixed(decimals)) !== 0 ? "-" : "";
  return `${sign}${int.replace(GROUPING, " ")}${frac ? `,${frac}` : ""}`;
}

/**
 * What a number shows under one of the report's formats (`#,##0.0`, `0.0 %`, `"Max "#,##0 "st"`,
 * `yyyy-mm-dd`), as Swedish Excel shows it; other formats as a plain number.
 */
export function formattedNumber(value: number, format: string | undefined): string {
  if (!format || format === "General") return swedish(value, decimalsShown(value));
  if (/^yyyy-mm-dd$/i.test(format)) return excelSerialToIso(value) ?? swedish(value, 0);
  const m = /^(?:"([^"]*)")?(#,##0|0)(?:\.(0+))?(.*)$/.exec(format);
  if (!m) return swedish(value, decimalsShown(value));
  const decimals = m[3]?.length ?? 0;
  const rest = m[4];
  const percent = rest.includes("%");
  const shown = swedish(percent ? value * 100 : value, decimals);
  return `${m[1] ?? ""}${shown}${rest.replace(/"/g, "")}`;
}

function decimalsShown(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(Number(value.toFixed(4)));
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The text a cell shows. */
export function displayText(cell: OutCell): string {
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "number") return formattedNumber(v, cell.format);
  return v;
}

/** Points a cell's text needs on one line, indent and padding included. */
export function cellPoints(cell: OutCell): number {
  const look = cellLook(cell);
  return textPoints(displayText(cell), look.font.size, look.font.bold) + look.indent * INDENT_POINTS;
}

/**
 * Height in points of a row whose cells have these widths in points (a merged cell: the sum of
 * its columns). Wrapped cells take as many lines as their text needs; others one line.
 */
export function rowPoints(row: (OutCell | null)[], widths: (number | undefined)[]): number {
  let height = 0;
  row.forEach((cell, c) => {
    if (!cell) return;
    const look = cellLook(cell);
    let lines = 1;
    const text = displayText(cell);
    const width = widths[c];
    if (cell.wrap && text && width !== undefined) {
      const usable = width - CELL_PADDING_POINTS - look.indent * INDENT_POINTS;
      lines = wrappedLines(text, usable, look.font.size, look.font.bold);
    }
    height = Math.max(height, lines * linePoints(look.font.size));
  });
  return height || SPACER_ROW_POINTS;
}
