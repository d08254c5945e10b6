/**
 * Where a missing analysis is to be written: the one ending `analysis-missing` has for a deviating
 * indicator, an activity marked Avvikelse and a large budget deviation alike (indicators.ts,
 * goals.ts, budget.ts), but for whose the empty cell in the analysis column is: the indicator's or
 * activity's own, the budget deviation's row's.
 */
import { parseA1 } from "../grid";
import type { CellRefs } from "../model/types";
import type { RecognisedTable } from "../recognise/types";
import { TablesAt } from "./tablesAt";

/** What follows a name (or a sentence's start) in a message, in Swedish and English, written once. */
export interface MessageEnd {
  sv: string;
  en: string;
}

/**
 * `column`: the row's cell in the table's analysis column (on the row itself) is empty. `row`: the
 * table has no such column, and the `Analys` row under the row has nothing after its label
 * (recognise/tables.ts keeps such a label as the row's analysis cell; a label with text after it
 * is an analysis, and then nothing is missing). `rows`: the table has no such column and writes its
 * analyses on `Analys` rows under its rows, but none under this one. `none`: neither a column nor
 * an `Analys` row anywhere in the table.
 */
export type AnalysisPlace = "column" | "row" | "rows" | "none";

/** Whose cell in the analysis column: an indicator's or activity's own (`dess`: the row is the item). */
export const ITS: MessageEnd = { sv: "dess", en: "its" };
/** A budget deviation's: the deviation is a figure of its row, which has the cell (`radens`). */
export const THE_ROWS: MessageEnd = { sv: "radens", en: "the row's" };

export const ANALYSIS_PLACES: readonly AnalysisPlace[] = ["column", "row", "rows", "none"];

/**
 * The end of `… saknar analys`, a sentence's last words with its full stop; `whose` names the
 * owner of the empty cell in the analysis column.
 */
export function analysisWhere(place: AnalysisPlace, whose: MessageEnd = ITS): MessageEnd {
  switch (place) {
    case "column":
      return {
        sv: `: ${whose.sv} cell i analyskolumnen är tom.`,
        en: `: ${whose.en} cell in the analysis column is empty.`,
      };
    case "row":
      return { sv: ": raden ”Analys” under den är tom.", en: ': the "Analys" row under it is empty.' };
    // A shared layout the table's other rows keep: not told to add a column to it.
    case "rows":
      return {
        sv: ": skriv en rad ”Analys: …” under raden, som under tabellens andra rader.",
        en: ': write an "Analys: …" row under it, as under the table\'s other rows.',
      };
    case "none":
      return {
        sv: ": tabellen har ingen kolumn Analys (lägg till en, eller en rad ”Analys: …” under raden).",
        en: ': the table has no Analys column (add one, or an "Analys: …" row under the row).',
      };
  }
}

/**
 * The place an `analysis-missing` finding's message names: the ending {@link analysisWhere} gave it,
 * read back from its Swedish message (a finding carries no place of its own; the JSON contract has
 * none). Null for another finding, or a message with none of the endings.
 */
export function analysisPlaceOf(f: { code: string; message: string }): AnalysisPlace | null {
  if (f.code !== "analysis-missing") return null;
  for (const place of ANALYSIS_PLACES) {
    for (const whose of [ITS, THE_ROWS]) {
      if (f.message.endsWith(analysisWhere(place, whose).sv)) return place;
    }
  }
  return null;
}

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

/**
 * The tables that write analyses on `Analys` rows under their rows (recognise/tables.ts: a row's
 * analysis cell on a later row), by sheet: where an item of such a table has neither, its analysis
 * goes on a row too ({@link AnalysisPlace} `rows`).
 */
export class AnalysisRowTables {
  private readonly tables: TablesAt;

  constructor(tables: readonly RecognisedTable[] = []) {
    this.tables = new TablesAt(
      tables,
      (table) =>
        !table.columns.some((c) => c.role === "analysis") &&
        table.rows.some(
          (r) => r.analysis !== null && analysisPlace({ analysis: r.analysis.cell }, r.row) === "row",
        ),
    );
  }

  /** {@link analysisPlace}, with `rows` for an item without either in a table that uses rows. */
  placeOf(cells: CellRefs, sheet: string, row: number): AnalysisPlace {
    const place = analysisPlace(cells, row);
    if (place !== "none") return place;
    return this.tables.at(sheet, row) ? "rows" : "none";
  }
}
