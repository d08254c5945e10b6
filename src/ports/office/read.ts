/**
 * Reading the workbook as plain grids, sized by the bytes Excel sends back.
 *
 * - 1st request: sheet names and visibility, and the workbook's date system (dateSystem.ts).
 * - 2nd: each sheet's used range, tables, protection, whether it has formulas at all, its visible cells
 *   (whose gaps are its hidden rows and columns, visibleAreas.ts) and, where the host has ExcelApi 1.13, its merged
 *   areas (merges.ts) — but not for `_malkoll` nor for a sheet named as
 *   Målkoll names its report sheets (`Målkoll Indikatorer`, `… (2)`): the engine never reads those
 *   merges, and such a sheet from a large workbook has more than Excel answers (512).
 * - Then the cells in row chunks: `values` and `numberFormat`, and `formulas` only for sheets that
 *   have formulas (text would come back twice). Each sheet's first chunk is a probe of at most 200
 *   rows; the rest are chosen so an answer stays under the response budget at the bytes per cell
 *   the sheet's previous chunk measured. A misjudged chunk that Excel refuses is read again in
 *   halves (see batch.ts). The `_malkoll` rows ride with the probes; a sheet named like a report
 *   sheet that they do not record as Målkoll's is the user's own, and its merged areas ride with
 *   the rest of the cells (or take a request of their own when no sheet has more rows).
 *
 * A 1904-system workbook's date cells are handed on as 1900 serials, as the xlsx port does.
 * Målkoll's scratch sheets (`_malkoll~…`, see journal.ts) are not part of the snapshot.
 */
import type {
  CellValue,
  ListObjectInfo,
  SheetGrid,
  SheetVisibility,
  WorkbookSnapshot,
} from "../../engine/grid";
import { parseA1Range } from "../../engine/grid";
import { isGeneratedSheetName } from "../../engine/plan/naming";
import type { MalkollState } from "../../engine/state";
import { decodeState, isOwnedSheet, STATE_SHEET } from "../../engine/state";
import { from1904 } from "../dateSystem";
import type { Batch, Unit } from "./batch";
import { ACTION_BYTES, jsonBytes } from "./batch";
import { DATE_SYSTEM_PROBE_BYTES, queueDateSystemProbe } from "./dateSystem";
import { isAbortError } from "./errors";
import type { IsSetSupported } from "./host";
import { hiddenColumnsOf, hiddenRowsOf } from "./visibleAreas";
import { isScratchSheet } from "./journal";
import type { MergesRead, SheetMerges } from "./merges";
import { mergedAreas, mergesUnit, readMergesApart } from "./merges";

/** Bytes per cell assumed before a sheet's first chunk came back (values and formats of short text). */
export const FIRST_CHUNK_BYTES_PER_CELL = 48;
/**
 * A sheet's first chunk is at most this many rows: a probe that measures its bytes per cell before
 * the rest is sized (Excel has no cheap way to ask how long a sheet's texts are). The probes of all
 * sheets share requests, so a workbook of small sheets is still read in one request.
 */
export const FIRST_CHUNK_ROWS = 200;

const VISIBILITY_FROM_EXCEL: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

export interface SheetEntry {
  name: string;
  visibility: string;
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** The sheets as Excel listed them, scratch sheets included. */
  sheets: SheetEntry[];
  /** `_malkoll` from A1 (null when there is none). */
  stateRows: CellValue[][] | null;
}

/** `Blad1!B3:F20`, `'Min flik'!B3` → `B3:F20`, `B3`. */
export function addressWithoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
}

/** Rows from A1 of a loaded range that starts at `address`'s top-left corner. */
export function rowsFromA1(address: string, values: unknown[][]): CellValue[][] {
  const corners = parseA1Range(addressWithoutSheet(address));
  if (!corners) return [];
  const rows: CellValue[][] = [];
  for (let r = 0; r < corners.row1 - 1; r++) rows.push([]);
  for (const row of values) {
    const out: CellValue[] = [];
    for (let c = 0; c < corners.col1 - 1; c++) out.push(null);
    for (const value of row) out.push(value === "" || value === undefined ? null : (value as CellValue));
    rows.push(out);
  }
  return rows;
}

