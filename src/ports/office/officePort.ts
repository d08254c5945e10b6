/**
 * The Office.js workbook port: reads sheets as plain grids and carries out write plans, batched.
 *
 * Cost of a run, in `context.sync()` calls (what tests/ports/office measure):
 * - read(): 2 (sheet list; used-range sizes and table names) + 1 per READ_CELLS_PER_SYNC cells of
 *   used ranges (values, number formats, formulas and table addresses), so 3 for a usual workbook.
 * - write(): 1 (sheet list) + 1 when owned sheets are replaced or flags cleared (their charts and
 *   conditional formats are looked up) + 1 final, plus one more per PAYLOAD_SYNC_BYTES of queued
 *   payload (Excel on the web rejects requests over 5 MB).
 * - clearFlags(): 3. select(): 1.
 * No domain logic lives here: layout comes from the SheetSpec, names from the plan.
 */
import type {
  CellValue,
  ListObjectInfo,
  SheetGrid,
  SheetVisibility,
  WorkbookSnapshot,
} from "../../engine/grid";
import { a1, a1Range, columnLetters, parseA1, parseA1Range, sheetRef } from "../../engine/grid";
import type { CellStyle, ChartSpec, Flag, OutCell, SheetSpec, StatusTone } from "../../engine/report/spec";
import { STATE_SHEET } from "../../engine/report/spec";
import type { FlagRecord } from "../../engine/state";
import type { WorkbookPort, WritePlan } from "../port";
import { HostError, toHostError } from "./errors";

/** Sync once queued payload passes this (Excel on the web rejects requests over 5 MB). */
export const PAYLOAD_SYNC_BYTES = 4 * 1024 * 1024;
/** Cells (values + formats + formulas each) loaded per read request, to stay under the response limit. */
export const READ_CELLS_PER_SYNC = 60_000;
/** Estimated request overhead of one queued action (object path, action, ids). */
const ACTION_BYTES = 200;
/** Longest address list passed to one `getRanges` call. */
const MAX_AREAS_ADDRESS = 2000;

/** The marker in the formula of every conditional format Målkoll adds: how it finds its own. */
export const FLAG_RULE_MARK = '"malkoll"="malkoll"';

export function flagRuleFormula(severity: Flag["severity"]): string {
  return `=AND(TRUE,${FLAG_RULE_MARK},"${severity}"<>"")`;
}

export function isMalkollRule(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.replace(/\s/g, "").includes(FLAG_RULE_MARK);
}

const FLAG_FILL: Record<Flag["severity"], string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };
const SEVERITY_RANK: Record<Flag["severity"], number> = { error: 0, warning: 1, info: 2 };

/**
 * True for a string Excel would not keep as typed: a formula prefix (`=`, `+`, `-`, `@`), the quote
 * prefix `'`, or something it would read as a number, date, time or truth value. Such cells get the
 * text format `@` before their value is written, in the same request.
 */
