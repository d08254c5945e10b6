/**
 * A follow-up table whose only outcome column is named by its tertial (`Utfall T2`): recognition
 * leaves it unread, since its header alone cannot say whether it is this period's. The period can:
 * once it is resolved, the column is the table's outcome when the period judged is that tertial,
 * of the year the header names (if it names one), and the table's own Period column names no other
 * period. A `Utfall T1` column in a T2 report stays unread.
 */
import { isTertialOutcomeOf, unreadOutcomeTertial } from "../recognise/headers";
import { cellValue } from "../recognise/tableRow";
import type { RecognisedTable } from "../recognise/types";
import { textOf } from "../grid";
import { parsePeriodText, yearOf } from "../parse/period";
import type { Period } from "./types";

/** `tables` with such a column read as the outcome; the same array when no table has one. */
export function withPeriodOutcomes(tables: RecognisedTable[], period: Period): RecognisedTable[] {
  if (period.kind !== "T1" && period.kind !== "T2") return tables;
  let out: RecognisedTable[] | null = null;
  for (let t = 0; t < tables.length; t++) {
    const read = periodOutcome(tables[t], period);
    if (read === tables[t]) continue;
    out ??= tables.slice();
    out[t] = read;
  }
  return out ?? tables;
}

function periodOutcome(table: RecognisedTable, period: Period): RecognisedTable {
  if (table.type !== "indicators-followup") return table;
  let lone = -1;
  for (let c = 0; c < table.columns.length; c++) {
    const column = table.columns[c];
    if (column.role === "outcome") return table;
    if (unreadOutcomeTertial(column) === null) continue;
    if (lone >= 0) return table;
    lone = c;
  }
  if (lone < 0) return table;
  const kind = period.kind;
  if ((kind !== "T1" && kind !== "T2") || !isTertialOutcomeOf(table.columns[lone], kind, period.year))
    return table;
  if (!periodColumnAgrees(table, kind, yearOf(table.columns[lone].header) ?? period.year)) return table;
  return {
    ...table,
    columns: table.columns.map((c, k) => (k === lone ? { ...c, role: "outcome" } : c)),
  };
}

/** Whether every period the table's Period column names is `kind` (of `year`, when both name one). */
function periodColumnAgrees(table: RecognisedTable, kind: "T1" | "T2", year: number | null): boolean {
  const column = table.columns.find((c) => c.role === "period");
  if (!column) return true;
  const at = column.col - table.firstCol;
  const seen = new Set<string>();
  for (const row of table.rows) {
    const text = textOf(cellValue(row, at));
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const named = parsePeriodText(text);
    if (!named) continue;
    if (named.kind !== kind || (named.year !== null && year !== null && named.year !== year)) return false;
  }
  return true;
}
