import type { Finding } from "../findings";
import { finding } from "../findings";
import { a1Range, parseA1 } from "../grid";
import type { BudgetAmountField, FieldLabel } from "../model/labels";
import { BUDGET_EXTRA_LABELS, BUDGET_FIELD_LABELS, budgetFieldLabel } from "../model/labels";
import { budgetTables } from "../model/budgetTables";
import type { BudgetLine } from "../model/types";
import { renderNumber, renderNumberEn } from "../parse/target";
import { decimalsFor, roundingTolerance } from "../evaluate/amounts";
import { costRowsOf, nettoParts } from "../evaluate/totalSources";
import { deviationTerms } from "../evaluate/budget";
import type { GroupRow } from "../recognise/types";
import { incomeGroupSigns } from "./incomeGroup";

function amount(line: BudgetLine, value: number): string {
  return renderNumber(value, line.unit, decimalsFor(line.unit));
}

function amountEn(line: BudgetLine, value: number): string {
  return renderNumberEn(value, line.unit, decimalsFor(line.unit));
}

interface NumericField {
  key: string;
  value: number;
  cell: string | undefined;
  /** For an extra column: its key in `line.extra`. */
  extraKey?: string;
}

/** A line's numeric fields in order, each key once (a short list: a Map per line cost more). */
type NumericFields = NumericField[];

/** The fields a line always has, by key. */
const STANDARD_FIELDS = [
  "budget",
  "adjustments",
  "changes",
  "forecastBeforeTransfers",
  "forecast",
  "deviation",
] as const;

type StandardField = (typeof STANDARD_FIELDS)[number];

/** Numeric fields of a line by key, incl. extra columns (VP years, resultatenheter). */
function numericFields(line: BudgetLine): NumericFields {
  const out: NumericFields = [];
  for (const key of STANDARD_FIELDS) {
    const value = line[key];
    if (typeof value === "number") out.push({ key, value, cell: line.cells[key] });
  }
  if (line.extra) {
    for (const [key, value] of Object.entries(line.extra)) {
      if (typeof value !== "number" || !isOwnExtra(line, key)) continue;
      out.push({ key: `extra:${key}`, value, cell: extraCell(line, key), extraKey: key });
    }
  }
  return out;
}

/** Whether an extra column is a field of its own, not the budget column again. */
function isOwnExtra(line: BudgetLine, key: string): boolean {
  return key !== "budget" && extraCell(line, key) !== line.cells.budget;
}

function extraCell(line: BudgetLine, key: string): string | undefined {
  return line.cells[key] ?? line.cells[`amount:${key}`];
}

/**
 * The value {@link numericFields} lists for `line` under the key of `field` (a field of another
 * line), without listing the line's fields: each part of a total is read once per field.
 */
function valueOf(line: BudgetLine, field: NumericField): number | undefined {
  const extraKey = field.extraKey;
  if (extraKey === undefined) {
    const value = line[field.key as StandardField];
    return typeof value === "number" ? value : undefined;
  }
  const extra = line.extra;
  if (!extra || !Object.prototype.hasOwnProperty.call(extra, extraKey)) return undefined;
  const value = extra[extraKey];
  return typeof value === "number" && isOwnExtra(line, extraKey) ? value : undefined;
}

/** The cell of `line` that holds its value of `field` (a field of another line). */
function cellOf(line: BudgetLine, field: NumericField): string | undefined {
  return field.extraKey === undefined ? line.cells[field.key] : extraCell(line, field.extraKey);
}

/**
 * What findings call the field `key` of `line`: the column's own name. `forecast` is `Utfall` in a
 * table whose column holds the outcome; an extra column is its header (a resultatenheter column its
 * role's name).
 */
function fieldName(line: BudgetLine, key: string): FieldLabel {
  if (key.startsWith("extra:")) {
    const extraKey = key.slice(6);
    return BUDGET_EXTRA_LABELS[extraKey] ?? { sv: extraKey, en: extraKey };
  }
  return key in BUDGET_FIELD_LABELS
    ? budgetFieldLabel(key as BudgetAmountField, line.forecastIsOutcome)
    : { sv: key, en: key };
}

/** Whether a line's Avvikelse is not Budget + BJ (+ förändringar) − Prognos, allowing each term's rounding. */
function deviationMisstated(
  line: BudgetLine,
): line is BudgetLine & { deviation: number; computedDeviation: number } {
  return (
    line.deviation !== null &&
    line.computedDeviation !== null &&
    Math.abs(line.deviation - line.computedDeviation) > roundingTolerance(line.unit, deviationTerms(line) + 1)
  );
}

