/**
 * Reading a recognised table's rows by column role: each role's cell index (its value, format and
 * address are read through recognise/tableRow, without an object per cell) and the texts every kind
 * of row shares (its display name, its analysis).
 */
import type { CellValue } from "../grid";
import { cleanText, matchKey, stripLeadingSymbols, stripTags } from "../parse/text";
import { ACTION_KEY } from "../recognise/headers";
import { cellAddress, cellValue, hasCell } from "../recognise/tableRow";
import type { ColumnRole, RecognisedRow, RecognisedTable } from "../recognise/types";

/** A table's columns by role, looked up once per table rather than once per row and field. */
export class TableCells {
  /** Index into a row's cells of each role's (first) column, -1 for none: a plain record of every role. */
  private readonly at = noColumns();
  /** Per list of roles (a reader's constant): the roles this table has, with their indexes. Made when first asked. */
  private present: Map<readonly ColumnRole[], { role: ColumnRole; at: number }[]> | null = null;

  /**
   * Whether the Kommentar column may stand for the analysis: not an activity table's `Åtgärder`,
   * the steps planned, which say nothing of why the activity deviates.
   */
  private readonly commentIsAnalysis: boolean;

  constructor(readonly table: RecognisedTable) {
    for (const column of table.columns)
      if (column.role && this.at[column.role] < 0) this.at[column.role] = column.col - table.firstCol;
    const comment = this.at.comment >= 0 ? table.columns.find((c) => c.role === "comment") : undefined;
    this.commentIsAnalysis =
      comment !== undefined && !(table.type === "activities" && ACTION_KEY.test(matchKey(comment.header)));
  }

  /** Index into a row's cells of the role's column, or -1 when the table has none (see recognise/tableRow). */
  index(role: ColumnRole): number {
    return this.at[role];
  }

  /** 1-based sheet column of the role's column, or null when the table has none. */
  col(role: ColumnRole): number | null {
    const at = this.at[role];
    return at < 0 ? null : this.table.firstCol + at;
  }

  /** A cell's text as written (`String` of numbers), cleaned; "" when empty or absent. */
  text(row: RecognisedRow, role: ColumnRole): string {
    return textIn(row, this.at[role]);
  }

  /** Addresses of the row's cells in these roles (the model's `cells`). */
  addresses(row: RecognisedRow, roles: readonly ColumnRole[]): Partial<Record<string, string>> {
    this.present ??= new Map();
    let present = this.present.get(roles);
    if (!present) {
      present = [];
      for (const role of roles) if (this.at[role] >= 0) present.push({ role, at: this.at[role] });
      this.present.set(roles, present);
    }
    const out: Partial<Record<string, string>> = {};
    for (let p = 0; p < present.length; p++)
      if (hasCell(row, present[p].at)) out[present[p].role] = cellAddress(row, present[p].at);
    return out;
  }

  /**
   * Where the row's analysis goes in a table without an Analys column or an `Analys` row under it,
   * whose Kommentar is read as the analysis ({@link analysis}): its empty Kommentar cell (`Åtgärd`,
   * `Kommentar`), so that a missing analysis points there and not at a column the table lacks.
   */
  emptyCommentCell(row: RecognisedRow): string | undefined {
    const at = this.at.comment;
    if (
      this.at.analysis >= 0 ||
      !this.commentIsAnalysis ||
      row.analysis ||
      !hasCell(row, at) ||
      textIn(row, at) !== ""
    )
      return undefined;
    return cellAddress(row, at) || undefined;
  }

  /**
   * The row's Analys cell, else the Analys row recognised under it, else, in a table without an
   * Analys column, its Kommentar where that is prose (see commentAsAnalysis).
   */
  analysis(row: RecognisedRow): string | null {
    const own = this.text(row, "analysis") || row.analysis?.text;
    if (own) return own;
    return this.at.analysis < 0 && this.commentIsAnalysis
      ? commentAsAnalysis(this.text(row, "comment"))
      : null;
  }
}

/** The text of the row's cell at an index from {@link TableCells.index}, as {@link TableCells.text} reads it. */
export function textIn(row: RecognisedRow, at: number): string {
  const value = cellValue(row, at);
  return value === null || value === "" ? "" : cleanText(String(value));
}

/** Every role without a column (-1), as one object literal so that its shape is fixed. */
function noColumns(): Record<ColumnRole, number> {
  return {
    name: -1,
    goal: -1,
    goalLevel: -1,
    goalId: -1,
    outcome: -1,
    outcomeMen: -1,
    outcomeWomen: -1,
    previous: -1,
    forecast: -1,
    target: -1,
    kfTarget: -1,
    period: -1,
    periodicity: -1,
    unit: -1,
    direction: -1,
    analysis: -1,
    comment: -1,
    start: -1,
    end: -1,
    deviationFlag: -1,
    status: -1,
    assessment: -1,
    budget: -1,
    adjustments: -1,
    changes: -1,
    forecastBeforeTransfers: -1,
    forecastAfterTransfers: -1,
    budgetDeviation: -1,
    grossBudget: -1,
    carryOverFrom: -1,
    estimatedResult: -1,
    ownTrading: -1,
    carryOverTo: -1,
    amount: -1,
    ignore: -1,
  };
}

/** A row's name as the reports mean it: tags, extra spaces and leading status symbols dropped. */
export function displayName(value: CellValue): string {
  return stripLeadingSymbols(
    cleanText(stripTags(typeof value === "string" ? value : value === null ? "" : String(value))),
  );
}

/** A note, not an analysis: a source, a reminder, a pointer elsewhere (`Källa: HR`, `Kolla med Anna`). */
const NOTE_START = /^(?:källa|källor|not|anm|obs|se\b|kolla|ring|fråga|todo|mäts|siffra)/i;
/** The fewest words an analysis in a Kommentar cell has. */
const ANALYSIS_WORDS = 6;

/**
 * A unit's table without an Analys column writes its analyses under `Kommentar`: a comment of a
 * sentence or more (six words at least, not a note's start) is the row's analysis; a short note
 * (`Källa: HR-rapport`, `Kolla med Anna`) is none.
 */
export function commentAsAnalysis(comment: string): string | null {
  const text = comment.trim();
  if (!text || NOTE_START.test(text)) return null;
  return text.split(/\s+/).length >= ANALYSIS_WORDS ? text : null;
}
