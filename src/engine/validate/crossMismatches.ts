/**
 * A cross table's totals that are not their sums, as findings. A total row's cell and the total
 * column's cell of one row are checked apart, and one wrong cell often makes two of them wrong: a
 * finding says which other cell to correct first, as the Netto rule does (validate/budget.ts), or,
 * where a row's and a column's mismatch cross at one cell by the same amount, what that cell would
 * have to hold for both to add up (002's Fsk 723 for 623 in J1973: L1973 and J1976 are both off by 100).
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import { a1, a1Range } from "../grid";
import { renderNumber, renderNumberEn } from "../parse/target";
import { roundTo } from "../evaluate/amounts";

interface Amount {
  value: number;
  decimals: number;
}

/**
 * A total that is not its sum: a total row's cell (`along` the column, the sum of its ordinary rows
 * from `fromRow` to `toRow`) or the total column's (`along` the row, the sum of its `cols`).
 */
export interface CrossMismatch {
  along: "column" | "row";
  row: number;
  col: number;
  label: string;
  columnName: string;
  total: Amount;
  sum: number;
  /** The most decimals among the figures compared. */
  decimals: number;
  /** How many figures were compared: the parts and the total. */
  terms: number;
  fromRow: number;
  toRow: number;
  /**
   * The table's ordinary rows: a column's total adds those from `fromRow` to `toRow`, not a total
   * row between them (a sub-total) nor a `varav` row.
   */
  rows: ReadonlySet<number>;
  /** The columns a row's total adds (none for a column's). */
  cols: number[];
}

interface Note {
  sv: string;
  en: string;
}

const NO_NOTE: Note = { sv: "", en: "" };

/** The findings of one cross table's mismatches, in their order, each with what the others show. */
export function crossFindings(
  sheet: string,
  mismatches: CrossMismatch[],
  amountAt: (row: number, col: number) => Amount | null,
): Finding[] {
  const rows = mismatches.filter((m) => m.along === "row");
  const columns = mismatches.filter((m) => m.along === "column");
  const crossed = crossings(rows, columns, amountAt);
  return mismatches.map((m) => {
    const others = m.along === "row" ? columns : rows;
    const note = correctFirst(m, others) ?? crossed.get(m);
    return mismatchFinding(sheet, m, note ?? NO_NOTE);
  });
}

function difference(m: CrossMismatch): number {
  return m.total.value - m.sum;
}

/** Half a unit of the last shown decimal for each of `terms` figures: the rounding a sum may carry. */
export function halfUnits(decimals: number, terms: number): number {
  return 0.5 * 10 ** -decimals * terms + 1e-9;
}

/** Whether a column's total (`m`) adds the row's cell in its column. */
function addsRow(m: CrossMismatch, row: number): boolean {
  return row >= m.fromRow && row <= m.toRow && m.rows.has(row);
}

/** Whether the total cell of `other` is one of the figures `m` adds. */
function addsTotalOf(m: CrossMismatch, other: CrossMismatch): boolean {
  return m.along === "column"
    ? other.col === m.col && addsRow(m, other.row)
    : other.row === m.row && m.cols.includes(other.col);
}

/**
 * When `m` adds totals that are wrong themselves (a row's total in the total column; a total row's
 * cell in the total row): correct those first, and the sum they then give.
 */
function correctFirst(m: CrossMismatch, others: CrossMismatch[]): Note | null {
  const wrong = others.filter((o) => addsTotalOf(m, o));
  if (!wrong.length) return null;
  const corrected = wrong.reduce((total, o) => total - difference(o), m.sum);
  const terms = wrong.reduce((n, o) => n + o.terms, m.terms);
  const agrees = Math.abs(m.total.value - corrected) <= halfUnits(m.decimals, terms);
  const cells = wrong.map((o) => a1(o.row, o.col));
  const one = cells.length === 1;
  const sum = {
    sv: renderNumber(corrected, null, m.decimals),
    en: renderNumberEn(corrected, null, m.decimals),
  };
  const against =
    m.along === "column"
      ? { sv: one ? "sin rad" : "sina rader", en: one ? "its row" : "their rows" }
      : { sv: "raderna ovan", en: "the rows above" };
  return {
    sv: ` ${listSv(cells)} stämmer inte med ${against.sv}: rätta ${one ? "den" : "dem"} först; då blir summan ${sum.sv}${agrees ? ", samma som här" : ""}.`,
    en: ` ${listEn(cells)} ${one ? "does" : "do"} not match ${against.en}: correct ${one ? "it" : "them"} first; the sum is then ${sum.en}${agrees ? ", the same as here" : ""}.`,
  };
}

