import type { CellValue, SheetVisibility, WorkbookSnapshot } from "../engine/grid";
import type { WritePlan } from "../engine/plan/types";
import type { FlagRecord } from "../engine/state";

export type { SheetRename, SheetWrite, WritePlan } from "../engine/plan/types";

/**
 * Where a write is. Until it reaches `committing` nothing the user sees has changed: a cancel (the
 * `signal` of WriteOptions) removes what was built and leaves the workbook as it was. From
 * `committing` on the write runs to its end.
 */
export type WritePhase = "checking" | "building" | "committing" | "finishing" | "done";

export interface WriteOptions {
  /** Checked between requests until `committing`; aborted, the write stops with an AbortError and changes nothing. */
  signal?: AbortSignal;
  /** Called as the write enters each phase (the pane disables its cancel button at `committing`). */
  onPhase?: (phase: WritePhase) => void;
}

/** True while a write can still be cancelled with nothing in the workbook changed. */
export function canCancelWrite(phase: WritePhase): boolean {
  return phase === "checking" || phase === "building";
}

/**
 * `select` on a sheet the user hid: Excel neither activates nor selects there. The pane says how to
 * show the sheet (the sheet may have been hidden after its last read).
 */
export class SheetHiddenError extends Error {
  constructor(
    readonly sheet: string,
    readonly visibility: Exclude<SheetVisibility, "visible">,
  ) {
    super(`Bladet ${sheet} är dolt. / The sheet ${sheet} is hidden.`);
    this.name = "SheetHiddenError";
  }
}

/**
 * The only door to a workbook. `office` (Office.js) and `xlsx` (its own reader + package patching)
 * implement it; `memory` serves the playground and UI tests.
 */
export interface WorkbookPort {
  /** All sheets' used ranges (values, number formats, formulas where available), incl. `_malkoll`. */
  read(): Promise<WorkbookSnapshot>;
  /** Carries out a write plan: renames, owned sheets, flags, state. */
  write(plan: WritePlan, options?: WriteOptions): Promise<void>;
  /** Removes every flag listed, and writes the state rows given (with the flag records dropped). */
  clearFlags(flags: FlagRecord[], state: CellValue[][]): Promise<void>;
  /** Selects a cell for the user (no-op where there is no UI); a hidden sheet's: SheetHiddenError. */
  select?(sheet: string, cell: string): Promise<void>;
}
