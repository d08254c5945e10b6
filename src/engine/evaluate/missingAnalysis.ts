/**
 * Where a missing analysis is to be written: the one ending `analysis-missing` has for a deviating
 * indicator, an activity marked Avvikelse and a large budget deviation alike (indicators.ts,
 * goals.ts, budget.ts).
 */
import { parseA1 } from "../grid";
import type { CellRefs } from "../model/types";

/** What follows a name (or a sentence's start) in a message, in Swedish and English, written once. */
export interface MessageEnd {
  sv: string;
  en: string;
}

/**
 * `column`: the row's cell in the table's analysis column (on the row itself) is empty. `row`: the
 * table has no such column, and the `Analys` row under the row has nothing after its label
 * (recognise/tables.ts keeps such a label as the row's analysis cell; a label with text after it
 * is an analysis, and then nothing is missing). `none`: neither a column nor an `Analys` row.
 */
export type AnalysisPlace = "column" | "row" | "none";

/** The end of `… saknar analys`, each a sentence's last words with its full stop. */
export const ANALYSIS_WHERE: Readonly<Record<AnalysisPlace, MessageEnd>> = {
  column: {
    sv: ": dess cell i analyskolumnen är tom.",
    en: ": its cell in the analysis column is empty.",
  },
  row: {
    sv: ": raden ”Analys” under den är tom.",
    en: ': the "Analys" row under it is empty.',
  },
  none: {
    sv: ": tabellen har ingen kolumn Analys (lägg till en, eller en rad ”Analys: …” under raden).",
    en: ': the table has no Analys column (add one, or an "Analys: …" row under the row).',
  },
};

/**
 * Where the analysis of the item on sheet row `row` goes, from its `cells.analysis` (model/: its
 * cell in the analysis column when the table has one, else the cell of the `Analys` row under it,
 * which is on a later row).
 */
export function analysisPlace(cells: CellRefs, row: number): AnalysisPlace {
  const cell = cells.analysis;
  if (!cell) return "none";
  return parseA1(cell)?.row === row ? "column" : "row";
}
