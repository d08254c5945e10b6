/** One indicator row of a recognised table into the model's Indicator. */
import type { Finding } from "../findings";
import { parseIndicatorAssessment } from "../parse/assessment";
import { saysWhenMeasured } from "../parse/dashes";
import { parsePeriodicity } from "../parse/period";
import { namesOutcomePeriod } from "../recognise/headers";
import { cellValue } from "../recognise/tableRow";
import { holdsIndicatorAssessments } from "../recognise/unread";
import type { RecognisedRow } from "../recognise/types";
import type { DirectionOverride } from "../state";
import type { TableCells } from "./cells";
import { displayName, textIn } from "./cells";
import { parseDirection } from "./direction";
import type { RowContext } from "./figures";
import { FigureColumn, TargetColumn } from "./figures";
import type { IndicatorColumns } from "./indicatorCells";
import { indicatorCells } from "./indicatorCells";
import { INDICATOR_FIELD_LABELS } from "./labels";
import type { Direction, Indicator, IndicatorFigure, Periodicity } from "./types";

/**
 * A reader of one table's indicator rows: each role's column is looked up once for the table, and
 * each row read by index. Direction, status and kfStatus are left `unknown`: evaluation settles them
 * (see the engine's README on why it fills them in on this model).
 */
export function indicatorReader(
  table: TableCells,
  overrides: DirectionOverride[],
  findings: Finding[],
  decimalsRecords: DecimalsRecords = new Map(),
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
  /**
   * A Periodicitet column beside a Period column: a row's periodicity is read there first. A
   * system export's Period says the report (`VB 2021`, `T2 2021`) on every row, not how often the
   * indicator is measured.
   */
  const periodicitySource = periodicity !== periodSource ? periodicity : -1;
  const direction = table.index("direction");
  const analysis = table.index("analysis");
  // A table's Period column holds one or two texts (`Tertial 2 2021`) in every row.
  const periodicities = new Map<string, Periodicity | null>();
  const periodicityOf = (text: string): Periodicity | null => {
    let known = periodicities.get(text);
    if (known === undefined) periodicities.set(text, (known = parsePeriodicity(text)));
    return known;
  };
  /** The row's periodicity: its Periodicitet text when that reads, else its period text's. */
  const periodicityOfRow = (stated: string, periodText: string): Periodicity | null =>
    (stated ? periodicityOf(stated) : null) ?? (periodText ? periodicityOf(periodText) : null);
  /**
   * A previous period's column named by its tertial or months (`Utfall T2 2025`, `Utfall jan–aug
   * 2025`): a row with a figure there was measured at the tertial a year before, so it is a tertial
   * indicator where nothing says how often it is measured (a unit's own table has no Period column)
   * and neither its outcome's cell nor its analysis says why it has none.
   */
  const previousHeader = table.table.columns.find((c) => c.role === "previous")?.header;
  const previousIsTertial = previousHeader !== undefined && namesOutcomePeriod(previousHeader);
  const goal = table.index("goal");
  // A column whose filled cells mostly state no assessment is one not read: none of its cells is.
  const assessmentAt = table.index("assessment");
  const assessment =
    assessmentAt >= 0 && holdsIndicatorAssessments(table.table, assessmentAt) ? assessmentAt : -1;

  const columns: IndicatorColumns = {
    name,
    outcome: outcomeColumn.at,
    outcomeMen: outcomeMenColumn.at,
    outcomeWomen: outcomeWomenColumn.at,
    previous: previousColumn.at,
    forecast: forecastColumn.at,
    target: targetColumn.at,
    kfTarget: kfTargetColumn.at,
    period,
    periodicity,
    direction,
    analysis,
    goal,
    assessment,
  };

  const decimals = new SharedDecimals(decimalsRecords, [
    ["outcome", outcomeColumn],
    ["outcomeMen", outcomeMenColumn],
    ["outcomeWomen", outcomeWomenColumn],
    ["previous", previousColumn],
    ["forecast", forecastColumn],
    ["target", targetColumn],
    ["kfTarget", kfTargetColumn],
  ]);
  const units = new SharedUnits();
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
    const assessmentText = assessment >= 0 ? textIn(row, assessment) : "";
    const statedPeriodicity = periodicityOfRow(textIn(row, periodicitySource), periodText);
    // Not where the outcome's cell or the row's analysis says why it has none (`Ej mätbart T2`,
    // `Mätningen genomförs i oktober`): the unit knows. An analysis of other things (`Utbildningen
    // pågår, tre av fyra grupper är klara.`) leaves the outcome missing.
    const analysisText = table.analysis(row);
    const inferred =
      statedPeriodicity === null &&
      previousIsTertial &&
      previous &&
      (outcome || (!textIn(row, outcomeColumn.at) && !saysWhenMeasured(analysisText)));

    const indicator: Indicator = {
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
      periodicity: statedPeriodicity ?? (inferred ? "tertial" : null),
      direction: "unknown",
      status: "unknown",
      kfStatus: "unknown",
      analysis: analysisText,
      cells: withCommentCell(indicatorCells(row, columns), table.emptyCommentCell(row)),
      statedDirection:
        (override ? (parseDirection(override.direction) ?? (override.direction as Direction)) : null) ??
        (stated ? parseDirection(stated) : null),
      periodText: periodText || null,
      units: units.of(
        outcomeColumn.heldUnit,
        forecastColumn.heldUnit,
        previousColumn.heldUnit,
        targetColumn.unit,
        kfTargetColumn.unit,
      ),
      decimals: decimals.of(),
      // Set by evaluate; present from the start so every indicator keeps one shape.
      statusBasis: null,
    };
    if (inferred) indicator.periodicityFromPrevious = true;
    if (!forecast && textIn(row, forecastColumn.at)) indicator.forecastWritten = true;
    if (assessment >= 0) {
      indicator.statedAssessment = assessmentText ? parseIndicatorAssessment(assessmentText) : null;
      if (assessmentText) indicator.statedAssessmentText = assessmentText;
    }
    return indicator;
  };
}

