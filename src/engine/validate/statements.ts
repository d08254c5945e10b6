import type { SheetGrid } from "../grid";
import { a1, a1Range, cellAt, formatAt, lastCol, lastRow, textOf } from "../grid";
import type { Finding } from "../findings";
import { finding } from "../findings";
import { renderNumber, renderNumberEn } from "../parse/target";
import { parseQuantityCell } from "../parse/quantity";
import { cleanText, isPartLabel } from "../parse/text";
import { isTotalText, NOT_ADDITIVE } from "../recognise/crossTable";
import type { CrossTable } from "../recognise/types";
import type { CrossMismatch } from "./crossMismatches";
import { crossFindings, halfUnits } from "./crossMismatches";

/**
 * Totals in financial statements that are not budget tables, such as the balance sheet
 * (`Tillgångar (mnkr) | 2021-08-31 | 2020-08-31`, then rows and `Summa …` rows). A heading with an
 * amount unit starts a statement; each Summa row must equal the sum of the ordinary rows since the
 * previous Summa row (or the last few of them), or of all ordinary rows since the heading
 * (`Summa tillgångar` = omsättningstillgångar + anläggningstillgångar). `varav` rows are parts of
 * the row above and not added; columns of shares or averages are not sums. Sub-heading rows
 * without figures keep the statement going, and so does its heading repeated after a page break.
 * Rows of recognised tables are left to their own checks.
 *
 * A cross table (recognise/crossTable.ts: 002's pandemic costs, areas across, a total column and a
 * `Summa kostnader` row) is such a statement whose heading recognition found: its total rows are
 * checked down each column as above, from its header to its last total row, and each of its rows
 * across, the total column against the sum of the columns before it (a blank cell is zero). A way
 * in which no sum of two figures or more holds is no sum (see Tally), and nothing in it is flagged.
 */

const STATEMENT_HEADING = /\((mnkr|mkr|tkr|kr|miljoner kronor|tusen kronor)\)\s*:?$/i;
/** A heading is a line, not a page of text (the test above scans a long text from every position). */
const MAX_HEADING_LENGTH = 300;

/** Rows to leave alone (those of recognised tables): a `Set<number>` is one. */
export interface RowSet {
  has(row: number): boolean;
}

interface Figure {
  value: number;
  decimals: number;
  /** The sheet row it stands on. */
  row: number;
}

interface Column {
  col: number;
  name: string;
}

/**
 * The ordinary rows since a statement's heading in one column, kept as they are added: a Summa row
 * compares with their sum, and a statement of many Summa rows would add them all up again at each.
 */
interface RunningSum {
  value: number;
  /** The most decimals among them. */
  decimals: number;
  count: number;
  /** How many of them are not zero. */
  nonZero: number;
  /** The first of them. */
  firstRow: number;
}

/**
 * A cross table's checks one way (across its rows, or down its columns): how many hold as sums of at
 * least two figures not zero, and the mismatches of those that do not. A way whose every check
 * fails has no sum in it (a `Totalt` column of another period, of a rate, of averages; a `Summa`
 * row of shares), and its mismatches are dropped.
 */
interface Tally {
  held: number;
  mismatches: CrossMismatch[];
}

interface Section {
  /** The heading's text and column names, to know it again after a page break. */
  heading: string;
  columns: Column[];
  /** The sum of the ordinary rows since the heading, per column. */
  all: Map<number, RunningSum>;
  /** Ordinary rows since the heading or the last Summa row, per column. */
  segment: Map<number, Figure[]>;
  /** The cross table the statement is: its rows are also summed across, and it ends at its last row. */
  cross?: CrossTable;
  /**
   * A cross table's first ordinary row since its last total row: a column's total adds a blank cell
   * there as zero, so its rows start there rather than at its first figure.
   */
  segmentFirstRow?: number;
  /**
   * A cross table's ordinary rows, in order: those its columns add (not a total row, a `varav` row,
   * a rate). The first is where a column's total over all of them starts, as above.
   */
  ordinary?: Set<number>;
  /** A cross table's checks across its rows and down its columns. */
  across?: Tally;
  down?: Tally;
}

function figureAt(sheet: SheetGrid, row: number, col: number): Figure | null {
  const parsed = parseQuantityCell(cellAt(sheet, row, col), formatAt(sheet, row, col));
  if (parsed.kind !== "quantity") return null;
  const { value, unit, decimals } = parsed.quantity;
  return unit === null || /^(mnkr|tkr|kr)$/.test(unit) ? { value, decimals, row } : null;
}

