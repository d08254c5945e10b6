/** One activity row of a recognised table into the model's Activity. */
import type { Finding } from "../findings";
import { finding } from "../findings";
import { parseDateCell } from "../parse/date";
import { parseActivityStatus } from "../parse/activityStatus";
import { marksDeviation } from "../parse/deviationFlag";
import { cellAddress, cellValue, hasCell } from "../recognise/tableRow";
import type { RecognisedRow } from "../recognise/types";
import type { TableCells } from "./cells";
import { displayName } from "./cells";
import { INDICATOR_FIELD_LABELS } from "./labels";
import type { Activity } from "./types";

const CELL_ROLES = ["name", "start", "end", "deviationFlag", "status", "analysis", "goal"] as const;

export function readActivity(table: TableCells, row: RecognisedRow, findings: Finding[]): Activity {
  const name = displayName(cellValue(row, table.index("name")));
  const sheet = table.table.sheet;
  const cells = table.addresses(row, CELL_ROLES);
  const statusText = table.text(row, "status");
  if (row.analysis && !cells.analysis) cells.analysis = row.analysis.cell;
  cells.analysis ??= table.emptyCommentCell(row);
  const activity: Activity = {
    name,
    sheet,
    row: row.row,
    goal: null,
    start: activityDate(table, row, "start", name, findings),
    end: activityDate(table, row, "end", name, findings),
    deviation: marksDeviation(String(cellValue(row, table.index("deviationFlag")) ?? "")),
    status: parseActivityStatus(statusText),
    statusText: statusText || null,
    analysis: table.analysis(row),
    cells,
  };
  if (cells.start && cells.end && !table.text(row, "start") && !table.text(row, "end"))
    activity.datesBlank = true;
  return activity;
}

/** The activity's start or end date as ISO text; null when empty, or unreadable (then with a finding). */
function activityDate(
  table: TableCells,
  row: RecognisedRow,
  role: "start" | "end",
  name: string,
  findings: Finding[],
): string | null {
  const at = table.index(role);
  if (!hasCell(row, at)) return null;
  const parsed = parseDateCell(cellValue(row, at), role === "end");
  if (parsed.kind === "date") return parsed.iso;
  if (parsed.kind === "error") {
    findings.push(
      finding({
        code: "activity-dates",
        sheet: table.table.sheet,
        cell: cellAddress(row, at),
        message: `${INDICATOR_FIELD_LABELS[role].sv} för aktiviteten ”${name}” går inte att läsa som ett datum: ”${parsed.text}”.`,
        messageEn: `${INDICATOR_FIELD_LABELS[role].en} of the activity "${name}" cannot be read as a date: "${parsed.text}".`,
      }),
    );
  }
  return null;
}
