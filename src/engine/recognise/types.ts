import type { CellValue, SourceCell } from "../grid";

export type TableType =
  | "indicators-followup"
  | "indicators-plan"
  | "activities"
  | "driftbudget-namnd"
  | "driftbudget-omrade"
  | "driftbudget-vp"
  | "investeringar"
  | "resultatenheter"
  | "budget-other";

export const TABLE_TYPE_LABELS: Record<TableType, { sv: string; en: string }> = {
  "indicators-followup": { sv: "Indikatorer (uppföljning)", en: "Indicators (follow-up)" },
  "indicators-plan": { sv: "Indikatorer (plan)", en: "Indicators (plan)" },
  activities: { sv: "Aktiviteter", en: "Activities" },
  "driftbudget-namnd": { sv: "Driftbudget, hela nämnden", en: "Operating budget, whole committee" },
  "driftbudget-omrade": { sv: "Driftbudget per verksamhetsområde", en: "Operating budget by area" },
  "driftbudget-vp": { sv: "Budget i verksamhetsplan", en: "Budget in business plan" },
  investeringar: { sv: "Investeringar", en: "Investments" },
  resultatenheter: { sv: "Resultatenheter", en: "Result units" },
  "budget-other": { sv: "Annan budgettabell", en: "Other budget table" },
};

/** What a column can hold: the roles a header maps to, or a person chooses in the pane. */
export const COLUMN_ROLES = [
  "name", // Indikator / Aktivitet / row label
  "goal", // Mål column in flat sheets
  "goalLevel", // Målnivå column beside it (`Nämndmål`, `Enhetsmål`): the goal's level, not its name
  "goalId", // Mål-id column beside a Mål column: the same goal's id (`1.3.2`, `E1`), by which the row links first
  "outcome",
  "outcomeMen",
  "outcomeWomen",
  "previous",
  "forecast",
  "target",
  "kfTarget",
  "period",
  "periodicity",
  "unit",
  "direction",
  "start",
  "end",
  "deviationFlag", // Avvikelse in activity tables
  "status", // Status in activity tables (`Pågår`, `Klar`, `Ej påbörjad`)
  "assessment", // an indicator's own assessment in a unit's table (`Uppfyllt`, `Uppnås ej`, `Grön`)
  "budget",
  "adjustments",
  "changes",
  "forecastBeforeTransfers",
  "forecastAfterTransfers",
  "budgetDeviation",
  "grossBudget",
  "carryOverFrom",
  "estimatedResult",
  "ownTrading",
  "carryOverTo",
  "amount", // a further numeric column (VP years, Bokslut)
  "analysis",
  "comment",
  "ignore",
] as const;

export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** The kinds of table a column role belongs to: the model reads a role only in tables of its kinds. */
type TableKind = "indicators" | "activities" | "budget";

const ALL_KINDS: readonly TableKind[] = ["indicators", "activities", "budget"];
const GOAL_KINDS: readonly TableKind[] = ["indicators", "activities"];

const KINDS_OF_ROLE: Record<ColumnRole, readonly TableKind[]> = {
  name: ALL_KINDS,
  goal: GOAL_KINDS,
  goalLevel: GOAL_KINDS,
  goalId: GOAL_KINDS,
  outcome: ["indicators"],
  outcomeMen: ["indicators"],
  outcomeWomen: ["indicators"],
  previous: ["indicators"],
  forecast: ["indicators"],
  target: ["indicators"],
  kfTarget: ["indicators"],
  period: ["indicators"],
  periodicity: ["indicators"],
  unit: ["indicators"],
  direction: ["indicators"],
  start: ["activities"],
  end: ["activities"],
  deviationFlag: ["activities"],
  status: ["activities"],
  assessment: ["indicators"],
  budget: ["budget"],
  adjustments: ["budget"],
  changes: ["budget"],
  forecastBeforeTransfers: ["budget"],
  forecastAfterTransfers: ["budget"],
  budgetDeviation: ["budget"],
  grossBudget: ["budget"],
  carryOverFrom: ["budget"],
  estimatedResult: ["budget"],
  ownTrading: ["budget"],
  carryOverTo: ["budget"],
  amount: ["budget"],
  analysis: ALL_KINDS,
  comment: GOAL_KINDS,
  ignore: ALL_KINDS,
};

function kindOf(type: TableType): TableKind {
  if (type === "indicators-followup" || type === "indicators-plan") return "indicators";
  return type === "activities" ? "activities" : "budget";
}

