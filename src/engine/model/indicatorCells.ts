/** Where an indicator row's fields were read: the model's `cells` of an indicator. */
import { cellAddress, hasCell } from "../recognise/tableRow";
import type { RecognisedRow } from "../recognise/types";
import type { CellRefs } from "./types";

/** Index into a row's cells of each role's column, -1 for none (see TableCells.index). */
export interface IndicatorColumns {
  name: number;
  outcome: number;
  outcomeMen: number;
  outcomeWomen: number;
  previous: number;
  forecast: number;
  target: number;
  kfTarget: number;
  period: number;
  periodicity: number;
  direction: number;
  analysis: number;
  goal: number;
  assessment: number;
}

/**
 * The row's cell addresses by role, in this order; the Analys row recognised under it, last, stands
 * for a missing Analys cell. A class rather than a `{}` grown key by key: V8 sizes its instances to hold
 * every key in the object itself, where a grown literal keeps all but four in a second array (one
 * per indicator, reallocated as it grows). Own, enumerable data properties like any record's, so
 * JSON, `for…in` and spreads see what they saw.
 */
class IndicatorCells {
  [role: string]: string | undefined;
  declare name?: string;
  declare outcome?: string;
  declare outcomeMen?: string;
  declare outcomeWomen?: string;
  declare previous?: string;
  declare forecast?: string;
  declare target?: string;
  declare kfTarget?: string;
  declare period?: string;
  declare periodicity?: string;
  declare direction?: string;
  declare analysis?: string;
  declare goal?: string;
  declare assessment?: string;

  constructor(row: RecognisedRow, at: IndicatorColumns) {
    if (hasCell(row, at.name)) this.name = cellAddress(row, at.name);
    if (hasCell(row, at.outcome)) this.outcome = cellAddress(row, at.outcome);
    if (hasCell(row, at.outcomeMen)) this.outcomeMen = cellAddress(row, at.outcomeMen);
    if (hasCell(row, at.outcomeWomen)) this.outcomeWomen = cellAddress(row, at.outcomeWomen);
    if (hasCell(row, at.previous)) this.previous = cellAddress(row, at.previous);
    if (hasCell(row, at.forecast)) this.forecast = cellAddress(row, at.forecast);
    if (hasCell(row, at.target)) this.target = cellAddress(row, at.target);
    if (hasCell(row, at.kfTarget)) this.kfTarget = cellAddress(row, at.kfTarget);
    if (hasCell(row, at.period)) this.period = cellAddress(row, at.period);
    if (hasCell(row, at.periodicity)) this.periodicity = cellAddress(row, at.periodicity);
    if (hasCell(row, at.direction)) this.direction = cellAddress(row, at.direction);
    if (hasCell(row, at.analysis)) this.analysis = cellAddress(row, at.analysis);
    if (hasCell(row, at.goal)) this.goal = cellAddress(row, at.goal);
    if (at.assessment >= 0 && hasCell(row, at.assessment)) this.assessment = cellAddress(row, at.assessment);
    if (row.analysis && !this.analysis) this.analysis = row.analysis.cell;
  }
}

/** The addresses of an indicator row's cells by role (see {@link IndicatorCells}). */
export function indicatorCells(row: RecognisedRow, at: IndicatorColumns): CellRefs {
  return new IndicatorCells(row, at);
}
