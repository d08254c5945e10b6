/**
 * The report stage: from a check result to the sheets Målkoll owns (in the tertial report's
 * layout and number formats) and the flags it puts on the user's cells. Pure and deterministic:
 * the same result and options give the same output.
 */
import type { CheckResult } from "../check";
import { modelEmpty } from "../model/empty";
import { STATE_SHEET } from "./spec";
import type { Flag, GeneratedOutput } from "./spec";
import { buildActivitySheet } from "./activities";
import { buildBudgetSheet } from "./budget";
import { buildCrossTableSheet } from "./crossTables";
import type { ReportOptions } from "./context";
import { makeContext } from "./context";
import { buildDeviationSheet } from "./deviations";
import { formatPeriod } from "../parse/period";
import { buildGoalSheet } from "./goals";
import { buildIndicatorSheet } from "./indicators";

export type { ReportOptions } from "./context";

/** One flag per finding on a user's sheet (never on Målkoll's own sheets). */
export function buildFlags(result: CheckResult): Flag[] {
  const owned = new Set([STATE_SHEET, ...result.state.owned.map((o) => o.name)]);
  return result.findings
    .filter((f) => !owned.has(f.sheet))
    .map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity, message: f.message }));
}

export function buildReport(result: CheckResult, options: ReportOptions = {}): GeneratedOutput {
  const ctx = makeContext(
    result,
    options,
    result.model.period.kind ? formatPeriod(result.model.period) : null,
  );
  const crossTables = buildCrossTableSheet(ctx);
  // Cross tables alone make their own sheet and no other: the rest would be empty shells.
  if (modelEmpty(result.model))
    return { sheets: crossTables ? [crossTables] : [], flags: buildFlags(result) };
  return {
    sheets: [
      buildIndicatorSheet(ctx),
      buildGoalSheet(ctx),
      buildBudgetSheet(ctx),
      ...(crossTables ? [crossTables] : []),
      buildDeviationSheet(ctx),
      buildActivitySheet(ctx),
    ],
    flags: buildFlags(result),
  };
}
