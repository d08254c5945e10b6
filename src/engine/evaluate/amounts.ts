/** The arithmetic of amounts as the published tables show them: decimals, rounding, tolerance. */
import type { BudgetLine } from "../model/types";

export type AmountUnit = BudgetLine["unit"];

/** Decimals a published table shows: mnkr with one decimal, tkr and kr as integers. */
export function decimalsFor(unit: AmountUnit): number {
  return unit === "mnkr" ? 1 : 0;
}

/** Half a unit of the last shown decimal: the largest rounding error of one published cell. */
export function halfUnit(unit: AmountUnit): number {
  return 0.5 * 10 ** -decimalsFor(unit);
}

/** Rounds half away from zero (as Excel and the reports do), without floating noise or `-0`. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(withoutNoise(scaled)) / factor;
  const signed = value < 0 ? -rounded : rounded;
  return signed === 0 ? 0 : signed;
}

/**
 * `scaled` to 12 significant digits (2.4999999999999996 → 2.5), where that can move it across a
 * half (where Math.round would differ); elsewhere `scaled` itself, without a string per amount.
 * Twelve digits move a value below 1e11 by at most 5e-12 of it.
 */
function withoutNoise(scaled: number): number {
  if (scaled < 1e11 && Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-11 * scaled) return scaled;
  return Number(scaled.toPrecision(12));
}

export function roundAmount(value: number, unit: AmountUnit): number {
  return roundTo(value, decimalsFor(unit));
}

/** 1 mnkr in the table's unit. */
export function mnkrIn(unit: AmountUnit): number {
  return unit === "mnkr" ? 1 : unit === "tkr" ? 1000 : 1_000_000;
}

/** Budget + Begärda BJ + förändringar: what the forecast is measured against. Null without a budget. */
export function revisedBudget(line: Pick<BudgetLine, "budget" | "adjustments" | "changes">): number | null {
  if (line.budget === null) return null;
  return line.budget + (line.adjustments ?? 0) + (line.changes ?? 0);
}

/**
 * Avvikelse as the table should show it: Budget + BJ (+ förändringar) − Prognos, where Prognos is
 * the final forecast (efter resultatöverföringar where the table has both), rounded to the
 * table's decimals. Null when the row lacks a budget or a forecast.
 */
export function expectedDeviation(
  line: Pick<BudgetLine, "budget" | "adjustments" | "changes" | "forecast" | "unit">,
): number | null {
  const revised = revisedBudget(line);
  if (revised === null || line.forecast === null) return null;
  return roundAmount(revised - line.forecast, line.unit);
}

/**
 * How far a stated figure may be from one recomputed from `terms` rounded cells before it is a
 * mismatch: half a unit per rounded term (docs/CONTRACT.md, "Rounding").
 */
export function roundingTolerance(unit: AmountUnit, terms: number): number {
  return halfUnit(unit) * Math.max(1, terms) + 1e-9;
}
