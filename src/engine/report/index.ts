import type { CheckResult } from "../index";
import type { GeneratedOutput } from "./spec";

// PLACEHOLDER until the report stage lands (issue 5).
export function buildReport(result: CheckResult): GeneratedOutput {
  void result;
  return { sheets: [], flags: [] };
}
