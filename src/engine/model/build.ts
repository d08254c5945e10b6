/**
 * The model stage: recognised tables and goal headings into goals, indicators, activities and
 * budget lines, every value parsed from its cell (value and number format) as the recognised row
 * carries it. Unreadable values become findings, as does what reading left out (readingFindings.ts).
 * Each kind of row has its own reader (indicator.ts, activity.ts, budgetLine.ts).
 */
import type { WorkbookSnapshot } from "../grid";
import { textOf } from "../grid";
import type { Finding } from "../findings";
import { cleanText } from "../parse/text";
import { parseGoalLevel } from "../recognise/goals";
import { cellAddress, cellValue, hasCell } from "../recognise/tableRow";
import type { RecognisedRow, RecognisedTable, Recognition } from "../recognise/types";
import { holdsGoalLevels } from "../recognise/unread";
import type { DirectionOverride } from "../state";
import { readActivity } from "./activity";
import type { GoalCell } from "./attach";
import { assignGoals } from "./attach";
import { budgetLineReader } from "./budgetLine";
import { TableCells } from "./cells";
import { goalsFromHeadings } from "./goals";
import type { DecimalsRecords } from "./indicator";
import { indicatorReader } from "./indicator";
import { resolvePeriod } from "./period";
import { addReadingFindings } from "./readingFindings";
import { withPeriodOutcomes } from "./periodOutcome";
import type { Activity, BudgetLine, Indicator, Model, PeriodKind } from "./types";

export interface BuildOptions {
  period: { kind: PeriodKind; year: number | null } | null;
  /** Only periods of this year count when the period is read from the workbook. */
  year?: number | null;
  /** The workbook's first sheet (findings about the whole file point at its A1), when not in `snapshot`. */
  firstSheet?: string;
  directions: DirectionOverride[];
}

/**
 * Builds the model from recognised tables, parsing every value; unreadable values become findings.
 * Returns the recognition the model was read from: `recognition`, or a copy whose tables read a
 * column the period settles (see periodOutcome.ts).
 */
