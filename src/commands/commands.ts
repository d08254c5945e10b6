/**
 * Ribbon function command `ribbonCheck` (manifest: ExecuteFunction `runCheck`): runs the check
 * without opening the pane, on every platform.
 *
 * It needs no shared runtime: the manifest declares none (`Office.addin.showAsTaskpane()` and the
 * other shared-runtime APIs would fail there, whatever `isSetSupported("SharedRuntime")` says of the
 * host; tests/manifest/sharedRuntime.test.ts keeps it so). What the user sees:
 * - findings: the first one's cell (errors first, on a visible sheet) is selected, so the click
 *   visibly lands where there is something to fix;
 * - always: a summary (counts, the selected cell, or Excel's error in Swedish and English) goes to
 *   localStorage under LAST_RIBBON_CHECK_KEY, and the pane shows it (RibbonCheckNotice) when it
 *   opens or, if open, as soon as it is written. No cell contents are stored.
 * `event.completed()` is always called, at the latest after COMMAND_TIME_LIMIT_MS.
 */
import { check } from "../engine";
import type { Finding } from "../engine/findings";
import { toHostError } from "../ports/office/errors";
import type { OfficePort } from "../ports/office/officePort";
import { withExcel } from "../ports/office/officePort";
import type { RibbonCheckSummary } from "../app/ribbonCheck";
import { rememberRibbonCheck as remember } from "../app/ribbonCheck";

export { LAST_RIBBON_CHECK_KEY, lastRibbonCheck } from "../app/ribbonCheck";
export type { RibbonCheckSummary } from "../app/ribbonCheck";

/** A ribbon command that has not finished by then is let go (Excel shows the button busy meanwhile). */
export const COMMAND_TIME_LIMIT_MS = 45_000;

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

function failed(failure: RibbonCheckSummary["failure"]): RibbonCheckSummary {
  return { at: new Date().toISOString(), errors: 0, warnings: 0, infos: 0, first: null, failure };
}

async function checkAndRemember(): Promise<void> {
  try {
    remember(await withExcel((port) => checkAndSelect(port)));
  } catch (err) {
    const failure = toHostError(err);
    remember(failed({ message: failure.message, messageEn: failure.messageEn, debug: failure.debug }));
  }
}

/** The ribbon button (manifest action `runCheck`); the app's `runCheck` is what it calls underneath. */
export async function ribbonCheck(event: Office.AddinCommands.Event): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeUp = new Promise<"time-up">((resolve) => {
    timer = setTimeout(() => resolve("time-up"), COMMAND_TIME_LIMIT_MS);
  });
  try {
    const outcome = await Promise.race([checkAndRemember().then(() => "done" as const), timeUp]);
    if (outcome === "time-up")
      remember(
        failed({
          message: `Kontrollen från menyfliksområdet tog mer än ${COMMAND_TIME_LIMIT_MS / 1000} sekunder och avbröts. Öppna Målkoll och kontrollera därifrån.`,
          messageEn: `The check from the ribbon took more than ${COMMAND_TIME_LIMIT_MS / 1000} seconds and was stopped. Open Målkoll and check from there.`,
          debug: "ribbon command time limit",
        }),
      );
  } finally {
    clearTimeout(timer);
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("runCheck", ribbonCheck);
  });
}
