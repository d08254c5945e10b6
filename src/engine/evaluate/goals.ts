import { notDonePhrase } from "../parse/notDone";
import { statusDeviates } from "../parse/activityStatus";
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
  PeriodKind,
} from "../model/types";
import { emptyCounts } from "../model/goals";
import { goalIdCell, hasText } from "./cells";
import { AnalysisRowTables, analysisWhere } from "./missingAnalysis";
import { judgedField, outcomeDue } from "./indicators";
import type { DuplicatePair } from "./duplicates";
import { copiesOf, duplicatePairs } from "./duplicates";
import type { Positions } from "./evidence";
import { EvidencePositions } from "./evidence";

export { emptyCounts };

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

export function countEvidence(evidence: {
  indicators: Iterable<Indicator>;
  activities: Iterable<Activity>;
}): GoalCounts {
  const counts = emptyCounts();
  for (const indicator of evidence.indicators) countIndicator(counts, indicator);
  for (const activity of evidence.activities) countActivity(counts, activity, null);
  return counts;
}

/** Counts the indicator in `counts` by its counting status, and returns that status. */
function countIndicator(counts: GoalCounts, indicator: Indicator): IndicatorStatus | null {
  const status = countingStatus(indicator);
  if (status === "met") counts.met++;
  else if (status === "partly-met") counts.partlyMet++;
  else if (status === "not-met") counts.notMet++;
  else if (status === "not-measured") counts.notMeasured++;
  else counts.notJudged++;
  return status;
}

/**
 * Counts the activity, as deviating where it is marked Avvikelse or its analysis says it was not
 * done (`har inte kunnat genomföras`, parse/notDone.ts; validate asks for the mark), unless it starts
 * after the period's end. `period`: the report's year and end; without it, the activity's end year.
 */
function countActivity(counts: GoalCounts, activity: Activity, period: PeriodEnd | null): void {
  counts.activities++;
  if (activity.deviation || statusDeviates(activity.status, activity.end, period?.end ?? null))
    counts.activitiesWithDeviation++;
  // A status of `Klar` says it was done, whatever the text says of a delay on the way.
  else if (
    activity.analysis &&
    activity.status !== "done" &&
    !(period && activity.start && activity.start > period.end)
  ) {
    // One that starts after the period's end is not due yet, whatever its text says of later.
    const judgedYear = period?.year ?? (activity.end ? Number(activity.end.slice(0, 4)) : null);
    if (notDonePhrase(activity.analysis, judgedYear) !== null) counts.activitiesWithDeviation++;
  }
}

/** The report's year and its last day (ISO): 30 April at T1, 31 August at T2, else 31 December. */
export interface PeriodEnd {
  year: number;
  end: string;
}

export function periodEnd(kind: PeriodKind | null, year: number | null): PeriodEnd | null {
  // A plan's activities are yet to be done: nothing is due by a plan's year's end.
  if (year === null || kind === "VP") return null;
  return { year, end: `${year}-${kind === "T1" ? "04-30" : kind === "T2" ? "08-31" : "12-31"}` };
}

/**
 * The suggested assessment from a tally (RULES_DOC): nothing measured and no activities → null;
 * every measured indicator met and no activity deviating → helt, unless the goal has indicators and
 * none is measured (activities alone don't make a goal with unmeasured indicators helt), or
 * `outcomesMissing` (indicators whose outcome is due and absent) → null;
 * none met and some not met → ej; otherwise delvis.
 */
export function suggestAssessment(counts: GoalCounts, outcomesMissing = 0): Assessment | null {
  const measured = counts.met + counts.partlyMet + counts.notMet;
  if (measured === 0 && counts.activities === 0) return null;
  if (counts.partlyMet === 0 && counts.notMet === 0 && counts.activitiesWithDeviation === 0) {
    if (outcomesMissing > 0) return null;
    return measured === 0 && counts.notMeasured + counts.notJudged > 0 ? null : "helt";
  }
  if (measured > 0 && counts.met === 0 && counts.notMet > 0) return "ej";
  return "delvis";
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
  return explainContradiction(
    stated,
    counts,
    firstMisses(indicators.length, (k) => indicators[k]),
    null,
  );
}

