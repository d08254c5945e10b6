/**
 * `driftbudget`: the T2 report's two operating-budget tables (seed 002 lines 1925–1953), then its
 * Investeringar and Resultatenheter tables (lines 2292 and 2242) and any other budget table, or a
 * plan's budget tables with their VP year columns (seed 003 line 1801).
 *
 * Value cells are live formulas over the source cells where the source holds the same number
 * (`'Driftbudget'!C5`), and plain values where the source is text or unknown; Avvikelse is a
 * formula over the generated cells (Budget + BJ + förändringar − Prognos), so the table recomputes
 * when the source changes — except where the source states another Avvikelse
 * (`budget-deviation-mismatch`): there the table shows the source's figure, as the rest of the
 * table does, and the finding says it does not add up. Every formula cell carries the engine's
 * number as its cached value.
 */
import { budgetTables } from "../model/budgetTables";
import type { BudgetLine } from "../model/types";
import { renderNumber } from "../parse/target";
import { cleanText, matchKey } from "../parse/text";
import { cellFormat, cellValue } from "../recognise/tableRow";
import { headerKey } from "../recognise/headers";
import { isNoteLine } from "../recognise/tables";
import type { ColumnRole, GroupRow, RecognisedRow, TableType } from "../recognise/types";
import { decimalsFor, mnkrIn } from "../evaluate/amounts";
import { EXTRA_ROLES } from "../model/budgetLine";
import { a1, sheetRef, truthText } from "../grid";
import type { ReportContext } from "./context";
import { groupOf, rowKey, sheetTitle } from "./context";
import { amountFormat, indicatorNumber, round, statusLabel } from "./format";
import type { ColumnSpec, Row } from "./layout";
import { SheetBuilder } from "./layout";
import { SOFT_HYPHEN } from "./measure";
import { AMOUNT_CHART_COLOUR } from "./look";
import { isNumericSource } from "./source";
import { budgetTableName, UNIT_LINE } from "./budgetTableName";
import type { CellStyle, OutCell, SheetSpec } from "./spec";
import { formulaCell, numberCell, textCell, tonedCell } from "./spec";

/** The city's tables' headers: at most four lines deep, as published. */
const CITY_HEADER_LINES = 4;

/** The name and the city's five amounts; their headers at most four lines deep, as published. */
const COLUMNS: ColumnSpec[] = [
  { kind: "text", min: 150, max: 300 },
  { kind: "fit", headerLines: CITY_HEADER_LINES },
  { kind: "fit", headerLines: CITY_HEADER_LINES },
  { kind: "fit", headerLines: CITY_HEADER_LINES },
  { kind: "fit", headerLines: CITY_HEADER_LINES },
  { kind: "fit", headerLines: CITY_HEADER_LINES },
];

/** Areas on one chart whose data still fits on the chart's page. */
const AREAS_KEPT_WITH_CHART = 14;

export function headerRow(labels: string[]): Row {
  return labels.map((value) => textCell(joinedWordBreaks(value), "header"));
}

/**
 * A word a source header splits over two lines, its hyphen kept (`budget- justeringar`, as the
 * reports' text has it), joined again with a soft hyphen: it breaks there with its hyphen, as
 * published, and reads `budgetjusteringar` on one line. A hyphen before `och`, `eller`, … is Swedish
 * for a word left out (`Prestations- och omslutnings…`) and stays.
 */
function joinedWordBreaks(header: string): string {
  return header.includes("- ") ? header.replace(WORD_BREAK, `$1${SOFT_HYPHEN}`) : header;
}

const WORD_BREAK = /(\p{Ll})- (?!(?:och|eller|samt|resp|respektive|till|som)\b)(?=\p{Ll})/gu;

/** A city table's column: the role the source's column has, and the city's text where it has none. */
interface CityColumn {
  role: ColumnRole;
  standard: string;
}

/**
 * The headers of one of the city's tables: the source table's own header text for each column it
 * has (`Prognos Tertial/2021 (inkl. …)`, `Avvikelse (avvikelse från Agresso, som nämnden
 * analyserar)`), as the published report prints it; the city's standard text where the source has
 * no such column or leaves its header empty (a column a person gave its role).
 */
function cityHeaders(ctx: ReportContext, tableId: string, columns: CityColumn[]): string[] {
  const table = ctx.tableById(tableId);
  return columns.map(({ role, standard }) => {
    const header = table?.columns.find((c) => c.role === role)?.header;
    return (header && cleanText(header)) || standard;
  });
}

const NAMND_ROLES: ColumnRole[] = [
  "name",
  "budget",
  "adjustments",
  "changes",
  "forecastAfterTransfers",
  "budgetDeviation",
];

const OMRADE_ROLES: ColumnRole[] = [
  "name",
  "budget",
  "adjustments",
  "forecastBeforeTransfers",
  "forecastAfterTransfers",
  "budgetDeviation",
];

const withRoles = (roles: ColumnRole[], standard: string[]): CityColumn[] =>
  roles.map((role, i) => ({ role, standard: standard[i] }));

type AmountField =
  "budget" | "adjustments" | "changes" | "forecastBeforeTransfers" | "forecast" | "deviation";

function unitLabel(unit: BudgetLine["unit"]): string {
  return unit === "mnkr" ? "Mnkr" : unit === "tkr" ? "Tkr" : "Kr";
}

export function namndHeaders(unit: BudgetLine["unit"], year: number | null, period: string | null): string[] {
  const y = year === null ? "" : ` ${year}`;
  return [
    unitLabel(unit),
    `Budget${y} (nämndbudget efter beslutade BJ)`,
    "Begärda budget\u00ADjusteringar (begärda BJ tertialrapport)",
    "Prestations- och omslutnings\u00ADförändringar (begärda/förväntade)",
    `Prognos${period ? ` ${period}` : ""} (inkl. budget\u00ADjusteringar, prestations\u00ADförändringar, omslutnings\u00ADförändringar)`,
    "Avvikelse",
  ];
}

