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
  return goals;
}
