import type { CellValue, SheetGrid } from "../grid";
import { a1, a1Range, cellAt, formatAt, hasText, isExcelError, lastCol, parseA1Range, textOf } from "../grid";
import type { ParsedPeriod } from "../parse/period";
import { parsePeriodText, yearOf } from "../parse/period";
import { parseNumberText } from "../parse/quantity";
import { parseTargetCell } from "../parse/target";
import { parseDateCell } from "../parse/date";
import { cleanText, matchKey } from "../parse/text";
import {
  amountUnitIn,
  amountUnitOf,
  budgetRole,
  goalTableRole,
  headerKey,
  isAssignmentKey,
  isYearTarget,
  mayOpenHeader,
  namesOutcomePeriod,
  outcomeTertial,
  isTertialOutcomeOf,
  unreadOutcomeTertial,
} from "./headers";
import { headingOnRow, matchHeading } from "./goals";
import { misfits, typedColumns } from "./rowFit";
import type { SheetRows } from "./sheetRows";
import { mostOfColumn, TableRow, TableSpan } from "./tableRow";
import type {
  ColumnRole,
  GroupRow,
  HiddenRow,
  LeftOutRow,
  RecognisedColumn,
  RecognisedRow,
  RecognisedTable,
  TableType,
} from "./types";

export interface HeaderCandidate {
  row: number;
  firstCol: number;
  lastCol: number;
  columns: RecognisedColumn[];
  family: "goal" | "budget";
}

export const MAX_HEADER_CELL = 300;

/** The longest label a budget table's group row holds (`Stöd och service till personer med funktionsnedsättning`). */
const GROUP_LABEL_LENGTH = 60;

/**
 * Reads a row (from `colFrom` to `colTo`, else all of it) as a header of an indicator/activity
 * table or of a budget table, or null.
 */
export function readHeaderRow(
  rows: SheetRows,
  row: number,
  colFrom?: number,
  colTo?: number,
): HeaderCandidate | null {
  const { sheet } = rows;
  const from = colFrom ?? sheet.originCol;
  const to = colTo ?? lastCol(sheet);
  const values = sheet.values[row - sheet.originRow];
  if (!values) return null;
  // Every row of a table is tried as a repeated header: most are rejected without building
  // anything (a header holds only text, and its first text starts a header).
  if (colFrom === undefined) {
    const opening = rows.opening(row - sheet.originRow);
    if (opening === null) return null;
    // A header's cells are short (the loop below refuses a longer one): a long text, an analysis
    // repeated down a column, is not scanned for a key once per row.
    if (opening.length > MAX_HEADER_CELL && textOf(opening).length > MAX_HEADER_CELL) return null;
    // Its key ignores spaces, so the first text is judged untrimmed (a trimmed copy per row is garbage).
    if (!mayOpenHeader(opening)) return null;
  }
  let texts = 0;
  let first = "";
  let firstCol = 0;
  for (let c = from; c <= to; c++) {
    const v = values[c - sheet.originCol];
    if (typeof v !== "string") continue;
    const text = textOf(v);
    if (!text) continue;
    if (text.length > MAX_HEADER_CELL) return null;
    if (texts++ === 0) {
      first = text;
      firstCol = c;
      if (!startsHeader(first))
        return colFrom === undefined ? blankLabelsHeader(rows, row, firstCol, to) : null;
    }
  }
  if (texts < 2) return null;
  // A sheet repeats its headers for each goal's tables: a row with a known header's texts is that header.
  const known = colFrom === undefined ? knownHeaders(rows) : null;
  const last = known?.get(first);
  if (last && repeatsTexts(values, sheet.originCol, from, to, last.cells)) return { ...last.header, row };
  const cells: { col: number; text: string }[] = [];
  for (let c = from; c <= to; c++) {
    const v = cellAt(sheet, row, c);
    if (typeof v !== "string") continue;
    const text = textOf(v);
    if (text) cells.push({ col: c, text });
  }
  const header = headerFromCells(row, cells);
  if (header && known) known.set(first, { cells, header });
  return header;
}

/** Rows under a blank labels' header that must hold a label, of the first few (see blankLabelsHeader). */
const LABELS_UNDER_BLANK = 2;
/** How far down a blank labels' header's rows are searched for a label of money. */
const MONEY_LABEL_ROWS = 12;
/** A label of a budget's line, as matchKey reads it; a cost per unit (`Kostnad per barn`) is a key figure. */
function isMoneyLabel(key: string): boolean {
  return MONEY_LABEL.test(key) && !PER_UNIT.test(key);
}
const PER_UNIT = /per(barn|elev|invanare|brukare|plats|dygn|arsarbetare|timme|besok|hushall)/;
/** Labels of a budget's lines (`Intäkter`, `Personalkostnader`, `Netto`), as matchKey reads them. */
const MONEY_LABEL =
  /^(intakt|kostnad|personalkostnad|lokalkostnad|ovrigakostnad|summa|totalt?$|netto|resultat|bidrag|avgift|lon|hyra)/;

/**
 * A budget table whose labels' column has no header (`` | `Budget 2021` | `Prognos helår` |
 * `Avvikelse`, the labels `Intäkter`, `Personalkostnader` … under the blank): the row's texts
 * from `firstCol` on are two or more amounts' headers, the cell left of them is empty, and of the
 * three rows under it the first and another hold a label there beside an amount, and a label of
 * money (`Intäkter`, `Personalkostnader`, `Netto`) is among the rows: key figures (`Antal barn`)
 * against a budget are no budget. Null otherwise.
 */
function blankLabelsHeader(
  rows: SheetRows,
  row: number,
  firstCol: number,
  to: number,
): HeaderCandidate | null {
  const { sheet } = rows;
  const labelCol = firstCol - 1;
  if (labelCol < sheet.originCol || hasText(cellAt(sheet, row, labelCol))) return null;
  if (budgetRole(textOf(cellAt(sheet, row, firstCol))) === null) return null;
  const cells: { col: number; text: string }[] = [{ col: labelCol, text: "" }];
  for (let c = firstCol; c <= to; c++) {
    const v = cellAt(sheet, row, c);
    if (v === null || v === undefined || v === "") continue;
    if (typeof v !== "string" || textOf(v).length > MAX_HEADER_CELL) return null;
    if (textOf(v)) cells.push({ col: c, text: textOf(v) });
  }
  const roles = cells.map((c, i) => (i === 0 ? "name" : budgetRole(c.text)));
  if (roles.filter((r) => r && r !== "name").length < 2) return null;
  const labelledAt = (r: number): boolean => {
    const label = cellAt(sheet, r, labelCol);
    return (
      typeof label === "string" &&
      hasText(label) &&
      !isNumericCell(label) &&
      amountUnitOf(label) === null &&
      isNumericCell(cellAt(sheet, r, firstCol))
    );
  };
  // The first row under the header is one (not a second header row, `Mnkr | 2021 | helår`).
  if (!labelledAt(row + 1)) return null;
  let labelled = 0;
  for (let r = row + 1; r <= row + 3; r++) if (labelledAt(r)) labelled++;
  if (labelled < LABELS_UNDER_BLANK) return null;
  // Money, not key figures (`Antal barn`, `Kostnad per barn` against a budget are left to interpret).
  let money = false;
  for (let r = row + 1; r <= row + MONEY_LABEL_ROWS && !money; r++)
    money = isMoneyLabel(matchKey(textOf(cellAt(sheet, r, labelCol))));
  if (!money) return null;
  return outcomeInForecastsPlace(earlierYearsForecast(candidate(row, cells, roles, "budget")));
}

interface KnownHeader {
  cells: { col: number; text: string }[];
  header: HeaderCandidate;
}

/**
 * Per sheet, the header {@link readHeaderRow} read last for each first text, with the texts it was
 * read from. Tables that repeat it share its columns (nothing changes a header's columns once read).
 */
const headersBySheet = new WeakMap<SheetRows, Map<string, KnownHeader>>();

function knownHeaders(rows: SheetRows): Map<string, KnownHeader> {
  let known = headersBySheet.get(rows);
  if (!known) headersBySheet.set(rows, (known = new Map()));
  return known;
}

/** Whether a row's texts from column `from` to `to` are `cells`' texts, in their columns. */
function repeatsTexts(
  values: CellValue[],
  originCol: number,
  from: number,
  to: number,
  cells: { col: number; text: string }[],
): boolean {
  let j = 0;
  for (let c = from; c <= to; c++) {
    const v = values[c - originCol];
    if (typeof v !== "string") continue;
    const text = textOf(v);
    if (!text) continue;
    if (j >= cells.length || cells[j].col !== c || cells[j].text !== text) return false;
    j++;
  }
  return j === cells.length;
}

