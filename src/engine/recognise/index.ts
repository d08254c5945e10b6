import type { SheetGrid, WorkbookSnapshot } from "../grid";
import { a1, a1Range, cellAt, columnLetters, lastCol, lastRow, parseA1, parseA1Range, textOf } from "../grid";
import type { ParsedPeriod } from "../parse/period";
import { parsePeriodText } from "../parse/period";
import { matchKey } from "../parse/text";
import type { MappingOverride } from "../state";
import { budgetRole, goalTableRole } from "./headers";
import type { GoalList } from "./goalList";
import { findGoalLists } from "./goalList";
import { findGoalHeadings, headingOnRow } from "./goals";
import { MergedHeaders } from "./mergedHeaders";
import { periodTitleCells } from "./periodTitle";
import { SheetRows } from "./sheetRows";
import { cellAddress, cellValue } from "./tableRow";
import { FIGURE_TEXT, isFigure, readCrossTable } from "./crossTable";
import type { HeaderCandidate } from "./tables";
import {
  buildTable,
  classify,
  idBesideGoal,
  nameColumnOf,
  outcomeInForecastsPlace,
  readHeaderRow,
  rowsFollowHeadings,
  scanRows,
  titleAbove,
} from "./tables";
import { typedColumns } from "./rowFit";
import type { ColumnRole, PeriodCell, RecognisedTable, Recognition, TableType, UnreadHeading } from "./types";
import { COLUMN_ROLES, TABLE_TYPE_LABELS } from "./types";

export { TABLE_TYPE_LABELS };

/** A recognition of nothing: the start of every read, and a model built by hand. */
export function emptyRecognition(): Recognition {
  return {
    tables: [],
    goals: [],
    periodCells: [],
    unrecognised: [],
    leftOut: [],
    hiddenSheets: [],
    unreadGoalLists: [],
    unreadListColumns: [],
    unreadHeadings: [],
    crossTables: [],
  };
}

/**
 * Finds goal headings and goal lists, tables (free-standing and Excel tables), cross tables (amounts
 * totalled both ways, which the model leaves to validation) and period cells in every sheet. A
 * workbook with goal headings reads no goal list: there a `Mål | Bedömning` table is a summary of
 * the headings' goals (its titles may be written otherwise, its Bedömning cells prose), and reading
 * it would write each goal twice: each such list is noted (`unreadGoalLists`).
 */
export function recognise(snapshot: WorkbookSnapshot, mappings: MappingOverride[] = []): Recognition {
  const out = emptyRecognition();
  const lists: GoalList[] = [];
  for (const sheet of snapshot.sheets) {
    if (sheet.values.length === 0) continue;
    const rows = new SheetRows(sheet);
    if (sheet.visibility !== "visible") {
      noteHiddenSheet(rows, mappings, out);
      continue;
    }
    // Loops, not push(...): a sheet can hold more of them than the call stack takes.
    for (const goal of findGoalHeadings(rows, out.unreadHeadings)) out.goals.push(goal);
    for (const list of findGoalLists(rows, declaredHeaderRows(mappings, sheet.name))) lists.push(list);
    const titles = periodTitleCells(rows);
    recogniseTables(rows, mappings, out, sheetPeriod(sheet.name, titles));
    for (const cell of labelledPeriodCells(sheet)) out.periodCells.push(cell);
    for (const cell of titles) out.periodCells.push(cell);
  }
  out.unreadHeadings = out.unreadHeadings.filter((heading) => !readInTableOrList(heading, out.tables, lists));
  const headings = out.goals.length > 0;
  for (const list of lists)
    if (headings) {
      // A summary `Mål | Bedömning` under a report's headings is no list to miss: only an export's is noted.
      const { sheet, cell, range, goals, exported } = list;
      if (exported) out.unreadGoalLists.push({ sheet, cell, range, goals: goals.length });
    } else {
      for (const goal of list.goals) out.goals.push(goal);
      for (const column of list.unread) out.unreadListColumns.push(column);
    }
  for (let t = 0; t < out.tables.length; t++) addPeriodColumnCells(out.tables[t], out.periodCells);
  return out;
}

