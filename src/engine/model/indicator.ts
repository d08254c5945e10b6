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
import { FigureColumn, TargetColumn } from "./figures";
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
  const labels = INDICATOR_FIELD_LABELS;
  // Each figure column keeps the row last read: a row's seven figures cost no object each.
  const outcomeColumn = new FigureColumn(table.index("outcome"), labels.outcome);
  const outcomeMenColumn = new FigureColumn(table.index("outcomeMen"), labels.outcomeMen);
  const outcomeWomenColumn = new FigureColumn(table.index("outcomeWomen"), labels.outcomeWomen);
  const previousColumn = new FigureColumn(table.index("previous"), labels.previous);
  const forecastColumn = new FigureColumn(table.index("forecast"), labels.forecast);
  const targetColumn = new TargetColumn(table.index("target"), labels.target);
  const kfTargetColumn = new TargetColumn(table.index("kfTarget"), labels.kfTarget);
  const unit = table.index("unit");
  const period = table.index("period");
  const periodicity = table.index("periodicity");
  /** Where a row's period text is read: its Period column, else its Periodicitet column. */
  const periodSource = period >= 0 ? period : periodicity;
  const direction = table.index("direction");
  const analysis = table.index("analysis");
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
    if (hasCell(row, outcomeColumn.at)) cells.outcome = cellAddress(row, outcomeColumn.at);
    if (hasCell(row, outcomeMenColumn.at)) cells.outcomeMen = cellAddress(row, outcomeMenColumn.at);
    if (hasCell(row, outcomeWomenColumn.at)) cells.outcomeWomen = cellAddress(row, outcomeWomenColumn.at);
    if (hasCell(row, previousColumn.at)) cells.previous = cellAddress(row, previousColumn.at);
    if (hasCell(row, forecastColumn.at)) cells.forecast = cellAddress(row, forecastColumn.at);
    if (hasCell(row, targetColumn.at)) cells.target = cellAddress(row, targetColumn.at);
    if (hasCell(row, kfTargetColumn.at)) cells.kfTarget = cellAddress(row, kfTargetColumn.at);
    if (hasCell(row, period)) cells.period = cellAddress(row, period);
    if (hasCell(row, periodicity)) cells.periodicity = cellAddress(row, periodicity);
    if (hasCell(row, direction)) cells.direction = cellAddress(row, direction);
    if (hasCell(row, analysis)) cells.analysis = cellAddress(row, analysis);
    if (hasCell(row, goal)) cells.goal = cellAddress(row, goal);
    return cells;
  };

  /** Where a row's findings go; its subject is the row being read. */
  const ctx: RowContext = { sheet, subject: "", findings };

  return (row) => {
    const subject = displayName(cellValue(row, name));
    ctx.subject = subject;
    const outcome = outcomeColumn.read(ctx, row);
    const outcomeMen = outcomeMenColumn.read(ctx, row);
    const outcomeWomen = outcomeWomenColumn.read(ctx, row);
    const previous = previousColumn.read(ctx, row);
    const forecast = forecastColumn.read(ctx, row);
    targetColumn.read(ctx, row);
    kfTargetColumn.read(ctx, row);
    const unitText =
      textIn(row, unit) ||
      outcomeColumn.heldUnit ||
      targetColumn.unit ||
      kfTargetColumn.unit ||
      forecastColumn.heldUnit ||
      previousColumn.heldUnit ||
      outcomeMenColumn.heldUnit ||
      outcomeWomenColumn.heldUnit ||
      null;
    const periodText = textIn(row, periodSource);
    const stated = textIn(row, direction);
    const override = sheetOverrides.length ? sheetOverrides.find((o) => o.row === row.row) : undefined;
    const cells = addresses(row);
    if (row.analysis && !cells.analysis) cells.analysis = row.analysis.cell;

    const hasTarget = targetColumn.value !== null;
    const hasKfTarget = kfTargetColumn.value !== null;
    let decimals: Partial<Record<IndicatorFigure, number>>;
    if (outcome && outcomeMen && outcomeWomen && previous && forecast && hasTarget && hasKfTarget)
      // Most rows have every figure: one literal, keys in the order they are added otherwise.
      decimals = {
        outcome: outcomeColumn.decimals,
        outcomeMen: outcomeMenColumn.decimals,
        outcomeWomen: outcomeWomenColumn.decimals,
        previous: previousColumn.decimals,
        forecast: forecastColumn.decimals,
        target: targetColumn.decimals,
        kfTarget: kfTargetColumn.decimals,
      };
    else {
      decimals = {};
      if (outcome) decimals.outcome = outcomeColumn.decimals;
      if (outcomeMen) decimals.outcomeMen = outcomeMenColumn.decimals;
      if (outcomeWomen) decimals.outcomeWomen = outcomeWomenColumn.decimals;
      if (previous) decimals.previous = previousColumn.decimals;
      if (forecast) decimals.forecast = forecastColumn.decimals;
      if (hasTarget) decimals.target = targetColumn.decimals;
      if (hasKfTarget) decimals.kfTarget = kfTargetColumn.decimals;
    }

    return {
      name: subject,
      sheet,
      row: row.row,
      goal: null,
      outcome: outcome ? outcomeColumn.value : null,
      outcomeMen: outcomeMen ? outcomeMenColumn.value : null,
      outcomeWomen: outcomeWomen ? outcomeWomenColumn.value : null,
      previous: previous ? previousColumn.value : null,
      forecast: forecast ? forecastColumn.value : null,
      target: targetColumn.value,
      targetKind: targetColumn.kind,
      targetText: targetColumn.text,
      kfTarget: kfTargetColumn.value,
      kfTargetKind: kfTargetColumn.kind,
      kfTargetText: kfTargetColumn.text,
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
        outcome: outcomeColumn.heldUnit,
        forecast: forecastColumn.heldUnit,
        previous: previousColumn.heldUnit,
        target: targetColumn.unit,
        kfTarget: kfTargetColumn.unit,
      },
      decimals,
      // Set by evaluate; present from the start so every indicator keeps one shape.
      statusBasis: null,
    };
  };
}
