/**
 * Reading a recognised table's rows by column role: each role's cell (value, format, address) and
 * the texts every kind of row shares (its display name, its analysis).
 */
import type { SourceCell } from "../grid";
import { cleanText, stripLeadingSymbols, stripTags } from "../parse/text";
import type { ColumnRole, RecognisedRow, RecognisedTable } from "../recognise/types";

/** A table's columns by role, looked up once per table rather than once per row and field. */
export class TableCells {
  /** Index into a row's cells of each role's (first) column. */
  private readonly at = new Map<ColumnRole, number>();

  constructor(readonly table: RecognisedTable) {
    for (const column of table.columns)
      if (column.role && !this.at.has(column.role)) this.at.set(column.role, column.col - table.firstCol);
  }

  /** 1-based sheet column of the role's column, or null when the table has none. */
  col(role: ColumnRole): number | null {
    const at = this.at.get(role);
    return at === undefined ? null : this.table.firstCol + at;
  }

  /** The row's cell in the role's column, or null when the table has no such column. */
  cell(row: RecognisedRow, role: ColumnRole): SourceCell | null {
    const at = this.at.get(role);
    return at === undefined ? null : (row.cells[at] ?? null);
  }

  /** The row's cell in a 1-based sheet column of the table. */
  cellAt(row: RecognisedRow, col: number): SourceCell | null {
    return row.cells[col - this.table.firstCol] ?? null;
  }

  /** A cell's text as written (`String` of numbers), cleaned; "" when empty or absent. */
  text(row: RecognisedRow, role: ColumnRole): string {
    const value = this.cell(row, role)?.value ?? null;
    return cleanText(String(value ?? ""));
  }

  /** Addresses of the row's cells in these roles (the model's `cells`). */
  addresses(row: RecognisedRow, roles: readonly ColumnRole[]): Partial<Record<string, string>> {
    const out: Partial<Record<string, string>> = {};
    for (const role of roles) {
      const cell = this.cell(row, role);
      if (cell) out[role] = cell.address;
    }
    return out;
  }

  /** The row's Analys cell, else the Analys row recognised under it. */
  analysis(row: RecognisedRow): string | null {
    return this.text(row, "analysis") || row.analysis?.text || null;
  }
}

/** A row's name as the reports mean it: tags, extra spaces and leading status symbols dropped. */
export function displayName(cell: SourceCell | null): string {
  const value = cell?.value ?? null;
  return stripLeadingSymbols(
    cleanText(stripTags(typeof value === "string" ? value : value === null ? "" : String(value))),
  );
}
