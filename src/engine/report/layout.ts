/**
 * A builder for generated sheets that knows the printed page: rows from A1 down (a title, a note,
 * goal headings, tables, charts), column widths from content fitted to A4 landscape, row heights
 * for wrapped text, and manual page breaks so that a heading keeps its table's header row and first
 * data row, a table that fits on a page is not split, and a longer table repeats its header row
 * after each break. Knows nothing about goals or budgets.
 */
import { a1, parseA1Range } from "../grid";
import type { MergedCells } from "./cells";
import { cellKey, NumberColumns, rowHeight, walkCells } from "./cells";
import { fitWidths, headerLinePoints, inferredColumns } from "./columns";
import type { TextStyle } from "./look";
import { PIXEL_POINTS, WIDTH_UNIT_POINTS, textStyle } from "./look";
import { breakLines, cellLines, ColumnMemo, rowPoints, SOFT_HYPHEN, SPACER_ROW_POINTS } from "./measure";
import type { PagePlan } from "./pages";
import { makeShift, pageCapacity, planPages, shiftFormula, shiftRange } from "./pages";
import type { ColumnSpec, Row, RowInfo, TableRows } from "./rows";
import type { CellStyle, ChartSpec, OutCell, OwnedSheetKey, SheetSpec, TableSpan } from "./spec";
import { textCell, wrappedCell } from "./spec";

/** Height of the rows a chart is drawn over. */
const CHART_ROW_POINTS = 15;
/**
 * The least a chart's row is shrunk to where the chart and the data kept with it would miss one
 * page by a little (a label of the data that wraps): 12 areas' bars still read at it.
 */
const CHART_ROW_MIN_POINTS = 10;

export type { ColumnSpec, Row } from "./rows";

