import type { Finding } from "../findings";
import { finding } from "../findings";
import type {
  Activity,
  Assessment,
  Goal,
  GoalCounts,
  Indicator,
  IndicatorStatus,
  KfStatus,
  Model,
} from "../model/types";
import { cellOf, goalIdCell, hasText } from "./cells";

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

/** Statuses a goal's tally counts (comparisons, not a Set: asked some 40 000 times a check). */
function isCounted(status: KfStatus): boolean {
  return status === "met" || status === "partly-met" || status === "not-met" || status === "not-measured";
}

/**
 * The status an indicator contributes to its goal's tally: the status against Årsmål, or against
 * KF:s årsmål when the nämnd set no usable target of its own. Null when it is not counted (a
 * `not-comparable` KF status says nothing about the nämnd).
 */
export function countingStatus(indicator: Indicator): IndicatorStatus | null {
  if (isCounted(indicator.status)) return indicator.status;
  const kf = indicator.kfStatus;
  if (
    (indicator.status === "no-target" || indicator.status === "unknown") &&
    kf !== "not-comparable" &&
    isCounted(kf)
  )
    return kf;
  return null;
}

export function emptyCounts(): GoalCounts {
  return { met: 0, partlyMet: 0, notMet: 0, notMeasured: 0, activitiesWithDeviation: 0, activities: 0 };
}

export function countEvidence(evidence: {
  indicators: Iterable<Indicator>;
  activities: Iterable<Activity>;
}): GoalCounts {
  const counts = emptyCounts();
  for (const indicator of evidence.indicators) countIndicator(counts, indicator);
  for (const activity of evidence.activities) countActivity(counts, activity);
  return counts;
}

function countIndicator(counts: GoalCounts, indicator: Indicator): void {
  const status = countingStatus(indicator);
  if (status === "met") counts.met++;
  else if (status === "partly-met") counts.partlyMet++;
  else if (status === "not-met") counts.notMet++;
  else if (status === "not-measured") counts.notMeasured++;
}

function countActivity(counts: GoalCounts, activity: Activity): void {
  counts.activities++;
  if (activity.deviation) counts.activitiesWithDeviation++;
}

/**
 * The suggested assessment from a tally (RULES_DOC): nothing measured and no activities → null;
 * every measured indicator met and no activity deviating → helt; none met and some not met → ej;
 * otherwise delvis.
 */
