import { isDateFormat } from "../engine/parse/quantity";

/**
 * The 1904 date system (`<workbookPr date1904="1"/>` in a file, Excel for Mac's old default)
 * counts days from 1904-01-01, which is serial 1 462 in the 1900 system the engine reads. Both
 * ports hand the engine 1900 serials and write their own date cells back in the workbook's system.
 * A date is a number of at least one day under a format that shows a date or time; a time of day
 * alone (under a day) is the same in both systems. A day before 1904-01-01 has no 1904 serial: such
 * a date (no follow-up report holds one) is written unchanged.
 */
export const DAYS_1900_TO_1904 = 1462;

/** A 1904-system cell number as the engine reads it (a 1900 serial when it is a date). */
export function from1904(value: number, format: string | null): number {
  return value >= 1 && isDateFormat(format) ? value + DAYS_1900_TO_1904 : value;
}

/** The inverse of {@link from1904}: a 1900 serial as a 1904 workbook stores the same day. */
export function to1904(value: number, format: string | null | undefined): number {
  return value >= 1 + DAYS_1900_TO_1904 && isDateFormat(format) ? value - DAYS_1900_TO_1904 : value;
}
