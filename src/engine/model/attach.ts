import type { WorkbookSnapshot } from "../grid";
import { cellAt, parseA1, textOf } from "../grid";
import { splitNumber } from "../recognise/goals";
import { cleanText, matchKey } from "../parse/text";
import type { Activity, Goal, GoalLevel, Indicator } from "./types";

const BLOCK_LEVELS: GoalLevel[] = ["inriktningsmal", "kf-mal"];

/**
 * Attaches each indicator and activity to its goal:
 * - a `Mål` column names the goal (by number or title; unknown names become goals of their own);
 * - otherwise the nearest goal heading above it on the same sheet;
 * - except in unit reports, where the KF mål's tables come first and the `Enhetsmål` that closes
 *   the block owns the evidence since the KF mål heading (DOMAIN.md, 004 lines 389–470).
 */
export function assignGoals(
  snapshot: WorkbookSnapshot,
  goals: Goal[],
  indicators: Indicator[],
  activities: Activity[],
): void {
  const bySheet = new Map<string, Goal[]>();
  for (const g of goals) {
    const list = bySheet.get(g.sheet) ?? [];
    list.push(g);
    bySheet.set(g.sheet, list);
  }
  for (const list of bySheet.values()) list.sort((a, b) => a.row - b.row);

  for (const item of [...indicators, ...activities]) {
    const named = item.cells.goal ? goalFromColumn(snapshot, goals, item.sheet, item.cells.goal) : undefined;
    if (named !== undefined) {
      item.goal = named;
      continue;
    }
    item.goal = goalByPosition(bySheet.get(item.sheet) ?? [], item.row);
  }
}

/** The goal owning a sheet row by position (see assignGoals); `sheetGoals` sorted by row. */
export function goalByPosition(sheetGoals: Goal[], row: number): string | null {
  let above: Goal | null = null;
  let aboveIndex = -1;
  for (let i = 0; i < sheetGoals.length && sheetGoals[i].row < row; i++) {
    above = sheetGoals[i];
    aboveIndex = i;
  }
  if (above?.level === "enhetsmal") return above.id;
  for (let i = aboveIndex + 1; i < sheetGoals.length; i++) {
    const g = sheetGoals[i];
    if (BLOCK_LEVELS.includes(g.level)) break;
    if (g.level === "enhetsmal") return g.id;
  }
  return above?.id ?? null;
}

function goalFromColumn(
  snapshot: WorkbookSnapshot,
  goals: Goal[],
  sheetName: string,
  address: string,
): string | null | undefined {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  const pos = parseA1(address);
  if (!sheet || !pos) return undefined;
  const text = cleanText(textOf(cellAt(sheet, pos.row, pos.col)));
  if (!text) return undefined;
  const { number, title } = splitNumber(
    text.replace(/^(n[aä]mndm[aå]l|enhetsm[aå]l|kf:?s m[aå]l[^:]*):?\s*/i, ""),
  );
  const key = matchKey(title);
  const existing = goals.find(
    (g) => (number !== null && g.number === number) || (key && matchKey(g.title) === key),
  );
  if (existing) return existing.id;
  const level: GoalLevel = /^enhetsm/i.test(text)
    ? "enhetsmal"
    : number === null
      ? "namndmal"
      : (["inriktningsmal", "kf-mal", "namndmal", "enhetsmal"] as GoalLevel[])[
          Math.min(number.split(".").length - 1, 3)
        ];
  const parentNumber = number && number.includes(".") ? number.slice(0, number.lastIndexOf(".")) : null;
  const goal: Goal = {
    id: `${sheetName}!${address}`,
    parent: parentNumber ? (goals.find((g) => g.number === parentNumber)?.id ?? null) : null,
    level,
    number,
    title,
    sheet: sheetName,
    row: pos.row,
    statedAssessment: null,
    suggestedAssessment: null,
    counts: { met: 0, partlyMet: 0, notMet: 0, notMeasured: 0, activitiesWithDeviation: 0, activities: 0 },
    assessmentCell: null,
  };
  goals.push(goal);
  return goal.id;
}
