/**
 * `malkoll compare`: a Verksamhetsplan reconciled with a follow-up of the same year. Goals are
 * paired first (same level, by number or by title); then every plan indicator and activity is
 * looked for by name under the same goal, then under any goal. Pure: two models in, findings
 * and pairs out.
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import { cellOf, goalIdCell } from "../evaluate/cells";
import { duplicatePairs } from "../evaluate/duplicates";
import type { Activity, Goal, Indicator, Model, TargetKind } from "../model/types";
import { goalHeading } from "../report/format";
import { nameKey, pairByName } from "./pairing";

export { SAME_NAME, similarity } from "./pairing";

export interface ComparedWorkbook {
  /** The file's name, put on findings about its cells. */
  workbook: string;
  model: Model;
  /**
   * The workbook's own findings, when checked: a date that an `activity-dates` finding says cannot
   * be read is not compared (it is not missing, and that finding already points at it).
   */
  findings?: Finding[];
}

export interface Matched {
  kind: "goal" | "indicator" | "activity";
  /** `<sheet>!<A1>` of the plan's goal heading or row. */
  plan: string;
  /** The follow-up's goal or row, or null when it has none. */
  followup: string | null;
}

export interface Reconciliation {
  findings: Finding[];
  matched: Matched[];
}

type Item = Indicator | Activity;

/** Both sides of a pair, for the findings about what changed between them. */
interface Pair<T extends Item> {
  planItem: T;
  item: T;
  followup: ComparedWorkbook;
  unreadableDates: UnreadableDates;
}

/** `<sheet>!<A1>` of each side's date cells that its `activity-dates` findings point at. */
interface UnreadableDates {
  plan: Set<string>;
  followup: Set<string>;
}

interface ItemKind<T extends Item> {
  kind: "indicator" | "activity";
  missing: "plan-indicator-missing" | "plan-activity-missing";
  sv: string;
  /** The Swedish word with its definite ending, to start a sentence. */
  svDefinite: string;
  en: string;
  items: (model: Model) => T[];
  /** Rows copied under their goal (`duplicate-indicator`), each with the row it copies. */
  copies?: (model: Model) => Map<T, T>;
  /** Findings about a paired item whose planned figures or dates differ in the follow-up. */
  changes(pair: Pair<T>): Finding[];
}

const INDICATORS: ItemKind<Indicator> = {
  kind: "indicator",
  missing: "plan-indicator-missing",
  sv: "indikator",
  svDefinite: "Indikatorn",
  en: "indicator",
  items: (m) => m.indicators,
  copies: (m) => new Map(duplicatePairs(m.indicators).map((pair) => [pair.copy, pair.first])),
  changes: ({ planItem, item, followup }) => targetChanges(planItem, item, followup.workbook),
};

const ACTIVITIES: ItemKind<Activity> = {
  kind: "activity",
  missing: "plan-activity-missing",
  sv: "aktivitet",
  svDefinite: "Aktiviteten",
  en: "activity",
  items: (m) => m.activities,
  changes: dateChanges,
};

export function reconcile(plan: ComparedWorkbook, followup: ComparedWorkbook): Reconciliation {
  const goalPairs = pairGoals(plan.model.goals, followup.model.goals);
  const matched: Matched[] = plan.model.goals.map((g, i) => ({
    kind: "goal",
    plan: g.id,
    followup: goalPairs.has(i) ? followup.model.goals[goalPairs.get(i)!].id : null,
  }));
  const followupGoalOf = new Map<string, string>();
  for (const [p, f] of goalPairs) followupGoalOf.set(plan.model.goals[p].id, followup.model.goals[f].id);

  const unreadableDates = { plan: dateFindingCells(plan), followup: dateFindingCells(followup) };
  const findings: Finding[] = [];
  plan.model.goals.forEach((g, i) => {
    if (!goalPairs.has(i)) findings.push(goalMissingFinding(g, plan.workbook));
  });
  for (const kind of [INDICATORS, ACTIVITIES] as ItemKind<Item>[]) {
    const result = reconcileItems(kind, plan, followup, followupGoalOf, unreadableDates);
    for (const f of result.findings) findings.push(f);
    for (const m of result.matched) matched.push(m);
  }
  return { findings, matched };
}

