/**
 * The engine's front door: `check` (recognise → model → evaluate → validate) and `report` (the
 * owned sheets' specs and flags). Everything here is pure: grids in, plain data out.
 */
import type { CheckResult } from "./check";
import { buildReport } from "./report";
import type { ReportOptions } from "./report";
import type { GeneratedOutput } from "./report/spec";

export { check, recognisedNothing } from "./check";
export { modelEmpty } from "./model/empty";
export type { CheckOptions, CheckResult } from "./check";

/** The report stage: owned sheet specs and flags from a check result (and the snapshot it read). */
export function report(result: CheckResult, options: ReportOptions = {}): GeneratedOutput {
  return buildReport(result, options);
}
