/**
 * The fake's in-memory workbook: sheets of cells, rules, charts and tables, and how typed input
 * lands in a cell. Seed it through `createFakeExcel` and inspect it after a run.
 */
import type { CellValue } from "../../../src/engine/grid";
import { a1Range, columnLetters, parseA1 } from "../../../src/engine/grid";
import { FakeOfficeError } from "./errors";

export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const MAX_ROW = 1048575;
export const MAX_COL = 16383;
/** Excel's limit on the characters of one cell ("Excel specifications and limits"). */
export const MAX_CELL_CHARS = 32767;
/** Excel's tallest row, in points ("Excel specifications and limits"). */
export const MAX_ROW_POINTS = 409;
/**
 * Excel's widest column, "255 characters" ("Excel specifications and limits"), in the points
 * `format.columnWidth` takes (OfficeDev/office-js#187: "The unit-of-measure for columnWidth is
 * points"). A width of n characters is 7n + 5 px in Calibri 11, the Normal font Målkoll's sheets
 * assume (look.ts; Excel's own tooltip: 8.43 characters = 64 px, and its widest drag shows
 * "254.86 (1789px)", rabanti-github/NanoXLSX#73): 255 characters are 1 790 px = 1 342.5 pt.
 * In a workbook with another Normal font the limit in points differs; the fake does not model that.
 */
export const MAX_COLUMN_POINTS = ((255 * 7 + 5) * 3) / 4;
/** "Hyperlinks in a worksheet: 65,530" ("Excel specifications and limits"). */
export const MAX_HYPERLINKS = 65530;

export interface FakeCell {
  value: CellValue;
  formula?: string;
  format?: string;
  style?: Record<string, unknown>;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface FakeRuleData {
  /** A label for tests; Excel itself exposes only the rule's priority (see conditionalFormats.ts). */
  id: string;
  type: string;
  areas: string[];
  formula: string | null;
  format: Record<string, unknown>;
}

export interface FakeChartData {
  id: string;
  type: string;
  title: string | null;
  position: string[] | null;
  series: {
    name: string | null;
    values: string | null;
    xValues: string | null;
    /** What was set on the series beyond its data, by path (`format.fill.solidColor`, `gapWidth`). */
    format: Record<string, unknown>;
  }[];
  /** What was set on the chart's format, title format, axes and legend, by path. */
  format: Record<string, unknown>;
}

export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  /** Margins in points, by side (`left`, `top`, `header`, …). */
  margins?: Record<string, number>;
  /** The default header and footer for all pages, by part (`leftFooter`, …). */
  headersFooters?: Record<string, string>;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows?: string;
}

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

let nextId = 1;
export function fakeId(prefix: string): string {
  return `${prefix}${nextId++}`;
}

export class FakeSheet {
  visibility: FakeVisibility = "Visible";
  readonly cells = new Map<string, FakeCell>();
  tables: { name: string; address: string }[] = [];
  /** Conditional formats in priority order: index 0 is evaluated first. */
  rules: FakeRuleData[] = [];
  charts: FakeChartData[] = [];
  frozenRows = 0;
  /** Column widths in points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  merges: string[] = [];
  pageLayout: FakePageLayout = {};
  /** Manual row page breaks: the 1-based rows that start a printed page, in order. */
  pageBreaks: number[] = [];
  showGridlines = true;
  /** Rows whose height was autofitted (by range rows). */
  autofitRows: string[] = [];
  /** Hidden rows and columns (0-based), by hand, in a collapsed group or by a filter alike. */
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  /** Set once the sheet is deleted: proxies to it fail with ItemNotFound. */
  deleted = false;
  /**
   * Sheet protection: conditional formats can be neither added nor deleted, and cells can't be
   * written, cleared, formatted or merged (the fake holds every cell locked, Excel's default).
   */
  protected = false;
  constructor(public name: string) {}

  /** Throws Excel's AccessDenied for a change a protected sheet refuses. */
  requireUnprotected(what: string): void {
    if (this.protected)
      throw new FakeOfficeError(
        "AccessDenied",
        `You cannot perform the requested operation: ${what} on the protected sheet ${this.name}.`,
      );
  }

  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  ensure(r: number, c: number): FakeCell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The cell at an A1 address (undefined when never touched). */
  at(address: string): FakeCell | undefined {
    const p = parseA1(address);
    return p ? this.get(p.row - 1, p.col - 1) : undefined;
  }

  usedArea(): Area | null {
    let area: Area | null = null;
    for (const [key, cell] of this.cells) {
      if (cell.value === null && !cell.formula && !cell.format && !cell.style) continue;
      const [r, c] = key.split(",").map(Number);
      if (!area) area = { r0: r, c0: c, r1: r, c1: c };
      else {
        area.r0 = Math.min(area.r0, r);
        area.c0 = Math.min(area.c0, c);
        area.r1 = Math.max(area.r1, r);
        area.c1 = Math.max(area.c1, c);
      }
    }
    return area;
  }

  /** Values from A1 to the used range's bottom-right corner (null = empty). */
  valuesFromA1(): CellValue[][] {
    const area = this.usedArea();
    if (!area) return [];
    const out: CellValue[][] = [];
    for (let r = 0; r <= area.r1; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c <= area.c1; c++) row.push(this.get(r, c)?.value ?? null);
      out.push(row);
    }
    return out;
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Workbook structure protection: sheets cannot be added, renamed, hidden or deleted. */
  structureProtected = false;
  /**
   * Whether the Page Layout tab is showing. Excel ignores `pageLayout.zoom` fit-to-pages while it
   * is not (OfficeDev/office-js#1860); a `scale` is applied either way.
   */
  pageLayoutTabShown = false;
  /** The culture typed input is read in (the fake reads `yyyy-mm-dd` as a date, as sv-SE does). */
  culture = "sv-SE";
  /**
   * The workbook counts dates from 1904-01-01 (serial 0), as old Excel for Mac books do; cells hold
   * that system's serials, and `DATE()` and typed dates answer in it.
   */
  date1904 = false;
  constructor(public name: string) {}