/** The most characters of a goal's name a finding quotes. */
const GOAL_NAME_LENGTH = 60;

/**
 * How a finding names a goal: its number and title as the model holds them (`1.1 I Stockholm är
 * …`), a long one cut at a word and marked with `…`; "" for a goal with neither.
 */
export function shortGoalName(goal: Pick<Goal, "number" | "title">): string {
  const name = (goal.number ? `${goal.number} ${goal.title}` : goal.title).replace(/\s+/g, " ").trim();
  if (name.length <= GOAL_NAME_LENGTH) return name;
  const cut = name.slice(0, GOAL_NAME_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${(space > GOAL_NAME_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")} …`;
}

/** The most not-met indicators a contradiction names. */
const NAMED_MISSES = 3;

/**
 * The first {@link NAMED_MISSES} of a goal's `count` evidence indicators that miss their target,
 * read one by one with `indicatorAt` (a goal's evidence may be thousands long: no list of it).
 */
function firstMisses(count: number, indicatorAt: (k: number) => Indicator): Indicator[] {
  const misses: Indicator[] = [];
  for (let k = 0; k < count && misses.length < NAMED_MISSES; k++) {
    const indicator = indicatorAt(k);
    if (countingStatus(indicator) === "not-met") misses.push(indicator);
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
  goal: Pick<Goal, "number" | "title"> | null,
): { sv: string; en: string } | null {
  const name = goal ? shortGoalName(goal) : "";
  // Two goals' findings in a list must not read the same: each names its goal.
  const subject = name
    ? { sv: `Målet ”${name}”`, en: `The goal "${name}"` }
    : { sv: "Målet", en: "The goal" };
  const notMet = counts.notMet;
  const deviating = counts.activitiesWithDeviation;
  if (stated === "helt") {
    if (notMet === 0 && deviating === 0) return null;
    const partsSv: string[] = [];
    const partsEn: string[] = [];
    if (notMet > 0) {
      const names = misses.map((i) => `”${i.name}”${describeMiss(i, "mot")}`).join(", ");
      const namesEn = misses.map((i) => `"${i.name}"${describeMiss(i, "against")}`).join(", ");
      partsSv.push(
        `${notMet} ${notMet === 1 ? "indikator uppfyller" : "indikatorer uppfyller"} inte målet (${names}${notMet > 3 ? " …" : ""})`,
      );
      partsEn.push(
        `${notMet} ${notMet === 1 ? "indicator misses" : "indicators miss"} the target (${namesEn}${notMet > 3 ? " …" : ""})`,
      );
    }
    if (deviating > 0) {
      partsSv.push(`${deviating} ${deviating === 1 ? "aktivitet har" : "aktiviteter har"} avvikelse`);
      partsEn.push(`${deviating} ${deviating === 1 ? "activity has" : "activities have"} a deviation`);
    }
    return {
      sv: `${subject.sv} bedöms ”${ASSESSMENT_SV.helt}” men ${partsSv.join(" och ")}.`,
      en: `${subject.en} is assessed "${ASSESSMENT_EN.helt}" but ${partsEn.join(" and ")}.`,
    };
  }
  if (stated !== "ej") return null;
  const measured = counts.met + counts.partlyMet;
  if (notMet > 0 || deviating > 0 || measured === 0) return null;
  return {
    sv: `${subject.sv} bedöms ”${ASSESSMENT_SV.ej}” men ingen indikator under det missar sitt mål (${measured} uppfylls helt eller delvis) och ingen aktivitet har avvikelse.`,
    en: `${subject.en} is assessed "${ASSESSMENT_EN.ej}" but no indicator under it misses its target (${measured} fully or partly met) and no activity has a deviation.`,
  };
}

/**
 * `: 4,6 % mot 2,3 %` (English: `against`; the numbers are written the Swedish way in both), the
 * figure the status was judged on, named where it is the forecast (`: prognos 6,5 % mot 5 %`); a
 * target that is no single number as written (`+/- 1 %`), a ceiling or floor with its word.
 */
export function describeMiss(indicator: Indicator, against: "mot" | "against"): string {
  const onForecast = judgedField(indicator) === "forecast";
  const value = onForecast ? indicator.forecast : indicator.outcome;
  if (value === null) return "";
  const unit = indicator.unit ? ` ${indicator.unit}` : "";
  const sv = against === "mot";
  const target = targetWords(indicator, unit, sv ? BOUND_SV : BOUND_EN);
  const basis = onForecast ? (sv ? "prognos " : "forecast ") : "";
  return target === null ? "" : `: ${basis}${formatSv(value)}${unit} ${against} ${target}`;
}

const BOUND_SV = { max: "max ", min: "minst " };
const BOUND_EN = { max: "at most ", min: "at least " };

/**
 * The target the indicator is judged against: its Årsmål, or KF:s årsmål where it is counted by
 * that (its own status is no target or unknown, see {@link countingStatus}).
 */
function targetWords(indicator: Indicator, unit: string, bound: typeof BOUND_SV): string | null {
  const own = indicator.status !== "no-target" && indicator.status !== "unknown";
  const target = own ? indicator.target : indicator.kfTarget;
  const kind = own ? indicator.targetKind : indicator.kfTargetKind;
  if (target !== null && (kind === "value" || kind === "max" || kind === "min"))
    return `${kind === "value" ? "" : bound[kind]}${formatSv(target)}${unit}`;
  // A target that is no single number, as written (`+/- 1 %`, `Öka`).
  if (kind === "band" || kind === "increase")
    return (own ? indicator.targetText : indicator.kfTargetText)?.trim() || null;
  return null;
}

function formatSv(n: number): string {
  return String(Math.round(n * 1000) / 1000).replace(".", ",");
}

const NO_POSITIONS: Positions = {
  indicatorsFrom: 0,
  indicatorsTo: 0,
  activitiesFrom: 0,
  activitiesTo: 0,
  borrowed: false,
};

/**
 * Fills counts and suggestedAssessment on every goal and returns the goal findings:
 * `assessment-contradicts` and `analysis-missing` for activities marked Avvikelse.
 * `assessable` is false for plan (VP) and unknown periods: no suggestion is made then. An indicator
 * whose outcome is due in `period` and not measured keeps its goal from being suggested helt. A row
 * of `duplicates` that repeats an earlier one counts once, as the first.
 */
export function evaluateGoals(
  model: Model,
  { assessable, period }: { assessable: boolean; period: PeriodKind | null },
  duplicates: readonly DuplicatePair[],
  analysisRows: AnalysisRowTables = new AnalysisRowTables(),
): Finding[] {
  const findings: Finding[] = [];
  const collector = new EvidencePositions(model, copiesOf(duplicates));
  const evidence = collector.collect();
  const { indicators, activities } = collector;
  const due = periodEnd(period, model.period.year);
  for (const goal of model.goals) {
    const at = evidence.get(goal.id) ?? NO_POSITIONS;
    const counts = emptyCounts();
    // Index loops: no iterator per step while the code is still interpreted (a single check).
    let missing = 0;
    for (let k = at.indicatorsFrom; k < at.indicatorsTo; k++) {
      const indicator = model.indicators[indicators.at(k)];
      if (countIndicator(counts, indicator) === "not-measured" && outcomeDue(indicator, period)) missing++;
    }
    for (let k = at.activitiesFrom; k < at.activitiesTo; k++)
      countActivity(counts, model.activities[activities.at(k)], due);
    goal.counts = counts;
    goal.outcomesMissing = missing;
    goal.suggestedAssessment = assessable ? suggestAssessment(counts, missing) : null;
    if (!assessable) continue;
    const stated = goal.statedAssessment;
    const misses =
      stated === "helt" && counts.notMet > 0
        ? firstMisses(
            at.indicatorsTo - at.indicatorsFrom,
            (k) => model.indicators[indicators.at(at.indicatorsFrom + k)],
          )
        : [];
    const why = explainContradiction(stated, counts, misses, goal);
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
    if (hasText(activity.analysis)) continue;
    // Marked Avvikelse, or its Status says it deviates (`Försenad`, `Ej påbörjad` past its end).
    const byStatus = !activity.deviation && statusDeviates(activity.status, activity.end, due?.end ?? null);
    if (!activity.deviation && !byStatus) continue;
    const where = analysisWhere(analysisRows.placeOf(activity.cells, activity.sheet, activity.row));
    const late = activity.status === "not-started" || activity.status === "not-done";
    findings.push(
      finding({
        code: "analysis-missing",
        sheet: activity.sheet,
        cell: deviationCell(activity),
        goal: activity.goal,
        message: byStatus
          ? `Aktiviteten ”${activity.name}” har status ”${activity.statusText}”${late ? ` fast den skulle ha varit klar ${activity.end ? `senast ${activity.end}` : "vid årets slut"}` : ""} men saknar analys${where.sv}`
          : `Aktiviteten ”${activity.name}” är markerad med Avvikelse men saknar analys${where.sv}`,
        messageEn: byStatus
          ? `The activity "${activity.name}" has the status "${activity.statusText}"${late ? ` though it was due to be done ${activity.end ? `by ${activity.end}` : "by the year's end"}` : ""} but has no analysis${where.en}`
          : `The activity "${activity.name}" is marked Avvikelse (deviation) but has no analysis${where.en}`,
      }),
    );
  }
  return findings;
}

/** Where an activity's missing analysis is asked for: its analysis cell, else its deviation or name. */
function deviationCell(activity: Activity): string {
  const cells = activity.cells;
  // Named reads, not cellOf's read by a key from a list (a slow path): asked per deviating activity.
  return (
    cells.analysis ||
    cells.deviationFlag ||
    cells.status ||
    cells.deviation ||
    cells.name ||
    `A${activity.row}`
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The tally as a sentence, e.g. `3 av 5 indikatorer uppfylls helt, 1 delvis, 1 ej; 1 aktivitet
 * med avvikelse`. `5` counts the measured indicators; not-yet-measured and not-judged ones are
 * added after.
 */
export function countsSentence(counts: GoalCounts, language: "sv" | "en" = "sv"): string {
  const measured = counts.met + counts.partlyMet + counts.notMet;
  const parts: string[] = [];
  if (language === "sv") {
    let indicators =
      measured > 0
        ? `${counts.met} av ${plural(measured, "indikator", "indikatorer")} uppfylls helt, ${counts.partlyMet} delvis, ${counts.notMet} ej`
        : "inga mätta indikatorer";
    const aside: string[] = [];
    if (counts.notMeasured > 0)
      aside.push(`${counts.notMeasured} ännu ej ${counts.notMeasured === 1 ? "mätt" : "mätta"}`);
    if (counts.notJudged > 0)
      aside.push(`${counts.notJudged} ej ${counts.notJudged === 1 ? "bedömd" : "bedömda"}`);
    if (aside.length) indicators += ` (${aside.join(", ")})`;
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
  const aside: string[] = [];
  if (counts.notMeasured > 0) aside.push(`${counts.notMeasured} not yet measured`);
  if (counts.notJudged > 0) aside.push(`${counts.notJudged} not judged`);
  if (aside.length) indicators += ` (${aside.join(", ")})`;
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
 * counts the KF mål's own indicator table, not its nämndmål's); a row copied under itself once.
 */
export function ownCounts(model: Model, goalId: string): GoalCounts {
  const copies = copiesOf(duplicatePairs(model.indicators));
  return countEvidence({
    indicators: model.indicators.filter((i) => i.goal === goalId && !copies.has(i)),
    activities: model.activities.filter((a) => a.goal === goalId),
  });
}