export function omradeHeaders(unit: BudgetLine["unit"], year: number | null): string[] {
  const y = year === null ? "" : ` ${year}`;
  return [
    unitLabel(unit),
    `Budget${y} (netto, inkl. godkända BJ)`,
    "Begärda budget\u00ADjusteringar",
    `Prognos${y} (före resultat\u00ADöverföringar, inkl. begärda BJ)`,
    `Prognos${y} (efter resultat\u00ADöverföringar, inkl. begärda BJ)`,
    "Avvikelse (+/-) (inkl. begärda BJ)",
  ];
}

/** A line's look in `lines`, its table's lines in order. */
function styleOf(line: BudgetLine, lines: readonly BudgetLine[]): CellStyle {
  if (line.kind === "varav") return "varav";
  if (line.kind === "total" || closesWithNetto(line, lines)) return "total";
  return "normal";
}

/**
 * A Netto closing a Kostnader | Intäkter | Netto table (003 lines 1829–1832, every area's table
 * after it): the table's result, summing the lines above it as a Totalt does. A Netto opening a
 * table (002 line 1926, `Anslag för nämndens verksamhet (netto)`) is a line like the others.
 */
function closesWithNetto(line: BudgetLine, lines: readonly BudgetLine[]): boolean {
  return (
    line.kind === "netto" &&
    lines[lines.length - 1] === line &&
    lines.some((l) => l.kind === "kostnader" || l.kind === "intakter")
  );
}

/** Tolerance for "the source cell holds the engine's number". */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** An amount: a formula over its numeric source cell (at `address`) when there is one, else the value. */
function sourcedAmount(
  ctx: ReportContext,
  line: BudgetLine,
  value: number | null,
  address: string | undefined,
  style: CellStyle,
): OutCell | null {
  if (value === null) return null;
  const cell = numberCell(value, amountFormat(line.unit), style);
  if (address) cell.formula = sourceFormula(ctx, line.sheet, address, value);
  return cell;
}

/** {@link sourcedAmount} of one of the line's own fields. */
function amountCell(
  ctx: ReportContext,
  line: BudgetLine,
  field: AmountField,
  style: CellStyle,
): OutCell | null {
  return sourcedAmount(ctx, line, line[field], line.cells[field], style);
}

/** A reference to the source cell (`'Driftbudget'!C5`) when it holds the engine's number. */
export function sourceFormula(
  ctx: ReportContext,
  sheet: string,
  address: string,
  value: number,
): string | undefined {
  const source = ctx.lookup(sheet, address);
  if (!isNumericSource(source) || !same(source, value)) return undefined;
  // `sheetRef`, with the sheet's name quoted once per sheet rather than once per cell.
  let prefix = ctx.sheetPrefixes.get(sheet);
  if (prefix === undefined) ctx.sheetPrefixes.set(sheet, (prefix = sheetRef(sheet, "")));
  return prefix + address;
}

/** The generated columns (1-based) an Avvikelse sums, with their signs: Budget + BJ + förändringar − Prognos. */
interface DeviationTerm {
  col: number;
  sign: 1 | -1;
}

const NAMND_DEVIATION: readonly DeviationTerm[] = [
  { col: 2, sign: 1 },
  { col: 3, sign: 1 },
  { col: 4, sign: 1 },
  { col: 5, sign: -1 },
];

const OMRADE_DEVIATION: readonly DeviationTerm[] = [
  { col: 2, sign: 1 },
  { col: 3, sign: 1 },
  { col: 5, sign: -1 },
];

/**
 * A line's Avvikelse: the source's own figure (over its cell) where it states one, since the report
 * publishes what the ledger says and a sum of rounded cells can miss it by a rounding (Agresso's
 * 17,1 against 16,9); else the sum of the generated cells (`B5+C5+D5-E5`) where they hold budget
 * and forecast. A stated figure that does not add up beyond rounding has its own finding
 * (`budget-deviation-mismatch`).
 */
function deviationCell(
  ctx: ReportContext,
  line: BudgetLine,
  row: number,
  terms: readonly DeviationTerm[],
  values: readonly (number | null)[],
  style: CellStyle,
): OutCell | null {
  if (line.deviation !== null) return amountCell(ctx, line, "deviation", style);
  if (line.budget === null || line.forecast === null) return null;
  return deviationFormula(row, terms, values, line.unit, style);
}

/** Sum of signed cells as a formula over generated cells (`B5+C5+D5-E5`) with its value (`values` by term). */
function deviationFormula(
  row: number,
  terms: readonly DeviationTerm[],
  values: readonly (number | null)[],
  unit: BudgetLine["unit"],
  style: CellStyle,
): OutCell {
  let formula = "";
  let value = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const ref = a1(row, t.col);
    formula += formula === "" ? (t.sign < 0 ? `-${ref}` : ref) : `${t.sign < 0 ? "-" : "+"}${ref}`;
    value += t.sign * (values[i] ?? 0);
  }
  return formulaCell(round(value, decimalsFor(unit) + 4), formula, amountFormat(unit), style);
}

function labelCell(line: BudgetLine, style: CellStyle): OutCell {
  const cell = textCell(line.label, style);
  if (line.kind === "varav") cell.indent = 1;
  return cell;
}

function groupTables(lines: BudgetLine[], type: BudgetLine["tableType"]): BudgetLine[][] {
  return groupTablesOf(lines, new Set([type]));
}

