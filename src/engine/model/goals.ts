/** The model's goals from the recognised goal headings: each heading's parent is the nearest higher level above it. */
import { LEVEL_RANK } from "../recognise/goals";
import type { GoalHeading } from "../recognise/types";
import type { Goal, GoalCounts } from "./types";

/** A goal's tally before evaluation fills it in. */
export function emptyCounts(): GoalCounts {
  return {
    met: 0,
    partlyMet: 0,
    notMet: 0,
    notMeasured: 0,
    notJudged: 0,
    activitiesWithDeviation: 0,
    activities: 0,
  };
}

/**
 * The goals of the headings. A goal list's row with an `Överordnat mål` column names its parent
 * (an id or a number of the same sheet's list), else its number is under one (`3.2` for `3.2.1`),
 * else it has none; a heading, or a row of a list without that column, takes the nesting.
 */
export function goalsFromHeadings(headings: GoalHeading[]): Goal[] {
  const goals: Goal[] = [];
  const open: GoalHeading[] = [];
  let currentSheet = "";
  for (const h of headings) {
    if (h.sheet !== currentSheet) {
      open.length = 0;
      currentSheet = h.sheet;
    }
    while (open.length && LEVEL_RANK[open[open.length - 1].level] >= LEVEL_RANK[h.level]) open.pop();
    const parent = open.length ? open[open.length - 1].id : null;
    open.push(h);
    goals.push({
      id: h.id,
      parent,
      level: h.level,
      number: h.number,
      title: h.title,
      sheet: h.sheet,
      row: h.row,
      statedAssessment: h.assessment,
      suggestedAssessment: null,
      counts: emptyCounts(),
      assessmentCell: h.assessmentCell,
    });
  }
  // A list row's id or number on its sheet → its goal (the first of a number written twice).
  const byRef = new Map<string, string>();
  for (const h of headings)
    for (const ref of [h.listId, h.number])
      if (ref && !byRef.has(`${h.sheet}\u0000${ref}`)) byRef.set(`${h.sheet}\u0000${ref}`, h.id);
  const ref = (sheet: string, key: string | null): string | undefined =>
    key ? byRef.get(`${sheet}\u0000${key}`) : undefined;
  for (let k = 0; k < headings.length; k++) {
    const { parentRef, sheet, id, number } = headings[k];
    if (parentRef === undefined) continue;
    const above = number?.includes(".") ? number.slice(0, number.lastIndexOf(".")) : null;
    const named = ref(sheet, parentRef) ?? ref(sheet, above);
    goals[k].parent = named && named !== id ? named : null;
  }
  return goals;
}
