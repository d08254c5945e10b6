/** One row of a recognised budget table into the model's BudgetLine. */
import type { Finding } from "../findings";
import { parseQuantityCell } from "../parse/quantity";
import { cleanText } from "../parse/text";
import { headerKey, isAreaOrUnitLabelHeader } from "../recognise/headers";
import { isOutcomeHeader } from "../recognise/tables";
import { cellAddress, cellFormat, cellValue, hasCell } from "../recognise/tableRow";
import type { ColumnRole, RecognisedRow } from "../recognise/types";
import { budgetKind } from "./budgetKind";
import type { TableCells } from "./cells";
import { displayName } from "./cells";
import { isDash } from "../parse/dashes";
import type { RowContext } from "./figures";
import { FigureColumn, quoted, unparseable } from "./figures";
import type { BudgetAmountField, FieldLabel } from "./labels";
import { budgetFieldLabel } from "./labels";
import type { BudgetLine } from "./types";

const BUDGET_FIELDS: [ColumnRole, BudgetAmountField][] = [
  ["budget", "budget"],
  ["adjustments", "adjustments"],
  ["changes", "changes"],
  ["forecastBeforeTransfers", "forecastBeforeTransfers"],
  ["forecastAfterTransfers", "forecast"],
  ["budgetDeviation", "deviation"],
];

export const EXTRA_ROLES: readonly ColumnRole[] = [
  "grossBudget",
  "carryOverFrom",
  "estimatedResult",
  "carryOverTo",
];

/** `Prognos efter RÖ`, `Prognos 2021 (efter resultat- överföringar, …)`, as headerKey reads them. */
const AFTER_TRANSFERS_HEADER = /efter(resultat|ro)/;

const VALUE_LABEL: FieldLabel = { sv: "Värdet", en: "The value" };

/**
 * A reader of one table's budget rows (each row to its line, or null when it has no label: nothing
 * to report it by). What depends on the table only (its amount columns, their keys) is settled once.
 */
export function budgetLineReader(
  table: TableCells,
  findings: Finding[],
): (row: RecognisedRow) => BudgetLine | null {
  const t = table.table;
  const nameAt = table.index("name");
  const analysisAt = table.index("analysis");
  const tableType =
    t.type === "indicators-followup" || t.type === "indicators-plan" || t.type === "activities"
      ? "budget-other"
      : t.type;
  const forecastHeader = t.columns.find((c) => c.role === "forecastAfterTransfers")?.header;
  const forecastIsOutcome = forecastHeader !== undefined && isOutcomeHeader(forecastHeader);
  const forecastNamesAfterTransfers =
    forecastHeader !== undefined && AFTER_TRANSFERS_HEADER.test(headerKey(forecastHeader));
  // Only where the table's type does not already say what its rows are.
  const nameHeader = t.columns.find((c) => c.role === "name")?.header;
  const labelsNameUnits =
    tableType === "budget-other" && nameHeader !== undefined && isAreaOrUnitLabelHeader(nameHeader);
  const fields = BUDGET_FIELDS.map(([role, field]) => ({
    field,
    column: new FigureColumn(table.index(role), budgetFieldLabel(field, forecastIsOutcome)),
  })).filter((f) => f.column.at >= 0);
  const extras = EXTRA_ROLES.map((role) => ({
    role,
    column: new FigureColumn(table.index(role), VALUE_LABEL),
  })).filter((e) => e.column.at >= 0);
  // VP tables compare every year column (VP 2022, VP 2021, Bokslut …); elsewhere only further amounts.
  const amounts = t.columns
    .filter((c) => c.role === "amount" || (c.role === "budget" && t.type === "driftbudget-vp"))
    .map((c) => ({
      column: c,
      at: c.col - t.firstCol,
      key: cleanText(c.header),
      label: { sv: c.header, en: c.header },
      textIsUnreadable: c.role === "amount" && !headerKey(c.header).startsWith("varav"),
    }));

  /** Where a row's findings go; its subject is the row being read. */
  const ctx: RowContext = { sheet: t.sheet, subject: "", findings };

  return (row) => {
    const labelAt = hasCell(row, nameAt) ? nameAt : 0;
    const labelValue = cellValue(row, labelAt);
    const label = displayName(labelValue);
    if (!label) return null;
    ctx.subject = label;
    const line: BudgetLine = {
      sheet: t.sheet,
      row: row.row,
      table: t.title,
      kind: budgetKind(label, labelValue),
      label,
      unit: t.amountUnit ?? "mnkr",
      budget: null,
      adjustments: null,
      changes: null,
      forecastBeforeTransfers: null,
      forecast: null,
      deviation: null,
      computedDeviation: null,
      analysis: table.analysis(row),
      cells: { label: hasCell(row, labelAt) ? cellAddress(row, labelAt) : undefined },
      tableType,
      tableId: t.id,
    };
    if (forecastIsOutcome) line.forecastIsOutcome = true;
    if (labelsNameUnits) line.labelsNameUnits = true;
    if (forecastNamesAfterTransfers) line.forecastNamesAfterTransfers = true;
    // `extra` only for a row that has one: this runs for every budget row.
    for (let f = 0; f < fields.length; f++) {
      const { field, column } = fields[f];
      if (!hasCell(row, column.at)) continue;
      line[field] = column.read(ctx, row) ? column.value : null;
      line.cells[field] = cellAddress(row, column.at);
    }
    let extra: Record<string, number | null> | null = null;
    for (let e = 0; e < extras.length; e++) {
      const { role, column } = extras[e];
      if (!hasCell(row, column.at)) continue;
      (extra ??= {})[role] = column.read(ctx, row) ? column.value : null;
      line.cells[role] = cellAddress(row, column.at);
    }
    for (let a = 0; a < amounts.length; a++) {
      const amount = amounts[a];
      if (!hasCell(row, amount.at)) continue;
      const address = cellAddress(row, amount.at);
      const value = cellValue(row, amount.at);
      const parsed = parseQuantityCell(value, cellFormat(row, amount.at));
      (extra ??= {})[amount.key] = parsed.kind === "quantity" ? parsed.quantity.value : null;
      line.cells[`amount:${amount.key}`] = address;
      if (
        parsed.kind === "error" ||
        (parsed.kind === "text" && !isDash(parsed.text) && amount.textIsUnreadable)
      )
        unparseable(ctx, address, amount.label, quoted(value, parsed.text));
    }
    if (extra) line.extra = extra;
    // Where its analysis is written, or is to be: its Analys cell, else the Analys row under it.
    if (hasCell(row, analysisAt)) line.cells.analysis = cellAddress(row, analysisAt);
    else if (row.analysis) line.cells.analysis = row.analysis.cell;
    return line;
  };
}
