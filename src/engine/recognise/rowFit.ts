/**
 * Whether a row reads as a row of an indicator or activity table: its cells in the table's typed
 * columns (figures, targets, the period, dates, the Avvikelse flag) hold what those columns hold.
 * Asked of a row after a blank gap, where the blank row may have ended the table.
 */
import type { CellValue, SheetGrid } from "../grid";
import { cellAt, formatAt, hasText, textOf } from "../grid";
import { isDash, saysNoValue } from "../parse/dashes";
import { parseDateCell } from "../parse/date";
import { isDeviationFlag } from "../parse/deviationFlag";
import { parsePeriodicity, parsePeriodText } from "../parse/period";
import { isDateFormat, parseQuantityCell } from "../parse/quantity";
import { parseTargetCell } from "../parse/target";
import type { ColumnRole, RecognisedColumn } from "./types";

type Kind = "figure" | "target" | "period" | "date" | "flag";

const KIND_OF: Partial<Record<ColumnRole, Kind>> = {
  outcome: "figure",
  outcomeMen: "figure",
  outcomeWomen: "figure",
  previous: "figure",
  forecast: "figure",
  target: "target",
  kfTarget: "target",
  period: "period",
  periodicity: "period",
  start: "date",
  end: "date",
  deviationFlag: "flag",
};

/** A table's columns whose cells a row of it fills with values of one kind. */
export function typedColumns(columns: RecognisedColumn[]): RecognisedColumn[] {
  return columns.filter((c) => c.role !== null && KIND_OF[c.role] !== undefined);
}

/**
 * The typed columns whose cells in the row don't hold their column's kind of value, or null when the
 * row reads as a row of the table: at least one typed cell filled, each as its column reads it. An
 * empty list: the row fills none of them.
 */
export function misfits(sheet: SheetGrid, row: number, typed: RecognisedColumn[]): RecognisedColumn[] | null {
  const out: RecognisedColumn[] = [];
  let filled = 0;
  for (const column of typed) {
    const value = cellAt(sheet, row, column.col);
    if (!hasText(value)) continue;
    filled++;
    if (!fits(KIND_OF[column.role as ColumnRole] as Kind, value, formatAt(sheet, row, column.col)))
      out.push(column);
  }
  return filled > 0 && out.length === 0 ? null : out;
}

function fits(kind: Kind, value: CellValue, format: string | null): boolean {
  if (typeof value === "boolean") return false;
  // A date where a figure, target or period goes is a date, whatever number it holds.
  if (typeof value === "number" && kind !== "date") {
    if (!Number.isFinite(value) || isDateFormat(format)) return false;
    return kind !== "period" || parsePeriodicity(String(value)) !== null;
  }
  const text = textOf(value);
  switch (kind) {
    case "figure": {
      const parsed = parseQuantityCell(value, format);
      return parsed.kind === "quantity" || (parsed.kind === "text" && saysNoValue(parsed.text));
    }
    case "target":
      return parseTargetCell(value, format).ok;
    case "period":
      return parsePeriodicity(text) !== null || parsePeriodText(text) !== null || isDash(text);
    case "date":
      return parseDateCell(value).kind === "date";
    case "flag":
      return isDeviationFlag(text);
  }
}