/** Whether a header's first text can open one: a name or Mål column, or a budget table's label column. */
function startsHeader(text: string): boolean {
  if (!mayOpenHeader(text)) return false;
  const goal = goalTableRole(text);
  return (
    goal === "name" ||
    isGoalColumn(goal) ||
    budgetLabel(text) ||
    isRowNumberHeader(text) ||
    ACCOUNT_HEADER.test(headerKey(text))
  );
}

/**
 * Header keys of a unit's account numbers before its budget labels (`Konto | Benämning | Budget
 * 2026 …`, the äldreomsorg walk of 7 December): passed over as a column of row numbers is.
 */
const ACCOUNT_HEADER = /^(konto|kontonr|kontonummer|kto)$/;

/** A column before a flat sheet's name column: the goal (`Mål`) or its level (`Målnivå`). */
export function isGoalColumn(role: ColumnRole | null): boolean {
  return role === "goal" || role === "goalLevel";
}

/** A budget table's first column: its label column, or the amounts' unit (`Mnkr`, `Tkr, netto`). */
function budgetLabel(text: string): boolean {
  return amountUnitOf(text) !== null || budgetRole(text) === "name";
}

/** The header that header texts (in column order, each with its sheet column) make, or null. */
export function headerFromCells(row: number, cells: { col: number; text: string }[]): HeaderCandidate | null {
  if (cells.length < 2) return null;
  const goal = goalHeader(row, cells);
  if (goal) return goal;
  // A column of row numbers first (`Nr | Verksamhet | Budget …`) is passed over, as in a goal table,
  // and so is one of account numbers before the labels (`Konto | Benämning | Budget …`).
  const numbered =
    isRowNumberHeader(cells[0].text) ||
    (ACCOUNT_HEADER.test(headerKey(cells[0].text)) && budgetLabel(cells[1].text))
      ? 1
      : 0;
  if (!budgetLabel(cells[numbered].text)) return null;
  const budgetRoles = cells.map((c, i) =>
    i < numbered ? "ignore" : i === numbered ? "name" : budgetRole(c.text),
  );
  if (budgetRoles.filter((r) => r && r !== "name" && r !== "ignore").length >= 2) {
    return outcomeInForecastsPlace(earlierYearsForecast(candidate(row, cells, budgetRoles, "budget")));
  }
  return null;
}

/** The most goal columns before a flat sheet's name column: `Målnivå | Mål-id | Mål`. */
const MAX_GOAL_COLUMNS = 3;

/**
 * Header keys of a column that numbers a table's rows (`Nr`, `Löpnr`, `#`), which a unit's own
 * table often has first: it holds no figure of the row and is passed over (`ignore`). Not `Id`: a
 * goal's or an indicator's id may be meant.
 */
const ROW_NUMBER_HEADER = /^(nr|nummer|lopnr|lopnummer|radnr)$/;

/** Whether a header heads a column of row numbers (see ROW_NUMBER_HEADER). */
export function isRowNumberHeader(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === "#" || ROW_NUMBER_HEADER.test(headerKey(trimmed));
}

/**
 * An indicator or activity table's header: a name column, in flat sheets after at most three Mål
 * columns (its level and id among them) or a column of row numbers, and at least one further known
 * column.
 */
function goalHeader(row: number, cells: { col: number; text: string }[]): HeaderCandidate | null {
  let nameAt = -1;
  const rowNumbers: number[] = [];
  for (let i = 0; i < cells.length && i <= MAX_GOAL_COLUMNS; i++) {
    const role = goalTableRole(cells[i].text);
    if (role === "name") {
      nameAt = i;
      break;
    }
    if (role === null && i === 0 && isRowNumberHeader(cells[i].text)) rowNumbers.push(i);
    else if (!isGoalColumn(role)) return null;
  }
  if (nameAt < 0) return null;
  const goalRoles = cells.map((c) => goalTableRole(c.text));
  for (const k of rowNumbers) goalRoles[k] = "ignore";
  idBesideGoal(cells, goalRoles);
  lastYearsWhole(cells, goalRoles);
  if (!goalRoles.includes("outcome")) tertialOutcomes(cells, goalRoles);
  latestYearIsOutcome(cells, goalRoles);
  // A `Status` (or `Bedömning`) alone beside the names is an action plan's (`Nr | Aktivitet | Ansvarig |
  // Status`), no table.
  if (
    !goalRoles.some(
      (r, k) => r !== null && r !== "ignore" && r !== "status" && r !== "assessment" && k !== nameAt,
    )
  )
    return null;
  // Key figures against a budget (`Nyckeltal | Utfall jan–aug | Budget jan–aug | Avvikelse`) are no
  // indicators without a target: each would be told to set an Årsmål. The block is left to interpret.
  if (
    !goalRoles.includes("target") &&
    !goalRoles.includes("kfTarget") &&
    cells.some((c) => headerKey(c.text).startsWith("budget"))
  )
    return null;
  return candidate(row, cells, goalRoles, "goal");
}

/**
 * Of outcome columns that each name a year (`Utfall jan–aug 2020 | Utfall jan–aug 2021`), the latest
 * year's is the outcome, and an earlier one the previous period's (the first column took the role
 * before, and last year's figure was judged). Where one alone names none (`Utfall april | Utfall
 * april 2020`), it is this year's and the latest dated one the previous. Changes `roles` in place.
 */
function latestYearIsOutcome(cells: readonly { text: string }[], roles: (ColumnRole | null)[]): void {
  const outcomes: { k: number; year: number }[] = [];
  let undated = -1;
  for (let k = 0; k < cells.length; k++) {
    if (roles[k] !== "outcome") continue;
    const year = yearOf(cells[k].text);
    if (year !== null) outcomes.push({ k, year });
    else if (undated >= 0) return;
    else undated = k;
  }
  if (outcomes.length < (undated >= 0 ? 1 : 2)) return;
  const latest = Math.max(...outcomes.map((o) => o.year));
  if (undated >= 0) {
    // `Utfall 2021` beside `Utfall april` may be this year's whole: not where the undated one
    // names its months or tertial and a dated one names none (`Utfall 2020 | Utfall` stays read so).
    if (
      namesOutcomePeriod(cells[undated].text) &&
      outcomes.some(({ k }) => !namesOutcomePeriod(cells[k].text))
    )
      return;
    let taken = roles.includes("previous");
    for (const { k, year } of outcomes) {
      roles[k] = !taken && year === latest ? "previous" : null;
      if (roles[k] === "previous") taken = true;
    }
    return;
  }
  for (const { k, year } of outcomes)
    if (year < latest) roles[k] = roles.includes("previous") ? null : "previous";
}

/**
 * A dated whole year's outcome (`Utfall helår 2020`) beside another outcome of a part of the year
 * (`Utfall jan–aug`, `Utfall T2 2021`, `Utfall tertial 2`) of a later year or none is last year's
 * whole: unread, as before the whole year's words were read, so the other is judged. Beside a part
 * of its own year (`Utfall T2 2021 | Utfall helår 2021`) the year is over: it is the outcome, and
 * an outcome of the part is not read. Changes `roles` in place.
 */
function lastYearsWhole(cells: readonly { text: string }[], roles: (ColumnRole | null)[]): void {
  const wholeYear = (k: number) => WHOLE_YEAR_OUTCOME.test(headerKey(cells[k].text));
  const yearAt = (k: number) => yearOf(cells[k].text);
  // The period's by its name (`Periodens utfall`, `Utfall`) or by its months or tertial, dated or not.
  const parts: number[] = [];
  for (let k = 0; k < cells.length; k++) {
    const role = roles[k];
    if (
      (role === "outcome" && !wholeYear(k) && yearAt(k) === null) ||
      ((role === "outcome" || role === "previous") && namesOutcomePeriod(cells[k].text))
    )
      parts.push(k);
  }
  if (parts.length === 0) return;
  for (let k = 0; k < cells.length; k++) {
    const year = roles[k] === "outcome" && wholeYear(k) ? yearAt(k) : null;
    if (year === null) continue;
    if (parts.some((p) => (yearAt(p) ?? Infinity) > year)) roles[k] = null;
    else for (const p of parts) if (yearAt(p) === year && roles[p] === "outcome") roles[p] = null;
  }
}

/** Header keys of an outcome of the whole year (`Resultat helår`, `Helårsutfall`, `Årsutfall`). */
const WHOLE_YEAR_OUTCOME = /helar|^(helars|ars)(utfall|resultat)$/;

/** Header keys of a goal's id column (`Mål-id`, `Målnr`): the goal column alone, its id beside a `Mål` column. */
export const GOAL_ID_HEADER = /^(malid|malnr|malnummer)$/;