/** A block of a sheet to read: rows × cols from the grid's origin. */
export interface SheetPlan {
  grid: SheetGrid;
  worksheet: Excel.Worksheet;
  rows: number;
  cols: number;
  hasFormulas: boolean;
  bytesPerCell: number;
  /** The workbook counts dates in the 1904 system: date cells are read as 1900 serials. */
  date1904: boolean;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  batch: Batch,
  responseBudget: number,
  isSetSupported: IsSetSupported,
): Promise<ReadResult> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  let sheets: SheetEntry[] = [];
  let is1904 = (): boolean => false;
  let date1904 = false;
  await batch.alone({
    request: 5 * ACTION_BYTES,
    response: DATE_SYSTEM_PROBE_BYTES,
    queue() {
      workbook.load("name");
      worksheets.load("items/name,items/visibility");
      is1904 = queueDateSystemProbe(workbook);
    },
    done() {
      sheets = worksheets.items.map((w) => ({ name: w.name, visibility: w.visibility }));
      date1904 = is1904();
      return jsonBytes(sheets) + DATE_SYSTEM_PROBE_BYTES;
    },
  });

  // Second request: shapes, tables, formula presence, merged areas (ExcelApi 1.13).
  const listed = worksheets.items.filter((w) => !isScratchSheet(w.name));
  const shapes = await readShapes(batch, listed, isSetSupported);
  const grids: SheetGrid[] = [];
  const plans: SheetPlan[] = [];
  const tables: { grid: SheetGrid; name: string; table: Excel.Table }[] = [];
  let stateRows: CellValue[][] | null = null;
  let stateSheet: { grid: SheetGrid; used: Excel.Range } | null = null;
  for (const { worksheet, used, formulas, visible, protection } of shapes) {
    const grid: SheetGrid = {
      name: worksheet.name,
      visibility: VISIBILITY_FROM_EXCEL[worksheet.visibility] ?? "visible",
      originRow: 1,
      originCol: 1,
      values: [],
      formats: [],
      formulas: [],
      listObjects: [],
    };
    if (protection.protected) grid.protected = true;
    grids.push(grid);
    for (const table of worksheet.tables.items) tables.push({ grid, name: table.name, table });
    if (used.isNullObject) continue;
    const corners = parseA1Range(addressWithoutSheet(used.address));
    if (!corners) continue;
    grid.originRow = corners.row1;
    grid.originCol = corners.col1;
    if (worksheet.name === STATE_SHEET) {
      stateSheet = { grid, used };
      continue;
    }
    const hidden = hiddenRowsOf(
      visible.isNullObject ? null : visible.address,
      corners.row1,
      corners.row1 + used.rowCount - 1,
    );
    if (hidden.length) grid.hiddenRows = hidden;
    const hiddenColumns = hiddenColumnsOf(
      visible.isNullObject ? null : visible.address,
      corners.col1,
      corners.col1 + used.columnCount - 1,
    );
    if (hiddenColumns.length) grid.hiddenColumns = hiddenColumns;
    plans.push({
      grid,
      worksheet,
      rows: used.rowCount,
      cols: used.columnCount,
      hasFormulas: !formulas.isNullObject && formulas.cellCount > 0,
      bytesPerCell: FIRST_CHUNK_BYTES_PER_CELL,
      date1904,
    });
  }

  // The state rows and table addresses ride with the probes.
  const pending: Unit[] = [];
  if (stateSheet) {
    const { grid, used } = stateSheet;
    pending.push({
      request: 2 * ACTION_BYTES,
      response: 64 * 1024,
      queue: () => used.load("values"),
      done() {
        grid.values = used.values.map((row) =>
          row.map((v) => (v === "" || v === undefined ? null : (v as CellValue))),
        );
        grid.formats = grid.values.map((row) => row.map(() => null));
        stateRows = rowsFromA1(used.address, used.values);
        return jsonBytes(used.values);
      },
    });
  }
  if (tables.length > 0) {
    const ranges = tables.map((t) => ({ ...t, range: null as unknown as Excel.Range }));
    pending.push({
      request: tables.length * 2 * ACTION_BYTES,
      response: tables.length * 100,
      queue() {
        for (const t of ranges) {
          t.range = t.table.getRange();
          t.range.load("address");
        }
      },
      done() {
        for (const { grid, name, range } of ranges) {
          const info: ListObjectInfo = { name, range: addressWithoutSheet(range.address) };
          grid.listObjects?.push(info);
        }
        return tables.length * 100;
      },
    });
  }
  for (const unit of pending) await batch.add(unit);
  const cells = new ChunkReader(batch, plans, responseBudget);
  await cells.probes();
  const state = decodeState(stateSheet?.grid);
  await readRestWithMerges(batch, cells, unownedNamesakes(shapes, state, isSetSupported));

  shapes.forEach((shape, i) => {
    const areas = mergedAreas(shape.merges);
    if (areas.length) grids[i].merges = areas;
  });
  for (const grid of grids) {
    if (!grid.formulas || grid.formulas.every((row) => row.every((f) => f === null))) delete grid.formulas;
  }
  return { snapshot: { name: workbook.name, sheets: grids }, sheets, stateRows };
}