/** Tables a plan has too: they say nothing of whether their sheet is a follow-up's. */
const NOT_ONLY_FOLLOW_UP: ReadonlySet<TableType> = new Set([
  "driftbudget-vp",
  "indicators-plan",
  "activities",
]);

/** Sheets with a table of a follow-up: indicators with outcomes, or a budget table that is no plan's. */
function followUpSheets(ctx: ReportContext): Set<string> {
  const sheets = new Set<string>();
  for (const t of ctx.result.recognition.tables) if (!NOT_ONLY_FOLLOW_UP.has(t.type)) sheets.add(t.sheet);
  return sheets;
}

/** Budget tables a follow-up prints with their own columns, in the workbook's order. */
const OTHER_IN_FOLLOW_UP: ReadonlySet<BudgetLine["tableType"]> = new Set(["budget-other", "driftbudget-vp"]);

/** The lines of each table of these types, by table in the model's order, each sorted by row. */
function groupTablesOf(lines: BudgetLine[], types: ReadonlySet<BudgetLine["tableType"]>): BudgetLine[][] {
  return [...budgetTables(lines.filter((line) => types.has(line.tableType))).values()];
}

const isBefore = (l: BudgetLine): boolean => l.kind === "disposition" && /före/i.test(l.label);
const isAfter = (l: BudgetLine): boolean => l.kind === "disposition" && /efter/i.test(l.label);

/** A group row of a budget table (`Avdelning Nord`, `Äldreomsorgen`): its label, one level in per group holding it. */
function groupCell(group: GroupRow): OutCell {
  const cell = textCell(group.label, "group");
  if (group.depth) cell.indent = group.depth;
  return cell;
}

/**
 * Writes the group rows of the lines' table that come before source row `row` and are not yet
 * written (from `next`, their position in the table's groups); returns the position after them. A
 * group's name never ends a page without its first row under it.
 */
function writeGroupsBefore(
  sheet: SheetBuilder,
  groups: readonly GroupRow[],
  next: number,
  row: number,
): number {
  while (next < groups.length && groups[next].row < row)
    sheet.keepWithNext(sheet.add([groupCell(groups[next++])]));
  return next;
}

/** Whole nämnd: Budget | BJ | förändringar | Prognos | Avvikelse, then the disposition rows. */
function namndTable(ctx: ReportContext, sheet: SheetBuilder, lines: BudgetLine[]): void {
  const { period } = ctx.result.model;
  const unit = lines[0].unit;
  const standard = namndHeaders(unit, period.year, ctx.period);
  sheet.startTable(headerRow(cityHeaders(ctx, lines[0].tableId, withRoles(NAMND_ROLES, standard))), {
    headerLines: CITY_HEADER_LINES,
  });
  /** Generated rows of the disposition block since its `före` row. */
  let dispositionRows: { row: number; value: number | null }[] | null = null;
  const groups = ctx.tableById(lines[0].tableId)?.groupRows ?? [];
  let nextGroup = 0;
  for (const line of lines) {
    nextGroup = writeGroupsBefore(sheet, groups, nextGroup, line.row);
    const style = styleOf(line, lines);
    const row = sheet.nextRow;
    const cells: Row = [
      labelCell(line, style),
      amountCell(ctx, line, "budget", style),
      amountCell(ctx, line, "adjustments", style),
      amountCell(ctx, line, "changes", style),
      amountCell(ctx, line, "forecast", style),
    ];
    if (line.kind !== "disposition") {
      const values = [line.budget, line.adjustments, line.changes, line.forecast];
      cells.push(deviationCell(ctx, line, row, NAMND_DEVIATION, values, style));
    } else if (isAfter(line)) {
      cells[0] = labelCell(line, "total");
      // efter = före + överskott från föregående år + överskott till nästa år (written negative),
      // summed only where the source states no figure of its own.
      if (line.deviation === null && dispositionRows?.length) {
        const formula = dispositionRows.map((d) => a1(d.row, 6)).join("+");
        const value = dispositionRows.reduce((sum, d) => sum + (d.value ?? 0), 0);
        cells.push(formulaCell(round(value, decimalsFor(unit) + 4), formula, amountFormat(unit), "total"));
      } else cells.push(amountCell(ctx, line, "deviation", "total"));
      dispositionRows = null;
    } else {
      cells.push(amountCell(ctx, line, "deviation", style));
    }
    if (isBefore(line)) dispositionRows = [];
    if (line.kind === "disposition" && dispositionRows && !isAfter(line))
      dispositionRows.push({ row, value: line.deviation });
    sheet.add(cells);
  }
}

/** Per verksamhetsområde: Budget | BJ | Prognos före RÖ | Prognos efter RÖ | Avvikelse. */
function omradeTable(
  ctx: ReportContext,
  sheet: SheetBuilder,
  lines: BudgetLine[],
): { label: string; row: number; group: string | null }[] {
  const { period } = ctx.result.model;
  const unit = lines[0].unit;
  const standard = omradeHeaders(unit, period.year);
  sheet.startTable(headerRow(cityHeaders(ctx, lines[0].tableId, withRoles(OMRADE_ROLES, standard))), {
    headerLines: CITY_HEADER_LINES,
  });
  const areas: { label: string; row: number; group: string | null }[] = [];
  const groups = ctx.tableById(lines[0].tableId)?.groupRows ?? [];
  let nextGroup = 0;
  for (const line of lines) {
    nextGroup = writeGroupsBefore(sheet, groups, nextGroup, line.row);
    const style = styleOf(line, lines);
    const row = sheet.nextRow;
    const cells: Row = [
      labelCell(line, style),
      amountCell(ctx, line, "budget", style),
      amountCell(ctx, line, "adjustments", style),
      amountCell(ctx, line, "forecastBeforeTransfers", style),
      amountCell(ctx, line, "forecast", style),
      deviationCell(ctx, line, row, OMRADE_DEVIATION, [line.budget, line.adjustments, line.forecast], style),
    ];
    sheet.add(cells);
    if (line.kind === "row" && cells[5] !== null)
      areas.push({ label: line.label, row, group: groupOf(ctx, line, lines) });
  }
  return areas;
}

