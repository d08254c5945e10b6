/**
 * The columns of a recognised table whose values nothing reads: a header mapped to no role (left
 * Okänd, or a second column of a role already taken) over rows that hold values. The check reports
 * them (`column-unrecognized`, one finding per sheet and header), Läs in names them on each table.
 */
import { textOf } from "../grid";
import { matchKey } from "../parse/text";
import { cellValue, hasCell } from "./tableRow";
import type { RecognisedColumn, RecognisedTable } from "./types";

export interface UnreadColumn {
  column: RecognisedColumn;
  /** Rows of the table that hold a value in the column. */
  filled: number;
  /**
   * Whether every value is text without a digit (`Enhetschef`, `Rektorer`): plainly no figure, so
   * nothing the check needs is lost with it. A number, a date or `ca 40` is not.
   */
  textOnly: boolean;
}

/**
 * The table's columns with values and no role; none in a budget table of none of the city's layouts.
 * A level column (`Målnivå`) in a table with no `Mål` column is among them: the level of no named
 * goal, it links no row to a goal.
 */
export function unreadColumns(table: RecognisedTable): UnreadColumn[] {
  // Driftbudget prints such a table's other columns as written: nothing is left unread.
  if (table.type === "budget-other") return [];
  const out: UnreadColumn[] = [];
  const named = table.columns.some((c) => c.role === "goal");
  for (const column of table.columns) {
    if (column.role !== null && (column.role !== "goalLevel" || named)) continue;
    const at = column.col - table.firstCol;
    let filled = 0;
    let textOnly = true;
    for (const row of table.rows) {
      if (!hasCell(row, at)) continue;
      const value = cellValue(row, at);
      if (textOf(value) === "") continue;
      filled++;
      if (textOnly && (typeof value !== "string" || /\d/.test(value))) textOnly = false;
    }
    if (filled) out.push({ column, filled, textOnly });
  }
  return out;
}

/**
 * What makes two tables' columns one column to a person: the header's words (`Ansvarig` in each
 * goal's table of a sheet), or for a column without a header its letter.
 */
export function sameHeaderKey(column: RecognisedColumn): string {
  const key = matchKey(column.header);
  return key ? `h:${key}` : `c:${column.col}`;
}
