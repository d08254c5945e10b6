import { rollupExitCode, runRollup } from "../app/rollup";
import type { RollupResult } from "../app/rollup";
import { formatPeriod } from "../engine/parse/period";
import { boundedStrings, findingJson } from "./json";
import { writeJson } from "./jsonText";
import type { Args } from "./args";
import { periodOptions } from "./args";
import type { CliIo } from "./io";
import { progressBar } from "./progress";
import { countBySeverity } from "../engine/findings";
import { mixedPeriods, repeatedUnits } from "../engine/rollup/sheets";
import { severityCounts } from "./summary";

/** Workbooks listed by name in the summary; the rest are in the roll-up workbook and `--json`. */
const MAX_LISTED = 40;

/** `malkoll rollup <files|folders>… -o <out.xlsx> [--period P] [--year YYYY] [--json]`. */
export async function rollupCommand(args: Args, io: CliIo): Promise<number> {
  const bar = progressBar(io, "Läser arbetsböcker");
  const output = args.output!;
  let result: RollupResult;
  try {
    result = await runRollup(args.inputs, { ...periodOptions(args), output, onProgress: bar.update });
  } finally {
    bar.done();
  }
  if (args.json) await writeJson(rollupJson(result, output), io.out, boundedStrings);
  else io.out(rollupSummaryText(result, output));
  return rollupExitCode(result);
}

/** The contract's `{ workbooks, findings }` (docs/CONTRACT.md); `suggested`, `budget`, `output` and `passedOver` are additions. */
export function rollupJson(result: RollupResult, output: string) {
  return {
    workbooks: result.entries.map((e) => ({
      file: e.file,
      unit: e.unit,
      period: e.period,
      status: e.status,
      reason: e.reason,
      counts: e.counts,
      suggested: e.suggested,
      budget: e.budget,
    })),
    findings: result.findings.map(findingJson),
    output,
    passedOver: result.passedOver,
  };
}

/** Up to three paths, and how many more. */
function listed3(paths: string[]): string {
  return paths.length > 3 ? `${paths.slice(0, 3).join(", ")} och ${paths.length - 3} till` : paths.join(", ");
}

export function rollupSummaryText(result: RollupResult, output: string): string {
  const { entries } = result;
  const unread = entries.filter((e) => e.status === "unreadable");
  const lines = [
    `Målkoll – sammanställning av ${entries.length} ${entries.length === 1 ? "arbetsbok" : "arbetsböcker"} (${entries.length - unread.length} ${entries.length - unread.length === 1 ? "läst" : "lästa"}, ${unread.length} kunde inte läsas)`,
  ];
  // The unreadable ones first: they are what the user must act on.
  const listed = [...unread, ...entries.filter((e) => e.status === "ok")].slice(0, MAX_LISTED);
  for (const e of listed) {
    if (e.status === "unreadable") {
      lines.push(`  EJ LÄST ${e.file}: ${e.reason}`);
      continue;
    }
    const f = e.counts!.findings;
    const period = e.period ? formatPeriod(e.period) : "okänd period";
    lines.push(`  ${e.unit} (${period}) – ${e.file}: ${severityCounts(f)}`);
  }
  if (entries.length > MAX_LISTED) lines.push(`  … och ${entries.length - MAX_LISTED} till (se ${output})`);
  const mixed = mixedPeriods(entries);
  if (mixed) lines.push(mixed);
  const repeated = repeatedUnits(entries);
  if (repeated) lines.push(repeated);
  const { otherFiles, closedFolders } = result.passedOver;
  if (otherFiles.length)
    lines.push(
      `Inte lästa: ${otherFiles.length} ${otherFiles.length === 1 ? "fil" : "filer"} som inte är .xlsx eller .xlsm, eller länkar som inte leder till en fil (${listed3(otherFiles)}); spara en arbetsbok som .xlsx för att få med den.`,
    );
  if (closedFolders.length)
    lines.push(
      `Inte lästa: ${closedFolders.length === 1 ? "mappen" : "mapparna"} ${listed3(closedFolders)}, som inte gick att öppna.`,
    );
  const counts = countBySeverity(result.findings);
  lines.push(`Fynd: ${severityCounts(counts)} (alla finns i bladet Fynd)`);
  lines.push(`Skrev ${output}: ${result.sheets.join(", ")}.`);
  return `${lines.join("\n")}\n`;
}
