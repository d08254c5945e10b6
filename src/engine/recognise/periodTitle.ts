/**
 * A report title at the top of a sheet that names the period: `Tertialrapport 2 år 2021 för
 * Enskede-Årsta-Vantörs stadsdelsnämnd` (the seeds' own title), `Tertial 2 2021`, `T2 2021`,
 * `Verksamhetsberättelse VB 2020 för …`, `Årsmötesberättelse VB 2021 för …`. Read as the period only where no Period cell names one.
 */
import type { SheetGrid } from "../grid";
import { a1, textOf } from "../grid";
import { cleanText } from "../parse/text";
import type { PeriodCell } from "./types";

/** A title is in a sheet's first rows. */
export const TITLE_ROWS = 5;

const TERTIAL_TITLE =
  /^(?:tertialrapport|tertialuppföljning|tertial|T)\s*([12])\s*,?\s*(?:år\s*)?((?:19|20)\d{2})(?![\d])/i;
const YEAR_END_TITLE =
  /^(?:(?:verksamhets|årsmötes|års)berättelse(?:\s+VB)?|årsrapport|bokslut|VB)\s*,?\s*(?:år\s*)?((?:19|20)\d{2})(?![\d])/i;

/** The period a title names as a Period cell would write it (`Tertial 2 2021`, `VB 2020`), or null. */
export function periodOfTitle(text: string): string | null {
  const t = cleanText(text);
  const tertial = TERTIAL_TITLE.exec(t);
  if (tertial) return `Tertial ${tertial[1]} ${tertial[2]}`;
  const yearEnd = YEAR_END_TITLE.exec(t);
  if (yearEnd) return `VB ${yearEnd[1]}`;
  return null;
}

/**
 * The title cells in a sheet's first rows that name a period. A title stands alone on its row: a
 * column header such as a plan's `VB 2020` has neighbours.
 */
export function periodTitleCells(sheet: SheetGrid): PeriodCell[] {
  const out: PeriodCell[] = [];
  const rows = Math.min(sheet.values.length, TITLE_ROWS);
  for (let i = 0; i < rows; i++) {
    const row = sheet.values[i];
    let only = -1;
    for (let k = 0; k < row.length; k++) {
      if (!textOf(row[k])) continue;
      if (only >= 0) {
        only = -1;
        break;
      }
      only = k;
    }
    if (only < 0 || typeof row[only] !== "string") continue;
    const period = periodOfTitle(textOf(row[only]));
    if (period)
      out.push({
        sheet: sheet.name,
        cell: a1(sheet.originRow + i, sheet.originCol + only),
        text: period,
        title: true,
      });
  }
  return out;
}