function percentCell(n: number): OutCell {
  const { value, format } = indicatorNumber(n, "%");
  return numberCell(value, format);
}

/** Budget figures computed by evaluate (budgetföljsamhet, prognossäkerhet). */
function derivedTable(ctx: ReportContext, sheet: SheetBuilder): void {
  const derived = ctx.result.derived;
  if (!derived.length) return;
  sheet.tableHeading("Budgetindikatorer");
  // Its status column holds text where the tables above hold amounts.
  sheet.startTable(headerRow(["Indikator", "Utfall", "Mål", "Status"]), { ownColumns: true });
  for (const d of derived) {
    const status = statusLabel(d.met ? "met" : "not-met");
    sheet.add([
      textCell(d.labelSv),
      percentCell(d.value),
      d.targetKind === "band"
        ? textCell(`+/- ${String(d.target).replace(".", ",")} %`)
        : percentCell(d.target),
      tonedCell(status.text, status.tone),
    ]);
  }
  sheet.endTable();
}

/** A column of a budget table the city's layouts don't name, as its source header has it. */
interface SourceColumn {
  header: string;
  /** The source column's role (`null`: Okänd). */
  role: ColumnRole | null;
  /** A column the model reads no amount from (`Kommentar`, `Ansvarig`, `JA / NEJ`): its cells as written. */
  written: boolean;
  cell: (line: BudgetLine, style: CellStyle) => OutCell | null;
}

const FIELD_OF_ROLE: Partial<Record<ColumnRole, AmountField>> = {
  budget: "budget",
  adjustments: "adjustments",
  changes: "changes",
  forecastBeforeTransfers: "forecastBeforeTransfers",
  forecastAfterTransfers: "forecast",
  budgetDeviation: "deviation",
};

/**
 * The columns of a recognised budget table, in its order: each amount read from the model's line,
 * every other column (but the row label and one set to be ignored) as the source has it.
 */
function sourceColumns(ctx: ReportContext, tableId: string): SourceColumn[] {
  const table = ctx.tableById(tableId);
  if (!table) return [];
  const out: SourceColumn[] = [];
  let rows: Map<number, RecognisedRow> | null = null;
  const rowOf = (line: BudgetLine): RecognisedRow | undefined =>
    (rows ??= new Map(table.rows.map((r) => [r.row, r]))).get(line.row);
  for (const column of table.columns) {
    const role = column.role;
    if (role === "name" || role === "ignore") continue;
    const header = cleanText(column.header);
    const field = role === null ? undefined : FIELD_OF_ROLE[role];
    if (field)
      out.push({ header, role, written: false, cell: (line, style) => amountCell(ctx, line, field, style) });
    else if (role === "amount")
      out.push({ header, role, written: false, cell: (line, style) => planAmount(ctx, line, header, style) });
    else if (role !== null && EXTRA_ROLES.includes(role))
      out.push({ header, role, written: false, cell: (line, style) => extraAmount(ctx, line, role, style) });
    else {
      const at = column.col - table.firstCol;
      out.push({ header, role, written: true, cell: (line, style) => writtenCell(rowOf(line), at, style) });
    }
  }
  return out;
}

/** A source cell as written: text as text, a number as the number under its own format. */
function writtenCell(row: RecognisedRow | undefined, at: number, style: CellStyle): OutCell | null {
  if (!row) return null;
  const value = cellValue(row, at);
  if (typeof value === "number") return numberCell(value, cellFormat(row, at) ?? "General", style);
  if (typeof value === "boolean") return textCell(truthText(value), style);
  const text = value?.trim();
  return text ? textCell(text, style) : null;
}

/** {@link sourcedAmount} of an amount the model keeps by its column's role (`carryOverTo`, …). */
function extraAmount(ctx: ReportContext, line: BudgetLine, role: string, style: CellStyle): OutCell | null {
  return sourcedAmount(ctx, line, line.extra?.[role] ?? null, line.cells[role], style);
}

/**
 * A budget table in none of the city's layouts (a unit's `Tkr | Budget | Utfall | Avvikelse` at
 * year-end): its own columns and rows, under its own title, the amounts over their source cells.
 */
function otherTable(
  ctx: ReportContext,
  sheet: SheetBuilder,
  lines: BudgetLine[],
  columns: SourceColumn[],
): void {
  sheet.tableHeading(budgetTableName(lines[0], ctx.tableById(lines[0].tableId)));
  sheet.startTable(headerRow([unitLabel(lines[0].unit), ...columns.map((c) => c.header)]), {
    ownColumns: true,
  });
  // A unit's `Intäkter` and `Kostnader` over their rows, as its table groups them.
  const groups = ctx.tableById(lines[0].tableId)?.groupRows ?? [];
  let nextGroup = 0;
  for (const line of lines) {
    nextGroup = writeGroupsBefore(sheet, groups, nextGroup, line.row);
    const style = styleOf(line, lines);
    sheet.add([labelCell(line, style), ...columns.map((c) => c.cell(line, style))]);
  }
  sheet.endTable();
}

/**
 * A sheet column another table holds text in: it wraps, and shares the width the amounts leave;
 * its header (Resultatenheter's question ending `JA / NEJ`) at most five lines deep.
 */
const TEXT_COLUMN: ColumnSpec = { kind: "text", min: 60, max: 220, headerLines: 5 };