/**
 * A goal's id column (`Mål-id`) beside its title column (`Mål`), both of which the vocabulary calls
 * the goal's: the id column is `goalId`, the same goal's id, so the title is read too (not left
 * unread as a second goal column) and the row links by the id first. Alone the id column stays the
 * goal column. Changes `roles` (the vocabulary's, one per header in `cells`) in place.
 */
export function idBesideGoal(cells: readonly { text: string }[], roles: (ColumnRole | null)[]): void {
  let id = -1;
  let title = false;
  for (let k = 0; k < cells.length; k++) {
    if (roles[k] !== "goal") continue;
    if (id < 0 && GOAL_ID_HEADER.test(headerKey(cells[k].text))) id = k;
    else if (!GOAL_ID_HEADER.test(headerKey(cells[k].text))) title = true;
  }
  if (id >= 0 && title) roles[id] = "goalId";
}

/**
 * Outcomes named by their tertial (`Periodens utfall T1 2022 | Periodens utfall T1 2021`) in a header
 * without the period's own outcome column: the latest is the outcome, the one before it the previous
 * period, by year and tertial, whatever their order. A lone one is left unread: its header alone
 * cannot say whether it is this period's (the model reads it when the period says so, periodOutcome.ts).
 */
function tertialOutcomes(cells: { text: string }[], roles: (ColumnRole | null)[]): void {
  const tertials: { k: number; order: number }[] = [];
  for (let k = 0; k < cells.length; k++) {
    const order = roles[k] === "previous" ? tertialOrder(cells[k].text) : null;
    if (order !== null) tertials.push({ k, order });
  }
  tertials.sort((a, b) => b.order - a.order);
  if (tertials.length === 1) roles[tertials[0].k] = null;
  if (tertials.length < 2) return;
  tertials.forEach((t, i) => (roles[t.k] = i === 0 ? "outcome" : i === 1 ? "previous" : null));
}

/** `Periodens utfall T1 2021` → 2021 × 10 + 1; null for a header that names no tertial. */
function tertialOrder(header: string): number | null {
  const tertial = outcomeTertial(header);
  if (tertial === null) return null;
  return (yearOf(header) ?? 0) * 10 + tertial;
}

/**
 * At year-end a budget table is `Budget | Utfall | Avvikelse`: with no forecast column, the
 * outcome (`Utfall`, `Bokslut`) is what the deviation is measured against, so it takes the
 * forecast's role and the deviation is recomputed like any other.
 */
export function outcomeInForecastsPlace(header: HeaderCandidate): HeaderCandidate {
  const { columns } = header;
  const hasForecast =
    hasRole(columns, "forecastAfterTransfers") || hasRole(columns, "forecastBeforeTransfers");
  if (hasForecast || !hasRole(columns, "budget") || !hasRole(columns, "budgetDeviation")) return header;
  // Not an outcome of a year before the budget's (`Utfall 2025` beside `Budget 2027`): a plan's history.
  const budgetYear = budgetColumnYear(header.columns);
  const outcome = header.columns.find(
    (c) =>
      c.role === "amount" &&
      isOutcomeHeader(c.header) &&
      (budgetYear === null || (yearOf(c.header) ?? budgetYear) >= budgetYear),
  );
  if (!outcome) return header;
  return {
    ...header,
    columns: header.columns.map((c) => (c === outcome ? { ...c, role: "forecastAfterTransfers" } : c)),
  };
}

/** The year the budget column's header names (`Budget 2027`), or null. */
function budgetColumnYear(columns: readonly RecognisedColumn[]): number | null {
  const budget = columns.find((c) => c.role === "budget");
  return budget ? yearOf(budget.header) : null;
}

/**
 * A forecast column naming a year before the budget column's (`Budget 2027 | Budget 2026 | Prognos
 * helår 2026 (T2)` in a plan) is last year's forecast, an amount beside the budget: measured against
 * this year's budget it gave a "large deviation" on every row of a plan.
 */
function earlierYearsForecast(header: HeaderCandidate): HeaderCandidate {
  const budgetYear = budgetColumnYear(header.columns);
  if (budgetYear === null) return header;
  const earlier = (c: RecognisedColumn): boolean =>
    (c.role === "forecastAfterTransfers" || c.role === "forecastBeforeTransfers") &&
    (yearOf(c.header) ?? budgetYear) < budgetYear;
  if (!header.columns.some(earlier)) return header;
  return { ...header, columns: header.columns.map((c) => (earlier(c) ? { ...c, role: "amount" } : c)) };
}

/** `Utfall 2021`, `Utfall helår`, `Bokslut 2021`: a column holding the year's outcome. */
export function isOutcomeHeader(header: string): boolean {
  return /^(utfall|bokslut)/.test(headerKey(header));
}

function candidate(
  row: number,
  cells: { col: number; text: string }[],
  roles: (ColumnRole | null)[],
  family: "goal" | "budget",
): HeaderCandidate {
  const columns: RecognisedColumn[] = [];
  for (let i = 0; i < cells.length; i++) {
    let role = roles[i];
    // A role taken by a column before: a further amount in a budget table, else unread.
    if (role && role !== "amount" && role !== "ignore" && hasRole(columns, role))
      role = family === "budget" ? "amount" : null;
    columns.push({ col: cells[i].col, header: cells[i].text, role });
  }
  return { row, firstCol: cells[0].col, lastCol: cells[cells.length - 1].col, columns, family };
}

/** A table's name (labels') column: the one with the role, else its first. */
export function nameColumnOf(header: { columns: readonly RecognisedColumn[] }): RecognisedColumn {
  return header.columns.find((c) => c.role === "name") ?? header.columns[0];
}

/** Whether a column has the role (a loop, not a Set: a header has a handful of columns, and a sheet hundreds of headers). */
function hasRole(columns: RecognisedColumn[], role: ColumnRole): boolean {
  for (let c = 0; c < columns.length; c++) if (columns[c].role === role) return true;
  return false;
}

/** Decides what a table is from its columns, its first header cell and its title. */
export function classify(
  header: HeaderCandidate,
  title: string,
  firstLabels: readonly string[],
  sheetPeriod: ParsedPeriod | null = null,
): TableType | null {
  const has = (role: ColumnRole): boolean => hasRole(header.columns, role);
  const nameColumn = nameColumnOf(header);
  const firstKey = matchKey(nameColumn.header);
  if (header.family === "goal") {
    if (firstKey.startsWith("aktivitet") || isAssignmentKey(firstKey)) return "activities";
    if (
      has("outcome") ||
      has("forecast") ||
      has("outcomeMen") ||
      has("previous") ||
      // A plan may show last autumn's tertial beside its targets: its Periodicitet says it is a plan,
      // unless the sheet is named for that very tertial (`Utfall T2 2021` on the sheet `T2 2021`).
      (tertialOutcomeUnread(header) &&
        (has("period") || !has("periodicity") || outcomeOfSheetPeriod(header, sheetPeriod)))
    )
      return "indicators-followup";
    if (has("target") || has("kfTarget") || has("periodicity")) return "indicators-plan";
    return null;
  }
  if (has("grossBudget") || has("carryOverTo")) return "resultatenheter";
  const context = matchKey(`${title} ${nameColumn.header}`);
  if (context.includes("investering") || firstLabels.some((l) => matchKey(l).includes("investering")))
    return "investeringar";
  if (has("changes")) return "driftbudget-namnd";
  if (has("forecastBeforeTransfers") && has("forecastAfterTransfers")) return "driftbudget-omrade";
  const vpColumns = header.columns.filter((c) => headerKey(c.header).startsWith("vp"));
  if (vpColumns.length > 0) return "driftbudget-vp";
  if (has("budget")) return "budget-other";
  return null;
}

/** Whether an unread tertial outcome column is of the tertial (and year) the sheet names itself by. */
function outcomeOfSheetPeriod(header: HeaderCandidate, period: ParsedPeriod | null): boolean {
  const kind = period?.kind;
  if (kind !== "T1" && kind !== "T2") return false;
  return header.columns.some((c) => isTertialOutcomeOf(c, kind, period?.year ?? null));
}

/** An outcome named by its tertial (`Utfall T2`) and left unread: the model reads it once the period says whose it is. */
function tertialOutcomeUnread(header: HeaderCandidate): boolean {
  return header.columns.some((c) => unreadOutcomeTertial(c) !== null);
}

const MAX_BLANK_RUN = 3;
const PROSE_LENGTH = 90;

function isNumericCell(v: CellValue): boolean {
  if (typeof v === "number") return true;
  if (typeof v !== "string") return false;
  return parseNumberText(v) !== null || isExcelError(v);
}

