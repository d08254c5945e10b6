/**
 * The model stage: recognised tables and goal headings into goals, indicators, activities and
 * budget lines, every value parsed from its cell (value and number format) as the recognised row
 * carries it. Unreadable values and blocks that look like tables but can't be mapped become
 * findings. Each kind of row has its own reader (indicator.ts, activity.ts, budgetLine.ts).
 */
import type { WorkbookSnapshot } from "../grid";
import { textOf } from "../grid";
import type { Finding } from "../findings";
import { finding } from "../findings";
import { cleanText } from "../parse/text";
import { cellAddress, cellValue, hasCell } from "../recognise/tableRow";
import type { RecognisedRow, Recognition } from "../recognise/types";
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
import type { Activity, BudgetLine, Indicator, Model, PeriodKind } from "./types";

export interface BuildOptions {
  period: { kind: PeriodKind; year: number | null } | null;
  /** Only periods of this year count when the period is read from the workbook. */
  year?: number | null;
  /** The workbook's first sheet (findings about the whole file point at its A1), when not in `snapshot`. */
  firstSheet?: string;
  directions: DirectionOverride[];
}

/** Builds the model from recognised tables, parsing every value; unreadable values become findings. */
export function buildModel(
  snapshot: WorkbookSnapshot,
  recognition: Recognition,
  options: BuildOptions,
): { model: Model; findings: Finding[] } {
  const findings: Finding[] = [];
  const goals = goalsFromHeadings(recognition.goals);
  const indicators: Indicator[] = [];
  const activities: Activity[] = [];
  const budget: BudgetLine[] = [];
  /** The `Mål` cell of rows from flat sheets, which names their goal. */
  const goalCells = new Map<Indicator | Activity, GoalCell>();
  const decimalsRecords: DecimalsRecords = new Map();

  for (const table of recognition.tables) {
    const cells = new TableCells(table);
    const hasGoalColumn = cells.col("goal") !== null;
    switch (table.type) {
      case "indicators-followup":
      case "indicators-plan": {
        const readIndicator = indicatorReader(cells, options.directions, findings, decimalsRecords);
        for (const row of table.rows) {
          const indicator = readIndicator(row);
          indicators.push(indicator);
          if (hasGoalColumn) noteGoalCell(goalCells, indicator, row, cells.index("goal"));
        }
        break;
      }
      case "activities":
        for (const row of table.rows) {
          const activity = readActivity(cells, row, findings);
          activities.push(activity);
          if (hasGoalColumn) noteGoalCell(goalCells, activity, row, cells.index("goal"));
        }
        break;
      default: {
        const readBudgetLine = budgetLineReader(cells, findings);
        for (const row of table.rows) {
          const line = readBudgetLine(row);
          if (line) budget.push(line);
        }
      }
    }
  }

  for (const block of recognition.unrecognised) findings.push(unrecognisedFinding(block));
  assignGoals(goals, indicators, activities, goalCells);
  const period = resolvePeriod(
    recognition,
    {
      forced: options.period,
      year: options.year ?? null,
      firstSheet: options.firstSheet ?? snapshot.sheets[0]?.name ?? "",
    },
    findings,
  );
  return {
    model: { workbook: snapshot.name, period, goals, indicators, activities, budget },
    findings,
  };
}

function noteGoalCell(
  goalCells: Map<Indicator | Activity, GoalCell>,
  item: Indicator | Activity,
  row: RecognisedRow,
  at: number,
): void {
  if (!hasCell(row, at)) return;
  const text = cleanText(textOf(cellValue(row, at)));
  if (text) goalCells.set(item, { text, address: cellAddress(row, at) });
}

function unrecognisedFinding(block: Recognition["unrecognised"][number]): Finding {
  const named = block.headers.filter(Boolean);
  return finding({
    code: "header-unrecognized",
    sheet: block.sheet,
    cell: block.cell,
    range: block.range,
    message: `Ser ut som en tabell men kolumnerna kunde inte tolkas: ${named
      .map((h) => `”${h}”`)
      .join(", ")}. Ange tabelltyp och kolumner under Läs in.`,
    messageEn: `Looks like a table but its columns could not be mapped: ${named
      .map((h) => `"${h}"`)
      .join(", ")}. Set the table type and columns under Read.`,
  });
}
