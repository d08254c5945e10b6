/**
 * A follow-up table whose only outcome column is named by its tertial (`Utfall T2`): recognition
 * leaves it unread, since its header alone cannot say whether it is this period's. The period can:
 * once it is resolved, the column is the table's outcome when the period judged is that tertial,
 * of the year the header names (if it names one), and the table's own Period column names no other
 * period. A `Utfall T1` column in a T2 report stays unread.
 */
import {
  goalTableRole,
  isTertialOutcomeOf,
  outcomeTertial,
  unreadOutcomeTertial,
} from "../recognise/headers";
import { cellValue } from "../recognise/tableRow";
import type { ColumnRole, RecognisedColumn, RecognisedTable } from "../recognise/types";
import { textOf } from "../grid";
import { parsePeriodText, yearOf } from "../parse/period";
import type { Period } from "./types";

/**
 * `tables` with such a column read as the outcome, an outcome column of an earlier year than the
 * period's made the previous period's (see {@link earlierYearOutcome}) and a forecast of an earlier
 * year left unread ({@link earlierYearForecast}); the same array when no table has any.
 */
export function withPeriodOutcomes(tables: RecognisedTable[], period: Period): RecognisedTable[] {
  if (period.kind === "VP") return tables;
  let out: RecognisedTable[] | null = null;
  for (let t = 0; t < tables.length; t++) {
    const read = earlierYearForecast(earlierYearOutcome(periodOutcome(tables[t], period), period), period);
    if (read === tables[t]) continue;
    out ??= tables.slice();
    out[t] = read;
  }
  return out ?? tables;
}

/**
 * A forecast column whose header names a year before the period's (`Prognos helår 2025` kept in a
 * T1 2026 table) is last year's forecast, no forecast of the period: judged as one, a status said
 * `Uppfyllt (prognos)` on last year's figure, and an empty cell of it was a missing forecast (the
 * review of 8 December). Left unread, as last year's whole-year outcome is.
 */
function earlierYearForecast(table: RecognisedTable, period: Period): RecognisedTable {
  const periodYear = period.year;
  if (table.type !== "indicators-followup" || periodYear === null) return table;
  const earlier = (c: RecognisedColumn): boolean =>
    c.role === "forecast" && (yearOf(c.header) ?? periodYear) < periodYear;
  if (!table.columns.some(earlier)) return table;
  return { ...table, columns: table.columns.map((c) => (earlier(c) ? { ...c, role: null } : c)) };
}

/**
 * An outcome column whose header names a year before the period's (`Utfall 2025` in VB 2026, where
 * the year's own `Resultat helår` was not read; `Utfall 2019` before `Utfall 2020 | Utfall april`
 * in T1 2021) is no outcome of the period. The period's is the first outcome column that names its
 * year or none (left unread as a second outcome), if any; the previous period's, where the table has
 * none, the latest earlier year's. Judged as this year's, last year's figures were printed as the
 * period's outcome, and a missing one went unsaid.
 */
function earlierYearOutcome(table: RecognisedTable, period: Period): RecognisedTable {
  const periodYear = period.year;
  if (table.type !== "indicators-followup" || periodYear === null) return table;
  const at = table.columns.findIndex((c) => c.role === "outcome");
  if (at < 0) return table;
  const year = yearOf(table.columns[at].header);
  if (year === null || year >= periodYear) return table;
  // The period's own tertial and year, taken for the previous period's by its name (`Utfall T2
  // 2021` beside `Utfall 2020` in T2 2021), is the period's outcome.
  const tertial = period.kind === "T1" ? 1 : period.kind === "T2" ? 2 : null;
  const ownTertial = (c: RecognisedColumn): boolean =>
    tertial !== null &&
    c.role === "previous" &&
    outcomeTertial(c.header) === tertial &&
    yearOf(c.header) === periodYear;
  let outcome = table.columns.findIndex(ownTertial);
  let previous = -1;
  let previousYear = 0;
  const hasPrevious = table.columns.some((c, k) => c.role === "previous" && k !== outcome);
  table.columns.forEach((c, k) => {
    if (k === outcome || (k !== at && c.role !== null) || goalTableRole(c.header) !== "outcome") return;
    const named = yearOf(c.header);
    if (named === null || named === periodYear) {
      if (outcome < 0) outcome = k;
    } else if (named < periodYear && !hasPrevious && named > previousYear) {
      previous = k;
      previousYear = named;
    }
  });
  const roleOf = (k: number, role: ColumnRole | null): ColumnRole | null =>
    k === outcome ? "outcome" : k === previous ? "previous" : k === at ? null : role;
  return { ...table, columns: table.columns.map((c, k) => ({ ...c, role: roleOf(k, c.role) })) };
}

function periodOutcome(table: RecognisedTable, period: Period): RecognisedTable {
  if (table.type !== "indicators-followup" || (period.kind !== "T1" && period.kind !== "T2")) return table;
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