/**
 * A text column (a unit's `Kommentar`) in a sheet column where another table has amounts (the
 * city's Avvikelse): no wider than about two figure columns, so that the other table's figures are
 * not set far apart; its text wraps onto more lines instead.
 */
const SHARED_TEXT_COLUMN: ColumnSpec = { kind: "text", min: 60, max: 110, headerLines: 5 };

/**
 * A sheet column past the city's six (Resultatenheter's last): amounts, the header at most five
 * lines deep, as deep as the published table's (its `JA / NEJ` question), so that a unit or sign
 * kept with its word (`10 %)`) makes the header no deeper.
 */
const EXTRA_COLUMN: ColumnSpec = { kind: "fit", headerLines: 5 };

/** The sheet's columns: the city's six, more where another table has more, text where one holds text. */
function budgetColumns(
  tables: readonly (readonly { written: boolean }[])[],
  cityTables: boolean,
): ColumnSpec[] {
  const widest = Math.max(0, ...tables.map((t) => t.length + 1));
  if (widest <= COLUMNS.length && !tables.some((t) => t.some((c) => c.written))) return COLUMNS;
  const columns: ColumnSpec[] = [
    ...COLUMNS,
    ...Array.from({ length: Math.max(0, widest - COLUMNS.length) }, (): ColumnSpec => EXTRA_COLUMN),
  ];
  /** Sheet columns (1-based in the tables' terms: after the name) another table holds amounts in. */
  const amounts = new Set<number>();
  if (cityTables) for (let i = 1; i < COLUMNS.length; i++) amounts.add(i);
  for (const table of tables) table.forEach((c, i) => !c.written && amounts.add(i + 1));
  for (const table of tables)
    table.forEach((c, i) => {
      if (c.written) columns[i + 1] = amounts.has(i + 1) ? SHARED_TEXT_COLUMN : TEXT_COLUMN;
    });
  return columns;
}

export function buildBudgetSheet(ctx: ReportContext): SheetSpec {
  const { budget } = ctx.result.model;
  const vp = groupTables(budget, "driftbudget-vp");
  if (ctx.result.model.period.kind === "VP" && vp.length) return buildPlanBudgetSheet(ctx, vp);
  const published = [INVESTMENTS, RESULT_UNITS].flatMap((layout) =>
    groupTables(budget, layout.type).map((lines) => publishedTable(ctx, lines, layout)),
  );
  // A plan's table on a follow-up's sheet (a unit's T2 sheet quoting the VP's figures) is printed as
  // it stands, as other budget tables are: read and checked, it went unprinted and unmentioned. The
  // plan's own sheets in the same workbook are the plan, not this report.
  const followUp = followUpSheets(ctx);
  const planSheets = new Map<string, number>();
  const others = groupTablesOf(budget, OTHER_IN_FOLLOW_UP)
    .filter((lines) => {
      const { tableType, sheet } = lines[0];
      if (tableType !== "driftbudget-vp" || followUp.has(sheet)) return true;
      planSheets.set(sheet, (planSheets.get(sheet) ?? 0) + 1);
      return false;
    })
    .map((lines) => ({
      lines,
      columns: sourceColumns(ctx, lines[0].tableId),
    }));
  const namnd = groupTables(budget, "driftbudget-namnd");
  const omrade = groupTables(budget, "driftbudget-omrade");
  const sheet = new SheetBuilder(
    "driftbudget",
    budgetColumns(
      [...published.map((t) => t.columns), ...others.map((o) => o.columns)],
      namnd.length > 0 || omrade.length > 0,
    ),
  );
  sheet.heading(sheetTitle(ctx, "Driftbudget"), ctx.note);
  if (!namnd.length && !omrade.length && !published.length && !others.length) {
    sheet.text("Inga driftbudgettabeller hittades i arbetsboken.");
    planTablesLeftOut(sheet, planSheets);
    derivedTable(ctx, sheet);
    return sheet.build();
  }
  // Several tables of a kind (one per avdelning) are told apart by the title above each.
  const tableRows = namnd.length > 1 || omrade.length > 1 ? budgetRowKeys(budget) : new Set<string>();
  for (const lines of namnd) {
    const title = kindTitle(ctx, lines, namnd.length > 1, tableRows);
    sheet.tableHeading(kindHeading("Driftbudget, hela nämnden", title));
    namndTable(ctx, sheet, lines);
    sheet.endTable();
  }
  const chartAreas: ChartArea[] = [];
  for (const lines of omrade) {
    const title = kindTitle(ctx, lines, omrade.length > 1, tableRows);
    sheet.tableHeading(kindHeading("Driftbudget per verksamhetsområde", title));
    for (const { label, row, group } of omradeTable(ctx, sheet, lines))
      chartAreas.push({ label, row, group, table: title, unit: lines[0].unit });
    sheet.endTable();
  }
  for (const table of published) writePublished(sheet, table);
  for (const { lines, columns } of others) otherTable(ctx, sheet, lines, columns);
  planTablesLeftOut(sheet, planSheets);
  derivedTable(ctx, sheet);
  if (chartAreas.length) deviationChart(sheet, chartAreas, omrade.length > 1);
  return sheet.build();
}

