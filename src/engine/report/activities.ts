/**
 * `aktiviteter`: every activity under its goal, in the city's columns
 * `Aktivitet | Startdatum | Slutdatum | Avvikelse` (a plan: without Avvikelse) with the `Analys`
 * row under an activity, as the reports carry it (002 lines 442–444); Avvikelse where the activity
 * is marked so or its Status says it deviates (`Försenad`, `Ej påbörjad` past its end). Målkoll's own column, apart
 * after a blank one, says when an activity's dates are wrong (a plan's too), an activity marked
 * Avvikelse has no analysis, or its analysis says it was not done while it is not marked. A date
 * that cannot be read shows as written. Listed alphabetically within a goal, as the reports do.
 */
import { cellsWithFinding, findingCellKey } from "../findings";
import type { CellValue } from "../grid";
import type { Activity } from "../model/types";
import { periodEnd } from "../evaluate/goals";
import { statusDeviates } from "../parse/activityStatus";
import type { ReportContext } from "./context";
import { byKnownGoal, byNameThenPosition, hasRow, rowsWithFinding, sheetTitle } from "./context";
import { DATE_FORMAT, excelSerial, goalHeading, shownText } from "./format";
import type { ColumnSpec, Row } from "./layout";
import { SheetBuilder } from "./layout";
import { ANALYSIS_MISSING, DATES_WRONG, DEVIATION_UNMARKED } from "./look";
import type { OutCell, SheetSpec } from "./spec";
import { SharedCells, textCell } from "./spec";

export const ACTIVITY_HEADERS = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"];
export const PLAN_ACTIVITY_HEADERS = ["Aktivitet", "Startdatum", "Slutdatum"];
/** Målkoll's own column. */
export const ACTIVITY_CHECK_HEADER = "Målkoll";

const COLUMNS: ColumnSpec[] = [
  { kind: "text", min: 250, max: 480 },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "spacer" },
  { kind: "label", max: 80 },
];

const PLAN_COLUMNS: ColumnSpec[] = [
  { kind: "text", min: 250, max: 520 },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "spacer" },
  { kind: "label", max: 80 },
];

/**
 * A date in column `column` as a real date (serial + format); text that is not a date stays text,
 * and a text cell the model could not read as a date shows as written (`written`).
 */
function dateCell(
  shared: SharedCells,
  column: number,
  iso: string | null,
  written: CellValue | undefined,
): OutCell | null {
  if (iso === null) {
    // Only text shows as written: a number that is no date may be a formula's unreliable 0.
    const text = typeof written === "string" ? written.trim() : "";
    return text ? textCell(text) : null;
  }
  const serial = excelSerial(iso);
  return serial === null ? shared.text(column, iso) : shared.number(column, serial, DATE_FORMAT);
}

/** Columns of {@link activityRow} whose cells repeat down the sheet. */
const START_COLUMN = 1;
const END_COLUMN = 2;
const DEVIATION_COLUMN = 3;
const CHECK_COLUMN = 5;
const PLAN_CHECK_COLUMN = 4;

/** What the check found on the activity's row, beyond what the activity itself shows. */
interface RowFindings {
  datesWrong: boolean;
  /** Marked Avvikelse, or its Status says it deviates (`Försenad`, `Ej påbörjad` past its end). */
  deviates: boolean;
  /** `activity-deviation-unmarked` at its Avvikelse cell. */
  unmarked: boolean;
}

function checkLabel(act: Activity, found: RowFindings): { text: string; tone: "bad" } | null {
  // An unmarked deviation and a marked one without analysis never meet on one activity.
  const second =
    found.deviates && !act.analysis?.trim() ? ANALYSIS_MISSING : found.unmarked ? DEVIATION_UNMARKED : null;
  if (found.datesWrong && second) return { text: `${DATES_WRONG.text}, ${second.text}`, tone: "bad" };
  if (found.datesWrong) return { text: DATES_WRONG.text, tone: "bad" };
  return second ? { text: second.text, tone: "bad" } : null;
}

