import type { CheckResult } from "../engine";
import type { Finding } from "../engine/findings";
import { boundedText } from "../engine/findings";

/**
 * `check --json`: the contract's shape (docs/CONTRACT.md), fields in the documented order. Additions
 * (allowed by the contract): `statusBasis` on indicators, `cells` on rows, `messageEn` on findings,
 * and `derived` budget figures. Findings of a run over several files (compare, rollup) name their
 * `workbook`.
 */
export function toContractJson(workbook: string, result: CheckResult) {
  const { model } = result;
  return {
    workbook,
    period: model.period,
    goals: model.goals.map((g) => ({
      id: g.id,
      parent: g.parent,
      level: g.level,
      number: g.number,
      title: g.title,
      sheet: g.sheet,
      row: g.row,
      statedAssessment: g.statedAssessment,
      suggestedAssessment: g.suggestedAssessment,
      counts: g.counts,
    })),
    indicators: model.indicators.map((i) => ({
      name: i.name,
      sheet: i.sheet,
      row: i.row,
      goal: i.goal,
      outcome: i.outcome,
      outcomeMen: i.outcomeMen,
      outcomeWomen: i.outcomeWomen,
      previous: i.previous,
      forecast: i.forecast,
      target: i.target,
      targetKind: i.targetKind,
      targetText: i.targetText,
      kfTarget: i.kfTarget,
      kfTargetKind: i.kfTargetKind,
      kfTargetText: i.kfTargetText,
      unit: i.unit,
      periodicity: i.periodicity,
      direction: i.direction,
      status: i.status,
      kfStatus: i.kfStatus,
      analysis: i.analysis,
      statusBasis: i.statusBasis ?? null,
      // An addition (2026-12), only for a row of a table with an assessment column.
      ...(i.statedAssessment !== undefined ? { statedAssessment: i.statedAssessment } : {}),
      cells: i.cells,
    })),
    activities: model.activities.map((a) => ({
      name: a.name,
      sheet: a.sheet,
      row: a.row,
      goal: a.goal,
      start: a.start,
      end: a.end,
      deviation: a.deviation,
      status: a.status,
      analysis: a.analysis,
      cells: a.cells,
    })),
    budget: model.budget.map((b) => ({
      sheet: b.sheet,
      row: b.row,
      table: b.table,
      label: b.label,
      kind: b.kind,
      unit: b.unit,
      budget: b.budget,
      adjustments: b.adjustments,
      changes: b.changes,
      forecastBeforeTransfers: b.forecastBeforeTransfers,
      forecast: b.forecast,
      deviation: b.deviation,
      computedDeviation: b.computedDeviation,
      analysis: b.analysis,
      cells: b.cells,
    })),
    findings: result.findings.map(findingJson),
    derived: result.derived,
  };
}

/** A JSON replacer: every text at most {@link boundedText}'s length, marked where it was cut. */
export function boundedStrings(_key: string, value: unknown): unknown {
  return typeof value === "string" ? boundedText(value) : value;
}

/** A finding as the contract prints it; one from a run over several files names its `workbook`. */
export function findingJson(f: Finding) {
  return {
    code: f.code,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    range: f.range ?? null,
    goal: f.goal,
    message: f.message,
    messageEn: f.messageEn,
    ...(f.workbook !== undefined ? { workbook: f.workbook } : {}),
  };
}
