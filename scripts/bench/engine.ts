/** Engine figures: the generated workbook through check() + report(), in memory. */
import { check, report } from "../../src/engine";
import type { WorkbookSnapshot } from "../../src/engine/grid";
import { median, memoryOf, ms, timeRuns } from "./measure";

export async function benchEngine(snapshot: WorkbookSnapshot, runs: number): Promise<string[]> {
  const generatedAt = new Date("2021-09-15T08:00:00Z");
  const once = () => {
    const result = check(snapshot);
    return { result, output: report(result, { snapshot, generatedAt }) };
  };
  const { result: first, heapDeltaMb, rssMb } = await memoryOf(once);
  const times = await timeRuns(runs, once);
  const checkTimes = await timeRuns(runs, () => check(snapshot));
  const { model, findings } = first.result;
  const cells = snapshot.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
  return [
    `Workbook: ${snapshot.sheets.map((s) => `${s.name} ${s.values.length} rows`).join(", ")} (${cells} cells)`,
    `Recognised: ${model.indicators.length} indicators, ${model.activities.length} activities, ${model.budget.length} budget rows (incl. totals), ${model.goals.length} goals; ${findings.length} findings; ${first.output.sheets.reduce((n, s) => n + s.rows.length, 0)} output rows`,
    `check() + report(): median ${ms(median(times))} of ${runs} runs after a warm-up (${times.map(ms).join(", ")}); check() alone median ${ms(median(checkTimes))} — target < 1 s`,
    `Memory (first run): heap used +${heapDeltaMb.toFixed(0)} MB, RSS ${rssMb.toFixed(0)} MB`,
  ];
}
