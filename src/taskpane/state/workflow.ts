/**
 * TEMPORARY stand-in for `src/app/run.ts` (the lead's orchestration, same signatures). The pane
 * imports the workflow only through this file, so switching is a one-line change here.
 */
import type { CheckOptions, CheckResult } from "../../engine";
import { check, report } from "../../engine";
import type { WorkbookSnapshot } from "../../engine/grid";
import { OWNED_SHEET_TITLES, STATE_SHEET } from "../../engine/report/spec";
import type { FlagRecord } from "../../engine/state";
import { decodeState, encodeState } from "../../engine/state";
import type { WorkbookPort, WritePlan } from "../../ports/port";

export type GenerateOptions = CheckOptions & {
  host: string;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (step: string, fraction: number) => void;
};

export async function runCheck(
  port: WorkbookPort,
  options: CheckOptions,
): Promise<{ snapshot: WorkbookSnapshot; result: CheckResult }> {
  const snapshot = await port.read();
  return { snapshot, result: check(snapshot, options) };
}

function abortIfAsked(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException("Avbrutet", "AbortError");
}

export async function runGenerate(port: WorkbookPort, options: GenerateOptions): Promise<{ result: CheckResult; plan: WritePlan }> {
  options.onProgress?.("read", 0.1);
  const snapshot = await port.read();
  abortIfAsked(options.signal);
  options.onProgress?.("check", 0.3);
  const result = check(snapshot, options);
  abortIfAsked(options.signal);
  options.onProgress?.("plan", 0.6);
  const output = report(result);
  const sheetNames = new Set(snapshot.sheets.map((s) => s.name));
  const owned = new Map(result.state.owned.map((o) => [o.key, o.name]));
  const sheets = output.sheets.map((spec) => {
    const ownedName = owned.get(spec.key);
    let name = ownedName ?? OWNED_SHEET_TITLES[spec.key];
    if (!ownedName) for (let i = 2; sheetNames.has(name); i++) name = `${OWNED_SHEET_TITLES[spec.key]} (${i})`;
    return { spec, name, replaces: ownedName !== undefined && sheetNames.has(ownedName) };
  });
  const byCells = new Map<string, string[]>();
  for (const f of output.flags) byCells.set(f.sheet, [...(byCells.get(f.sheet) ?? []), f.cell]);
  const flagRecords: FlagRecord[] = [...byCells].map(([sheet, cells]) => ({ sheet, ranges: cells.join(",") }));
  const state = {
    ...result.state,
    owned: sheets.map((s) => ({ key: s.spec.key, name: s.name, checksum: "" })),
    flags: flagRecords,
  };
  const plan: WritePlan = {
    renames: [],
    sheets,
    flags: output.flags,
    clearFlags: result.state.flags,
    state: encodeState(state),
    findings: [],
  };
  abortIfAsked(options.signal);
  options.onProgress?.("write", 0.8);
  await port.write(plan);
  options.onProgress?.("done", 1);
  return { result, plan };
}

export async function runClearFlags(port: WorkbookPort): Promise<number> {
  const snapshot = await port.read();
  const state = decodeState(snapshot.sheets.find((s) => s.name === STATE_SHEET));
  const count = state.flags.reduce((n, f) => n + f.ranges.split(",").filter((r) => r.trim()).length, 0);
  await port.clearFlags(state.flags, encodeState({ ...state, flags: [] }));
  return count;
}
