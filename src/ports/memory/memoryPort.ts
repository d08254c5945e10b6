import type {
  CellValue,
  ListObjectInfo,
  SheetGrid,
  SheetVisibility,
  WorkbookSnapshot,
} from "../../engine/grid";
import { a1, parseA1Range } from "../../engine/grid";
import { plannedRowHeights } from "../../engine/report/layout";
import type { CellLook } from "../../engine/report/look";
import { cellLook } from "../../engine/report/look";
import type { CellStyle, ChartSpec, Flag, SheetSpec, StatusTone } from "../../engine/report/spec";
import { STATE_SHEET } from "../../engine/report/spec";
import type { FlagRecord } from "../../engine/state";
import type { WorkbookPort, WritePlan } from "../port";
import { SheetHiddenError } from "../port";

/** A sheet held in memory, always anchored at A1. */
export interface MemorySheet {
  name: string;
  visibility: SheetVisibility;
  values: CellValue[][];
  formats: (string | null)[][];
  formulas: (string | null)[][];
  /** Styles and tones of generated cells, by A1 address (for views; Excel would format them). */
  styles: Map<string, { style?: CellStyle; tone?: StatusTone }>;
  /** The look applied to each generated cell (look.ts), by A1 address. */
  looks: Map<string, CellLook>;
  /** Internal links of generated cells, by A1 address. */
  links: Map<string, { sheet: string; cell: string }>;
  columnWidths: number[];
  /** Row heights in points (index = row − 1), for generated sheets. */
  rowHeights: number[];
  merges: string[];
  /** Rows starting a printed page, the row frozen and repeated on each page, charts. */
  pageBreaks: number[];
  freezeRows: number | null;
  charts: ChartSpec[];
  /** A user's sheet's Excel tables and protection, as read: recognition and the plan use them. */
  listObjects?: ListObjectInfo[];
  protected?: boolean;
  /** A user's sheet's formulas without a computed value, as read (A1, absolute). */
  uncalculated?: string[];
  /** A user's sheet's hidden rows (1-based), as read. */
  hiddenRows?: number[];
  /** A user's sheet's hidden columns (1-based), as read. */
  hiddenColumns?: number[];
}

export interface CellSelection {
  sheet: string;
  cell: string;
}

export type MemoryPortEvent = { kind: "select"; selection: CellSelection } | { kind: "change" };

export type MemoryPortListener = (event: MemoryPortEvent) => void;

/** Operations carried out, in order: lets tests see what a caller asked for. */
export type MemoryPortCall = "read" | "write" | "clearFlags" | "select";

const flagKey = (sheet: string, cell: string): string => `${sheet}!${cell}`;

/** Expands `B2:C3,E5` into single A1 addresses (ranges are capped to keep a bad record harmless). */
export function expandRanges(ranges: string, limit = 100_000): string[] {
  const out: string[] = [];
  for (const part of ranges.split(",")) {
    const r = parseA1Range(part.trim());
    if (!r) continue;
    for (let row = r.row1; row <= r.row2; row++)
      for (let col = r.col1; col <= r.col2; col++) {
        if (out.length >= limit) return out;
        out.push(a1(row, col));
      }
  }
  return out;
}