/** Whether two headers give their columns the same roles, in order. */
function sameHeader(a: HeaderCandidate, b: HeaderCandidate): boolean {
  if (a.columns.length !== b.columns.length) return false;
  for (let c = 0; c < a.columns.length; c++) if (a.columns[c].role !== b.columns[c].role) return false;
  return true;
}

/** `Analys`, also as the HTML paragraph a web export leaves (`<p>Analys</p> <p>…`, 004 lines 184, 267). */
const ANALYSIS_LABEL =
  /^(?:<p>\s*)?analys(?:\s+(?:av\s+|för\s+|kring\s+)?[a-zåäö0-9]+(?:\s+[a-zåäö0-9]+)?\s*:|\b)(?:\s*<\/p>)?[\s:.-]*/i;
/**
 * What names the analysis after its label, with no colon between (`Analys av ekonomin`, `Analys
 * ekonomi`, `Analys budget 2026`): the text is under it. After `Analys:` any words are its text
 * (`Analys: se ovan`, `Analys: ej klar`).
 */
const ANALYSIS_QUALIFIER =
  /^(?:(?:av|för|kring)\s+\p{L}+(?:\s+\p{L}+)?|(?:ekonomi|ekonomin|budget|budgeten|budgetavvikelser|verksamheten|personal|helår|året|t[123]|vb)(?:\s+(?:19|20)\d{2})?)$/iu;
/** An `Analys` label with its colon (or stop, dash) right after the word. */
const ANALYSIS_COLON = /^\s*(?:<p>\s*)?analys\s*[:.\-–]/i;
/** {@link ANALYSIS_LABEL} as a cell's untrimmed value holds it: trimming drops just what `\s*` skips. */
const ANALYSIS_LABEL_UNTRIMMED = /^\s*(?:<p>\s*)?analys\b/i;

/** A remark's label, with what sets it off (`Källa:`, `Not:`, `OBS!`, `Anm.`): a note under a row or above a table. */
const REMARK_LABEL = String.raw`(?:(?:källa|källor|not|noter|notering|anmärkning|fotnot|observera|obs)\s*[:!]|(?:anm|obs)\.)`;

/**
 * A note under a table's row (`Källa: HR-underlag …`, `Anm. …`, `OBS! …`), matched on trimmed text:
 * the user's remark, never an analysis, and no end of the table. `Kommentar:` is not one: the
 * reports answer with it (002 lines 2765–2837).
 */
const NOTE_LABEL = new RegExp(String.raw`^(?:<p>\s*)?${REMARK_LABEL}`, "i");

/**
 * A note naming a source (`Källa: HR-underlag …`, `Fotnot: …`): the one note that is no analysis
 * even where an empty `Analys` label asks for one. There, `Obs! Sjukfrånvaron har ökat …` or `Not:
 * Enkäten hade låg svarsfrekvens …` are the analysis the label announced.
 */
const SOURCE_LABEL = /^(?:<p>\s*)?(?:källa|källor|fotnot)\s*:/i;

/** Whether a cell's text ({@link textOf}) is longer than `length`, trimming only a text that is. */
function isLongerThan(value: CellValue, length: number): boolean {
  return typeof value === "string"
    ? value.length > length && textOf(value).length > length
    : textOf(value).length > length;
}

/** Rows of dashes or underscores drawn under a header in text exports. */
const SEPARATOR = /^[-–—_=.\s]*$/;

/** A row that totals the whole table (`Totalt`); `Summa kostnader` and the like may be subtotals. */
const WHOLE_TOTAL = /^totalt?$/;

/** A total's label as matchKey reads it (`Totalt`, `Summa resultatenheter`, `Summering`): a budget row of kind total. */
export const TOTAL_LABEL = /^(totalt|summa|summering|total|samtliga)/;

function isTotalLabel(value: CellValue): boolean {
  return typeof value === "string" && TOTAL_LABEL.test(matchKey(value));
}

/**
 * Whether a budget table's last row so far is its total: the same header after it opens a table
 * of its own (003's `Mnkr` tables: per area, then the nämnd's Kostnader/Intäkter/Netto).
 */
function endsAtTotal(last: RecognisedRow | undefined, nameIndex: number): boolean {
  const label = last?.cells[nameIndex]?.value;
  return typeof label === "string" && WHOLE_TOTAL.test(matchKey(label));
}

/**
 * Reads the rows of a table from the row after its header: data rows, `Analys` rows (attached to
 * the row above), repeated headers after page breaks (skipped, the table goes on, unless a budget
 * table's total came before), rows holding only the tail of a cell (appended to the last data
 * row), up to a blank gap, a heading, prose or the header of another table (returned as
 * `nextHeader`, so it is not read twice); from `from` on, where a table goes on under goal headings
 * after another table broke it (recognise/index.ts). `corrected` applies the person's column corrections to a
 * repeated header before it is compared with the (corrected) first one. In an indicator or activity
 * table, a named row after a blank gap goes on with the table only when it, or the row under it,
 * reads as one of its rows (see rowFit.ts); else the gap ended the table and the row is `leftOut`.
 * A row with figures in place and an empty name cell is `leftOut` too, and the table goes on; so
 * does it past text alone under a header or such a row when rows of the table follow.
 * An Excel table's own range (`declared`) holds its rows, gaps or not. A hidden row the table would
 * read (a row of it, its `Analys` row, the tail of a row) is left out as a row not read is, so the
 * text and `Analys` rows under it are its own; every hidden row of the table with text but for
 * headers is listed in `hiddenRows`. A hidden group label is the exception while a row of its group
 * is shown (see settleHiddenLabels).
 */
