import type { CellValue, SheetGrid } from "../../src/engine/grid";

/**
 * A copy of the sheet with `cells` (A1 → value, columns A–Z) written over it, those in
 * `uncalculated` marked as formulas saved without a value (`SheetGrid.uncalculated`).
 */
export function withCells(
  sheet: SheetGrid,
  cells: Record<string, CellValue>,
  uncalculated: string[] = [],
): SheetGrid {
  const values = sheet.values.map((row) => [...row]);
  for (const [address, value] of Object.entries(cells)) {
    const [, letters, digits] = /^([A-Z])(\d+)$/.exec(address)!;
    values[Number(digits) - sheet.originRow][letters.charCodeAt(0) - 65] = value;
  }
  return { ...sheet, values, ...(uncalculated.length ? { uncalculated } : {}) };
}
