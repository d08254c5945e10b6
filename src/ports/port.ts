import type { CellValue, WorkbookSnapshot } from "../engine/grid";
import type { Finding } from "../engine/findings";
import type { Flag, SheetSpec } from "../engine/report/spec";
import type { FlagRecord } from "../engine/state";

/** One owned sheet to write: the spec and the name it gets (decided by the engine's planner). */
export interface SheetWrite {
  spec: SheetSpec;
  name: string;
  /** True when an owned sheet of that name already exists and is replaced. */
  replaces: boolean;
}

/** An owned sheet the user edited by hand: renamed to keep their edits before a fresh one is written. */
export interface SheetRename {
  from: string;
  to: string;
}

export interface WritePlan {
  renames: SheetRename[];
  sheets: SheetWrite[];
  /** Flags to apply now. */
  flags: Flag[];
  /** Flags applied by an earlier run, to remove first. */
  clearFlags: FlagRecord[];
  /** Rows of the `_malkoll` state sheet, replacing its contents. */
  state: CellValue[][];
  /** Findings produced while planning (`owned-name-clash`, `generated-table-edited`). */
  findings: Finding[];
}

/**
 * The only door to a workbook. `office` (Office.js) and `xlsx` (ExcelJS + package patching)
 * implement it; `memory` serves the playground and UI tests.
 */
export interface WorkbookPort {
  /** All sheets' used ranges (values, number formats, formulas where available), incl. `_malkoll`. */
  read(): Promise<WorkbookSnapshot>;
  /** Carries out a write plan: renames, owned sheets, flags, state. */
  write(plan: WritePlan): Promise<void>;
  /** Removes every flag listed, and writes the state rows given (with the flag records dropped). */
  clearFlags(flags: FlagRecord[], state: CellValue[][]): Promise<void>;
  /** Selects a cell for the user (no-op where there is no UI). */
  select?(sheet: string, cell: string): Promise<void>;
}
