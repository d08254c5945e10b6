/**
 * A small builder for generated sheets: rows from A1 down, a title and a note on top, column widths
 * fitted to the content. Knows nothing about goals or budgets.
 */
import type { CellStyle, ChartSpec, OutCell, OwnedSheetKey, SheetSpec } from "./spec";

/** Widths in Excel character units. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Text columns wider than this wrap instead of growing. */
const WRAP_AT = 60;

/** Styles whose text may overflow into empty neighbours, so they don't size a column. */
const OVERFLOWING: ReadonlySet<CellStyle> = new Set<CellStyle>(["title", "heading", "note"]);

export type Row = (OutCell | null)[];

export class SheetBuilder {
  readonly rows: Row[] = [];
  private charts: ChartSpec[] = [];
  private merges: string[] = [];
  private freeze: number | undefined;

  constructor(private readonly key: OwnedSheetKey) {}

  /** Appends a row and returns its 1-based sheet row. */
  add(row: Row): number {
    this.rows.push(row);
    return this.rows.length;
  }

  blank(): number {
    return this.add([]);
  }

  /** The next row to be added (1-based). */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  /** Title row, note row, one empty row. */
  heading(title: string, note: string): void {
    this.add([{ value: title, style: "title" }]);
    this.add([{ value: note, style: "note" }]);
    this.blank();
  }

  /** Merges an area, A1 (a group header over the columns it names). */
  merge(range: string): void {
    this.merges.push(range);
  }

  chart(chart: ChartSpec): void {
    this.charts.push(chart);
  }

  freezeRows(rows: number): void {
    this.freeze = rows;
  }

  build(): SheetSpec {
    const columnWidths = fitColumns(this.rows);
    const spec: SheetSpec = { key: this.key, rows: this.rows, columnWidths };
    if (this.merges.length) spec.merges = this.merges;
    if (this.charts.length) spec.charts = this.charts;
    if (this.freeze !== undefined) spec.freezeRows = this.freeze;
    return spec;
  }
}

/** Approximate characters a cell shows. */
function displayLength(cell: OutCell): number {
  const v = cell.value;
  if (v === null) return 0;
  if (typeof v === "string") {
    if (cell.style === "header") {
      // Wrapped header text needs room for its longest word. Header text is bold, about a tenth
      // wider than the digit width columns are measured in.
      const longestWord = Math.max(0, ...v.split(/\s+/).map((w) => w.length));
      return Math.ceil(longestWord * 1.1);
    }
    // Long wrapped text wraps at the cap.
    if (cell.wrap) return Math.min(v.length, WRAP_AT);
    return v.length;
  }
  const { literalLength, decimals, percent } = formatTraits(cell.format ?? "");
  const magnitude = Math.abs(percent ? v * 100 : v);
  const intDigits = Math.max(1, Math.floor(Math.log10(Math.max(1, magnitude))) + 1);
  const groups = Math.floor((intDigits - 1) / 3);
  return (
    intDigits + groups + (decimals ? decimals + 1 : 0) + (v < 0 ? 1 : 0) + literalLength + (percent ? 2 : 0)
  );
}

interface FormatTraits {
  /** Characters of quoted literal text (`" st"`). */
  literalLength: number;
  decimals: number;
  percent: boolean;
}

/** A report uses a handful of number formats over thousands of cells. */
const formatTraitsCache = new Map<string, FormatTraits>();

function formatTraits(format: string): FormatTraits {
  let traits = formatTraitsCache.get(format);
  if (traits) return traits;
  const literalText =
    format
      .match(/"[^"]*"/g)
      ?.join("")
      .replace(/"/g, "") ?? "";
  traits = {
    literalLength: literalText.length,
    decimals: /0\.(0+)/.exec(format)?.[1].length ?? 0,
    percent: format.includes("%"),
  };
  if (formatTraitsCache.size >= 1000) formatTraitsCache.clear();
  formatTraitsCache.set(format, traits);
  return traits;
}

/** Column widths that fit the content; long text cells are set to wrap. */
export function fitColumns(rows: Row[]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, c) => {
      if (!cell || (cell.style && OVERFLOWING.has(cell.style))) return;
      if (typeof cell.value === "string" && cell.value.length > WRAP_AT) cell.wrap = true;
      // An indent level takes about two characters.
      widths[c] = Math.max(widths[c] ?? 0, displayLength(cell) + 2 * (cell.indent ?? 0));
    });
  }
  const out: number[] = [];
  for (let c = 0; c < widths.length; c++)
    out.push(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (widths[c] ?? 0) + 2)));
  return out;
}

/** A header row: bold, filled, wrapped. */
export function headerRow(labels: string[]): Row {
  return labels.map((label) => ({ value: label, style: "header" as const, wrap: true }));
}

export function text(value: string | null, style: CellStyle = "normal"): OutCell | null {
  if (value === null || value === "") return null;
  return { value, style };
}