/**
 * Whether a row that starts as a goal heading is read otherwise: in a table's `Mål` column, as the
 * row's goal (`Mål | Aktivitet | …` with `Enhetsmål: …`), or as a goal list's row. In a table's name
 * column it is no indicator's name but a heading gone unread, and is said.
 */
function readInTableOrList(heading: UnreadHeading, tables: RecognisedTable[], lists: GoalList[]): boolean {
  const at = parseA1(heading.cell);
  const row = at?.row ?? 0;
  for (const table of tables) {
    if (table.sheet !== heading.sheet || row < table.headerRow) continue;
    const column = table.columns.find((c) => c.col === at?.col);
    if (column?.role !== "goal" && column?.role !== "goalLevel" && column?.role !== "goalId") continue;
    const last = table.rows.length ? table.rows[table.rows.length - 1].row : table.headerRow;
    if (row <= last) return true;
  }
  for (const list of lists) {
    if (list.sheet !== heading.sheet) continue;
    const header = parseA1(list.cell)?.row ?? 0;
    const last = list.goals.reduce((max, goal) => Math.max(max, goal.row), header);
    if (row >= header && row <= last) return true;
  }
  return false;
}

/**
 * A sheet the user hid is left out as a hidden row is (neither its goals, tables nor period are
 * read): what a person hides is not the report's. Its tables are found only to say so.
 */
function noteHiddenSheet(rows: SheetRows, mappings: MappingOverride[], out: Recognition): void {
  const found = emptyRecognition();
  recogniseTables(rows, mappings, found);
  if (found.tables.length === 0) return;
  const first = found.tables[0];
  out.hiddenSheets.push({
    sheet: rows.sheet.name,
    veryHidden: rows.sheet.visibility === "veryHidden",
    tables: found.tables.length,
    cell: a1(first.headerRow, first.firstCol),
  });
}

/**
 * The texts of a follow-up table's Period column as period cells, each text at its first row only:
 * a column names the same period on every row, and what a period cell tells (its text, the first
 * cell naming a period) is told by the first. 10 000 rows kept 10 000 cells alive to the end.
 */
function addPeriodColumnCells(table: RecognisedTable, periodCells: PeriodCell[]): void {
  if (table.type !== "indicators-followup") return;
  let k = -1;
  for (let c = 0; c < table.columns.length && k < 0; c++)
    if (table.columns[c].role === "period") k = table.columns[c].col - table.firstCol;
  if (k < 0) return;
  const seen = new Set<string>();
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    const text = textOf(cellValue(row, k));
    if (!text || seen.has(text)) continue;
    seen.add(text);
    periodCells.push({ sheet: table.sheet, cell: cellAddress(row, k), text });
  }
}

function overrideFor(
  mappings: MappingOverride[],
  sheet: string,
  header: HeaderCandidate,
): MappingOverride | undefined {
  if (mappings.length === 0) return undefined;
  const cell = a1(header.row, header.firstCol);
  return mappings.find((m) => m.sheet === sheet && m.headerCell === cell);
}

function forcedRole(override: MappingOverride | undefined, col: number): ColumnRole | null {
  const forced = override?.columns?.[columnLetters(col)];
  return forced && (COLUMN_ROLES as readonly string[]).includes(forced) ? (forced as ColumnRole) : null;
}

function applyColumnOverrides(
  header: HeaderCandidate,
  override: MappingOverride | undefined,
): HeaderCandidate {
  if (!override?.columns) return header;
  const columns = header.columns.map((c) => {
    const forced = forcedRole(override, c.col);
    return forced ? { ...c, role: forced } : c;
  });
  return { ...header, columns };
}

function isTableType(t: string | undefined): t is TableType {
  return t !== undefined && t in TABLE_TYPE_LABELS;
}

