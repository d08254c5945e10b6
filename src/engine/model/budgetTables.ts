import type { BudgetLine } from "./types";

/** The budget lines by table (in the model's order of tables), each table's lines by row. */
export function budgetTables(lines: readonly BudgetLine[]): Map<string, BudgetLine[]> {
  const tables = new Map<string, BudgetLine[]>();
  for (const line of lines) {
    const list = tables.get(line.tableId);
    if (list) list.push(line);
    else tables.set(line.tableId, [line]);
  }
  for (const list of tables.values()) list.sort((a, b) => a.row - b.row);
  return tables;
}