export function needsTextFormat(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@']/.test(text)) return true;
  const t = text.trim();
  if (/^(true|false|sant|falskt)$/i.test(t)) return true;
  // Short strings with a digit may be read as a number, date or time in some locale.
  return t.length <= 64 && /\d/.test(t);
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Estimated request bytes of one action with these arguments. */
export function actionBytes(args: unknown): number {
  return ACTION_BYTES + (args === undefined ? 0 : utf8Bytes(JSON.stringify(args)));
}

/** Queues actions and syncs whenever the estimated request size would pass the limit. */
class Batch {
  private pending = 0;
  syncs = 0;
  readonly requestBytes: number[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
  ) {}

  /** Call before queuing actions of about `bytes`: syncs first when they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) await this.sync();
    this.pending += bytes;
  }

  async sync(): Promise<void> {
    this.requestBytes.push(this.pending);
    this.pending = 0;
    this.syncs++;
    await this.context.sync();
  }

  suspendCalculation(): void {
    this.context.application.suspendApiCalculationUntilNextSync();
    this.pending += ACTION_BYTES;
  }
}

export interface OfficePortOptions {
  /** Sync threshold for queued payload; default PAYLOAD_SYNC_BYTES. */
  payloadSyncBytes?: number;
  /** Cells per read request; default READ_CELLS_PER_SYNC. */
  readCellsPerSync?: number;
}

/** Sync calls and estimated request sizes of the port's last operation. */
export interface PortRunStats {
  syncs: number;
  requestBytes: number[];
}

const VISIBILITY_FROM_EXCEL: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** A cell to write: its constant, or a formula; and its number format. */
interface BlockCell {
  value: CellValue;
  formula?: string;
  format?: string;
}

export class OfficePort implements WorkbookPort {
  private readonly payloadSyncBytes: number;
  private readonly readCellsPerSync: number;
  lastRun: PortRunStats = { syncs: 0, requestBytes: [] };

  constructor(
    private readonly context: Excel.RequestContext,
    options: OfficePortOptions = {},
  ) {
    this.payloadSyncBytes = options.payloadSyncBytes ?? PAYLOAD_SYNC_BYTES;
    this.readCellsPerSync = options.readCellsPerSync ?? READ_CELLS_PER_SYNC;
  }

  async read(): Promise<WorkbookSnapshot> {
    return this.guard((batch) => this.readSheets(batch));
  }

  async write(plan: WritePlan): Promise<void> {
    return this.guard((batch) => this.writePlan(plan, batch));
  }

  async clearFlags(flags: FlagRecord[], state: CellValue[][]): Promise<void> {
    return this.guard((batch) =>
      this.writePlan({ renames: [], sheets: [], flags: [], clearFlags: flags, state, findings: [] }, batch),
    );
  }

  async select(sheet: string, cell: string): Promise<void> {
    return this.guard(async (batch) => {
      const worksheet = this.context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await batch.sync();
    });
  }

  private async guard<T>(run: (batch: Batch) => Promise<T>): Promise<T> {
    const batch = new Batch(this.context, this.payloadSyncBytes);
    try {
      return await run(batch);
    } catch (err) {
      throw toHostError(err);
    } finally {
      this.lastRun = { syncs: batch.syncs, requestBytes: batch.requestBytes };
    }
  }

  // ---- read ------------------------------------------------------------------------------

  private async readSheets(batch: Batch): Promise<WorkbookSnapshot> {
    const workbook = this.context.workbook;
    workbook.load("name");
    const worksheets = workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await batch.sync();

    const sheets = worksheets.items.map((worksheet) => {
      const used = worksheet.getUsedRangeOrNullObject();
      used.load("address,rowCount,columnCount");
      worksheet.tables.load("items/name");
      return { worksheet, used };
    });
    await batch.sync();

    interface Chunk {
      grid: SheetGrid;
      range: Excel.Range;
      rowOffset: number;
    }
    const grids: SheetGrid[] = [];
    const tableRanges: { grid: SheetGrid; name: string; range: Excel.Range }[] = [];
    let chunks: Chunk[] = [];
    let queuedCells = 0;
    let pendingTables = false;
    const flushChunks = async (): Promise<void> => {
      await batch.sync();
      for (const chunk of chunks) fillGrid(chunk.grid, chunk.range.toJSON(), chunk.rowOffset);
      chunks = [];
      queuedCells = 0;
      pendingTables = false;
    };

    for (const { worksheet, used } of sheets) {
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
      grids.push(grid);
      for (const table of worksheet.tables.items) {
        const range = table.getRange();
        range.load("address");
        tableRanges.push({ grid, name: table.name, range });
        pendingTables = true;
      }
      if (used.isNullObject) continue;
      const corners = parseA1Range(addressWithoutSheet(used.address));
      if (!corners) continue;
      grid.originRow = corners.row1;
      grid.originCol = corners.col1;
      const rows = used.rowCount;
      const cols = used.columnCount;
      const rowsPerChunk = Math.max(1, Math.floor(this.readCellsPerSync / Math.max(1, cols)));
      for (let offset = 0; offset < rows; offset += rowsPerChunk) {
        const count = Math.min(rowsPerChunk, rows - offset);
        if (queuedCells > 0 && queuedCells + count * cols > this.readCellsPerSync) await flushChunks();
        const range = worksheet.getRangeByIndexes(corners.row1 - 1 + offset, corners.col1 - 1, count, cols);
        range.load("values,numberFormat,formulas");
        chunks.push({ grid, range, rowOffset: offset });
        queuedCells += count * cols;
      }
    }
    if (chunks.length > 0 || pendingTables) await flushChunks();

    for (const { grid, name, range } of tableRanges) {
      const info: ListObjectInfo = { name, range: addressWithoutSheet(range.address) };
      grid.listObjects?.push(info);
    }
    for (const grid of grids) {
      if (grid.formulas?.every((row) => row.every((f) => f === null))) delete grid.formulas;
    }
    return { name: workbook.name, sheets: grids };
  }

  // ---- write -----------------------------------------------------------------------------

  private async writePlan(plan: WritePlan, batch: Batch): Promise<void> {
    const worksheets = this.context.workbook.worksheets;
    worksheets.load("items/name");
    await batch.sync();

    const byName = new Map<string, Excel.Worksheet>();
    for (const worksheet of worksheets.items) byName.set(worksheet.name, worksheet);
    // Names after the renames, to know which target sheets exist.
    const after = new Map(byName);
    for (const rename of plan.renames) {
      const worksheet = after.get(rename.from);
      if (!worksheet) continue;
      after.delete(rename.from);
      after.set(rename.to, worksheet);
    }
    for (const sheet of plan.sheets) {
      if (after.has(sheet.name) && !sheet.replaces)
        throw new HostError(
          "internal",
          `Målkoll avbröt: bladet "${sheet.name}" finns redan och är inte Målkolls. Inget har ändrats. Rapportera felet.`,
          `Målkoll stopped: the sheet "${sheet.name}" already exists and is not Målkoll's. Nothing was changed. Please report this.`,
          null,
          `write plan targets existing sheet ${sheet.name} without replaces`,
        );
    }

    // Second look-up: charts on sheets being replaced, conditional formats behind old flags.
    const replaced = [...plan.sheets.map((s) => s.name), STATE_SHEET].filter((name) => after.has(name));
    const chartsToDelete = replaced.map((name) => {
      const charts = (after.get(name) as Excel.Worksheet).charts;
      charts.load("items/name");
      return charts;
    });
    const ruleCollections = queueFlagRuleLoads(plan.clearFlags, after);
    if (chartsToDelete.length > 0 || ruleCollections.length > 0) await batch.sync();

    batch.suspendCalculation();
    for (const rename of plan.renames) {
      const worksheet = byName.get(rename.from);
      if (!worksheet) continue;
      await batch.reserve(actionBytes(rename.to));
      worksheet.name = rename.to;
    }
    await this.deleteMalkollRules(ruleCollections, batch);
    for (const charts of chartsToDelete) for (const chart of charts.items) chart.delete();

    for (const sheet of plan.sheets) {
      const worksheet = await this.freshSheet(sheet.name, after, batch);
      await this.writeSpec(worksheet, sheet.spec, batch);
    }
    if (plan.state.length > 0 || after.has(STATE_SHEET)) {
      const stateSheet = await this.freshSheet(STATE_SHEET, after, batch);
      await this.writeBlock(
        stateSheet,
        plan.state.map((row) => row.map((value) => (value === null ? null : { value }))),
        batch,
      );
      stateSheet.visibility = "VeryHidden";
    }
    await this.applyFlags(plan.flags, after, batch);
    await batch.sync();
  }

  /** An empty sheet of that name: the existing one cleared, or a new one. */
  private async freshSheet(
    name: string,
    existing: Map<string, Excel.Worksheet>,
    batch: Batch,
  ): Promise<Excel.Worksheet> {
    await batch.reserve(8 * ACTION_BYTES);
    const found = existing.get(name);
    if (!found) {
      const created = this.context.workbook.worksheets.add(name);
      existing.set(name, created);
      return created;
    }
    const all = found.getRange();
    all.conditionalFormats.clearAll();
    all.unmerge();
    all.clear("All");
    found.freezePanes.unfreeze();
    return found;
  }

  private async writeSpec(worksheet: Excel.Worksheet, spec: SheetSpec, batch: Batch): Promise<void> {
    await this.writeBlock(
      worksheet,
      spec.rows.map((row) => row.map(toBlockCell)),
      batch,
    );
    await this.applyStyles(worksheet, spec.rows, batch);

    for (const [index, width] of spec.columnWidths.entries()) {
      if (!(width > 0)) continue;
      await batch.reserve(actionBytes(width));
      const letters = columnLetters(index + 1);
      worksheet.getRange(`${letters}:${letters}`).format.columnWidth = charactersToPoints(width);
    }
    for (const merge of spec.merges ?? []) {
      await batch.reserve(actionBytes(merge));
      worksheet.getRange(merge).merge(false);
    }
    for (const [r, row] of spec.rows.entries()) {
      for (const [c, cell] of row.entries()) {
        if (!cell?.link) continue;
        const documentReference = sheetRef(cell.link.sheet, cell.link.cell);
        await batch.reserve(actionBytes(documentReference));
        worksheet.getRange(a1(r + 1, c + 1)).hyperlink = { documentReference };
      }
    }
    if (spec.freezeRows && spec.freezeRows > 0) {
      await batch.reserve(ACTION_BYTES);
      worksheet.freezePanes.freezeRows(spec.freezeRows);
    }
    if (excelApiSupported("1.9")) {
      // As the xlsx port: landscape, one page wide, the header row repeated on every page.
      await batch.reserve(4 * ACTION_BYTES);
      const layout = worksheet.pageLayout;
      layout.orientation = Excel.PageOrientation.landscape;
      layout.zoom = { horizontalFitToPages: 1 };
      if (spec.freezeRows && spec.freezeRows > 0)
        layout.setPrintTitleRows(`$${spec.freezeRows}:$${spec.freezeRows}`);
    }
    const width = spec.rows.reduce((w, row) => Math.max(w, row.length), 0);
    if (excelApiSupported("1.2") && spec.rows.length > 0 && width > 0) {
      // Rows with wrapped text get their height (one call for the sheet).
      await batch.reserve(ACTION_BYTES);
      worksheet.getRangeByIndexes(0, 0, spec.rows.length, width).format.autofitRows();
    }
    for (const chart of spec.charts ?? []) await this.addChart(worksheet, chart, batch);
  }

  /**
   * Writes cells from A1 with one assignment per array and row chunk: number formats first (so text
   * that looks like a formula or number is already `@`), then constants, then formulas. `null`
   * entries leave a cell as it is, so constants never pass through `formulas`.
   */
  private async writeBlock(
    worksheet: Excel.Worksheet,
    rows: (BlockCell | null)[][],
    batch: Batch,
  ): Promise<void> {
    const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
    if (width === 0) return;
    let start = 0;
    let chunkBytes = 0;
    let values: CellValue[][] = [];
    let formats: (string | null)[][] = [];
    let formulas: (string | null)[][] = [];
    let hasFormats = false;
    let hasFormulas = false;

    const flush = async (): Promise<void> => {
      if (values.length === 0) return;
      await batch.reserve(chunkBytes + 3 * ACTION_BYTES);
      const target = worksheet.getRangeByIndexes(start, 0, values.length, width);
      if (hasFormats) target.numberFormat = formats as string[][];
      target.values = values as (string | number | boolean)[][];
      if (hasFormulas) target.formulas = formulas as string[][];
      start += values.length;
      values = [];
      formats = [];
      formulas = [];
      chunkBytes = 0;
      hasFormats = false;
      hasFormulas = false;
    };

    for (const row of rows) {
      const valueRow: CellValue[] = [];
      const formatRow: (string | null)[] = [];
      const formulaRow: (string | null)[] = [];
      let rowHasFormat = false;
      let rowHasFormula = false;
      for (let c = 0; c < width; c++) {
        const cell = row[c] ?? null;
        if (cell?.formula) {
          valueRow.push(null);
          formulaRow.push(`=${cell.formula.replace(/^=/, "")}`);
          rowHasFormula = true;
        } else {
          valueRow.push(cell?.value ?? null);
          formulaRow.push(null);
        }
        const value = cell && !cell.formula ? cell.value : null;
        const format = typeof value === "string" && needsTextFormat(value) ? "@" : (cell?.format ?? null);
        formatRow.push(format);
        if (format !== null) rowHasFormat = true;
      }
      const rowBytes =
        utf8Bytes(JSON.stringify(valueRow)) +
        utf8Bytes(JSON.stringify(formatRow)) +
        (rowHasFormula ? utf8Bytes(JSON.stringify(formulaRow)) : 0);
      if (values.length > 0 && chunkBytes + rowBytes + 3 * ACTION_BYTES > this.payloadSyncBytes)
        await flush();
      values.push(valueRow);
      formats.push(formatRow);
      formulas.push(formulaRow);
      chunkBytes += rowBytes;
      hasFormats ||= rowHasFormat;
      hasFormulas ||= rowHasFormula;
    }
    await flush();
  }

  /** Styles grouped by look: one `getRanges` per group and address list, not one call per cell. */
  private async applyStyles(
    worksheet: Excel.Worksheet,
    rows: (OutCell | null)[][],
    batch: Batch,
  ): Promise<void> {
    const groups = new Map<string, string[]>();
    for (const [r, row] of rows.entries()) {
      let runKey = "";
      let runStart = 0;
      const close = (end: number): void => {
        if (runKey === "") return;
        const list = groups.get(runKey) ?? [];
        list.push(a1Range(r + 1, runStart + 1, r + 1, end));
        groups.set(runKey, list);
      };
      for (let c = 0; c <= row.length; c++) {
        const key = c < row.length ? lookKey(row[c] ?? null) : "";
        if (key === runKey) continue;
        close(c);
        runKey = key;
        runStart = c;
      }
    }
    for (const [key, addresses] of groups) {
      for (const chunk of joinAddresses(addresses)) {
        await batch.reserve(actionBytes(chunk) + 8 * ACTION_BYTES);
        applyLook(worksheet.getRanges(chunk).format, key);
      }
    }
  }

  private async addChart(worksheet: Excel.Worksheet, spec: ChartSpec, batch: Batch): Promise<void> {
    const [first, ...rest] = spec.series;
    if (!first) return;
    await batch.reserve(actionBytes(spec) + (6 + 3 * rest.length) * ACTION_BYTES);
    const type = spec.kind === "stackedBar" ? "BarStacked" : "BarClustered";
    const chart = worksheet.charts.add(type, worksheet.getRange(first.values), "Columns");
    chart.title.text = spec.title;
    const categories = worksheet.getRange(spec.categories);
    const firstSeries = chart.series.getItemAt(0);
    firstSeries.name = first.name;
    firstSeries.setXAxisValues(categories);
    for (const more of rest) {
      const series = chart.series.add(more.name);
      series.setValues(worksheet.getRange(more.values));
      series.setXAxisValues(categories);
    }
    const anchor = parseA1(spec.anchor.cell);
    if (anchor) {
      const end = a1(
        anchor.row + Math.max(1, spec.anchor.heightRows) - 1,
        anchor.col + Math.max(1, spec.anchor.widthCols) - 1,
      );
      chart.setPosition(spec.anchor.cell, end);
    }
  }

  // ---- flags -----------------------------------------------------------------------------

  /** One custom conditional format per sheet, severity and address list, marked as Målkoll's. */
  private async applyFlags(flags: Flag[], sheets: Map<string, Excel.Worksheet>, batch: Batch): Promise<void> {
    const worst = new Map<string, Map<string, Flag["severity"]>>();
    for (const flag of flags) {
      if (!sheets.has(flag.sheet) || !parseA1Range(flag.cell)) continue;
      const cells = worst.get(flag.sheet) ?? new Map<string, Flag["severity"]>();
      const known = cells.get(flag.cell);
      if (!known || SEVERITY_RANK[flag.severity] < SEVERITY_RANK[known]) cells.set(flag.cell, flag.severity);
      worst.set(flag.sheet, cells);
    }
    for (const [sheet, cells] of worst) {
      const worksheet = sheets.get(sheet) as Excel.Worksheet;
      for (const severity of ["error", "warning", "info"] as const) {
        const addresses = [...cells].filter(([, s]) => s === severity).map(([cell]) => cell);
        for (const chunk of joinAddresses(addresses)) {
          await batch.reserve(actionBytes(chunk) + 4 * ACTION_BYTES);
          const rule = worksheet.getRanges(chunk).conditionalFormats.add("Custom");
          rule.custom.rule.formula = flagRuleFormula(severity);
          rule.custom.format.fill.color = FLAG_FILL[severity];
        }
      }
    }
  }

  private async deleteMalkollRules(
    collections: Excel.ConditionalFormatCollection[],
    batch: Batch,
  ): Promise<void> {
    const seen = new Set<string>();
    for (const collection of collections) {
      for (const rule of collection.items) {
        if (seen.has(rule.id) || rule.type !== "Custom") continue;
        const custom = rule.customOrNullObject;
        if (custom.isNullObject || !isMalkollRule(custom.rule.formula)) continue;
        seen.add(rule.id);
        await batch.reserve(ACTION_BYTES);
        rule.delete();
      }
    }
  }
}

/** Loads the conditional formats over earlier flags' ranges (sheets that still exist). */
function queueFlagRuleLoads(
  records: FlagRecord[],
  sheets: Map<string, Excel.Worksheet>,
): Excel.ConditionalFormatCollection[] {
  const out: Excel.ConditionalFormatCollection[] = [];
  for (const record of records) {
    const worksheet = sheets.get(record.sheet);
    if (!worksheet) continue;
    const addresses = record.ranges
      .split(",")
      .map((s) => s.trim())
      .filter((s) => parseA1Range(s) !== null);
    for (const chunk of joinAddresses(addresses)) {
      const collection = worksheet.getRanges(chunk).conditionalFormats;
      collection.load("items/id,items/type,items/customOrNullObject/rule/formula");
      out.push(collection);
    }
  }
  return out;
}

function toBlockCell(cell: OutCell | null): BlockCell | null {
  if (!cell) return null;
  const out: BlockCell = { value: cell.value };
  if (cell.formula) out.formula = cell.formula;
  if (cell.format) out.format = cell.format;
  return out;
}

/** `Blad1!B3:F20`, `'Min flik'!B3` → `B3:F20`, `B3`. */
export function addressWithoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
}

