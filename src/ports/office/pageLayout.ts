/**
 * Print setup of a generated sheet, as the xlsx port: landscape, one page wide, the header row
 * repeated on every page (ExcelApi 1.9).
 *
 * `zoom = { horizontalFitToPages: 1 }` is ignored unless the Page Layout tab shows
 * (OfficeDev/office-js#1860), while a percentage `scale` always holds. So a scale that fits the
 * sheet's columns on A4 landscape is set first and fit-to-width after it: where Excel applies the
 * fit it wins, where it doesn't the scale still prints the table one page wide.
 */
import type { SheetSpec } from "../../engine/report/spec";
import type { Unit } from "./batch";
import { ACTION_BYTES } from "./batch";
import type { IsSetSupported } from "./host";

/** A4 landscape (297 mm) less Excel's default side margins (0,7 in each), in points. */
const PRINT_WIDTH_POINTS = (297 / 25.4) * 72 - 2 * 0.7 * 72;
/** Excel's default column width, in characters of the default font. */
const DEFAULT_COLUMN_CHARS = 8.43;

/** Excel column width in characters (of the default font) to points, as `format.columnWidth` wants. */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** The print scale (10–100 %) at which `columns` columns of these widths fit one page wide. */
export function fitScale(columnWidths: number[], columns: number): number {
  let points = 0;
  for (let c = 0; c < Math.max(columns, columnWidths.length); c++)
    points += charactersToPoints(columnWidths[c] ?? DEFAULT_COLUMN_CHARS);
  if (points <= 0) return 100;
  return Math.max(10, Math.min(100, Math.floor((PRINT_WIDTH_POINTS / points) * 100)));
}

export function pageLayoutUnit(
  sheet: () => Excel.Worksheet,
  spec: SheetSpec,
  isSetSupported: IsSetSupported,
): Unit | null {
  if (!isSetSupported("ExcelApi", "1.9")) return null;
  const columns = spec.rows.reduce((w, row) => Math.max(w, row.length), 0);
  const scale = fitScale(spec.columnWidths, columns);
  const titleRow = spec.freezeRows && spec.freezeRows > 0 ? spec.freezeRows : 0;
  return {
    request: 5 * ACTION_BYTES,
    queue() {
      const layout = sheet().pageLayout;
      layout.orientation = "Landscape";
      layout.zoom = { scale };
      layout.zoom = { horizontalFitToPages: 1 };
      if (titleRow > 0) layout.setPrintTitleRows(`$${titleRow}:$${titleRow}`);
    },
  };
}
