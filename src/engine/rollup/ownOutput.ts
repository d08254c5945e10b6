/** Whether a workbook is a roll-up's own output, which a folder of units may still hold. */
import type { WorkbookSnapshot } from "../grid";
import { cellAt } from "../grid";
import { OWNED_SHEET_TITLES, sheetNameKey } from "../state";

const ROLLUP_SHEETS = new Set(
  [OWNED_SHEET_TITLES.enheter, OWNED_SHEET_TITLES.fynd, OWNED_SHEET_TITLES.budget].map(sheetNameKey),
);
/** The words the roll-up's notes end their first sentence with (`skapad 2026-12-07 med malkoll rollup`). */
const ROLLUP_NOTE = /med malkoll rollup/;

/**
 * A roll-up's sheets (`Enheter`, `Fynd`, `Budget`) and nothing else, the first with the roll-up's
 * note under its title: a unit's workbook with a sheet called Budget is none.
 */
export function isRollupWorkbook(snapshot: WorkbookSnapshot): boolean {
  const sheets = snapshot.sheets;
  if (!sheets.length || !sheets.every((s) => ROLLUP_SHEETS.has(sheetNameKey(s.name)))) return false;
  const note = cellAt(sheets[0], 2, 1);
  return typeof note === "string" && ROLLUP_NOTE.test(note);
}