/** What a date cell holds, where the model could not read a date from it (only there does it matter). */
function writtenDate(ctx: ReportContext, act: Activity, iso: string | null, cell: string | undefined) {
  return iso === null && cell ? ctx.lookup(act.sheet, cell) : undefined;
}

function activityRow(
  act: Activity,
  plan: boolean,
  shared: SharedCells,
  ctx: ReportContext,
  found: RowFindings,
): Row {
  const name = textCell(act.name);
  const start = dateCell(shared, START_COLUMN, act.start, writtenDate(ctx, act, act.start, act.cells.start));
  const end = dateCell(shared, END_COLUMN, act.end, writtenDate(ctx, act, act.end, act.cells.end));
  const label = checkLabel(act, found);
  const check = label ? shared.status(plan ? PLAN_CHECK_COLUMN : CHECK_COLUMN, label.text, label.tone) : null;
  if (plan) return [name, start, end, null, check];
  // The city's column, pasted into the report as it prints there: plain text, not a status colour.
  const deviation = found.deviates ? shared.text(DEVIATION_COLUMN, "Avvikelse") : null;
  return [name, start, end, deviation, null, check];
}

export function buildActivitySheet(ctx: ReportContext): SheetSpec {
  const { model } = ctx.result;
  const plan = model.period.kind === "VP";
  const sheet = new SheetBuilder("aktiviteter", plan ? PLAN_COLUMNS : COLUMNS);
  sheet.heading(sheetTitle(ctx, "Aktiviteter"), ctx.note);
  if (!model.activities.length) {
    sheet.text("Inga aktivitetstabeller hittades i arbetsboken.");
    return sheet.build();
  }
  const header: Row = [
    ...(plan ? PLAN_ACTIVITY_HEADERS : ACTIVITY_HEADERS).map((value) => textCell(value, "header")),
    null,
    textCell(ACTIVITY_CHECK_HEADER, "ownHeader"),
  ];
  const cityColumns = plan ? PLAN_ACTIVITY_HEADERS.length : ACTIVITY_HEADERS.length;
  const byGoal = byKnownGoal(ctx, model.activities);
  const sort = byNameThenPosition<Activity>(ctx);
  const shared = new SharedCells();
  const datesQuestioned = rowsWithFinding(ctx.result.findings, "activity-dates");
  const unmarked = cellsWithFinding(ctx.result.findings, "activity-deviation-unmarked");
  const due = periodEnd(model.period.kind, model.period.year)?.end ?? null;
  const table = (heading: string, activities: Activity[]): void => {
    sheet.tableHeading(heading);
    // Every table's header is the one row: the layout prepares, measures and breaks it once.
    sheet.startTable(header);
    // The list is this sheet's own (by goal): sorted in place.
    for (const act of activities.sort(sort)) {
      const flag = act.cells.deviationFlag;
      const found = {
        datesWrong: hasRow(datesQuestioned, act.sheet, act.row),
        deviates: act.deviation || statusDeviates(act.status, act.end, due),
        unmarked: unmarked.size > 0 && flag !== undefined && unmarked.has(findingCellKey(act.sheet, flag)),
      };
      sheet.add(activityRow(act, plan, shared, ctx, found));
      const analysis = act.analysis && shownText(act.analysis).trim();
      if (analysis) sheet.attach([textCell(`Analys: ${analysis}`)], cityColumns - 1);
    }
    sheet.endTable();
  };
  for (const { goal } of ctx.goalTree) {
    const own = byGoal.get(goal.id);
    if (own?.length) table(goalHeading(goal, ctx.writtenNumber(goal)), own);
  }
  const loose = byGoal.get(null);
  if (loose?.length) table("Aktiviteter som inte står under något mål", loose);
  return sheet.build();
}
