/**
 * One walk over the table cells of a generated sheet, before its columns are fitted: each cell
 * gets the wrapping and alignment that follow from its column, and is measured for its column's
 * width and for its row's height. A report has a few hundred thousand cells: what the walk keeps
 * for the rows is in typed arrays, not in an object per cell or an array per row.
 */
import type { ColumnNeeds } from "./columns";
import { fullCap, HEADER_GUTTER_POINTS, units, widthForLines } from "./columns";
import type { TextStyle } from "./look";
import { CELL_PADDING_POINTS, INDENT_POINTS, WIDTH_UNIT_POINTS, printableArea, textStyle } from "./look";
import type { ColumnMemo } from "./measure";
import {
  cellSpans,
  cellWordWiderThan,
  emptySpans,
  rowPoints,
  SOFT_HYPHEN,
  softHyphenSpans,
  SPACER_ROW_POINTS,
  TextParts,
  unbrokenPoints,
  wrappedPartLines,
} from "./measure";
import type { ColumnSpec, Row, RowInfo } from "./rows";
import type { OutCell } from "./spec";

/** Cells (key from {@link cellKey}) that start an area merged across columns. */
export type MergedCells = Set<number>;

/** A cell's key in {@link MergedCells} (0-based; a sheet has at most 16 384 columns). */
export function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

export interface SheetCells {
  /** What each column needs, from every cell of its tables. */
  needs: ColumnNeeds[];
  /** Per row: 1 when its height is planned from {@link oneLine} (a table row not merged across). */
  measured: Uint8Array;
  /**
   * Per cell of a measured row (at row × columns + column): its width on one line in points,
   * indent included; NaN where not measured, Infinity where its text breaks lines itself, and
   * -Infinity where the cell takes one line whatever its width (empty, a number, text not wrapped).
   */
  oneLine: Float64Array;
  /** Per measured row: the height of one line of its tallest font (0: the row is empty). */
  lineHeight: Float64Array;
  /** Per row: 1 when a cell of it holds a formula. */
  formulas: Uint8Array;
  /** The parts of the texts in text columns, walked once here and wrapped for the row heights. */
  parts: TextParts;
  /** Per cell, as `oneLine`: the range of its text's parts in `parts` (empty: not kept). */
  partsFrom: Int32Array;
  partsTo: Int32Array;
  /**
   * Per row: the earlier row it repeats (-1: none), a header row whose array a sheet's tables
   * share ({@link SheetBuilder.startTable}), prepared and measured there: its cells are that row's,
   * and so are its measures and its height.
   */
  repeats: Int32Array;
}

/** Rows whose cells are prepared and measured. */
function holdsCells(info: RowInfo): boolean {
  const role = info.role;
  return role === "header" || role === "body" || role === "attached" || role === "text";
}

/**
 * Columns holding a number in some body row (their text is right-aligned, the next column's
 * indented), noted as the rows are added: their cells are fresh in memory then, while a pass over
 * the sheet's rows before the walk cost a cache miss per cell read.
 */
export class NumberColumns {
  /** 1 at each column seen holding a number. */
  private readonly seen: number[] = [];

  /** Notes the numbers of a body row (in the columns not yet known to hold one). */
  note(row: Row): void {
    const seen = this.seen;
    for (let c = 0; c < row.length; c++) if (seen[c] !== 1 && typeof row[c]?.value === "number") seen[c] = 1;
  }

  has(column: number): boolean {
    return this.seen[column] === 1;
  }
}

/**
 * Prepares and measures the cells of the header, body, text and Analys rows. Text wraps, except in
 * a `fit` column's body; a column of numbers has its header and text right-aligned too; text right
 * after such a column is indented one level so the two never read as one (`2,7 %` `Tertial 2
 * 2021`); `numbersOf` knows those columns, by table. Rows merged across and cells in `merged` size no column.
 * `memos` (one per column) remember texts their column repeats.
 */
