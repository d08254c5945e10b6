/**
 * `maluppfyllelse`: every goal in hierarchy order, indented by level, with the assessment the
 * workbook states beside the one the evidence suggests, and the counts behind it (in evaluate's
 * words, so the pane and the sheet say the same). A stacked bar
 * chart shows the indicator statuses per goal.
 */
import type { ReportContext } from "./context";
import { sheetTitle } from "./context";
import { countsSentence } from "../evaluate/goals";
import { assessmentLabel, goalHeading } from "./format";
import { SheetBuilder, headerRow } from "./layout";
import type { OutCell, SheetSpec } from "./spec";
import { a1 } from "../grid";

export const GOAL_HEADERS = [
  "Mål",
  "Angiven bedömning",
  "Föreslagen bedömning",
  "Uppfyllda",
  "Delvis uppfyllda",
  "Ej uppfyllda",
  "Ej mätta",
  "Aktiviteter",
  "Aktiviteter med avvikelse",
  "Underlag",
  "Kommentar",
];

/** Columns (1-based) of the status counts the chart stacks. */
const COUNT_SERIES: { col: number; name: string }[] = [
  { col: 4, name: "Uppfyllda" },
  { col: 5, name: "Delvis uppfyllda" },
  { col: 6, name: "Ej uppfyllda" },
  { col: 7, name: "Ej mätta" },
];

function count(n: number): OutCell {
  return { value: n, format: "#,##0", style: "normal" };
}

export function buildGoalSheet(ctx: ReportContext): SheetSpec {
  const sheet = new SheetBuilder("maluppfyllelse");
  sheet.heading(sheetTitle(ctx, "Måluppfyllelse"), ctx.note);
  if (ctx.goalTree.length === 0) {
    sheet.add([{ value: "Inga mål hittades i arbetsboken.", style: "normal" }]);
    return sheet.build();
  }
  const header = sheet.add(headerRow(GOAL_HEADERS));
  sheet.freezeRows(header);
  for (const { goal, depth } of ctx.goalTree) {
    const stated = assessmentLabel(goal.statedAssessment);
    const suggested = assessmentLabel(goal.suggestedAssessment);
    const contradictions = (ctx.findingsByGoal.get(goal.id) ?? []).filter(
      (f) => f.code === "assessment-contradicts",
    );
    const c = goal.counts;
    sheet.add([
      {
        value: goalHeading(goal),
        style: "normal",
        wrap: true,
        indent: depth,
        link: { sheet: goal.sheet, cell: goal.id.split("!").pop() ?? a1(goal.row, 1) },
      },
      { value: stated.text, style: "normal", tone: stated.tone },
      { value: suggested.text, style: "normal", tone: suggested.tone },
      count(c.met),
      count(c.partlyMet),
      count(c.notMet),
      count(c.notMeasured),
      count(c.activities),
      count(c.activitiesWithDeviation),
      { value: countsSentence(c), style: "normal", wrap: true },
      contradictions.length
        ? { value: contradictions.map((f) => f.message).join(" "), style: "normal", wrap: true, tone: "bad" }
        : null,
    ]);
  }
  const first = header + 1;
  const last = sheet.nextRow - 1;
  sheet.chart({
    title: "Indikatorer per mål och status",
    kind: "stackedBar",
    categories: `${a1(first, 1)}:${a1(last, 1)}`,
    series: COUNT_SERIES.map((s) => ({ name: s.name, values: `${a1(first, s.col)}:${a1(last, s.col)}` })),
    anchor: { cell: a1(last + 3, 1), widthCols: 8, heightRows: Math.max(15, ctx.goalTree.length + 5) },
  });
  return sheet.build();
}
