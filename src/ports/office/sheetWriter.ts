/**
 * One generated sheet as units of work: cells, looks, widths, merges, links, print setup, charts.
 * The sheet may still be hidden under a temporary name; what only works on a visible sheet (frozen
 * panes, row heights from wrapped text) is returned as `finish`, for after the swap.
 */
import { a1, columnLetters, sheetRef } from "../../engine/grid";
import type { OutCell, SheetSpec } from "../../engine/report/spec";
import type { Unit } from "./batch";
import { ACTION_BYTES, actionBytes } from "./batch";
import type { BlockCell } from "./cells";
import { blockUnits } from "./cells";
import { chartUnit } from "./chart";
import type { IsSetSupported } from "./host";
import { charactersToPoints, pageLayoutUnit } from "./pageLayout";
import { styleUnits } from "./styles";

export interface SpecWork {
  units: Unit[];
  /** Queues what needs the sheet visible; called in the swap request. */
  finish(worksheet: Excel.Worksheet): void;
}

function toBlockCell(cell: OutCell | null): BlockCell | null {
  if (!cell) return null;
  const out: BlockCell = { value: cell.value };
  if (cell.formula) out.formula = cell.formula;
  if (cell.format) out.format = cell.format;
  return out;
}

export function specWork(
  sheet: () => Excel.Worksheet,
  spec: SheetSpec,
  limit: number,
  isSetSupported: IsSetSupported,
): SpecWork {
  const units: Unit[] = [
    ...blockUnits(
      sheet,
      spec.rows.map((row) => row.map(toBlockCell)),
      limit,
    ),
    ...styleUnits(sheet, spec.rows),
  ];
  const widths = spec.columnWidths.map((width, index) => ({ width, index })).filter((w) => w.width > 0);
  if (widths.length > 0)
    units.push({
      request: widths.length * actionBytes(0),
      queue() {
        const worksheet = sheet();
        for (const { width, index } of widths) {
          const letters = columnLetters(index + 1);
          worksheet.getRange(`${letters}:${letters}`).format.columnWidth = charactersToPoints(width);
        }
      },
    });
  const merges = spec.merges ?? [];
  if (merges.length > 0)
    units.push({
      request: merges.reduce((n, m) => n + actionBytes(m), 0),
      queue() {
        for (const merge of merges) sheet().getRange(merge).merge(false);
      },
    });
  for (const [r, row] of spec.rows.entries())
    for (const [c, cell] of row.entries()) {
      if (!cell?.link) continue;
      const documentReference = sheetRef(cell.link.sheet, cell.link.cell);
      units.push({
        request: actionBytes(documentReference) + ACTION_BYTES,
        queue: () => {
          sheet().getRange(a1(r + 1, c + 1)).hyperlink = { documentReference };
        },
      });
    }
  const layout = pageLayoutUnit(sheet, spec, isSetSupported);
  if (layout) units.push(layout);
  for (const chart of spec.charts ?? []) {
    const unit = chartUnit(sheet, chart);
    if (unit) units.push(unit);
  }

  const width = spec.rows.reduce((w, row) => Math.max(w, row.length), 0);
  return {
    units,
    finish(worksheet) {
      if (spec.freezeRows && spec.freezeRows > 0) worksheet.freezePanes.freezeRows(spec.freezeRows);
      // Rows with wrapped text get their height (one call for the sheet).
      if (isSetSupported("ExcelApi", "1.2") && spec.rows.length > 0 && width > 0)
        worksheet.getRangeByIndexes(0, 0, spec.rows.length, width).format.autofitRows();
    },
  };
}
