/** One indicator row of a recognised table into the model's Indicator. */
import type { Finding } from "../findings";
import { parsePeriodicity } from "../parse/period";
import { cellAddress, cellValue, hasCell } from "../recognise/tableRow";
import type { RecognisedRow } from "../recognise/types";
import type { DirectionOverride } from "../state";
import type { TableCells } from "./cells";
import { displayName, textIn } from "./cells";
import { parseDirection } from "./direction";
import type { RowContext } from "./figures";
import { readNumber, readTarget } from "./figures";
import { INDICATOR_FIELD_LABELS } from "./labels";
import type { CellRefs, Direction, Indicator, IndicatorFigure, Periodicity } from "./types";

/**
 * A reader of one table's indicator rows: each role's column is looked up once for the table, and
 * each row read by index. Direction, status and kfStatus are left `unknown`: evaluation settles them
 * (see the engine's README on why it fills them in on this model).
 */
export function indicatorReader(
  table: TableCells,
  overrides: DirectionOverride[],
  findings: Finding[],
): (row: RecognisedRow) => Indicator {
  const sheet = table.table.sheet;
  const sheetOverrides = overrides.filter((o) => o.sheet === sheet);
  const name = table.index("name");
  const outcome = table.index("outcome");
  const outcomeMen = table.index("outcomeMen");
  const outcomeWomen = table.index("outcomeWomen");
  const previous = table.index("previous");
  const forecast = table.index("forecast");
  const target = table.index("target");
  const kfTarget = table.index("kfTarget");
  const unit = table.index("unit");
  const period = table.index("period");
  const periodicity = table.index("periodicity");
  /** Where a row's period text is read: its Period column, else its Periodicitet column. */
  const periodSource = period >= 0 ? period : periodicity;
  const direction = table.index("direction");
  const analysis = table.index("analysis");
  const labels = INDICATOR_FIELD_LABELS;
  // A table's Period column holds one or two texts (`Tertial 2 2021`) in every row.
  const periodicities = new Map<string, Periodicity | null>();
  const periodicityOf = (text: string): Periodicity | null => {
    let known = periodicities.get(text);
    if (known === undefined) periodicities.set(text, (known = parsePeriodicity(text)));
    return known;
  };
  const goal = table.index("goal");

  /**
   * The row's cell addresses by role (the model's `cells`), in this order. Field by field: named
   * stores keep each row's record cheap, where a loop over role names adds each key by a slow path.
   */
  const addresses = (row: RecognisedRow): CellRefs => {
    const cells: CellRefs = {};
    if (hasCell(row, name)) cells.name = cellAddress(row, name);
    if (hasCell(row, outcome)) cells.outcome = cellAddress(row, outcome);
    if (hasCell(row, outcomeMen)) cells.outcomeMen = cellAddress(row, outcomeMen);
    if (hasCell(row, outcomeWomen)) cells.outcomeWomen = cellAddress(row, outcomeWomen);
    if (hasCell(row, previous)) cells.previous = cellAddress(row, previous);
    if (hasCell(row, forecast)) cells.forecast = cellAddress(row, forecast);
    if (hasCell(row, target)) cells.target = cellAddress(row, target);
    if (hasCell(row, kfTarget)) cells.kfTarget = cellAddress(row, kfTarget);
    if (hasCell(row, period)) cells.period = cellAddress(row, period);
    if (hasCell(row, periodicity)) cells.periodicity = cellAddress(row, periodicity);
    if (hasCell(row, direction)) cells.direction = cellAddress(row, direction);
    if (hasCell(row, analysis)) cells.analysis = cellAddress(row, analysis);
    if (hasCell(row, goal)) cells.goal = cellAddress(row, goal);
    return cells;
  };

  return (row) => {
    const subject = displayName(cellValue(row, name));
    const ctx: RowContext = { sheet, subject, findings };
    const outcomeValue = readNumber(ctx, row, outcome, labels.outcome);
    const outcomeMenValue = readNumber(ctx, row, outcomeMen, labels.outcomeMen);
    const outcomeWomenValue = readNumber(ctx, row, outcomeWomen, labels.outcomeWomen);
    const previousValue = readNumber(ctx, row, previous, labels.previous);
    const forecastValue = readNumber(ctx, row, forecast, labels.forecast);
    const targetValue = readTarget(ctx, row, target, labels.target);
    const kfTargetValue = readTarget(ctx, row, kfTarget, labels.kfTarget);
    const unitText =
      textIn(row, unit) ||
      outcomeValue?.unit ||
      targetValue.unit ||
      kfTargetValue.unit ||
      forecastValue?.unit ||
      previousValue?.unit ||
      outcomeMenValue?.unit ||
      outcomeWomenValue?.unit ||
      null;
    const periodText = textIn(row, periodSource);
    const stated = textIn(row, direction);
    const override = sheetOverrides.length ? sheetOverrides.find((o) => o.row === row.row) : undefined;
    const cells = addresses(row);
    if (row.analysis && !cells.analysis) cells.analysis = row.analysis.cell;

    const decimals: Partial<Record<IndicatorFigure, number>> = {};
    if (outcomeValue) decimals.outcome = outcomeValue.decimals;
    if (outcomeMenValue) decimals.outcomeMen = outcomeMenValue.decimals;
    if (outcomeWomenValue) decimals.outcomeWomen = outcomeWomenValue.decimals;
    if (previousValue) decimals.previous = previousValue.decimals;
    if (forecastValue) decimals.forecast = forecastValue.decimals;
    if (targetValue.value !== null) decimals.target = targetValue.decimals;
    if (kfTargetValue.value !== null) decimals.kfTarget = kfTargetValue.decimals;

    return {
      name: subject,
      sheet,
      row: row.row,
      goal: null,
      outcome: outcomeValue?.value ?? null,
      outcomeMen: outcomeMenValue?.value ?? null,
      outcomeWomen: outcomeWomenValue?.value ?? null,
      previous: previousValue?.value ?? null,
      forecast: forecastValue?.value ?? null,
      target: targetValue.value,
      targetKind: targetValue.kind,
      targetText: targetValue.text,
      kfTarget: kfTargetValue.value,
      kfTargetKind: kfTargetValue.kind,
      kfTargetText: kfTargetValue.text,
      unit: unitText,
      periodicity: periodText ? periodicityOf(periodText) : null,
      direction: "unknown",
      status: "unknown",
      kfStatus: "unknown",
      analysis: textIn(row, analysis) || row.analysis?.text || null,
      cells,
      statedDirection:
        (override ? (parseDirection(override.direction) ?? (override.direction as Direction)) : null) ??
        (stated ? parseDirection(stated) : null),
      periodText: periodText || null,
      units: {
        outcome: outcomeValue?.unit ?? null,
        forecast: forecastValue?.unit ?? null,
        previous: previousValue?.unit ?? null,
        target: targetValue.unit,
        kfTarget: kfTargetValue.unit,
      },
      decimals,
      // Set by evaluate; present from the start so every indicator keeps one shape.
      statusBasis: null,
    };
  };
}
