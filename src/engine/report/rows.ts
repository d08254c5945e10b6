/**
 * The rows a sheet builder holds, as the column fitting and the page planning see them.
 */
import type { OutCell } from "./spec";

export type Row = (OutCell | null)[];

/**
 * How a column takes its width (points are of printed text):
 * - `text`: wraps; shares the width left by the others (by `weight`), between `min` and `max`.
 * - `fit`: as wide as its widest cell and the longest word of its header (numbers, dates).
 * - `label`: short text, as wide as its widest cell up to `max`, wrapping beyond.
 * - `spacer`: the narrow blank column that sets Målkoll's own columns apart from the city's.
 * A `text` or `fit` column with `headerLines` is first as wide as its headers need to take no more
 * lines than that (a row of headers is as tall as its deepest), unless the page is too narrow.
 */
export type ColumnSpec =
  | { kind: "text"; min?: number; max?: number; weight?: number; headerLines?: number }
  | { kind: "fit"; headerLines?: number }
  | { kind: "label"; max?: number }
  | { kind: "spacer" };

export type Role =
  "title" | "note" | "heading" | "header" | "body" | "attached" | "text" | "spacer" | "chart";

export interface RowInfo {
  role: Role;
  /** Index of the table the row belongs to (heading, header and body rows). */
  table: number | null;
  /** Merged from column 0 to this column (0-based), for rows spanning the sheet. */
  mergeTo?: number;
  /** Spans the sheet: merged to its last column (known when the sheet is built). */
  spansSheet?: boolean;
  /** A header row's own line limit, where its columns allow more (another table's header sets them). */
  headerLines?: number;
}

export interface TableRows {
  /** 0-based rows. */
  heading: number | null;
  header: number;
  last: number;
  /** The table holds a chart's data. */
  chartData?: boolean;
}
