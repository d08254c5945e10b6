/**
 * What the report stage produces and the ports write: plain, host-independent sheet specs.
 * Both ports render the same spec; neither decides layout.
 */

import type { OwnedSheetKey } from "../state";

export type { OwnedSheetKey, RollupSheetKey } from "../state";
export { OWNED_SHEET_TITLES, STATE_SHEET } from "../state";

export type CellStyle =
  | "title" // sheet title, large bold
  | "heading" // goal heading above a table, bold
  | "header" // table header row: bold, filled, bordered bottom
  | "normal"
  | "total" // bold, top border
  | "varav" // italic, indented
  | "note"; // small grey text

export type StatusTone = "good" | "partial" | "bad" | "neutral";

export interface OutCell {
  /** The value shown (for a formula cell: the engine's computed value, cached for readers). */
  value: string | number | null;
  /** Formula without leading `=`, over source cells; `value` is its expected result. */
  formula?: string;
  /** Number format code, locale-invariant (`#,##0.0`, `#,##0`, `0.0 %`). */
  format?: string;
  style?: CellStyle;
  /** Colour cue for status cells; always accompanied by words/symbols in `value`. */
  tone?: StatusTone;
  /** Internal hyperlink target. */
  link?: { sheet: string; cell: string };
  /** Wrap text in the cell. */
  wrap?: boolean;
  /** Indent level (Excel's IndentLevel / ExcelJS alignment.indent), e.g. a sub-goal under its goal. */
  indent?: number;
}

export type ChartKind = "bar" | "stackedBar";

export interface ChartSpec {
  title: string;
  kind: ChartKind;
  /** Category labels range on the owned sheet, A1 (e.g. `A5:A21`). */
  categories: string;
  /** Series: name + values range on the owned sheet. */
  series: { name: string; values: string }[];
  /** Anchor: top-left cell and size in columns/rows. */
  anchor: { cell: string; widthCols: number; heightRows: number };
}

export interface SheetSpec {
  key: OwnedSheetKey;
  /** Rows from A1 downwards; `null` is an empty cell. */
  rows: (OutCell | null)[][];
  /** Column widths in Excel character units. */
  columnWidths: number[];
  /** Merged areas, A1. */
  merges?: string[];
  charts?: ChartSpec[];
  /** Rows of header cells that repeat when printed (1-based); optional. */
  freezeRows?: number;
}

/** A mark on a user's cell: applied as Målkoll-owned conditional formatting / note, removable. */
export interface Flag {
  sheet: string;
  cell: string;
  severity: "error" | "warning" | "info";
  message: string;
}

export interface GeneratedOutput {
  sheets: SheetSpec[];
  flags: Flag[];
}
