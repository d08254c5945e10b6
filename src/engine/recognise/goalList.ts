/**
 * A flat goal list, as a follow-up system exports it: one goal per row under a header such as
 * `Målnivå | Mål-id | Mål | Överordnat mål | Bedömning | Analys`. Each row is a goal with its level,
 * number, parent, title and stated assessment, read as a goal heading is; the indicator and
 * activity tables' `Mål` columns name these goals by title (or id).
 */
import { a1, a1Range, textOf } from "../grid";
import { parseAssessment } from "../parse/assessment";
import { cleanText, matchKey, stripTags } from "../parse/text";
import { bareGoalNumber, levelOfNumber, parseGoalLevel, splitNumber } from "./goals";
import { ACTION_KEY, budgetRole, goalTableRole } from "./headers";
import type { SheetRows } from "./sheetRows";
import { GOAL_ID_HEADER, readHeaderRow } from "./tables";
import type { GoalHeading, UnreadListColumn } from "./types";

type ListRole = "title" | "level" | "id" | "parent" | "assessment";

/**
 * Header keys (as {@link matchKey} makes them) of a goal list's own columns, beside the roles the
 * goal tables' vocabulary gives (headers.ts: `Målnivå` is goalLevel, `Analys` analysis).
 */
const LIST_HEADERS: [RegExp, Exclude<ListRole, "level"> | "bareId"][] = [
  [/^(mal|malnamn|maltitel|malformulering|malbeskrivning|namndmal|enhetsmal)$/, "title"],
  [GOAL_ID_HEADER, "id"],
  [/^(id|nr|nummer)$/, "bareId"],
  [/^(overordnatmal|overordnatmalid|overordnat|overordnadmal|forelder|tillhor)$/, "parent"],
  [/^(bedomning|malbedomning|maluppfyllelse|bedomningmaluppfyllelse|samladbedomning)$/, "assessment"],
];

/** A header cell's text is at most this long (`Bedömning av måluppfyllelse`). */
const MAX_HEADER_TEXT = 40;
/** Texts that may name a goal list's title or assessment column, before keying them. */
export const MAY_NAME_LIST_COLUMN = /^\s*(m[aå]l|bed[oö]m|n[aä]mndm|enhetsm)/i;

/**
 * {@link MAY_NAME_LIST_COLUMN}'s test, without running it on a text whose first character rules it
 * out: a visible ASCII character other than `m`, `b`, `n` or `e` in either case is no space and no
 * start of the words. Every all-text row is tried as a list's header, each of its cells in turn.
 */
export function mayNameListColumn(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 32 && first < 128) {
    const lower = first | 32;
    if (lower !== 109 && lower !== 98 && lower !== 110 && lower !== 101) return false;
  }
  return MAY_NAME_LIST_COLUMN.test(text);
}

/**
 * What a header cell is to a goal list: one of its columns; a bare `Nr`, `Id` or `Nummer` (its id
 * only beside a level or parent column: an action plan numbers its rows so); a note beside them;
 * a table's column; a column no table kind reads (`Ansvarig`, `Status`, `Senast ändrad`), which a
 * list may carry only beside a strong column of its own ({@link isStrong}); or null, a header
 * text too long to be a column's.
 */
type ListColumn = ListRole | "bareId" | "note" | "table" | "other" | null;

/**
 * A header text's column in a goal list. The goal tables' vocabulary (headers.ts) judges first: a
 * column it gives a table's role (`Indikator`, `Mått`, `Resultat`, `Period`) says the row heads an
 * indicator or activity table; `Målnivå` is the level, `Analys` and `Kommentar` are notes.
 */