/** Goals pair within a level: the same number, else a title at least SAME_NAME alike. */
function pairGoals(plan: Goal[], followup: Goal[]): Map<number, number> {
  const key = (g: Goal) => (g.number ? `${g.level}#${g.number}` : `${g.level}:${nameKey(g.title)}`);
  const byNumber = pairByName(
    plan.map(key),
    followup.map(key),
    indexes(plan),
    indexes(followup),
    (p, f) =>
      plan[p].number !== null && plan[p].number === followup[f].number && plan[p].level === followup[f].level,
  );
  const pairedFollowup = new Set(byNumber.values());
  const titles = (goals: Goal[]) => goals.map((g) => nameKey(g.title));
  const byTitle = pairByName(
    titles(plan),
    titles(followup),
    indexes(plan).filter((p) => !byNumber.has(p)),
    indexes(followup).filter((f) => !pairedFollowup.has(f)),
    (p, f) => plan[p].level === followup[f].level,
  );
  return new Map([...byNumber, ...byTitle]);
}

function indexes(list: unknown[]): number[] {
  return list.map((_, i) => i);
}

function reconcileItems<T extends Item>(
  kind: ItemKind<T>,
  plan: ComparedWorkbook,
  followup: ComparedWorkbook,
  followupGoalOf: Map<string, string>,
  unreadableDates: UnreadableDates,
): Reconciliation {
  const planItems = kind.items(plan.model);
  const followupItems = kind.items(followup.model);
  const planKeys = planItems.map((i) => nameKey(i.name));
  const followupKeys = followupItems.map((i) => nameKey(i.name));
  const sameGoal = (p: number, f: number): boolean => {
    const planGoal = planItems[p].goal;
    const expected = planGoal === null ? null : (followupGoalOf.get(planGoal) ?? undefined);
    return expected !== undefined && followupItems[f].goal === expected;
  };
  const underGoal = pairByName(planKeys, followupKeys, indexes(planItems), indexes(followupItems), sameGoal);
  const taken = new Set(underGoal.values());
  const moved = pairByName(
    planKeys,
    followupKeys,
    indexes(planItems).filter((p) => !underGoal.has(p)),
    indexes(followupItems).filter((f) => !taken.has(f)),
    () => true,
  );
  for (const f of moved.values()) taken.add(f);

  // A copy left unpaired stands for the row it copies: found in the follow-up where that row is (and
  // then not compared again), planned where that row is paired. It is neither missing from the
  // follow-up nor unplanned in it; each workbook's own check says `duplicate-indicator` at it.
  const planCopies = kind.copies?.(plan.model);
  const followupCopies = kind.copies?.(followup.model);
  const pairedPlan = new Map<T, T>();
  for (const [p, f] of [...underGoal, ...moved]) pairedPlan.set(planItems[p], followupItems[f]);
  const pairedFollowup = new Set(pairedPlan.values());

  const findings: Finding[] = [];
  const matched: Matched[] = [];
  planItems.forEach((item, p) => {
    const other = pairedPlan.get(item) ?? null;
    const copied = other === null ? planCopies?.get(item) : undefined;
    const found = other ?? (copied ? (pairedPlan.get(copied) ?? null) : null);
    matched.push({ kind: kind.kind, plan: rowRef(item), followup: found ? rowRef(found) : null });
    if (!found) findings.push(missingFinding(kind, item, plan.workbook));
    if (!other) return;
    if (moved.has(p)) {
      const goalGone = item.goal !== null && !followupGoalOf.has(item.goal);
      findings.push(goalChangedFinding(item, other, plan.model, followup, goalGone));
    }
    for (const changed of kind.changes({ planItem: item, item: other, followup, unreadableDates }))
      findings.push(changed);
  });
  followupItems.forEach((item, f) => {
    if (taken.has(f)) return;
    const copied = followupCopies?.get(item);
    if (copied && pairedFollowup.has(copied)) return;
    findings.push(unplannedFinding(kind, item, followup.workbook, plan.workbook));
  });
  return { findings, matched };
}

function nameCell(item: Item): string {
  return cellOf(item.cells, ["name"], item.row);
}

function rowRef(item: Item): string {
  return `${item.sheet}!${nameCell(item)}`;
}

