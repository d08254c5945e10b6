/** Undoing an interrupted write (see journal.ts): at the next read, or right after a failed write. */
import type { CellValue } from "../../engine/grid";
import { STATE_SHEET } from "../../engine/report/spec";
import { decodeState } from "../../engine/state";
import type { Batch } from "./batch";
import { ACTION_BYTES } from "./batch";
import { DELETE_ACTIONS, deleteSheet } from "./deleteSheet";
import type { Lease, RecoveryStep } from "./journal";
import { findLease, isScratchSheet, leaseIsLive, recoverySteps } from "./journal";
import { rowsFromA1 } from "./read";

/** What the workbook holds after recovery, from the point of view of the write `runId`. */
export type RecoveryOutcome = "rolled-back" | "committed" | "unknown";

/**
 * The steps to take for the sheets and state rows seen, or null when nothing is to be done (no
 * lease, no scratch sheet, `_malkoll` very hidden; or a lease another run is still writing under).
 * A `_malkoll` left visible (a run stopped between adding and hiding it) is hidden again.
 */
export function recoveryFor(
  sheets: { name: string; visibility: string }[],
  stateRows: CellValue[][] | null,
  now: Date,
): { steps: RecoveryStep[]; lease: { lease: Lease; row: number } | null } | null {
  const found = stateRows ? findLease(stateRows) : null;
  if (found && leaseIsLive(found.lease, now)) return null;
  const names = sheets.map((s) => s.name);
  const stateShown = sheets.some((s) => s.name === STATE_SHEET && s.visibility !== "VeryHidden");
  if (!found && !names.some(isScratchSheet) && !stateShown) return null;
  const steps = recoverySteps(sheets, found?.lease ?? null);
  if (stateShown) steps.push({ kind: "hide", sheet: STATE_SHEET });
  return { steps, lease: found };
}

/** Carries the steps out in one request and blanks the lease row. */
export async function applyRecovery(
  context: Excel.RequestContext,
  batch: Batch,
  steps: RecoveryStep[],
  leaseRow: { row: number; width: number } | null,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  await batch.alone({
    request: (steps.length * DELETE_ACTIONS + 2) * ACTION_BYTES,
    queue() {
      for (const step of steps) {
        const sheet = worksheets.getItem(step.kind === "rename" ? step.from : step.sheet);
        if (step.kind === "rename") sheet.name = step.to;
        else if (step.kind === "show") sheet.visibility = "Visible";
        else if (step.kind === "hide") sheet.visibility = "VeryHidden";
        else deleteSheet(sheet);
      }
      if (leaseRow)
        worksheets.getItem(STATE_SHEET).getRangeByIndexes(leaseRow.row, 0, 1, leaseRow.width).values = [
          new Array<string>(leaseRow.width).fill(""),
        ];
    },
  });
}

/** Loads the sheets and state now and undoes what a stopped write `runId` left. */
export async function recoverNow(
  context: Excel.RequestContext,
  batch: Batch,
  now: Date,
  runId: string,
  revision: number,
): Promise<RecoveryOutcome> {
  const worksheets = context.workbook.worksheets;
  await batch.alone({ request: ACTION_BYTES, queue: () => worksheets.load("items/name,items/visibility") });
  const sheets = worksheets.items.map((w) => ({ name: w.name, visibility: w.visibility as string }));
  const names = sheets.map((s) => s.name);
  let stateRows: CellValue[][] | null = null;
  if (names.includes(STATE_SHEET)) {
    let used: Excel.Range | null = null;
    await batch.alone({
      request: 2 * ACTION_BYTES,
      response: 256 * 1024,
      queue() {
        used = worksheets.getItem(STATE_SHEET).getUsedRangeOrNullObject();
        used.load("address,values");
      },
    });
    const range = used as Excel.Range | null;
    stateRows = range && !range.isNullObject ? rowsFromA1(range.address, range.values) : [];
  }
  const ours = stateRows ? findLease(stateRows) : null;
  const plan = recoveryFor(sheets, stateRows, now);
  if (plan && (plan.steps.length > 0 || plan.lease))
    await applyRecovery(
      context,
      batch,
      plan.steps,
      plan.lease
        ? { row: plan.lease.row, width: Math.max(6, stateRows?.[plan.lease.row]?.length ?? 0) }
        : null,
    );
  if (ours?.lease.runId === runId) return "rolled-back";
  const state = decodeState({
    name: STATE_SHEET,
    visibility: "veryHidden",
    originRow: 1,
    originCol: 1,
    values: stateRows ?? [],
  });
  return state.revision?.number === revision ? "committed" : "unknown";
}
