/**
 * The ribbon check's summary as the command leaves it for the pane (localStorage, same origin):
 * counts and a cell address only, never cell contents. No side effects, so the pane can import it.
 */
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

export function rememberRibbonCheck(summary: RibbonCheckSummary): void {
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
