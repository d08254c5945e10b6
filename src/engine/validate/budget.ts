import type { Finding } from "../findings";
import { finding } from "../findings";
import type { BudgetAmountField, FieldLabel } from "../model/labels";
import { BUDGET_FIELD_LABELS } from "../model/labels";
import type { BudgetLine } from "../model/types";
import { renderNumber, renderNumberEn } from "../parse/target";
import { decimalsFor, deviationTerms, roundingTolerance } from "../evaluate/budget";

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

function fieldName(key: string): FieldLabel {
  if (key.startsWith("extra:")) return { sv: key.slice(6), en: key.slice(6) };
  return key in BUDGET_FIELD_LABELS ? BUDGET_FIELD_LABELS[key as BudgetAmountField] : { sv: key, en: key };
}

/** Avvikelse = Budget + BJ (+ förändringar) − Prognos, allowing each term's rounding. */
function deviationMismatch(line: BudgetLine, out: Finding[]): void {
  if (line.deviation === null || line.computedDeviation === null) return;
  if (
    Math.abs(line.deviation - line.computedDeviation) <=
    roundingTolerance(line.unit, deviationTerms(line) + 1)
  )
    return;
  out.push(
    finding({
      code: "budget-deviation-mismatch",
      sheet: line.sheet,
      cell: line.cells.deviation ?? line.cells.label ?? `A${line.row}`,
      message: `”${line.label}”: avvikelsen ${amount(line, line.deviation)} stämmer inte med budget + justeringar − ${line.forecastIsOutcome ? "utfall" : "prognos"} = ${amount(line, line.computedDeviation)}.`,
      messageEn: `"${line.label}": the deviation ${amountEn(line, line.deviation)} does not equal budget + adjustments − ${line.forecastIsOutcome ? "outcome" : "forecast"} = ${amountEn(line, line.computedDeviation)}.`,
    }),
  );
}

function groupByTable(lines: BudgetLine[]): Iterable<BudgetLine[]> {
  const groups = new Map<string, BudgetLine[]>();
  for (const l of lines) {
    const g = groups.get(l.tableId);
    if (g) g.push(l);
    else groups.set(l.tableId, [l]);
  }
  return groups.values();
}

/** Each total row against the sum of the ordinary rows since the previous total (`varav` rows are parts, not added). */
function totalMismatches(table: BudgetLine[], out: Finding[]): void {
  let parts: BudgetLine[] = [];
  for (const line of table) {
    if (line.kind === "row") {
      parts.push(line);
      continue;
    }
    if (line.kind !== "total") continue;
    for (const field of numericFields(line)) {
      const { key, value, cell } = field;
      let sum = 0;
      let terms = 0;
      for (const part of parts) {
        const partValue = valueOf(part, field);
        if (partValue === undefined) continue;
        sum += partValue;
        terms++;
      }
      if (terms < 2) continue;
      if (Math.abs(sum - value) <= roundingTolerance(line.unit, terms + 1)) continue;
      const name = fieldName(key);
      out.push(
        finding({
          code: "budget-total-mismatch",
          sheet: line.sheet,
          cell: cell ?? line.cells.label ?? `A${line.row}`,
          message: `”${line.label}” (${name.sv}): ${amount(line, value)} är inte summan av raderna ovan, ${amount(line, sum)} (varav-rader räknas inte).`,
          messageEn: `"${line.label}" (${name.en}): ${amountEn(line, value)} is not the sum of the rows above, ${amountEn(line, sum)} (varav rows not counted).`,
        }),
      );
    }
    parts = [];
  }
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

/** Netto = Kostnader + Intäkter per column, for each Kostnader/Intäkter/Netto group. */
function nettoMismatches(table: BudgetLine[], out: Finding[]): void {
  let costs: BudgetLine | null = null;
  let income: BudgetLine | null = null;
  for (const line of table) {
    if (line.kind === "kostnader") costs = line;
    else if (line.kind === "intakter") income = line;
    else if (line.kind === "netto") {
      const c = costs;
      const i = income;
      if (c && i) {
        for (const field of numericFields(line)) {
          const { key, value, cell } = field;
          const cv = valueOf(c, field);
          const iv = valueOf(i, field);
          if (cv === undefined || iv === undefined) continue;
          if (Math.abs(cv + iv - value) <= roundingTolerance(line.unit, 3)) continue;
          const name = fieldName(key);
          out.push(
            finding({
              code: "budget-netto-mismatch",
              sheet: line.sheet,
              cell: cell ?? `A${line.row}`,
              message: `”${line.label}” (${name.sv}): netto ${amount(line, value)} ≠ kostnader ${amount(line, cv)} + intäkter ${amount(line, iv)} = ${amount(line, cv + iv)}.`,
              messageEn: `"${line.label}" (${name.en}): net ${amountEn(line, value)} ≠ costs ${amountEn(line, cv)} + income ${amountEn(line, iv)} = ${amountEn(line, cv + iv)}.`,
            }),
          );
        }
      }
      costs = null;
      income = null;
    }
  }
}

const SIGNED_FIELDS = (key: string) =>
  key === "budget" || key === "forecast" || key === "forecastBeforeTransfers" || key.startsWith("extra:");

/** Intäkter are written negative and Kostnader positive in the city's tables. */
function signErrors(line: BudgetLine, out: Finding[]): void {
  if (line.kind !== "intakter" && line.kind !== "kostnader") return;
  for (const { key, value, cell } of numericFields(line)) {
    if (!SIGNED_FIELDS(key)) continue;
    const wrong = line.kind === "intakter" ? value > 0 : value < 0;
    if (!wrong) continue;
    const name = fieldName(key);
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

export function validateBudget(lines: BudgetLine[]): Finding[] {
  const out: Finding[] = [];
  for (const line of lines) {
    deviationMismatch(line, out);
    signErrors(line, out);
  }
  for (const table of groupByTable(lines)) {
    totalMismatches(table, out);
    dispositionMismatch(table, out);
    nettoMismatches(table, out);
  }
  return out;
}