export class SheetBuilder {
  readonly rows: Row[] = [];
  private readonly info: RowInfo[] = [];
  /**
   * Infos that rows share, being the same for thousands of rows and never changed after: a
   * table's body rows (by table), loose rows, blank rows and a chart's rows.
   */
  private readonly bodyInfo: RowInfo[] = [];
  private readonly looseInfo: RowInfo = { role: "text", table: null };
  private readonly blankInfo: RowInfo = { role: "spacer", table: null };
  private readonly chartInfo: RowInfo = { role: "chart", table: null };
  private readonly charts: ChartSpec[] = [];
  private readonly tableRows: TableRows[] = [];
  private readonly keep: [number, number][] = [];
  private readonly merges: string[] = [];
  /** Header cells (0-based row and column) broken where no space was, with their text unbroken. */
  private readonly unbroken: { row: number; col: number; text: string }[] = [];
  /** What the tables' columns hold, per table: tables share one unless started with their own columns. */
  private readonly numbers: NumberColumns[] = [];
  private readonly sharedNumbers = new NumberColumns();
  /** Cells {@link shortenToColumn} shortens once the widths are known (0-based row and column). */
  private readonly shortened: { row: number; col: number; text: string; least: number }[] = [];
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
    this.push([wrappedCell(title, "title")], {
      role: "title",
      table: null,
      spansSheet: true,
    });
    this.push([wrappedCell(note, "note")], {
      role: "note",
      table: null,
      spansSheet: true,
    });
    this.blank();
  }

  /** A heading row above a table (a goal), spanning the sheet; kept with what follows it. */
  tableHeading(text: string): number {
    this.close();
    return this.push([wrappedCell(text, "heading")], {
      role: "heading",
      table: null,
      spansSheet: true,
    });
  }

  /** Merges an area, A1 (a group header over the columns it names). */
  merge(range: string): void {
    this.merges.push(range);
  }

  /**
   * Starts a table with its header row; the heading rows just above belong to it. `chartData`
   * marks a block of references a chart is drawn from. The sheet's tables share what their
   * columns hold (a column of numbers in one right-aligns its text in all, as on a sheet of one
   * layout repeated per goal); a table with `ownColumns` (another layout on the same sheet) aligns
   * by its own cells alone. `headerLines` holds its header to that many lines whatever its columns allow.
   * Tables may share one `header` array: it is then prepared, measured and broken once (its cells
   * are the same), unless the sheet merges cells.
   */
  startTable(
    header: Row,
    options: { chartData?: boolean; ownColumns?: boolean; headerLines?: number } = {},
  ): number {
    this.close();
    const index = this.tableRows.length;
    let heading: number | null = null;
    for (let r = this.rows.length - 1; r >= 0 && this.info[r].role === "heading"; r--) {
      heading = r;
      this.info[r].table = index;
    }
    const row = this.push(
      header,
      options.headerLines
        ? { role: "header", table: index, headerLines: options.headerLines }
        : { role: "header", table: index },
    );
    this.tableRows.push({ heading, header: row - 1, last: row - 1, chartData: options.chartData === true });
    this.numbers.push(options.ownColumns ? new NumberColumns() : this.sharedNumbers);
    this.open = index;
    return row;
  }

  /**
   * A row of the open table, or a loose row when no table is open. A row of header cells starts a
   * table (or, right under another, is part of its header).
   */
  add(row: Row): number {
    const isHeader = isHeaderRow(row);
    if (isHeader && this.info[this.info.length - 1]?.role === "header") {
      const added = this.push(row, { role: "header", table: this.open });
      if (this.open !== null) this.tableRows[this.open].last = added - 1;
      return added;
    }
    if (isHeader) return this.startTable(row);
    const open = this.open;
    if (open === null) return this.push(row, this.looseInfo);
    if (row[0]?.style === "total") this.ruleAcross(row, open);
    const added = this.push(row, (this.bodyInfo[open] ??= { role: "body", table: open }));
    this.tableRows[open].last = added - 1;
    this.numbers[open].note(row);
    return added;
  }

  /** A total row's empty cells up to its table's width: its rule runs across the whole table. */
  private ruleAcross(row: Row, table: number): void {
    const width = this.rows[this.tableRows[table].header].length;
    for (let c = 0; c < width; c++) row[c] ??= textCell(null, "total");
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
    return this.push([wrappedCell(value)], {
      role: "text",
      table: null,
      mergeTo: this.lastColumn,
    });
  }

  blank(): number {
    return this.push([], this.blankInfo);
  }

  /**
   * A chart drawn over empty rows below, across the sheet's columns (inside the print width);
   * `keepFrom` (1-based) keeps the rows from there (its data) on the chart's page.
   */
  chart(chart: Omit<ChartSpec, "anchor">, heightPoints: number, keepFrom?: number): void {
    this.close();
    const capacity = pageCapacity() - 2 * SPACER_ROW_POINTS;
    const count = Math.max(4, Math.ceil(Math.min(heightPoints, capacity) / CHART_ROW_POINTS));
    const first = this.nextRow;
    for (let i = 0; i < count; i++) this.push([], this.chartInfo);
    this.charts.push({
      ...chart,
      anchor: { cell: a1(first, 1), widthCols: this.printedColumns, heightRows: count },
    });
    this.keep.push([(keepFrom ?? first) - 1, first + count - 2]);
    this.blank();
  }

  /**
   * The text cell at row `row` (1-based) and column `col` (0-based) shows its text whole where its
   * column holds it on one line, else cut with `…` to what the line holds, but never to fewer than
   * `least` characters (a narrower column wraps that). Its column is measured by that shortest form,
   * so a long text widens nothing: the cell takes what the column has, the width the other rows set.
   */
  shortenToColumn(row: number, col: number, least: number): void {
    const cell = this.rows[row - 1]?.[col];
    if (!cell || typeof cell.value !== "string") return;
    const text = cell.value;
    cell.value = shortenedTo(text, least);
    if (cell.value !== text) this.shortened.push({ row: row - 1, col, text, least });
  }

  /** The {@link shortenToColumn} cells' longest form that fits their column on one line. */
  private lengthenToColumns(widths: number[]): Set<number> {
    const changed = new Set<number>();
    for (const { row, col, text, least } of this.shortened) {
      const cell = this.rows[row][col]!;
      const style = textStyle(cell);
      const points = (widths[col] ?? 0) * WIDTH_UNIT_POINTS.narrow;
      const fits = (value: string): boolean => cellLines(value, points, style) <= 1;
      // The longest length that fits, by halving (a longer cut is never narrower).
      let low = least;
      let high = text.length;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (fits(shortenedTo(text, mid))) low = mid;
        else high = mid - 1;
      }
      const value = shortenedTo(text, low);
      if (value === cell.value) continue;
      cell.value = value;
      changed.add(row);
    }
    return changed;
  }

  /** Keeps row `row` (1-based) on the page of the row under it. */
  keepWithNext(row: number): void {
    this.keep.push([row - 1, row]);
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
    const merged = this.cellsMergedAcross();
    // Columns repeat texts (statuses, periods, goal names) down thousands of rows: measured once.
    const memos = this.columns.map(() => new ColumnMemo());
    const cells = walkCells(this.rows, this.info, this.columns, merged, memos, (table) =>
      table === null ? this.sharedNumbers : this.numbers[table],
    );
    const widths = fitWidths(this.columns, cells.needs);
    // Sheets without planned columns (the roll-up's) set their own widths after: hosts wrap them.
    if (!this.inferColumns) this.breakHeaders(widths, merged, cells.repeats);
    const points = widths.map((w) => w * WIDTH_UNIT_POINTS.narrow);
    // Measured in their shortest form: a row whose text grew is measured anew.
    const lengthened = this.lengthenToColumns(widths);
    const heights: number[] = [];
    for (let r = 0; r < this.rows.length; r++) {
      const info = this.info[r];
      const repeated = cells.repeats[r];
      heights.push(
        lengthened.has(r)
          ? rowPoints(this.rows[r], points)
          : repeated >= 0
            ? heights[repeated]
            : info.role === "chart"
              ? CHART_ROW_POINTS
              : rowHeight(this.rows[r], r, info, points, cells, memos),
      );
    }
    cells.parts.release();
    this.fitChartsToTheirData(heights);
    if (this.inferColumns) {
      // Its maker sets the widths after: the port sizes the rows from those, and no page is planned.
      const spec = this.assemble(widths, heights, cells.formulas, { inserts: [], breaks: [] });
      delete spec.rowHeights;
      return spec;
    }
    const plan = planPages(this.info, heights, this.tableRows, this.keep, this.freeze !== undefined);
    return this.assemble(widths, heights, cells.formulas, plan);
  }

  /**
   * A chart kept on its data's page that misses it by a little once the data's rows are measured
   * (a wrapped label, a two-line heading) is drawn over lower rows, down to CHART_ROW_MIN_POINTS:
   * the data alone on one page and the chart alone on the next left most of a page empty.
   */
  private fitChartsToTheirData(heights: number[]): void {
    const capacity = pageCapacity();
    for (const [from, to] of this.keep) {
      let other = 0;
      let chartRows = 0;
      for (let r = from; r <= to; r++)
        if (this.info[r].role === "chart") chartRows++;
        else other += heights[r];
      if (chartRows === 0 || other === 0 || other + chartRows * CHART_ROW_POINTS <= capacity) continue;
      const fits = Math.floor((capacity - other) / chartRows / PIXEL_POINTS) * PIXEL_POINTS;
      if (fits < CHART_ROW_MIN_POINTS) continue;
      for (let r = from; r <= to; r++) if (this.info[r].role === "chart") heights[r] = fits;
    }
  }

  /**
   * Header text gets its line breaks written in, where Excel's narrower columns would wrap it and
   * a little before the edge: every host then breaks it alike, and neighbouring headers never run
   * together (`Prognos helår` `Årsmål`). A sheet repeats its tables' header: each is broken once
   * per column and look, and a row that `repeats` an earlier one (the same array) is broken there.
   */
  private breakHeaders(widths: number[], merged: MergedCells, repeats: Int32Array): void {
    const broken: Map<TextStyle, Map<string, { lines: string; unbroken: string | null }>>[] = [];
    /** The cells broken in a word, by the row they were broken in (the first of the rows repeating it). */
    const brokenIn = new Map<number, { col: number; text: string }[]>();
    for (let r = 0; r < this.rows.length; r++) {
      if (this.info[r].role !== "header") continue;
      const first = repeats[r];
      if (first >= 0) {
        for (const { col, text } of brokenIn.get(first) ?? []) this.unbroken.push({ row: r, col, text });
        continue;
      }
      const row = this.rows[r];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || typeof cell.value !== "string" || (merged.size > 0 && merged.has(cellKey(r, c))))
          continue;
        const look = textStyle(cell);
        const inColumn = (broken[c] ??= new Map());
        let texts = inColumn.get(look);
        if (!texts) inColumn.set(look, (texts = new Map()));
        let text = texts.get(cell.value);
        if (text === undefined) {
          const width = headerLinePoints(widths[c], look);
          const lines = breakLines(cell.value, width, look.size, look.bold).join("\n");
          texts.set(cell.value, (text = { lines, unbroken: brokenInWord(cell.value, lines) }));
        }
        cell.value = text.lines;
        if (text.unbroken === null) continue;
        this.unbroken.push({ row: r, col: c, text: text.unbroken });
        let inRow = brokenIn.get(r);
        if (inRow === undefined) brokenIn.set(r, (inRow = []));
        inRow.push({ col: c, text: text.unbroken });
      }
    }
  }

  /** Cells that start an area merged across columns: they size no one column. */
  private cellsMergedAcross(): MergedCells {
    const out: MergedCells = new Set();
    for (const m of this.merges) {
      const r = parseA1Range(m);
      if (r && r.col2 > r.col1) out.add(cellKey(r.row1 - 1, r.col1 - 1));
    }
    return out;
  }

  /** The rows and their heights with the header copies inserted; `formulas` marks rows whose formulas shift. */
  private withHeaderCopies(
    heights: number[],
    formulas: Uint8Array,
    inserts: PagePlan["inserts"],
    shift: (row: number) => number,
  ): { rows: Row[]; rowHeights: number[] } {
    const rows: Row[] = [];
    const rowHeights: number[] = [];
    let next = 0;
    for (let r = 0; r < this.rows.length; r++) {
      while (next < inserts.length && inserts[next].before === r) {
        const header = this.tableRows[inserts[next].table].header;
        rows.push(this.rows[header]);
        rowHeights.push(heights[header]);
        next++;
      }
      rows.push(formulas[r] ? shiftedRow(this.rows[r], shift) : this.rows[r]);
      rowHeights.push(heights[r]);
    }
    return { rows, rowHeights };
  }

  /**
   * The spec, with header copies inserted where the plan says; `formulas` marks rows whose formulas
   * shift. Without copies the spec's rows are the builder's own array (nothing reads them after).
   */
  private assemble(widths: number[], heights: number[], formulas: Uint8Array, plan: PagePlan): SheetSpec {
    const shift = makeShift(plan.inserts);
    let rows = this.rows;
    let rowHeights = heights;
    if (plan.inserts.length)
      ({ rows, rowHeights } = this.withHeaderCopies(heights, formulas, plan.inserts, shift));
    const merges: string[] = [];
    for (let r = 0; r < this.rows.length; r++) {
      const mergeTo = this.info[r].mergeTo;
      if (mergeTo !== undefined && mergeTo > 0) {
        const at = shift(r + 1);
        merges.push(`${a1(at, 1)}:${a1(at, mergeTo + 1)}`);
      }
    }
    const tables: TableSpan[] = this.tableRows.map((t) => ({
      heading: t.heading === null ? null : shift(t.heading + 1),
      header: shift(t.header + 1),
      first: shift(t.header + 1) + 1,
      last: shift(t.last + 1),
      ...(t.chartData ? { purpose: "chart-data" as const } : {}),
    }));
    rows = withinLinkLimit(rows, widths.length);
    const spec: SheetSpec = {
      key: this.key,
      rows,
      // Rounded up: a column never gets narrower than its content needs, nor wider than Excel's 255.
      columnWidths: widths.map((w) => Math.min(MAX_COLUMN_WIDTH, Math.ceil(w * 100) / 100)),
      rowHeights,
      tables,
    };
    if (merges.length) spec.merges = merges;
    if (this.unbroken.length)
      spec.unbrokenHeaders = this.unbroken.map(({ row, col, text }) => ({
        cell: a1(shift(row + 1), col + 1),
        text,
      }));
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

/**
 * `text` without soft hyphens, where its `lines` (as {@link breakLines} broke it) break somewhere
 * other than at a space: joined with spaces, they would not read as the text. Null where they would.
 */
function brokenInWord(text: string, lines: string): string | null {
  const unbroken = text.includes(SOFT_HYPHEN) ? text.split(SOFT_HYPHEN).join("") : text;
  if (lines === unbroken) return null;
  const paragraphs = unbroken.split(/\r\n|\r|\n/);
  return lines.split("\n").join(" ") === paragraphs.join(" ") ? null : unbroken;
}

/** `text` in at most `length` characters: whole where it has no more, else cut with `…` at the end. */
export function shortenedTo(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, Math.max(0, length - 1)).trimEnd()}…`;
}

/** A row of header cells only (and at least one). */
function isHeaderRow(row: Row): boolean {
  let any = false;
  for (const cell of row) {
    if (!cell) continue;
    if (cell.style !== "header" && cell.style !== "ownHeader") return false;
    any = true;
  }
  return any;
}

/** The row with its formulas' references moved down past the inserted rows (itself when it has none). */
function shiftedRow(row: Row, shift: (row: number) => number): Row {
  let copy: Row | null = null;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell?.formula) continue;
    copy ??= row.slice();
    copy[c] = { ...cell, formula: shiftFormula(cell.formula, shift) };
  }
  return copy ?? row;
}

/** A header row of bold, filled cells. */
export function headerRow(labels: string[]): Row {
  return labels.map((label) => wrappedCell(label, "header"));
}

export function text(value: string | null, style: CellStyle = "normal"): OutCell | null {
  if (value === null || value === "") return null;
  return textCell(value, style);
}

/** Columns of numbers fit them; others wrap beyond 300 pt. */

/** Excel's widest column, in its width units (*Excel specifications and limits*: 255 characters). */
export const MAX_COLUMN_WIDTH = 255;

/**
 * The most hyperlinks a sheet gets: Excel's limit (*Excel specifications and limits*: 65 530
 * hyperlinks in a worksheet). Past it a cell keeps its text (the source's address) without a link.
 */
export const MAX_SHEET_LINKS = 65_530;

/** `rows` with the links past {@link MAX_SHEET_LINKS} taken off (a copy of each row changed). */
function withinLinkLimit(rows: Row[], columns: number): Row[] {
  if (rows.length * columns <= MAX_SHEET_LINKS) return rows;
  let links = 0;
  let out: Row[] | null = null;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let copy: Row | null = null;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell?.link || ++links <= MAX_SHEET_LINKS) continue;
      copy ??= [...row];
      copy[c] = { ...cell, link: undefined };
    }
    if (copy) (out ??= [...rows])[r] = copy;
  }
  return out ?? rows;
}