/** Excel column width in characters (of the default font) to points, as `format.columnWidth` wants. */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Address lists of at most MAX_AREAS_ADDRESS characters, for `getRanges`. */
function joinAddresses(addresses: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > MAX_AREAS_ADDRESS) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) out.push(current);
  return out;
}

function fillGrid(grid: SheetGrid, loaded: Excel.Interfaces.RangeData, rowOffset: number): void {
  const values = (loaded.values ?? []) as unknown[][];
  const formats = (loaded.numberFormat ?? []) as unknown[][];
  const formulas = (loaded.formulas ?? []) as unknown[][];
  for (let r = 0; r < values.length; r++) {
    const valueRow: CellValue[] = [];
    const formatRow: (string | null)[] = [];
    const formulaRow: (string | null)[] = [];
    for (let c = 0; c < values[r].length; c++) {
      const value = values[r][c];
      valueRow.push(value === "" || value === undefined ? null : (value as CellValue));
      const format = formats[r]?.[c];
      formatRow.push(typeof format === "string" && format !== "General" ? format : null);
      const formula = formulas[r]?.[c];
      formulaRow.push(
        typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula.slice(1) : null,
      );
    }
    grid.values[rowOffset + r] = valueRow;
    (grid.formats as (string | null)[][])[rowOffset + r] = formatRow;
    (grid.formulas as (string | null)[][])[rowOffset + r] = formulaRow;
  }
}