function listColumn(text: string): ListColumn {
  // An activity's `Status`, a unit's `Åtgärd`: columns no goal list reads, as `Ansvarig` is (an
  // action plan `Målnr | Mål | Åtgärder` is no goal list); an indicator's `Bedömning` is the list's own.
  const read = goalTableRole(text);
  const role =
    read === "status" || read === "assessment" || (read === "comment" && ACTION_KEY.test(matchKey(text)))
      ? null
      : read;
  if (role === "goalLevel") return "level";
  if (role === "analysis" || role === "comment") return "note";
  if (role !== null && role !== "goal") return "table";
  const key = matchKey(text);
  const column = LIST_HEADERS.find(([re]) => re.test(key))?.[1];
  if (column !== undefined) return column;
  // A budget table's column (`Budget`, `Prognos`) heads no goal list; one no table reads may stand beside it.
  return role === null && budgetRole(text) === null ? "other" : "table";
}

/**
 * Whether a list's own columns say it is a goal list even beside columns no table reads (`Ansvarig`,
 * `Status`): a level (`Målnivå`) or parent (`Överordnat mål`) column, or a stated assessment
 * (`Bedömning`) with the goals' ids (`Mål-id`). An action plan (`Nr | Mål | Åtgärd | Ansvarig`)
 * has none of them.
 */
function isStrong(cols: Partial<Record<ListRole, number>>): boolean {
  return (
    cols.level !== undefined ||
    cols.parent !== undefined ||
    (cols.assessment !== undefined && cols.id !== undefined)
  );
}

interface ListHeader {
  /** Grid row index of the header. */
  index: number;
  /** Sheet columns of the header's first and last text cells. */
  firstCol: number;
  lastCol: number;
  /** Sheet columns no table kind reads beside the list's own (`Ansvarig`, `Status`), with their headers. */
  others: { col: number; header: string }[];
  /** Sheet column of the title cell. */
  title: number;
  /** Sheet column of each role's cell. */
  cols: Partial<Record<ListRole, number>>;
}

/**
 * The header a row makes of a goal list: a title column (`Mål`) and at least one of its level
 * (`Målnivå`), id (`Mål-id`), parent (`Överordnat mål`) or stated assessment (`Bedömning`), and
 * no column but these, notes (`Analys`, `Kommentar`) and, beside a level, parent or assessment
 * with id column, columns no table kind reads (`Ansvarig`, `Status`); else null. A row the table
 * recogniser reads as a table's header, or a person declared one (`declared`), is none, nor is one
 * with a column some table kind gives a role (`Indikator`, `Mått`, `Utfall`, `Budget`), nor an
 * action plan's `Nr | Mål | Åtgärd | Ansvarig` (no strong column beside `Åtgärd`).
 */
function listHeader(rows: SheetRows, i: number, declared: ReadonlySet<number>): ListHeader | null {
  if (rows.opening(i) === null) return null;
  const { sheet } = rows;
  if (declared.has(sheet.originRow + i)) return null;
  const values = sheet.values[i];
  let hint = false;
  for (let k = 0; k < values.length && !hint; k++) {
    const v = values[k];
    hint = typeof v === "string" && v.length <= MAX_HEADER_TEXT && mayNameListColumn(v);
  }
  if (!hint) return null;
  const cols: Partial<Record<ListRole, number>> = {};
  let bareId: number | undefined;
  const others: { col: number; header: string }[] = [];
  let firstCol = -1;
  let lastCol = -1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    // A cell of the row's is a string (its opening says so); empty ones are no columns.
    if (typeof v !== "string" || !v.trim()) continue;
    if (firstCol < 0) firstCol = sheet.originCol + k;
    lastCol = sheet.originCol + k;
    const column = v.length > MAX_HEADER_TEXT ? null : listColumn(v);
    if (column === null || column === "table") return null;
    if (column === "note") continue;
    if (column === "other") others.push({ col: sheet.originCol + k, header: cleanText(v) });
    else if (column === "bareId") bareId ??= sheet.originCol + k;
    else cols[column] ??= sheet.originCol + k;
  }
  if (cols.title === undefined) return null;
  if (bareId !== undefined && (cols.level !== undefined || cols.parent !== undefined)) cols.id ??= bareId;
  if (others.length > 0 && !isStrong(cols)) return null;
  // Ids under it make a bare `Nr` the list's ids, but not a strong list: an action plan `Nr | Mål |
  // Åtgärd | Bedömning` numbers its steps `A1`, `A2` (the second review of 7 December).
  if (bareId !== undefined && cols.id === undefined && holdsGoalIds(rows, i, bareId)) cols.id = bareId;
  if (
    cols.level === undefined &&
    cols.id === undefined &&
    cols.parent === undefined &&
    cols.assessment === undefined
  )
    return null;
  if (readHeaderRow(rows, sheet.originRow + i) !== null) return null;
  return { index: i, firstCol, lastCol, others, title: cols.title, cols };
}