/** Whether a row's mismatch and a column's both add the cell where they cross. */
function cross(row: CrossMismatch, column: CrossMismatch): boolean {
  return row.cols.includes(column.col) && addsRow(column, row.row);
}

/**
 * What the cell where they cross would hold for all of `crossing` (a row's mismatch first, then
 * its column's) to add up within their own rounding: the cell corrected by the row's difference,
 * else by a column's, as the figures show it. Null when none does (two cells are off, or rounding
 * beyond a figure's half unit), and then no cell is named.
 */
function valueThatFits(crossing: CrossMismatch[], now: Amount | null): number | null {
  const decimals = Math.max(...crossing.map((m) => m.decimals));
  const was = now?.value ?? 0;
  for (const candidate of crossing) {
    const should = roundTo(was + difference(candidate), decimals);
    const by = should - was;
    if (crossing.every((m) => Math.abs(difference(m) - by) <= halfUnits(m.decimals, m.terms))) return should;
  }
  return null;
}

/**
 * A row's mismatch and its column's (one or more totals down that column) that one value in the
 * cell where they cross would all set right, when none of them has such a cell elsewhere: the
 * note for each, the same on all of them. Where a mismatch could be set right at two cells, it is
 * not known which is wrong, and none is named.
 */
function crossings(
  rows: CrossMismatch[],
  columns: CrossMismatch[],
  amountAt: (row: number, col: number) => Amount | null,
): Map<CrossMismatch, Note> {
  const cellsOf = new Map<CrossMismatch, Set<string>>();
  const atCell = new Map<string, { row: number; col: number; crossing: CrossMismatch[] }>();
  const pair = (m: CrossMismatch, cell: string) => cellsOf.set(m, (cellsOf.get(m) ?? new Set()).add(cell));
  for (const row of rows) {
    for (const column of columns) {
      if (!cross(row, column)) continue;
      if (valueThatFits([row, column], amountAt(row.row, column.col)) === null) continue;
      const cell = a1(row.row, column.col);
      const found = atCell.get(cell) ?? { row: row.row, col: column.col, crossing: [row] };
      found.crossing.push(column);
      atCell.set(cell, found);
      pair(row, cell);
      pair(column, cell);
    }
  }
  const notes = new Map<CrossMismatch, Note>();
  for (const [cell, { row, col, crossing }] of atCell) {
    if (crossing.some((m) => cellsOf.get(m)!.size !== 1)) continue;
    const now = amountAt(row, col);
    const should = valueThatFits(crossing, now);
    if (should === null) continue;
    const decimals = Math.max(...crossing.map((m) => m.decimals));
    const was = now
      ? { sv: renderNumber(now.value, null, now.decimals), en: renderNumberEn(now.value, null, now.decimals) }
      : { sv: "en tom cell", en: "an empty cell" };
    const note = {
      sv: ` Med ${renderNumber(should, null, decimals)} i ${cell} i stället för ${was.sv} stämmer både raden och kolumnen.`,
      en: ` With ${renderNumberEn(should, null, decimals)} in ${cell} instead of ${was.en}, both the row and the column add up.`,
    };
    for (const m of crossing) notes.set(m, note);
  }
  return notes;
}

function mismatchFinding(sheet: string, m: CrossMismatch, note: Note): Finding {
  const sv = (n: number, d: number) => renderNumber(n, null, d);
  const en = (n: number, d: number) => renderNumberEn(n, null, d);
  const off = Math.abs(difference(m));
  const of =
    m.along === "column" ? { sv: "raderna ovan", en: "the rows above" } : { sv: "raden", en: "the row" };
  const range =
    m.along === "column"
      ? a1Range(m.fromRow, m.col, m.row, m.col)
      : a1Range(m.row, Math.min(m.col, ...m.cols), m.row, Math.max(m.col, ...m.cols));
  return finding({
    code: "budget-total-mismatch",
    sheet,
    cell: a1(m.row, m.col),
    range,
    message: `”${m.label}”, kolumnen ”${m.columnName}”: ${sv(m.total.value, m.total.decimals)} är inte summan av ${of.sv}, ${sv(m.sum, m.decimals)}; skillnaden är ${sv(off, m.decimals)}.${note.sv}`,
    messageEn: `"${m.label}", column "${m.columnName}": ${en(m.total.value, m.total.decimals)} is not the sum of ${of.en}, ${en(m.sum, m.decimals)}; the difference is ${en(off, m.decimals)}.${note.en}`,
  });
}

function listSv(cells: string[]): string {
  return cells.length === 1 ? cells[0] : `${cells.slice(0, -1).join(", ")} och ${cells[cells.length - 1]}`;
}

function listEn(cells: string[]): string {
  return cells.length === 1 ? cells[0] : `${cells.slice(0, -1).join(", ")} and ${cells[cells.length - 1]}`;
}