/** The row's cells, with its empty Kommentar cell as where its analysis goes (TableCells.emptyCommentCell). */
function withCommentCell<T extends { analysis?: string }>(cells: T, comment: string | undefined): T {
  if (comment !== undefined && cells.analysis === undefined) cells.analysis = comment;
  return cells;
}

type Decimals = Partial<Record<IndicatorFigure, number>>;

/** Decimals records by their packed digits (see SharedDecimals): one map for all tables of a build. */
export type DecimalsRecords = Map<number, Decimals>;

/** Packs one figure's decimals in 4 bits; this stands for a figure without a value. */
const NO_FIGURE = 15;

/**
 * The decimals of the row last read into a table's figure columns, as one object per combination:
 * rows repeat a few (`0.0 %` on every figure), so 10 000 indicators keep a handful of objects, not
 * one each. Shared, so frozen: a change to one indicator's would throw, not change its neighbours'.
 */
class SharedDecimals {
  private readonly names: IndicatorFigure[];
  private readonly columns: (FigureColumn | TargetColumn)[];

  constructor(
    private readonly known: DecimalsRecords,
    figures: readonly [IndicatorFigure, FigureColumn | TargetColumn][],
  ) {
    this.names = figures.map(([name]) => name);
    this.columns = figures.map(([, column]) => column);
  }

  of(): Decimals {
    let key = 0;
    for (let f = 0; f < this.columns.length; f++) {
      const column = this.columns[f];
      if (!column.has) key = key * 16 + NO_FIGURE;
      else if (column.decimals < NO_FIGURE) key = key * 16 + column.decimals;
      else return this.record(); // more decimals than a key holds: its own object
    }
    let record = this.known.get(key);
    if (!record) this.known.set(key, (record = Object.freeze(this.record())));
    return record;
  }

  /** The figures with a value, in order, with their decimals. */
  private record(): Decimals {
    const record: Decimals = {};
    for (let f = 0; f < this.columns.length; f++)
      if (this.columns[f].has) record[this.names[f]] = this.columns[f].decimals;
    return record;
  }
}

type Units = NonNullable<Indicator["units"]>;

/** Combinations of units a table's rows are told apart by; past this many, rows keep their own. */
const MAX_SHARED_UNITS = 8;

/**
 * The units of an indicator's figures, one object per combination a table's rows repeat (`%` on
 * every figure, `st` on every figure): a table's indicators share a few. Shared, so frozen.
 */
class SharedUnits {
  private readonly known: Units[] = [];

  of(
    outcome: string | null,
    forecast: string | null,
    previous: string | null,
    target: string | null,
    kfTarget: string | null,
  ): Units {
    for (const u of this.known)
      if (
        u.outcome === outcome &&
        u.forecast === forecast &&
        u.previous === previous &&
        u.target === target &&
        u.kfTarget === kfTarget
      )
        return u;
    const units = { outcome, forecast, previous, target, kfTarget };
    if (this.known.length < MAX_SHARED_UNITS) this.known.push(Object.freeze(units));
    return units;
  }
}