const GOAL_FAMILY: TableType[] = ["indicators-followup", "indicators-plan", "activities"];

/** The rows of a sheet where a person declared a table's header (`Läs in`), a table of any type but none. */
function declaredHeaderRows(mappings: MappingOverride[], sheet: string): Set<number> {
  const rows = new Set<number>();
  for (const m of mappings) {
    const row = m.sheet === sheet && isTableType(m.tableType) ? parseA1(m.headerCell)?.row : undefined;
    if (row !== undefined) rows.add(row);
  }
  return rows;
}

/**
 * A header row the person pointed at (`Läs in` → a block they named): its text cells from the
 * stored header cell rightwards, with the roles they chose, else what the vocabulary says. The first
 * column holds the row labels unless another column was named so. The pane shows the same columns
 * before the person saves.
 */
export function declaredHeader(sheet: SheetGrid, override: MappingOverride): HeaderCandidate | null {
  const start = parseA1(override.headerCell);
  if (!start || !isTableType(override.tableType)) return null;
  const row = start.row;
  const family = GOAL_FAMILY.includes(override.tableType) ? "goal" : "budget";
  const vocabulary = family === "goal" ? goalTableRole : budgetRole;
  const columns: HeaderCandidate["columns"] = [];
  for (let c = start.col; c <= lastCol(sheet); c++) {
    const header = textOf(cellAt(sheet, row, c));
    if (!header && !forcedRole(override, c) && c !== start.col) continue;
    columns.push({ col: c, header, role: vocabulary(header) });
  }
  if (family === "goal") pairGoalId(columns);
  for (const column of columns) column.role = forcedRole(override, column.col) ?? column.role;
  if (columns.length === 0) return null;
  if (!columns.some((c) => c.role === "name")) {
    const label = columns.find((c) => c.role === null) ?? columns[0];
    if (label.role !== "ignore") label.role = "name";
  }
  return { row, firstCol: columns[0].col, lastCol: columns[columns.length - 1].col, columns, family };
}

/** {@link idBesideGoal} on a header's columns: `Mål-id` beside `Mål` is the goal's id. */
function pairGoalId(columns: HeaderCandidate["columns"]): void {
  const texts = columns.map((c) => ({ text: c.header }));
  const roles = columns.map((c) => c.role);
  idBesideGoal(texts, roles);
  columns.forEach((c, k) => (c.role = roles[k]));
}

/** Whether a person said the block whose first cell this is is no table (`Det här är ingen tabell`). */
function isIgnoredBlock(mappings: MappingOverride[], sheet: string, cell: string): boolean {
  return (
    mappings.length > 0 &&
    mappings.some((m) => m.tableType === "ignore" && m.sheet === sheet && m.headerCell === cell)
  );
}

function declaredHeaderOnRow(
  sheet: SheetGrid,
  row: number,
  mappings: MappingOverride[],
): HeaderCandidate | null {
  // Asked of nearly every row: without mappings no search (nor its callback) is made.
  if (mappings.length === 0) return null;
  const override = mappings.find(
    (m) => m.sheet === sheet.name && isTableType(m.tableType) && parseA1(m.headerCell)?.row === row,
  );
  return override ? declaredHeader(sheet, override) : null;
}

/** The period a sheet names itself by, in its name (`T2 2021`) or else its title; null for none. */
function sheetPeriod(name: string, titles: readonly PeriodCell[]): ParsedPeriod | null {
  return parsePeriodText(name) ?? (titles.length ? parsePeriodText(titles[0].text) : null);
}

