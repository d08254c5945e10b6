import type { Finding } from "../findings";
import type { DuplicatePair } from "./duplicates";

/** Budget indicators the reports carry, computed from the budget tables. */
export interface DerivedFigure {
  key: "budgetfoljsamhet-fore" | "budgetfoljsamhet-efter" | "prognossakerhet";
  labelSv: string;
  labelEn: string;
  /** Percent, one decimal (99.2 means 99,2 %). */
  value: number;
  /** Target in percent (100) or band half-width (1 for ±1 %). */
  target: number;
  targetKind: "value" | "band";
  met: boolean;
  /** The cells the figure was computed from. */
  sheet: string;
  cells: string[];
}

export interface EvaluationResult {
  findings: Finding[];
  derived: DerivedFigure[];
  /** Indicator rows named as an earlier one under the same goal, each with that one. */
  duplicates: DuplicatePair[];
}
