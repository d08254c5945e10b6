import type { CellValue, SheetGrid } from "../grid";
import { hasText, textOf } from "../grid";

/** Marks a row with a missing cell (see the constructor) in `lasts`. */
const HOLEY = -2;

/**
 * What recognition asks of every row of a sheet, found in one pass over its cells: how many hold
 * text, which is first, and whether the row could be a header (text only). The goal-heading scan,
 * the table scan and the repeated-header test each look at every row; a 10 000-row grid is mostly
 * out of cache, so its cells are read once here instead of once by each of them.
 */
export class SheetRows {
  /** Per row index: cells with text (as hasText tells). */
  private readonly counts: Int32Array;
  /** Per row index: index in the row of its first cell with text, -1 for none. */
  private readonly firsts: Int32Array;
  /** Per row index: index in the row of its last cell with text, -1 for none, {@link HOLEY}. */
  private readonly lasts: Int32Array;
  /**
   * Per row index: index of its first text when every filled cell holds a string and at least two
   * hold text (what a header row needs), else -1.
   */
  private readonly openings: Int32Array;
  /** Per row index: 1 where the user hid the row; null when no row is hidden. */
  private readonly hiddenRows: Uint8Array | null = null;

  constructor(readonly sheet: SheetGrid) {
    const rows = sheet.values.length;
    if (sheet.hiddenRows?.length) {
      this.hiddenRows = new Uint8Array(rows);
      for (const row of sheet.hiddenRows) {
        const i = row - sheet.originRow;
        if (i >= 0 && i < rows) this.hiddenRows[i] = 1;
      }
    }
    this.counts = new Int32Array(rows);
    this.firsts = new Int32Array(rows).fill(-1);
    this.lasts = new Int32Array(rows).fill(-1);
    this.openings = new Int32Array(rows).fill(-1);
    for (let i = 0; i < rows; i++) {
      const row = sheet.values[i];
      if (!row) continue;
      let count = 0;
      let first = -1;
      let last = -1;
      let texts = 0;
      let opening = -1;
      let onlyStrings = true;
      for (let k = 0; k < row.length; k++) {
        const v = row[k];
        if (!hasText(v)) continue;
        count++;
        if (first < 0) first = k;
        if (last !== HOLEY) last = k;
        // A missing cell (a hole) counts above, as hasText has it, but is no cell to a header, and
        // cellAt reads it as empty: the row's count is no count of cellAt's texts.
        if (v === undefined) {
          last = HOLEY;
          continue;
        }
        if (typeof v !== "string") onlyStrings = false;
        else if (texts++ === 0) opening = k;
      }
      this.counts[i] = count;
      this.firsts[i] = first;
      this.lasts[i] = last;
      if (onlyStrings && texts >= 2) this.openings[i] = opening;
    }
  }

  /** Whether the user hid the row at index `i` (0-based in the grid). */
  hidden(i: number): boolean {
    return this.hiddenRows !== null && this.hiddenRows[i] === 1;
  }

  /** Cells with text in the row at index `i` (0-based in the grid); 0 outside it. */
  count(i: number): number {
    return i >= 0 && i < this.counts.length ? this.counts[i] : 0;
  }

  /** The 1-based sheet column of the row's first cell with text (the row at index `i` has one). */
  firstCol(i: number): number {
    return this.sheet.originCol + this.firsts[i];
  }

  /**
   * Whether every cell with text of the row at index `i` lies in sheet columns `fromCol` to `toCol`
   * (so its {@link count} is theirs).
   */
  within(i: number, fromCol: number, toCol: number): boolean {
    if (this.count(i) === 0) return true;
    const origin = this.sheet.originCol;
    const last = this.lasts[i];
    return last !== HOLEY && origin + this.firsts[i] >= fromCol && origin + last <= toCol;
  }

  /**
   * Whether the row's last cell with text (a number too, as {@link count} has it) passes `test`;
   * true also where a missing cell leaves that cell unknown (a scan of the row tells).
   */
  mayEndWith(i: number, test: (v: CellValue) => boolean): boolean {
    const at = i >= 0 && i < this.lasts.length ? this.lasts[i] : -1;
    if (at === HOLEY) return true;
    return at >= 0 && test(this.sheet.values[i][at] as CellValue);
  }

  /** The text of the row's first cell with text, trimmed; "" when it has none. */
  firstText(i: number): string {
    const at = i >= 0 && i < this.firsts.length ? this.firsts[i] : -1;
    return at < 0 ? "" : textOf(this.sheet.values[i][at]);
  }

  /**
   * The untrimmed first text of a row that holds only strings, two or more with text (a header's
   * shape), else null.
   */
  opening(i: number): string | null {
    const at = i >= 0 && i < this.openings.length ? this.openings[i] : -1;
    return at < 0 ? null : (this.sheet.values[i][at] as string);
  }
}
