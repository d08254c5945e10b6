import type { CellValue } from "../../../src/engine/grid";
import { parseA1 } from "../../../src/engine/grid";
import type { FakeRuleData, FakeVisibility } from "./model";
import { FakeSheet, FakeWorkbook } from "./model";

export interface FakeSheetInit {
  name: string;
  visibility?: FakeVisibility;
  /** A1 of values[0][0]; default A1. */
  origin?: string;
  values?: CellValue[][];
  formats?: (string | null)[][];
  /** Formulas with the leading `=`, parallel to values (the value is the cached result). */
  formulas?: (string | null)[][];
  tables?: { name: string; address: string }[];
  /** Merged areas, A1 without the sheet (`B3:D3`); only their top-left cell should hold a value. */
  merges?: string[];
  /** Conditional formats in priority order. */
  rules?: FakeRuleData[];
  /** Sheet protection (conditional formats can then be neither added nor deleted). */
  protected?: boolean;
  /** Hidden rows (1-based) and columns (letters). */
  hiddenRows?: number[];
  hiddenColumns?: string[];
}

/** `date1904`: the values are the 1904 system's serials, and the workbook answers in that system. */
export function seedWorkbook(init: {
  name?: string;
  sheets: FakeSheetInit[];
  date1904?: boolean;
}): FakeWorkbook {
  const workbook = new FakeWorkbook(init.name ?? "Bok1.xlsx");
  workbook.date1904 = init.date1904 ?? false;
  for (const s of init.sheets) {
    const sheet = new FakeSheet(s.name);
    sheet.visibility = s.visibility ?? "Visible";
    const origin = parseA1(s.origin ?? "A1") ?? { row: 1, col: 1 };
    const rows = Math.max(s.values?.length ?? 0, s.formats?.length ?? 0, s.formulas?.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(
        s.values?.[r]?.length ?? 0,
        s.formats?.[r]?.length ?? 0,
        s.formulas?.[r]?.length ?? 0,
      );
      for (let c = 0; c < width; c++) {
        const value = s.values?.[r]?.[c] ?? null;
        const format = s.formats?.[r]?.[c] ?? null;
        const formula = s.formulas?.[r]?.[c] ?? null;
        if (value === null && format === null && formula === null) continue;
        const cell = sheet.ensure(origin.row - 1 + r, origin.col - 1 + c);
        cell.value = value;
        if (format) cell.format = format;
        if (formula) cell.formula = formula;
      }
    }
    sheet.tables = s.tables ?? [];
    sheet.rules = s.rules ?? [];
    sheet.merges = [...(s.merges ?? [])];
    sheet.protected = s.protected ?? false;
    for (const row of s.hiddenRows ?? []) sheet.hiddenRows.add(row - 1);
    for (const letters of s.hiddenColumns ?? [])
      sheet.hiddenColumns.add((parseA1(`${letters}1`)?.col ?? 0) - 1);
    workbook.sheets.push(sheet);
  }
  return workbook;
}