/** Whether a table of `type` reads a column of `role` (a `Status` in an indicator table it does not). */
export function readsRole(type: TableType, role: ColumnRole): boolean {
  return KINDS_OF_ROLE[role].includes(kindOf(type));
}

/** The roles a column of a type of table can have (`ignore` among them), in `COLUMN_ROLES` order. */
export function columnRolesOf(type: TableType): readonly ColumnRole[] {
  const kind = kindOf(type);
  return COLUMN_ROLES.filter((role) => KINDS_OF_ROLE[role].includes(kind));
}

export interface RecognisedColumn {
  /** 1-based sheet column. */
  col: number;
  header: string;
  role: ColumnRole | null;
}

export interface RecognisedRow {
  /** 1-based sheet row. */
  row: number;
  /** The row's cells from the table's first column to its last, with their formats and addresses. */
  cells: SourceCell[];
  /**
   * Analysis text that follows the row (an `Analys` row or cell), with the cell it sits in; under an
   * `Analys` label with nothing written yet, "" with the cell where the text belongs.
   */
  analysis: { text: string; cell: string } | null;
  /** Continuation rows merged into this row (their sheet rows). */
  continuedFrom: number[];
}

export interface RecognisedTable {
  /** `<sheet>!<A1 of the first header cell>` */
  id: string;
  type: TableType;
  sheet: string;
  headerRow: number;
  /** Further header rows that repeated the header (page breaks) and were merged in. */
  repeatedHeaderRows: number[];
  firstCol: number;
  lastCol: number;
  columns: RecognisedColumn[];
  rows: RecognisedRow[];
  /** The table's heading (text above it) or first header cell, for budget tables. */
  title: string;
  /** Unit stated for amounts (`mnkr`, `tkr`, `kr`) or null. */
  amountUnit: "mnkr" | "tkr" | "kr" | null;
  /** Whether it came from an Excel table (ListObject). */
  fromListObject: boolean;
  /**
   * Addition: rows of a budget table that hold a label alone and head the rows under them
   * (`Äldreomsorgen` in Resultatenheter), in order; the model keeps no line for them.
   */
  groupRows?: GroupRow[];
  /**
   * Addition: rows of the table the user hid (by hand, in a collapsed group or by a filter), in
   * order. They are not read: no row, `Analys` text or group of the table comes from them. A hidden
   * group label over rows of its group that are shown is not among them: it is in `groupRows`.
   */
  hiddenRows?: HiddenRow[];
  /**
   * Addition: the table's columns the user hid (1-based sheet columns, ascending). They are read as
   * any other; one with no role is the user's helper and not reported as unread.
   */
  hiddenColumns?: number[];
}

/** A hidden row a table would otherwise have read. */
export interface HiddenRow {
  row: number;
  /** Its cell in the table's name column. */
  cell: string;
  /** The text of that cell, else the row's first text in the table. */
  name: string;
}

/** A row of a budget table naming the group of the rows under it. */
export interface GroupRow {
  row: number;
  label: string;
  /**
   * Addition: how many groups hold this one, where the sheet shows it: 1 for a label right under a
   * group's label (`Hemtjänst` under `Äldreomsorgen`); absent for a group at the table's top level.
   */
  depth?: number;
}

export interface GoalHeading {
  /** `<sheet>!<A1>` */
  id: string;
  sheet: string;
  row: number;
  col: number;
  level: "inriktningsmal" | "kf-mal" | "namndmal" | "enhetsmal";
  number: string | null;
  title: string;
  /** Stated assessment and its cell, if found under the heading. */
  assessment: "helt" | "delvis" | "ej" | "ingen" | null;
  assessmentCell: string | null;
  /** Addition: a goal list row's own id as written (`Mål-id`: `E1`, `1.3.1`), by which rows name it. */
  listId?: string;
  /**
   * Addition: the id or number a goal list row's `Överordnat mål` cell names its parent by; "" for
   * an empty cell. Absent for a heading, or a list without that column (the nesting decides).
   */
  parentRef?: string;
}

export interface PeriodCell {
  sheet: string;
  cell: string;
  text: string;
  /** A title naming the period (`Tertialrapport 2 år 2021 för …`); `text` is then `Tertial 2 2021`. */
  title?: true;
}

