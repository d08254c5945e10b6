import type { Finding } from "../../engine/findings";
import type { SheetGrid } from "../../engine/grid";
import { parseA1Range } from "../../engine/grid";
import { protectedSheets, recordRanges, splitByProtection } from "../../engine/plan/protectedSheets";
import type { FlagRecord } from "../../engine/state";
import { sheetNameKey } from "../../engine/state";

/**
 * Flags an earlier Skapa tabeller left that no current finding points at: the person mended the
 * cell (wrote the missing `Analys …`), Kontrollera no longer lists it, and the orange mark stays,
 * since Kontrollera writes nothing. Counted as the state records them (one a cell or area, as
 * recordCells counts): an area is stale when no finding's cell lies in it.
 *
 * Not counted: records on a sheet the workbook no longer has under that name (deleted, or renamed:
 * neither Skapa tabeller nor Rensa flaggor finds them, so the pane cannot promise to remove them),
 * and records on a protected sheet, which both keep on purpose (plan/protectedSheets.ts).
 */
export function staleFlagCount(
  flags: readonly FlagRecord[],
  findings: readonly Pick<Finding, "sheet" | "cell">[],
  sheets: readonly Pick<SheetGrid, "name" | "protected">[],
): number {
  const present = new Set(sheets.map((s) => sheetNameKey(s.name)));
  const pointedAt = new Map<string, { row: number; col: number }[]>();
  for (const f of findings) {
    const cell = parseA1Range(f.cell);
    if (!cell) continue;
    const list = pointedAt.get(sheetNameKey(f.sheet)) ?? [];
    list.push({ row: cell.row1, col: cell.col1 });
    pointedAt.set(sheetNameKey(f.sheet), list);
  }
  const { removable } = splitByProtection(flags, protectedSheets({ sheets }));
  let stale = 0;
  for (const record of removable) {
    const sheet = sheetNameKey(record.sheet);
    if (!present.has(sheet)) continue;
    const cells = pointedAt.get(sheet) ?? [];
    for (const part of recordRanges(record)) {
      const area = parseA1Range(part);
      if (!area) continue;
      const covered = cells.some(
        (c) => c.row >= area.row1 && c.row <= area.row2 && c.col >= area.col1 && c.col <= area.col2,
      );
      if (!covered) stale++;
    }
  }
  return stale;
}
