/**
 * Hidden rows and columns from a sheet's visible cells. Office.js has no list of hidden rows; the cheapest answer
 * is `getSpecialCellsOrNullObject("Visible")` on the whole sheet (ExcelApi 1.9), asked with the
 * sheet's used range in the same request: its `address` names the blocks of cells in rows and
 * columns not hidden (`Blad1!1:14, Blad1!16:1048576`; with a hidden column `Blad1!A1:B14,
 * Blad1!D1:XFD14, …`), a few areas however long the sheet, so rows hidden by hand, in a collapsed
 * group or by a filter, and hidden columns, are known without a request of their own.
 */
import { parseA1Range } from "../../engine/grid";

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * One area of a RangeAreas address, after an optional sheet name (quoted `'Mål, T2'!` or plain),
 * at the start or after a comma.
 */
const AREA = /(?:^|,)\s*(?:(?:'(?:[^']|'')*'|[^',!]+)!)?([$A-Za-z0-9:]+)/g;

/** The columns an area covers: `A:C`, `3:14` (all columns), `B3:D14`, `C7`; null when unreadable. */
function areaColumns(area: string): { first: number; last: number } | null {
  const text = area.replace(/\$/g, "");
  if (/^\d+:\d+$/.test(text)) return { first: 1, last: MAX_COLUMNS };
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  const range = parseA1Range(columns ? `${columns[1]}1:${columns[2]}1` : text);
  return range ? { first: range.col1, last: range.col2 } : null;
}

/** The rows an area covers: `3:14`, `A:C` (all rows), `B3:D14`, `C7`; null when unreadable. */
function areaRows(area: string): { first: number; last: number } | null {
  const text = area.replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) {
    const [a, b] = [Number(rows[1]), Number(rows[2])];
    return { first: Math.min(a, b), last: Math.max(a, b) };
  }
  if (/^[A-Za-z]{1,3}:[A-Za-z]{1,3}$/.test(text)) return { first: 1, last: MAX_ROWS };
  const range = parseA1Range(text);
  return range ? { first: range.row1, last: range.row2 } : null;
}

/**
 * The rows from `first` to `last` that no visible area covers, ascending. `visible` is the address
 * of the sheet's visible cells, or null when Excel found none (every row or every column hidden)
 * or could not say: then no row is taken for hidden, and the sheet is read as before.
 */
export function hiddenRowsOf(visible: string | null, first: number, last: number): number[] {
  return uncovered(visible, first, last, areaRows);
}

/** As {@link hiddenRowsOf}, the columns from `first` to `last` (1-based) that no visible area covers. */
export function hiddenColumnsOf(visible: string | null, first: number, last: number): number[] {
  return uncovered(visible, first, last, areaColumns);
}

/** The lines (rows or columns, as `span` reads an area) from `first` to `last` no area covers. */
function uncovered(
  visible: string | null,
  first: number,
  last: number,
  span: (area: string) => { first: number; last: number } | null,
): number[] {
  if (visible === null || last < first) return [];
  const covered: { first: number; last: number }[] = [];
  let areas = 0;
  for (const match of visible.matchAll(AREA)) {
    const lines = span(match[1]);
    // An address this cannot read says nothing reliable: nothing is taken for hidden.
    if (!lines) return [];
    areas++;
    if (lines.last >= first && lines.first <= last) covered.push(lines);
  }
  if (areas === 0) return [];
  covered.sort((a, b) => a.first - b.first);
  const hidden: number[] = [];
  let next = first;
  for (const lines of covered) {
    for (let r = next; r < lines.first && r <= last; r++) hidden.push(r);
    next = Math.max(next, lines.last + 1);
  }
  for (let r = next; r <= last; r++) hidden.push(r);
  return hidden;
}