/** The row's label: its first non-empty cell, when that is text. */
function labelOf(
  sheet: SheetGrid,
  row: number,
  lastColumn: number,
): { col: number; text: string; raw: string } | null {
  for (let col = sheet.originCol; col <= lastColumn; col++) {
    const value = cellAt(sheet, row, col);
    if (value === null || value === "") continue;
    return typeof value === "string" ? { col, text: cleanText(value), raw: value } : null;
  }
  return null;
}

function sum(figures: Figure[]): number {
  return figures.reduce((total, f) => total + f.value, 0);
}

/** A loop rather than Math.max(...): a statement may have more rows than the call stack takes. */
function maxDecimals(figures: Figure[]): number {
  let most = 0;
  for (const f of figures) if (f.decimals > most) most = f.decimals;
  return most;
}

/** Half a unit of the last shown decimal for every figure that went into the comparison. */
function tolerance(figures: Figure[]): number {
  return halfUnits(maxDecimals(figures), figures.length);
}

/** Whether `total` is the running sum within rounding (the total among the figures). */
function matchesAll(total: Figure, all: RunningSum | undefined): boolean {
  if (!all || all.count === 0) return false;
  const decimals = Math.max(all.decimals, total.decimals);
  return Math.abs(all.value - total.value) <= halfUnits(decimals, all.count + 1);
}

/** Adds an ordinary row's figure to its column's running sum. */
function addTo(all: Map<number, RunningSum>, col: number, figure: Figure): void {
  const running = all.get(col);
  if (!running)
    all.set(col, {
      value: figure.value,
      decimals: figure.decimals,
      count: 1,
      nonZero: figure.value === 0 ? 0 : 1,
      firstRow: figure.row,
    });
  else {
    running.value += figure.value;
    running.count++;
    if (figure.value !== 0) running.nonZero++;
    if (figure.decimals > running.decimals) running.decimals = figure.decimals;
  }
}

/**
 * Whether a sum matches `total`: the segment, any run of its last rows, or everything. The runs
 * are summed from the end in one pass, so a long statement stays linear.
 */
function matches(total: Figure, segment: Figure[], all: RunningSum | undefined): boolean {
  let running = 0;
  let decimals = total.decimals;
  for (let k = segment.length - 1; k >= 0; k--) {
    running += segment[k].value;
    if (segment[k].decimals > decimals) decimals = segment[k].decimals;
    const terms = segment.length - k + 1;
    if (Math.abs(running - total.value) <= halfUnits(decimals, terms)) return true;
  }
  return matchesAll(total, all);
}

/**
 * Whether a total adds up rows as a sum does: the whole segment or all rows, two of them at least
 * not zero (a run of its last rows, or one row among zeros, may equal it by chance: a `Summa` of
 * shares equals the last).
 */
function isSumOfRows(total: Figure, segment: Figure[], all: RunningSum | undefined): boolean {
  if (nonZero(segment) >= 2 && Math.abs(sum(segment) - total.value) <= tolerance([...segment, total]))
    return true;
  return (all?.nonZero ?? 0) >= 2 && matchesAll(total, all);
}

/** How many of the figures are not zero: a sum of one figure among zeros shows nothing. */
function nonZero(figures: Figure[]): number {
  let n = 0;
  for (const f of figures) if (f.value !== 0) n++;
  return n;
}

/**
 * A total row's cell against the rows above it in its column: null when it is their sum; a cross
 * table's mismatch goes to its tally (its findings are made when the table is read through).
 */
