/**
 * What the report stage produces and the ports write: plain, host-independent sheet specs.
 * Every port renders the same spec with the look in look.ts; none decides layout (widths, row
 * heights and page breaks are planned here, for A4 landscape).
 */

import type { OwnedSheetKey } from "../state";

export type { OwnedSheetKey, RollupSheetKey } from "../state";
export { OWNED_SHEET_TITLES, STATE_SHEET } from "../state";

export type CellStyle =
  | "title" // sheet title, large bold
  | "heading" // goal heading above a table, bold
  | "header" // table header row: bold, filled, bordered bottom
  | "ownHeader" // header of Målkoll's own columns (status, links): as header, another fill
  | "normal"
  | "total" // bold, top border
  | "varav" // italic, indented
  | "group" // a group's name inside a table (`Äldreomsorgen` over its units), bold
  | "note"; // small grey text

export type StatusTone = "good" | "partial" | "bad" | "neutral";

export interface OutCell {
  /** The value shown (for a formula cell: the engine's computed value, cached for readers). */
  value: string | number | null;
  /** Formula without leading `=`, over source cells; `value` is its expected result. */
  formula?: string;
  /** Number format code, locale-invariant (`#,##0.0`, `#,##0`, `0.0 %`). */
  format?: string;
  style?: CellStyle;
  /** Colour cue for status cells; always accompanied by words/symbols in `value`. */
  tone?: StatusTone;
  /** Internal hyperlink target. */
  link?: { sheet: string; cell: string };
  /** Wrap text in the cell. */
  wrap?: boolean;
  /** Indent level (Excel's IndentLevel / ExcelJS alignment.indent), e.g. a sub-goal under its goal. */
  indent?: number;
  /** Horizontal alignment; default right for numbers, left for text (see look.ts). */
  align?: "left" | "right" | "center";
}

/*
 * Cells are made by the functions below, each with every field of OutCell present (undefined where
 * not set). The layout sets `wrap`, `align` and `indent` after a cell is made, and it and the
 * ports read every field of tens of thousands of cells: made here, all cells keep one shape, which
 * V8 reads fast; literals with some of the fields take a new shape at each field added.
 */

/** Text (or a value) in a style, `normal` unless given. */
export function textCell(value: OutCell["value"], style: CellStyle = "normal"): OutCell {
  return {
    value,
    formula: undefined,
    format: undefined,
    style,
    tone: undefined,
    link: undefined,
    wrap: undefined,
    indent: undefined,
    align: undefined,
  };
}

/** A value under a number format. */
export function numberCell(value: OutCell["value"], format: string, style: CellStyle = "normal"): OutCell {
  const cell = textCell(value, style);
  cell.format = format;
  return cell;
}

/** A formula with its expected value, under a number format. */
export function formulaCell(
  value: OutCell["value"],
  formula: string,
  format: string,
  style: CellStyle = "normal",
): OutCell {
  const cell = numberCell(value, format, style);
  cell.formula = formula;
  return cell;
}

/** A status in words and symbol, with its colour cue. */
export function tonedCell(value: string, tone: StatusTone): OutCell {
  const cell = textCell(value);
  cell.tone = tone;
  return cell;
}

export function linkCell(value: string, link: { sheet: string; cell: string }): OutCell {
  const cell = textCell(value);
  cell.link = link;
  return cell;
}

export function indentedCell(value: string, indent: number): OutCell {
  const cell = textCell(value);
  cell.indent = indent;
  return cell;
}

export function wrappedCell(value: string, style: CellStyle = "normal"): OutCell {
  const cell = textCell(value, style);
  cell.wrap = true;
  return cell;
}

/**
 * Body cells a sheet repeats down a column (statuses, periods, severities, goal names, figures,
 * dates), made once per column and value while one sheet is built: every cell made stays alive in
 * the output, and a large report has a few hundred thousand, most of them alike. A shared cell
 * stays in one column of one sheet's body rows, where the layout sets its wrap, align and indent
 * alike on every row (and leaves a number's alone); header and formula cells, which the layout
 * rewrites or copies per row, are never shared (a sheet's tables may share a whole header row,
 * which the layout then treats once: see SheetBuilder.startTable).
 */
