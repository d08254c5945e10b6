/**
 * Looks up what a source cell holds, to decide whether a generated cell can be a live formula
 * over it (only when the source cell is a number) or must carry the value.
 */
import type { CellValue, SheetGrid, SourceCell, WorkbookSnapshot } from "../grid";
import { cellAt, formatAt, parseA1 } from "../grid";
import { parseQuantityCell, unitFromFormat } from "../parse/quantity";
import type { Recognition } from "../recognise/types";

export type SourceLookup = (sheet: string, address: string) => CellValue | undefined;

/**
 * The unit a source cell shows: in its text (`800 st`) or by its number format (`0.0 %`,
 * `#,##0 "st"`); null for none, `undefined` when the cell is not known.
 */
export type SourceUnitLookup = (sheet: string, address: string) => string | null | undefined;

/** From the workbook snapshot when the caller has it: exact. */
export function lookupFromSnapshot(snapshot: WorkbookSnapshot): SourceLookup {
  return snapshotCells(snapshot, cellAt);
}

/** Units from the workbook snapshot. */
export function unitsFromSnapshot(snapshot: WorkbookSnapshot): SourceUnitLookup {
  const texts = new Map<string, string | null>();
  return snapshotCells(snapshot, (grid, row, col) =>
    shownUnit(cellAt(grid, row, col), formatAt(grid, row, col), texts),
  );
}

/**
 * `read` at a cell named by sheet and address; undefined where the sheet or address is unknown.
 * Asked for thousands of cells (budget amounts, activity dates, two units a row), mostly on one
 * sheet: the last sheet found is kept.
 */
function snapshotCells<T>(
  snapshot: WorkbookSnapshot,
  read: (grid: SheetGrid, row: number, col: number) => T,
): (sheet: string, address: string) => T | undefined {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  let lastName: string | null = null;
  let last: SheetGrid | undefined;
  return (sheet, address) => {
    if (sheet !== lastName) {
      lastName = sheet;
      last = sheets.get(sheet);
    }
    const grid = last;
    const at = cellIndex(address);
    if (!grid || at < 0) return undefined;
    return read(grid, Math.floor(at / COLUMNS), at % COLUMNS);
  };
}

/** More columns than a sheet may have (16 384), as {@link cellIndex} packs a cell. */
const COLUMNS = 32_768;

/**
 * An A1 address as row × {@link COLUMNS} + column, or -1 where {@link parseA1} reads none: a plain
 * one (`C446`, as the model records cells) read here, with no object per cell, anything else by
 * parseA1.
 */
function cellIndex(address: string): number {
  let i = 0;
  let col = 0;
  for (; i < address.length && i < 3; i++) {
    const code = address.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  const digitsFrom = i;
  if (i === 0 || i === address.length || address.length - digitsFrom > 7) return slowIndex(address);
  let row = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 48 || code > 57) return slowIndex(address);
    row = row * 10 + (code - 48);
  }
  return row * COLUMNS + col;
}

function slowIndex(address: string): number {
  const pos = parseA1(address);
  return pos ? pos.row * COLUMNS + pos.col : -1;
}

/**
 * The unit a cell holding `value` in `format` shows (see {@link SourceUnitLookup}). `texts` holds
 * the units of texts read before: thousands of figures written as text (`15 st`) repeat a few
 * hundred, each read once.
 */
function shownUnit(
  value: CellValue,
  format: string | null,
  texts?: Map<string, string | null>,
): string | null {
  // A number's unit is its format's alone (read without the number: no quantity is made).
  if (typeof value === "number") return Number.isFinite(value) ? unitFromFormat(format).unit : null;
  if (typeof value !== "string") return null;
  let unit = texts?.get(value);
  if (unit === undefined) {
    const parsed = parseQuantityCell(value);
    unit = parsed.kind === "quantity" ? parsed.quantity.unit : null;
    texts?.set(value, unit);
  }
  return unit;
}

/**
 * From the recognised tables' rows (values run from the table's first column). Unknown cells
 * give `undefined`, and the caller then writes values rather than formulas.
 */
export function lookupFromRecognition(recognition: Recognition): SourceLookup {
  const cell = recognisedCells(recognition);
  return (sheet, address) => cell(sheet, address)?.value;
}

/** Units from the recognised tables' rows, as {@link lookupFromRecognition} finds cells. */
export function unitsFromRecognition(recognition: Recognition): SourceUnitLookup {
  const cell = recognisedCells(recognition);
  return (sheet, address) => {
    const found = cell(sheet, address);
    return found ? shownUnit(found.value, found.format) : undefined;
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
