import { a1, type CellValue, type WorkbookSnapshot } from "../../src/engine/grid";

/** Sheet → A1 → value of every non-empty cell, of every sheet or of those `only` keeps. */
export function cellsOf(
  snapshot: WorkbookSnapshot,
  only?: (name: string) => boolean,
): Record<string, Record<string, CellValue>> {
  const out: Record<string, Record<string, CellValue>> = {};
  for (const sheet of snapshot.sheets) {
    if (only && !only(sheet.name)) continue;
    const cells: Record<string, CellValue> = {};
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) cells[a1(sheet.originRow + r, sheet.originCol + c)] = value;
      }),
    );
    out[sheet.name] = cells;
  }
  return out;
}