function recogniseTables(
  rows: SheetRows,
  mappings: MappingOverride[],
  out: Recognition,
  ownPeriod: ParsedPeriod | null = null,
): void {
  const { sheet } = rows;
  const claimed: { row1: number; row2: number; col1: number; col2: number }[] = [];

  for (const lo of sheet.listObjects ?? []) {
    const range = parseA1Range(lo.range);
    if (!range) continue;
    claimed.push(range);
    const found = readHeaderRow(rows, range.row1, range.col1, range.col2);
    const headers = headerTexts(sheet, range.row1, range.col1, range.col2);
    const header = found ?? listObjectHeader(sheet, range);
    const override = header ? overrideFor(mappings, sheet.name, header) : undefined;
    if (override?.tableType === "ignore" || isIgnoredBlock(mappings, sheet.name, a1(range.row1, range.col1)))
      continue;
    const mapped = header ? applyColumnOverrides(header, override) : null;
    const title = lo.name;
    const caption = { title, notes: [] };
    const type = isTableType(override?.tableType)
      ? override.tableType
      : mapped
        ? classify(mapped, title, [])
        : null;
    if (!mapped || !type) {
      const cross = readCrossTable(rows, range.row1, range);
      if (cross) {
        if (!isIgnoredBlock(mappings, sheet.name, cross.cell)) out.crossTables.push(cross);
        continue;
      }
      out.unrecognised.push({
        sheet: sheet.name,
        cell: a1(range.row1, range.col1),
        range: lo.range,
        headers,
      });
      continue;
    }
    const scanned = scanRows(rows, mapped, type, range.row2, (h) => applyColumnOverrides(h, override), true);
    out.tables.push(buildTable(sheet, mapped, type, scanned, caption, true));
  }

  const endRow = lastRow(sheet);
  const endCol = lastCol(sheet);
  const merged = new MergedHeaders(sheet);
  /** The header that ended the table before, as its scan read it. */
  let nextHeader: HeaderCandidate | null = null;
  /** The sheet's last indicator table, as read, with its header's corrections: it may go on below. */
  let indicators: { table: RecognisedTable; header: HeaderCandidate; corrected: Corrected } | null = null;
  for (let r = sheet.originRow; r <= endRow; r++) {
    if (claimed.length > 0 && claimed.some((c) => r >= c.row1 && r <= c.row2)) continue;
    const found =
      merged.read(r, endCol) ??
      (nextHeader?.row === r ? nextHeader : readHeaderRow(rows, r)) ??
      declaredHeaderOnRow(sheet, r, mappings);
    if (!found && indicators && goesOnUnderHeadings(rows, r, indicators.header, endRow)) {
      // A unit's sheet under one header, another table (its activities) between its goals' rows.
      const { table, header, corrected } = indicators;
      const scanned = scanRows(rows, header, table.type, endRow, corrected, false, r);
      joinRows(table, scanned);
      for (const row of scanned.leftOut) out.leftOut.push(row);
      r = Math.max(r, scanned.lastRow);
      nextHeader = scanned.nextHeader;
      continue;
    }
    if (!found) {
      // A table of amounts totalled both ways (002's pandemic costs): its sums are checked, no more.
      const cross = readCrossTable(rows, r);
      if (cross) {
        // Where a person said it is no table (`Det här är ingen tabell`), its sums are not checked.
        if (!isIgnoredBlock(mappings, sheet.name, cross.cell)) out.crossTables.push(cross);
        r = cross.lastRow;
        continue;
      }
      const suspicious = looksLikeHeader(rows, r);
      if (suspicious && !isIgnoredBlock(mappings, sheet.name, suspicious.cell))
        out.unrecognised.push(suspicious);
      continue;
    }
    const override = overrideFor(mappings, sheet.name, found);
    if (override?.tableType === "ignore") continue;
    const header = applyColumnOverrides(found, override);
    const caption = titleAbove(rows, r, header.columns[0].header);
    // Only a budget table is told by its first labels (`Investeringar`).
    const firstLabels =
      header.family === "budget"
        ? [1, 2].map((d) => textOf(cellAt(sheet, header.row + d, header.firstCol)))
        : NO_LABELS;
    const type = isTableType(override?.tableType)
      ? override.tableType
      : classify(header, caption.title, firstLabels, ownPeriod);
    if (!type) {
      out.unrecognised.push({
        sheet: sheet.name,
        cell: a1(r, header.firstCol),
        range: a1Range(r, header.firstCol, r, header.lastCol),
        headers: header.columns.map((c) => c.header),
      });
      continue;
    }
    // A repeated header (page break) is read with the same corrections, so the table goes on.
    const corrected: Corrected = (h) => applyColumnOverrides(h, override);
    const scanned = scanRows(rows, header, type, endRow, corrected);
    const table = buildTable(sheet, header, type, scanned, caption, false);
    out.tables.push(table);
    // Only the unit's activities come between its goals' rows: past any other table none is resumed.
    if (type === "indicators-followup" || type === "indicators-plan")
      indicators = { table, header, corrected };
    else if (type !== "activities") indicators = null;
    for (const row of scanned.leftOut) out.leftOut.push(row);
    r = Math.max(r, scanned.lastRow);
    nextHeader = scanned.nextHeader;
  }
}