function checkTotal(
  sheet: SheetGrid,
  row: number,
  label: string,
  column: Column,
  total: Figure,
  section: Section,
): Finding | null {
  const segment = section.segment.get(column.col) ?? [];
  const all = section.all.get(column.col);
  const allCount = all?.count ?? 0;
  if (section.down && isSumOfRows(total, segment, all)) section.down.held++;
  // One row is no sum to check against, but in a cross table's column it is (a blank cell is zero);
  // a match of any candidate settles it.
  const least = section.cross ? 1 : 2;
  if (Math.max(segment.length, allCount) < least || matches(total, segment, all)) return null;
  // Neither is its sum: it is taken for the closer one. A grand total under sub-totals adds all
  // the rows (`Summa tillgångar`, a table's `Summa totalt`), a sub-total the rows since the last.
  const fromSegment =
    segment.length >= least &&
    (allCount < least || Math.abs(sum(segment) - total.value) <= Math.abs(all!.value - total.value));
  const partsSum = fromSegment ? sum(segment) : all!.value;
  const decimals = Math.max(fromSegment ? maxDecimals(segment) : all!.decimals, total.decimals);
  if (section.down) {
    const fromRow =
      (fromSegment ? section.segmentFirstRow : section.ordinary!.values().next().value) ?? row - 1;
    section.down.mismatches.push({
      along: "column",
      row,
      col: column.col,
      label,
      columnName: column.name,
      total,
      sum: partsSum,
      decimals,
      terms: (fromSegment ? segment.length : all!.count) + 1,
      fromRow,
      toRow: row - 1,
      rows: section.ordinary!,
      cols: [],
    });
    return null;
  }
  const where = column.name ? ` (${column.name})` : "";
  const fromRow = fromSegment ? segment[0].row : all!.firstRow;
  return finding({
    code: "budget-total-mismatch",
    sheet: sheet.name,
    cell: a1(row, column.col),
    range: a1Range(fromRow, column.col, row, column.col),
    message: `”${label}”${where}: ${renderNumber(total.value, null, total.decimals)} är inte summan av raderna ovan, ${renderNumber(partsSum, null, decimals)}.`,
    messageEn: `"${label}"${where}: ${renderNumberEn(total.value, null, total.decimals)} is not the sum of the rows above, ${renderNumberEn(partsSum, null, decimals)}.`,
  });
}

/**
 * A cross table's row label naming a share, a rate or an average (`Sjukfrånvaro (%)`, `Andel
 * kvinnor`, `Medelålder`, `Genomsnittlig lön`). Not `Andelar i …` (holdings, an amount), nor
 * `Medel för …` or `Medelsförbrukning` (funds).
 */
const RATIO_ROW = /%|procent|snitt|kvot|\bmedel(?!s)\p{L}|^andel(?!ar)/iu;

/** A column that is part of the one before it (`varav resursenheten`): not added across. */
const PART_COLUMN = /^\s*(varav|därav)\b/i;

/**
 * A cross table's row across: its total column against the sum of its columns of amounts (a blank
 * cell is zero, and no term; a `varav` column is part of another), within half a unit of the last
 * decimal per figure. A row with no total, or with a total alone, is no sum.
 */
function checkAcross(sheet: SheetGrid, row: number, label: string, section: Section): void {
  const cross = section.cross!;
  const total = figureAt(sheet, row, cross.total.col);
  if (!total) return;
  const parts: Figure[] = [];
  const cols: number[] = [];
  for (const { col, header } of cross.columns) {
    if (PART_COLUMN.test(header)) continue;
    cols.push(col);
    const figure = figureAt(sheet, row, col);
    if (figure) parts.push(figure);
  }
  if (parts.length === 0) return;
  const figures = [...parts, total];
  if (Math.abs(sum(parts) - total.value) <= tolerance(figures)) {
    if (nonZero(parts) >= 2) section.across!.held++;
    return;
  }
  section.across!.mismatches.push({
    along: "row",
    row,
    col: cross.total.col,
    label,
    columnName: cleanText(cross.total.header),
    total,
    sum: sum(parts),
    decimals: maxDecimals(figures),
    terms: figures.length,
    fromRow: row,
    toRow: row,
    rows: section.ordinary!,
    cols,
  });
}

/** A cross table's statement: its columns of amounts and its total column, each summed down. */
function crossSection(sheet: SheetGrid, cross: CrossTable): Section {
  const columns = [...cross.columns, cross.total].map((c) => ({ col: c.col, name: cleanText(c.header) }));
  const heading = textOf(cellAt(sheet, cross.headerRow, cross.labelCol));
  const across: Tally = { held: 0, mismatches: [] };
  const down: Tally = { held: 0, mismatches: [] };
  return { heading, columns, all: new Map(), segment: new Map(), cross, across, down, ordinary: new Set() };
}

