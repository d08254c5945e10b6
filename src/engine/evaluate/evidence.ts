import type { Activity, Goal, Indicator, Model } from "../model/types";

/**
 * What a goal is judged on: the indicators and activities under it (its own and its children's),
 * each once, in the order met: own items first, then each child's in turn.
 */
export interface GoalEvidence {
  indicators: Indicator[];
  activities: Activity[];
  /** True when an enhetsmål without evidence of its own borrowed its KF mål block's (see RULES_DOC). */
  borrowed: boolean;
}

/** Collects each goal's evidence: own items, plus every descendant's, each item once. */
export function collectEvidence(model: Model): Map<string, GoalEvidence> {
  const positions = new EvidencePositions(model).collect();
  const result = new Map<string, GoalEvidence>();
  for (const [id, at] of positions) {
    result.set(id, {
      indicators: at.indicators.map((i) => model.indicators[i]),
      activities: at.activities.map((i) => model.activities[i]),
      borrowed: at.borrowed,
    });
  }
  return result;
}

/** A goal's evidence as positions in the model's indicator and activity lists. */
export interface Positions {
  indicators: number[];
  activities: number[];
  borrowed: boolean;
}

/**
 * Works out every goal's evidence as positions, once each goal's children are done: a goal's
 * list is its own items, then each child's list, then (an enhetsmål without any) its KF mål block's,
 * each item once. One mark per item, stamped with the goal being filled, tells what it holds
 * already (lists, not sets: evidence is read in order, and a set per goal cost more than the rest).
 */
export class EvidencePositions {
  private readonly goalsById: Map<string, Goal>;
  private readonly ownIndicators = new Map<string, number[]>();
  private readonly ownActivities = new Map<string, number[]>();
  private readonly children = new Map<string, Goal[]>();
  private readonly result = new Map<string, Positions>();
  private readonly visiting = new Set<string>();
  private readonly indicatorMarks: Int32Array;
  private readonly activityMarks: Int32Array;
  private stamp = 0;

  constructor(private readonly model: Model) {
    this.goalsById = new Map(model.goals.map((g) => [g.id, g]));
    model.indicators.forEach((indicator, i) => {
      if (indicator.goal) push(this.ownIndicators, indicator.goal, i);
    });
    model.activities.forEach((activity, i) => {
      if (activity.goal) push(this.ownActivities, activity.goal, i);
    });
    for (const goal of model.goals) {
      if (goal.parent && this.goalsById.has(goal.parent)) push(this.children, goal.parent, goal);
    }
    this.indicatorMarks = new Int32Array(model.indicators.length);
    this.activityMarks = new Int32Array(model.activities.length);
  }

  collect(): Map<string, Positions> {
    for (const goal of this.model.goals) this.visit(goal);
    return this.result;
  }

  private visit(goal: Goal): Positions {
    const done = this.result.get(goal.id);
    if (done) return done;
    // A parent cycle in bad input: the goal met again counts its own items only.
    if (this.visiting.has(goal.id)) return this.fill(goal, []);
    this.visiting.add(goal.id);
    const parts: Positions[] = [];
    for (const child of this.children.get(goal.id) ?? []) parts.push(this.visit(child));
    const evidence = this.fill(goal, parts);
    if (goal.level === "enhetsmal" && evidence.indicators.length === 0 && evidence.activities.length === 0) {
      this.borrowFromBlock(goal, evidence);
    }
    this.visiting.delete(goal.id);
    this.result.set(goal.id, evidence);
    return evidence;
  }

  /** The goal's own items, then each part's, each once. */
  private fill(goal: Goal, parts: Positions[]): Positions {
    const stamp = ++this.stamp;
    const evidence: Positions = { indicators: [], activities: [], borrowed: false };
    addOnce(evidence.indicators, this.ownIndicators.get(goal.id), this.indicatorMarks, stamp);
    addOnce(evidence.activities, this.ownActivities.get(goal.id), this.activityMarks, stamp);
    for (const part of parts) {
      addOnce(evidence.indicators, part.indicators, this.indicatorMarks, stamp);
      addOnce(evidence.activities, part.activities, this.activityMarks, stamp);
    }
    return evidence;
  }

  /**
   * Unit reports put the KF mål's (and nämndmål's) tables first and close the block with the
   * Enhetsmål (004 lines 389–470): the unit goal is judged on the evidence since its KF mål heading.
   */
  private borrowFromBlock(goal: Goal, evidence: Positions): void {
    // The lists are empty and the goal's stamp the latest: marks from here on are the goal's.
    const stamp = this.stamp;
    const seen = new Set<string>([goal.id]);
    let ancestor = goal.parent ? this.goalsById.get(goal.parent) : undefined;
    while (ancestor && !seen.has(ancestor.id) && ancestor.level !== "inriktningsmal") {
      seen.add(ancestor.id);
      addOnce(evidence.indicators, this.ownIndicators.get(ancestor.id), this.indicatorMarks, stamp);
      addOnce(evidence.activities, this.ownActivities.get(ancestor.id), this.activityMarks, stamp);
      if (ancestor.level === "kf-mal") break;
      ancestor = ancestor.parent ? this.goalsById.get(ancestor.parent) : undefined;
    }
    evidence.borrowed = evidence.indicators.length > 0 || evidence.activities.length > 0;
  }
}

/** Appends the positions `list` does not hold yet (those not marked with `stamp`), marking them. */
function addOnce(list: number[], from: number[] | undefined, marks: Int32Array, stamp: number): void {
  if (!from) return;
  for (let k = 0; k < from.length; k++) {
    const at = from[k];
    if (marks[at] === stamp) continue;
    marks[at] = stamp;
    list.push(at);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