function toMemorySheet(grid: SheetGrid): MemorySheet {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const rowOffset = grid.originRow - 1;
  const colOffset = grid.originCol - 1;
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const target = rowOffset + r;
    values[target] = [
      ...Array<CellValue>(colOffset).fill(null),
      ...row.map((v) => (v === undefined ? null : v)),
    ];
    formats[target] = [
      ...Array<string | null>(colOffset).fill(null),
      ...(grid.formats?.[r] ?? []).map((f) => f ?? null),
    ];
    formulas[target] = [
      ...Array<string | null>(colOffset).fill(null),
      ...(grid.formulas?.[r] ?? []).map((f) => f ?? null),
    ];
  }
  for (let r = 0; r < rowOffset; r++) {
    values[r] = [];
    formats[r] = [];
    formulas[r] = [];
  }
  return {
    name: grid.name,
    visibility: grid.visibility,
    values,
    formats,
    formulas,
    styles: new Map(),
    looks: new Map(),
    links: new Map(),
    columnWidths: [],
    rowHeights: [],
    merges: [...(grid.merges ?? [])],
    pageBreaks: [],
    freezeRows: null,
    charts: [],
    ...(grid.listObjects?.length ? { listObjects: grid.listObjects.map((lo) => ({ ...lo })) } : {}),
    ...(grid.protected ? { protected: true } : {}),
    ...(grid.uncalculated?.length ? { uncalculated: [...grid.uncalculated] } : {}),
    ...(grid.hiddenRows?.length ? { hiddenRows: [...grid.hiddenRows] } : {}),
    ...(grid.hiddenColumns?.length ? { hiddenColumns: [...grid.hiddenColumns] } : {}),
  };
}

/**
 * Renders a generated sheet spec into cells with the look applied, as a workbook host would
 * (formula cells keep the engine's cached value).
 */
export function renderSpec(name: string, spec: SheetSpec): MemorySheet {
  const sheet: MemorySheet = {
    name,
    visibility: "visible",
    values: [],
    formats: [],
    formulas: [],
    styles: new Map(),
    looks: new Map(),
    links: new Map(),
    columnWidths: [...spec.columnWidths],
    rowHeights: [...(spec.rowHeights ?? plannedRowHeights(spec))],
    merges: [...(spec.merges ?? [])],
    pageBreaks: [...(spec.pageBreaks ?? [])],
    freezeRows: spec.freezeRows ?? null,
    charts: (spec.charts ?? []).map((chart) => ({ ...chart, series: chart.series.map((s) => ({ ...s })) })),
  };
  spec.rows.forEach((row, r) => {
    sheet.values[r] = row.map((cell) => cell?.value ?? null);
    sheet.formats[r] = row.map((cell) => cell?.format ?? null);
    sheet.formulas[r] = row.map((cell) => cell?.formula ?? null);
    row.forEach((cell, c) => {
      if (!cell) return;
      const address = a1(r + 1, c + 1);
      if (cell.style || cell.tone) sheet.styles.set(address, { style: cell.style, tone: cell.tone });
      sheet.looks.set(address, cellLook(cell));
      if (cell.link) sheet.links.set(address, { ...cell.link });
    });
  });
  return sheet;
}

function stateSheet(rows: CellValue[][]): MemorySheet {
  return {
    name: STATE_SHEET,
    visibility: "veryHidden",
    values: rows.map((r) => [...r]),
    formats: rows.map(() => []),
    formulas: rows.map(() => []),
    styles: new Map(),
    looks: new Map(),
    links: new Map(),
    columnWidths: [],
    rowHeights: [],
    merges: [],
    pageBreaks: [],
    freezeRows: null,
    charts: [],
  };
}

/**
 * A workbook in memory behind the same door as Excel: serves the browser playground and UI tests.
 * Writes follow the plan literally; nothing outside the plan changes.
 */
export class MemoryPort implements WorkbookPort {
  readonly name: string;
  private sheetList: MemorySheet[];
  private flagMap = new Map<string, Flag>();
  private listeners = new Set<MemoryPortListener>();
  private current: CellSelection | null = null;
  readonly calls: MemoryPortCall[] = [];
  /** Grows with every change or selection: a cheap snapshot key for views. */
  version = 0;

  constructor(workbook: WorkbookSnapshot) {
    this.name = workbook.name;
    this.sheetList = workbook.sheets.map(toMemorySheet);
  }

  get sheets(): readonly MemorySheet[] {
    return this.sheetList;
  }

  get selection(): CellSelection | null {
    return this.current;
  }

  /** Flags now on the workbook, in the order they were applied. */
  get flags(): Flag[] {
    return [...this.flagMap.values()];
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheetList.find((s) => s.name === name);
  }

