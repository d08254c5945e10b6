/**
 * A builder for generated sheets that knows the printed page: rows from A1 down (a title, a note,
 * goal headings, tables, charts), column widths from content fitted to A4 landscape, row heights
 * for wrapped text, and manual page breaks so that a heading keeps its table's header row and first
 * data row, a table that fits on a page is not split, and a longer table repeats its header row
 * after each break. Knows nothing about goals or budgets.
 */
import { a1, parseA1Range } from "../grid";
import {
  CELL_PADDING_POINTS,
  INDENT_POINTS,
  SPACER_WIDTH,
  WIDTH_UNIT_POINTS,
  textStyle,
  printableArea,
} from "./look";
import type { Spans } from "./measure";
import { breakLines, cellSpans, rowPoints, SPACER_ROW_POINTS } from "./measure";
import type { CellStyle, ChartSpec, OutCell, OwnedSheetKey, SheetSpec, TableSpan } from "./spec";

export type Row = (OutCell | null)[];

/**
 * How a column takes its width (points are of printed text):
 * - `text`: wraps; shares the width left by the others (by `weight`), between `min` and `max`.
 * - `fit`: as wide as its widest cell and the longest word of its header (numbers, dates).
 * - `label`: short text, as wide as its widest cell up to `max`, wrapping beyond.
 * - `spacer`: the narrow blank column that sets Målkoll's own columns apart from the city's.
 */
export type ColumnSpec =
  | { kind: "text"; min?: number; max?: number; weight?: number }
  | { kind: "fit" }
  | { kind: "label"; max?: number }
  | { kind: "spacer" };

type Role = "title" | "note" | "heading" | "header" | "body" | "attached" | "text" | "spacer" | "chart";

interface RowInfo {
  role: Role;
  /** Index of the table the row belongs to (heading, header and body rows). */
  table: number | null;
  /** Merged from column 0 to this column (0-based), for rows spanning the sheet. */
  mergeTo?: number;
  /** Spans the sheet: merged to its last column (known when the sheet is built). */
  spansSheet?: boolean;
}

interface TableRows {
  /** 0-based rows. */
  heading: number | null;
  header: number;
  last: number;
}

/** Points a page holds below the top margin; a little is kept back for rounding in the hosts. */
const PAGE_RESERVE_POINTS = 6;
/** Points kept free at the right of a header's lines. */
const HEADER_GUTTER_POINTS = 4;
/** Height of the rows a chart is drawn over. */
const CHART_ROW_POINTS = 15;

const units = (points: number): number => (points + CELL_PADDING_POINTS) / WIDTH_UNIT_POINTS.narrow;

