/**
 * Column widths and row heights of a generated sheet, as the report stage planned them for the
 * printed page (the xlsx port writes the same figures into `<col>` and `<row ht>`). Rows are not
 * autofitted: the page breaks were planned for these heights.
 */
import { columnLetters } from "../../engine/grid";
import { plannedRowHeights } from "../../engine/report/layout";
import { WIDTH_UNIT_POINTS } from "../../engine/report/look";
import type { SheetSpec } from "../../engine/report/spec";
import type { Unit } from "./batch";
import { ACTION_BYTES, actionBytes } from "./batch";
import { joinAddresses } from "./styles";

/** Excel's tallest row, in points ("Excel specifications and limits"). */
export const MAX_ROW_POINTS = 409;

/**
 * A width in the spec's units (digits of the default font, as xlsx stores it) in points, as
 * `format.columnWidth` takes it: Excel draws a unit as 7 px (look.ts).
 */
export function widthToPoints(units: number): number {
  return units * WIDTH_UNIT_POINTS.narrow;
}

/** One unit setting every planned column width. */
export function columnWidthUnit(sheet: () => Excel.Worksheet, spec: SheetSpec): Unit | null {
  const widths = spec.columnWidths
    .map((width, index) => ({ width, index }))
    .filter((w) => Number.isFinite(w.width) && w.width > 0);
  if (widths.length === 0) return null;
  return {
    request: widths.length * actionBytes("XFD:XFD"),
    queue() {
      const worksheet = sheet();
      for (const { width, index } of widths) {
        const letters = columnLetters(index + 1);
        worksheet.getRange(`${letters}:${letters}`).format.columnWidth = widthToPoints(width);
      }
    },
  };
}

/** The planned height of each row (the spec's, or planned from its widths when it has none). */
export function rowHeightsOf(spec: SheetSpec): number[] {
  return spec.rowHeights ?? plannedRowHeights(spec);
}

/** Units setting each row's planned height: one `getRanges` per height and address list. */
export function rowHeightUnits(sheet: () => Excel.Worksheet, spec: SheetSpec): Unit[] {
  const runs = new Map<number, string[]>();
  const heights = rowHeightsOf(spec);
  let start = 0;
  for (let r = 1; r <= heights.length; r++) {
    if (r < heights.length && heights[r] === heights[start]) continue;
    const height = heights[start];
    if (Number.isFinite(height) && height > 0) {
      const points = Math.min(MAX_ROW_POINTS, height);
      const list = runs.get(points) ?? [];
      list.push(start + 1 === r ? `A${r}` : `A${start + 1}:A${r}`);
      runs.set(points, list);
    }
    start = r;
  }
  const units: Unit[] = [];
  for (const [points, addresses] of runs)
    for (const chunk of joinAddresses(addresses))
      units.push({
        request: actionBytes(chunk) + 2 * ACTION_BYTES,
        queue: () => {
          sheet().getRanges(chunk).format.rowHeight = points;
        },
      });
  return units;
}
