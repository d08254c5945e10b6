/**
 * The validated model: the shape of `malkoll check --json` (docs/CONTRACT.md) plus a few additions
 * (`cells`, `sourceTable`) that point back at the workbook. Additions are allowed; renames are not.
 */
import type { ActivityStatus } from "../parse/activityStatus";
import type { Assessment, PeriodKind, Periodicity, TargetKind } from "../parse/types";

export type { Assessment, PeriodKind, Periodicity, TargetKind } from "../parse/types";

/** `sheet`: a visible sheet's whole name is the period (`T2 2021`), which `yearSheet` then names. */
export type PeriodSource = "flag" | "cell" | "plan" | "sheet" | "none";

export interface Period {
  kind: PeriodKind | null;
  year: number | null;
  source: PeriodSource;
  /** The sheet whose name gave the year (`Verksamhetsplan 2021`), when nothing else named one. */
  yearSheet?: string;
  /** A forced period's: the one the workbook itself names, where that is another. */
  stated?: { kind: PeriodKind; year: number | null };
}

export type GoalLevel = "inriktningsmal" | "kf-mal" | "namndmal" | "enhetsmal";

export interface GoalCounts {
  met: number;
  partlyMet: number;
  notMet: number;
  notMeasured: number;
  /**
   * Addition: indicators no status column counts (no usable target, or the direction unknown, and
   * no KF:s årsmål to judge by instead): `Ej bedömda` in Måluppfyllelse.
   */
  notJudged: number;
  activitiesWithDeviation: number;
  activities: number;
}

export interface Goal {
  /** `<sheet>!<A1 of the heading cell>` */
  id: string;
  parent: string | null;
  level: GoalLevel;
  /** Normalised without trailing dot (`1.2`), or null. */
  number: string | null;
  title: string;
  sheet: string;
  row: number;
  statedAssessment: Assessment | null;
  suggestedAssessment: Assessment | null;
  counts: GoalCounts;
  /** Addition: the cell holding the stated assessment, if any. */
  assessmentCell: string | null;
  /**
   * Of the goal's not-measured indicators, those whose outcome is due in the period (every one at
   * VB, a tertial one at T1 and T2): they keep it from a suggested `helt`. Set by evaluation.
   */
  outcomesMissing?: number;
}

export type Direction = "higher" | "lower" | "band" | "max" | "increase" | "unknown";
export type IndicatorStatus = "met" | "partly-met" | "not-met" | "not-measured" | "no-target" | "unknown";
/**
 * The status against KF:s årsmål may also be `not-comparable`: KF's target has another scope than
 * the nämnd's figure (a city-wide count such as `9 000 st` against a district's `900 st`).
 */
export type KfStatus = IndicatorStatus | "not-comparable";
/** The figure a status was judged on: the outcome, the full-year forecast, or none. */
export type StatusBasis = "outcome" | "forecast";

/** An indicator's figures: what it measured and what it aims at. */
export type IndicatorFigure =
  "outcome" | "outcomeMen" | "outcomeWomen" | "previous" | "forecast" | "target" | "kfTarget";

/** Where each field of a row came from (A1 addresses on the row's sheet). */
export type CellRefs = Partial<Record<string, string>>;

