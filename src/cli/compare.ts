import * as path from "path";
import { runCompare } from "../app/compare";
import type { CompareResult } from "../app/compare";
import { formatPeriod } from "../engine/parse/period";
import { XlsxPort } from "../ports/xlsx";
import { exitCodeFor } from "./exitCode";
import { boundedStrings, toContractJson } from "./json";
import { writeJson } from "./jsonText";
import type { Args } from "./args";
import type { CliIo } from "./io";
import { compareSummaryText } from "./summary";

/** `malkoll compare <plan.xlsx> <followup.xlsx> [--json]`. */
export async function compareCommand(args: Args, io: CliIo): Promise<number> {
  const [planPath, followupPath] = args.inputs;
  const [planName, followupName] = fileNames(planPath, followupPath);
  const plan = { port: await XlsxPort.open(planPath), name: planName };
  const followup = { port: await XlsxPort.open(followupPath), name: followupName };
  const result = await runCompare(plan, followup);
  for (const note of pairingNotes(result)) io.err(`Målkoll: ${note}\n`);
  if (args.json) await writeJson(compareJson(planName, followupName, result), io.out, boundedStrings);
  else io.out(compareSummaryText(planName, followupName, result));
  return exitCodeFor(result.followup);
}

/** The files' names as findings give them: their base names, or the paths when those are the same. */
function fileNames(planPath: string, followupPath: string): [string, string] {
  const plan = path.basename(planPath);
  const followup = path.basename(followupPath);
  return plan === followup ? [planPath, followupPath] : [plan, followup];
}

/** The follow-up's `check --json` with the plan's file and period and the pairs found (docs/CONTRACT.md). */
export function compareJson(planName: string, followupName: string, result: CompareResult) {
  return {
    ...toContractJson(followupName, result.followup),
    plan: { workbook: planName, period: result.plan.model.period },
    matched: result.matched,
  };
}

/** Pairs that are probably not what the user meant: they are compared anyway, with a word of warning. */
function pairingNotes(result: CompareResult): string[] {
  const plan = result.plan.model.period;
  const followup = result.followup.model.period;
  const notes: string[] = [];
  if (plan.kind !== null && plan.kind !== "VP")
    notes.push(
      `den första filen ser ut som en uppföljning (${formatPeriod(plan)}), inte en plan. / the first file looks like a follow-up, not a plan.`,
    );
  else if (plan.kind === null)
    notes.push(
      "den första filen nämner ingen period, så den syns inte vara en plan (VP). / the first file names no period, so it does not show itself to be a plan (VP).",
    );
  if (followup.kind === "VP")
    notes.push(
      `den andra filen ser ut som en plan (${formatPeriod(followup)}), inte en uppföljning: två planer jämförs. / the second file looks like a plan, not a follow-up: two plans are compared.`,
    );
  else if (followup.kind === null)
    notes.push(
      "den andra filen nämner ingen period, så den syns inte vara en uppföljning (T1, T2, VB). / the second file names no period, so it does not show itself to be a follow-up (T1, T2, VB).",
    );
  if (plan.year !== null && followup.year !== null && plan.year !== followup.year)
    notes.push(
      `planen gäller ${plan.year} men uppföljningen ${followup.year}. / the plan is for ${plan.year} but the follow-up for ${followup.year}.`,
    );
  return notes;
}