function missingFinding(kind: ItemKind<Item>, item: Item, planFile: string): Finding {
  const dates =
    "start" in item && (item.start || item.end) ? ` (${item.start ?? "?"} – ${item.end ?? "?"})` : "";
  return {
    ...finding({
      code: kind.missing,
      sheet: item.sheet,
      cell: nameCell(item),
      goal: item.goal,
      message: `Planerad ${kind.sv} saknas i uppföljningen: ”${item.name}”${dates}${fullStop(dates || item.name)}`,
      messageEn: `Planned ${kind.en} missing from the follow-up: "${item.name}"${dates}${fullStop(dates || item.name)}`,
    }),
    workbook: planFile,
  };
}

/** A message's full stop after a quoted `last` text, none where that text ends a sentence itself (`… på.”`). */
function fullStop(last: string): string {
  return /[.!?]$/.test(last.trim()) ? "" : ".";
}

/** A plan goal with no pair in the follow-up, at the plan's heading cell (its id's cell). */
function goalMissingFinding(goal: Goal, planFile: string): Finding {
  const heading = goalHeading(goal);
  return {
    ...finding({
      code: "plan-goal-missing",
      sheet: goal.sheet,
      cell: goalIdCell(goal.id),
      goal: goal.id,
      message: `Planerat mål saknas i uppföljningen: ”${heading}”${fullStop(heading)}`,
      messageEn: `Planned goal missing from the follow-up: "${heading}"${fullStop(heading)}`,
    }),
    workbook: planFile,
  };
}

function goalText(model: Model, id: string | null): string {
  const goal = id === null ? undefined : model.goals.find((g) => g.id === id);
  return goal ? `”${goalHeading(goal)}”` : "inget mål";
}

function goalTextEn(model: Model, id: string | null): string {
  const goal = id === null ? undefined : model.goals.find((g) => g.id === id);
  return goal ? `"${goalHeading(goal)}"` : "no goal";
}

/**
 * `goalGone`: the plan's goal has no pair in the follow-up. The item then did not move, its goal
 * is missing (a unit goal left out, so its rows fall to the goal above it): the message says so
 * rather than that the item was moved.
 */
function goalChangedFinding(
  planItem: Item,
  item: Item,
  plan: Model,
  followup: ComparedWorkbook,
  goalGone: boolean,
): Finding {
  const before = goalText(plan, planItem.goal);
  const beforeEn = goalTextEn(plan, planItem.goal);
  const now = goalText(followup.model, item.goal);
  const nowEn = goalTextEn(followup.model, item.goal);
  return {
    ...finding({
      code: "plan-goal-changed",
      sheet: item.sheet,
      cell: nameCell(item),
      goal: item.goal,
      message: goalGone
        ? `”${item.name}” låg i planen under ${before}, som saknas i uppföljningen; där ligger den under ${now}.`
        : `”${item.name}” låg i planen under ${before} men ligger nu under ${now}.`,
      messageEn: goalGone
        ? `"${item.name}" was planned under ${beforeEn}, which is missing from the follow-up; there it is under ${nowEn}.`
        : `"${item.name}" was planned under ${beforeEn} but is now under ${nowEn}.`,
    }),
    workbook: followup.workbook,
  };
}

function unplannedFinding(kind: ItemKind<Item>, item: Item, followupFile: string, planFile: string): Finding {
  return {
    ...finding({
      code: "followup-unplanned",
      sheet: item.sheet,
      cell: nameCell(item),
      goal: item.goal,
      message: `${kind.svDefinite} ”${item.name}” finns inte i planen (${planFile}).`,
      messageEn: `The ${kind.en} "${item.name}" is not in the plan (${planFile}).`,
    }),
    workbook: followupFile,
  };
}

interface Target {
  kind: TargetKind;
  value: number | null;
  text: string | null;
}

/** Two targets are the same when their kind and figure are; a figure's unit may be left off in one. */
function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  if (a.value === null || b.value === null) return a.value === b.value;
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
}

const TARGET_FIELDS = [
  { field: "target", sv: "Årsmål", en: "The annual target" },
  { field: "kfTarget", sv: "KF:s årsmål", en: "The council's target" },
] as const;

