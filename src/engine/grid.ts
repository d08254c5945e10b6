/**
 * Plain cell grids: what a workbook port hands the engine. No Excel objects, no I/O.
 *
 * Values follow Office.js `Range.values` conventions so both ports can fill them cheaply:
 * numbers (dates as Excel serials), strings, booleans, null for empty. Excel error values
 * arrive as their text (`#REF!`, `#N/A`, ...), as Office.js reports them.
 */
export type CellValue = string | number | boolean | null;

/** The most characters one Excel cell holds; Excel refuses (Office.js) or repairs (a file) more. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface ListObjectInfo {
  name: string;
  /** A1 range including the header row, e.g. `B3:F20`. */
  range: string;
}

export interface SheetGrid {
  name: string;
  visibility: SheetVisibility;
  /** 1-based sheet row of `values[0]` (the used range may not start at A1). */
  originRow: number;
  /** 1-based sheet column of `values[r][0]`. */
  originCol: number;
  /** Rows of cell values; rows may be ragged (missing trailing cells are empty). */
  values: CellValue[][];
  /** Number format codes parallel to `values`; absent or ragged means `General`. */
  formats?: (string | null)[][];
  /** Formulas parallel to `values` (without the leading `=`), where the port knows them. */
  formulas?: (string | null)[][];
  /** Excel tables (ListObjects) on the sheet. */
  listObjects?: ListObjectInfo[];
  /** Merged areas as A1 ranges. */
  merges?: string[];
  /**
   * The sheet is protected: until it is unprotected Excel refuses changes to its locked cells (all,
   * unless the owner unlocked some for input) and any conditional format added or removed (Målkoll's
   * flags). Absent means not protected.
   */
  protected?: boolean;
  /**
   * Formula cells whose value in `values` Excel did not compute, as A1 addresses in reading order: a
   * formula saved without a result (openpyxl), or holding 0 in a workbook that asks for a full
   * recalculation on load (`<calcPr fullCalcOnLoad="1">`: XlsxWriter stores 0 for each; POI sets the
   * flag over values it computed). Absent means none; Office.js always reports computed values.
   */
  uncalculated?: string[];
  /**
   * Rows the user hid (by hand, in a collapsed group, or by a filter), as 1-based sheet rows in
   * ascending order, among the grid's rows. Absent means none. Recognition reads no hidden row of a
   * table (see recognise/tables.ts).
   */
  hiddenRows?: number[];
  /**
   * Columns the user hid, as 1-based sheet columns in ascending order, among the grid's columns.
   * Absent means none. Unlike a hidden row, a hidden column is read; one Målkoll has no role for is
   * not reported as unread (`column-unrecognized`): it is the user's helper, out of sight by choice.
   */
  hiddenColumns?: number[];
}

/**
 * One cell as the engine carries it from the port's grid through recognition into the model: what
 * it holds, the number format it is shown with (so `0.04` under `0.0 %` reads as `4,0 %`, one
 * decimal), and where it is. Nothing after recognition goes back to the grid for a cell.
 */
export interface SourceCell {
  value: CellValue;
  /** Number format code, or null for General. */
  format: string | null;
  /** A1 address on its sheet. */
  address: string;
}

export interface WorkbookSnapshot {
  /** File name or workbook title, for reports. */
  name: string;
  sheets: SheetGrid[];
}

const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