export interface Recognition {
  tables: RecognisedTable[];
  goals: GoalHeading[];
  /** Cells naming a period: labelled ones, titles, and each text of a follow-up table's Period column at its first row. */
  periodCells: PeriodCell[];
  /** Blocks that look like tables but whose columns can't be mapped. */
  unrecognised: { sheet: string; cell: string; range: string; headers: string[] }[];
  /** Rows under a table not read as rows of it: after a blank row (the table ended above them), or with an empty name cell. */
  leftOut: LeftOutRow[];
  /** Hidden sheets holding tables: none of them is read (see {@link recognise}). */
  hiddenSheets: HiddenSheet[];
  /**
   * Goal lists with a level, id or parent column (an export's) not read because the workbook has
   * goal headings (see {@link recognise}): each one's header cell and row, and how many goals it names.
   */
  unreadGoalLists: { sheet: string; cell: string; range: string; goals: number }[];
  /** Columns of the goal lists read that no table kind reads (`Ansvarig`, `Status`) and hold values. */
  unreadListColumns: UnreadListColumn[];
  /**
   * Rows that start as a goal heading, its label and colon (`Enhetsmål: …`), beside cells a heading
   * does not hold (see {@link UnreadHeading}): the goal is not read.
   */
  unreadHeadings: UnreadHeading[];
  /**
   * Addition: tables of amounts by row and column, totalled both ways (pivoted: 002's pandemic
   * costs). The model keeps nothing of them; validation checks their sums (see {@link CrossTable}).
   */
  crossTables: CrossTable[];
}

/**
 * A table of amounts by row and by column with a total column and total rows (recognise/crossTable.ts):
 * its rows are kinds of cost (`Inhyrd personal`), its columns areas (`Nämnd adm`, `Fsk`), its
 * last column each row's total (`Total-summa (tkr)`), its total rows (`Summa kostnader`) each
 * column's. No budget line: its sums alone are checked, as a balance sheet's are.
 */
export interface CrossTable {
  sheet: string;
  /** Its first header cell (the row labels' header, `Pandemi`) and its header row across. */
  cell: string;
  range: string;
  headerRow: number;
  /** Its last total row (`Summa kostnader`): the rows from the header down to it are the table's. */
  lastRow: number;
  /** The row labels' column. */
  labelCol: number;
  /** The columns of amounts a row's total adds, in order (not a column of shares or averages). */
  columns: { col: number; header: string }[];
  /** The column of the rows' totals. */
  total: { col: number; header: string };
  /** Rows that repeat its header (a page break): the table goes on under them, they add nothing. */
  repeatedHeaderRows: number[];
}

/** A goal list's column no table kind reads (`Ansvarig`): its header cell, its cells down to the list's last goal, how many hold values. */
export interface UnreadListColumn {
  sheet: string;
  cell: string;
  range: string;
  header: string;
  filled: number;
}

/** A sheet the user hid, with the tables it would have given: left out, as its hidden rows are. */
export interface HiddenSheet {
  sheet: string;
  /** Hidden so that Excel's Visa (Unhide) does not list it. */
  veryHidden: boolean;
  /** How many tables it holds, and the first one's header cell. */
  tables: number;
  cell: string;
}

/**
 * A row under an indicator or activity table that is not read as part of it: a named row after a
 * blank gap (`after-gap`), or a row with figures whose name cell is empty, its name standing in the
 * next column (`name-shifted`, 004 lines 182–185) or nowhere (`name-missing`).
 */
export interface LeftOutRow {
  kind: "after-gap" | "name-shifted" | "name-missing";
  sheet: string;
  /** The row's cell in the table's name column. */
  cell: string;
  /** Where the name stands instead (`name-shifted`), with that column's header. */
  nameAt?: { cell: string; header: string };
  /** The table's name column's header (`Indikator`). */
  nameHeader: string;
  /** The row across the table's columns. */
  range: string;
  name: string;
  /** The table's first header cell. */
  tableCell: string;
  /** Blank rows between the table and the row. */
  blankRows: number;
  /** Its cells that don't hold their column's kind of value; none when it fills no such column. */
  misfits: { cell: string; header: string; value: CellValue; format: string | null }[];
}

/** A row that starts as a goal heading and is not read as one: its first cell and the cells it does not place. */
export interface UnreadHeading {
  sheet: string;
  cell: string;
  /** The row's cells from its first to its last. */
  range: string;
  /** The heading's text as written (`Enhetsmål: Barnfamiljer …`). */
  text: string;
  /** The texts of the cells after the heading a heading's row does not hold (`Bedömning enligt enheten:`, `12`). */
  others: string[];
}
