import type { CellValue, ListObjectInfo, SheetGrid, SheetVisibility } from "../../engine/grid";
import { a1 } from "../../engine/grid";

/** One non-empty cell as a reader met it (1-based row and column). */
export interface CellEntry {
  row: number;
  col: number;
  value: CellValue;
  format: string | null;
  formula: string | null;
  /** A formula whose stored value Excel did not compute (see `SheetGrid.uncalculated`). */
  uncalculated: boolean;
}

/** Columns `min` to `max` (1-based) of a `<col>` element. */
export interface ColumnSpan {
  min: number;
  max: number;
}

/** Excel's last column (XFD). */
const MAX_COLUMN = 16_384;

/** A `<col>`'s span from its `min` and `max` attributes; null when they name no column. */
export function columnSpan(min: string | undefined, max: string | undefined): ColumnSpan | null {
  const first = min === undefined ? NaN : parseInt(min, 10);
  const last = max === undefined ? first : parseInt(max, 10);
  if (!(first >= 1) || !(last >= first)) return null;
  return { min: first, max: Math.min(last, MAX_COLUMN) };
}

export function visibilityOf(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/**
 * A sheet's grid from its non-empty cells: the used range only, formats, formulas and uncalculated
 * formulas where any.
 */
export function gridFromEntries(
  name: string,
  visibility: SheetVisibility,
  entries: CellEntry[],
  extras: {
    listObjects: ListObjectInfo[];
    merges: string[];
    protected?: boolean;
    hiddenRows?: number[];
    hiddenColumns?: ColumnSpan[];
  },
): SheetGrid {
  const grid: SheetGrid = { name, visibility, originRow: 1, originCol: 1, values: [] };
  if (entries.length) {
    let minRow = Infinity;
    let minCol = Infinity;
    let maxRow = 0;
    let maxCol = 0;
    for (const e of entries) {
      if (e.row < minRow) minRow = e.row;
      if (e.col < minCol) minCol = e.col;
      if (e.row > maxRow) maxRow = e.row;
      if (e.col > maxCol) maxCol = e.col;
    }
    const height = maxRow - minRow + 1;
    const width = maxCol - minCol + 1;
    const values: CellValue[][] = Array.from({ length: height }, () =>
      new Array<CellValue>(width).fill(null),
    );
    let formats: (string | null)[][] | undefined;
    let formulas: (string | null)[][] | undefined;
    let uncalculated: string[] | undefined;
    for (const e of entries) {
      const r = e.row - minRow;
      const c = e.col - minCol;
      values[r][c] = e.value;
      if (e.format) {
        formats ??= Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
        formats[r][c] = e.format;
      }
      if (e.formula) {
        formulas ??= Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
        formulas[r][c] = e.formula.replace(/^=/, "");
      }
      if (e.uncalculated) (uncalculated ??= []).push(a1(e.row, e.col));
    }
    grid.originRow = minRow;
    grid.originCol = minCol;
    grid.values = values;
    if (formats) grid.formats = formats;
    if (formulas) grid.formulas = formulas;
    if (uncalculated) grid.uncalculated = uncalculated;
    const hidden = rowsWithin(extras.hiddenRows, minRow, maxRow);
    if (hidden.length) grid.hiddenRows = hidden;
    const hiddenColumns = columnsWithin(extras.hiddenColumns, minCol, maxCol);
    if (hiddenColumns.length) grid.hiddenColumns = hiddenColumns;
  }
  if (extras.listObjects.length) grid.listObjects = extras.listObjects;
  if (extras.merges.length) grid.merges = [...extras.merges];
  if (extras.protected) grid.protected = true;
  return grid;
}

/** The columns from `first` to `last` in any of `spans`, ascending and each once. */
function columnsWithin(spans: ColumnSpan[] | undefined, first: number, last: number): number[] {
  if (!spans?.length) return [];
  const hidden = new Set<number>();
  for (const span of spans)
    for (let c = Math.max(first, span.min); c <= Math.min(last, span.max); c++) hidden.add(c);
  return [...hidden].sort((a, b) => a - b);
}

/** The rows from `first` to `last` among `rows`, ascending and each once. */
function rowsWithin(rows: number[] | undefined, first: number, last: number): number[] {
  if (!rows?.length) return [];
  const within = rows.filter((r) => r >= first && r <= last).sort((a, b) => a - b);
  return within.filter((r, i) => i === 0 || r !== within[i - 1]);
}
