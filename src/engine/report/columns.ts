/**
 * Column widths for a generated sheet: from each column's cells (a header's longest word, the
 * body's widest cell) and the column's kind, fitted to the printable width of A4 landscape.
 */
import type { TextStyle } from "./look";
import { CELL_PADDING_POINTS, INDENT_POINTS, SPACER_WIDTH, WIDTH_UNIT_POINTS, printableArea } from "./look";
import { breakLines } from "./measure";
import type { ColumnSpec, Row, RowInfo } from "./rows";

/** Points kept free at the right of a header's lines. */
export const HEADER_GUTTER_POINTS = 4;

/** Points a header's lines get in a column `width` units wide: the width the layout breaks them to. */
export function headerLinePoints(width: number, style: TextStyle): number {
  return (
    width * WIDTH_UNIT_POINTS.narrow -
    CELL_PADDING_POINTS -
    style.indent * INDENT_POINTS -
    HEADER_GUTTER_POINTS
  );
}

/** Width units a cell needs for `points` of text (Excel's narrower unit, padding included). */
export function units(points: number): number {
  return (points + CELL_PADDING_POINTS) / WIDTH_UNIT_POINTS.narrow;
}

export function inferredColumns(rows: Row[], info: RowInfo[]): ColumnSpec[] {
  const count = rows.reduce((n, row, r) => (info[r].spansSheet ? n : Math.max(n, row.length)), 1);
  return Array.from({ length: count }, (_, c): ColumnSpec => {
    const cells = rows.flatMap((row, r) =>
      info[r].role === "body" || info[r].role === "text" ? [row[c]] : [],
    );
    const numbers = cells.every((cell) => !cell || typeof cell.value !== "string");
    return numbers ? { kind: "fit" } : { kind: "label", max: 300 };
  });
}

export interface ColumnNeeds {
  /** Widest cell on one line (headers excepted). */
  full: number;
  /** Widest word, headers included. */
  word: number;
  /** Widest word in the body alone. */
  bodyWord: number;
  /** Widest number or date. */
  numbers: number;
  /** Widest header on one line. */
  header: number;
  /** Width the headers need to take no more lines than the column's `headerLines`. */
  headerFit: number;
}

/**
 * The narrowest width (units) at which a header takes at most `lines` lines as the layout breaks
 * it; `full` is its width on one line.
 */
export function widthForLines(text: string, style: TextStyle, lines: number, full: number): number {
  const fits = (width: number): boolean =>
    breakLines(text, headerLinePoints(width, style), style.size, style.bold).length <= lines;
  let low = 0;
  let high = full;
  if (!fits(high)) return full;
  while (high - low > 0.01) {
    const mid = (low + high) / 2;
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * The one-line width (units) beyond which a text column's widest cell no longer changes its
 * width: its `max`, or without one the page (it then takes all it can get). Other columns hold
 * short texts, measured whole.
 */
export function fullCap(spec: ColumnSpec, page: number): number {
  return spec.kind === "text" ? units(spec.max ?? page) : Infinity;
}

/** Column widths in Excel's units for what the columns need, fitted to the printable width of A4 landscape. */
export function fitWidths(columns: ColumnSpec[], needs: ColumnNeeds[]): number[] {
  const budget = (printableArea().width - 4) / WIDTH_UNIT_POINTS.wide;
  const widths = columns.map((spec, c) => {
    const n = needs[c];
    if (spec.kind === "spacer") return SPACER_WIDTH;
    if (spec.kind === "fit") return Math.max(n.full, n.word, n.headerFit, 4);
    if (spec.kind === "label") return Math.max(n.numbers, n.word, Math.min(n.full, units(spec.max ?? 80)), 4);
    return 0;
  });
  const text = columns.flatMap((spec, c) => (spec.kind === "text" ? [{ spec, c }] : []));
  const min = new Map(
    text.map(({ spec, c }) => [c, Math.max(needs[c].word, needs[c].headerFit, units(spec.min ?? 100))]),
  );
  const fixed = () => widths.reduce((sum, w) => sum + w, 0);
  const minimum = () => [...min.values()].reduce((sum, w) => sum + w, 0);
  // Too wide: labels down to their longest word, then text columns narrower (down to their
  // longest word and 60 pt), and only then may header words break (and headers go deeper than
  // their `headerLines`).
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
  left = share(
    widths,
    left,
    text.map(({ spec, c }) => ({ c, weight: spec.kind === "text" ? (spec.weight ?? 1) : 1 })),
    (c) => desired(columns[c], needs[c]),
  );
  // Width still left goes to the columns whose header wraps deep over a narrow figure
  // (`Avvikelse (+/-) (inkl. begärda BJ)` on five lines), shared alike, each up to half its header;
  // then to labels a cap wrapped (`Tas fram av nämnd/styrelse`, every such row two lines high), up
  // to their widest cell on one line; then to headers, up to one line (`VP 2022` broken over
  // `3 211,3` beside half a page of white).
  const others = columns.flatMap((spec, c) =>
    spec.kind === "fit" || spec.kind === "label" ? [{ c, weight: 1 }] : [],
  );
  left = share(widths, left, others, (c) => needs[c].header / 2);
  left = share(
    widths,
    left,
    others.filter(({ c }) => columns[c].kind === "label"),
    (c) => Math.max(needs[c].numbers, needs[c].full),
  );
  share(widths, left, others, (c) => needs[c].header);
  return widths;
}

/**
 * Shares `left` units among `columns` by weight, in rounds, each column up to its `target`; returns
 * what is left over.
 */
function share(
  widths: number[],
  left: number,
  columns: { c: number; weight: number }[],
  target: (c: number) => number,
): number {
  let open = columns.filter(({ c }) => widths[c] < target(c));
  while (left > 0.01 && open.length) {
    const weight = open.reduce((sum, o) => sum + o.weight, 0);
    let given = 0;
    for (const { c, weight: w } of open) {
      const add = Math.min((left * w) / weight, target(c) - widths[c]);
      widths[c] += add;
      given += add;
    }
    left -= given;
    open = open.filter(({ c }) => widths[c] < target(c) - 0.01);
    if (given < 0.01) break;
  }
  return left;
}

function desired(spec: ColumnSpec, need: ColumnNeeds): number {
  const max = spec.kind === "text" && spec.max !== undefined ? units(spec.max) : Infinity;
  return Math.max(need.word, Math.min(need.full, max));
}
