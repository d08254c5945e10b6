/** Finding codes and severities: the public contract (docs/CONTRACT.md). Add codes; never rename. */
export const FINDING_SEVERITY = {
  "value-unparseable": "error",
  "unit-mismatch": "error",
  "activity-dates": "error",
  "activity-dates-missing": "warning",
  "budget-deviation-mismatch": "error",
  "budget-total-mismatch": "error",
  "budget-netto-mismatch": "error",
  "budget-sign": "error",
  "target-missing": "warning",
  "target-less-ambitious": "warning",
  "gender-split-inconsistent": "warning",
  "outcome-missing": "warning",
  "forecast-missing": "warning",
  "analysis-missing": "warning",
  "activity-deviation-unmarked": "warning",
  "assessment-contradicts": "warning",
  "duplicate-indicator": "warning",
  "placeholder-text": "warning",
  "budget-deviation-large": "warning",
  "result-unit-cap": "warning",
  "header-unrecognized": "warning",
  "period-unknown": "warning",
  "owned-name-clash": "warning",
  "generated-table-edited": "warning",
  "nothing-recognised": "warning",
  "formula-not-calculated": "warning",
  "row-not-read": "warning",
  "goal-heading-unread": "warning",
  "direction-unknown": "info",
  "protected-sheet-unflagged": "info",
  "column-unrecognized": "info",
  "rows-hidden": "info",
  "sheet-hidden": "info",
  "goal-list-unread": "info",
  // `malkoll compare`: a plan against its follow-up.
  "plan-goal-missing": "warning",
  "plan-indicator-missing": "warning",
  "plan-activity-missing": "warning",
  "plan-target-changed": "warning",
  "plan-goal-changed": "info",
  "plan-activity-dates-changed": "info",
  "followup-unplanned": "info",
} as const;

export type FindingCode = keyof typeof FINDING_SEVERITY;
export type Severity = "error" | "warning" | "info";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** The single cell to fix, A1. */
  cell: string;
  /** The whole area concerned, A1 range, when wider than `cell`. */
  range?: string;
  /** Goal id (`Sheet!A12`) or null. */
  goal: string | null;
  /** Swedish message. */
  message: string;
  /** English message (shown when Office's display language is English). */
  messageEn: string;
  /** The file the finding is about, where a run reads more than one (compare, rollup). */
  workbook?: string;
}

export interface FindingInput {
  code: FindingCode;
  sheet: string;
  cell: string;
  range?: string;
  goal?: string | null;
  message: string;
  messageEn: string;
}

/** The most characters of a cell's text that a message or a JSON field carries. */
export const MAX_QUOTED_TEXT = 2000;

/**
 * `text` cut to `max` characters, marked as cut with its full length, so a 1 MB cell never
 * becomes a 1 MB message or JSON field. Shorter text is returned as it is.
 */
export function boundedText(text: string, max = MAX_QUOTED_TEXT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}…[avkortad: ${text.length} tecken / cut: ${text.length} characters]`;
}

export function finding(input: FindingInput): Finding {
  const out: Finding = {
    code: input.code,
    severity: FINDING_SEVERITY[input.code],
    sheet: input.sheet,
    cell: input.cell,
    goal: input.goal ?? null,
    message: boundedText(input.message),
    messageEn: boundedText(input.messageEn),
  };
  if (input.range && input.range !== input.cell) out.range = input.range;
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Rows and columns a packed sort key holds: Excel's 1 048 576 rows and 16 384 columns, with room. */
const ROW_SPAN = 2 ** 21;
const COL_SPAN = 2 ** 15;
/** Severity-and-sheet groups a packed key holds, so that it stays an exact integer (< 2^53). */
const GROUP_SPAN = 2 ** 16;

/** Stable order: severity, then sheet order as given, then row, then column, then code. */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const sheetIndex = new Map(sheetOrder.map((s, i) => [s, i]));
  // Sheets not in the order come after all of them, as equals.
  const sheets = sheetOrder.length + 1;
  // Keys worked out once per finding into flat arrays, not in the comparator, and no object each.
  const count = findings.length;
  const group = new Float64Array(count);
  const rows = new Float64Array(count);
  const cols = new Float64Array(count);
  const order: number[] = new Array<number>(count);
  let packable = 3 * sheets <= GROUP_SPAN;
  for (let i = 0; i < count; i++) {
    const finding = findings[i];
    group[i] = SEVERITY_ORDER[finding.severity] * sheets + (sheetIndex.get(finding.sheet) ?? sheets - 1);
    setCellKeys(finding.cell, i, rows, cols);
    if (rows[i] >= ROW_SPAN || cols[i] >= COL_SPAN) packable = false;
    order[i] = i;
  }
  // The comparators answer -1, 0 or 1: a difference of keys this large would be a new heap number
  // for each of some 100 000 comparisons.
  if (packable) {
    // Group, row and column in one number each (nearly always): one comparison of keys.
    for (let i = 0; i < count; i++) group[i] = (group[i] * ROW_SPAN + rows[i]) * COL_SPAN + cols[i];
    order.sort((a, b) => sign(group[a], group[b]) || findings[a].code.localeCompare(findings[b].code));
  } else {
    order.sort(
      (a, b) =>
        sign(group[a], group[b]) ||
        sign(rows[a], rows[b]) ||
        sign(cols[a], cols[b]) ||
        findings[a].code.localeCompare(findings[b].code),
    );
  }
  const sorted: Finding[] = new Array<Finding>(count);
  for (let i = 0; i < count; i++) sorted[i] = findings[order[i]];
  return sorted;
}

function sign(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Row and column of an A1 cell (`AB12`: row 12, column 28) into `rows[i]` and `cols[i]`, or 0
 * and 0 for anything else: what `/^([A-Z]+)(\d+)$/` with `Number(digits)` reads, without a match.
 */
function setCellKeys(cell: string, i: number, rows: Float64Array, cols: Float64Array): void {
  let at = 0;
  let col = 0;
  while (at < cell.length) {
    const code = cell.charCodeAt(at);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
    at++;
  }
  const digitsFrom = at;
  let row = 0;
  while (at < cell.length) {
    const code = cell.charCodeAt(at);
    if (code < 48 || code > 57) break;
    row = row * 10 + (code - 48);
    at++;
  }
  const matched = digitsFrom > 0 && at > digitsFrom && at === cell.length;
  // Summed digit by digit the row is exact up to 15 digits; a longer one is read as Number reads it.
  rows[i] = !matched ? 0 : at - digitsFrom <= 15 ? row : Number(cell.slice(digitsFrom));
  cols[i] = matched ? col : 0;
}

/** A finding's cell as one key: `sheet` NUL A1. */
export function findingCellKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

/** The cells (by {@link findingCellKey}) that a finding with `code` points at. */
export function cellsWithFinding(findings: readonly Finding[], code: FindingCode): Set<string> {
  const cells = new Set<string>();
  for (let i = 0; i < findings.length; i++)
    if (findings[i].code === code) cells.add(findingCellKey(findings[i].sheet, findings[i].cell));
  return cells;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
