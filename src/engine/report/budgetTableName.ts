/** What names a budget table in none of the city's layouts, for the report and the roll-up alike. */
import type { BudgetLine } from "../model/types";
import type { RecognisedTable } from "../recognise/types";

/** A line that only states the amounts' unit (`Belopp i mnkr`, `Tkr`): it names no table. */
export const UNIT_LINE = /^(belopp i )?(mnkr|tkr|kr)\.?$/i;

/** A sheet's name as Excel gives a new sheet (`Blad1`, `Sheet2`, `Ark3`). */
const DEFAULT_SHEET_NAME = /^(blad|sheet|ark)\s*\d*$/i;

/**
 * The name of `first`'s table (`table`: its recognised table): its title, or, where nothing above it names it (its title is its
 * header's first cell, `Tkr`, or only states the unit, `Belopp i tkr`), the name of its sheet
 * (`Ekonomi`): a system export has no title row. A sheet named as Excel names a new one (`Blad1`)
 * names nothing either, and leaves the title as it is.
 */
export function budgetTableName(first: BudgetLine, table: RecognisedTable | undefined): string {
  const title = first.table;
  const header = table?.columns[0]?.header;
  const untitled = UNIT_LINE.test(title.trim()) || (header !== undefined && title === header);
  return untitled && !DEFAULT_SHEET_NAME.test(first.sheet.trim()) ? first.sheet : title;
}
