/**
 * Ribbon function command `runCheck` (manifest: ExecuteFunction `runCheck`): runs the check
 * without opening the pane.
 *
 * What the user sees (Excel has no notification API for function commands):
 * - no findings: nothing moves; the summary is stored for the pane;
 * - findings: the first one's cell (errors first) is selected, so the ribbon click visibly lands
 *   where there is something to fix, and the task pane is opened with `Office.addin.showAsTaskpane()`
 *   where the host supports it (SharedRuntime 1.1); otherwise the selection is the cue.
 * - Excel errors: stored (Swedish and English text) and the pane opened where supported.
 * The summary goes to localStorage under LAST_RIBBON_CHECK_KEY (counts and a cell address only, no
 * cell contents) so the pane can say "the ribbon check found …". `event.completed()` is always called.
 */
import { check } from "../engine";
import type { Finding } from "../engine/findings";
import { toHostError } from "../ports/office/errors";
import type { OfficePort } from "../ports/office/officePort";
import { withExcel } from "../ports/office/officePort";

export const LAST_RIBBON_CHECK_KEY = "malkoll.lastRibbonCheck";

export interface RibbonCheckSummary {
  /** ISO timestamp. */
  at: string;
  errors: number;
  warnings: number;
  infos: number;
  /** The finding that was selected, if any. */
  first: { sheet: string; cell: string; code: string } | null;
  /** Set when Excel or the add-in failed. */
  failure: { message: string; messageEn: string; debug: string } | null;
}

/** Reads the workbook, checks it and selects the first finding's cell. */
export async function checkAndSelect(port: Pick<OfficePort, "read" | "select">): Promise<RibbonCheckSummary> {
  const snapshot = await port.read();
  const { findings } = check(snapshot);
  const count = (severity: Finding["severity"]): number =>
    findings.filter((f) => f.severity === severity).length;
  const hidden = new Set(snapshot.sheets.filter((s) => s.visibility !== "visible").map((s) => s.name));
  const first = findings.find((f) => !hidden.has(f.sheet)) ?? null;
  if (first) {
    try {
      await port.select?.(first.sheet, first.cell);
    } catch {
      // A cell that cannot be selected (protected sheet, odd address) must not hide the result.
    }
  }
  return {
    at: new Date().toISOString(),
    errors: count("error"),
    warnings: count("warning"),
    infos: count("info"),
    first: first ? { sheet: first.sheet, cell: first.cell, code: first.code } : null,
    failure: null,
  };
}

function remember(summary: RibbonCheckSummary): void {
  try {
    globalThis.localStorage?.setItem(LAST_RIBBON_CHECK_KEY, JSON.stringify(summary));
  } catch {
    // Storage may be disabled (private mode); the selection still shows the result.
  }
}

/** The last ribbon check's summary, for the pane; null when none or unreadable. */
export function lastRibbonCheck(): RibbonCheckSummary | null {
  try {
    const raw = globalThis.localStorage?.getItem(LAST_RIBBON_CHECK_KEY);
    return raw ? (JSON.parse(raw) as RibbonCheckSummary) : null;
  } catch {
    return null;
  }
}

async function openPane(): Promise<void> {
  try {
    if (Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1"))
      await Office.addin.showAsTaskpane();
  } catch {
    // Opening the pane is a convenience; the selection already shows where to look.
  }
}

export async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const summary = await withExcel((port) => checkAndSelect(port));
    remember(summary);
    if (summary.first) await openPane();
  } catch (err) {
    const failure = toHostError(err);
    remember({
      at: new Date().toISOString(),
      errors: 0,
      warnings: 0,
      infos: 0,
      first: null,
      failure: { message: failure.message, messageEn: failure.messageEn, debug: failure.debug },
    });
    await openPane();
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("runCheck", runCheck);
  });
}