const NO_ROWS: ReadonlySet<number> = new Set();

/** A goal's id as a unit writes it (`E1`, `EM 2`, `N3`) or a goal number (`1.3.2`), not a row's `1`. */
const GOAL_ID_VALUE = /^(?:[A-ZÅÄÖ]{1,3}\s?\d{1,3}|\d+(?:\.\d+)+\.?)$/i;

/**
 * Whether most filled cells of the sheet column `col` in the rows under the header at index `i`
 * (down to a blank row) are goal ids (`E1`, `1.3.2`): a bare `Nr` of them is the list's id column,
 * which the indicator tables' `Mål nr` names (the äldreomsorg walk of 7 December), where one of
 * `1`, `2`, `3` numbers an action plan's rows.
 */
function holdsGoalIds(rows: SheetRows, i: number, col: number): boolean {
  const { sheet } = rows;
  let filled = 0;
  let ids = 0;
  for (let j = i + 1; j < sheet.values.length && rows.count(j) > 0; j++) {
    const text = textOf(sheet.values[j]?.[col - sheet.originCol] ?? null).trim();
    if (!text) continue;
    filled++;
    if (GOAL_ID_VALUE.test(text)) ids++;
  }
  return filled > 0 && ids * 2 > filled;
}

/** A goal list of a sheet: its header's first cell and its row's extent, and the goals its rows give. */
export interface GoalList {
  sheet: string;
  /** A1 of the header's first text cell. */
  cell: string;
  /** The header row from its first to its last text cell. */
  range: string;
  goals: GoalHeading[];
  /**
   * Whether the list has a level, id or parent column (`Målnivå`, `Mål-id`, `Överordnat mål`), as a
   * system's export has: a `Mål | Bedömning` table alone is as often a summary of a report's goals.
   */
  exported: boolean;
  /** Its columns no table kind reads that hold values in its goals' rows, which are not read. */
  unread: UnreadListColumn[];
}

/**
 * The goals of the sheet's goal lists: one per visible row with a title, down to the first blank
 * row or a row that heads a table or another list. A row's number is its `Mål-id` when that is one
 * (`1.3.2`, not `E2`), else the number its title starts with; its level is its `Målnivå` cell's,
 * else its number's depth, else a nämndmål's. Its `Mål-id` and `Överordnat mål` cells are kept as
 * written (`listId`, `parentRef`): the model links the parents (model/goals.ts). A list that names
 * one goal twice gives none (nor is it among the lists). `declared`: the sheet rows a person
 * declared a table's header (Läs in).
 */