export function scanRows(
  rows: SheetRows,
  header: HeaderCandidate,
  type: TableType,
  endRow: number,
  corrected: (repeated: HeaderCandidate) => HeaderCandidate = (h) => h,
  declared = false,
  from = header.row + 1,
): {
  rows: RecognisedRow[];
  repeatedHeaderRows: number[];
  lastRow: number;
  nextHeader: HeaderCandidate | null;
  leftOut: LeftOutRow[];
  groupRows: GroupRow[];
  hiddenRows: HiddenRow[];
} {
  const { sheet } = rows;
  const found: RecognisedRow[] = [];
  const repeatedHeaderRows: number[] = [];
  const groupRows: GroupRow[] = [];
  let nextHeader: HeaderCandidate | null = null;
  const leftOut: LeftOutRow[] = [];
  const { firstCol } = header;
  const lastColumn = header.lastCol;
  const nameCol = nameColumnOf(header).col;
  const isBudget = header.family === "budget";
  let blankRun = 0;
  let expectAnalysis = false;
  let lastRow = header.row;
  /** The header or repeated header read last. */
  let headerRow = header.row;
  /**
   * Whether the last row of the table seen was one not read (its name cell empty): the text and
   * `Analys` rows under it are its own, not the row above's.
   */
  let unread = false;
  /** Whether text rows standing alone were passed over since the last header or unread row. */
  let passedText = false;
  const span = new TableSpan(sheet, firstCol, lastColumn);
  const typed = isBudget || declared ? [] : typedColumns(header.columns);
  const hiddenRows: HiddenRow[] = [];
  const hiddenName = (r: number, nameValue: CellValue): string =>
    textOf(nameValue) || rows.firstText(r - sheet.originRow);
  const noteHidden = (r: number, nameValue: CellValue): void => {
    hiddenRows.push({ row: r, cell: a1(r, nameCol), name: hiddenName(r, nameValue) });
  };
  /** Group labels the user hid, read as shown until the table's end says whether a row of theirs is. */
  const hiddenLabels: { at: number; name: string }[] = [];
  /** Leaves out a hidden row the table would read, as a row not read: what follows it is its own. */
  const leaveHidden = (r: number, nameValue: CellValue, count: number): void => {
    noteHidden(r, nameValue);
    unread = true;
    expectAnalysis = count === 1 && typeof nameValue === "string" && isLabelOnly(nameValue);
    passedText = false;
    blankRun = 0;
    lastRow = r;
  };

  for (let r = from; r <= endRow; r++) {
    const i = r - sheet.originRow;
    const count = rows.count(i);
    if (count === 0) {
      blankRun++;
      if (blankRun > MAX_BLANK_RUN) break;
      continue;
    }
    const firstTextCol = rows.firstCol(i);
    if (headingOnRow(rows, i)) {
      // A unit's one table under one header, its goals' headings between its rows: it goes on.
      if (typed.length === 0 || !rowsFollowHeadings(rows, r, header, nameCol, typed, endRow)) break;
      unread = true;
      passedText = false;
      expectAnalysis = false;
      blankRun = 0;
      lastRow = r;
      continue;
    }
    const repeated = readHeaderRow(rows, r);
    if (repeated) {
      if (
        sameHeader(corrected(repeated), header) &&
        blankRun <= MAX_BLANK_RUN &&
        !(isBudget && endsAtTotal(found[found.length - 1], nameCol - firstCol))
      ) {
        repeatedHeaderRows.push(r);
        blankRun = 0;
        lastRow = r;
        headerRow = r;
        passedText = false;
        continue;
      }
      nextHeader = repeated;
      break;
    }
    if (isSeparatorRow(sheet, r, firstCol, lastColumn)) continue;
    // The name cell's value: its text (a trimmed copy) is made only where a rule needs it, not per row.
    const nameValue =
      firstTextCol === nameCol ? sheet.values[i][nameCol - sheet.originCol] : cellAt(sheet, r, nameCol);
    const named = hasText(nameValue);
    const hidden = rows.hidden(i);
    const prev = unread ? undefined : found[found.length - 1];
    if (unread && blankRun === 0 && isAnalysisRow(nameValue, count, expectAnalysis)) {
      if (hidden) noteHidden(r, nameValue);
      expectAnalysis = count === 1 && typeof nameValue === "string" && isLabelOnly(nameValue);
      lastRow = r;
      continue;
    }

    // The label in the name cell, or in a column passed over before it (`Konto | Benämning`, `Nr`)
    // where the name cell is empty: a unit writes its analysis from the sheet's first column.
    const labelCol = !named && firstTextCol >= firstCol && firstTextCol < nameCol ? firstTextCol : nameCol;
    const labelValue = labelCol === nameCol ? nameValue : cellAt(sheet, r, labelCol);
    if (prev && typeof labelValue === "string" && ANALYSIS_LABEL_UNTRIMMED.test(labelValue)) {
      if (hidden) {
        leaveHidden(r, labelValue, count);
        continue;
      }
      const text = analysisRowText(sheet, r, labelCol, firstCol, lastColumn, textOf(labelValue));
      if (text) {
        prev.analysis = { text, cell: a1(r, labelCol) };
        expectAnalysis = false;
      } else {
        expectAnalysis = true;
        // Until it is written, the text belongs under the label (as the reports write it), or after
        // it in the label's cell when the next row is taken.
        prev.analysis ??= { text: "", cell: a1(rows.count(i + 1) === 0 ? r + 1 : r, labelCol) };
      }
      blankRun = 0;
      lastRow = r;
      continue;
    }
    // Text alone: a note, or the analysis an `Analys` label alone on the row above announced.
    const note = count === 1 && NOTE_LABEL.test(rows.firstText(i));
    if (expectAnalysis && prev && count === 1 && blankRun === 0 && !SOURCE_LABEL.test(rows.firstText(i))) {
      if (hidden) {
        leaveHidden(r, nameValue, count);
        continue;
      }
      prev.analysis = { text: rows.firstText(i), cell: a1(r, firstTextCol) };
      expectAnalysis = false;
      lastRow = r;
      continue;
    }
    expectAnalysis = false;

    // `Summa indikatorer`, `Totalt 13 aktiviteter`: a count in a unit's table is no row of it.
    if (!isBudget && typeof nameValue === "string" && GOAL_TABLE_TOTAL.test(nameValue)) {
      unread = true;
      lastRow = r;
      blankRun = 0;
      continue;
    }

    // The row's other cells with text: how many, whether all are words, whether any is a number
    // (only a budget row or one without a name asks the latter two, so only they parse numbers).
    const wantsNumbers = isBudget || !named;
    let others = 0;
    let allWords = true;
    let anyNumber = false;
    // A named row of an indicator or activity table needs only the count: when all its texts lie in
    // the table, the one pass over the sheet counted them already (its name is one).
    if (!wantsNumbers && rows.within(i, firstCol, lastColumn)) others = count - 1;
    else
      for (let c = firstCol; c <= lastColumn; c++) {
        if (c === nameCol) continue;
        const v = cellAt(sheet, r, c);
        if (!hasText(v)) continue;
        others++;
        if (!wantsNumbers) continue;
        const numeric = isNumericCell(v);
        if (numeric) anyNumber = true;
        if (typeof v !== "string" || numeric) allWords = false;
      }
    if (!named) {
      if (others > 0 && prev && allWords) {
        if (hidden) {
          leaveHidden(r, nameValue, count);
          continue;
        }
        for (let c = firstCol; c <= lastColumn; c++) {
          const tail = textOf(cellAt(sheet, r, c));
          if (!tail) continue;
          const k = c - firstCol;
          const before = textOf(prev.cells[k].value);
          prev.cells[k] = { ...prev.cells[k], value: before ? `${before} ${tail}` : tail };
        }
        prev.continuedFrom = [...prev.continuedFrom, r];
        blankRun = 0;
        lastRow = r;
        continue;
      }
      if (count > 0 && firstTextCol < firstCol) break;
      if (others === 0) continue;
      if (unread && allWords && blankRun === 0) {
        if (hidden) noteHidden(r, nameValue);
        lastRow = r;
        continue;
      }
      // Only right under the table's rows: after an empty row a row without a name is something else.
      const nameless =
        typed.length > 0 && blankRun === 0 ? namelessRow(sheet, r, header, nameCol, typed) : null;
      if (nameless && hidden) {
        leaveHidden(r, nameValue, count);
        continue;
      }
      if (nameless) {
        leftOut.push({
          ...nameless,
          sheet: sheet.name,
          range: a1Range(r, firstCol, r, lastColumn),
          tableCell: a1(header.row, firstCol),
          blankRows: 0,
          misfits: [],
        });
        unread = true;
        passedText = false;
        lastRow = r;
        continue;
      }
      break;
    }
    if (others === 0) {
      // A note right under the table's rows, with rows of the table after it, is passed over.
      if (
        note &&
        blankRun === 0 &&
        (isBudget
          ? nextRowHasNumbers(sheet, r, endRow, firstCol, lastColumn)
          : typed.length > 0 && rowsOfTableFollow(rows, r, header, nameCol, typed))
      ) {
        lastRow = r;
        continue;
      }
      // A label alone: a group heading inside a budget table (`Äldreomsorgen`), or prose that ends the table.
      // Right under a group's label (one empty row between at most, as nextRowHasNumbers allows) it
      // is a group inside that group.
      const outer =
        groupRows.length > 0 && groupRows[groupRows.length - 1].row === lastRow
          ? groupRows[groupRows.length - 1]
          : null;
      if (
        isBudget &&
        textOf(nameValue).length <= GROUP_LABEL_LENGTH &&
        (blankRun === 0 || (blankRun === 1 && outer)) &&
        nextRowHasNumbers(sheet, r, endRow, firstCol, lastColumn)
      ) {
        const group: GroupRow = { row: r, label: cleanText(textOf(nameValue)) };
        if (outer) group.depth = (outer.depth ?? 0) + 1;
        groupRows.push(group);
        if (hidden) hiddenLabels.push({ at: groupRows.length - 1, name: hiddenName(r, nameValue) });
        blankRun = 0;
        lastRow = r;
        continue;
      }
      // Text alone right under a header (a page break's repeated one: the tail of the row above it)
      // or under a row not read, with rows of the table after it, is passed over.
      if (
        typed.length > 0 &&
        blankRun === 0 &&
        (lastRow === headerRow || unread || passedText) &&
        rowsOfTableFollow(rows, r, header, nameCol, typed)
      ) {
        if (hidden) noteHidden(r, nameValue);
        passedText = true;
        lastRow = r;
        continue;
      }
      break;
    }
    if (firstTextCol < firstCol && count > 0) break;
    if (isBudget && !anyNumber && type !== "resultatenheter") break;
    if (!isBudget && isLongerThan(nameValue, PROSE_LENGTH * 6)) break;
    if (blankRun > 0 && isBudget && !anyNumber) break;
    // After a gap, a row of column names (`Volymer | Budget 2026 | Utfall jan–aug 2026 | Prognos
    // helår`) heads a block of its own, whatever rows of figures follow it.
    if (blankRun > 0 && !isBudget && headsAnotherBlock(sheet, r, nameCol, firstCol, lastColumn)) break;
    if (blankRun > 0 && typed.length > 0) {
      const misfit = misfits(sheet, r, typed);
      if (misfit && !rowOfTableBelow(rows, r, nameCol, firstCol, typed)) {
        leftOut.push({
          kind: "after-gap",
          sheet: sheet.name,
          cell: a1(r, nameCol),
          nameHeader: nameHeaderOf(header, nameCol),
          range: a1Range(r, firstCol, r, lastColumn),
          name: textOf(nameValue),
          tableCell: a1(header.row, firstCol),
          blankRows: blankRun,
          misfits: misfit.map((c) => ({
            cell: a1(r, c.col),
            header: c.header,
            value: cellAt(sheet, r, c.col),
            format: formatAt(sheet, r, c.col),
          })),
        });
        break;
      }
    }
    if (hidden) {
      leaveHidden(r, nameValue, count);
      continue;
    }
    found.push(new TableRow(r, span));
    blankRun = 0;
    lastRow = r;
    unread = false;
    passedText = false;
  }
  if (hiddenLabels.length) settleHiddenLabels(hiddenLabels, groupRows, found, hiddenRows, sheet, nameCol);
  return { rows: found, repeatedHeaderRows, lastRow, nextHeader, leftOut, groupRows, hiddenRows };
}

