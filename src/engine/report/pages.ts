/**
 * Page breaks for a generated sheet whose row heights are known: rows are grouped into units a
 * break may not split, and each page is filled; a table that fits a page starts on a new one when
 * it does not fit the rest of this one (unless only the sheet's title is above it there: a title
 * never stands alone on a page), and a longer table gets a copy of its header row after each
 * break (inserted rows, so references to the rows below are shifted).
 */
import { printableArea } from "./look";
import type { RowInfo, TableRows } from "./rows";

/**
 * The most manual page breaks a sheet gets. Excel holds 1 026 horizontal breaks a sheet (VBA's
 * `HPageBreaks`), and a file with more than 1 024 asks to be repaired (nissl-lab/npoi#456).
 * Past the last, Excel paginates the rest itself: a sheet of 30 000 rows prints its first 1 025
 * pages as planned, the rest without header copies.
 */
export const MAX_PAGE_BREAKS = 1024;

/** Points a page holds below the top margin; a little is kept back for rounding in the hosts. */
const PAGE_RESERVE_POINTS = 6;

/** Points of rows a printed page holds: the printable height, less the reserve. */
export function pageCapacity(): number {
  return printableArea().height - PAGE_RESERVE_POINTS;
}

export interface PagePlan {
  /** Header copies to insert: before original row `before` (0-based), of table `table`. */
  inserts: { before: number; table: number }[];
  /** Page starts: original row (0-based); `copy` when the page starts with an inserted header copy. */
  breaks: { row: number; copy: boolean }[];
}

/**
 * Rows grouped into units that a page break may not split: a heading with its table's header row
 * and first data row, a data row with its Analys row, a chart with its data where both fit a page.
 * Unit `u` holds rows `first[u]` to `last[u]` (a sheet has thousands: arrays, not an object each).
 */
interface Units {
  count: number;
  first: Int32Array;
  last: Int32Array;
  height: Float64Array;
  /** Table of the unit's rows, -1 for none. */
  table: Int32Array;
  /** 1: the unit holds its table's header row. */
  starts: Uint8Array;
}

function unitsOf(info: RowInfo[], heights: number[], keep: [number, number][], capacity: number): Units {
  const n = info.length;
  /** Per row: the first row of the kept block it belongs to, -1 for none. */
  const kept = new Int32Array(n).fill(-1);
  for (const [from, to] of keep) {
    let height = 0;
    for (let r = from; r <= to; r++) height += heights[r];
    if (height <= capacity) for (let r = from; r <= to; r++) kept[r] = from;
  }
  const units: Units = {
    count: 0,
    first: new Int32Array(n),
    last: new Int32Array(n),
    height: new Float64Array(n),
    table: new Int32Array(n),
    starts: new Uint8Array(n),
  };
  for (let r = 0; r < n; r++) {
    const role = info[r].role;
    const table = info[r].table ?? -1;
    const prev = units.count - 1;
    const before = r > 0 ? info[r - 1].role : null;
    const join =
      prev >= 0 &&
      ((kept[r] >= 0 && kept[r] !== r && kept[r] <= units.last[prev]) ||
        role === "note" ||
        role === "attached" ||
        (role === "spacer" && before === "note") ||
        (role === "heading" && before === "heading") ||
        (role === "header" && (before === "heading" || before === "header")) ||
        (role === "body" && before === "header") ||
        (role === "chart" && before === "chart"));
    if (join) {
      units.last[prev] = r;
      units.height[prev] += heights[r];
      if (role === "header") units.starts[prev] = 1;
      if (units.table[prev] < 0) units.table[prev] = table;
    } else {
      const u = units.count++;
      units.first[u] = r;
      units.last[u] = r;
      units.height[u] = heights[r];
      units.table[u] = table;
      units.starts[u] = role === "header" ? 1 : 0;
    }
  }
  return units;
}

/** Rows `from` to `to` hold no more than the sheet's title, its note and blank rows. */
function titleOnly(info: RowInfo[], from: number, to: number): boolean {
  for (let r = from; r <= to; r++) {
    const role = info[r].role;
    if (role !== "title" && role !== "note" && role !== "spacer") return false;
  }
  return true;
}