const NO_LABELS: readonly string[] = [];

type Corrected = (repeated: HeaderCandidate) => HeaderCandidate;

/** Whether the indicator table under `header` goes on at `row`: a goal heading with its rows after it. */
function goesOnUnderHeadings(rows: SheetRows, row: number, header: HeaderCandidate, endRow: number): boolean {
  if (!headingOnRow(rows, row - rows.sheet.originRow)) return false;
  const typed = typedColumns(header.columns);
  return typed.length > 0 && rowsFollowHeadings(rows, row, header, nameColumnOf(header).col, typed, endRow);
}

/** Adds the rows a table's later stretch read (see goesOnUnderHeadings) to the table. */
function joinRows(table: RecognisedTable, scanned: ReturnType<typeof scanRows>): void {
  // Loops, not push(...): a stretch can hold more rows than the call stack takes.
  for (const row of scanned.rows) table.rows.push(row);
  for (const row of scanned.repeatedHeaderRows) table.repeatedHeaderRows.push(row);
  if (scanned.hiddenRows.length) table.hiddenRows = [...(table.hiddenRows ?? []), ...scanned.hiddenRows];
}

function headerTexts(sheet: SheetGrid, row: number, col1: number, col2: number): string[] {
  const out: string[] = [];
  for (let c = col1; c <= col2; c++) out.push(textOf(cellAt(sheet, row, c)));
  return out;
}

/** An Excel table whose first column isn't a known label: map what can be mapped, first column as name. */
function listObjectHeader(
  sheet: SheetGrid,
  range: { row1: number; col1: number; row2: number; col2: number },
): HeaderCandidate | null {
  const columns = [];
  for (let c = range.col1; c <= range.col2; c++) {
    const header = textOf(cellAt(sheet, range.row1, c));
    const role = goalTableRole(header) ?? budgetRole(header);
    columns.push({ col: c, header, role: c === range.col1 && !role ? ("name" as ColumnRole) : role });
  }
  pairGoalId(columns);
  const mapped = columns.filter((c) => c.role && c.role !== "name").length;
  if (mapped < 2) return null;
  const family = columns.some((c) => c.role && ["budget", "adjustments", "budgetDeviation"].includes(c.role))
    ? "budget"
    : "goal";
  const header: HeaderCandidate = {
    row: range.row1,
    firstCol: range.col1,
    lastCol: range.col2,
    columns,
    family,
  };
  return family === "budget" ? outcomeInForecastsPlace(header) : header;
}

/** Words that start a column header in follow-up and ledger tables (`Konto | Benämning | Belopp` too). */
const HEADER_WORDS =
  /^(indikator|aktivitet|mnkr|tkr|arsmal|utfall|prognos|budget|avvikelse|kfsarsmal|period|startdatum|slutdatum|konto|benamning|belopp|kostnad|intakt|ansvar|verksamhet)/;

/**
 * A row of short texts where some name a known column, with data under it, that isn't a known table;
 * or a title and a unit over amounts ({@link amountsUnderUnit}).
 */
