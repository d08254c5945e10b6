/**
 * Recognised table rows that read their cells from the sheet's row arrays when asked: by index
 * ({@link cellValue}, {@link cellFormat}, {@link cellAddress}) without an object per cell, or as
 * `cells` (made once, on first use). A 10 000-row table would otherwise keep an object and an
 * address per cell alive from recognition to the end of the check.
 */
import type { CellValue, SheetGrid, SourceCell } from "../grid";
import { columnLetters, textOf } from "../grid";
import type { RecognisedRow, RecognisedTable } from "./types";

/** What the rows of one table share: their sheet, their columns and the columns' letters. */
export class TableSpan {
  readonly letters: string[] = [];
  /** Index in the sheet's row arrays of the table's first column. */
  readonly offset: number;
  /** Cells per row. */
  readonly width: number;

  constructor(
    readonly sheet: SheetGrid,
    readonly firstCol: number,
    readonly lastCol: number,
  ) {
    for (let c = firstCol; c <= lastCol; c++) this.letters.push(columnLetters(c));
    this.offset = firstCol - sheet.originCol;
    this.width = this.letters.length;
  }
}

const NO_VALUES: never[] = [];
/** Most rows continue no other: one empty list for all of them (frozen, so a push fails loudly). */
const NOT_CONTINUED = Object.freeze([]) as unknown as number[];

export class TableRow implements RecognisedRow {
  analysis: { text: string; cell: string } | null = null;
  /** Shared and frozen until a continuation row is merged in (then replaced, see scanRows). */
  continuedFrom: number[] = NOT_CONTINUED;
  /** The cells as objects, once someone asked for them (or changed one: a continuation row). */
  private made: SourceCell[] | null = null;

  // No more fields than these: a row lives as long as the check's result, and there are thousands.
  constructor(
    readonly row: number,
    private readonly span: TableSpan,
  ) {}

  get cells(): SourceCell[] {
    if (!this.made) {
      const made: SourceCell[] = [];
      for (let k = 0; k < this.span.width; k++)
        made.push({ value: this.valueAt(k), format: this.formatAt(k), address: this.addressAt(k) });
      this.made = made;
    }
    return this.made;
  }

  set cells(cells: SourceCell[]) {
    this.made = cells;
  }

  /** As JSON, the plain row it stands for. */
  toJSON(): RecognisedRow {
    return { row: this.row, cells: this.cells, analysis: this.analysis, continuedFrom: this.continuedFrom };
  }

  /** Number of cells: the table's columns. */
  get width(): number {
    return this.made ? this.made.length : this.span.width;
  }

  /** The value of the k-th cell (0 = the table's first column). */
  valueAt(k: number): CellValue {
    if (this.made) return this.made[k]?.value ?? null;
    if (k < 0 || k >= this.span.width) return null;
    const { sheet } = this.span;
    const value = (sheet.values[this.row - sheet.originRow] ?? NO_VALUES)[k + this.span.offset];
    return value === undefined ? null : value;
  }

  formatAt(k: number): string | null {
    if (this.made) return this.made[k]?.format ?? null;
    if (k < 0 || k >= this.span.width) return null;
    const { sheet } = this.span;
    return sheet.formats?.[this.row - sheet.originRow]?.[k + this.span.offset] ?? null;
  }

  addressAt(k: number): string {
    if (this.made) return this.made[k]?.address ?? "";
    if (k < 0 || k >= this.span.width) return "";
    return `${this.span.letters[k]}${this.row}`;
  }
}

/** Whether the row has a k-th cell. */
export function hasCell(row: RecognisedRow, k: number): boolean {
  return row instanceof TableRow ? k >= 0 && k < row.width : row.cells[k] !== undefined;
}

/** The k-th cell's value, null when empty or absent. */
export function cellValue(row: RecognisedRow, k: number): CellValue {
  return row instanceof TableRow ? row.valueAt(k) : (row.cells[k]?.value ?? null);
}

/** The k-th cell's number format, null for General or absent. */
export function cellFormat(row: RecognisedRow, k: number): string | null {
  return row instanceof TableRow ? row.formatAt(k) : (row.cells[k]?.format ?? null);
}

/** The k-th cell's A1 address ("" when absent). */
export function cellAddress(row: RecognisedRow, k: number): string {
  return row instanceof TableRow ? row.addressAt(k) : (row.cells[k]?.address ?? "");
}

/**
 * Whether `test` holds for more than half of the filled cells (empty or spaces alone are not) of the
 * table's column at `at`: a header whose meaning its cells decide (`Målnivå`, `Mål 2021`, `Klart`,
 * `Status`).
 */
export function mostOfColumn(
  table: RecognisedTable,
  at: number,
  test: (value: CellValue) => boolean,
): boolean {
  let filled = 0;
  let held = 0;
  for (const row of table.rows) {
    if (!hasCell(row, at)) continue;
    const value = cellValue(row, at);
    if (textOf(value) === "") continue;
    filled++;
    if (test(value)) held++;
  }
  return held * 2 > filled;
}
