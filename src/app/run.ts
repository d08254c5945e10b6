/**
 * The one workflow both shells use: the task pane (over the Office or memory port) and the CLI
 * (over the xlsx port). Read → check → report → plan → write; nothing here knows the host.
 */
import type { CheckOptions, CheckResult } from "../engine";
import { check, modelEmpty, recognisedNothing } from "../engine";
import type { WorkbookSnapshot } from "../engine/grid";
import { sortFindings } from "../engine/findings";
import { planWrite } from "../engine/plan";
import { protectedSheets, recordCells, splitByProtection } from "../engine/plan/protectedSheets";
import { STATE_SHEET } from "../engine/report/spec";
import { decodeState, encodeState, refuseForeignStateSheet } from "../engine/state";
import type { WorkbookPort, WritePhase, WritePlan } from "../ports/port";
import { Refusal } from "../engine/refusal";

/**
 * Table rows (indicators, activities, budget lines) Målkoll builds report tables for. Measured
 * on 2 cores: 100 000 rows generate in ~4 s with ~0,9 GB, 250 000 in ~11 s with ~2,1 GB; a
 * million would need ~8 GB and tables longer than Excel's 1 048 576 rows. A nämnd's tertial
 * report has a few hundred. `check` has no such limit.
 */
export const MAX_GENERATE_ROWS = 200_000;

export type GenerateOptions = CheckOptions & {
  /** `excel`, `cli` or `browser`: recorded in the run log. */
  host: string;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (step: GenerateStep, fraction: number) => void;
  /**
   * The write's phase as it goes (see WritePhase): the pane can offer its cancel button while
   * `canCancelWrite(phase)` holds; `signal` is passed on to the port's write.
   */
  onWritePhase?: (phase: WritePhase) => void;
  /** Defaults to {@link MAX_GENERATE_ROWS}. */
  maxRows?: number;
  /**
   * Stop before writing when no period was given and the workbook names none, or names one without
   * its year (a plan whose only year is in its sheet's name): the pane asks the person rather than
   * write tables whose statuses are all unknown, or titled `Indikatorer VP` with no year. The CLI
   * writes them (with `period-unknown` when there is no period), as the contract says.
   */
  requirePeriod?: boolean;
};

export type GenerateStep = "read" | "check" | "report" | "plan" | "write" | "done";

export async function runCheck(
  port: WorkbookPort,
  options: CheckOptions = {},
): Promise<{ snapshot: WorkbookSnapshot; result: CheckResult }> {
  const snapshot = await port.read();
  return { snapshot, result: check(snapshot, options) };
}

/**
 * Thrown by {@link runGenerate} with `requirePeriod` when there is no period to judge against, or
 * no year for it. Carries what was read and checked, so the pane can show it without reading again.
 */
export class PeriodNeeded extends Error {
  /** `year`: the period is known (`VP`, `T2`) but not its year. */
  readonly missing: "period" | "year";

  constructor(
    readonly snapshot: WorkbookSnapshot,
    readonly result: CheckResult,
  ) {
    const missing = result.model.period.kind === null ? "period" : "year";
    super(
      missing === "period"
        ? "Ingen period angiven och ingen i arbetsboken / No period given and none in the workbook"
        : "Periodens år saknas / The period's year is missing",
    );
    this.name = "PeriodNeeded";
    this.missing = missing;
  }
}

/**
 * Lets the host breathe between steps (a click on Avbryt is handled here), then stops if asked.
 * Once `write` has begun the port decides: the signal stops it until it commits (WriteOptions).
 */
async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  if (signal) await new Promise((resolve) => setTimeout(resolve, 0));
  if (signal?.aborted) throw new DOMException("Avbrutet av användaren", "AbortError");
}

/** Generates the owned sheets, flags and log row; the plan's own findings join the result's. */
export async function runGenerate(
  port: WorkbookPort,
  options: GenerateOptions,
): Promise<{ result: CheckResult; plan: WritePlan; snapshot: WorkbookSnapshot }> {
  const progress = options.onProgress ?? (() => undefined);
  progress("read", 0);
  await checkpoint(options.signal);
  const snapshot = await port.read();
  refuseForeignStateSheet(snapshot);
  await checkpoint(options.signal);
  progress("check", 0.25);
  const checked = check(snapshot, options);
  await checkpoint(options.signal);
  refuseIfTooLarge(checked, options.maxRows ?? MAX_GENERATE_ROWS);
  // With nothing recognised there is nothing to build (no empty shells, only the run log). A
  // period is needed only where it judges something: cross tables alone are printed as they stand.
  const nothing = recognisedNothing(checked);
  const { period } = checked.model;
  if (options.requirePeriod && !modelEmpty(checked.model) && (period.kind === null || period.year === null))
    throw new PeriodNeeded(snapshot, checked);
  progress("report", 0.5);
  const now = options.now ?? new Date();
  // The report stage is loaded when tables are made: the task pane's first screen does not need it.
  const output = nothing
    ? { sheets: [], flags: [] }
    : (await import("../engine/report")).buildReport(checked, { snapshot, generatedAt: now });
  await checkpoint(options.signal);
  progress("plan", 0.6);
  const plan = await planWrite(snapshot, checked, output, { now, host: options.host });
  await checkpoint(options.signal);
  progress("write", 0.7);
  await port.write(plan, { signal: options.signal, onPhase: options.onWritePhase });
  progress("done", 1);
  const findings = sortFindings(
    [...checked.findings, ...plan.findings],
    snapshot.sheets.map((s) => s.name),
  );
  return { result: { ...checked, findings }, plan, snapshot };
}

function refuseIfTooLarge(checked: CheckResult, limit: number): void {
  const { indicators, activities, budget } = checked.model;
  const rows = indicators.length + activities.length + budget.length;
  if (rows <= limit) return;
  const sv = (n: number) => n.toLocaleString("sv-SE");
  const en = (n: number) => n.toLocaleString("en-GB");
  throw new Refusal(
    `Arbetsboken har ${sv(rows)} tabellrader; Målkoll skapar tabeller för högst ${sv(limit)}. Kontrollera den (malkoll check klarar den) eller dela upp den och skapa tabellerna del för del.`,
    `The workbook has ${en(rows)} table rows; Målkoll builds tables for at most ${en(limit)}. Check it (malkoll check handles it) or split it and build the tables part by part.`,
  );
}

/**
 * Removes every flag Målkoll applied ("Rensa flaggor") except on protected sheets, whose flags stay
 * (recorded) until the sheet is unprotected (plan/protectedSheets.ts). Returns how many cells were
 * unflagged, and the protected sheets that keep theirs.
 */
export async function runClearFlags(
  port: WorkbookPort,
): Promise<{ removed: number; kept: { sheet: string; cells: number }[] }> {
  const snapshot = await port.read();
  refuseForeignStateSheet(snapshot);
  const state = decodeState(snapshot.sheets.find((s) => s.name === STATE_SHEET));
  const { kept, removable } = splitByProtection(state.flags, protectedSheets(snapshot));
  await port.clearFlags(removable, encodeState({ ...state, flags: kept }));
  return {
    removed: removable.reduce((n, r) => n + recordCells(r), 0),
    kept: kept.map((r) => ({ sheet: r.sheet, cells: recordCells(r) })),
  };
}
