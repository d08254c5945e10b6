/** One row of a recognised budget table into the model's BudgetLine. */
import type { Finding } from "../findings";
import { parseQuantityCell } from "../parse/quantity";
import { cleanText } from "../parse/text";
import { headerKey } from "../recognise/headers";
import { isOutcomeHeader } from "../recognise/tables";
import type { ColumnRole, RecognisedRow } from "../recognise/types";
import { budgetKind } from "./budgetKind";
import type { TableCells } from "./cells";
import { displayName } from "./cells";
import { isDash } from "./dashes";
import type { RowContext } from "./figures";
import { readNumber, unparseable } from "./figures";
import type { BudgetAmountField, FieldLabel } from "./labels";
import { BUDGET_FIELD_LABELS } from "./labels";
import type { BudgetLine } from "./types";

const BUDGET_FIELDS: [ColumnRole, BudgetAmountField][] = [
  ["budget", "budget"],
  ["adjustments", "adjustments"],
  ["changes", "changes"],
  ["forecastBeforeTransfers", "forecastBeforeTransfers"],
  ["forecastAfterTransfers", "forecast"],
  ["budgetDeviation", "deviation"],
];

const EXTRA_ROLES: ColumnRole[] = ["grossBudget", "carryOverFrom", "estimatedResult", "carryOverTo"];

const VALUE_LABEL: FieldLabel = { sv: "Värdet", en: "The value" };

/** The row, or null when it has no label (nothing to report it by). */
export function readBudgetLine(
  table: TableCells,
  row: RecognisedRow,
  findings: Finding[],
): BudgetLine | null {
  const t = table.table;
  const labelCell = table.cell(row, "name") ?? table.cellAt(row, t.firstCol);
  const label = displayName(labelCell);
  if (!label) return null;
  const ctx: RowContext = { sheet: t.sheet, subject: label, findings };
  const line: BudgetLine = {
    sheet: t.sheet,
    row: row.row,
    table: t.title,
    kind: budgetKind(label, labelCell?.value ?? null),
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
    cells: { label: labelCell?.address },
    tableType:
      t.type === "indicators-followup" || t.type === "indicators-plan" || t.type === "activities"
        ? "budget-other"
        : t.type,
    tableId: t.id,
  };
  const forecastHeader = t.columns.find((c) => c.role === "forecastAfterTransfers")?.header;
  if (forecastHeader && isOutcomeHeader(forecastHeader)) line.forecastIsOutcome = true;
  for (const [role, field] of BUDGET_FIELDS) {
    const cell = table.cell(row, role);
    if (!cell) continue;
    line[field] = readNumber(ctx, cell, BUDGET_FIELD_LABELS[field])?.value ?? null;
    line.cells[field] = cell.address;
  }
  const extra: Record<string, number | null> = {};
  for (const role of EXTRA_ROLES) {
    const cell = table.cell(row, role);
    if (!cell) continue;
    extra[role] = readNumber(ctx, cell, VALUE_LABEL)?.value ?? null;
    line.cells[role] = cell.address;
  }
  for (const column of t.columns) {
    // VP tables compare every year column (VP 2022, VP 2021, Bokslut …); elsewhere only further amounts.
    const yearColumn = column.role === "budget" && t.type === "driftbudget-vp";
    if (column.role !== "amount" && !yearColumn) continue;
    const cell = table.cellAt(row, column.col);
    if (!cell) continue;
    const key = cleanText(column.header);
    const parsed = parseQuantityCell(cell.value, cell.format);
    extra[key] = parsed.kind === "quantity" ? parsed.quantity.value : null;
    line.cells[`amount:${key}`] = cell.address;
    if (
      parsed.kind === "error" ||
      (parsed.kind === "text" &&
        !isDash(parsed.text) &&
        column.role === "amount" &&
        !headerKey(column.header).startsWith("varav"))
    )
      unparseable(ctx, cell, { sv: column.header, en: column.header }, parsed.text);
  }
  if (Object.keys(extra).length) line.extra = extra;
  return line;
}