export function buildModel(
  snapshot: WorkbookSnapshot,
  recognition: Recognition,
  options: BuildOptions,
): { model: Model; findings: Finding[]; recognition: Recognition } {
  const findings: Finding[] = [];
  // The period first: it decides whether a lone `Utfall T2` column is the tables' outcome.
  const periodFindings: Finding[] = [];
  const period = resolvePeriod(
    recognition,
    {
      forced: options.period,
      year: options.year ?? null,
      firstSheet: options.firstSheet ?? snapshot.sheets[0]?.name ?? "",
      sheets: snapshot.sheets,
    },
    periodFindings,
  );
  const tables = withPeriodOutcomes(recognition.tables, period);
  if (tables !== recognition.tables) recognition = { ...recognition, tables };
  const goals = goalsFromHeadings(recognition.goals);
  const indicators: Indicator[] = [];
  const activities: Activity[] = [];
  const budget: BudgetLine[] = [];
  /** The `Mål` cell of rows from flat sheets, which names their goal. */
  const goalCells = new Map<Indicator | Activity, GoalCell>();
  const decimalsRecords: DecimalsRecords = new Map();
  /**
   * Indicators and activities whose row gave findings (its unreadable values, dates), with where
   * those start and end: each takes its row's goal once goals are attached.
   */
  const rowFindings: { item: Indicator | Activity; from: number; to: number }[] = [];

  /** The last indicator table's reader: the next table with the same sheet and columns is read by it too. */
  let indicatorTable: RecognisedTable | null = null;
  let readIndicator: ((row: RecognisedRow) => Indicator) | null = null;
  for (let t = 0; t < recognition.tables.length; t++) {
    const table = recognition.tables[t];
    const cells = new TableCells(table);
    // The `Mål` column names the goal; a `Mål-id` a person set without one (Rätta tolkning) names it alone.
    const titleAt = cells.index("goal");
    const goalAt = titleAt >= 0 ? titleAt : cells.index("goalId");
    // A level column (`Målnivå`) only says what level the goal its row names is at; one whose values
    // are no levels (`Nivå`: `Hög`, `Låg`) is not read (see unreadColumns).
    const levelCol = goalAt >= 0 ? cells.index("goalLevel") : -1;
    const levelAt = levelCol >= 0 && holdsGoalLevels(table, levelCol) ? levelCol : -1;
    // A `Mål-id` beside the `Mål` column: the same goal's id, by which its row links first.
    const idAt = titleAt >= 0 ? cells.index("goalId") : -1;
    const { rows } = table;
    switch (table.type) {
      case "indicators-followup":
      case "indicators-plan": {
        if (!readIndicator || !indicatorTable || !sameColumns(indicatorTable, table))
          readIndicator = indicatorReader(cells, options.directions, findings, decimalsRecords);
        indicatorTable = table;
        for (let r = 0; r < rows.length; r++) {
          const from = findings.length;
          const indicator = readIndicator(rows[r]);
          indicators.push(indicator);
          if (findings.length > from) rowFindings.push({ item: indicator, from, to: findings.length });
          if (goalAt >= 0) noteGoalCell(goalCells, indicator, rows[r], goalAt, levelAt, idAt);
        }
        break;
      }
      case "activities":
        for (let r = 0; r < rows.length; r++) {
          const from = findings.length;
          const activity = readActivity(cells, rows[r], findings);
          activities.push(activity);
          if (findings.length > from) rowFindings.push({ item: activity, from, to: findings.length });
          if (goalAt >= 0) noteGoalCell(goalCells, activity, rows[r], goalAt, levelAt, idAt);
        }
        break;
      default: {
        const readBudgetLine = budgetLineReader(cells, findings);
        for (let r = 0; r < rows.length; r++) {
          const line = readBudgetLine(rows[r]);
          if (line) budget.push(line);
        }
      }
    }
  }

  addReadingFindings(recognition, findings);
  assignGoals(goals, indicators, activities, goalCells, goalListIds(recognition));
  // A row's unreadable value belongs to its goal, as the row's other findings do (the pane's goal filter).
  for (const { item, from, to } of rowFindings) for (let k = from; k < to; k++) findings[k].goal = item.goal;
  for (const f of periodFindings) findings.push(f);
  return {
    model: { workbook: snapshot.name, period, goals, indicators, activities, budget },
    findings,
    recognition,
  };
}

/** Whether two tables lie on one sheet with the same columns (a sheet repeats one header for each goal). */
function sameColumns(a: RecognisedTable, b: RecognisedTable): boolean {
  if (a.sheet !== b.sheet || a.firstCol !== b.firstCol || a.columns.length !== b.columns.length) return false;
  for (let c = 0; c < a.columns.length; c++)
    if (a.columns[c].col !== b.columns[c].col || a.columns[c].role !== b.columns[c].role) return false;
  return true;
}

/** A goal list's ids as written (`E1`, `1.3.1`) → their goals, the first of an id written twice. */
function goalListIds(recognition: Recognition): Map<string, string> {
  const ids = new Map<string, string>();
  for (const goal of recognition.goals)
    if (goal.listId && !ids.has(goal.listId)) ids.set(goal.listId, goal.id);
  return ids;
}

function noteGoalCell(
  goalCells: Map<Indicator | Activity, GoalCell>,
  item: Indicator | Activity,
  row: RecognisedRow,
  at: number,
  levelAt: number,
  idAt: number,
): void {
  if (!hasCell(row, at)) return;
  const text = cleanText(textOf(cellValue(row, at)));
  if (!text) return;
  const level =
    levelAt >= 0 && hasCell(row, levelAt) ? parseGoalLevel(textOf(cellValue(row, levelAt))) : null;
  const id = idAt >= 0 && hasCell(row, idAt) ? cleanText(textOf(cellValue(row, idAt))) : "";
  goalCells.set(item, {
    text,
    address: cellAddress(row, at),
    ...(level ? { level } : {}),
    ...(id ? { id } : {}),
  });
}
