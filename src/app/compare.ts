/**
 * `malkoll compare`: reads a plan and its follow-up through their ports, checks both and
 * reconciles them. The result is the follow-up's check whose findings also carry the plan's
 * (each naming its workbook), plus the pairs found.
 */
import type { CheckOptions, CheckResult } from "../engine";
import { check } from "../engine";
import { reconcile } from "../engine/compare";
import type { Matched } from "../engine/compare";
import { sortFindings } from "../engine/findings";
import type { WorkbookPort } from "../ports/port";

export interface CompareInput {
  port: WorkbookPort;
  /** The file's name, as findings and the JSON name it. */
  name: string;
}

export interface CompareResult {
  plan: CheckResult;
  /** The follow-up's check; its findings include the reconciliation's. */
  followup: CheckResult;
  matched: Matched[];
}

export async function runCompare(
  plan: CompareInput,
  followup: CompareInput,
  options: CheckOptions = {},
): Promise<CompareResult> {
  const planSnapshot = await plan.port.read();
  const followupSnapshot = await followup.port.read();
  const planChecked = check(planSnapshot);
  const followupChecked = check(followupSnapshot, options);
  const { findings, matched } = reconcile(
    { workbook: plan.name, model: planChecked.model, findings: planChecked.findings },
    { workbook: followup.name, model: followupChecked.model, findings: followupChecked.findings },
  );
  // The plan's own findings stay its own, but for formulas without computed values: its figures
  // were read as empty, and a finding about a changed target may rest on that.
  const planNotCalculated = planChecked.findings
    .filter((f) => f.code === "formula-not-calculated")
    .map((f) => ({ ...f, workbook: plan.name }));
  const all = [
    ...followupChecked.findings.map((f) => ({ ...f, workbook: followup.name })),
    ...findings,
    ...planNotCalculated,
  ];
  const sheetOrder = [...followupSnapshot.sheets, ...planSnapshot.sheets].map((s) => s.name);
  return {
    plan: planChecked,
    followup: { ...followupChecked, findings: sortFindings(all, sheetOrder) },
    matched,
  };
}
