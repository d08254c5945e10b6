/** What the planner hands a port to carry out: renames, owned sheets, flags and the state rows. */
import type { CellValue } from "../grid";
import type { Finding } from "../findings";
import type { Flag, SheetSpec } from "../report/spec";
import type { FlagRecord } from "../state";

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
