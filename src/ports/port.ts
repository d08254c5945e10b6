import type { CellValue, WorkbookSnapshot } from "../engine/grid";
import type { WritePlan } from "../engine/plan/types";
import type { FlagRecord } from "../engine/state";

export type { SheetRename, SheetWrite, WritePlan } from "../engine/plan/types";

/**
 * The only door to a workbook. `office` (Office.js) and `xlsx` (its own reader + package patching)
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