  sheet(name: string): FakeSheet {
    const found = this.find(name);
    if (!found) throw new Error(`fake workbook has no sheet ${name}`);
    return found;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  requireUnprotected(): void {
    if (this.structureProtected)
      throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
  }
}

export function parseArea(address: string): Area {
  const a = address.replace(/\$/g, "").trim();
  const bang = a.lastIndexOf("!");
  const local = bang >= 0 ? a.slice(bang + 1) : a;
  const col = /^([A-Z]+):([A-Z]+)$/i.exec(local);
  if (col) {
    const c0 = (parseA1(`${col[1]}1`)?.col ?? 1) - 1;
    const c1 = (parseA1(`${col[2]}1`)?.col ?? 1) - 1;
    return { r0: 0, c0: Math.min(c0, c1), r1: MAX_ROW, c1: Math.max(c0, c1) };
  }
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) {
    const r0 = Number(rows[1]) - 1;
    const r1 = Number(rows[2]) - 1;
    return { r0: Math.min(r0, r1), c0: 0, r1: Math.max(r0, r1), c1: MAX_COL };
  }
  const [first, second] = local.split(":");
  const p = parseA1(first);
  const q = second === undefined ? p : parseA1(second);
  if (!p || !q) throw new FakeOfficeError("InvalidArgument", `The argument is invalid: ${address}`);
  return {
    r0: Math.min(p.row, q.row) - 1,
    c0: Math.min(p.col, q.col) - 1,
    r1: Math.max(p.row, q.row) - 1,
    c1: Math.max(p.col, q.col) - 1,
  };
}

export function areaAddress(area: Area): string {
  if (area.r0 === 0 && area.r1 === MAX_ROW)
    return `${columnLetters(area.c0 + 1)}:${columnLetters(area.c1 + 1)}`;
  return a1Range(area.r0 + 1, area.c0 + 1, area.r1 + 1, area.c1 + 1);
}

export function intersects(a: Area, b: Area): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function cellsIn(area: Area): number {
  return (area.r1 - area.r0 + 1) * (area.c1 - area.c0 + 1);
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The day a workbook's serial 0 stands for (in the 1900 system, right from 1900-03-01 on). */
function dayZero(date1904: boolean): number {
  return date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
}

/** A day as the workbook's serial (dates from 1900-03-01 on in the 1900 system), or null before its first day. */
export function excelSerial(y: number, m: number, d: number, date1904: boolean): number | null {
  const serial = Math.round((Date.UTC(y, m - 1, d) - dayZero(date1904)) / 86400000);
  return serial < 0 ? null : serial;
}

/**
 * A cell's `text` (what Excel shows) for what the fake can render: text as it is, a number
 * under General as JavaScript writes it, a `yyyy-mm-dd` date as the day the workbook's system
 * counts. Any other number format is not faked (a test would get an answer Excel might not give).
 */
export function shownText(cell: FakeCell | undefined, date1904: boolean): string {
  const value = cell?.value ?? null;
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value !== "number")
    throw new FakeOfficeError(
      "InvalidArgument",
      "range.text of a truth value is not faked (the culture names it)",
    );
  const format = cell?.format ?? "General";
  if (format === "General") return String(value);
  if (format === "yyyy-mm-dd") {
    return new Date(dayZero(date1904) + Math.floor(value) * 86400000).toISOString().slice(0, 10);
  }
  throw new FakeOfficeError("InvalidArgument", `range.text under the format ${format} is not faked`);
}

/** Rejects text Excel cannot hold in one cell. */
export function requireCellLength(input: unknown): void {
  if (typeof input === "string" && input.length > MAX_CELL_CHARS)
    throw new FakeOfficeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: a cell holds at most ${MAX_CELL_CHARS} characters (${input.length} given).`,
    );
}

/**
 * Puts typed input into a cell as Excel would under sv-SE: text starting with `=`, `+`, `-`, `@`
 * becomes a formula, numeric text a number, `yyyy-mm-dd` a date serial, TRUE/FALSE a boolean,
 * unless the cell's number format is text (`@`). Dates are serials of the workbook's date system.
 */
export function enter(cell: FakeCell, input: unknown, date1904: boolean): void {
  delete cell.formula;
  if (typeof input !== "string") {
    cell.value = input as CellValue;
    return;
  }
  if (cell.format === "@") {
    cell.value = input;
    return;
  }
  const trimmed = input.trim();
  if (trimmed === "") {
    cell.value = input === "" ? null : input;
    return;
  }
  const number = Number(trimmed);
  if (Number.isFinite(number) && !/^[=@]/.test(trimmed)) {
    cell.value = number;
    return;
  }
  if (/^[=+\-@]/.test(input) && input.length > 1) {
    cell.formula = input.startsWith("=") ? input : `=${input}`;
    cell.value = "#NAME?";
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.value = trimmed.toLowerCase() === "true";
    return;
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const serial = date && excelSerial(Number(date[1]), Number(date[2]), Number(date[3]), date1904);
  if (typeof serial === "number") {
    cell.value = serial;
    return;
  }
  cell.value = input;
}