export function findGoalLists(rows: SheetRows, declared: ReadonlySet<number> = NO_ROWS): GoalList[] {
  const { sheet } = rows;
  const out: GoalList[] = [];
  for (let i = 0; i < sheet.values.length; i++) {
    const header = listHeader(rows, i, declared);
    if (!header) continue;
    const { cols, title: titleCol } = header;
    // A title column headed by a level (`Enhetsmål`, `Nämndmål`) gives its goals that level.
    const titleLevel = levelOfTitleHeader(textOf(sheet.values[i]?.[titleCol - sheet.originCol] ?? null));
    const textAt = (j: number, col: number | undefined): string =>
      col === undefined ? "" : cleanText(stripTags(textOf(sheet.values[j]?.[col - sheet.originCol] ?? null)));
    const list: GoalHeading[] = [];
    let j = i + 1;
    for (; j < sheet.values.length && rows.count(j) > 0; j++) {
      // A table's header (found or declared), or another list's, right under the list ends it.
      const row = sheet.originRow + j;
      if (declared.has(row) || listHeader(rows, j, declared) !== null || readHeaderRow(rows, row) !== null)
        break;
      if (rows.hidden(j)) continue;
      const written = textAt(j, titleCol);
      if (!written) continue;
      const id = textAt(j, cols.id);
      const split = splitNumber(written);
      const number = bareGoalNumber(id) ?? split.number;
      const title = split.title;
      const stated = parseGoalLevel(textAt(j, cols.level));
      const level = stated ?? titleLevel ?? levelOfNumber(number);
      const assessmentText = textAt(j, cols.assessment);
      const assessment = assessmentText ? parseAssessment(assessmentText) : null;
      const parent = textAt(j, cols.parent);
      list.push({
        id: `${sheet.name}!${a1(row, titleCol)}`,
        sheet: sheet.name,
        row,
        col: titleCol,
        level,
        number,
        title,
        assessment,
        assessmentCell:
          assessment !== null && cols.assessment !== undefined ? a1(row, cols.assessment) : null,
        ...(id ? { listId: id } : {}),
        ...(cols.parent !== undefined ? { parentRef: parent } : {}),
      });
    }
    if (list.length > 0 && !namesOneGoalTwice(list)) {
      const headerRow = sheet.originRow + i;
      out.push({
        sheet: sheet.name,
        cell: a1(headerRow, header.firstCol),
        range: a1Range(headerRow, header.firstCol, headerRow, header.lastCol),
        goals: list,
        exported: cols.level !== undefined || cols.id !== undefined || cols.parent !== undefined,
        unread: unreadOthers(rows, header, list, textAt),
      });
    }
    i = j - 1;
  }
  return out;
}

/** The list's columns no table kind reads ({@link ListHeader.others}) that hold values in its goals' rows. */
function unreadOthers(
  rows: SheetRows,
  header: ListHeader,
  list: GoalHeading[],
  textAt: (j: number, col: number | undefined) => string,
): UnreadListColumn[] {
  const out: UnreadListColumn[] = [];
  const { sheet } = rows;
  const headerRow = sheet.originRow + header.index;
  const lastRow = list[list.length - 1].row;
  for (const { col, header: text } of header.others) {
    let filled = 0;
    for (const goal of list) if (textAt(goal.row - sheet.originRow, col)) filled++;
    if (filled === 0) continue;
    out.push({
      sheet: sheet.name,
      cell: a1(headerRow, col),
      range: a1Range(headerRow, col, lastRow, col),
      header: text,
      filled,
    });
  }
  return out;
}

/**
 * Whether rows of a list name one goal twice: the same title at the same level, with the same id
 * and number or none. A table whose rows are actions or measures names the goal each serves (`Nr | Mål |
 * Åtgärd`), so its Mål column repeats; a goal list names each goal once.
 */
function namesOneGoalTwice(list: GoalHeading[]): boolean {
  const seen = new Set<string>();
  for (const goal of list) {
    const key = `${goal.level}\u0000${goal.listId ?? ""}\u0000${goal.number ?? ""}\u0000${matchKey(goal.title)}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** The level a goal list's title column's header names (`Enhetsmål`, `Nämndmål`), or null (`Mål`). */
function levelOfTitleHeader(header: string): "enhetsmal" | "namndmal" | null {
  const key = matchKey(header);
  return key === "enhetsmal" ? "enhetsmal" : key === "namndmal" ? "namndmal" : null;
}