/**
 * A hidden group label holds no amount, and still says whose the rows under it are: it stays its
 * group's label (the groups inside it stay inside it) while a row of the group is shown. A group
 * shown nowhere (its label and every row of it hidden) is left out whole: its label is a hidden row
 * not read, as its rows are. A group's rows are those under its label up to the next label at its
 * level or above it; the table's closing total (`Summa resultatenheter` under the last group) is
 * the whole table's, not the last group's.
 */
function settleHiddenLabels(
  hiddenLabels: readonly { at: number; name: string }[],
  groupRows: GroupRow[],
  found: readonly RecognisedRow[],
  hiddenRows: HiddenRow[],
  sheet: SheetGrid,
  nameCol: number,
): void {
  const last = found[found.length - 1];
  const closingTotal = last !== undefined && isTotalLabel(cellAt(sheet, last.row, nameCol)) ? last.row : -1;
  const dropped = new Set<GroupRow>();
  for (const { at, name } of hiddenLabels) {
    const group = groupRows[at];
    const level = group.depth ?? 0;
    let next = at + 1;
    while (next < groupRows.length && (groupRows[next].depth ?? 0) > level) next++;
    const end = next < groupRows.length ? groupRows[next].row : Infinity;
    // The rows are in order: the first one under the label is shown in the group, or none is.
    const first = found[firstRowAfter(found, group.row)];
    if (first !== undefined && first.row < end && first.row !== closingTotal) continue;
    dropped.add(group);
    // The groups inside it are one level less deep: it is not printed above them.
    for (let k = at + 1; k < next; k++) {
      const inner = groupRows[k];
      if (inner.depth === 1) delete inner.depth;
      else if (inner.depth) inner.depth--;
    }
    hiddenRows.push({ row: group.row, cell: a1(group.row, nameCol), name });
  }
  if (dropped.size === 0) return;
  hiddenRows.sort((a, b) => a.row - b.row);
  const kept = groupRows.filter((g) => !dropped.has(g));
  groupRows.length = 0;
  for (const g of kept) groupRows.push(g);
}

/** The index of the first of `rows` (in order) below sheet row `row`; `rows.length` for none. */
function firstRowAfter(rows: readonly RecognisedRow[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].row > row) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * An `Analys` row's text: what follows the label in the name cell, then the texts of its other
 * cells, space-separated (each trimmed, so the whole is too).
 */
function analysisRowText(
  sheet: SheetGrid,
  row: number,
  nameCol: number,
  firstCol: number,
  lastColumn: number,
  nameText: string,
): string {
  let text = analysisAfterLabel(nameText);
  for (let c = firstCol; c <= lastColumn; c++) {
    if (c === nameCol) continue;
    const other = textOf(cellAt(sheet, row, c));
    if (other) text = text ? `${text} ${other}` : other;
  }
  return text;
}

/** The fewest known column names a row holds to head a block of its own (see {@link headsAnotherBlock}). */
const BLOCK_HEADER_NAMES = 2;

/**
 * Whether the row's cells besides its name are all texts, and at least two of them name a table's
 * columns (`Budget 2026`, `Utfall jan–aug 2026`, `Prognos helår`): the header of another block.
 */
function headsAnotherBlock(
  sheet: SheetGrid,
  row: number,
  nameCol: number,
  firstCol: number,
  lastColumn: number,
): boolean {
  let names = 0;
  for (let c = firstCol; c <= lastColumn; c++) {
    if (c === nameCol) continue;
    const value = cellAt(sheet, row, c);
    if (!hasText(value)) continue;
    if (typeof value !== "string" || isNumericCell(value)) return false;
    if (goalTableRole(value) !== null || budgetRole(value) !== null) names++;
  }
  return names >= BLOCK_HEADER_NAMES;
}

/** An `Analys` row (its label in the name cell), or the lone text the label alone on the row above announced. */
function isAnalysisRow(nameValue: CellValue, count: number, expectAnalysis: boolean): boolean {
  if (typeof nameValue === "string" && ANALYSIS_LABEL_UNTRIMMED.test(nameValue)) return true;
  return expectAnalysis && count === 1;
}

/** `Analys` with no text after it, or only what names it (`Analys av ekonomin`, `Analys ekonomi:`). */
function isLabelOnly(nameValue: string): boolean {
  return ANALYSIS_LABEL_UNTRIMMED.test(nameValue) && analysisAfterLabel(textOf(nameValue)) === "";
}

/** The text after an `Analys` label in its cell: "" where it only names the analysis (`av ekonomin`). */
function analysisAfterLabel(text: string): string {
  const rest = text.replace(ANALYSIS_LABEL, "").trim();
  return !ANALYSIS_COLON.test(text) && ANALYSIS_QUALIFIER.test(rest) ? "" : rest;
}

function nameHeaderOf(header: HeaderCandidate, nameCol: number): string {
  return header.columns.find((c) => c.col === nameCol)?.header ?? "";
}

/**
 * A row with an empty name cell whose figures read as the table's: its name in the column right of
 * the name column (a lost symbol took the name's cell, 004 lines 182–185, 002 lines 652–655), or no
 * name at all. Null when its cells don't read so.
 */
function namelessRow(
  sheet: SheetGrid,
  row: number,
  header: HeaderCandidate,
  nameCol: number,
  typed: RecognisedColumn[],
): Pick<LeftOutRow, "kind" | "cell" | "nameAt" | "nameHeader" | "name"> | null {
  const cell = a1(row, nameCol);
  const nameHeader = nameHeaderOf(header, nameCol);
  if (misfits(sheet, row, typed) === null) return { kind: "name-missing", cell, nameHeader, name: "" };
  const next = header.columns.find((c) => c.col > nameCol);
  if (!next) return null;
  const shifted = cellAt(sheet, row, next.col);
  if (typeof shifted !== "string" || !hasText(shifted)) return null;
  if (
    misfits(
      sheet,
      row,
      typed.filter((c) => c.col !== next.col),
    ) !== null
  )
    return null;
  if (typed.some((c) => c.col === next.col) && misfits(sheet, row, [next]) === null) return null;
  return {
    kind: "name-shifted",
    cell,
    nameAt: { cell: a1(row, next.col), header: next.header },
    nameHeader,
    name: textOf(shifted),
  };
}

/** Up to this many rows of text alone are passed over before the table's rows go on. */
const MAX_TEXT_RUN = 3;

/**
 * A count in an indicator or activity table (`Summa indikatorer`, `Totalt 13 aktiviteter`), not an
 * indicator that starts so (`Totalt köpt energi …`, a `Totalt` over women and men).
 */
const GOAL_TABLE_TOTAL =
  /^\s*(?:summa|totalt?)\s*:?\s*(?:antal\s+)?(?:\d+\s*)?(?:indikatorer|aktiviteter|mål)\b/i;

/** The most rows of headings, assessments, prose and blanks between a flat table's rows (see rowsFollowHeadings). */
const MAX_HEADING_RUN = 40;

/**
 * Whether rows of the table follow the goal heading at `row`: past further headings, assessments,
 * text alone on its row (a sentence on the goal, an indicator not yet measured) and rows holding
 * none of the table's figures, at most MAX_BLANK_RUN empty rows in a row, a row holding a name and
 * figures that fit the table's columns comes before a header, a row of misfits or the table's edge.
 * A heading followed by the next table's header ends the table, as the reports' own tables end.
 */