function targetChanges(planItem: Indicator, item: Indicator, followupFile: string): Finding[] {
  const out: Finding[] = [];
  for (const { field, sv, en } of TARGET_FIELDS) {
    const before = targetOf(planItem, field);
    const now = targetOf(item, field);
    if (sameTarget(before, now)) continue;
    out.push({
      ...finding({
        code: "plan-target-changed",
        sheet: item.sheet,
        cell: cellOf(item.cells, [field, "name"], item.row),
        goal: item.goal,
        message: `${sv} för ”${item.name}” är ${shownSv(now.text)} i uppföljningen men ${shownSv(before.text)} i planen.`,
        messageEn: `${en} of "${item.name}" is ${shownEn(now.text)} in the follow-up but ${shownEn(before.text)} in the plan.`,
      }),
      workbook: followupFile,
    });
  }
  return out;
}

function targetOf(item: Indicator, field: "target" | "kfTarget"): Target {
  return field === "target"
    ? { kind: item.targetKind, value: item.target, text: item.targetText }
    : { kind: item.kfTargetKind, value: item.kfTarget, text: item.kfTargetText };
}

function shownSv(text: string | null): string {
  return text ? `”${text}”` : "inget";
}

function shownEn(text: string | null): string {
  return text ? `"${text}"` : "none";
}

const DATE_FIELDS = [
  { field: "start", sv: "Startdatum", en: "start date" },
  { field: "end", sv: "Slutdatum", en: "end date" },
] as const;

/**
 * One finding when a paired activity's start or end differs, at the follow-up's end cell when the
 * end moved (else its start cell), naming both changes when both moved. A date on one side only is
 * a change; a date one side has but cannot read, or whose column one side's table lacks, is not
 * compared.
 */
function dateChanges({ planItem, item, followup, unreadableDates }: Pair<Activity>): Finding[] {
  const unreadable = (a: Activity, field: "start" | "end", cells: Set<string>) =>
    a[field] === null && cells.has(`${a.sheet}!${a.cells[field]}`);
  const changed = DATE_FIELDS.filter(({ field }) => {
    const before = planItem[field];
    const now = item[field];
    if (before === now) return false;
    // A table without the column says nothing about the date: a layout difference, not a change.
    if (planItem.cells[field] === undefined || item.cells[field] === undefined) return false;
    return (
      !unreadable(planItem, field, unreadableDates.plan) && !unreadable(item, field, unreadableDates.followup)
    );
  });
  if (changed.length === 0) return [];
  const clausesSv: string[] = [];
  const clausesEn: string[] = [];
  changed.forEach(({ field, sv, en }, i) => {
    const before = planItem[field];
    const now = item[field];
    const postponed = field === "end" && before !== null && now !== null && now > before;
    const subjectSv = i === 0 ? `${sv} för ”${item.name}”` : sv.toLowerCase();
    const subjectEn = i === 0 ? `The ${en} of "${item.name}"` : `the ${en}`;
    clausesSv.push(`${subjectSv} ${dateChangeSv(now, before)}${postponed ? " (senarelagt)" : ""}`);
    clausesEn.push(`${subjectEn} ${dateChangeEn(now, before)}${postponed ? " (postponed)" : ""}`);
  });
  const endMoved = changed.some((c) => c.field === "end");
  return [
    {
      ...finding({
        code: "plan-activity-dates-changed",
        sheet: item.sheet,
        cell: cellOf(item.cells, [endMoved ? "end" : "start", "name"], item.row),
        range:
          changed.length === 2 && item.cells.start && item.cells.end
            ? `${item.cells.start}:${item.cells.end}`
            : undefined,
        goal: item.goal,
        message: `${clausesSv.join("; ")}.`,
        messageEn: `${clausesEn.join("; ")}.`,
      }),
      workbook: followup.workbook,
    },
  ];
}

function dateChangeSv(now: string | null, before: string | null): string {
  if (now === null) return `saknas i uppföljningen men är ${before} i planen`;
  if (before === null) return `är ${now} i uppföljningen men saknas i planen`;
  return `är ${now} i uppföljningen men ${before} i planen`;
}

function dateChangeEn(now: string | null, before: string | null): string {
  if (now === null) return `is missing from the follow-up but is ${before} in the plan`;
  if (before === null) return `is ${now} in the follow-up but missing from the plan`;
  return `is ${now} in the follow-up but ${before} in the plan`;
}

/** `<sheet>!<A1>` of the cells the workbook's `activity-dates` findings point at. */
function dateFindingCells(workbook: ComparedWorkbook): Set<string> {
  const cells = new Set<string>();
  for (const f of workbook.findings ?? []) if (f.code === "activity-dates") cells.add(`${f.sheet}!${f.cell}`);
  return cells;
}
