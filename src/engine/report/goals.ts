/**
 * `maluppfyllelse`: every goal in hierarchy order, indented by level, with the assessment the
 * workbook states beside the one the evidence suggests, the counts behind it, and, on the row under
 * it, a comment where the stated assessment is contradicted (thirteen columns would not print at
 * 8 pt on one page width; the counts say what evaluate's sentence says). The reports count only the indicators they judge
 * ("sex indikatorer bedöms uppfyllas helt, en delvis och två inte alls", 002 line 165); where some
 * under a goal cannot be judged (`? Okänd`, `○ Inget mål`), an `Ej bedömda` column counts them, so
 * that a goal's counts add up to its indicators. The goal's source cell is a link in Målkoll's
 * own column, so the names paste into Word as plain text. One stacked bar chart per goal level
 * (a goal's counts include its sub-goals', so levels are never stacked together), in the status
 * colours, over a small block of references to the table.
 *
 * A plan (VP) has nothing to assess yet: its table lists the goals with their indicators and
 * activities. A goal counts an indicator row copied under itself once, in either table.
 */
import type { ReportContext } from "./context";
import { sheetTitle } from "./context";
import { assessmentLabel, goalHeading, goalName, levelLabel } from "./format";
import type { ColumnSpec, Row } from "./layout";
import { SheetBuilder } from "./layout";
import { OUTCOME_MISSING, TONES, UNASSESSED_CHART_COLOUR } from "./look";
import type { OutCell, SheetSpec } from "./spec";
import { indentedCell, linkCell, numberCell, SharedCells, textCell, tonedCell } from "./spec";
import { goalIdCell } from "../evaluate/cells";
import { shortGoalName } from "../evaluate/goals";
import { a1, cellRef } from "../grid";
import type { Goal, GoalLevel, Model } from "../model/types";

export const GOAL_HEADERS = [
  "Mål",
  "Angiven bedömning",
  "Föreslagen bedömning",
  "Uppfyllda",
  "Delvis",
  "Ej uppfyllda",
  "Ej mätta",
  "Aktiviteter",
  "Med avvikelse",
];

/**
 * Why a goal's stated assessment is contradicted: on a row of its own under the goal, across the
 * table, as an indicator's Analys is. In a column of its own beside thirteen others it was some 25
 * characters wide, and a goal whose missed indicators it names (three, with their figures) took
 * 17 lines: the bench workbook's 555 goals printed on 257 pages.
 */
const COMMENT_LABEL = "Kommentar";

/** The count of indicators no status column takes, after `Ej mätta` where a workbook has any. */
export const UNASSESSED_HEADER = "Ej bedömda";
/** Its column (0-based), when there. */
const UNASSESSED_COL = 7;

export const PLAN_GOAL_HEADERS = ["Mål", "Indikatorer", "Aktiviteter"];

/** Målkoll's own column: the goal's heading cell in the workbook, as a link. */
export const SOURCE_HEADER = "Källa";

const COLUMNS: ColumnSpec[] = [
  { kind: "text", min: 150, weight: 1 },
  { kind: "label", max: 62 },
  { kind: "label", max: 62 },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "spacer" },
  { kind: "label", max: 90 },
];

const PLAN_COLUMNS: ColumnSpec[] = [
  { kind: "text", min: 250, max: 500 },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "spacer" },
  { kind: "label", max: 90 },
];

/** A status count the charts stack: its column (0-based), name, colour and the count of a goal. */
interface CountSeries {
  col: number;
  name: string;
  colour: string;
  count: (goal: Goal) => number;
}

const COUNT_SERIES: CountSeries[] = [
  { col: 3, name: "Uppfyllda", colour: TONES.good.chart, count: (g) => g.counts.met },
  { col: 4, name: "Delvis uppfyllda", colour: TONES.partial.chart, count: (g) => g.counts.partlyMet },
  { col: 5, name: "Ej uppfyllda", colour: TONES.bad.chart, count: (g) => g.counts.notMet },
  { col: 6, name: "Ej mätta", colour: TONES.neutral.chart, count: (g) => g.counts.notMeasured },
];

/** Goals per chart, so that a chart and its data fit on one page with readable labels. */
const GOALS_PER_CHART = 10;
/**
 * Characters a goal's name on a chart's axis keeps at least: the chart's data writes it whole where
 * the Mål column holds it on one line, else cut to that line (the chart's labels, in the column's
 * size, then take no more of the chart's width than the column does of the table's), but to no less.
 */
