import { indicatorContradictions } from "./indicatorAssessment";
import type { Model } from "../model/types";
import type { RecognisedTable } from "../recognise/types";
import type { Settings } from "../settings";
import type { EvaluationResult } from "./types";
import { evaluateIndicators } from "./indicators";
import { evaluateGoals } from "./goals";
import { evaluateBudget } from "./budget";
import { duplicatePairs } from "./duplicates";
import { AnalysisRowTables } from "./missingAnalysis";

export type { DerivedFigure, EvaluationResult } from "./types";
export { DIRECTION_CATALOGUE, catalogueDirection, resolveDirection } from "./direction";
export type { DirectionRule, ResolvedDirection } from "./direction";
export {
  compareToTarget,
  valueForStatus,
  outcomeDue,
  isDeviating,
  unitFamily,
  unitInText,
} from "./indicators";
export { collectEvidence } from "./evidence";
export { copiesOf, countedIndicators, duplicatePairs } from "./duplicates";
export type { DuplicatePair } from "./duplicates";
export {
  contradiction,
  countEvidence,
  countingStatus,
  countsSentence,
  emptyCounts,
  ownCounts,
  suggestAssessment,
} from "./goals";
export {
  applyComputedDeviations,
  baseRow,
  derivedFigures,
  deviationTerms,
  deviationThreshold,
} from "./budget";
export {
  decimalsFor,
  expectedDeviation,
  halfUnit,
  mnkrIn,
  revisedBudget,
  roundAmount,
  roundTo,
  roundingTolerance,
} from "./amounts";
export { compareTally, parseStatedTally } from "./tally";
export type { StatedTally, TallyComparison } from "./tally";
export { RULES_DOC } from "./rules";

/**
 * The evaluate stage: sets each indicator's direction, status and kfStatus, each goal's counts
 * and suggestedAssessment, each budget row's computedDeviation, and returns the evaluation
 * findings, the derived budget figures and the duplicate indicator rows, which the goals counted
 * once (validation says so at each copy). Never touches statedAssessment. `tables`: the recognised
 * tables the model was read from (what a finding about a table's columns names).
 */
export function evaluate(
  model: Model,
  settings: Settings,
  tables: readonly RecognisedTable[] = [],
): EvaluationResult {
  const period = model.period.kind;
  const analysisRows = new AnalysisRowTables(tables);
  const indicatorFindings = evaluateIndicators(model.indicators, { period, settings, tables, analysisRows });
  const assessable = period === "T1" || period === "T2" || period === "VB";
  const duplicates = duplicatePairs(model.indicators);
  const goalFindings = evaluateGoals(model, { assessable, period }, duplicates, analysisRows);
  if (assessable) goalFindings.push(...indicatorContradictions(model.indicators));
  const budget = evaluateBudget(model, settings, analysisRows);
  return {
    findings: indicatorFindings.concat(goalFindings, budget.findings),
    derived: budget.derived,
    duplicates,
  };
}