interface Shape {
  worksheet: Excel.Worksheet;
  used: Excel.Range;
  formulas: Excel.RangeAreas;
  /** The sheet's cells in rows and columns not hidden. */
  visible: Excel.RangeAreas;
  protection: Excel.WorksheetProtection;
  merges: MergesRead;
  /** Whether its merged areas are asked with the shapes (not for `_malkoll` and report-named sheets). */
  mergesWithShape: boolean;
}

/** `_malkoll` and a sheet named as Målkoll names its report sheets: merges left until the state is read. */
function mergesWait(name: string): boolean {
  return name === STATE_SHEET || isGeneratedSheetName(name);
}

function usedCells(shape: Shape): number {
  return shape.used.isNullObject ? 0 : shape.used.rowCount * shape.used.columnCount;
}

/**
 * Each sheet's used range, formula presence and tables, and its merged areas where the host has
 * ExcelApi 1.13 (see mergesWait), in one request unless the merges' budget needs more. Excel refuses
 * merged areas for a sheet with more than 512 of them; when a request with merges fails for any
 * reason but a cancel, the shapes are sent once more without them, and the merges asked for apart
 * (merges.ts).
 */
async function readShapes(
  batch: Batch,
  worksheets: Excel.Worksheet[],
  isSetSupported: IsSetSupported,
): Promise<Shape[]> {
  const shapes: Shape[] = worksheets.map((worksheet) => ({
    worksheet,
    used: null as unknown as Excel.Range,
    formulas: null as unknown as Excel.RangeAreas,
    visible: null as unknown as Excel.RangeAreas,
    protection: worksheet.protection,
    merges: { areas: null },
    mergesWithShape: !mergesWait(worksheet.name),
  }));
  const shapeUnit: Unit = {
    request: shapes.length * 9 * ACTION_BYTES,
    response: shapes.length * 320,
    queue() {
      for (const shape of shapes) {
        shape.used = shape.worksheet.getUsedRangeOrNullObject();
        shape.used.load("address,rowCount,columnCount");
        const whole = shape.worksheet.getRange();
        shape.formulas = whole.getSpecialCellsOrNullObject("Formulas");
        shape.formulas.load("cellCount");
        shape.visible = whole.getSpecialCellsOrNullObject("Visible");
        shape.visible.load("address");
        shape.worksheet.tables.load("items/name");
        shape.protection.load("protected");
      }
    },
  };
  const mergeUnits = shapes.map((shape) =>
    shape.mergesWithShape ? mergesUnit(shape.worksheet, shape.merges, isSetSupported) : null,
  );
  await batch.flush();
  try {
    await batch.add(shapeUnit);
    for (const unit of mergeUnits) if (unit) await batch.add(unit);
    await batch.flush();
  } catch (err) {
    if (mergeUnits.every((unit) => unit === null) || isAbortError(err)) throw err;
    for (const shape of shapes) shape.merges.areas = null;
    await batch.alone(shapeUnit);
    const apart: SheetMerges[] = [];
    shapes.forEach((shape, i) => {
      const unit = mergeUnits[i];
      if (unit) apart.push({ unit, target: shape.merges, cells: usedCells(shape) });
    });
    await readMergesApart(batch, apart);
  }
  return shapes;
}

/**
 * The merges still to ask: of each sheet readShapes left waiting that the state does not record as
 * Målkoll's (a user's own `Målkoll Indikatorer`, or any such sheet when there is no state), as
 * check() tells the user's sheets from Målkoll's. `_malkoll` never needs them.
 */
function unownedNamesakes(
  shapes: Shape[],
  state: MalkollState,
  isSetSupported: IsSetSupported,
): SheetMerges[] {
  const later: SheetMerges[] = [];
  for (const shape of shapes) {
    const { name } = shape.worksheet;
    if (shape.mergesWithShape || name === STATE_SHEET || isOwnedSheet(name, state)) continue;
    const unit = mergesUnit(shape.worksheet, shape.merges, isSetSupported);
    if (unit) later.push({ unit, target: shape.merges, cells: usedCells(shape) });
  }
  return later;
}

/**
 * The cells after the probes, with `merges` riding in their first request (in a request of their
 * own when no sheet has more rows). When a request with merges fails for any reason but a cancel,
 * the cells are read again without them and the merges asked for apart, as readShapes does.
 */
async function readRestWithMerges(batch: Batch, cells: ChunkReader, merges: SheetMerges[]): Promise<void> {
  if (merges.length === 0 || !cells.rowsLeft()) {
    await cells.rest();
    await readMergesApart(batch, merges);
    return;
  }
  let answered = 0;
  try {
    for (const { unit } of merges)
      await batch.add({
        ...unit,
        done() {
          answered++;
          return unit.done?.();
        },
      });
    await cells.rest();
  } catch (err) {
    if (answered === merges.length || isAbortError(err)) throw err;
    for (const { target } of merges) target.areas = null;
    await cells.rest();
    await readMergesApart(batch, merges);
  }
}

