/**
 * The columns of a recognised table whose values nothing reads: a header mapped to no role (left
 * Okänd, or a second column of a role already taken) over rows that hold values. The check reports
 * them (`column-unrecognized`, one finding per sheet and header), Läs in names them on each table,
 * except those the user hid: a hidden column is their helper, out of sight by choice.
 */
import { textOf } from "../grid";
import { matchKey } from "../parse/text";
import { parseIndicatorAssessment } from "../parse/assessment";
import { parseActivityStatus } from "../parse/activityStatus";
import { parseGoalLevel } from "./goals";
import { cellValue, hasCell, mostOfColumn } from "./tableRow";
import type { RecognisedColumn, RecognisedTable } from "./types";
import { readsRole } from "./types";

export interface UnreadColumn {
  column: RecognisedColumn;
  /** Rows of the table that hold a value in the column. */
  filled: number;
  /**
   * Whether every value is text without a digit (`Enhetschef`, `Rektorer`): plainly no figure, so
   * nothing the check needs is lost with it. A number, a date or `ca 40` is not.
   */
  textOnly: boolean;
  /** A level column whose values are goal levels, unread only because no `Mål` column names the goals. */
  goalLevels: boolean;
  /** The user hid the column: nothing reports it as unread. */
  hidden: boolean;
}

/**
 * The table's columns with values and no role; none in a budget table of none of the city's layouts.
 * A level column (`Målnivå`) is among them in a table with no `Mål` column (the level of no named
 * goal, it links no row to a goal), and when its values are no goal levels (a `Nivå` of `Hög`/`Låg`
 * or `Enhet`/`Stadsdel`: its header gave it the role before its values were seen).
 */
export function unreadColumns(table: RecognisedTable): UnreadColumn[] {
  // Driftbudget prints such a table's other columns as written: nothing is left unread.
  if (table.type === "budget-other") return [];
  const out: UnreadColumn[] = [];
  const named = table.columns.some((c) => c.role === "goal" || c.role === "goalId");
  for (const column of table.columns) {
    const at = column.col - table.firstCol;
    const goalLevels = column.role === "goalLevel" && holdsGoalLevels(table, at);
    if (
      column.role !== null &&
      readsRole(table.type, column.role) &&
      (column.role !== "goalLevel" || (goalLevels && named)) &&
      // A Status column of traffic lights (`Grön`, `Gul`) states none of an activity's statuses.
      (column.role !== "status" ||
        mostOfColumn(table, at, (value) => parseActivityStatus(textOf(value)) !== null)) &&
      // A `Bedömning` column of other words (`Se analys`) states no indicator's assessment.
      (column.role !== "assessment" || holdsIndicatorAssessments(table, at))
    )
      continue;
    let filled = 0;
    let textOnly = true;
    for (const row of table.rows) {
      if (!hasCell(row, at)) continue;
      const value = cellValue(row, at);
      if (textOf(value) === "") continue;
      filled++;
      if (textOnly && (typeof value !== "string" || /\d/.test(value))) textOnly = false;
    }
    if (filled)
      out.push({
        column,
        filled,
        textOnly,
        goalLevels,
        hidden: table.hiddenColumns?.includes(column.col) === true,
      });
  }
  return out;
}

/**
 * Whether the table's column at `at` (an index into its rows' cells) holds goal levels: most of its
 * filled cells name one (`Nämndmål`, `Enhetsmål`). Else its values state no level and are not read.
 */
export function holdsGoalLevels(table: RecognisedTable, at: number): boolean {
  return mostOfColumn(table, at, (value) => parseGoalLevel(textOf(value)) !== null);
}

/**
 * Whether the table's column at `at` holds indicators' own assessments: most of its filled cells
 * state one (`Uppfyllt`, `Grön`). Else it is a column not read, and none of its cells is read.
 */
export function holdsIndicatorAssessments(table: RecognisedTable, at: number): boolean {
  return mostOfColumn(table, at, (value) => parseIndicatorAssessment(textOf(value)) !== null);
}

/**
 * What makes two tables' columns one column to a person: the header's words (`Ansvarig` in each
 * goal's table of a sheet), or for a column without a header its letter.
 */
export function sameHeaderKey(column: RecognisedColumn): string {
  const key = matchKey(column.header);
  return key ? `h:${key}` : `c:${column.col}`;
}
