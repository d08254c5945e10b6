/** The model's goals from the recognised goal headings: each heading's parent is the nearest higher level above it. */
import { matchKey } from "../parse/text";
import { LEVEL_RANK, parentNumber } from "../recognise/goals";
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
 * The goals of the headings. A heading, or a row of a goal list without an `Överordnat mål`
 * column, takes the nesting: its parent is the nearest goal of a higher level above it. A row with
 * that column takes the goal its cell names among the same sheet's rows, by id, number or title
 * (case and spacing aside), never itself; else the goal its number is under (`3.2` for `3.2.1`);
 * else, when the cell names what is not there (`9.9`, a misspelt title), the nesting, and when
 * the cell is empty, none.
 */
export function goalsFromHeadings(headings: GoalHeading[]): Goal[] {
  const goals: Goal[] = [];
  const nested: (string | null)[] = [];
  const open: GoalHeading[] = [];
  let currentSheet = "";
  for (const h of headings) {
    if (h.sheet !== currentSheet) {
      open.length = 0;
      currentSheet = h.sheet;
    }
    while (open.length && LEVEL_RANK[open[open.length - 1].level] >= LEVEL_RANK[h.level]) open.pop();
    const parent = open.length ? open[open.length - 1].id : null;
    nested.push(parent);
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
  if (!headings.some((h) => h.parentRef !== undefined)) return goals;
  // A list row's id, number or title on its sheet → its goals (ids and numbers: the first written).
  const byRef = new Map<string, GoalHeading[]>();
  const byTitle = new Map<string, GoalHeading[]>();
  const note = (map: Map<string, GoalHeading[]>, key: string, h: GoalHeading): void => {
    const list = map.get(key);
    if (list) list.push(h);
    else map.set(key, [h]);
  };
  for (const h of headings) {
    if (h.listId) note(byRef, `${h.sheet}\u0000${h.listId}`, h);
    if (h.number) note(byRef, `${h.sheet}\u0000${h.number}`, h);
    const title = matchKey(h.title);
    if (title) note(byTitle, `${h.sheet}\u0000${title}`, h);
  }
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k];
    if (h.parentRef === undefined) continue;
    const above = parentNumber(h.number);
    const named =
      namedParent(byRef.get(`${h.sheet}\u0000${h.parentRef}`), h) ??
      namedParent(byTitle.get(`${h.sheet}\u0000${matchKey(h.parentRef)}`), h) ??
      (above !== null ? namedParent(byRef.get(`${h.sheet}\u0000${above}`), h) : null);
    goals[k].parent = named ?? (h.parentRef.trim() ? nested[k] : null);
  }
  return goals;
}

/**
 * The goal a parent cell names among the goals that carry its text (`candidates`), for the row
 * `h`: never the row itself; one of a higher level than the row's before any other; the first
 * written among equals. Null for none.
 */
function namedParent(candidates: GoalHeading[] | undefined, h: GoalHeading): string | null {
  if (!candidates) return null;
  let found: GoalHeading | null = null;
  for (const c of candidates) {
    if (c === h) continue;
    if (LEVEL_RANK[c.level] < LEVEL_RANK[h.level]) return c.id;
    found ??= c;
  }
  return found?.id ?? null;
}
