import type { CellRefs, Indicator } from "../model/types";

/** The first of `keys` present in a row's cell map, else column A of the row. */
export function cellOf(cells: CellRefs, keys: string[], row: number): string {
  for (let k = 0; k < keys.length; k++) {
    const address = cells[keys[k]];
    if (address) return address;
  }
  return `A${row}`;
}

/**
 * The indicator's name cell, else column A of its row: where a finding about the whole indicator
 * points. (Named reads of `cells`, not {@link cellOf}'s read by a key from a list: thousands of
 * findings.)
 */
export function nameCell(indicator: Indicator): string {
  return indicator.cells.name || `A${indicator.row}`;
}

/** The A1 part of a goal id (`Uppföljning!A12` → `A12`); sheet names may themselves hold `!`. */
export function goalIdCell(id: string): string {
  const at = id.lastIndexOf("!");
  return at >= 0 ? id.slice(at + 1) : "A1";
}

export function hasText(value: string | null | undefined): boolean {
  return typeof value === "string" && value.trim().length > 0;
}