function sheetStatementTotals(
  sheet: SheetGrid,
  claimedRows: RowSet,
  crossTables: readonly CrossTable[],
): Finding[] {
  const out: Finding[] = [];
  const last = lastRow(sheet);
  const lastColumn = lastCol(sheet);
  const crossAt = new Map<number, CrossTable>();
  for (const cross of crossTables) crossAt.set(cross.headerRow, cross);
  let section = null as Section | null;
  let ended = null as Section | null;
  const crossSections: Section[] = [];
  for (let row = sheet.originRow; row <= last; row++) {
    const cross = crossAt.get(row);
    if (cross) {
      section = crossSection(sheet, cross);
      crossSections.push(section);
      ended = null;
      continue;
    }
    // A cross table ends at its last total row; what follows (its notes) starts afresh.
    if (section?.cross && row > section.cross.lastRow) section = null;
    if (section?.cross?.repeatedHeaderRows.includes(row)) continue;
    const label = claimedRows.has(row)
      ? null
      : section?.cross
        ? crossLabel(sheet, row, section.cross)
        : labelOf(sheet, row, lastColumn);
    if (!label) {
      if (section) ended = section;
      section = null;
      continue;
    }
    if (!section?.cross && label.text.length <= MAX_HEADING_LENGTH && STATEMENT_HEADING.test(label.text)) {
      const columns: Column[] = [];
      for (let col = label.col + 1; col <= lastColumn; col++) {
        const value = cellAt(sheet, row, col);
        if (value === null || value === "") continue;
        const name = cleanText(textOf(value));
        if (!NOT_ADDITIVE.test(name)) columns.push({ col, name });
      }
      const heading = [label.text, ...columns.map((c) => c.name)].join("\u0000");
      // The same heading again (a page break): the statement goes on.
      const before: Section | null = section ?? ended;
      if (before?.heading === heading) section = before;
      else section = columns.length ? { heading, columns, all: new Map(), segment: new Map() } : null;
      ended = null;
      continue;
    }
    if (!section) {
      // Only blank rows may stand between a statement and its repeated heading.
      ended = null;
      continue;
    }
    // A cross table's row of a rate or an average (`Sjukfrånvaro (%)`, `Medelålder`) is no sum and
    // no part of one.
    if (section.cross && RATIO_ROW.test(label.text)) continue;
    if (section.across) checkAcross(sheet, row, label.text, section);
    if (isPartLabel(label.text, label.raw)) continue;
    const figures = section.columns
      .map((column) => ({ column, figure: figureAt(sheet, row, column.col) }))
      .filter((f): f is { column: Column; figure: Figure } => f.figure !== null);
    // A sub-heading (`Omsättningstillgångar`, `Socialpsykiatri`) has no figures of its own.
    if (!figures.length) continue;
    if (isTotalText(label.text)) {
      for (const { column, figure } of figures) {
        const mismatch = checkTotal(sheet, row, label.text, column, figure, section);
        if (mismatch) out.push(mismatch);
      }
      section.segment = new Map();
      section.segmentFirstRow = undefined;
      continue;
    }
    if (section.cross) {
      section.segmentFirstRow ??= row;
      section.ordinary!.add(row);
    }
    for (const { column, figure } of figures) {
      addTo(section.all, column.col, figure);
      const list = section.segment.get(column.col) ?? [];
      list.push(figure);
      section.segment.set(column.col, list);
    }
  }
  // A cross table's way whose every check fails is no sum (see Tally): its mismatches go.
  for (const { across, down } of crossSections) {
    const mismatches = [...(across!.held ? across!.mismatches : []), ...(down!.held ? down!.mismatches : [])];
    out.push(...crossFindings(sheet.name, mismatches, (row, col) => figureAt(sheet, row, col)));
  }
  return out;
}

/** A cross table's row label: the text in its label column (recognition found one on each row). */
function crossLabel(
  sheet: SheetGrid,
  row: number,
  cross: CrossTable,
): { col: number; text: string; raw: string } | null {
  const value = cellAt(sheet, row, cross.labelCol);
  return typeof value === "string" && textOf(value)
    ? { col: cross.labelCol, text: cleanText(value), raw: value }
    : null;
}

/**
 * Summa rows of statements on the user's sheets, and the sums of the cross tables recognition found
 * (both ways); `claimed` gives rows recognised tables already cover.
 */
export function statementTotals(
  sheets: SheetGrid[],
  claimed: (sheet: string) => RowSet,
  crossTables: readonly CrossTable[] = [],
): Finding[] {
  return sheets.flatMap((sheet) =>
    sheetStatementTotals(
      sheet,
      claimed(sheet.name),
      crossTables.filter((t) => t.sheet === sheet.name),
    ),
  );
}
