/**
 * `aktiviteter`: every activity under its goal, in the report's columns
 * `Aktivitet | Startdatum | Slutdatum | Avvikelse` plus the analysis. Activities marked Avvikelse
 * carry the word and a red tone; one marked without an analysis says `Analys saknas`.
 * Listed alphabetically within a goal, as the reports do.
 */
import type { Activity } from "../model/types";
import type { ReportContext } from "./context";
import { byNameThenPosition, sheetTitle } from "./context";
import { DATE_FORMAT, excelSerial, goalHeading } from "./format";
import { SheetBuilder, headerRow } from "./layout";
import type { OutCell, SheetSpec } from "./spec";

export const ACTIVITY_HEADERS = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", "Analys"];

/** A date as a real date (serial + format); text that is not a date stays text. */
function dateCell(iso: string | null): OutCell | null {
  if (iso === null) return null;
  const serial = excelSerial(iso);
  return serial === null
    ? { value: iso, style: "normal" }
    : { value: serial, format: DATE_FORMAT, style: "normal" };
}

function activityRow(act: Activity): (OutCell | null)[] {
  let analysis: OutCell | null = null;
  if (act.analysis) analysis = { value: act.analysis, style: "normal", wrap: true };
  else if (act.deviation) analysis = { value: "Analys saknas", style: "normal", tone: "bad" };
  return [
    { value: act.name, style: "normal", wrap: true },
    dateCell(act.start),
    dateCell(act.end),
    act.deviation ? { value: "Avvikelse", style: "normal", tone: "bad" } : null,
    analysis,
  ];
}

export function buildActivitySheet(ctx: ReportContext): SheetSpec {
  const { model } = ctx.result;
  const sheet = new SheetBuilder("aktiviteter");
  sheet.heading(sheetTitle(ctx, "Aktiviteter"), ctx.note);
  if (!model.activities.length) {
    sheet.add([{ value: "Inga aktivitetstabeller hittades i arbetsboken.", style: "normal" }]);
    return sheet.build();
  }
  const byGoal = new Map<string | null, Activity[]>();
  for (const act of model.activities) {
    const key = act.goal !== null && ctx.goalsById.has(act.goal) ? act.goal : null;
    const list = byGoal.get(key) ?? [];
    list.push(act);
    byGoal.set(key, list);
  }
  const sort = byNameThenPosition<Activity>(ctx);
  const table = (heading: string, activities: Activity[]): void => {
    sheet.add([{ value: heading, style: "heading" }]);
    sheet.add(headerRow(ACTIVITY_HEADERS));
    for (const act of [...activities].sort(sort)) sheet.add(activityRow(act));
    sheet.blank();
  };
  for (const { goal } of ctx.goalTree) {
    const own = byGoal.get(goal.id);
    if (own?.length) table(goalHeading(goal), own);
  }
  const loose = byGoal.get(null);
  if (loose?.length) table("Aktiviteter utan mål", loose);
  return sheet.build();
}