export function suggestAssessment(counts: GoalCounts): Assessment | null {
  const measured = counts.met + counts.partlyMet + counts.notMet;
  if (measured === 0 && counts.activities === 0) return null;
  if (counts.partlyMet === 0 && counts.notMet === 0 && counts.activitiesWithDeviation === 0) return "helt";
  if (measured > 0 && counts.met === 0 && counts.notMet > 0) return "ej";
  return "delvis";
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
interface Positions {
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
class EvidencePositions {
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

const ASSESSMENT_SV: Record<Assessment, string> = {
  helt: "Uppfylls helt",
  delvis: "Uppfylls delvis",
  ej: "Uppfylls ej",
  ingen: "Ingen",
};

const ASSESSMENT_EN: Record<Assessment, string> = {
  helt: "Fully met",
  delvis: "Partly met",
  ej: "Not met",
  ingen: "None",
};

/** Why a stated assessment contradicts the evidence, or null when it does not (RULES_DOC). */
export function contradiction(
  stated: Assessment | null,
  evidence: { indicators: Iterable<Indicator>; activities: Iterable<Activity> },
): { sv: string; en: string } | null {
  if (stated !== "helt" && stated !== "ej") return null;
  const indicators = [...evidence.indicators];
  const counts = countEvidence({ indicators, activities: evidence.activities });
  return explainContradiction(stated, counts, firstMisses(indicators));
}

/** The most not-met indicators a contradiction names. */
const NAMED_MISSES = 3;

/** The first {@link NAMED_MISSES} indicators of a goal's evidence that miss their target. */
function firstMisses(indicators: Iterable<Indicator>): Indicator[] {
  const misses: Indicator[] = [];
  for (const indicator of indicators) {
    if (countingStatus(indicator) !== "not-met") continue;
    misses.push(indicator);
    if (misses.length === NAMED_MISSES) break;
  }
  return misses;
}

/**
 * {@link contradiction} from the goal's counts and its first misses (read only for a stated
 * helt with a miss). The counts say all else it needs: how many miss, are met, or deviate.
 */
function explainContradiction(
  stated: Assessment | null,
  counts: GoalCounts,
  misses: Indicator[],
): { sv: string; en: string } | null {
  const notMet = counts.notMet;
  const deviating = counts.activitiesWithDeviation;
  if (stated === "helt") {
    if (notMet === 0 && deviating === 0) return null;
    const partsSv: string[] = [];
    const partsEn: string[] = [];
    if (notMet > 0) {
      const names = misses.map((i) => `”${i.name}”${describeMiss(i)}`).join(", ");
      partsSv.push(
        `${notMet} ${notMet === 1 ? "indikator uppfyller" : "indikatorer uppfyller"} inte målet (${names}${notMet > 3 ? " …" : ""})`,
      );
      partsEn.push(
        `${notMet} ${notMet === 1 ? "indicator misses" : "indicators miss"} the target (${names.replace(/[”]/g, '"')}${notMet > 3 ? " …" : ""})`,
      );
    }
    if (deviating > 0) {
      partsSv.push(`${deviating} ${deviating === 1 ? "aktivitet" : "aktiviteter"} med avvikelse`);
      partsEn.push(`${deviating} ${deviating === 1 ? "activity" : "activities"} with a deviation`);
    }
    return {
      sv: `Målet bedöms ”${ASSESSMENT_SV.helt}” men ${partsSv.join(" och ")}.`,
      en: `The goal is assessed "${ASSESSMENT_EN.helt}" but ${partsEn.join(" and ")}.`,
    };
  }
  if (stated !== "ej") return null;
  const measured = counts.met + counts.partlyMet;
  if (notMet > 0 || deviating > 0 || measured === 0) return null;
  return {
    sv: `Målet bedöms ”${ASSESSMENT_SV.ej}” men ingen indikator under det missar sitt mål (${measured} uppfylls helt eller delvis) och ingen aktivitet har avvikelse.`,
    en: `The goal is assessed "${ASSESSMENT_EN.ej}" but no indicator under it misses its target (${measured} fully or partly met) and no activity has a deviation.`,
  };
}

function describeMiss(indicator: Indicator): string {
  const value = indicator.forecast ?? indicator.outcome;
  if (value === null || indicator.target === null) return "";
  const unit = indicator.unit ? ` ${indicator.unit}` : "";
  return `: ${formatSv(value)}${unit} mot ${formatSv(indicator.target)}${unit}`;
}

function formatSv(n: number): string {
  return String(Math.round(n * 1000) / 1000).replace(".", ",");
}

const NO_POSITIONS: Positions = { indicators: [], activities: [], borrowed: false };

/**
 * Fills counts and suggestedAssessment on every goal and returns the goal findings:
 * `assessment-contradicts` and `analysis-missing` for activities marked Avvikelse.
 * `assessable` is false for plan (VP) and unknown periods: no suggestion is made then.
 */
export function evaluateGoals(model: Model, assessable: boolean): Finding[] {
  const findings: Finding[] = [];
  const evidence = new EvidencePositions(model).collect();
  for (const goal of model.goals) {
    const at = evidence.get(goal.id) ?? NO_POSITIONS;
    const counts = emptyCounts();
    // Index loops: no iterator per step while the code is still interpreted (a single check).
    for (let k = 0; k < at.indicators.length; k++) countIndicator(counts, model.indicators[at.indicators[k]]);
    for (let k = 0; k < at.activities.length; k++) countActivity(counts, model.activities[at.activities[k]]);
    goal.counts = counts;
    goal.suggestedAssessment = assessable ? suggestAssessment(counts) : null;
    if (!assessable) continue;
    const stated = goal.statedAssessment;
    const misses =
      stated === "helt" && counts.notMet > 0
        ? firstMisses(at.indicators.map((i) => model.indicators[i]))
        : [];
    const why = explainContradiction(stated, counts, misses);
    if (why) {
      findings.push(
        finding({
          code: "assessment-contradicts",
          sheet: goal.sheet,
          cell: goal.assessmentCell ?? goalIdCell(goal.id),
          goal: goal.id,
          message: why.sv,
          messageEn: why.en,
        }),
      );
    }
  }
  for (const activity of model.activities) {
    if (!activity.deviation || hasText(activity.analysis)) continue;
    findings.push(
      finding({
        code: "analysis-missing",
        sheet: activity.sheet,
        cell: cellOf(activity.cells, ["analysis", "deviationFlag", "deviation", "name"], activity.row),
        goal: activity.goal,
        message: `Aktiviteten ”${activity.name}” är markerad med Avvikelse men saknar analys.`,
        messageEn: `The activity "${activity.name}" is marked Avvikelse (deviation) but has no analysis.`,
      }),
    );
  }
  return findings;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The tally as a sentence, e.g. `3 av 5 indikatorer uppfylls helt, 1 delvis, 1 ej; 1 aktivitet
 * med avvikelse`. `5` counts the measured indicators; not-yet-measured ones are added after.
 */
export function countsSentence(counts: GoalCounts, language: "sv" | "en" = "sv"): string {
  const measured = counts.met + counts.partlyMet + counts.notMet;
  const parts: string[] = [];
  if (language === "sv") {
    let indicators =
      measured > 0
        ? `${counts.met} av ${plural(measured, "indikator", "indikatorer")} uppfylls helt, ${counts.partlyMet} delvis, ${counts.notMet} ej`
        : "inga mätta indikatorer";
    if (counts.notMeasured > 0)
      indicators += ` (${counts.notMeasured} ännu ej ${counts.notMeasured === 1 ? "mätt" : "mätta"})`;
    parts.push(indicators);
    if (counts.activities > 0) {
      parts.push(
        counts.activitiesWithDeviation === 0
          ? `ingen av ${plural(counts.activities, "aktivitet", "aktiviteter")} med avvikelse`
          : `${plural(counts.activitiesWithDeviation, "aktivitet", "aktiviteter")} med avvikelse`,
      );
    }
    return parts.join("; ");
  }
  let indicators =
    measured > 0
      ? `${counts.met} of ${plural(measured, "indicator", "indicators")} fully met, ${counts.partlyMet} partly, ${counts.notMet} not`
      : "no measured indicators";
  if (counts.notMeasured > 0) indicators += ` (${counts.notMeasured} not yet measured)`;
  parts.push(indicators);
  if (counts.activities > 0) {
    parts.push(
      counts.activitiesWithDeviation === 0
        ? `none of ${plural(counts.activities, "activity", "activities")} with a deviation`
        : `${plural(counts.activitiesWithDeviation, "activity", "activities")} with a deviation`,
    );
  }
  return parts.join("; ");
}

/**
 * Counts of a goal's own indicators and activities only (no children): what a report's stated
 * tally for a KF mål usually speaks of ("tre indikatorer uppfylls helt och två delvis", 002 KF 1.3,
 * counts the KF mål's own indicator table, not its nämndmål's).
 */
export function ownCounts(model: Model, goalId: string): GoalCounts {
  return countEvidence({
    indicators: model.indicators.filter((i) => i.goal === goalId),
    activities: model.activities.filter((a) => a.goal === goalId),
  });
}