export class SharedCells {
  private readonly texts: Map<string, OutCell>[] = [];
  private readonly toned: Map<string, OutCell>[][] = [];
  private readonly numbers: Map<string, Map<number, OutCell>>[] = [];

  /** A `normal` text cell. */
  text(column: number, value: string): OutCell {
    const cells = (this.texts[column] ??= new Map());
    let cell = cells.get(value);
    if (cell === undefined) cells.set(value, (cell = textCell(value)));
    return cell;
  }

  /** A status cell ({@link tonedCell}). */
  status(column: number, value: string, tone: StatusTone): OutCell {
    const byTone = (this.toned[column] ??= []);
    const cells = (byTone[TONE_INDEX[tone]] ??= new Map());
    let cell = cells.get(value);
    if (cell === undefined) cells.set(value, (cell = tonedCell(value, tone)));
    return cell;
  }

  /** A `normal` number cell ({@link numberCell}). */
  number(column: number, value: number, format: string): OutCell {
    // A Map takes -0 for 0: a -0 gets a cell of its own.
    if (value === 0 && 1 / value < 0) return numberCell(value, format);
    const byFormat = (this.numbers[column] ??= new Map());
    let cells = byFormat.get(format);
    if (cells === undefined) byFormat.set(format, (cells = new Map()));
    let cell = cells.get(value);
    if (cell === undefined) cells.set(value, (cell = numberCell(value, format)));
    return cell;
  }
}

const TONE_INDEX: Record<StatusTone, number> = { good: 0, partial: 1, bad: 2, neutral: 3 };

export type ChartKind = "bar" | "stackedBar";

export interface ChartSpec {
  title: string;
  kind: ChartKind;
  /** Category labels range on the owned sheet, A1 (e.g. `A5:A21`). */
  categories: string;
  /** Series: name + values range on the owned sheet, and its colour (`RRGGBB`, from look.ts). */
  series: { name: string; values: string; colour?: string }[];
  /** The values are counts: whole-number axis steps. */
  integerAxis?: boolean;
  /** Anchor: top-left cell and size in columns/rows (rows reserved for it, inside the print width). */
  anchor: { cell: string; widthCols: number; heightRows: number };
}

/** Where a table sits on its sheet (1-based rows), for ports and tests that need the structure. */
export interface TableSpan {
  /** The heading row above the table, if any. */
  heading: number | null;
  /** The header row (the first one: a long table repeats it after each page break). */
  header: number;
  /** First and last row of the body (data, analysis rows, repeated headers). */
  first: number;
  last: number;
  /** `chart-data`: a block of references a chart is drawn from, not a table of the report. */
  purpose?: "chart-data";
}

export interface SheetSpec {
  key: OwnedSheetKey;
  /** Rows from A1 downwards; `null` is an empty cell. */
  rows: (OutCell | null)[][];
  /** Column widths in Excel character units. */
  columnWidths: number[];
  /** Merged areas, A1. */
  merges?: string[];
  /**
   * Header cells with a line break the layout wrote in where no space was (at a soft hyphen, shown
   * as `-`: `Begärda budget-⏎justeringar`; after a hyphen or slash: `begärda/⏎förväntade`), by A1
   * address, with their text without the layout's breaks (`Begärda budgetjusteringar`): what a copy
   * that wraps by itself (a Word table) shows, where joining the lines with spaces would not.
   */
  unbrokenHeaders?: { cell: string; text: string }[];
  charts?: ChartSpec[];
  /**
   * Rows frozen at the top (1-based); on a sheet with one table it is the header row, which also
   * repeats on every printed page. Sheets with several tables repeat each header themselves.
   */
  freezeRows?: number;
  /** Height of each row in points (index = row − 1), as planned for printing. */
  rowHeights?: number[];
  /** Rows (1-based) that start a new printed page: manual page breaks before them. */
  pageBreaks?: number[];
  tables?: TableSpan[];
}

/** A mark on a user's cell: applied as Målkoll-owned conditional formatting / note, removable. */
export interface Flag {
  sheet: string;
  cell: string;
  severity: "error" | "warning" | "info";
  message: string;
}

export interface GeneratedOutput {
  sheets: SheetSpec[];
  flags: Flag[];
}
