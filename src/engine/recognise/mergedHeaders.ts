import type { CellValue, SheetGrid } from "../grid";
import { cellAt, parseA1Range, textOf } from "../grid";
import { budgetRole, goalTableRole } from "./headers";
import type { HeaderCandidate } from "./tables";
import type { ColumnRole } from "./types";
import { headerFromCells, isGoalColumn, MAX_HEADER_CELL } from "./tables";

interface Area {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

/** Header rows a merged header may span (a group row over a sub-header row, or three levels). */
const MAX_HEADER_ROWS = 3;

/**
 * Hand-kept tables spread a header over merged cells: `Indikator` merged down over two rows beside
 * `Utfall` merged across three columns with `Totalt | Män | Kvinnor` under it. Such a header is
 * read as the header it shows: each column's texts from top to bottom (`Utfall Män`), and the
 * table's rows start under its last header row.
 */
export class MergedHeaders {
  private readonly byTopRow = new Map<number, Area[]>();

  constructor(private readonly sheet: SheetGrid) {
    for (const range of sheet.merges ?? []) {
      const area = parseA1Range(range);
      if (!area || (area.row1 === area.row2 && area.col1 === area.col2)) continue;
      const list = this.byTopRow.get(area.row1);
      if (list) list.push(area);
      else this.byTopRow.set(area.row1, [area]);
    }
  }

  /** The header whose top row is `row` and that merged cells spread over further rows, or null. */
  read(row: number, lastColumn: number): HeaderCandidate | null {
    const starting = this.byTopRow.get(row);
    if (!starting) return null;
    const bottom = this.bottomRow(row, starting, lastColumn);
    if (bottom === row) return null;
    // Only merges that start inside the header shape it (one above it is no part of it).
    const inside: Area[] = [];
    for (let r = row; r <= bottom; r++) for (const a of this.byTopRow.get(r) ?? []) inside.push(a);
    const columns: { col: number; parts: string[] }[] = [];
    for (let c = this.sheet.originCol; c <= lastColumn; c++) {
      const parts: string[] = [];
      for (let r = row; r <= bottom; r++) {
        const v = shownValue(this.sheet, inside, r, c);
        if (v === null) continue;
        if (typeof v !== "string") return null; // a header holds text only
        const text = textOf(v);
        if (text && !parts.includes(text)) parts.push(text);
      }
      if (parts.length) columns.push({ col: c, parts });
    }
    const opening = columns.length ? goalTableRole(columns[0].parts.join(" ")) : null;
    const roleOf = opening === "name" || isGoalColumn(opening) ? goalTableRole : budgetRole;
    const cells: { col: number; text: string }[] = [];
    for (const { col, parts } of columns) {
      const text = readableHeader(parts, roleOf);
      if (text.length > MAX_HEADER_CELL) return null;
      cells.push({ col, text });
    }
    return headerFromCells(bottom, cells);
  }

  /**
   * The last header row: the lowest row a merge from `row` reaches down to, or, when the merges
   * only run across, the row under them if it has text below a merged group.
   */
  private bottomRow(row: number, starting: Area[], lastColumn: number): number {
    let bottom = row;
    for (const a of starting) bottom = Math.max(bottom, Math.min(a.row2, row + MAX_HEADER_ROWS - 1));
    if (bottom > row) return bottom;
    const groups = starting.filter((a) => a.col2 > a.col1);
    for (const g of groups)
      for (let c = g.col1; c <= Math.min(g.col2, lastColumn); c++)
        if (textOf(cellAt(this.sheet, row + 1, c))) return row + 1;
    return row;
  }
}

/**
 * A column's header texts (top to bottom) as one header: joined as they read (`Utfall Män`), else,
 * under a group label that is itself a header (`Mål` over `Årsmål`, `Utfall` over `Periodens
 * utfall`), the texts below it, else joined from the bottom up (`Totalt` over `Utfall`). When the
 * two differ (`VB 2020` over `Utfall`), the group label qualifies and the bottom-up reading wins.
 * A header known in none of these ways is kept as it reads.
 */
function readableHeader(parts: string[], roleOf: (header: string) => ColumnRole | null): string {
  const asRead = parts.join(" ");
  if (parts.length < 2 || roleOf(asRead)) return asRead;
  const upward = [...parts].reverse().join(" ");
  const upwardRole = roleOf(upward);
  for (let i = 1; i < parts.length && roleOf(parts[i - 1]); i++) {
    const below = parts.slice(i).join(" ");
    const role = roleOf(below);
    if (role && (!upwardRole || role === upwardRole)) return below;
  }
  return upwardRole ? upward : asRead;
}

/** What Excel shows in a cell: its own value, or the value of the merged area it lies in. */
function shownValue(sheet: SheetGrid, areas: Area[], row: number, col: number): CellValue {
  const own = cellAt(sheet, row, col);
  if (own !== null) return own;
  const area = areas.find((a) => row >= a.row1 && row <= a.row2 && col >= a.col1 && col <= a.col2);
  return area ? cellAt(sheet, area.row1, area.col1) : null;
}
