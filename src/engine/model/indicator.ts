/** One indicator row of a recognised table into the model's Indicator. */
import type { Finding } from "../findings";
import { parsePeriodicity } from "../parse/period";
import type { Quantity } from "../parse/quantity";
import type { RecognisedRow } from "../recognise/types";
import type { DirectionOverride } from "../state";
import type { TableCells } from "./cells";
import { displayName } from "./cells";
import { parseDirection } from "./direction";
import type { RowContext } from "./figures";
import { readNumber, readTarget } from "./figures";
import { INDICATOR_FIELD_LABELS } from "./labels";
import type { Direction, Indicator, IndicatorFigure } from "./types";

const CELL_ROLES = [
  "name",
  "outcome",
  "outcomeMen",
  "outcomeWomen",
  "previous",
  "forecast",
  "target",
  "kfTarget",
  "period",
  "periodicity",
  "direction",
  "analysis",
  "goal",
] as const;

type MeasuredFigure = "outcome" | "outcomeMen" | "outcomeWomen" | "previous" | "forecast";

/**
 * Direction, status and kfStatus are left `unknown`: evaluation settles them (see the engine's
 * README on why it fills them in on this model).
 */
export function readIndicator(
  table: TableCells,
  row: RecognisedRow,
  overrides: DirectionOverride[],
  findings: Finding[],
): Indicator {
  const name = displayName(table.cell(row, "name"));
  const ctx: RowContext = { sheet: table.table.sheet, subject: name, findings };
  const measured = (role: MeasuredFigure): Quantity | null =>
    readNumber(ctx, table.cell(row, role), INDICATOR_FIELD_LABELS[role]);
  const outcome = measured("outcome");
  const outcomeMen = measured("outcomeMen");
  const outcomeWomen = measured("outcomeWomen");
  const previous = measured("previous");
  const forecast = measured("forecast");
  const target = readTarget(ctx, table.cell(row, "target"), INDICATOR_FIELD_LABELS.target);
  const kfTarget = readTarget(ctx, table.cell(row, "kfTarget"), INDICATOR_FIELD_LABELS.kfTarget);
  const unit =
    table.text(row, "unit") ||
    outcome?.unit ||
    target.unit ||
    kfTarget.unit ||
    forecast?.unit ||
    previous?.unit ||
    outcomeMen?.unit ||
    outcomeWomen?.unit ||
    null;
  const periodText = table.text(row, table.col("period") !== null ? "period" : "periodicity");
  const stated = table.text(row, "direction");
  const override = overrides.find((o) => o.sheet === table.table.sheet && o.row === row.row);
  const cells = table.addresses(row, CELL_ROLES);
  if (row.analysis && !cells.analysis) cells.analysis = row.analysis.cell;

  const decimals: Partial<Record<IndicatorFigure, number>> = {};
  if (outcome) decimals.outcome = outcome.decimals;
  if (outcomeMen) decimals.outcomeMen = outcomeMen.decimals;
  if (outcomeWomen) decimals.outcomeWomen = outcomeWomen.decimals;
  if (previous) decimals.previous = previous.decimals;
  if (forecast) decimals.forecast = forecast.decimals;
  if (target.value !== null) decimals.target = target.decimals;
  if (kfTarget.value !== null) decimals.kfTarget = kfTarget.decimals;

  return {
    name,
    sheet: table.table.sheet,
    row: row.row,
    goal: null,
    outcome: outcome?.value ?? null,
    outcomeMen: outcomeMen?.value ?? null,
    outcomeWomen: outcomeWomen?.value ?? null,
    previous: previous?.value ?? null,
    forecast: forecast?.value ?? null,
    target: target.value,
    targetKind: target.kind,
    targetText: target.text,
    kfTarget: kfTarget.value,
    kfTargetKind: kfTarget.kind,
    kfTargetText: kfTarget.text,
    unit,
    periodicity: periodText ? parsePeriodicity(periodText) : null,
    direction: "unknown",
    status: "unknown",
    kfStatus: "unknown",
    analysis: table.analysis(row),
    cells,
    statedDirection:
      (override ? (parseDirection(override.direction) ?? (override.direction as Direction)) : null) ??
      (stated ? parseDirection(stated) : null),
    periodText: periodText || null,
    units: {
      outcome: outcome?.unit ?? null,
      forecast: forecast?.unit ?? null,
      previous: previous?.unit ?? null,
      target: target.unit,
      kfTarget: kfTarget.unit,
    },
    decimals,
  };
}