/**
 * Reads the cells of every plan into its grid: first a probe of at most FIRST_CHUNK_ROWS rows of
 * each (sharing requests), then the rest in chunks sized by the bytes per cell each probe measured.
 */
export async function readCells(batch: Batch, plans: SheetPlan[], responseBudget: number): Promise<void> {
  const cells = new ChunkReader(batch, plans, responseBudget);
  await cells.probes();
  await cells.rest();
}

/** The row chunks of readCells, in two steps so that other work can ride with the rest. */
class ChunkReader {
  /** Rows of each plan the probes read. */
  private readonly probed: number[];

  constructor(
    private readonly batch: Batch,
    private readonly plans: SheetPlan[],
    private readonly responseBudget: number,
  ) {
    this.probed = plans.map(() => 0);
  }

  /** Each plan's first chunk, of at most FIRST_CHUNK_ROWS rows, sharing requests; all sent. */
  async probes(): Promise<void> {
    for (let i = 0; i < this.plans.length; i++) this.probed[i] = await this.nextChunk(i, 0, FIRST_CHUNK_ROWS);
    await this.batch.flush();
  }

  rowsLeft(): boolean {
    return this.plans.some((plan, i) => this.probed[i] < plan.rows);
  }

  /** Every row after the probes, all sent; read again from there when called again. */
  async rest(): Promise<void> {
    for (let i = 0; i < this.plans.length; i++) {
      let done = this.probed[i];
      while (done < this.plans[i].rows) done += await this.nextChunk(i, done, Infinity);
    }
    await this.batch.flush();
  }

  /** Queues plan `i`'s chunk at row `offset`, sized by its bytes per cell; returns its rows. */
  private async nextChunk(i: number, offset: number, maxRows: number): Promise<number> {
    const plan = this.plans[i];
    const cellsAllowed = Math.floor(this.responseBudget / plan.bytesPerCell);
    const fitting = Math.floor(cellsAllowed / Math.max(1, plan.cols));
    const count = Math.max(1, Math.min(plan.rows - offset, fitting, maxRows));
    await this.batch.add(chunkUnit(plan, offset, count));
    return count;
  }
}

/** Reads `count` rows of a sheet from `offset`; learns the sheet's bytes per cell from the answer. */
function chunkUnit(plan: SheetPlan, offset: number, count: number): Unit {
  const { grid, worksheet, cols, hasFormulas } = plan;
  let range: Excel.Range | null = null;
  return {
    request: 3 * ACTION_BYTES,
    response: count * cols * plan.bytesPerCell,
    queue() {
      range = worksheet.getRangeByIndexes(grid.originRow - 1 + offset, grid.originCol - 1, count, cols);
      if (hasFormulas) range.load("values,numberFormat,formulas");
      else range.load("values,numberFormat");
    },
    done() {
      const loaded = (range as Excel.Range).toJSON();
      const bytes = jsonBytes(loaded);
      fillGrid(grid, loaded, offset, hasFormulas, plan.date1904);
      plan.bytesPerCell = Math.max(8, (bytes / Math.max(1, count * cols)) * 1.1);
      return bytes;
    },
    split() {
      if (count < 2) return null;
      const half = Math.ceil(count / 2);
      return [chunkUnit(plan, offset, half), chunkUnit(plan, offset + half, count - half)];
    },
  };
}

function fillGrid(
  grid: SheetGrid,
  loaded: Excel.Interfaces.RangeData,
  rowOffset: number,
  hasFormulas: boolean,
  date1904: boolean,
): void {
  const values = (loaded.values ?? []) as unknown[][];
  const formats = (loaded.numberFormat ?? []) as unknown[][];
  const formulas = (loaded.formulas ?? []) as unknown[][];
  for (let r = 0; r < values.length; r++) {
    const valueRow: CellValue[] = [];
    const formatRow: (string | null)[] = [];
    const formulaRow: (string | null)[] = [];
    for (let c = 0; c < values[r].length; c++) {
      const value = values[r][c];
      const format = formats[r]?.[c];
      const shownFormat = typeof format === "string" && format !== "General" ? format : null;
      formatRow.push(shownFormat);
      if (value === "" || value === undefined) valueRow.push(null);
      else if (date1904 && typeof value === "number") valueRow.push(from1904(value, shownFormat));
      else valueRow.push(value as CellValue);
      if (!hasFormulas) continue;
      const formula = formulas[r]?.[c];
      formulaRow.push(
        typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula.slice(1) : null,
      );
    }
    grid.values[rowOffset + r] = valueRow;
    (grid.formats as (string | null)[][])[rowOffset + r] = formatRow;
    if (hasFormulas) (grid.formulas as (string | null)[][])[rowOffset + r] = formulaRow;
  }
}
