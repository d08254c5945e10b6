/**
 * A report title at the top of a sheet that names the period: `Tertialrapport 2 år 2021 för
 * Enskede-Årsta-Vantörs stadsdelsnämnd` (the seeds' own title), `Tertial 2 2021`, `T2 2021`,
 * `Verksamhetsberättelse VB 2020 för …`, `Årsmötesberättelse VB 2021 för …`, or after a unit's name
 * (`Förskoleenheten Solrosen – uppföljning tertial 2 2021`). Read as the period
 * only where no Period cell names one (engine/model/period.ts). A plan's title (`Verksamhetsplan
 * 2022 för …`) names `VP 2022`: never the period outcomes are judged for, only a plan's year.
 */
import { a1 } from "../grid";
import { cleanText } from "../parse/text";
import type { SheetRows } from "./sheetRows";
import type { PeriodCell } from "./types";

/** A title is in one of a sheet's first rows (rows 1–5 as Excel numbers them). */
export const TITLE_ROWS = 5;

/**
 * After the year a title ends, or goes on with whose report it is (`för …`) or after a separator
 * (`– ekonomi`, `, bilaga`); a sentence (`Tertial 1 2021 präglades av …`) is no title.
 */
const TITLE_END = String.raw`(?=\s*(?:$|för\b|[–—:,(/-]))`;
const YEAR = String.raw`((?:19|20)\d{2})`;
/** `Tertialrapport 2 år 2021`, `Tertialuppföljning T1 2021`, `Uppföljning tertial 1 2021`, `T2 2021`. */
const TERTIAL_TITLE = new RegExp(
  String.raw`^(?:(?:tertialrapport|tertialuppföljning)\s*(?:T|tertial)?|(?:uppföljning|rapport)\s+(?:av\s+|för\s+)?(?:T|tertial)|tertial|T)\s*([12])\s*,?\s*(?:år\s*)?${YEAR}${TITLE_END}`,
  "i",
);
/**
 * What is followed up before it (`Ekonomisk uppföljning T2 2021`, `Budgetuppföljning T2 2021`): a
 * title only where nothing but whose it is follows (`– Resursenheten`, `för …`, `(tkr)`), as a line
 * of text starts so too (`Ekonomisk uppföljning T2 2021: prognosen visade …`).
 */
const FOLLOW_UP_TITLE = new RegExp(
  String.raw`^(?:ekonomisk|ekonomi|budget|verksamhets)\s*(?:uppföljning|rapport)\s+(?:av\s+|för\s+)?(?:T|tertial)\s*([12])\s*,?\s*(?:år\s*)?${YEAR}(?=\s*(?:$|för\b|[–—(]))`,
  "i",
);
const YEAR_END_TITLE = new RegExp(
  String.raw`^(?:(?:verksamhets|årsmötes|års)berättelse(?:\s+VB)?|årsrapport|bokslut|VB)\s*,?\s*(?:år\s*)?${YEAR}${TITLE_END}`,
  "i",
);

const PLAN_TITLE = new RegExp(String.raw`^(?:verksamhetsplan|VP)\s*,?\s*(?:år\s*)?${YEAR}${TITLE_END}`, "i");

/**
 * The period a title names as a Period cell would write it (`Tertial 2 2021`, `VB 2020`, `VP 2022`),
 * or null.
 */
export function periodOfTitle(text: string): string | null {
  const t = cleanText(text);
  return periodOfTitleText(t) ?? periodAfterName(t);
}

/**
 * Where a unit's name comes first: the period after a dash, itself after what the sheet is
 * (`Förskoleenheten Solrosen – uppföljning tertial 2 2021`, `Driftbudget – prognos T2 2021 (mnkr)`).
 * Not after a note's start (`Källa`, `Föregående år`, `Bilaga`), nor where the rest names a second
 * period (`… – T1 2021 jämfört med T2 2021`).
 */
const AFTER_NAME = /^(.{1,80}?)\s[–—-]\s*(?:(?:uppföljning|prognos|rapport)\s+(?:för\s+|av\s+)?)?(.*)$/i;
/** What a note starts with, not a name (`Källa: Bokslut 2020`, `Föregående år – VB 2020`). */
const NOTE_START = /^(?:källa|källor|not|anm|obs|underlag|föregående|jämför|bilaga|se\b)/i;
/** A period named in the rest of a title: a second one makes it a comparison, not the report's. */
const ANOTHER_PERIOD = /\b(?:T[12]|tertial\s*[12]|VB|bokslut|verksamhetsberättelse)\s*(?:19|20)\d{2}\b/gi;

function periodAfterName(title: string): string | null {
  const parts = AFTER_NAME.exec(title);
  if (!parts || NOTE_START.test(parts[1])) return null;
  if ((parts[2].match(ANOTHER_PERIOD) ?? []).length > 1) return null;
  return periodOfTitleText(parts[2]);
}

function periodOfTitleText(t: string): string | null {
  const tertial = TERTIAL_TITLE.exec(t) ?? FOLLOW_UP_TITLE.exec(t);
  if (tertial) return `Tertial ${tertial[1]} ${tertial[2]}`;
  const yearEnd = YEAR_END_TITLE.exec(t);
  if (yearEnd) return `VB ${yearEnd[1]}`;
  const plan = PLAN_TITLE.exec(t);
  if (plan) return `VP ${plan[1]}`;
  return null;
}

/**
 * The title of a visible sheet that names a period: a cell in the first column of its used range,
 * in one of rows 1–5, alone on its row. A column-group header (`Bokslut 2020` over its columns)
 * stands elsewhere; cells naming different periods are a list (the choices of a Period drop-down),
 * not a title, and name none.
 */
export function periodTitleCells(rows: SheetRows): PeriodCell[] {
  const { sheet } = rows;
  if (sheet.visibility !== "visible") return [];
  const out: PeriodCell[] = [];
  const last = Math.min(sheet.values.length, TITLE_ROWS - sheet.originRow + 1);
  for (let i = 0; i < last; i++) {
    if (rows.count(i) !== 1 || rows.firstCol(i) !== sheet.originCol) continue;
    if (typeof sheet.values[i][0] !== "string") continue;
    const period = periodOfTitle(rows.firstText(i));
    if (period)
      out.push({
        sheet: sheet.name,
        cell: a1(sheet.originRow + i, sheet.originCol),
        text: period,
        title: true,
      });
  }
  return out.every((cell) => cell.text === out[0].text) ? out : [];
}
