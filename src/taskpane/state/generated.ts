import type { SheetSpec } from "../../engine/report/spec";
import type { Strings } from "../i18n/sv";

/** A written sheet by its name in the tab, without the `Målkoll ` every one starts with. */
const shortName = (name: string): string => name.replace(/^Målkoll\s+/, "");

/** Whether a sheet holds a table (a header row) or only its title and a line saying why not. */
const hasTable = (spec: SheetSpec): boolean =>
  spec.rows.some((row) => row.some((c) => c?.style === "header"));

/**
 * What Skapa tabeller wrote, sheet by sheet, after the count: which sheets have tables and which
 * only say that nothing of their kind was found (`Inga driftbudgettabeller hittades i arbetsboken.`).
 * Nothing more when every sheet has tables.
 */
export function sheetContents(sheets: { name: string; spec: SheetSpec }[], strings: Strings): string[] {
  const withTables: string[] = [];
  const foundNothing: string[] = [];
  let noDeviations = false;
  for (const { name, spec } of sheets) {
    if (hasTable(spec)) withTables.push(shortName(name));
    // No deviations is an answer of its own, not a kind of table missing from the workbook.
    else if (spec.key === "avvikelser") noDeviations = true;
    else foundNothing.push(shortName(name));
  }
  if (foundNothing.length === 0 && !noDeviations) return [];
  const out: string[] = [];
  if (withTables.length > 0) out.push(strings.generate.withTables(withTables));
  if (foundNothing.length > 0) out.push(strings.generate.foundNothing(foundNothing));
  if (noDeviations) out.push(strings.generate.noDeviations);
  return out;
}