/**
 * The ids of the tables with a column of budget adjustments (Begärda BJ) or of prestations- and
 * omslutningsförändringar: only their deviation is budget + justeringar − prognos. A unit's own
 * `Budget | Utfall | Avvikelse` has neither, and its deviation is budget − utfall.
 */
function tablesWithAdjustments(lines: readonly BudgetLine[]): Set<string> {
  const ids = new Set<string>();
  for (const line of lines) {
    if (line.cells.adjustments !== undefined || line.cells.changes !== undefined) ids.add(line.tableId);
  }
  return ids;
}

/** `adjusted`: the line's table has a column of adjustments (see {@link tablesWithAdjustments}). */
function deviationMismatch(line: BudgetLine, adjusted: boolean, out: Finding[]): void {
  if (!deviationMisstated(line)) return;
  const budgetSv = adjusted ? "budget + justeringar" : "budget";
  const budgetEn = adjusted ? "budget + adjustments" : "budget";
  out.push(
    finding({
      code: "budget-deviation-mismatch",
      sheet: line.sheet,
      cell: line.cells.deviation ?? line.cells.label ?? `A${line.row}`,
      message: `”${line.label}”: avvikelsen ${amount(line, line.deviation)} stämmer inte med ${budgetSv} − ${line.forecastIsOutcome ? "utfall" : "prognos"} = ${amount(line, line.computedDeviation)}.`,
      messageEn: `"${line.label}": the deviation ${amountEn(line, line.deviation)} does not equal ${budgetEn} − ${line.forecastIsOutcome ? "outcome" : "forecast"} = ${amountEn(line, line.computedDeviation)}.`,
    }),
  );
}

/**
 * Each total row against the sum of the rows since the previous total (`varav` rows are parts, not
 * added). An `Intäkter` or `Kostnader` row among them is added too, unless a `Netto` row comes
 * between (the Kostnader | Intäkter | Netto blocks of a plan's table, which the Netto check covers):
 * a unit's result table is `Intäkter` (negative), its cost rows, `Summa`. A total that is the sum of
 * its ordinary rows alone, or that takes income written positive off (not a negative one: that is
 * the sign error), is no mismatch either. A total after sub-totals may add them and the rows after
 * the last, or all the ordinary rows ({@link grandTotalHolds}). A total with a hidden row among its
 * parts is not checked: the hidden row is not read (rows-hidden), but Excel's total still counts it.
 */