export function walkCells(
  rows: Row[],
  info: RowInfo[],
  columns: ColumnSpec[],
  merged: MergedCells,
  memos: ColumnMemo[],
  numbersOf: (table: number | null) => NumberColumns,
): SheetCells {
  const count = columns.length;
  const needs: ColumnNeeds[] = Array.from({ length: count }, () => ({
    full: 0,
    word: 0,
    bodyWord: 0,
    numbers: 0,
    header: 0,
    headerFit: 0,
  }));
  const measured = new Uint8Array(rows.length);
  const oneLine = new Float64Array(rows.length * count).fill(-Infinity);
  const lineHeight = new Float64Array(rows.length);
  const formulas = new Uint8Array(rows.length);
  const parts = new TextParts();
  const partsFrom = new Int32Array(rows.length * count);
  const partsTo = new Int32Array(rows.length * count);
  const repeats = new Int32Array(rows.length).fill(-1);
  /** Header rows by their array, at the row they were first walked. */
  const headerRows = new Map<Row, number>();
  const spans = emptySpans();
  // A text wider than the page wraps whatever its exact width: it is measured for its longest word.
  const page = printableArea().width;
  const caps = columns.map((spec) => fullCap(spec, page));
  const kinds = columns.map((spec) => spec.kind);
  const headerLines = columns.map((spec) =>
    spec.kind === "fit" || spec.kind === "text" ? (spec.headerLines ?? 0) : 0,
  );
  const headerFits = new Map<string, number>();
  const headerWords = new Map<TextStyle, Map<string, number>>();
  const anyMerged = merged.size > 0;
  // Per column, the body cell measured last (a shared cell repeats down its column), where its
  // measures are, the number columns it was prepared with and its line's height.
  const lastCell: (OutCell | null)[] = new Array<OutCell | null>(count).fill(null);
  const lastAt = new Int32Array(count);
  const lastNumbers: (NumberColumns | null)[] = new Array<NumberColumns | null>(count).fill(null);
  const lastLine = new Float64Array(count);
  for (let r = 0; r < rows.length; r++) {
    const { role, mergeTo } = info[r];
    const row = rows[r];
    if (!holdsCells(info[r])) {
      for (const cell of row) if (cell?.formula) formulas[r] = 1;
      continue;
    }
    const numbers = numbersOf(info[r].table);
    const header = role === "header";
    if (header && !anyMerged) {
      const first = headerRows.get(row);
      if (first === undefined) headerRows.set(row, r);
      else if (sameHeader(info[first], info[r]) && numbersOf(info[first].table) === numbers) {
        repeatRow(first, r, count, { measured, oneLine, lineHeight, formulas, partsFrom, partsTo, repeats });
        continue;
      }
    }
    const acrossRow = mergeTo !== undefined;
    const gutter = header ? HEADER_GUTTER_POINTS : 0;
    if (!acrossRow) measured[r] = 1;
    let line = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      if (cell.formula) formulas[r] = 1;
      const value = cell.value;
      const across = anyMerged && merged.has(cellKey(r, c));
      const body = !header && !acrossRow && !across && c < count;
      if (body && cell === lastCell[c] && numbers === lastNumbers[c]) {
        // Prepared and measured where it was met last in its column, with the same number columns.
        const k = r * count + c;
        const from = lastAt[c];
        oneLine[k] = oneLine[from];
        partsFrom[k] = partsFrom[from];
        partsTo[k] = partsTo[from];
        if (lastLine[c] > line) line = lastLine[c];
        continue;
      }
      // A header or merged row may prepare it otherwise (wrapped): its next body row measures it anew.
      if (!body && c < count && cell === lastCell[c]) lastCell[c] = null;
      if (typeof value === "string") {
        const kind = c < count ? columns[c].kind : "text";
        if (header || kind !== "fit" || acrossRow) cell.wrap ??= true;
        if (!acrossRow && !across && c <= count) {
          if (c < count && numbers.has(c)) cell.align ??= "right";
          else if (c > 0 && numbers.has(c - 1) && cell.indent === undefined) cell.indent = 1;
        }
      }
      if (acrossRow) continue;
      const style = textStyle(cell);
      if (style.line > line) line = style.line;
      if (c >= count) continue;
      const need = needs[c];
      const k = r * count + c;
      const wraps = cell.wrap === true && typeof value === "string" && value !== "";
      // The row's height measures this cell in its column.
      if (header || across || wraps) oneLine[k] = NaN;
      if (across) continue;
      if (body) {
        lastCell[c] = cell;
        lastAt[c] = k;
        lastNumbers[c] = numbers;
        lastLine[c] = style.line;
      }
      // A text column's texts wrap over several lines: their parts are kept for the row heights.
      const keepParts = !header && kinds[c] === "text" && wraps;
      if (!header && need.full >= caps[c] && typeof value === "string" && !cell.link) {
        // The column has met a text as wide as it can use: only a wider word can still change it
        // (the row's height measures the text itself).
        const points = need.bodyWord * WIDTH_UNIT_POINTS.narrow - CELL_PADDING_POINTS;
        partsFrom[k] = parts.length;
        const wider = cellWordWiderThan(style, value, points, keepParts ? parts : undefined);
        partsTo[k] = parts.length;
        const word = wider > 0 ? units(wider) : 0;
        if (word > need.word) need.word = word;
        if (word > need.bodyWord) need.bodyWord = word;
        continue;
      }
      // A column holds thousands of numbers: one no wider than a number it measured cannot widen it.
      if (!header && typeof value === "number" && memos[c].measuredWider(value, cell.format, style)) continue;
      if (header && typeof value === "string" && value.includes(SOFT_HYPHEN))
        softHyphenSpans(value, style, spans);
      else cellSpans(cell, style, spans, page, memos[c], keepParts ? parts : undefined);
      if (spans.partsFrom >= 0) {
        partsFrom[k] = spans.partsFrom;
        partsTo[k] = spans.partsTo;
      }
      // A link is one field LibreOffice never breaks: its whole text is its word; a header's words
      // are those its breaker keeps together (`10 %)`).
      let widest = cell.link ? spans.full : spans.word;
      if (header && typeof value === "string") {
        // By style, then text: every table of a sheet repeats its header.
        let byText = headerWords.get(style);
        if (byText === undefined) headerWords.set(style, (byText = new Map()));
        let unbroken = byText.get(value);
        if (unbroken === undefined)
          byText.set(value, (unbroken = unbrokenPoints(value, style.size, style.bold)));
        if (unbroken + style.indent * INDENT_POINTS > widest)
          widest = unbroken + style.indent * INDENT_POINTS;
      }
      const word = units(widest + gutter);
      if (word > need.word) need.word = word;
      if (header) {
        const full = units(spans.full + gutter);
        if (full > need.header) need.header = full;
        const own = info[r].headerLines ?? 0;
        const limit = own > 0 && (headerLines[c] === 0 || own < headerLines[c]) ? own : headerLines[c];
        if (limit > 0 && typeof value === "string") {
          // Every table of a sheet repeats its header: each text's search is made once.
          const key = `${limit}|${style.size}|${style.bold}|${style.indent}|${value}`;
          let fit = headerFits.get(key);
          if (fit === undefined) headerFits.set(key, (fit = widthForLines(value, style, limit, full)));
          if (fit > need.headerFit) need.headerFit = fit;
        }
        continue;
      }
      if (word > need.bodyWord) need.bodyWord = word;
      if (wraps) oneLine[k] = spans.breaks ? Infinity : spans.full;
      const full = units(spans.full);
      if (full > need.full) need.full = full;
      if (typeof value === "number" && full > need.numbers) need.numbers = full;
    }
    lineHeight[r] = line;
  }
  return { needs, measured, oneLine, lineHeight, formulas, parts, partsFrom, partsTo, repeats };
}