/** A line saying which sheets' plan tables a follow-up leaves out (the VP's own sheets), and how many. */
function planTablesLeftOut(sheet: SheetBuilder, planSheets: ReadonlyMap<string, number>): void {
  if (!planSheets.size) return;
  const count = [...planSheets.values()].reduce((a, b) => a + b, 0);
  const names = [...planSheets.keys()].map((n) => `”${n}”`);
  const where =
    names.length === 1
      ? `bladet ${names[0]}`
      : `bladen ${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;
  sheet.text(
    `${count === 1 ? "Planens budgettabell" : `Planens ${count} budgettabeller`} på ${where} tas inte med i uppföljningen: skapa planens tabeller med perioden VP.`,
  );
}

/** A column of a published table: the seed's header, and which of the source's columns fills it. */
interface PublishedSlot {
  header: (ctx: ReportContext) => string;
  takes: (column: SourceColumn) => boolean;
}

/** One of the report's budget tables whose layout the city publishes (seed 002), by its columns' roles. */
interface PublishedLayout {
  type: "investeringar" | "resultatenheter";
  heading: string;
  /** The name column's header where the source's is blank. */
  name: (unit: BudgetLine["unit"]) => string;
  slots: PublishedSlot[];
  /** Avvikelse: the slot it is in, and the terms over generated columns with the fields that fill them. */
  deviation?: { slot: number; terms: readonly DeviationTerm[]; fields: readonly AmountField[] };
}

const year = (ctx: ReportContext, offset = 0): string => {
  const y = ctx.result.model.period.year;
  return y === null ? "" : ` ${y + offset}`;
};

const hasRole =
  (role: ColumnRole) =>
  (column: SourceColumn): boolean =>
    column.role === role;

/** Seed 002 line 2292: `Mnkr, netto | Budget | Prognos | Budgetjusteringar | Avvikelse`. */
const INVESTMENTS: PublishedLayout = {
  type: "investeringar",
  heading: "Investeringar",
  name: (unit) => `${unitLabel(unit)}, netto`,
  slots: [
    { header: (ctx) => `Budget${year(ctx)} (inkl beviljade budgetjusteringar)`, takes: hasRole("budget") },
    {
      header: (ctx) => `Prognos tertial${year(ctx)}`,
      takes: hasRole("forecastAfterTransfers"),
    },
    { header: () => "Budgetjusteringar (ansökta medel i ärendet)", takes: hasRole("adjustments") },
    {
      header: () => "Avvikelse (utgå från att begärda budgetjusteringar beviljas)",
      takes: hasRole("budgetDeviation"),
    },
  ],
  // Budget + begärda BJ − Prognos (the header: as if the BJ asked for are granted).
  deviation: {
    slot: 3,
    terms: [
      { col: 2, sign: 1 },
      { col: 4, sign: 1 },
      { col: 3, sign: -1 },
    ],
    fields: ["budget", "adjustments", "forecast"],
  },
};

/**
 * Seed 002 line 2242. The sign convention flips between the columns (a surplus carried from last
 * year is negative, one carried to next year positive): each is printed as the source has it.
 */
const RESULT_UNITS: PublishedLayout = {
  type: "resultatenheter",
  heading: "Resultatenheter",
  name: () => "Resultatenhetens namn",
  slots: [
    { header: (ctx) => `Resultatenheternas bruttobudget${year(ctx)}`, takes: hasRole("grossBudget") },
    {
      header: (ctx) => `Varav 5 % av resultatenheternas bruttobudget${year(ctx)}`,
      takes: (c) => c.role === "amount" && headerKey(c.header).startsWith("varav"),
    },
    {
      header: (ctx) =>
        `Resultatöverföring från ${year(ctx, -1).trim() || "föregående år"} Överskott (-) Underskott (+)`,
      takes: hasRole("carryOverFrom"),
    },
    {
      header: (ctx) => `Beräknat resultat${year(ctx)} Överskott (-) Underskott (+)`,
      takes: hasRole("estimatedResult"),
    },
    {
      header: () => "Har beslutet uppkommit av resultatenhetens eget handlande? JA / NEJ",
      takes: hasRole("ownTrading"),
    },
    {
      header: (ctx) =>
        `Beräknad resultatöverföring till ${year(ctx, 1).trim() || "nästa år"} (max 10 %) Överskott (+) Underskott (-)`,
      takes: hasRole("carryOverTo"),
    },
  ],
};

/** A row of a published table: its cells, given the generated row it is written at. */
interface PublishedRow {
  /** A row naming the group the rows under it belong to. */
  group: boolean;
  cells: (generated: number) => Row;
}

/** A published table ready to write: its header, its columns and rows (group rows among them). */
interface PublishedTable {
  heading: string;
  header: string[];
  /** The columns after the name column. */
  columns: { written: boolean }[];
  /** Each row's cells, given the generated row it is written at (Avvikelse refers to its own row). */
  rows: PublishedRow[];
}

/**
 * An Investeringar or Resultatenheter table in the city's published layout: the source's columns in
 * the layout's order under their own headers (the seed's where the source has no such column),
 * then any further source columns as written; the amounts over their source cells, Avvikelse the
 * source's where it states one, else a formula over the generated cells where the layout has one
 * ({@link deviationCell}), and the rows that name a group (`Äldreomsorgen`) where the source has them.
 */
function publishedTable(ctx: ReportContext, lines: BudgetLine[], layout: PublishedLayout): PublishedTable {
  const first = lines[0];
  const source = sourceColumns(ctx, first.tableId);
  const used = new Set<SourceColumn>();
  const columns = layout.slots.map((slot) => {
    const column = source.find((c) => !used.has(c) && slot.takes(c));
    if (column) used.add(column);
    return {
      header: column?.header || slot.header(ctx),
      written: column?.written ?? false,
      cell: column?.cell ?? ((): OutCell | null => null),
    };
  });
  for (const column of source) if (!used.has(column)) columns.push(column);
  const table = ctx.tableById(first.tableId);
  const nameHeader = table
    ? cleanText((table.columns.find((c) => c.role === "name") ?? table.columns[0]).header)
    : "";
  const groups = table?.groupRows ?? [];
  const rows: (PublishedRow & { row: number })[] = groups.map((g) => ({
    row: g.row,
    group: true,
    cells: () => [groupCell(g)],
  }));
  const deviation = layout.deviation;
  for (const line of lines)
    rows.push({
      row: line.row,
      group: false,
      cells: (generated) => {
        const style = styleOf(line, lines);
        const cells: Row = [labelCell(line, style), ...columns.map((c) => c.cell(line, style))];
        if (deviation && line.deviation === null) {
          const values = deviation.fields.map((f) => line[f]);
          cells[deviation.slot + 1] = deviationCell(ctx, line, generated, deviation.terms, values, style);
        }
        return cells;
      },
    });
  rows.sort((a, b) => a.row - b.row);
  return {
    heading: layout.heading,
    header: [nameHeader || layout.name(first.unit), ...columns.map((c) => c.header)],
    columns,
    rows,
  };
}

function writePublished(sheet: SheetBuilder, table: PublishedTable): void {
  sheet.tableHeading(table.heading);
  sheet.startTable(headerRow(table.header), { ownColumns: true });
  for (const { group, cells } of table.rows) {
    const row = sheet.add(cells(sheet.nextRow));
    // A group's name never ends a page without its first unit under it.
    if (group) sheet.keepWithNext(row);
  }
  sheet.endTable();
}

/** An area of a per-verksamhetsområde table: its label, generated row, the table's title and unit. */
interface ChartArea {
  label: string;
  row: number;
  /** The title above its table, where there are several (`Uppföljning av driftbudget, avdelning 3`). */
  table: string | null;
  /** The group its table puts it in (`Avdelning Nord`), or null. */
  group: string | null;
  unit: BudgetLine["unit"];
}

/** The chart's unit: the largest of its tables' (mnkr where one table is in mnkr and another in tkr). */
function chartUnit(areas: ChartArea[]): BudgetLine["unit"] {
  let unit: BudgetLine["unit"] = areas[0].unit;
  for (const area of areas) if (mnkrIn(area.unit) < mnkrIn(unit)) unit = area.unit;
  return unit;
}

/** The chart's unit in one of the area's table's (1000 for an area of a tkr table on a mnkr chart). */
function divisor(area: ChartArea, unit: BudgetLine["unit"]): number {
  return mnkrIn(area.unit) / mnkrIn(unit);
}

/**
 * An area's deviation cell in the chart's block: a reference to it, divided into the chart's unit
 * (its value as Excel divides it); a cell that holds no number, referred to as it is.
 */
function chartCell(sheet: SheetBuilder, area: ChartArea, unit: BudgetLine["unit"]): OutCell {
  const value = sheet.rows[area.row - 1][5]?.value ?? null;
  const source = a1(area.row, 6);
  const by = divisor(area, unit);
  if (typeof value !== "number" || by === 1) return formulaCell(value, source, amountFormat(unit));
  return formulaCell(value / by, `${source}/${by}`, amountFormat(unit));
}

/**
 * The areas a chart over `areas` shows: all of one table (the nämnd's own areas, however many), or,
 * over several tables or several groups of one (`Avdelning Nord` and the areas again under
 * `Avdelning Syd`), the largest deviations (either sign, in the chart's unit), largest first.
 */
function chartedAreas(
  sheet: SheetBuilder,
  areas: ChartArea[],
  unit: BudgetLine["unit"],
  crowded: boolean,
): ChartArea[] {
  if (!crowded || areas.length <= AREAS_KEPT_WITH_CHART) return areas;
  const size = (area: ChartArea): number => {
    const value = sheet.rows[area.row - 1][5]?.value;
    return typeof value === "number" ? Math.abs(value) / divisor(area, unit) : 0;
  };
  // Each area's size taken once, not per comparison. Sort is stable: equal deviations keep the tables' order.
  const sizes = new Map(areas.map((area) => [area, size(area)]));
  return [...areas]
    .sort((a, b) => (sizes.get(b) as number) - (sizes.get(a) as number))
    .slice(0, AREAS_KEPT_WITH_CHART);
}

/**
 * The deviation per verksamhetsområde as a bar chart over a contiguous block of references (no varav
 * rows). More areas than fit a readable chart (200 avdelningar's tables) give the largest deviations,
 * and the title says so; an area named alike in several tables or groups carries its group's name
 * and its table's title. Every bar
 * is in one unit: an area of a table in a smaller unit (tkr beside mnkr) is divided into it by its
 * formula, and the block's header then names the unit.
 */
function deviationChart(sheet: SheetBuilder, areas: ChartArea[], severalTables: boolean): void {
  const unit = chartUnit(areas);
  const shown = chartedAreas(sheet, areas, unit, severalTables || areas.some((area) => area.group !== null));
  const part =
    shown.length < areas.length
      ? ` – de ${shown.length} största avvikelserna av ${renderNumber(areas.length, null, 0)}`
      : "";
  const named = new Map<string, number>();
  // Over all the areas: `Äldreomsorg` alone among the largest is still one of six.
  for (const area of areas) named.set(area.label, (named.get(area.label) ?? 0) + 1);
  const heading = sheet.tableHeading(`Diagramunderlag: avvikelse per verksamhetsområde${part}`);
  const converted = shown.some((area) => area.unit !== unit);
  sheet.startTable(headerRow(["Verksamhetsområde", converted ? `Avvikelse (${unit})` : "Avvikelse"]), {
    chartData: true,
  });
  const first = sheet.nextRow;
  for (const area of shown) {
    const where = [area.group, area.table].filter((w): w is string => w !== null).join(", ");
    const label = where && (named.get(area.label) ?? 0) > 1 ? `${area.label} (${where})` : area.label;
    sheet.add([textCell(label), chartCell(sheet, area, unit)]);
  }
  const last = sheet.nextRow - 1;
  sheet.endTable();
  sheet.chart(
    {
      title: `Avvikelse per verksamhetsområde${part} (${unit})`,
      kind: "bar",
      categories: `${a1(first, 1)}:${a1(last, 1)}`,
      series: [{ name: "Avvikelse", values: `${a1(first, 2)}:${a1(last, 2)}`, colour: AMOUNT_CHART_COLOUR }],
    },
    70 + 20 * shown.length,
    shown.length <= AREAS_KEPT_WITH_CHART ? heading : undefined,
  );
}

/** The amount columns of a plan's budget table, in the header's order (`VP 2022`, `VP 2021`, …). */
function planColumns(lines: BudgetLine[]): string[] {
  const keys: string[] = [];
  for (const line of lines)
    for (const key of Object.keys(line.cells))
      if (key.startsWith("amount:") && !keys.includes(key.slice(7))) keys.push(key.slice(7));
  return keys;
}

/**
 * A plan table's heading: its own (`Nämndens ekonomiska förutsättningar`), or, where several tables
 * share one or it is the title the VP gives every area's table (`Ekonomiska förutsättningar`, 003
 * line 1840; also one area's table alone in a workbook), the area's name written above it in the
 * source. A table with no title of its own (the nämnd's Kostnader | Intäkter | Netto under a
 * paragraph, 003 line 1826) is named by its header's `Mnkr`, which would only repeat the header:
 * it gets a short text above it, if any, else no heading.
 */
function planHeading(
  ctx: ReportContext,
  lines: BudgetLine[],
  shared: boolean,
  tableRows: ReadonlySet<string>,
): string | null {
  const first = lines[0];
  if (UNIT_LINE.test(first.table.trim())) return titleAbove(ctx, first, tableRows, first.table);
  if (!shared && matchKey(first.table) !== AREA_TABLE_TITLE) return first.table;
  const area = titleAbove(ctx, first, tableRows, first.table);
  return area ? `${area} – ${first.table}` : first.table;
}

/** The title the VP gives each area's budget table, which names no area ({@link matchKey}). */
const AREA_TABLE_TITLE = matchKey("Ekonomiska förutsättningar");

/** Every row (header and lines) of the tables `lines` belong to, as {@link rowKey}s. */
function budgetRowKeys(lines: BudgetLine[]): Set<string> {
  const rows = new Set<string>();
  for (const line of lines) {
    rows.add(rowKey(line.sheet, line.row));
    rows.add(rowKey(line.sheet, headerRowOf(line)));
  }
  return rows;
}

/**
 * The text in column A nearest above the header of `first`'s table, within six rows, that names it
 * (`Uppföljning av driftbudget, avdelning 3`), other than `except`; never above another table's row.
 */
function titleAbove(
  ctx: ReportContext,
  first: BudgetLine,
  tableRows: ReadonlySet<string>,
  except: string | null,
): string | null {
  const header = headerRowOf(first);
  const texts: string[] = [];
  for (let row = header - 1; row >= Math.max(1, header - 6) && texts.length < 2; row--) {
    // Another table's rows name no area (a `Totalt` right above is the table before's).
    if (tableRows.has(rowKey(first.sheet, row))) break;
    const value = ctx.lookup(first.sheet, `A${row}`);
    const text = typeof value === "string" ? value.trim() : "";
    // A note on the figures (`Belopp i tkr. Underlag …`) names no table either.
    if (text && text.length <= 120 && !isNoteLine(text)) texts.push(text);
  }
  return texts.find((t) => t !== except) ?? null;
}

/** A table's own title where there are several of its kind (one per avdelning), else null. */
function kindTitle(
  ctx: ReportContext,
  lines: BudgetLine[],
  several: boolean,
  tableRows: ReadonlySet<string>,
): string | null {
  return several ? titleAbove(ctx, lines[0], tableRows, null) : null;
}

/** A heading the city's layout gives every table of a kind, with the table's own title. */
function kindHeading(heading: string, title: string | null): string {
  return title ? `${heading} – ${title}` : heading;
}

/** The row of a budget line's table header (its id ends in the header's A1 address). */
function headerRowOf(line: BudgetLine): number {
  return Number(/(\d+)$/.exec(line.tableId)?.[1] ?? line.row);
}

function buildPlanBudgetSheet(ctx: ReportContext, tables: BudgetLine[][]): SheetSpec {
  const sheet = new SheetBuilder("driftbudget", COLUMNS);
  sheet.heading(sheetTitle(ctx, "Driftbudget"), ctx.note);
  const headingCount = new Map<string, number>();
  for (const lines of tables) headingCount.set(lines[0].table, (headingCount.get(lines[0].table) ?? 0) + 1);
  const tableRows = budgetRowKeys(tables.flat());
  for (const lines of tables) {
    const unit = lines[0].unit;
    const columns = planColumns(lines);
    const heading = planHeading(ctx, lines, (headingCount.get(lines[0].table) ?? 0) > 1, tableRows);
    if (heading) sheet.tableHeading(heading);
    sheet.startTable(headerRow([unitLabel(unit), ...columns]));
    for (const line of lines) {
      const style = styleOf(line, lines);
      sheet.add([labelCell(line, style), ...columns.map((column) => planAmount(ctx, line, column, style))]);
    }
    sheet.endTable();
  }
  return sheet.build();
}

/** {@link sourcedAmount} of an amount column kept by its header (`VP 2022`). */
function planAmount(ctx: ReportContext, line: BudgetLine, column: string, style: CellStyle): OutCell | null {
  return sourcedAmount(ctx, line, line.extra?.[column] ?? null, line.cells[`amount:${column}`], style);
}