// ---- looks ------------------------------------------------------------------------------

const TONE_FILL: Record<StatusTone, { fill: string; font: string } | null> = {
  good: { fill: "#C6EFCE", font: "#006100" },
  partial: { fill: "#FFEB9C", font: "#9C5700" },
  bad: { fill: "#FFC7CE", font: "#9C0006" },
  neutral: null,
};

/** A cell's indent level: its own, else one level for the label of a `varav` row (as the xlsx port). */
function indentOf(cell: OutCell): number {
  const level = cell.indent ?? (cell.style === "varav" && typeof cell.value === "string" ? 1 : 0);
  return Number.isFinite(level) ? Math.min(15, Math.max(0, Math.round(level))) : 0;
}

/** A cell's look as a key (style|tone|wrap|link|indent); "" for a plain cell. */
function lookKey(cell: OutCell | null): string {
  if (!cell) return "";
  const style: CellStyle = cell.style ?? "normal";
  const tone = cell.tone && TONE_FILL[cell.tone] ? cell.tone : "";
  const indent = indentOf(cell);
  // Numbers keep right alignment when indented; text is indented from the left.
  const indentKey = indent ? `${typeof cell.value === "number" ? "R" : "L"}${indent}` : "";
  const key = `${style === "normal" ? "" : style}|${tone}|${cell.wrap ? "wrap" : ""}|${cell.link ? "link" : ""}|${indentKey}`;
  return key === "||||" ? "" : key;
}