  flagAt(sheet: string, cell: string): Flag | undefined {
    return this.flagMap.get(flagKey(sheet, cell));
  }

  subscribe(listener: MemoryPortListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async read(): Promise<WorkbookSnapshot> {
    this.calls.push("read");
    return {
      name: this.name,
      sheets: this.sheetList.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        originRow: 1,
        originCol: 1,
        values: s.values.map((r) => (r ? [...r] : [])),
        formats: s.formats.map((r) => (r ? [...r] : [])),
        formulas: s.formulas.map((r) => (r ? [...r] : [])),
        merges: [...s.merges],
        ...(s.listObjects?.length ? { listObjects: s.listObjects.map((lo) => ({ ...lo })) } : {}),
        ...(s.protected ? { protected: true } : {}),
        ...(s.uncalculated?.length ? { uncalculated: [...s.uncalculated] } : {}),
        ...(s.hiddenRows?.length ? { hiddenRows: [...s.hiddenRows] } : {}),
        ...(s.hiddenColumns?.length ? { hiddenColumns: [...s.hiddenColumns] } : {}),
      })),
    };
  }

  async write(plan: WritePlan): Promise<void> {
    this.calls.push("write");
    for (const rename of plan.renames) {
      const sheet = this.sheet(rename.from);
      if (!sheet) continue;
      if (this.sheet(rename.to)) throw new Error(`Kan inte byta namn till ${rename.to}: bladet finns redan.`);
      sheet.name = rename.to;
      for (const [key, flag] of [...this.flagMap]) {
        if (flag.sheet === rename.from) {
          this.flagMap.delete(key);
          this.flagMap.set(flagKey(rename.to, flag.cell), { ...flag, sheet: rename.to });
        }
      }
    }
    for (const write of plan.sheets) {
      const rendered = renderSpec(write.name, write.spec);
      const index = this.sheetList.findIndex((s) => s.name === write.name);
      if (index >= 0) this.sheetList[index] = rendered;
      else this.insertBeforeState(rendered);
    }
    this.removeFlags(plan.clearFlags);
    for (const flag of plan.flags) this.flagMap.set(flagKey(flag.sheet, flag.cell), { ...flag });
    this.replaceState(plan.state);
    this.emit({ kind: "change" });
  }

  async clearFlags(flags: FlagRecord[], state: CellValue[][]): Promise<void> {
    this.calls.push("clearFlags");
    this.removeFlags(flags);
    this.replaceState(state);
    this.emit({ kind: "change" });
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.calls.push("select");
    const found = this.sheet(sheet);
    if (!found) throw new Error(`Bladet ${sheet} finns inte.`);
    if (found.visibility !== "visible") throw new SheetHiddenError(sheet, found.visibility);
    this.current = { sheet, cell };
    this.emit({ kind: "select", selection: { sheet, cell } });
  }

  private removeFlags(records: FlagRecord[]): void {
    for (const record of records)
      for (const cell of expandRanges(record.ranges)) this.flagMap.delete(flagKey(record.sheet, cell));
  }

  /** An empty plan state leaves the state sheet alone; anything else replaces its rows. */
  private replaceState(rows: CellValue[][]): void {
    if (rows.length === 0) return;
    const index = this.sheetList.findIndex((s) => s.name === STATE_SHEET);
    if (index >= 0) this.sheetList[index] = stateSheet(rows);
    else this.sheetList.push(stateSheet(rows));
  }

  private insertBeforeState(sheet: MemorySheet): void {
    const stateIndex = this.sheetList.findIndex((s) => s.name === STATE_SHEET);
    if (stateIndex >= 0) this.sheetList.splice(stateIndex, 0, sheet);
    else this.sheetList.push(sheet);
  }

  private emit(event: MemoryPortEvent): void {
    this.version++;
    for (const listener of [...this.listeners]) listener(event);
  }
}