function totalMismatches(table: BudgetLine[], hidden: readonly number[], out: Finding[]): void {
  let parts: BudgetLine[] = [];
  /** Whether a `varav` row stands among `parts`, left out of their sum: only then does a message say so. */
  let varavLeftOut = false;
  let after = 0;
  /** The table's totals so far (`Summa Avdelning Nord`), and its ordinary rows: a grand total adds either. */
  const totals: BudgetLine[] = [];
  const ordinary: BudgetLine[] = [];
  for (const line of table) {
    if (
      line.kind === "row" ||
      line.kind === "intakter" ||
      line.kind === "kostnader" ||
      line.kind === "netto"
    ) {
      parts.push(line);
      if (line.kind === "row") ordinary.push(line);
      continue;
    }
    if (line.kind === "varav") varavLeftOut = true;
    if (line.kind !== "total") continue;
    /** How many of `totals` come before this one (copied only for a total its own rows miss). */
    const earlier = totals.length;
    totals.push(line);
    const from = after;
    after = line.row;
    if (hidden.some((row) => row > from && row < line.row)) {
      parts = [];
      varavLeftOut = false;
      continue;
    }
    // Below a Netto the plan's Kostnader | Intäkter | Netto blocks are checked by the Netto check.
    const added = parts.some((p) => p.kind === "netto") ? parts.filter((p) => p.kind === "row") : parts;
    /** The parts the message adds: the cost rows alone under a `Summa kostnader`. */
    const quoted = costRowsOf(line, added) ?? added;
    const mixed = added.some((p) => p.kind !== "row");
    for (const field of numericFields(line)) {
      const { key, value, cell } = field;
      /** The sum of every part; of the ordinary rows alone; with income taken off. */
      let sum = 0;
      let rows = 0;
      let incomeOff = 0;
      /** Whether every income row holds a positive amount: only then is taking it off a reading. */
      let incomePositive = true;
      let terms = 0;
      let rowTerms = 0;
      for (const part of added) {
        const partValue = valueOf(part, field);
        if (partValue === undefined) continue;
        sum += partValue;
        terms++;
        if (part.kind === "row") {
          rows += partValue;
          rowTerms++;
        }
        incomeOff += part.kind === "intakter" ? -partValue : partValue;
        if (part.kind === "intakter" && partValue < 0) incomePositive = false;
      }
      if (terms < 2) continue;
      const tolerance = roundingTolerance(line.unit, terms + 1);
      const holds = (total: number): boolean => Math.abs(total - value) <= tolerance;
      if (holds(sum)) continue;
      if (mixed && ((incomePositive && holds(incomeOff)) || (rowTerms >= 2 && holds(rows)))) continue;
      if (
        earlier > 0 &&
        grandTotalHolds(value, { sum, terms }, totals.slice(0, earlier), ordinary, field, line.unit)
      )
        continue;
      const shown = quoted === added ? sum : sumOf(quoted, field).sum;
      // A Summa kostnader that is its cost rows' sum holds, whatever Intäkter stands above them.
      if (quoted !== added && holds(shown)) continue;
      const name = fieldName(line, key);
      const misstated = wrongParts(
        line,
        value,
        key,
        quoted.flatMap((p) => {
          const partValue = valueOf(p, field);
          return partValue === undefined
            ? []
            : [{ line: p, value: partValue, cell: cellOf(p, field), sv: `”${p.label}”`, en: `"${p.label}"` }];
        }),
        { sv: `samma som ”${line.label}”`, en: `the same as "${line.label}"` },
      );
      out.push(
        finding({
          code: "budget-total-mismatch",
          sheet: line.sheet,
          cell: cell ?? line.cells.label ?? `A${line.row}`,
          message: `”${line.label}” (${name.sv}): ${amount(line, value)} är inte summan av raderna ovan, ${amount(line, shown)}${varavLeftOut ? " (varav-rader räknas inte)" : ""}.${misstated.sv}`,
          messageEn: `"${line.label}" (${name.en}): ${amountEn(line, value)} is not the sum of the rows above, ${amountEn(line, shown)}${varavLeftOut ? " (varav rows not counted)" : ""}.${misstated.en}`,
        }),
      );
    }
    parts = [];
    varavLeftOut = false;
  }
}

/**
 * Whether a total after sub-totals (`Totalt` under `Summa Avdelning Nord`, `Summa Avdelning Syd` and
 * loose rows) is their sum with the rows since the last of them (`since`), or the sum of all the
 * table's ordinary rows above it.
 */
function grandTotalHolds(
  value: number,
  since: { sum: number; terms: number },
  earlier: readonly BudgetLine[],
  ordinary: readonly BudgetLine[],
  field: NumericField,
  unit: BudgetLine["unit"],
): boolean {
  const subtotals = sumOf(earlier, field);
  const all = sumOf(ordinary, field);
  return (
    Math.abs(since.sum + subtotals.sum - value) <=
      roundingTolerance(unit, since.terms + subtotals.terms + 1) ||
    Math.abs(all.sum - value) <= roundingTolerance(unit, all.terms + 1)
  );
}

/** The sum of the lines' values of `field`, and how many lines hold one. */
function sumOf(lines: readonly BudgetLine[], field: NumericField): { sum: number; terms: number } {
  let sum = 0;
  let terms = 0;
  for (const line of lines) {
    const v = valueOf(line, field);
    if (v === undefined) continue;
    sum += v;
    terms++;
  }
  return { sum, terms };
}

/** Before + surplus from last year + surplus to next year = after resultatdisposition (19,9 + 76,1 − 89,1 = 6,9). */
function dispositionMismatch(table: BudgetLine[], out: Finding[]): void {
  const rows = table.filter((l) => l.kind === "disposition");
  if (rows.length !== 4) return;
  const [before, from, to, after] = rows.map((r) => r.deviation);
  if ([before, from, to, after].some((v) => v === null)) return;
  const expected = before! + from! + to!;
  const line = rows[3];
  if (Math.abs(expected - after!) <= roundingTolerance(line.unit, 4)) return;
  out.push(
    finding({
      code: "budget-total-mismatch",
      sheet: line.sheet,
      cell: line.cells.deviation ?? `A${line.row}`,
      message: `”${line.label}”: ${amount(line, after!)} stämmer inte med före resultatdisposition och överskotten, ${amount(line, expected)}.`,
      messageEn: `"${line.label}": ${amountEn(line, after!)} does not match the figure before disposition plus the surpluses, ${amountEn(line, expected)}.`,
    }),
  );
}