function applyLook(format: Excel.RangeFormat, key: string): void {
  const [style, tone, wrap, link, indent] = key.split("|");
  switch (style as CellStyle | "") {
    case "title":
      format.font.bold = true;
      format.font.size = 14;
      break;
    case "heading":
      format.font.bold = true;
      format.font.size = 12;
      break;
    case "header":
      format.font.bold = true;
      format.fill.color = "#D9E1F2";
      format.borders.getItem("EdgeBottom").style = "Continuous";
      break;
    case "total":
      format.font.bold = true;
      format.borders.getItem("EdgeTop").style = "Continuous";
      break;
    case "varav":
      format.font.italic = true;
      break;
    case "note":
      format.font.size = 9;
      format.font.color = "#595959";
      break;
    default:
      break;
  }
  const toneLook = tone ? TONE_FILL[tone as StatusTone] : null;
  if (toneLook) {
    format.fill.color = toneLook.fill;
    format.font.color = toneLook.font;
  }
  if (wrap) {
    format.wrapText = true;
    format.verticalAlignment = "Top";
  }
  if (link) {
    format.font.color = "#0563C1";
    format.font.underline = "Single";
  }
  if (indent) {
    format.horizontalAlignment = indent.startsWith("R") ? "Right" : "Left";
    format.indentLevel = Number(indent.slice(1));
  }
}

/** Whether the host has ExcelApi `version` (page layout needs 1.9); false outside Office. */
function excelApiSupported(version: string): boolean {
  return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", version);
}

/** Runs `fn` with an OfficePort in an `Excel.run` batch; waits out cell editing; errors become HostError. */
export async function withExcel<T>(
  fn: (port: OfficePort, context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  try {
    return await Excel.run({ delayForCellEdit: true }, (context) => fn(new OfficePort(context), context));
  } catch (err) {
    throw toHostError(err);
  }
}
