/**
 * The lease and journal of a write in progress, kept as one row of `_malkoll`, and how an
 * interrupted write is undone.
 *
 * A write builds its sheets hidden under scratch names (`_malkoll~<run>~<n>`), then swaps them in
 * with one request whose last action of consequence writes the new state rows (without the lease).
 * Until then the lease row says which run is writing (host, platform, a heartbeat) and what the
 * swap will do; a lease whose run is gone is undone by the next read: new sheets out, parked old
 * sheets back under their names, hand-edited sheets renamed back, scratch sheets deleted. Once the
 * state rows are written, the new sheets stand and only scratch sheets are left to delete.
 */
import type { CellValue } from "../../engine/grid";
import { textOf } from "../../engine/grid";
import { LEASE_KIND } from "../../engine/state";
import type { SheetRename } from "../port";

/** Sheet names Målkoll may create and delete while writing; never a name a user would pick. */
export const SCRATCH_PREFIX = "_malkoll~";

export function isScratchSheet(name: string): boolean {
  return name.toLowerCase().startsWith(SCRATCH_PREFIX);
}

/** A lease without a heartbeat for this long belongs to a run that is gone. */
export const LEASE_STALE_MS = 60_000;

export interface Journal {
  /** New sheets built under `temp`, to be named `final`. */
  builds: { temp: string; final: string }[];
  /** Old sheets of the same name, hidden and moved aside as `parked` during the swap, then deleted. */
  parked: { final: string; parked: string; visible: boolean }[];
  /** Hand-edited owned sheets renamed to keep the user's edits. */
  renames: SheetRename[];
}

export interface Lease {
  runId: string;
  /** ISO time of the last heartbeat. */
  at: string;
  host: string;
  platform: string;
  journal: Journal;
}

export function leaseRow(lease: Lease): CellValue[] {
  return [LEASE_KIND, lease.runId, lease.at, lease.host, lease.platform, JSON.stringify(lease.journal)];
}

function isJournal(value: unknown): value is Journal {
  const j = value as Journal;
  return !!j && Array.isArray(j.builds) && Array.isArray(j.parked) && Array.isArray(j.renames);
}

/** The lease row of the state rows and its index, or null. */
export function findLease(rows: CellValue[][]): { lease: Lease; row: number } | null {
  for (const [row, cells] of rows.entries()) {
    if (textOf(cells[0] ?? null) !== LEASE_KIND) continue;
    let journal: unknown = null;
    try {
      journal = JSON.parse(textOf(cells[5] ?? null));
    } catch {
      journal = null;
    }
    return {
      row,
      lease: {
        runId: textOf(cells[1] ?? null),
        at: textOf(cells[2] ?? null),
        host: textOf(cells[3] ?? null),
        platform: textOf(cells[4] ?? null),
        journal: isJournal(journal) ? journal : { builds: [], parked: [], renames: [] },
      },
    };
  }
  return null;
}

/** Runs this page started, and those of them still under way. */
const startedHere = new Set<string>();
const runningHere = new Set<string>();

export function newRunId(): string {
  const bytes = new Uint8Array(4);
  if (typeof globalThis.crypto?.getRandomValues === "function") globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  const id = [...bytes]
    .map((b) => b.toString(36).padStart(2, "0"))
    .join("")
    .slice(0, 6);
  startedHere.add(id);
  runningHere.add(id);
  return id;
}

export function runEnded(runId: string): void {
  runningHere.delete(runId);
}

/**
 * Whether a lease belongs to a run still writing: one of this page's that is under way, or
 * another's with a heartbeat younger than LEASE_STALE_MS. A lease of this page's that ended (it
 * failed or was interrupted) is stale at once.
 */
export function leaseIsLive(lease: Lease, now: Date): boolean {
  if (runningHere.has(lease.runId)) return true;
  if (startedHere.has(lease.runId)) return false;
  const at = Date.parse(lease.at);
  return Number.isFinite(at) && now.getTime() - at < LEASE_STALE_MS;
}

export type RecoveryStep =
  | { kind: "rename"; from: string; to: string }
  | { kind: "show"; sheet: string }
  | { kind: "hide"; sheet: string }
  | { kind: "delete"; sheet: string };

/**
 * Steps that undo an interrupted write, given the sheets now and its lease (null when only
 * scratch sheets are left). Idempotent: running them again after a partial run is safe.
 */
export function recoverySteps(
  sheets: { name: string; visibility: string }[],
  lease: Lease | null,
): RecoveryStep[] {
  const present = new Map(sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const hidden = new Set(sheets.filter((s) => s.visibility !== "Visible").map((s) => s.name.toLowerCase()));
  const has = (name: string): boolean => present.has(name.toLowerCase());
  const steps: RecoveryStep[] = [];
  const move = (from: string, to: string): void => {
    steps.push({ kind: "rename", from: present.get(from.toLowerCase()) ?? from, to });
    present.delete(from.toLowerCase());
    present.set(to.toLowerCase(), to);
  };
  const journal = lease?.journal ?? { builds: [], parked: [], renames: [] };
  for (const { temp, final } of journal.builds) {
    const parked = journal.parked.find((p) => p.final.toLowerCase() === final.toLowerCase());
    const renamed = journal.renames.find((r) => r.from.toLowerCase() === final.toLowerCase());
    // Whether the sheet under the final name is the new one: its old sheet was parked, or renamed
    // away to keep a hand edit; a name that was free before the run holds only the new sheet.
    const finalIsNew = has(final) && (parked ? has(parked.parked) : renamed ? has(renamed.to) : true);
    if (finalIsNew && !has(temp)) move(final, temp);
    if (!parked) continue;
    if (has(parked.parked) && !has(final)) {
      const wasHidden = hidden.has(parked.parked.toLowerCase());
      move(parked.parked, final);
      if (wasHidden && parked.visible) steps.push({ kind: "show", sheet: final });
    } else if (has(final) && hidden.has(final.toLowerCase()) && parked.visible)
      steps.push({ kind: "show", sheet: final }); // hidden, not yet parked
  }
  for (const { from, to } of journal.renames) if (has(to) && !has(from)) move(to, from);
  for (const name of present.values()) if (isScratchSheet(name)) steps.push({ kind: "delete", sheet: name });
  return steps;
}
