/**
 * `malkoll compare`: a Verksamhetsplan reconciled with a follow-up of the same year. Goals are
 * paired first (same level, by number or by title); then every plan indicator and activity is
 * looked for by name under the same goal, then under any goal. Pure: two models in, findings
 * and pairs out.
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import { cellOf } from "../evaluate/cells";
import type { Activity, Goal, Indicator, Model, TargetKind } from "../model/types";
import { goalHeading } from "../report/format";
import { nameKey, pairByName } from "./pairing";

export { SAME_NAME, similarity } from "./pairing";

export interface ComparedWorkbook {
  /** The file's name, put on findings about its cells. */
  workbook: string;
  model: Model;
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

interface ItemKind<T extends Item> {
  kind: "indicator" | "activity";
  missing: "plan-indicator-missing" | "plan-activity-missing";
  sv: string;
  /** The Swedish word with its definite ending, to start a sentence. */
  svDefinite: string;
  en: string;
  items: (model: Model) => T[];
}

const INDICATORS: ItemKind<Indicator> = {
  kind: "indicator",
  missing: "plan-indicator-missing",
  sv: "indikator",
  svDefinite: "Indikatorn",
  en: "indicator",
  items: (m) => m.indicators,
};

const ACTIVITIES: ItemKind<Activity> = {
  kind: "activity",
  missing: "plan-activity-missing",
  sv: "aktivitet",
  svDefinite: "Aktiviteten",
  en: "activity",
  items: (m) => m.activities,
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

  const findings: Finding[] = [];
  for (const kind of [INDICATORS, ACTIVITIES] as ItemKind<Item>[]) {
    const result = reconcileItems(kind, plan, followup, followupGoalOf);
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

  const findings: Finding[] = [];
  const matched: Matched[] = [];
  planItems.forEach((item, p) => {
    const f = underGoal.get(p) ?? moved.get(p);
    const other = f === undefined ? null : followupItems[f];
    matched.push({ kind: kind.kind, plan: rowRef(item), followup: other ? rowRef(other) : null });
    if (!other) {
      findings.push(missingFinding(kind, item, plan.workbook));
      return;
    }
    if (moved.has(p)) findings.push(goalChangedFinding(item, other, plan.model, followup));
    if (kind.kind === "indicator")
      for (const changed of targetChanges(item as Indicator, other as Indicator, followup.workbook))
        findings.push(changed);
  });
  followupItems.forEach((item, f) => {
    if (!taken.has(f)) findings.push(unplannedFinding(kind, item, followup.workbook, plan.workbook));
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
      message: `Planerad ${kind.sv} saknas i uppföljningen: ”${item.name}”${dates}.`,
      messageEn: `Planned ${kind.en} missing from the follow-up: "${item.name}"${dates}.`,
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

function goalChangedFinding(planItem: Item, item: Item, plan: Model, followup: ComparedWorkbook): Finding {
  return {
    ...finding({
      code: "plan-goal-changed",
      sheet: item.sheet,
      cell: nameCell(item),
      goal: item.goal,
      message: `”${item.name}” låg i planen under ${goalText(plan, planItem.goal)} men ligger nu under ${goalText(followup.model, item.goal)}.`,
      messageEn: `"${item.name}" was planned under ${goalTextEn(plan, planItem.goal)} but is now under ${goalTextEn(followup.model, item.goal)}.`,
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