export function rowsFollowHeadings(
  rows: SheetRows,
  row: number,
  header: HeaderCandidate,
  nameCol: number,
  typed: RecognisedColumn[],
  endRow: number,
): boolean {
  const { sheet } = rows;
  let blanks = 0;
  for (let r = row + 1; r <= Math.min(endRow, row + MAX_HEADING_RUN); r++) {
    const i = r - sheet.originRow;
    const count = rows.count(i);
    if (count === 0) {
      if (++blanks > MAX_BLANK_RUN) return false;
      continue;
    }
    blanks = 0;
    if (count === 1 || headingOnRow(rows, i)) continue;
    if (rows.firstCol(i) < header.firstCol || readHeaderRow(rows, r)) return false;
    const misfit = misfits(sheet, r, typed);
    if (misfit === null) return hasText(cellAt(sheet, r, nameCol));
    if (misfit.length > 0) return false;
  }
  return false;
}

/**
 * Whether, under a row of text alone at `row`, the table goes on: after at most a few more such rows
 * (text or `Analys` rows, no blank row between), a row that reads as one of its rows, or one with its
 * figures in place and its name cell empty.
 */
function rowsOfTableFollow(
  rows: SheetRows,
  row: number,
  header: HeaderCandidate,
  nameCol: number,
  typed: RecognisedColumn[],
): boolean {
  const { sheet } = rows;
  for (let r = row + 1; r <= row + MAX_TEXT_RUN; r++) {
    const i = r - sheet.originRow;
    if (i >= sheet.values.length) return false;
    const count = rows.count(i);
    if (count === 0 || rows.firstCol(i) < header.firstCol) return false;
    if (count === 1 && rows.firstCol(i) === nameCol) continue;
    const name = cellAt(sheet, r, nameCol);
    if (hasText(name)) return misfits(sheet, r, typed) === null;
    return namelessRow(sheet, r, header, nameCol, typed) !== null;
  }
  return false;
}

/**
 * Whether the row under `row` shows that `row` opens a block of the table (whose first row may hold a
 * slip): an `Analys` row, or a named row that reads as one of the table's.
 */
function rowOfTableBelow(
  rows: SheetRows,
  row: number,
  nameCol: number,
  firstCol: number,
  typed: RecognisedColumn[],
): boolean {
  const { sheet } = rows;
  const i = row + 1 - sheet.originRow;
  if (rows.count(i) === 0 || rows.firstCol(i) < firstCol) return false;
  const name = cellAt(sheet, row + 1, nameCol);
  if (typeof name === "string" && ANALYSIS_LABEL_UNTRIMMED.test(name)) return true;
  return hasText(name) && misfits(sheet, row + 1, typed) === null;
}

/** A row of dashes or underscores only (drawn under a header in text exports), or of nothing. */
function isSeparatorRow(sheet: SheetGrid, row: number, firstCol: number, lastColumn: number): boolean {
  for (let c = firstCol; c <= lastColumn; c++) {
    const v = cellAt(sheet, row, c);
    // Spaces are part of the pattern, so the text is tested untrimmed.
    if (typeof v === "number" || typeof v === "boolean" || !SEPARATOR.test(v ?? "")) return false;
  }
  return true;
}

/** How deep groups may nest inside a group (`Äldreomsorgen` › `Hemtjänst` › units). */
const MAX_NESTED_GROUPS = 3;

/**
 * Whether a group label at `row` has units below it: the next row with text (after one empty row
 * at most) holds a number, or is a short label alone itself (a group inside the group) whose own
 * units follow.
 */
function nextRowHasNumbers(
  sheet: SheetGrid,
  row: number,
  endRow: number,
  firstCol: number,
  lastColumn: number,
): boolean {
  let from = row;
  for (let depth = 0; depth <= MAX_NESTED_GROUPS; depth++) {
    const next = nextRowWithText(sheet, from, endRow, firstCol, lastColumn);
    if (next < 0) return false;
    for (let c = firstCol + 1; c <= lastColumn; c++) if (isNumericCell(cellAt(sheet, next, c))) return true;
    if (!isLabelAlone(sheet, next, firstCol, lastColumn)) return false;
    from = next;
  }
  return false;
}

/** The first of the two rows below `row` with text in the table's columns, or −1. */
function nextRowWithText(
  sheet: SheetGrid,
  row: number,
  endRow: number,
  firstCol: number,
  lastColumn: number,
): number {
  for (let r = row + 1; r <= Math.min(endRow, row + 2); r++)
    for (let c = firstCol; c <= lastColumn; c++) if (hasText(cellAt(sheet, r, c))) return r;
  return -1;
}

/** A row whose only text is a short label in the table's first column (`Hemtjänst`). */
function isLabelAlone(sheet: SheetGrid, row: number, firstCol: number, lastColumn: number): boolean {
  for (let c = firstCol + 1; c <= lastColumn; c++) if (hasText(cellAt(sheet, row, c))) return false;
  const label = cellAt(sheet, row, firstCol);
  return typeof label === "string" && textOf(label).length <= GROUP_LABEL_LENGTH;
}

/** A table's title and the notes between it and the header (`Belopp i tkr. Underlag från …`). */
export interface TableCaption {
  title: string;
  notes: string[];
}

/**
 * A line that says something of a table's figures rather than naming it: their unit or source
 * (`Belopp i tkr`, `Källa: …`, `Underlag från månadsuppföljning`, `Anm.`, a bare `Tkr`).
 */
const NOTE_START = new RegExp(
  String.raw`^(?:${REMARK_LABEL}|belopp(?:en)?\s|alla belopp\s|källa\b|källor\b|underlag(?:et)?\b|anmärkning|obs\b|observera\b|(?:mnkr|tkr|kr)\.?$)`,
  "i",
);

/** Whether a line above a table starts as a note on its figures ({@link NOTE_START}). */
export function isNoteLine(text: string): boolean {
  return NOTE_START.test(text.trim());
}

/**
 * The nearest short text above a table, within a few rows (`Uppföljning av driftbudget`,
 * `Resultatenheter`). A note there (see {@link isNote}) loses to a title above it; with no title
 * above, the nearest note is the title, as before. The notes are kept for the unit they state.
 */
export function titleAbove(rows: SheetRows, headerRow: number, fallback: string): TableCaption {
  const { sheet } = rows;
  const notes: string[] = [];
  for (let r = headerRow - 1; r >= Math.max(sheet.originRow, headerRow - 6); r--) {
    const i = r - sheet.originRow;
    const count = rows.count(i);
    if (count === 0) continue;
    // A `Period | T2 2026` row between a title and its table says when, not what (the review of 8 December).
    if (count === 2 && isPeriodRow(rows, i)) continue;
    if (count > 1) break;
    const text = rows.firstText(i);
    const stamped = titleBeforeStamp(text);
    if (stamped) return { title: stamped, notes };
    if (isNote(rows, r, text)) {
      notes.push(text);
      continue;
    }
    if (titleLike(text) && !matchHeading(text)) return { title: text, notes };
    break;
  }
  return { title: notes.length && notes[0].length <= 80 ? notes[0] : fallback, notes };
}

/** Whether row `i` is a Period cell and its period (`Period | T2 2026`), in its first two cells. */
function isPeriodRow(rows: SheetRows, i: number): boolean {
  const values = rows.sheet.values[i];
  const first = rows.firstCol(i) - rows.sheet.originCol;
  const label = values?.[first];
  const period = values?.[first + 1];
  return (
    typeof label === "string" &&
    /^period:?$/i.test(label.trim()) &&
    typeof period === "string" &&
    parsePeriodText(period) !== null
  );
}

/**
 * Short enough to name a table rather than say something about it: up to 80 characters, or up
 * to 120 without a sentence's end (`Stöd och service till personer med funktionsnedsättning –
 * ekonomiska förutsättningar`, 84).
 */
function titleLike(text: string): boolean {
  return text.length <= 80 || (text.length <= 120 && !/[.!?:]$/.test(text));
}

/**
 * A person's stamp of their last edit (`Senast ändrad 3/9 /Maria`, `Uppdaterad 2021-08-31`), or a
 * second sentence after the first (`… avdelning förskola. Senast …`): a line that says who wrote
 * the sheet or something more about it, never the name of a table.
 */
const EDIT_STAMP = /\bsenast (?:ändrad|uppdaterad)\b|(?:^|\s)(?:ändrad|uppdaterad)\s+(?:den\s+)?\d/i;
/** A word's end before a full stop and a capital: a sentence's end, unless the word is an abbreviation. */
const SENTENCE_END = /(?<![.\p{L}])(\p{L}{2,})[.!?]\s+\p{Lu}/gu;
/** What every {@link SENTENCE_END} holds: one quick test rules out most lines before its slow search. */
const MAY_END_SENTENCE = /[.!?]\s+\p{Lu}/u;
/** Words the city's titles shorten with a full stop (`avd. Park`, `inkl. BJ`). */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  "adm",
  "ang",
  "avd",
  "bil",
  "bl",
  "ca",
  "dvs",
  "enl",
  "ev",
  "exkl",
  "fig",
  "inkl",
  "jfr",
  "kr",
  "milj",
  "mnkr",
  "nr",
  "osv",
  "resp",
  "sid",
  "st",
  "tab",
  "tel",
  "tkr",
]);