/** Whether two header rows' infos size their cells alike. */
function sameHeader(a: RowInfo, b: RowInfo): boolean {
  return a.mergeTo === b.mergeTo && a.headerLines === b.headerLines;
}

/** Row `r` repeats row `first`: its measures are that row's (its needs are met there). */
function repeatRow(
  first: number,
  r: number,
  count: number,
  cells: Omit<SheetCells, "needs" | "parts">,
): void {
  cells.repeats[r] = first;
  cells.measured[r] = cells.measured[first];
  cells.lineHeight[r] = cells.lineHeight[first];
  cells.formulas[r] = cells.formulas[first];
  cells.oneLine.copyWithin(r * count, first * count, (first + 1) * count);
  cells.partsFrom.copyWithin(r * count, first * count, (first + 1) * count);
  cells.partsTo.copyWithin(r * count, first * count, (first + 1) * count);
}

/**
 * Height in points of row `r` for columns `points` wide: wrapped text as many lines as it needs,
 * other cells one line. A measured row's cells known to fit on one line are not walked again.
 */
export function rowHeight(
  row: Row,
  r: number,
  info: RowInfo,
  points: number[],
  cells: SheetCells,
  memos: ColumnMemo[],
): number {
  if (info.mergeTo !== undefined) {
    let sum = 0;
    for (let c = 0; c <= info.mergeTo; c++) sum += points[c] ?? 0;
    return rowPoints(row, points, sum);
  }
  if (!cells.measured[r]) return rowPoints(row, points);
  const { oneLine } = cells;
  const count = points.length;
  let height = cells.lineHeight[r];
  const end = Math.min(row.length, count);
  for (let c = 0; c < end; c++) {
    const known = oneLine[r * count + c];
    // Fits its column whatever its indent, or takes one line anyway (NaN and Infinity go on).
    if (known <= points[c] - CELL_PADDING_POINTS) continue;
    const cell = row[c];
    if (!cell || !cell.wrap || typeof cell.value !== "string" || cell.value === "") continue;
    const style: TextStyle = textStyle(cell);
    const usable = points[c] - CELL_PADDING_POINTS - style.indent * INDENT_POINTS;
    if (known === known && known - style.indent * INDENT_POINTS <= usable) continue;
    const k = r * count + c;
    const lines =
      cells.partsTo[k] > cells.partsFrom[k]
        ? wrappedPartLines(cells.parts, cells.partsFrom[k], cells.partsTo[k], usable, style.size)
        : memos[c].lines(cell.value, usable, style);
    if (lines * style.line > height) height = lines * style.line;
  }
  return height || SPACER_ROW_POINTS;
}