const SIGNED_FIELDS = (key: string) =>
  key === "budget" || key === "forecast" || key === "forecastBeforeTransfers" || key.startsWith("extra:");

/** Intäkter are written negative and Kostnader positive in the city's tables. */
function wrongSign(line: BudgetLine, value: number): boolean {
  return line.kind === "intakter" ? value > 0 : line.kind === "kostnader" && value < 0;
}

/** Netto = Kostnader + Intäkter per column, for each Kostnader/Intäkter/Netto group. */
function nettoMismatches(table: BudgetLine[], out: Finding[]): void {
  const pairs = nettoParts(table);
  for (const [index, [costsAt, incomeAt]] of pairs) {
    const line = table[index];
    const c = table[costsAt];
    const i = table[incomeAt];
    for (const field of numericFields(line)) {
      const { key, value, cell } = field;
      const cv = valueOf(c, field);
      const iv = valueOf(i, field);
      if (cv === undefined || iv === undefined) continue;
      if (Math.abs(cv + iv - value) <= roundingTolerance(line.unit, 3)) continue;
      const name = fieldName(line, key);
      const at = cell ?? `A${line.row}`;
      const parts = [cellOf(c, field), cellOf(i, field), at];
      const misstated = wrongParts(line, value, key, [
        { line: c, value: cv, cell: cellOf(c, field), sv: "Kostnader", en: "costs" },
        { line: i, value: iv, cell: cellOf(i, field), sv: "Intäkter", en: "income" },
      ]);
      out.push(
        finding({
          code: "budget-netto-mismatch",
          sheet: line.sheet,
          cell: at,
          range: parts.every((p) => p !== undefined) ? columnSpan(parts as string[]) : undefined,
          message: `”${line.label}” (${name.sv}): netto ${amount(line, value)} ≠ kostnader ${amount(line, cv)} + intäkter ${amount(line, iv)} = ${amount(line, cv + iv)}.${misstated.sv}`,
          messageEn: `"${line.label}" (${name.en}): net ${amountEn(line, value)} ≠ costs ${amountEn(line, cv)} + income ${amountEn(line, iv)} = ${amountEn(line, cv + iv)}.${misstated.en}`,
        }),
      );
    }
  }
}

const NO_NOTE: FieldLabel = { sv: "", en: "" };

/** Kostnader or Intäkter as a Netto sums it: its value in the field, its cell, its name. */
interface NettoPart {
  line: BudgetLine;
  value: number;
  cell: string | undefined;
  sv: string;
  en: string;
}

/**
 * What a Netto mismatch says of Kostnader and Intäkter that have a finding of their own in the same
 * field (`budget-deviation-mismatch`, `budget-sign`): those are the cells to correct first, and the
 * sum they then give, which may well be the Netto's. A wrong E6 makes the right E8 look wrong; 003
 * line 1961 writes Intäkter 102,2 without its minus, and its Netto 509,3 is right.
 */
function wrongParts(
  netto: BudgetLine,
  value: number,
  key: string,
  parts: NettoPart[],
  same: FieldLabel = { sv: "samma som netto", en: "the same as the net" },
): FieldLabel {
  const fixes = parts.map((p) => partFix(p, key)).filter((f) => f !== null);
  if (!fixes.length) return NO_NOTE;
  const sum = parts.reduce((total, p) => total + (fixes.find((f) => f.part === p)?.value ?? p.value), 0);
  const agrees = Math.abs(sum - value) <= roundingTolerance(netto.unit, parts.length + 1);
  const one = fixes.length === 1;
  const en = fixes.map((f) => f.en).join(", and ");
  return {
    sv: ` ${fixes.map((f) => f.sv).join(", och ")}: rätta ${one ? "den" : "dem"} först; då blir summan ${amount(netto, sum)}${agrees ? `, ${same.sv}` : ""}.`,
    en: ` ${en[0].toUpperCase()}${en.slice(1)}: correct ${one ? "that cell" : "those cells"} first; the sum is then ${amountEn(netto, sum)}${agrees ? `, ${same.en}` : ""}.`,
  };
}