/** Whether a line says more than one sentence (`… avdelning förskola. Siffrorna …`; not `3. Investeringar`). */
function saysTwoSentences(text: string): boolean {
  if (!MAY_END_SENTENCE.test(text)) return false;
  for (const m of text.matchAll(SENTENCE_END)) if (!ABBREVIATIONS.has(m[1].toLowerCase())) return true;
  return false;
}

/** Words that name a table (`Driftbudget`, `Investeringar`), not who keeps the sheet. */
const TABLE_WORDS =
  /budget|ekonomi|investering|resultat|prognos|indikator|aktivitet|nyckeltal|tabell|uppföljning/i;

/**
 * A title with a person's stamp after it (`Driftbudget T2 2021 (tkr). Uppdaterad 31/8`): the title
 * before the stamp, where it names a table; else null.
 */
function titleBeforeStamp(text: string): string | null {
  const stamp = EDIT_STAMP.exec(text);
  if (!stamp || stamp.index === 0) return null;
  // A title and then its stamp, set apart (`… (tkr). Uppdaterad 31/8`); not a note's own words
  // (`Prognosen uppdaterad 2021-08-31 …`).
  const before = text.slice(0, stamp.index);
  if (!/[.,;:–—-]\s*$/.test(before)) return null;
  const title = before.replace(/[\s.,;:–—-]+$/, "");
  return title && title.length <= 80 && TABLE_WORDS.test(title) ? title : null;
}

/**
 * Whether the one text on row `r` is a note: it starts as one ({@link NOTE_START}), holds an edit
 * stamp or more than one sentence ({@link EDIT_STAMP}, {@link saysTwoSentences}), or it is a sentence under a
 * title merged across the table (`Driftbudget Resursenheten 2021, …` over A1:F1) or naming one
 * (`Budget 2027 – Förskolorna i Årsta (tkr)` over `Intäkter anges med minustecken, kostnader utan.`).
 */
function isNote(rows: SheetRows, r: number, text: string): boolean {
  if (isNoteLine(text) || EDIT_STAMP.test(text) || saysTwoSentences(text)) return true;
  if (!text.endsWith(".")) return false;
  const col = rows.firstCol(r - rows.sheet.originRow);
  if (mergeStartsAt(rows.sheet, r, col)) return false;
  for (let above = r - 1; above >= rows.sheet.originRow; above--) {
    const i = above - rows.sheet.originRow;
    if (rows.count(i) === 0) continue;
    if (rows.count(i) !== 1) return false;
    const title = rows.firstText(i);
    return (
      mergeStartsAt(rows.sheet, above, rows.firstCol(i)) ||
      (titleLike(title) && !title.endsWith(".") && TABLE_WORDS.test(title))
    );
  }
  return false;
}

/** Whether a merge of several columns has its top left cell at (`row`, `col`). */
function mergeStartsAt(sheet: SheetGrid, row: number, col: number): boolean {
  return (sheet.merges ?? []).some((range) => {
    const area = parseA1Range(range);
    return area !== null && area.row1 === row && area.col1 === col && area.col2 > area.col1;
  });
}

/**
 * The one amount unit the amount columns' headers state (`Budget 2020 (tkr)`), or null where none
 * or several do. Columns no role reads, and the label and Analys columns, say nothing of the amounts.
 */
function columnsUnit(columns: RecognisedColumn[]): "mnkr" | "tkr" | "kr" | null {
  let unit: "mnkr" | "tkr" | "kr" | null = null;
  for (let c = 1; c < columns.length; c++) {
    const role = columns[c].role;
    if (role === null || role === "name" || role === "analysis" || role === "comment") continue;
    const named = amountUnitIn(columns[c].header);
    if (named === null) continue;
    if (unit !== null && named !== unit) return null;
    unit = named;
  }
  return unit;
}

/** The unit a note states, at its end or at the end of its first sentence (`Belopp i tkr. Underlag …`). */
function notesUnit(notes: readonly string[]): "mnkr" | "tkr" | "kr" | null {
  for (const note of notes) {
    const unit = amountUnitOf(note) ?? amountUnitIn(note) ?? amountUnitIn(note.split(/\.\s/)[0]);
    if (unit) return unit;
  }
  return null;
}

/** A target's words, not a goal's name (`Minska`, `Öka jämfört med 2020`, `Lägre än 2020`). */
const TARGET_WORDS = /^(öka|minska|bibehåll|behåll|lägre|högre|minst|max|oförändr|tas fram)/i;

/** Whether most filled cells of the table's column at `at` name goals rather than state targets. */
function namesGoals(table: RecognisedTable, at: number): boolean {
  return mostOfColumn(
    table,
    at,
    (value) => typeof value === "string" && !TARGET_WORDS.test(value.trim()) && !parseTargetCell(value).ok,
  );
}

/**
 * A `Mål 2021` column read as the Årsmål, or left unread as the role's second (after `Årsmål`),
 * that is the goal column after all, as `Mål` is: in an activity table, or where most of its cells
 * name goals (`Alla barn utvecklas och lär sig`) rather than state targets; an Årsmål column left
 * unread beside it (`Målvärde`) is then the Årsmål. A `Stadens mål` naming the city's goals is no
 * KF:s årsmål either. Changes roles in place.
 */
function yearTargetAsGoal(table: RecognisedTable): void {
  const city = table.columns.find((c) => c.role === "kfTarget" && headerKey(c.header).startsWith("stadens"));
  if (city && table.type !== "activities" && namesGoals(table, city.col - table.firstCol)) city.role = null;
  const column = table.columns.find(
    (c) => (c.role === "target" || c.role === null) && isYearTarget(c.header),
  );
  if (!column) return;
  if (table.type !== "activities" && !namesGoals(table, column.col - table.firstCol)) return;
  const other = table.columns.find(
    (c) => c !== column && c.role === null && goalTableRole(c.header) === "target",
  );
  column.role = table.columns.some((c) => c.role === "goal") ? null : "goal";
  if (other && table.type !== "activities") other.role = "target";
}

/**
 * A bare `Klart` column read as the end date that is none: beside a `Slutdatum`, which is then the
 * end, or where most of its cells are no dates (`Ja`, `X`: done or not). Changes roles in place.
 */
function bareKlartAsEnd(table: RecognisedTable): void {
  const column = table.columns.find((c) => c.role === "end" && matchKey(c.header) === "klart");
  if (!column) return;
  const other = table.columns.find(
    (c) => c !== column && c.role === null && goalTableRole(c.header) === "end",
  );
  if (other) {
    column.role = null;
    other.role = "end";
    return;
  }
  const dates = mostOfColumn(
    table,
    column.col - table.firstCol,
    (value) => parseDateCell(value, true).kind === "date",
  );
  if (!dates) column.role = null;
}

export function buildTable(
  sheet: SheetGrid,
  header: HeaderCandidate,
  type: TableType,
  scanned: {
    rows: RecognisedRow[];
    repeatedHeaderRows: number[];
    groupRows: GroupRow[];
    hiddenRows?: HiddenRow[];
  },
  caption: TableCaption,
  fromListObject: boolean,
): RecognisedTable {
  const { title, notes } = caption;
  const table: RecognisedTable = {
    id: `${sheet.name}!${a1(header.row, header.firstCol)}`,
    type,
    sheet: sheet.name,
    headerRow: header.row,
    repeatedHeaderRows: scanned.repeatedHeaderRows,
    firstCol: header.firstCol,
    lastCol: header.lastCol,
    columns: header.columns,
    rows: scanned.rows,
    title,
    amountUnit:
      header.family === "budget"
        ? (amountUnitOf(nameColumnOf(header).header) ??
          notesUnit(notes) ??
          amountUnitOf(title) ??
          amountUnitIn(title) ??
          columnsUnit(header.columns) ??
          (type === "resultatenheter" ? "tkr" : "mnkr"))
        : null,
    fromListObject,
  };
  yearTargetAsGoal(table);
  bareKlartAsEnd(table);
  if (scanned.groupRows.length) table.groupRows = scanned.groupRows;
  if (scanned.hiddenRows?.length) table.hiddenRows = scanned.hiddenRows;
  const hiddenColumns = sheet.hiddenColumns?.filter((c) => c >= header.firstCol && c <= header.lastCol);
  if (hiddenColumns?.length) table.hiddenColumns = hiddenColumns;
  return table;
}
