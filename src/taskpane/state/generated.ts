import type { Finding } from "../../engine/findings";
import { cellRef } from "../../engine/grid";
import type { SheetSpec } from "../../engine/report/spec";
import type { Strings } from "../i18n/sv";

/** Whether a sheet holds a table (a header row) or only its title and a line saying why not. */
const hasTable = (spec: SheetSpec): boolean =>
  spec.rows.some((row) => row.some((c) => c?.style === "header"));

/** Blocks the empty sheets' sentence names before `… till`. */
const UNREAD_NAMED = 3;

/**
 * What Skapa tabeller wrote, sheet by sheet, after the count: which sheets have tables and which
 * only say that nothing of their kind was found (`Inga driftbudgettabeller hittades i arbetsboken.`).
 * Nothing more when every sheet has tables. Sheets go by their names in the tabs: a workbook often
 * has a `Driftbudget` of its own, and "Driftbudget är tomt" would then seem to speak of it. Where a
 * block looked like a table but could not be interpreted (`header-unrecognized`), "nothing was
 * found" would be false: the sentence names the blocks and says where to interpret them.
 */
export function sheetContents(
  sheets: { name: string; spec: SheetSpec }[],
  strings: Strings,
  findings: readonly Finding[] = [],
): string[] {
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
  const unread = findings.filter((f) => f.code === "header-unrecognized");
  if (foundNothing.length > 0 && unread.length > 0) {
    const cells = unread.slice(0, UNREAD_NAMED).map((f) => cellRef(f.sheet, f.cell));
    out.push(strings.generate.unreadBlocks(foundNothing, cells, unread.length - cells.length));
  } else if (foundNothing.length > 0) out.push(strings.generate.foundNothing(foundNothing));
  if (noDeviations) out.push(strings.generate.noDeviations);
  return out;
}

/**
 * The check's errors and warnings that stand after the write: `findings`, less what the write itself
 * decided, which the notice says on its own.
 */
export function remainingCounts(
  findings: readonly Finding[],
  decided: readonly Finding[],
): { errors: number; warnings: number } {
  const own = new Set(decided);
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (own.has(f)) continue;
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
  }
  return { errors, warnings };
}

/** {@link remainingCounts} as one sentence; nothing when none stands. */
export function remainingSentence(
  { errors, warnings }: { errors: number; warnings: number },
  strings: Strings,
): string[] {
  return errors + warnings === 0 ? [] : [strings.generate.remaining(errors, warnings)];
}
