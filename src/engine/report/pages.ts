/**
 * Page breaks for a generated sheet whose row heights are known: rows are grouped into units a
 * break may not split, and each page is filled; a table that fits a page starts on a new one when
 * it does not fit the rest of this one, and a longer table gets a copy of its header row after each
 * break (inserted rows, so references to the rows below are shifted).
 */
import { printableArea } from "./look";
import type { RowInfo, TableRows } from "./rows";

/** Points a page holds below the top margin; a little is kept back for rounding in the hosts. */
export const PAGE_RESERVE_POINTS = 6;

export interface PagePlan {
  /** Header copies to insert: before original row `before` (0-based), of table `table`. */
  inserts: { before: number; table: number }[];
  /** Page starts: original row (0-based); `copy` when the page starts with an inserted header copy. */
  breaks: { row: number; copy: boolean }[];
}

interface Unit {
  first: number;
  last: number;
  height: number;
  table: number | null;
  /** The unit holds its table's header row. */
  starts: boolean;
}

/**
 * Rows grouped into units that a page break may not split: a heading with its table's header row
 * and first data row, a data row with its Analys row, a chart with its data where both fit a page.
 */
function unitsOf(info: RowInfo[], heights: number[], keep: [number, number][], capacity: number): Unit[] {
  const kept = new Map<number, number>();
  for (const [from, to] of keep) {
    let height = 0;
    for (let r = from; r <= to; r++) height += heights[r];
    if (height <= capacity) for (let r = from; r <= to; r++) kept.set(r, from);
  }
  const out: Unit[] = [];
  info.forEach((row, r) => {
    const prev = out[out.length - 1];
    const before = r > 0 ? info[r - 1].role : null;
    const join =
      prev !== undefined &&
      ((kept.has(r) && kept.get(r) !== r && kept.get(r)! <= prev.last) ||
        row.role === "note" ||
        row.role === "attached" ||
        (row.role === "spacer" && before === "note") ||
        (row.role === "heading" && before === "heading") ||
        (row.role === "header" && (before === "heading" || before === "header")) ||
        (row.role === "body" && before === "header") ||
        (row.role === "chart" && before === "chart"));
    if (join) {
      prev.last = r;
      prev.height += heights[r];
      if (row.role === "header") prev.starts = true;
      if (prev.table === null) prev.table = row.table;
    } else {
      out.push({ first: r, last: r, height: heights[r], table: row.table, starts: row.role === "header" });
    }
  });
  return out;
}

export function planPages(
  info: RowInfo[],
  heights: number[],
  tables: TableRows[],
  keep: [number, number][],
  printTitles: boolean,
): PagePlan {
  const capacity = printableArea().height - PAGE_RESERVE_POINTS;
  const plan: PagePlan = { inserts: [], breaks: [] };
  const units = unitsOf(info, heights, keep, capacity);
  const tableHeight = new Map<number, number>();
  for (const u of units)
    if (u.table !== null) tableHeight.set(u.table, (tableHeight.get(u.table) ?? 0) + u.height);
  // On a one-table sheet the header row repeats as the print title at the top of each later page.
  const title = printTitles && tables.length ? heights[tables[0].header] : 0;
  let used = 0;
  const newPage = (row: number, copy: boolean): void => {
    plan.breaks.push({ row, copy });
    used = title;
  };
  for (const u of units) {
    const room = capacity - used;
    if (u.starts && u.table !== null) {
      const whole = tableHeight.get(u.table)!;
      if (used > 0 && ((whole > room && whole <= capacity - title) || u.height > room))
        newPage(u.first, false);
    } else if (u.height > room && used > 0) {
      const continues = u.table !== null && !printTitles && info[u.first].role !== "heading";
      newPage(u.first, continues);
      if (continues) {
        plan.inserts.push({ before: u.first, table: u.table! });
        used += heights[tables[u.table!].header];
      }
    }
    used += u.height;
  }
  return plan;
}

/** Maps an original 1-based row to its row after the inserts. */
export function makeShift(inserts: { before: number }[]): (row: number) => number {
  const before = inserts.map((i) => i.before);
  return (row) => {
    // Inserts at or before the row's original index (ascending): a binary search.
    let lo = 0;
    let hi = before.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before[mid] <= row - 1) lo = mid + 1;
      else hi = mid;
    }
    return row + lo;
  };
}

/** Shifts the rows of the same-sheet references in a formula Målkoll wrote (`B5+C5-E5`). */
export function shiftFormula(formula: string, shift: (row: number) => number): string {
  return formula.replace(
    /('(?:[^']|'')+'!|[A-Za-z0-9_.]+!)?(\$?[A-Z]{1,3}\$?)(\d+)/g,
    (whole, sheet: string | undefined, col: string, row: string) =>
      sheet ? whole : `${col}${shift(Number(row))}`,
  );
}

/** Shifts the rows of an A1 cell or range on the sheet (`A5:A21`). */
export function shiftRange(range: string, shift: (row: number) => number): string {
  return range.replace(
    /(\$?[A-Z]{1,3}\$?)(\d+)/g,
    (_, col: string, row: string) => `${col}${shift(Number(row))}`,
  );
}
