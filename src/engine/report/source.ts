/**
 * Looks up what a source cell holds, to decide whether a generated cell can be a live formula
 * over it (only when the source cell is a number) or must carry the value.
 */
import type { CellValue, SourceCell, WorkbookSnapshot } from "../grid";
import { cellAt, formatAt, parseA1 } from "../grid";
import type { Recognition } from "../recognise/types";

export type SourceLookup = (sheet: string, address: string) => CellValue | undefined;

/** A source cell's number format: null for General, `undefined` when the cell is not known. */
export type SourceFormatLookup = (sheet: string, address: string) => string | null | undefined;

/** From the workbook snapshot when the caller has it: exact. */
export function lookupFromSnapshot(snapshot: WorkbookSnapshot): SourceLookup {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  return (sheet, address) => {
    const grid = sheets.get(sheet);
    const pos = parseA1(address);
    if (!grid || !pos) return undefined;
    return cellAt(grid, pos.row, pos.col);
  };
}

/** Number formats from the workbook snapshot. */
export function formatsFromSnapshot(snapshot: WorkbookSnapshot): SourceFormatLookup {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  return (sheet, address) => {
    const grid = sheets.get(sheet);
    const pos = parseA1(address);
    if (!grid || !pos) return undefined;
    return formatAt(grid, pos.row, pos.col);
  };
}

/**
 * From the recognised tables' rows (values run from the table's first column). Unknown cells
 * give `undefined`, and the caller then writes values rather than formulas.
 */
export function lookupFromRecognition(recognition: Recognition): SourceLookup {
  const cell = recognisedCells(recognition);
  return (sheet, address) => cell(sheet, address)?.value;
}

/** Number formats from the recognised tables' rows, as {@link lookupFromRecognition} finds cells. */
export function formatsFromRecognition(recognition: Recognition): SourceFormatLookup {
  const cell = recognisedCells(recognition);
  return (sheet, address) => {
    const found = cell(sheet, address);
    return found ? found.format : undefined;
  };
}

function recognisedCells(
  recognition: Recognition,
): (sheet: string, address: string) => SourceCell | undefined {
  const rows = new Map<string, { firstCol: number; lastCol: number; cells: SourceCell[] }>();
  for (const table of recognition.tables)
    for (const row of table.rows)
      rows.set(`${table.sheet}\u0000${row.row}`, {
        firstCol: table.firstCol,
        lastCol: table.lastCol,
        cells: row.cells,
      });
  return (sheet, address) => {
    const pos = parseA1(address);
    if (!pos) return undefined;
    const row = rows.get(`${sheet}\u0000${pos.row}`);
    if (!row || pos.col < row.firstCol || pos.col > row.lastCol) return undefined;
    return row.cells[pos.col - row.firstCol];
  };
}

export function isNumericSource(value: CellValue | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
