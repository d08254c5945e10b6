/**
 * `indikatorer`: one table per goal, in the report's nine columns plus status against Årsmål and
 * KF:s årsmål. Indicators are listed alphabetically within a goal, as the city's reports do
 * (every indicator table in the T2 2021 report, seed 002, is in Swedish alphabetical order).
 */
import type { Goal, Indicator, TargetKind } from "../model/types";
import type { ReportContext } from "./context";
import { byNameThenPosition, sheetTitle } from "./context";
import { goalHeading, indicatorNumber, statusLabel } from "./format";
import type { Row } from "./layout";
import { SheetBuilder, headerRow } from "./layout";
import type { OutCell, SheetSpec } from "./spec";

export function indicatorHeaders(year: number | null): string[] {
  return [
    "Indikator",
    "Periodens utfall",
    "Utfall män/ pojkar",
    "Utfall kvinnor/ flickor",
    year === null ? "Periodens utfall VB föregående år" : `Periodens utfall VB ${year - 1}`,
    "Prognos helår",
    "Årsmål",
    "KF:s årsmål",
    "Period",
    "Status",
    "Status mot KF:s årsmål",
  ];
}

function figure(n: number | null, unit: string | null): OutCell | null {
  if (n === null) return null;
  return { ...indicatorNumber(n, unit), style: "normal" };
}

/** A target: a number for value/min/max (`Max` in the format), the source text otherwise. */
export function targetCell(
  kind: TargetKind,
  target: number | null,
  targetText: string | null,
  unit: string | null,
): OutCell | null {
  if ((kind === "value" || kind === "min" || kind === "max") && target !== null) {
    return { ...indicatorNumber(target, unit, kind), style: "normal" };
  }
  const shown = targetText?.trim();
  // Indented so text does not run into the right-aligned figure in the column before.
  return shown ? { value: shown, style: "normal", indent: 1 } : null;
}

function periodText(ctx: ReportContext, ind: Indicator): string | null {
  if (ind.periodText) return ind.periodText;
  const { period } = ctx.result.model;
  if (ind.periodicity === "year" && period.year !== null) return String(period.year);
  if (ind.periodicity === "tertial" && (period.kind === "T1" || period.kind === "T2") && period.year !== null)
    return `Tertial ${period.kind.slice(1)} ${period.year}`;
  return null;
}

export function indicatorRow(ctx: ReportContext, ind: Indicator): Row {
  const status = statusLabel(ind.status);
  const kfStatus = statusLabel(ind.kfStatus);
  const period = periodText(ctx, ind);
  return [
    { value: ind.name, style: "normal", wrap: true },
    figure(ind.outcome, ind.unit),
    figure(ind.outcomeMen, ind.unit),
    figure(ind.outcomeWomen, ind.unit),
    figure(ind.previous, ind.unit),
    figure(ind.forecast, ind.unit),
    targetCell(ind.targetKind, ind.target, ind.targetText, ind.unit),
    targetCell(ind.kfTargetKind, ind.kfTarget, ind.kfTargetText, ind.unit),
    period ? { value: period, style: "normal", indent: 1 } : null,
    { value: status.text, style: "normal", tone: status.tone },
    { value: kfStatus.text, style: "normal", tone: kfStatus.tone },
  ];
}

export function buildIndicatorSheet(ctx: ReportContext): SheetSpec {
  const { model } = ctx.result;
  const sheet = new SheetBuilder("indikatorer");
  sheet.heading(sheetTitle(ctx, "Indikatorer"), ctx.note);
  const headers = indicatorHeaders(model.period.year);

  const byGoal = new Map<string | null, Indicator[]>();
  for (const ind of model.indicators) {
    const key = ind.goal !== null && ctx.goalsById.has(ind.goal) ? ind.goal : null;
    const list = byGoal.get(key) ?? [];
    list.push(ind);
    byGoal.set(key, list);
  }
  // A goal is shown when it or a goal below it has indicators, so the hierarchy stays readable.
  const shown = new Set<string>();
  for (const goalId of byGoal.keys()) {
    let g: Goal | undefined = goalId === null ? undefined : ctx.goalsById.get(goalId);
    while (g && !shown.has(g.id)) {
      shown.add(g.id);
      g = g.parent ? ctx.goalsById.get(g.parent) : undefined;
    }
  }

  const sort = byNameThenPosition<Indicator>(ctx);
  const table = (indicators: Indicator[]): void => {
    sheet.add(headerRow(headers));
    for (const ind of [...indicators].sort(sort)) sheet.add(indicatorRow(ctx, ind));
    sheet.blank();
  };

  for (const { goal } of ctx.goalTree) {
    if (!shown.has(goal.id)) continue;
    sheet.add([{ value: goalHeading(goal), style: "heading" }]);
    const own = byGoal.get(goal.id);
    if (own?.length) table(own);
  }
  const loose = byGoal.get(null);
  if (loose?.length) {
    sheet.add([{ value: "Indikatorer utan mål", style: "heading" }]);
    table(loose);
  }
  if (model.indicators.length === 0)
    sheet.add([{ value: "Inga indikatortabeller hittades i arbetsboken.", style: "normal" }]);
  return sheet.build();
}
