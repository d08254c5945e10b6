import type { SheetSpec } from "../../engine/report/spec";
import type { Strings } from "../i18n/sv";

/** Whether a sheet holds a table (a header row) or only its title and a line saying why not. */
const hasTable = (spec: SheetSpec): boolean =>
  spec.rows.some((row) => row.some((c) => c?.style === "header"));

/**
 * What Skapa tabeller wrote, sheet by sheet, after the count: which sheets have tables and which
 * only say that nothing of their kind was found (`Inga driftbudgettabeller hittades i arbetsboken.`).
 * Nothing more when every sheet has tables. Sheets go by their names in the tabs: a workbook often
 * has a `Driftbudget` of its own, and "Driftbudget är tomt" would then seem to speak of it.
 */
export function sheetContents(sheets: { name: string; spec: SheetSpec }[], strings: Strings): string[] {
  const withTables: string[] = [];
  const foundNothing: string[] = [];
  let noDeviations = false;
  for (const { name, spec } of sheets) {
    if (hasTable(spec)) withTables.push(name);
    // No deviations is an answer of its own, not a kind of table missing from the workbook.
    else if (spec.key === "avvikelser") noDeviations = true;
    else foundNothing.push(name);
  }
  if (foundNothing.length === 0 && !noDeviations) return [];
  const out: string[] = [];
  if (withTables.length > 0) out.push(strings.generate.withTables(withTables));
  if (foundNothing.length > 0) out.push(strings.generate.foundNothing(foundNothing));
  if (noDeviations) out.push(strings.generate.noDeviations);
  return out;
}