export class SheetBuilder {
  readonly rows: Row[] = [];
  private readonly info: RowInfo[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly tableRows: TableRows[] = [];
  private readonly keep: [number, number][] = [];
  private readonly merges: string[] = [];
  private open: number | null = null;
  private freeze: number | undefined;
  private columns: ColumnSpec[];

  /**
   * `columns` says how each column takes its width; without it, a column of numbers fits them and
   * any other wraps beyond 300 pt (the roll-up's sheets).
   */
  constructor(
    private readonly key: OwnedSheetKey,
    columns?: ColumnSpec[],
  ) {
    this.columns = columns ?? [];
    this.inferColumns = columns === undefined;
  }

  private readonly inferColumns: boolean;

  /** The next row to be added (1-based). */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  private push(row: Row, info: RowInfo): number {
    this.rows.push(row);
    this.info.push(info);
    return this.rows.length;
  }

  /** Title row, note row, one empty row. */
  heading(title: string, note: string): void {
    this.push([{ value: title, style: "title", wrap: true }], {
      role: "title",
      table: null,
      spansSheet: true,
    });
    this.push([{ value: note, style: "note", wrap: true }], { role: "note", table: null, spansSheet: true });
    this.blank();
  }

  /** A heading row above a table (a goal), spanning the sheet; kept with what follows it. */
  tableHeading(text: string): number {
    this.close();
    return this.push([{ value: text, style: "heading", wrap: true }], {
      role: "heading",
      table: null,
      spansSheet: true,
    });
  }

  /** Merges an area, A1 (a group header over the columns it names). */
  merge(range: string): void {
    this.merges.push(range);
  }

  /** Starts a table with its header row; the heading rows just above belong to it. */
  startTable(header: Row): number {
    this.close();
    const index = this.tableRows.length;
    let heading: number | null = null;
    for (let r = this.rows.length - 1; r >= 0 && this.info[r].role === "heading"; r--) {
      heading = r;
      this.info[r].table = index;
    }
    const row = this.push(header, { role: "header", table: index });
    this.tableRows.push({ heading, header: row - 1, last: row - 1 });
    this.open = index;
    return row;
  }

  /**
   * A row of the open table, or a loose row when no table is open. A row of header cells starts a
   * table (or, right under another, is part of its header).
   */
  add(row: Row): number {
    const isHeader =
      row.some((c) => c) && row.every((c) => !c || c.style === "header" || c.style === "ownHeader");
    if (isHeader && this.info[this.info.length - 1]?.role === "header") {
      const added = this.push(row, { role: "header", table: this.open });
      if (this.open !== null) this.tableRows[this.open].last = added - 1;
      return added;
    }
    if (isHeader) return this.startTable(row);
    const added = this.push(row, { role: this.open === null ? "text" : "body", table: this.open });
    if (this.open !== null) this.tableRows[this.open].last = added - 1;
    return added;
  }

  /** A row that stays on the page of the row above it (an indicator's Analys row), merged to `mergeTo`. */
  attach(row: Row, mergeTo?: number): number {
    const added = this.push(row, { role: "attached", table: this.open, mergeTo });
    if (this.open !== null) this.tableRows[this.open].last = added - 1;
    return added;
  }

  /** Ends the open table with an empty row. */
  endTable(): void {
    if (this.open === null) return;
    this.open = null;
    this.blank();
  }

  private close(): void {
    if (this.open !== null) this.endTable();
  }

  /** A line of text outside any table (e.g. "Inga … hittades"). */
  text(value: string): number {
    this.close();
    return this.push([{ value, style: "normal", wrap: true }], {
      role: "text",
      table: null,
      mergeTo: this.lastColumn,
    });
  }

  blank(): number {
    return this.push([], { role: "spacer", table: null });
  }

  /**
   * A chart drawn over empty rows below, across the sheet's columns (inside the print width);
   * `keepFrom` (1-based) keeps the rows from there (its data) on the chart's page.
   */
  chart(chart: Omit<ChartSpec, "anchor">, heightPoints: number, keepFrom?: number): void {
    this.close();
    const capacity = printableArea().height - PAGE_RESERVE_POINTS - 2 * SPACER_ROW_POINTS;
    const count = Math.max(4, Math.ceil(Math.min(heightPoints, capacity) / CHART_ROW_POINTS));
    const first = this.nextRow;
    for (let i = 0; i < count; i++) this.push([], { role: "chart", table: null });
    this.charts.push({
      ...chart,
      anchor: { cell: a1(first, 1), widthCols: this.printedColumns, heightRows: count },
    });
    this.keep.push([(keepFrom ?? first) - 1, first + count - 2]);
    this.blank();
  }

  /** Freezes the rows down to `row`; on a one-table sheet that is its header, repeated on each page. */
  freezeRows(row: number): void {
    this.freeze = row;
  }

  private get lastColumn(): number {
    return Math.max(0, this.columns.length - 1);
  }

  /** Columns a chart spans: the sheet's, without a trailing spacer. */
  private get printedColumns(): number {
    let n = this.columns.length;
    while (n > 1 && this.columns[n - 1].kind === "spacer") n--;
    return Math.max(1, n);
  }

  build(): SheetSpec {
    // The last table ends with the sheet (no empty row after it).
    this.open = null;
    if (this.inferColumns) this.columns = inferredColumns(this.rows, this.info);
    for (const info of this.info) if (info.spansSheet) info.mergeTo = this.lastColumn;
    const wide = this.cellsMergedAcross();
    this.prepareCells(wide);
    const oneLine: (number | undefined)[][] = [];
    const widths = fitWidths(this.rows, this.info, this.columns, oneLine, wide);
    // Sheets without planned columns (the roll-up's) set their own widths after: hosts wrap them.
    if (!this.inferColumns) this.breakHeaders(widths, wide);
    const points = widths.map((w) => w * WIDTH_UNIT_POINTS.narrow);
    const heights = this.rows.map((row, r) => this.heightOf(row, r, points, oneLine[r]));
    if (this.inferColumns) {
      // Its maker sets the widths after: the port sizes the rows from those, and no page is planned.
      const spec = this.assemble(widths, heights, { inserts: [], breaks: [] });
      delete spec.rowHeights;
      return spec;
    }
    const plan = planPages(this.info, heights, this.tableRows, this.keep, this.freeze !== undefined);
    return this.assemble(widths, heights, plan);
  }

  /**
   * Wrapping and alignment that follow from the columns: text wraps, a column of numbers has its
   * header and text right-aligned too, and text right after such a column is indented one level so
   * the two never read as one (`2,7 %` `Tertial 2 2021`).
   */
  private prepareCells(wide: Set<string>): void {
    const numeric = this.columns.map((_, c) =>
      this.rows.some((row, r) => this.info[r].role === "body" && typeof row[c]?.value === "number"),
    );
    this.rows.forEach((row, r) => {
      const { role, mergeTo } = this.info[r];
      if (role !== "header" && role !== "body" && role !== "attached" && role !== "text") return;
      row.forEach((cell, c) => {
        if (!cell || typeof cell.value !== "string") return;
        const kind = this.columns[c]?.kind ?? "text";
        if (role === "header" || kind !== "fit" || mergeTo !== undefined) cell.wrap ??= true;
        if (mergeTo !== undefined || wide.has(`${r}:${c}`)) return;
        if (numeric[c]) cell.align ??= "right";
        else if (c > 0 && numeric[c - 1] && cell.indent === undefined) cell.indent = 1;
      });
    });
  }

  /**
   * Header text gets its line breaks written in, where Excel's narrower columns would wrap it and
   * a little before the edge: every host then breaks it alike, and neighbouring headers never run
   * together (`Prognos helår` `Årsmål`).
   */
  private breakHeaders(widths: number[], wide: Set<string>): void {
    this.rows.forEach((row, r) => {
      if (this.info[r].role !== "header") return;
      row.forEach((cell, c) => {
        if (!cell || typeof cell.value !== "string" || wide.has(`${r}:${c}`)) return;
        const look = textStyle(cell);
        const width =
          widths[c] * WIDTH_UNIT_POINTS.narrow -
          CELL_PADDING_POINTS -
          look.indent * INDENT_POINTS -
          HEADER_GUTTER_POINTS;
        cell.value = breakLines(cell.value, width, look.size, look.bold).join("\n");
      });
    });
  }

  /** Cells (`row:col`, 0-based) that start an area merged across columns: they size no one column. */
  private cellsMergedAcross(): Set<string> {
    const out = new Set<string>();
    for (const m of this.merges) {
      const r = parseA1Range(m);
      if (r && r.col2 > r.col1) out.add(`${r.row1 - 1}:${r.col1 - 1}`);
    }
    return out;
  }

  /** A row's height for columns `points` wide (a merged row: its area's width). */
  private heightOf(row: Row, r: number, points: number[], oneLine?: (number | undefined)[]): number {
    const info = this.info[r];
    if (info.role === "chart") return CHART_ROW_POINTS;
    if (info.mergeTo === undefined)
      return rowPoints(row, points, info.role === "header" ? undefined : oneLine);
    let sum = 0;
    for (let c = 0; c <= info.mergeTo; c++) sum += points[c] ?? 0;
    return rowPoints(row, [sum, ...points.slice(1)]);
  }

  private assemble(widths: number[], heights: number[], plan: PagePlan): SheetSpec {
    const shift = makeShift(plan.inserts);
    const rows: Row[] = [];
    const rowHeights: number[] = [];
    const merges: string[] = [];
    let next = 0;
    this.rows.forEach((row, r) => {
      while (next < plan.inserts.length && plan.inserts[next].before === r) {
        const header = this.tableRows[plan.inserts[next].table].header;
        rows.push(this.rows[header].map((cell) => (cell ? { ...cell } : null)));
        rowHeights.push(heights[header]);
        next++;
      }
      const shifted = plan.inserts.length > 0 && row.some((cell) => cell?.formula);
      rows.push(
        shifted
          ? row.map((cell) =>
              cell?.formula ? { ...cell, formula: shiftFormula(cell.formula, shift) } : cell,
            )
          : row,
      );
      rowHeights.push(heights[r]);
      const mergeTo = this.info[r].mergeTo;
      if (mergeTo !== undefined && mergeTo > 0)
        merges.push(`${a1(shift(r + 1), 1)}:${a1(shift(r + 1), mergeTo + 1)}`);
    });
    const tables: TableSpan[] = this.tableRows.map((t) => ({
      heading: t.heading === null ? null : shift(t.heading + 1),
      header: shift(t.header + 1),
      first: shift(t.header + 1) + 1,
      last: shift(t.last + 1),
    }));
    const spec: SheetSpec = {
      key: this.key,
      rows,
      // Rounded up: a column never gets narrower than its content needs.
      columnWidths: widths.map((w) => Math.ceil(w * 100) / 100),
      rowHeights,
      tables,
    };
    if (merges.length) spec.merges = merges;
    if (plan.breaks.length)
      spec.pageBreaks = plan.breaks.map((b) => (b.copy ? shift(b.row + 1) - 1 : shift(b.row + 1)));
    if (this.merges.length)
      spec.merges = [...(spec.merges ?? []), ...this.merges.map((m) => shiftRange(m, shift))];
    if (this.charts.length)
      spec.charts = this.charts.map((chart) => ({
        ...chart,
        categories: shiftRange(chart.categories, shift),
        series: chart.series.map((s) => ({ ...s, values: shiftRange(s.values, shift) })),
        anchor: { ...chart.anchor, cell: shiftRange(chart.anchor.cell, shift) },
      }));
    if (this.freeze !== undefined) spec.freezeRows = shift(this.freeze);
    return spec;
  }
}

/**
 * Row heights for a spec that came without them (built by hand rather than by {@link SheetBuilder}):
 * wrapped cells as many lines as they need in their column (or merged area), others one line.
 */
export function plannedRowHeights(spec: SheetSpec): number[] {
  const points = spec.columnWidths.map(
    (w) => (Number.isFinite(w) && w > 0 ? w : 8.43) * WIDTH_UNIT_POINTS.narrow,
  );
  const merged = new Map<number, { c0: number; c1: number }[]>();
  for (const m of spec.merges ?? []) {
    const r = parseA1Range(m);
    if (!r) continue;
    const list = merged.get(r.row1 - 1) ?? [];
    list.push({ c0: r.col1 - 1, c1: r.col2 - 1 });
    merged.set(r.row1 - 1, list);
  }
  return spec.rows.map((row, r) => {
    const widths: (number | undefined)[] = [...points];
    for (const { c0, c1 } of merged.get(r) ?? []) {
      let sum = 0;
      for (let c = c0; c <= c1; c++) sum += points[c] ?? 8.43 * WIDTH_UNIT_POINTS.narrow;
      widths[c0] = sum;
    }
    return rowPoints(row, widths);
  });
}

/** A header row of bold, filled cells. */
export function headerRow(labels: string[]): Row {
  return labels.map((label) => ({ value: label, style: "header" as const, wrap: true }));
}

export function text(value: string | null, style: CellStyle = "normal"): OutCell | null {
  if (value === null || value === "") return null;
  return { value, style };
}

/** Columns of numbers fit them; others wrap beyond 300 pt. */
function inferredColumns(rows: Row[], info: RowInfo[]): ColumnSpec[] {
  const count = rows.reduce((n, row, r) => (info[r].spansSheet ? n : Math.max(n, row.length)), 1);
  return Array.from({ length: count }, (_, c): ColumnSpec => {
    const cells = rows.flatMap((row, r) =>
      info[r].role === "body" || info[r].role === "text" ? [row[c]] : [],
    );
    const numbers = cells.every((cell) => !cell || typeof cell.value !== "string");
    return numbers ? { kind: "fit" } : { kind: "label", max: 300 };
  });
}

/* ---------- column widths ---------- */

interface ColumnNeeds {
  /** Widest cell on one line (headers excepted). */
  full: number;
  /** Widest word, headers included. */
  word: number;
  /** Widest word in the body alone. */
  bodyWord: number;
  /** Widest number or date. */
  numbers: number;
}

/**
 * What each column needs, from every cell of its tables; `oneLine` receives each body cell's width
 * on one line (points), for the row heights.
 */
function needsOf(
  rows: Row[],
  info: RowInfo[],
  columns: number,
  oneLine?: (number | undefined)[][],
  skip?: Set<string>,
): ColumnNeeds[] {
  const needs: ColumnNeeds[] = Array.from({ length: columns }, () => ({
    full: 0,
    word: 0,
    bodyWord: 0,
    numbers: 0,
  }));
  const spans: Spans = { full: 0, word: 0 };
  rows.forEach((row, r) => {
    const { role, mergeTo } = info[r];
    if (role !== "header" && role !== "body" && role !== "text" && role !== "attached") return;
    if (mergeTo !== undefined) return;
    row.forEach((cell, c) => {
      if (!cell || c >= columns || skip?.has(`${r}:${c}`)) return;
      const need = needs[c];
      cellSpans(cell, spans);
      const gutter = role === "header" ? HEADER_GUTTER_POINTS : 0;
      const word = units(spans.word + gutter);
      need.word = Math.max(need.word, word);
      if (role === "header") return;
      need.bodyWord = Math.max(need.bodyWord, word);
      if (oneLine) (oneLine[r] ??= [])[c] = spans.full;
      const full = units(spans.full);
      need.full = Math.max(need.full, full);
      if (typeof cell.value === "number") need.numbers = Math.max(need.numbers, full);
    });
  });
  return needs;
}

/** Column widths in Excel's units, fitted to the printable width of A4 landscape. */
export function fitWidths(
  rows: Row[],
  info: RowInfo[],
  columns: ColumnSpec[],
  oneLine?: (number | undefined)[][],
  skip?: Set<string>,
): number[] {
  const budget = (printableArea().width - 4) / WIDTH_UNIT_POINTS.wide;
  const needs = needsOf(rows, info, columns.length, oneLine, skip);
  const widths = columns.map((spec, c) => {
    const n = needs[c];
    if (spec.kind === "spacer") return SPACER_WIDTH;
    if (spec.kind === "fit") return Math.max(n.full, n.word, 4);
    if (spec.kind === "label") return Math.max(n.numbers, n.word, Math.min(n.full, units(spec.max ?? 80)), 4);
    return 0;
  });
  const text = columns.flatMap((spec, c) => (spec.kind === "text" ? [{ spec, c }] : []));
  const min = new Map(text.map(({ spec, c }) => [c, Math.max(needs[c].word, units(spec.min ?? 100))]));
  const fixed = () => widths.reduce((sum, w) => sum + w, 0);
  const minimum = () => [...min.values()].reduce((sum, w) => sum + w, 0);
  // Too wide: labels down to their longest word, then text columns narrower (down to their
  // longest word and 60 pt), and only then may header words break.
  const over = () => fixed() + minimum() > budget;
  if (over())
    columns.forEach((spec, c) => {
      if (spec.kind === "label") widths[c] = Math.max(needs[c].numbers, needs[c].word, 4);
    });
  if (over() && minimum() > 0) {
    const scale = Math.max(0, budget - fixed()) / minimum();
    for (const [c, w] of min) min.set(c, Math.min(w, Math.max(units(60), needs[c].word, w * scale)));
  }
  if (over())
    columns.forEach((spec, c) => {
      if (spec.kind === "label" || spec.kind === "fit")
        widths[c] = Math.max(needs[c].numbers, needs[c].bodyWord, spec.kind === "fit" ? needs[c].full : 0, 4);
    });
  // Text columns share what is left, each up to what its longest text needs.
  let left = budget - fixed();
  for (const [c, w] of min) {
    widths[c] = w;
    left -= w;
  }
  let open = text.filter(({ spec, c }) => widths[c] < desired(spec, needs[c]));
  while (left > 0.01 && open.length) {
    const weight = open.reduce((sum, { spec }) => sum + (spec.kind === "text" ? (spec.weight ?? 1) : 1), 0);
    let given = 0;
    for (const { spec, c } of open) {
      const share = (left * (spec.kind === "text" ? (spec.weight ?? 1) : 1)) / weight;
      const add = Math.min(share, desired(spec, needs[c]) - widths[c]);
      widths[c] += add;
      given += add;
    }
    left -= given;
    open = open.filter(({ spec, c }) => widths[c] < desired(spec, needs[c]) - 0.01);
    if (given < 0.01) break;
  }
  return widths;
}

function desired(spec: ColumnSpec, need: ColumnNeeds): number {
  const max = spec.kind === "text" && spec.max !== undefined ? units(spec.max) : Infinity;
  return Math.max(need.word, Math.min(need.full, max));
}

/* ---------- pages ---------- */

interface PagePlan {
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

function planPages(
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

/* ---------- row numbers after inserted header copies ---------- */

/** Maps an original 1-based row to its row after the inserts. */
function makeShift(inserts: { before: number }[]): (row: number) => number {
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
function shiftFormula(formula: string, shift: (row: number) => number): string {
  return formula.replace(
    /('(?:[^']|'')+'!|[A-Za-z0-9_.]+!)?(\$?[A-Z]{1,3}\$?)(\d+)/g,
    (whole, sheet: string | undefined, col: string, row: string) =>
      sheet ? whole : `${col}${shift(Number(row))}`,
  );
}

/** Shifts the rows of an A1 cell or range on the sheet (`A5:A21`). */
function shiftRange(range: string, shift: (row: number) => number): string {
  return range.replace(
    /(\$?[A-Z]{1,3}\$?)(\d+)/g,
    (_, col: string, row: string) => `${col}${shift(Number(row))}`,
  );
}