export function isExcelError(value: CellValue): value is string {
  // Every error value holds a `#`: most texts are ruled out without a copy.
  return typeof value === "string" && value.includes("#") && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

/** Letters of the first columns, made once: addresses are built for every recognised cell. */
const LETTERS: string[] = [];

/** Column number (1-based) to letters: 1 → A, 28 → AB. */
export function columnLetters(col: number): string {
  if (col > 0 && col <= 702 && (col | 0) === col) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 1-based row and column to an A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A1 range from two corners (1-based). A single cell gives `C3`. */
export function a1Range(row1: number, col1: number, row2: number, col2: number): string {
  const start = a1(row1, col1);
  const end = a1(row2, col2);
  return start === end ? start : `${start}:${end}`;
}

/** Parses `AB12` (with optional `$`) into 1-based row and column; null when malformed. */
export function parseA1(address: string): { row: number; col: number } | null {
  // A character scan, as `/^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/` on the trimmed text would match.
  const text = address.trim();
  const end = text.length;
  let i = text.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  const lettersStart = i;
  for (; i < end; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  if (i === lettersStart || i - lettersStart > 3) return null;
  if (text.charCodeAt(i) === 36) i++;
  const digitsStart = i;
  let row = 0;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  if (i === digitsStart || i - digitsStart > 7) return null;
  return { row, col };
}

/** Parses `B3:F20` (or a single cell) into 1-based corners. */
export function parseA1Range(
  range: string,
): { row1: number; col1: number; row2: number; col2: number } | null {
  const [first, second] = range.split(":");
  const start = parseA1(first);
  const end = second === undefined ? start : parseA1(second);
  if (!start || !end) return null;
  return {
    row1: Math.min(start.row, end.row),
    col1: Math.min(start.col, end.col),
    row2: Math.max(start.row, end.row),
    col2: Math.max(start.col, end.col),
  };
}

/**
 * A cell as Excel writes a reference to it: the sheet's name quoted when it is more than letters,
 * digits and underscores, or could be read as a cell (`'T2 2021'!I123`, `'A1'!B2`, `Blad1!B12`).
 */
export function cellRef(sheet: string, cell: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) && !/^([a-z]{1,3}\d+|r\d*c?\d*|c\d*)$/i.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

/** Quotes a sheet name for use in a formula or hyperlink location: `'Min flik'!A1`. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Addresses joined with commas into lists of at most `maxChars` characters each, in order. */
export function joinAddressLists(addresses: string[], maxChars: number): string[] {
  const lists: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > maxChars) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

/** Reads a cell by absolute 1-based position; outside the used range is empty. */
export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.originRow];
  if (!r) return null;
  const v = r[col - sheet.originCol];
  return v === undefined ? null : v;
}

export function formatAt(sheet: SheetGrid, row: number, col: number): string | null {
  const r = sheet.formats?.[row - sheet.originRow];
  if (!r) return null;
  return r[col - sheet.originCol] ?? null;
}

/** The cell at an absolute 1-based position, with its format and address. */
export function sourceCell(sheet: SheetGrid, row: number, col: number): SourceCell {
  return { value: cellAt(sheet, row, col), format: formatAt(sheet, row, col), address: a1(row, col) };
}

export function formulaAt(sheet: SheetGrid, row: number, col: number): string | null {
  const r = sheet.formulas?.[row - sheet.originRow];
  if (!r) return null;
  return r[col - sheet.originCol] ?? null;
}

/** Last 1-based sheet row covered by the grid. */
export function lastRow(sheet: SheetGrid): number {
  return sheet.originRow + sheet.values.length - 1;
}

const widths = new WeakMap<CellValue[][], { rows: number; width: number }>();

/** Last 1-based sheet column covered by any row of the grid (computed once per grid). */
export function lastCol(sheet: SheetGrid): number {
  let known = widths.get(sheet.values);
  if (!known || known.rows !== sheet.values.length) {
    let width = 0;
    for (const r of sheet.values) if (r.length > width) width = r.length;
    known = { rows: sheet.values.length, width };
    widths.set(sheet.values, known);
  }
  return sheet.originCol + known.width - 1;
}

/** Whether {@link textOf} gives a non-empty text, without stringifying numbers. */
export function hasText(value: CellValue): boolean {
  if (value === null) return false;
  if (typeof value !== "string") return true;
  // Most texts start with a printable ASCII character after some plain spaces, which trimming keeps:
  // no copy needed to tell.
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 32 && code < 127) return true;
    if (code !== 32) return textOf(value) !== "";
  }
  return false;
}

/** A truth value as Excel shows it: `SANT` / `FALSKT` in Swedish, `TRUE` / `FALSE` in English. */
export function truthText(value: boolean, language: "sv" | "en" = "sv"): string {
  if (language === "en") return value ? "TRUE" : "FALSE";
  return value ? "SANT" : "FALSKT";
}

/** A cell's text, trimmed, or "" for empty/non-text. Numbers and booleans are stringified. */
export function textOf(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string")
    return (value.includes("\u00a0") ? value.replace(/\u00a0/g, " ") : value).trim();
  return String(value);
}