function looksLikeHeader(rows: SheetRows, row: number): Recognition["unrecognised"][number] | null {
  const { sheet } = rows;
  // Fewer than two cells with text can't hold two texts: most rows end here, with nothing built.
  if (rows.count(row - sheet.originRow) < 2) return null;
  const texts: { col: number; text: string }[] = [];
  const to = lastCol(sheet);
  for (let c = sheet.originCol; c <= to; c++) {
    const v = cellAt(sheet, row, c);
    if (typeof v !== "string") continue;
    const t = textOf(v);
    if (t) texts.push({ col: c, text: t });
  }
  if (texts.length < 2 || texts.some((t) => t.text.length > 120)) return null;
  if (texts.length === 2) {
    if (!amountsUnderUnit(sheet, row, texts[0].col, texts[1])) return null;
  } else if (texts.filter((t) => HEADER_WORDS.test(matchKey(t.text))).length >= 2) {
    let dataBelow = 0;
    for (let c = sheet.originCol; c <= to; c++) if (textOf(cellAt(sheet, row + 1, c))) dataBelow++;
    if (dataBelow < 2) return null;
  } else {
    // A header of words: a row of figures written as text is data, not a header.
    const words = texts.filter((t) => !FIGURE_TEXT.test(t.text));
    if (words.length < 3 || !figuresBelow(sheet, row, texts)) return null;
  }
  return {
    sheet: sheet.name,
    cell: a1(row, texts[0].col),
    range: a1Range(row, texts[0].col, row, texts[texts.length - 1].col),
    headers: texts.map((t) => t.text),
  };
}

/**
 * Rows of figures under a header of texts naming no known column (`Område | Hemtjänst | Fsk | …`
 * with no total column, else it is a cross table): within the three rows under it, two that each
 * hold figures in at least two of the header's columns (a label row may stand between).
 */
function figuresBelow(sheet: SheetGrid, row: number, header: { col: number }[]): boolean {
  let rowsWithFigures = 0;
  for (let r = row + 1; r <= row + 3 && rowsWithFigures < 2; r++) {
    let figures = 0;
    for (const { col } of header) if (isFigure(cellAt(sheet, r, col))) figures++;
    if (figures >= 2) rowsWithFigures++;
  }
  return rowsWithFigures >= 2;
}

/** A column header that is a unit of amounts alone. */
const AMOUNT_UNIT = /^(mnkr|mkr|tkr|kr)$/;

/**
 * A title and a unit over amounts (`STATSBIDRAG - PANDEMIN | | Mnkr`, 002 lines 1984–1986): the
 * second text is a unit alone, and each of the two rows under it has a label under the title and a
 * figure under the unit.
 */
function amountsUnderUnit(
  sheet: SheetGrid,
  row: number,
  labelCol: number,
  unit: { col: number; text: string },
): boolean {
  if (!AMOUNT_UNIT.test(matchKey(unit.text))) return false;
  for (let r = row + 1; r <= row + 2; r++) {
    const label = cellAt(sheet, r, labelCol);
    if (typeof label !== "string" || !textOf(label) || isFigure(label)) return false;
    if (!isFigure(cellAt(sheet, r, unit.col))) return false;
  }
  return true;
}

/** `Period` / `Period:` label cells with the period in the next cell (`Period | Tertial 2 2021`). */
function labelledPeriodCells(sheet: SheetGrid): PeriodCell[] {
  const out: PeriodCell[] = [];
  const rows = Math.min(sheet.values.length, 60);
  for (let i = 0; i < rows; i++) {
    const row = sheet.values[i];
    for (let k = 0; k < row.length - 1; k++) {
      const key = matchKey(textOf(row[k]));
      if (key !== "period" && key !== "rapportperiod" && key !== "uppfoljningsperiod") continue;
      const text = textOf(row[k + 1]);
      if (text) out.push({ sheet: sheet.name, cell: a1(sheet.originRow + i, sheet.originCol + k + 1), text });
    }
  }
  return out;
}
