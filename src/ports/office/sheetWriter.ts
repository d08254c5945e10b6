/**
 * One generated sheet as units of work: cells, links, looks, widths and heights, merges, print
 * setup and page breaks, charts — all as the spec and look.ts say. The sheet may still be hidden
 * under a temporary name; what only works on a visible sheet (frozen panes) is returned as
 * `finish`, for after the swap.
 */
import { a1, sheetRef } from "../../engine/grid";
import type { OutCell, SheetSpec } from "../../engine/report/spec";
import { to1904 } from "../dateSystem";
import type { Unit } from "./batch";
import { ACTION_BYTES, actionBytes, itemUnits } from "./batch";
import type { BlockCell } from "./cells";
import { blockUnits } from "./cells";
import { chartUnit } from "./chart";
import type { IsSetSupported } from "./host";
import { columnWidthUnit, rowHeightUnits } from "./dimensions";
import { pageLayoutUnits } from "./pageLayout";
import { styleUnits } from "./styles";

export interface SpecWork {
  units: Unit[];
  /** Queues what needs the sheet visible; called in the swap request. */
  finish(worksheet: Excel.Worksheet): void;
}

/** A planned cell as it is sent; a date (a 1900 serial) in the 1904 system when the workbook counts so. */
export function toBlockCell(cell: OutCell | null, date1904: boolean): BlockCell | null {
  if (!cell) return null;
  const value = date1904 && typeof cell.value === "number" ? to1904(cell.value, cell.format) : cell.value;
  const out: BlockCell = { value };
  if (cell.formula) out.formula = cell.formula;
  if (cell.format) out.format = cell.format;
  return out;
}

export function specWork(
  sheet: () => Excel.Worksheet,
  spec: SheetSpec,
  limit: number,
  isSetSupported: IsSetSupported,
  date1904: boolean,
): SpecWork {
  const units: Unit[] = blockUnits(
    sheet,
    spec.rows.map((row) => row.map((cell) => toBlockCell(cell, date1904))),
    limit,
  );
  // Links before looks: a hyperlink may bring Excel's Hyperlink style, which the look then overrides.
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
  units.push(...styleUnits(sheet, spec.rows));
  const widths = columnWidthUnit(sheet, spec);
  if (widths) units.push(widths);
  units.push(...rowHeightUnits(sheet, spec));
  // Two actions a merge: the range, and merging it.
  units.push(
    ...itemUnits(
      spec.merges ?? [],
      (merge) => 2 * actionBytes(merge),
      (merges) => {
        for (const merge of merges) sheet().getRange(merge).merge(false);
      },
    ),
  );
  units.push(...pageLayoutUnits(sheet, spec, isSetSupported));
  for (const chart of spec.charts ?? []) {
    const unit = chartUnit(sheet, chart, spec);
    if (unit) units.push(unit);
  }
  return {
    units,
    finish(worksheet) {
      if (spec.freezeRows && spec.freezeRows > 0) worksheet.freezePanes.freezeRows(spec.freezeRows);
    },
  };
}
