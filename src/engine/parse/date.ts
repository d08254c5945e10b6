import type { CellValue } from "../grid";
import { isExcelError, textOf, truthText } from "../grid";
import { isDateFormat } from "./quantity";
import { cleanText } from "./text";

export type DateResult = { kind: "empty" } | { kind: "date"; iso: string } | { kind: "error"; text: string };

const MS_PER_DAY = 86_400_000;
/** Excel's 1900 date system: serial 25569 is 1970-01-01 (serials count the fictitious 1900-02-29). */
const EPOCH_OFFSET = 25569;

/** The serial of 9999-12-31, the last day Excel shows. */
export const LAST_SERIAL = 2_958_465;

export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > LAST_SERIAL) return null;
  // By arithmetic, not a Date per call: the report's layout measures every date cell.
  return isoOfDay(Math.floor(serial) - EPOCH_OFFSET);
}

/** A day counted from 1970-01-01 as `YYYY-MM-DD`, years 0–9999 (the proleptic Gregorian calendar). */
function isoOfDay(days: number): string {
  // Howard Hinnant's civil_from_days: eras of 400 years, years starting in March.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY + EPOCH_OFFSET;
}

function validIso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Start/end dates: ISO text (`2021-01-01`), a month (`2022-01` → its first day, or its last as an
 * end date: `Slutdatum 2022-12` means by the end of December), `2021-01-01 00:00`,
 * Swedish `1/1 2021` is not used in the reports and is not guessed. Excel date cells arrive as
 * serials; a plain number in a date column is read as a serial when it is a plausible date.
 */
/** Results by text (shared, never changed): the same dates stand in many rows. */
const dateTexts = new Map<string, DateResult>();
const endDateTexts = new Map<string, DateResult>();
const DATE_CACHE_SIZE = 10_000;

export function parseDateCell(value: CellValue, end = false): DateResult {
  if (typeof value !== "string" || value.length > 40) return parseDate(value, end);
  const texts = end ? endDateTexts : dateTexts;
  let known = texts.get(value);
  if (!known) {
    if (texts.size >= DATE_CACHE_SIZE) texts.clear();
    texts.set(value, (known = parseDate(value, end)));
  }
  return known;
}

/** A plan's words for an activity with no date to keep (`Löpande`, `Tills vidare`): no date, as an empty cell. */
const ONGOING =
  /^(?:löpande(?: under året)?|pågående|pågår|tills? ?vidare|kontinuerligt|återkommande|årligen|varje år|hela året|hela (?:19|20)\d{2}|under året)\.?$/i;

function parseDate(value: CellValue, end: boolean): DateResult {
  if (value === null || value === "") return { kind: "empty" };
  if (typeof value === "number") {
    const iso = value > 20000 && value < 80000 ? serialToIso(value) : null;
    return iso ? { kind: "date", iso } : { kind: "error", text: String(value) };
  }
  if (typeof value === "boolean") return { kind: "error", text: String(value) };
  if (isExcelError(value)) return { kind: "error", text: value.trim() };
  const text = cleanText(value);
  if (!text || ONGOING.test(text)) return { kind: "empty" };
  const full = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (full) {
    const iso = validIso(Number(full[1]), Number(full[2]), Number(full[3]));
    return iso ? { kind: "date", iso } : { kind: "error", text };
  }
  const month = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (month) {
    const year = Number(month[1]);
    const monthNumber = Number(month[2]);
    const first = validIso(year, monthNumber, 1);
    // Day 0 of the next month is the month's last day.
    const iso = first && end ? new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10) : first;
    return iso ? { kind: "date", iso } : { kind: "error", text };
  }
  return { kind: "error", text };
}

/** Local calendar date `YYYY-MM-DD`, as the user reads it (a run's date in names and notes). */
export function localIsoDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A cell's value as Excel shows it, for a message to quote: a truth value as `SANT` (`TRUE`), a date cell as its date. */
export function shownCellText(value: CellValue, format: string | null, language: "sv" | "en" = "sv"): string {
  if (typeof value === "boolean") return truthText(value, language);
  if (typeof value === "number" && isDateFormat(format)) return serialToIso(value) ?? String(value);
  return cleanText(textOf(value));
}