export interface Indicator {
  name: string;
  sheet: string;
  row: number;
  goal: string | null;
  outcome: number | null;
  outcomeMen: number | null;
  outcomeWomen: number | null;
  previous: number | null;
  forecast: number | null;
  target: number | null;
  targetKind: TargetKind;
  targetText: string | null;
  kfTarget: number | null;
  kfTargetKind: TargetKind;
  kfTargetText: string | null;
  /** `%`, `st`, `GWh`, `kr`, ... or null when no cell states a unit. */
  unit: string | null;
  periodicity: Periodicity | null;
  direction: Direction;
  status: IndicatorStatus;
  kfStatus: KfStatus;
  analysis: string | null;
  /** Addition (contract 2026-12): the figure `status`/`kfStatus` were judged on; null when none was judged. */
  statusBasis?: StatusBasis | null;
  /** Addition: cells of the row by field name (`name`, `outcome`, `target`, `kfTarget`, ...). */
  cells: CellRefs;
  /** Addition: the `Riktning` column's value when the table has one. */
  statedDirection?: Direction | null;
  /**
   * Addition (2026-12): the row's own assessment in a unit's `Bedömning` (`Måluppfyllelse`,
   * `Trafikljus`) column, absent without one; its text as written in `statedAssessmentText`.
   */
  statedAssessment?: Exclude<Assessment, "ingen"> | null;
  /**
   * Set where `periodicity` (`tertial`) was not stated but read from a figure in a previous
   * period's column named by its tertial or months (`Utfall T2 2025`). Not in the JSON.
   */
  periodicityFromPrevious?: true;
  /**
   * Set where the row's Prognos helår cell holds something other than a number (a dash, `Ej
   * mätbart`, text that cannot be read): the unit wrote something there. Not in the JSON.
   */
  forecastWritten?: true;
  statedAssessmentText?: string;
  /** Addition: the period text of the row (`Tertial 2 2021`). */
  periodText?: string | null;
  /** Addition: the unit each value was written with (null when written without one). */
  units?: {
    outcome: string | null;
    forecast: string | null;
    previous: string | null;
    target: string | null;
    kfTarget: string | null;
  };
  /**
   * Addition: the decimals each figure is shown with in the source (`4,0 %`, or 0.04 formatted
   * `0.0 %`: 1), so the generated tables show it the same way. Absent for a figure without a value.
   */
  decimals?: Partial<Record<IndicatorFigure, number>>;
}

export interface Activity {
  name: string;
  sheet: string;
  row: number;
  goal: string | null;
  /** `YYYY-MM-DD` or null */
  start: string | null;
  end: string | null;
  deviation: boolean;
  /** What its Status cell says (`Ej påbörjad`: `not-started`), or null without one that reads. */
  status: ActivityStatus | null;
  /** The Status cell's text as written, which messages quote (`Ej startad`), or null. */
  statusText: string | null;
  analysis: string | null;
  cells: CellRefs;
  /**
   * Set where the table has start and end date columns and the row left both empty (no date and
   * no words such as `Löpande`): a plan's `activity-dates-missing`. Not in the JSON.
   */
  datesBlank?: true;
}

export type BudgetKind = "row" | "varav" | "total" | "netto" | "intakter" | "kostnader" | "disposition";

export type BudgetTableType =
  | "driftbudget-namnd"
  | "driftbudget-omrade"
  | "driftbudget-vp"
  | "investeringar"
  | "resultatenheter"
  | "budget-other";

export interface BudgetLine {
  sheet: string;
  row: number;
  /** The table's heading or first header cell. */
  table: string;
  kind: BudgetKind;
  label: string;
  unit: "mnkr" | "tkr" | "kr";
  budget: number | null;
  adjustments: number | null;
  changes: number | null;
  forecastBeforeTransfers: number | null;
  forecast: number | null;
  deviation: number | null;
  computedDeviation: number | null;
  analysis: string | null;
  cells: CellRefs;
  /** Addition: which recognised table this row belongs to. */
  tableType: BudgetTableType;
  /** Addition: id of the table (sheet!A1 of its header row), to group rows. */
  tableId: string;
  /** Addition: any further numeric columns by header text (VP years, resultatenheter columns). */
  extra?: Record<string, number | null>;
  /** Addition: `forecast` holds the year's outcome (a VB table `Budget | Utfall | Avvikelse`). */
  forecastIsOutcome?: boolean;
  /**
   * Addition: a `budget-other` table's label column is headed `Verksamhetsområde`, `Verksamhet`
   * or `Resultatenhet`: its rows name areas or units (see `namesAreaOrUnit`).
   */
  labelsNameUnits?: boolean;
  /**
   * Addition: the forecast column's header says it is after resultatöverföringar (`Prognos efter
   * RÖ`): in a table without a före column, `forecast` is then no forecast before transfers.
   */
  forecastNamesAfterTransfers?: boolean;
}

export interface Model {
  workbook: string;
  period: Period;
  goals: Goal[];
  indicators: Indicator[];
  activities: Activity[];
  budget: BudgetLine[];
}