const CHART_LABEL_CHARS = 42;

const COUNT_FORMAT = "#,##0";

function count(n: number): OutCell {
  return numberCell(n, COUNT_FORMAT);
}

function sourceCell(goal: Goal): OutCell {
  const cell = goalIdCell(goal.id);
  return linkCell(cellRef(goal.sheet, cell), { sheet: goal.sheet, cell });
}

/** Whether some goal has indicators no status column counts: then `Ej bedömda` gets a column. */
function someNotJudged(model: Model): boolean {
  return model.goals.some((goal) => goal.counts.notJudged > 0);
}

function headerCells(city: string[]): Row {
  return [...city.map((value) => textCell(value, "header")), null, textCell(SOURCE_HEADER, "ownHeader")];
}

function buildPlanGoalSheet(ctx: ReportContext, sheet: SheetBuilder): SheetSpec {
  sheet.freezeRows(sheet.startTable(headerCells(PLAN_GOAL_HEADERS)));
  const shared = new SharedCells();
  // As a follow-up counts them: a goal's own rows and its sub-goals' (an inriktningsmål is not
  // empty for having its indicators under its KF mål), a copied row once.
  for (const { goal, depth } of ctx.goalTree) {
    const c = goal.counts;
    const indicators = c.met + c.partlyMet + c.notMet + c.notMeasured + c.notJudged;
    sheet.add([
      indentedCell(goalHeading(goal, ctx.writtenNumber(goal)), depth),
      shared.number(1, indicators, COUNT_FORMAT),
      shared.number(2, c.activities, COUNT_FORMAT),
      null,
      sourceCell(goal),
    ]);
  }
  return sheet.build();
}

export function buildGoalSheet(ctx: ReportContext): SheetSpec {
  const plan = ctx.result.model.period.kind === "VP";
  const unassessed = !plan && someNotJudged(ctx.result.model);
  const columns = unassessed
    ? [...COLUMNS.slice(0, UNASSESSED_COL), { kind: "fit" } as const, ...COLUMNS.slice(UNASSESSED_COL)]
    : COLUMNS;
  const sheet = new SheetBuilder("maluppfyllelse", plan ? PLAN_COLUMNS : columns);
  sheet.heading(sheetTitle(ctx, "Måluppfyllelse"), ctx.note);
  if (ctx.goalTree.length === 0) {
    sheet.text("Inga mål hittades i arbetsboken.");
    return sheet.build();
  }
  if (plan) return buildPlanGoalSheet(ctx, sheet);
  const headers = unassessed
    ? [...GOAL_HEADERS.slice(0, UNASSESSED_COL), UNASSESSED_HEADER, ...GOAL_HEADERS.slice(UNASSESSED_COL)]
    : GOAL_HEADERS;
  sheet.startTable(headerCells(headers));
  const rowOf = new Map<string, number>();
  const shared = new SharedCells();
  const aboveUnitGoals = ancestorsOfUnitGoals(ctx.result.model.goals);
  for (const { goal, depth } of ctx.goalTree) {
    // A unit assesses its own goals: above them it writes `— Ingen` (the level is not assessed
    // there), and a suggestion stands beside it as beside a stated `— Ingen`. A nämnd's goal with
    // no unit goal under it says `Saknas` as before.
    const notAssessedHere = aboveUnitGoals.has(goal.id) && goal.statedAssessment === null;
    const stated = assessmentLabel(notAssessedHere ? "ingen" : goal.statedAssessment);
    // A goal not suggested for want of an outcome that is due says so (RULES_DOC).
    const suggested =
      goal.suggestedAssessment === null && (goal.outcomesMissing ?? 0) > 0
        ? OUTCOME_MISSING
        : assessmentLabel(goal.suggestedAssessment);
    // The goal's own (at its assessment's cell), not an indicator's under it (at the indicator's).
    const ownCell = goal.assessmentCell ?? goalIdCell(goal.id);
    const contradictions = (ctx.findingsByGoal.get(goal.id) ?? []).filter(
      (f) => f.code === "assessment-contradicts" && f.sheet === goal.sheet && f.cell === ownCell,
    );
    const c = goal.counts;
    const row: Row = [
      indentedCell(goalHeading(goal, ctx.writtenNumber(goal)), depth),
      tonedCell(stated.text, stated.tone),
      tonedCell(suggested.text, suggested.tone),
    ];
    const counted = (n: number): void => {
      row.push(shared.number(row.length, n, COUNT_FORMAT));
    };
    counted(c.met);
    counted(c.partlyMet);
    counted(c.notMet);
    counted(c.notMeasured);
    if (unassessed) counted(c.notJudged);
    counted(c.activities);
    counted(c.activitiesWithDeviation);
    row.push(null, sourceCell(goal));
    rowOf.set(goal.id, sheet.add(row));
    if (contradictions.length) {
      const comment = contradictions.map((f) => unnamed(f.message, goal)).join(" ");
      sheet.attach([tonedCell(`${COMMENT_LABEL}: ${comment}`, "bad")], headers.length - 1);
    }
  }
  sheet.endTable();
  const series = unassessed
    ? [
        ...COUNT_SERIES,
        {
          col: UNASSESSED_COL,
          name: UNASSESSED_HEADER,
          colour: UNASSESSED_CHART_COLOUR,
          count: (goal: Goal) => goal.counts.notJudged,
        },
      ]
    : COUNT_SERIES;
  charts(ctx, sheet, rowOf, series);
  return sheet.build();
}