/** What is wrong with one part in the field `key`, and the value it then has; null for nothing. */
function partFix(
  part: NettoPart,
  key: string,
): { part: NettoPart; value: number; sv: string; en: string } | null {
  const { line } = part;
  const where = part.cell ?? `A${line.row}`;
  /** Costs are named in the plural; income and a row's quoted label are not. */
  const plural = line.kind === "kostnader" && part.en === "costs";
  if (key === "deviation" && deviationMisstated(line)) {
    const outcome = line.forecastIsOutcome;
    return {
      part,
      value: line.computedDeviation,
      sv: `${part.sv} i ${where} stämmer inte heller med sin budget och ${outcome ? "sitt utfall" : "prognos"}, som ger ${amount(line, line.computedDeviation)}`,
      en: `${part.en} in ${where} ${plural ? "do" : "does"} not match ${plural ? "their" : "its"} own budget and ${outcome ? "outcome" : "forecast"} either, which give ${amountEn(line, line.computedDeviation)}`,
    };
  }
  if (SIGNED_FIELDS(key) && wrongSign(line, part.value))
    return {
      part,
      value: -part.value,
      sv: `${part.sv} i ${where} har fel tecken och ska vara ${amount(line, -part.value)}`,
      en: `${part.en} in ${where} ${plural ? "have" : "has"} the wrong sign and should be ${amountEn(line, -part.value)}`,
    };
  return null;
}

/** The cells of one column as a range from the highest to the lowest (`E5:E8`), else the first cell. */
function columnSpan(cells: string[]): string {
  const parsed = cells.map(parseA1);
  const col = parsed[0]?.col;
  if (parsed.some((p) => p === null || p.col !== col)) return cells[cells.length - 1];
  const rows = parsed.map((p) => p!.row);
  return a1Range(Math.min(...rows), col!, Math.max(...rows), col!);
}

/** Each Intäkter or Kostnader amount with the wrong sign ({@link wrongSign}). */
function signErrors(line: BudgetLine, out: Finding[]): void {
  if (line.kind !== "intakter" && line.kind !== "kostnader") return;
  for (const { key, value, cell } of numericFields(line)) {
    if (!SIGNED_FIELDS(key)) continue;
    if (!wrongSign(line, value)) continue;
    const name = fieldName(line, key);
    out.push(
      finding({
        code: "budget-sign",
        sheet: line.sheet,
        cell: cell ?? `A${line.row}`,
        message:
          line.kind === "intakter"
            ? `Intäkter (${name.sv}) ska anges med minustecken men är ${amount(line, value)}.`
            : `Kostnader (${name.sv}) ska vara positiva men är ${amount(line, value)}.`,
        messageEn:
          line.kind === "intakter"
            ? `Income (${name.en}) should be negative but is ${amountEn(line, value)}.`
            : `Costs (${name.en}) should be positive but are ${amountEn(line, value)}.`,
      }),
    );
  }
}

/** A line's amounts whose sign follows its table's convention, named as findings name them. */
function signedAmounts(line: BudgetLine) {
  return numericFields(line)
    .filter((field) => SIGNED_FIELDS(field.key))
    .map((field) => ({ ...field, name: fieldName(line, field.key) }));
}

const amountIn = (line: BudgetLine, value: number, english: boolean) =>
  english ? amountEn(line, value) : amount(line, value);

/**
 * `hiddenRows`: each table's hidden rows (sheet rows), by table id; `groupRows` its group labels
 * (`Intäkter` over its rows).
 */
export function validateBudget(
  lines: BudgetLine[],
  hiddenRows: ReadonlyMap<string, readonly number[]> = new Map(),
  groupRows: ReadonlyMap<string, readonly GroupRow[]> = new Map(),
): Finding[] {
  const out: Finding[] = [];
  const adjusted = tablesWithAdjustments(lines);
  for (const line of lines) {
    deviationMismatch(line, adjusted.has(line.tableId), out);
    signErrors(line, out);
  }
  for (const table of budgetTables(lines).values()) {
    totalMismatches(table, hiddenRows.get(table[0].tableId) ?? [], out);
    const groups = groupRows.get(table[0].tableId);
    if (groups) for (const f of incomeGroupSigns(table, groups, signedAmounts, amountIn)) out.push(f);
    dispositionMismatch(table, out);
    nettoMismatches(table, out);
  }
  return out;
}
