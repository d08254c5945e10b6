import type { Activity, Goal, Indicator, Model } from "../model/types";
import { copiesOf, duplicatePairs } from "./duplicates";

/**
 * What a goal is judged on: the indicators and activities under it (its own and its children's),
 * each once, in the order met: own items first, then each child's in turn. An indicator row that
 * repeats an earlier one under the same goal ({@link duplicatePairs}) is the same indicator: only
 * the first is evidence.
 */
export interface GoalEvidence {
  indicators: Indicator[];
  activities: Activity[];
  /** True when an enhetsmål without evidence of its own borrowed its KF mål block's (see RULES_DOC). */
  borrowed: boolean;
}

/** Collects each goal's evidence: own items, plus every descendant's, each item once. */
export function collectEvidence(
  model: Model,
  copies: ReadonlySet<Indicator> = copiesOf(duplicatePairs(model.indicators)),
): Map<string, GoalEvidence> {
  const collector = new EvidencePositions(model, copies);
  const positions = collector.collect();
  const result = new Map<string, GoalEvidence>();
  for (const [id, at] of positions) {
    const indicators: Indicator[] = [];
    const activities: Activity[] = [];
    for (let k = at.indicatorsFrom; k < at.indicatorsTo; k++)
      indicators.push(model.indicators[collector.indicators.at(k)]);
    for (let k = at.activitiesFrom; k < at.activitiesTo; k++)
      activities.push(model.activities[collector.activities.at(k)]);
    result.set(id, { indicators, activities, borrowed: at.borrowed });
  }
  return result;
}

/**
 * A goal's evidence as ranges of {@link EvidencePositions.indicators} and `.activities`, which
 * hold positions in the model's indicator and activity lists.
 */
export interface Positions {
  indicatorsFrom: number;
  indicatorsTo: number;
  activitiesFrom: number;
  activitiesTo: number;
  borrowed: boolean;
}

/**
 * Positions, every goal's one after another in one growing typed array: 36 000 positions for
 * 555 goals in the bench, which lists of their own grew and copied for a megabyte of garbage.
 */
class PositionList {
  private data = new Int32Array(1024);
  length = 0;

  at(k: number): number {
    return this.data[k];
  }

  /** Room for `count` more, so that a copy from the list into itself reads what it writes after. */
  reserve(count: number): void {
    if (this.length + count <= this.data.length) return;
    const grown = new Int32Array(Math.max(this.data.length * 2, this.length + count));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  /** Appends the positions of `from` not marked with `stamp`, marking them. */
  addOnce(from: ArrayLike<number>, marks: Int32Array, stamp: number): void {
    this.reserve(from.length);
    const data = this.data;
    for (let k = 0; k < from.length; k++) {
      const at = from[k];
      if (marks[at] === stamp) continue;
      marks[at] = stamp;
      data[this.length++] = at;
    }
  }

  /** {@link addOnce} from this list's own range `[start, end)`, another goal's evidence. */
  addOnceFromRange(start: number, end: number, marks: Int32Array, stamp: number): void {
    // Room first: the view then reads the array the copy writes into, behind where it writes.
    this.reserve(end - start);
    this.addOnce(this.data.subarray(start, end), marks, stamp);
  }
}

/**
 * Works out every goal's evidence as positions, once each goal's children are done: a goal's
 * list is its own items, then each child's list, then (an enhetsmål without any) its KF mål block's,
 * each item once. One mark per item, stamped with the goal being filled, tells what it holds
 * already (lists, not sets: evidence is read in order, and a set per goal cost more than the rest).
 * A goal's list is written in one go at the end of the shared lists, so it is one range of them.
 */
export class EvidencePositions {
  readonly indicators = new PositionList();
  readonly activities = new PositionList();
  private readonly goalsById: Map<string, Goal>;
  private readonly ownIndicators = new Map<string, number[]>();
  private readonly ownActivities = new Map<string, number[]>();
  private readonly children = new Map<string, Goal[]>();
  private readonly result = new Map<string, Positions>();
  private readonly visiting = new Set<string>();
  private readonly indicatorMarks: Int32Array;
  private readonly activityMarks: Int32Array;
  private stamp = 0;

  /** `copies`: indicator rows that repeat an earlier one under their goal, which are no evidence. */
  constructor(
    private readonly model: Model,
    copies: ReadonlySet<Indicator>,
  ) {
    this.goalsById = new Map(model.goals.map((g) => [g.id, g]));
    model.indicators.forEach((indicator, i) => {
      if (indicator.goal && (copies.size === 0 || !copies.has(indicator)))
        push(this.ownIndicators, indicator.goal, i);
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
    if (
      goal.level === "enhetsmal" &&
      evidence.indicatorsTo === evidence.indicatorsFrom &&
      evidence.activitiesTo === evidence.activitiesFrom
    ) {
      this.borrowFromBlock(goal, evidence);
    }
    this.visiting.delete(goal.id);
    this.result.set(goal.id, evidence);
    return evidence;
  }

  /** The goal's own items, then each part's, each once. */
  private fill(goal: Goal, parts: Positions[]): Positions {
    const stamp = ++this.stamp;
    const evidence: Positions = {
      indicatorsFrom: this.indicators.length,
      indicatorsTo: 0,
      activitiesFrom: this.activities.length,
      activitiesTo: 0,
      borrowed: false,
    };
    const ownIndicators = this.ownIndicators.get(goal.id);
    if (ownIndicators) this.indicators.addOnce(ownIndicators, this.indicatorMarks, stamp);
    const ownActivities = this.ownActivities.get(goal.id);
    if (ownActivities) this.activities.addOnce(ownActivities, this.activityMarks, stamp);
    for (const part of parts) {
      this.indicators.addOnceFromRange(part.indicatorsFrom, part.indicatorsTo, this.indicatorMarks, stamp);
      this.activities.addOnceFromRange(part.activitiesFrom, part.activitiesTo, this.activityMarks, stamp);
    }
    evidence.indicatorsTo = this.indicators.length;
    evidence.activitiesTo = this.activities.length;
    return evidence;
  }

  /**
   * Unit reports put the KF mål's (and nämndmål's) tables first and close the block with the
   * Enhetsmål (004 lines 389–470): the unit goal is judged on the evidence since its KF mål heading.
   */
  private borrowFromBlock(goal: Goal, evidence: Positions): void {
    // The ranges are empty, at the end of the lists, and the goal's stamp the latest: what is
    // added from here on is the goal's.
    const stamp = this.stamp;
    const seen = new Set<string>([goal.id]);
    let ancestor = goal.parent ? this.goalsById.get(goal.parent) : undefined;
    while (ancestor && !seen.has(ancestor.id) && ancestor.level !== "inriktningsmal") {
      seen.add(ancestor.id);
      const ownIndicators = this.ownIndicators.get(ancestor.id);
      if (ownIndicators) this.indicators.addOnce(ownIndicators, this.indicatorMarks, stamp);
      const ownActivities = this.ownActivities.get(ancestor.id);
      if (ownActivities) this.activities.addOnce(ownActivities, this.activityMarks, stamp);
      if (ancestor.level === "kf-mal") break;
      ancestor = ancestor.parent ? this.goalsById.get(ancestor.parent) : undefined;
    }
    evidence.indicatorsTo = this.indicators.length;
    evidence.activitiesTo = this.activities.length;
    evidence.borrowed =
      evidence.indicatorsTo > evidence.indicatorsFrom || evidence.activitiesTo > evidence.activitiesFrom;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
