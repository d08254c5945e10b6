import type { WorkbookSnapshot } from "../grid";
import { textOf } from "../grid";
import { cleanText, matchKey } from "../parse/text";

/** Rows from the top of each sheet searched for the workbook's title. */
const TITLE_ROWS = 60;

/** `Verksamhetsberättelse VB 2020 för Enheten Liljeholmens dagliga verksamhet` (004 line 3). */
const REPORT_FOR =
  /^(?:verksamhetsberättelse|årsmötesberättelse|verksamhetsplan|tertialrapport|verksamhetsuppföljning|uppföljning)\b.*?\sför\s+(.+)$/i;
/** `Tertialrapport 2 2021 – Enskede-Årsta-Vantörs stadsdelsnämnd (exempel)`. */
const REPORT_DASH =
  /^(?:verksamhetsberättelse|årsmötesberättelse|verksamhetsplan|tertialrapport|verksamhetsuppföljning)\b[^–—]*?\s[–—-]\s+(.+)$/i;
/** `Enhet: Resursenheten`. */
const UNIT_LABEL = /^enhet(?:ens namn)?\s*:\s*(.+)$/i;

/**
 * The unit (or nämnd) a workbook reports on, from its title cell or heading: the name after `för`
 * in a report title, after a dash, or in an `Enhet` cell. Null when the workbook names none.
 */
export function unitNameOf(snapshot: WorkbookSnapshot): string | null {
  for (const sheet of snapshot.sheets) {
    if (sheet.visibility !== "visible") continue;
    const rows = Math.min(sheet.values.length, TITLE_ROWS);
    for (let i = 0; i < rows; i++) {
      const row = sheet.values[i];
      for (let k = 0; k < row.length; k++) {
        const text = cleanText(textOf(row[k]));
        if (!text || text.length > 200) continue;
        const named = REPORT_FOR.exec(text) ?? REPORT_DASH.exec(text) ?? UNIT_LABEL.exec(text);
        if (named) return named[1].trim();
        const label = matchKey(text);
        if ((label === "enhet" || label === "enhetensnamn") && k + 1 < row.length) {
          const next = cleanText(textOf(row[k + 1]));
          if (next) return next;
        }
      }
    }
  }
  return null;
}

/** The unit's name from the workbook, else its file's ({@link fileUnit}). */
export function unitName(snapshot: WorkbookSnapshot, file: string): string {
  return unitNameOf(snapshot) ?? fileUnit(file);
}

/** A file's name without its folder and `.xlsx` or `.xlsm`: the unit's name when the workbook cannot say. */
export function fileUnit(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.xls[xm]$/i, "");
}