/** Per goal level, in chunks: a block of references to the counts, and a stacked bar chart over it. */
function charts(
  ctx: ReportContext,
  sheet: SheetBuilder,
  rowOf: Map<string, number>,
  series: CountSeries[],
): void {
  const levels = new Map<GoalLevel, Goal[]>();
  for (const { goal } of ctx.goalTree) {
    if (series.every((s) => s.count(goal) === 0)) continue;
    const list = levels.get(goal.level) ?? [];
    list.push(goal);
    levels.set(goal.level, list);
  }
  for (const [level, goals] of levels) {
    for (let from = 0; from < goals.length; from += GOALS_PER_CHART) {
      const chunk = goals.slice(from, from + GOALS_PER_CHART);
      const part =
        goals.length > GOALS_PER_CHART ? ` (${from + 1}–${from + chunk.length} av ${goals.length})` : "";
      const title = `Indikatorer per status – ${levelLabel(level)}${part}`;
      const heading = sheet.tableHeading(`Diagramunderlag: ${levelLabel(level)}${part}`);
      const header: Row = [textCell("Mål", "header"), null, null];
      for (const s of series) header[s.col] = textCell(s.name, "header");
      sheet.startTable(header, { chartData: true });
      const first = sheet.nextRow;
      for (const goal of chunk) {
        const source = rowOf.get(goal.id)!;
        const row: Row = [textCell(goalName(goal, ctx.writtenNumber(goal))), null, null];
        for (const s of series) {
          const cell = count(s.count(goal));
          cell.formula = a1(source, s.col + 1);
          row[s.col] = cell;
        }
        sheet.shortenToColumn(sheet.add(row), 0, CHART_LABEL_CHARS);
      }
      const last = sheet.nextRow - 1;
      sheet.endTable();
      sheet.chart(
        {
          title,
          kind: "stackedBar",
          categories: `${a1(first, 1)}:${a1(last, 1)}`,
          series: series.map((s) => ({
            name: s.name,
            values: `${a1(first, s.col + 1)}:${a1(last, s.col + 1)}`,
            colour: s.colour,
          })),
          integerAxis: true,
        },
        70 + 24 * chunk.length,
        heading,
      );
    }
  }
}

/** A contradiction's message on its goal's own row: the goal needs no naming there (`Målet bedöms …`). */
function unnamed(message: string, goal: Goal): string {
  const named = `Målet ”${shortGoalName(goal)}” `;
  return message.startsWith(named) ? `Målet ${message.slice(named.length)}` : message;
}

/** The ids of the goals that have an enhetsmål under them, at any depth. */
function ancestorsOfUnitGoals(goals: readonly Goal[]): Set<string> {
  const parentOf = new Map(goals.map((goal) => [goal.id, goal.parent]));
  const out = new Set<string>();
  for (const goal of goals) {
    if (goal.level !== "enhetsmal") continue;
    for (let id = goal.parent; id !== null && id !== undefined && !out.has(id); id = parentOf.get(id) ?? null)
      out.add(id);
  }
  return out;
}