export function planPages(
  info: RowInfo[],
  heights: number[],
  tables: TableRows[],
  keep: [number, number][],
  printTitles: boolean,
): PagePlan {
  const capacity = pageCapacity();
  const plan: PagePlan = { inserts: [], breaks: [] };
  const units = unitsOf(info, heights, keep, capacity);
  const tableHeight = new Float64Array(tables.length);
  for (let u = 0; u < units.count; u++)
    if (units.table[u] >= 0) tableHeight[units.table[u]] += units.height[u];
  // On a one-table sheet the header row repeats as the print title at the top of each later page.
  const title = printTitles && tables.length ? heights[tables[0].header] : 0;
  let used = 0;
  // Nothing but the sheet's title (and blank rows) on the page so far: a table starts right here.
  let bare = true;
  /** The unit the page starts with. */
  let pageStart = 0;
  const newPage = (u: number, copy: boolean): void => {
    plan.breaks.push({ row: units.first[u], copy });
    used = title;
    bare = true;
    pageStart = u;
  };
  for (let u = 0; u < units.count && plan.breaks.length < MAX_PAGE_BREAKS; u++) {
    const room = capacity - used;
    const first = units.first[u];
    const height = units.height[u];
    const table = units.table[u];
    if (units.starts[u] && table >= 0) {
      const whole = tableHeight[table];
      if (used > 0 && ((!bare && whole > room && whole <= capacity - title) || height > room))
        newPage(u, false);
    } else if (height > room && used > 0) {
      const inTable = table >= 0 && info[first].role !== "heading";
      // A chart's data block goes on without its header: a copy would sit inside the chart's range.
      const continues = inTable && !printTitles && !tables[table].chartData;
      const header = continues ? heights[tables[table].header] : 0;
      // A table's last row does not go alone under its repeated header: the row above goes with it.
      const before = u - 1;
      const widow =
        inTable &&
        (u + 1 === units.count || units.table[u + 1] !== table) &&
        before > pageStart &&
        units.table[before] === table &&
        !units.starts[before] &&
        title + header + units.height[before] + height <= capacity;
      const at = widow ? before : u;
      newPage(at, continues);
      if (continues) {
        plan.inserts.push({ before: units.first[at], table });
        used += header;
      }
      if (widow) used += units.height[before];
    }
    used += height;
    if (bare) bare = titleOnly(info, first, units.last[u]);
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
  if (isPlainSum(formula)) return shiftPlainSum(formula, shift);
  return formula.replace(
    /('(?:[^']|'')+'!|[A-Za-z0-9_.]+!)?(\$?[A-Z]{1,3}\$?)(\d+)/g,
    (whole, sheet: string | undefined, col: string, row: string) =>
      sheet ? whole : `${col}${shift(Number(row))}`,
  );
}

const isUpper = (code: number): boolean => code >= 65 && code <= 90;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Only capitals, digits, `+` and `-` (`F12`, `B5+C5-E5`): no sheet names, `$` or functions. */
function isPlainSum(formula: string): boolean {
  for (let i = 0; i < formula.length; i++) {
    const code = formula.charCodeAt(i);
    if (!isUpper(code) && !isDigit(code) && code !== 43 && code !== 45) return false;
  }
  return true;
}

/**
 * {@link shiftFormula} of a plain sum without its regular expression (a report shifts thousands):
 * capitals followed by digits are a reference (its last three capitals the column), as the
 * expression matches them.
 */
function shiftPlainSum(formula: string, shift: (row: number) => number): string {
  let out = "";
  let copied = 0;
  let i = 0;
  while (i < formula.length) {
    if (!isUpper(formula.charCodeAt(i))) {
      i++;
      continue;
    }
    let rowFrom = i;
    while (rowFrom < formula.length && isUpper(formula.charCodeAt(rowFrom))) rowFrom++;
    let end = rowFrom;
    while (end < formula.length && isDigit(formula.charCodeAt(end))) end++;
    if (end > rowFrom) {
      out += `${formula.slice(copied, rowFrom)}${shift(Number(formula.slice(rowFrom, end)))}`;
      copied = end;
    }
    i = end;
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}

/** Shifts the rows of an A1 cell or range on the sheet (`A5:A21`). */
export function shiftRange(range: string, shift: (row: number) => number): string {
  return range.replace(
    /(\$?[A-Z]{1,3}\$?)(\d+)/g,
    (_, col: string, row: string) => `${col}${shift(Number(row))}`,
  );
}
