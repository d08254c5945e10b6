/**
 * A recording fake of the part of the Excel JavaScript API that src/ports/office uses.
 *
 * - Every method call and property assignment is queued as an action and only carried out at
 *   `context.sync()`, in order, like Office.js; an action that fails (ItemNotFound, ...) rejects
 *   the sync and drops the rest of the batch.
 * - `sync()` calls are counted, with each request's actions and JSON payload size; a request over
 *   5 MB is rejected with `RequestPayloadSizeLimitExceeded`, as Excel on the web does.
 * - Reading a property that was not loaded and synced throws `PropertyNotLoaded`.
 * - Values entered into cells are coerced like Excel does for typed input: text starting with
 *   `=`, `+`, `-`, `@` becomes a formula and numeric text a number, unless the cell's number
 *   format is text (`@`). A `null` in an assigned 2-D array leaves the cell unchanged.
 * - The in-memory workbook (`FakeWorkbook`) can be seeded and inspected.
 */
import type { CellValue } from "../../src/engine/grid";
import { a1Range, columnLetters, parseA1 } from "../../src/engine/grid";

export const FAKE_MAX_REQUEST_BYTES = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

// ---- the in-memory workbook --------------------------------------------------------------

interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

export interface FakeCell {
  value: CellValue;
  formula?: string;
  format?: string;
  style?: Record<string, unknown>;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface FakeRuleData {
  id: string;
  type: string;
  areas: string[];
  formula: string | null;
  format: Record<string, unknown>;
}

export interface FakeChartData {
  id: string;
  type: string;
  title: string | null;
  position: string[] | null;
  series: { name: string | null; values: string | null; xValues: string | null }[];
}

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

let nextId = 1;

export class FakeSheet {
  visibility: FakeVisibility = "Visible";
  readonly cells = new Map<string, FakeCell>();
  tables: { name: string; address: string }[] = [];
  rules: FakeRuleData[] = [];
  charts: FakeChartData[] = [];
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  merges: string[] = [];
  constructor(public name: string) {}

  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  ensure(r: number, c: number): FakeCell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The cell at an A1 address (undefined when never touched). */
  at(address: string): FakeCell | undefined {
    const p = parseA1(address);
    return p ? this.get(p.row - 1, p.col - 1) : undefined;
  }

  usedArea(): Area | null {
    let area: Area | null = null;
    for (const [key, cell] of this.cells) {
      if (cell.value === null && !cell.formula && !cell.format && !cell.style) continue;
      const [r, c] = key.split(",").map(Number);
      if (!area) area = { r0: r, c0: c, r1: r, c1: c };
      else {
        area.r0 = Math.min(area.r0, r);
        area.c0 = Math.min(area.c0, c);
        area.r1 = Math.max(area.r1, r);
        area.c1 = Math.max(area.c1, c);
      }
    }
    return area;
  }

  /** Values from A1 to the used range's bottom-right corner (null = empty). */
  valuesFromA1(): CellValue[][] {
    const area = this.usedArea();
    if (!area) return [];
    const out: CellValue[][] = [];
    for (let r = 0; r <= area.r1; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c <= area.c1; c++) row.push(this.get(r, c)?.value ?? null);
      out.push(row);
    }
    return out;
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  constructor(public name: string) {}

  sheet(name: string): FakeSheet {
    const found = this.find(name);
    if (!found) throw new Error(`fake workbook has no sheet ${name}`);
    return found;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

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
}

// ---- the request context -----------------------------------------------------------------

interface Action {
  describe: string;
  bytes: number;
  run: () => void;
}

export interface SyncRecord {
  actions: string[];
  bytes: number;
}

function utf8(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  readonly syncs: SyncRecord[] = [];
  maxRequestBytes = FAKE_MAX_REQUEST_BYTES;
  private queue: Action[] = [];
  private failure: string | null = null;

  constructor(readonly data: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.enqueue("application.suspendApiCalculationUntilNextSync()", null, () => {}),
    };
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** The largest request sent so far, in bytes. */
  get maxBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.bytes), 0);
  }

  /** Every action sent, in order. */
  get actions(): string[] {
    return this.syncs.flatMap((s) => s.actions);
  }

  /** Makes the next sync fail with this Office.js error code. */
  failNextSync(code: string): void {
    this.failure = code;
  }

  enqueue(describe: string, args: unknown, run: () => void): void {
    const payload = JSON.stringify({ a: describe, v: args ?? null });
    this.queue.push({ describe, bytes: 100 + utf8(payload), run });
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const bytes = actions.reduce((sum, a) => sum + a.bytes, 0);
    this.syncs.push({ actions: actions.map((a) => a.describe), bytes });
    if (this.failure) {
      const code = this.failure;
      this.failure = null;
      throw new FakeOfficeError(code, `Simulated ${code}`);
    }
    if (bytes > this.maxRequestBytes)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`,
      );
    for (const action of actions) action.run();
  }
}

/** A fake workbook and a context over it; `context` is what the port takes. */
export function createFakeExcel(init: { name?: string; sheets: FakeSheetInit[] }): {
  context: Excel.RequestContext;
  fake: FakeContext;
  workbook: FakeWorkbook;
} {
  const workbook = new FakeWorkbook(init.name ?? "Bok1.xlsx");
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
    workbook.sheets.push(sheet);
  }
  const fake = new FakeContext(workbook);
  return { context: fake as unknown as Excel.RequestContext, fake, workbook };
}

// ---- proxies ----------------------------------------------------------------------------

abstract class FakeObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  abstract describe(): string;
  protected abstract readProp(name: string): unknown;
  protected defaultProps(): string[] {
    return [];
  }
  protected nav(name: string): FakeObject {
    throw new FakeOfficeError("InvalidArgument", `${this.describe()} has no navigation property ${name}`);
  }
  protected isNull(): boolean {
    return false;
  }

  load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : spec ? spec.split(",") : this.defaultProps())
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue(`${this.describe()}.load(${paths.join(",")})`, paths, () => {
      this.loadPath([]);
      for (const path of paths) this.loadPath(path.split("/"));
    });
    return this;
  }

  loadPath(segments: string[]): void {
    this.loaded.set("isNullObject", this.isNull());
    if (this.isNull() || segments.length === 0 || (segments.length === 1 && segments[0] === "isNullObject"))
      return;
    if (segments.length === 1) this.loaded.set(segments[0], this.readProp(segments[0]));
    else this.nav(segments[0]).loadPath(segments.slice(1));
  }

  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name))
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.describe()}.${name}`,
      );
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    return this.loadedValue<boolean>("isNullObject");
  }

  /** The loaded properties as plain data, like Office.js `toJSON()`. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of this.loaded) if (key !== "isNullObject" && key !== "items") out[key] = value;
    return out;
  }
}

abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private readonly proxies = new Map<unknown, T>();
  protected abstract currentItems(): T[];
  /** One proxy per underlying object, so loads of several item properties land on the same items. */
  protected itemFor(data: unknown, make: () => T): T {
    let item = this.proxies.get(data);
    if (!item) {
      item = make();
      this.proxies.set(data, item);
    }
    return item;
  }
  protected override readProp(name: string): unknown {
    if (name === "items") return this.currentItems();
    throw new FakeOfficeError("InvalidArgument", `${this.describe()} has no property ${name}`);
  }
  override loadPath(segments: string[]): void {
    super.loadPath(segments.length > 0 ? ["items"] : []);
    if (segments[0] === "items" && segments.length > 1)
      for (const item of this.items) item.loadPath(segments.slice(1));
  }
  protected override defaultProps(): string[] {
    return ["items"];
  }
  get items(): T[] {
    return this.loadedValue<T[]>("items");
  }
}

/** Property assignments on `format`, `fill`, `font`, `borders.getItem(x)` ... recorded by path. */
function styleProxy(
  ctx: FakeContext,
  describe: string,
  apply: (path: string, value: unknown) => void,
  path = "",
): Record<string, unknown> {
  const join = (name: string): string => (path ? `${path}.${name}` : name);
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== "string") return undefined;
        if (prop === "getItem") return (name: string) => styleProxy(ctx, describe, apply, join(name));
        return styleProxy(ctx, describe, apply, join(prop));
      },
      set(_target, prop, value) {
        const full = join(String(prop));
        ctx.enqueue(`${describe}.${full}`, value, () => apply(full, value));
        return true;
      },
    },
  );
}

function parseArea(address: string): Area {
  const a = address.replace(/\$/g, "").trim();
  const bang = a.lastIndexOf("!");
  const local = bang >= 0 ? a.slice(bang + 1) : a;
  const col = /^([A-Z]+):([A-Z]+)$/i.exec(local);
  if (col) {
    const c0 = (parseA1(`${col[1]}1`)?.col ?? 1) - 1;
    const c1 = (parseA1(`${col[2]}1`)?.col ?? 1) - 1;
    return { r0: 0, c0: Math.min(c0, c1), r1: MAX_ROW, c1: Math.max(c0, c1) };
  }
  const [first, second] = local.split(":");
  const p = parseA1(first);
  const q = second === undefined ? p : parseA1(second);
  if (!p || !q) throw new FakeOfficeError("InvalidArgument", `The argument is invalid: ${address}`);
  return {
    r0: Math.min(p.row, q.row) - 1,
    c0: Math.min(p.col, q.col) - 1,
    r1: Math.max(p.row, q.row) - 1,
    c1: Math.max(p.col, q.col) - 1,
  };
}

function areaAddress(area: Area): string {
  if (area.r0 === 0 && area.r1 === MAX_ROW)
    return `${columnLetters(area.c0 + 1)}:${columnLetters(area.c1 + 1)}`;
  return a1Range(area.r0 + 1, area.c0 + 1, area.r1 + 1, area.c1 + 1);
}

function intersects(a: Area, b: Area): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function cellsIn(area: Area): number {
  return (area.r1 - area.r0 + 1) * (area.c1 - area.c0 + 1);
}

function excelSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** Puts typed input into a cell as Excel would. */
function enter(cell: FakeCell, input: unknown): void {
  delete cell.formula;
  if (typeof input !== "string") {
    cell.value = input as CellValue;
    return;
  }
  if (cell.format === "@") {
    cell.value = input;
    return;
  }
  const trimmed = input.trim();
  if (trimmed === "") {
    cell.value = input === "" ? null : input;
    return;
  }
  const number = Number(trimmed);
  if (Number.isFinite(number) && !/^[=@]/.test(trimmed)) {
    cell.value = number;
    return;
  }
  if (/^[=+\-@]/.test(input) && input.length > 1) {
    cell.formula = input.startsWith("=") ? input : `=${input}`;
    cell.value = "#NAME?";
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.value = trimmed.toLowerCase() === "true";
    return;
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (date) {
    cell.value = excelSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    return;
  }
  cell.value = input;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class FakeWorkbookProxy extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  describe(): string {
    return "workbook";
  }
  protected readProp(name: string): unknown {
    if (name === "name") return this.ctx.data.name;
    throw new FakeOfficeError("InvalidArgument", `workbook.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  describe(): string {
    return "workbook.worksheets";
  }
  protected currentItems(): FakeWorksheet[] {
    return this.ctx.data.sheets.map((s) => this.itemFor(s, () => new FakeWorksheet(this.ctx, s)));
  }
  getItem(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, null);
    this.ctx.enqueue(`worksheets.getItem(${name})`, name, () => {
      const found = this.ctx.data.find(name);
      if (!found) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      ws.bind(found);
    });
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, null);
    this.ctx.enqueue(`worksheets.getItemOrNullObject(${name})`, name, () =>
      ws.bind(this.ctx.data.find(name) ?? null),
    );
    return ws;
  }
  add(name: string): FakeWorksheet {
    const sheet = new FakeSheet(name);
    this.ctx.enqueue(`worksheets.add(${name})`, name, () => {
      if (this.ctx.data.find(name))
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
      this.ctx.data.sheets.push(sheet);
    });
    return new FakeWorksheet(this.ctx, sheet);
  }
}

export class FakeWorksheet extends FakeObject {
  private data: FakeSheet | null | undefined;
  readonly freezePanes: { freezeRows(count: number): void; unfreeze(): void };
  constructor(ctx: FakeContext, data: FakeSheet | null) {
    super(ctx);
    this.data = data ?? undefined;
    this.freezePanes = {
      freezeRows: (count: number) =>
        this.ctx.enqueue(`${this.describe()}.freezePanes.freezeRows`, count, () => {
          this.sheet().frozenRows = count;
        }),
      unfreeze: () =>
        this.ctx.enqueue(`${this.describe()}.freezePanes.unfreeze`, null, () => {
          this.sheet().frozenRows = 0;
        }),
    };
  }
  bind(data: FakeSheet | null): void {
    this.data = data;
  }
  sheet(): FakeSheet {
    if (!this.data) throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist (null object).");
    return this.data;
  }
  protected override isNull(): boolean {
    return this.data === null;
  }
  describe(): string {
    return `worksheet(${this.data?.name ?? "?"})`;
  }
  protected override defaultProps(): string[] {
    return ["name", "visibility", "position"];
  }
  protected readProp(name: string): unknown {
    const sheet = this.sheet();
    if (name === "name") return sheet.name;
    if (name === "visibility") return sheet.visibility;
    if (name === "position") return this.ctx.data.sheets.indexOf(sheet);
    throw new FakeOfficeError("InvalidArgument", `worksheet.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(value: string) {
    this.ctx.enqueue(`${this.describe()}.name`, value, () => {
      const other = this.ctx.data.find(value);
      if (other && other !== this.sheet())
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${value} exists.`);
      this.sheet().name = value;
    });
  }
  get visibility(): FakeVisibility {
    return this.loadedValue("visibility");
  }
  set visibility(value: FakeVisibility) {
    this.ctx.enqueue(`${this.describe()}.visibility`, value, () => {
      const sheet = this.sheet();
      const othersVisible = this.ctx.data.sheets.some((s) => s !== sheet && s.visibility === "Visible");
      if (value !== "Visible" && !othersVisible)
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      sheet.visibility = value;
    });
  }
  get position(): number {
    return this.loadedValue("position");
  }
  private tableCollection: FakeTableCollection | undefined;
  private chartCollection: FakeChartCollection | undefined;
  get tables(): FakeTableCollection {
    this.tableCollection ??= new FakeTableCollection(this.ctx, this);
    return this.tableCollection;
  }
  get charts(): FakeChartCollection {
    this.chartCollection ??= new FakeChartCollection(this.ctx, this);
    return this.chartCollection;
  }
  activate(): void {
    this.ctx.enqueue(`${this.describe()}.activate()`, null, () => {
      const sheet = this.sheet();
      if (sheet.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "Cannot activate a hidden sheet.");
      this.ctx.data.activeSheet = sheet.name;
    });
  }
  delete(): void {
    this.ctx.enqueue(`${this.describe()}.delete()`, null, () => {
      this.ctx.data.sheets = this.ctx.data.sheets.filter((s) => s !== this.sheet());
    });
  }
  getRange(address?: string): FakeRange {
    return FakeRange.create(this.ctx, this, `getRange(${address ?? ""})`, () =>
      address ? parseArea(address) : { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL },
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return FakeRange.create(this.ctx, this, `getRangeByIndexes(${row},${col},${rows},${cols})`, () => ({
      r0: row,
      c0: col,
      r1: row + rows - 1,
      c1: col + cols - 1,
    }));
  }
  getUsedRangeOrNullObject(): FakeRange {
    return FakeRange.create(this.ctx, this, "getUsedRangeOrNullObject()", () => this.sheet().usedArea());
  }
  getRanges(address: string): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.ctx, this, address);
    this.ctx.enqueue(`${this.describe()}.getRanges`, address, () => areas.bind());
    return areas;
  }
}

class FakeRange extends FakeObject {
  private area: Area | null | undefined;
  constructor(
    ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
    private readonly how: string,
  ) {
    super(ctx);
  }
  static create(
    ctx: FakeContext,
    worksheet: FakeWorksheet,
    how: string,
    resolve: () => Area | null,
  ): FakeRange {
    const range = new FakeRange(ctx, worksheet, how);
    ctx.enqueue(`${worksheet.describe()}.${how}`, null, () => {
      range.area = resolve();
    });
    return range;
  }
  describe(): string {
    return `${this.worksheet.describe()}.${this.how}`;
  }
  private resolved(): Area {
    if (this.area === undefined) throw new Error("fake: range used before it was resolved");
    if (this.area === null) throw new FakeOfficeError("ItemNotFound", "The range is a null object.");
    return this.area;
  }
  protected override isNull(): boolean {
    return this.area === null;
  }
  /** Address as Excel reports it, resolved now (for actions that take a range). */
  addressNow(): string {
    return `${quoteSheet(this.worksheet.sheet().name)}!${areaAddress(this.resolved())}`;
  }
  protected readProp(name: string): unknown {
    const area = this.resolved();
    const sheet = this.worksheet.sheet();
    const grid = (pick: (cell: FakeCell | undefined) => unknown): unknown[][] => {
      if (cellsIn(area) > 5_000_000)
        throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "Too many cells.");
      const out: unknown[][] = [];
      for (let r = area.r0; r <= area.r1; r++) {
        const row: unknown[] = [];
        for (let c = area.c0; c <= area.c1; c++) row.push(pick(sheet.get(r, c)));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "address":
        return this.addressNow();
      case "rowCount":
        return area.r1 - area.r0 + 1;
      case "columnCount":
        return area.c1 - area.c0 + 1;
      case "values":
        return grid((cell) => cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.format ?? "General");
      case "formulas":
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      default:
        throw new FakeOfficeError("InvalidArgument", `range.${name} is not faked`);
    }
  }
  get address(): string {
    return this.loadedValue("address");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  private assign(name: string, grid: unknown[][], put: (cell: FakeCell, input: unknown) => void): void {
    this.ctx.enqueue(`${this.describe()}.${name}`, grid, () => {
      const area = this.resolved();
      const rows = area.r1 - area.r0 + 1;
      const cols = area.c1 - area.c0 + 1;
      if (grid.length !== rows || grid.some((row) => row.length !== cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size of the range.`,
        );
      const sheet = this.worksheet.sheet();
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const input = grid[r][c];
          if (input === null || input === undefined) continue;
          put(sheet.ensure(area.r0 + r, area.c0 + c), input);
        }
    });
  }
  set values(grid: unknown[][]) {
    this.assign("values", grid, enter);
  }
  set numberFormat(grid: unknown[][]) {
    this.assign("numberFormat", grid, (cell, input) => {
      cell.format = String(input);
    });
  }
  set formulas(grid: unknown[][]) {
    this.assign("formulas", grid, (cell, input) => {
      if (typeof input === "string" && input.startsWith("=") && cell.format !== "@") {
        cell.formula = input;
        cell.value = null;
      } else enter(cell, input);
    });
  }
  set hyperlink(link: FakeCell["hyperlink"]) {
    this.ctx.enqueue(`${this.describe()}.hyperlink`, link, () => {
      const area = this.resolved();
      const sheet = this.worksheet.sheet();
      for (let r = area.r0; r <= area.r1; r++)
        for (let c = area.c0; c <= area.c1; c++) sheet.ensure(r, c).hyperlink = link;
    });
  }
  get format(): Record<string, unknown> {
    return styleProxy(this.ctx, `${this.describe()}.format`, (path, value) =>
      applyStyle(this.worksheet.sheet(), [this.resolved()], path, value),
    );
  }
  private ruleCollection: FakeConditionalFormatCollection | undefined;
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.ruleCollection ??= new FakeConditionalFormatCollection(this.ctx, this.worksheet, () => [
      this.resolved(),
    ]);
    return this.ruleCollection;
  }
  merge(across = false): void {
    this.ctx.enqueue(`${this.describe()}.merge(${across})`, null, () => {
      this.worksheet.sheet().merges.push(areaAddress(this.resolved()));
    });
  }
  unmerge(): void {
    this.ctx.enqueue(`${this.describe()}.unmerge()`, null, () => {
      const area = this.resolved();
      const sheet = this.worksheet.sheet();
      sheet.merges = sheet.merges.filter((m) => !intersects(parseArea(m), area));
    });
  }
  clear(applyTo = "All"): void {
    this.ctx.enqueue(`${this.describe()}.clear(${applyTo})`, applyTo, () => {
      const area = this.resolved();
      const sheet = this.worksheet.sheet();
      for (const key of [...sheet.cells.keys()]) {
        const [r, c] = key.split(",").map(Number);
        if (r < area.r0 || r > area.r1 || c < area.c0 || c > area.c1) continue;
        if (applyTo === "All") sheet.cells.delete(key);
        else if (applyTo === "Contents") {
          const cell = sheet.cells.get(key) as FakeCell;
          cell.value = null;
          delete cell.formula;
        } else if (applyTo === "Formats") {
          const cell = sheet.cells.get(key) as FakeCell;
          delete cell.format;
          delete cell.style;
        }
      }
    });
  }
  select(): void {
    this.ctx.enqueue(`${this.describe()}.select()`, null, () => {
      this.ctx.data.selection = { sheet: this.worksheet.sheet().name, address: areaAddress(this.resolved()) };
    });
  }
}

function applyStyle(sheet: FakeSheet, areas: Area[], path: string, value: unknown): void {
  for (const area of areas) {
    if (path === "columnWidth") {
      for (let c = area.c0; c <= area.c1; c++) sheet.columnWidths.set(c, Number(value));
      continue;
    }
    if (cellsIn(area) > 100_000) throw new Error(`fake: cell style on a huge area ${areaAddress(area)}`);
    for (let r = area.r0; r <= area.r1; r++)
      for (let c = area.c0; c <= area.c1; c++) {
        const cell = sheet.ensure(r, c);
        cell.style = { ...(cell.style ?? {}), [path]: value };
      }
  }
}

class FakeRangeAreas extends FakeObject {
  private areas: Area[] | undefined;
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly addressList: string,
  ) {
    super(ctx);
  }
  bind(): void {
    this.areas = this.addressList.split(",").map(parseArea);
  }
  private resolved(): Area[] {
    if (!this.areas) throw new Error("fake: range areas used before they were resolved");
    return this.areas;
  }
  describe(): string {
    return `${this.worksheet.describe()}.getRanges(${this.addressList.length > 40 ? `${this.addressList.slice(0, 40)}…` : this.addressList})`;
  }
  protected readProp(name: string): unknown {
    if (name === "address")
      return this.resolved()
        .map((a) => `${quoteSheet(this.worksheet.sheet().name)}!${areaAddress(a)}`)
        .join(",");
    throw new FakeOfficeError("InvalidArgument", `rangeAreas.${name} is not faked`);
  }
  get format(): Record<string, unknown> {
    return styleProxy(this.ctx, `${this.describe()}.format`, (path, value) =>
      applyStyle(this.worksheet.sheet(), this.resolved(), path, value),
    );
  }
  private ruleCollection: FakeConditionalFormatCollection | undefined;
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.ruleCollection ??= new FakeConditionalFormatCollection(this.ctx, this.worksheet, () =>
      this.resolved(),
    );
    return this.ruleCollection;
  }
}

class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat> {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly areas: () => Area[],
  ) {
    super(ctx);
  }
  describe(): string {
    return `${this.worksheet.describe()}.conditionalFormats`;
  }
  private intersecting(): FakeRuleData[] {
    const areas = this.areas();
    return this.worksheet
      .sheet()
      .rules.filter((rule) => rule.areas.some((a) => areas.some((b) => intersects(parseArea(a), b))));
  }
  protected currentItems(): FakeConditionalFormat[] {
    return this.intersecting().map((rule) =>
      this.itemFor(rule, () => new FakeConditionalFormat(this.ctx, this.worksheet, rule)),
    );
  }
  add(type: string): FakeConditionalFormat {
    const rule: FakeRuleData = { id: `cf${nextId++}`, type, areas: [], formula: null, format: {} };
    this.ctx.enqueue(`${this.describe()}.add(${type})`, type, () => {
      rule.areas = this.areas().map(areaAddress);
      this.worksheet.sheet().rules.push(rule);
    });
    return new FakeConditionalFormat(this.ctx, this.worksheet, rule);
  }
  clearAll(): void {
    this.ctx.enqueue(`${this.describe()}.clearAll()`, null, () => {
      const gone = new Set(this.intersecting());
      const sheet = this.worksheet.sheet();
      sheet.rules = sheet.rules.filter((rule) => !gone.has(rule));
    });
  }
}

class FakeConditionalFormat extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    readonly rule: FakeRuleData,
  ) {
    super(ctx);
  }
  describe(): string {
    return `conditionalFormat(${this.rule.id})`;
  }
  protected readProp(name: string): unknown {
    if (name === "id") return this.rule.id;
    if (name === "type") return this.rule.type;
    throw new FakeOfficeError("InvalidArgument", `conditionalFormat.${name} is not faked`);
  }
  protected override nav(name: string): FakeObject {
    if (name === "customOrNullObject") return this.customOrNullObject;
    if (name === "custom") return this.custom;
    return super.nav(name);
  }
  get id(): string {
    return this.loadedValue("id");
  }
  get type(): string {
    return this.loadedValue("type");
  }
  private customProxy: FakeCustomFormat | undefined;
  private customOrNullProxy: FakeCustomFormat | undefined;
  get custom(): FakeCustomFormat {
    this.customProxy ??= new FakeCustomFormat(this.ctx, this.rule, false);
    return this.customProxy;
  }
  get customOrNullObject(): FakeCustomFormat {
    this.customOrNullProxy ??= new FakeCustomFormat(this.ctx, this.rule, this.rule.type !== "Custom");
    return this.customOrNullProxy;
  }
  delete(): void {
    this.ctx.enqueue(`${this.describe()}.delete()`, null, () => {
      const sheet = this.worksheet.sheet();
      if (!sheet.rules.includes(this.rule))
        throw new FakeOfficeError("ItemNotFound", "The conditional format is gone.");
      sheet.rules = sheet.rules.filter((r) => r !== this.rule);
    });
  }
}

class FakeCustomFormat extends FakeObject {
  private ruleProxy: FakeCfRule | undefined;
  constructor(
    ctx: FakeContext,
    private readonly data: FakeRuleData,
    private readonly empty: boolean,
  ) {
    super(ctx);
  }
  describe(): string {
    return `conditionalFormat(${this.data.id}).custom`;
  }
  protected override isNull(): boolean {
    return this.empty;
  }
  protected readProp(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `custom.${name} is not faked`);
  }
  protected override nav(name: string): FakeObject {
    if (name === "rule") return this.rule;
    return super.nav(name);
  }
  get rule(): FakeCfRule {
    this.ruleProxy ??= new FakeCfRule(this.ctx, this.data);
    return this.ruleProxy;
  }
  get format(): Record<string, unknown> {
    return styleProxy(this.ctx, `${this.describe()}.format`, (path, value) => {
      this.data.format[path] = value;
    });
  }
}

class FakeCfRule extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly data: FakeRuleData,
  ) {
    super(ctx);
  }
  describe(): string {
    return `conditionalFormat(${this.data.id}).custom.rule`;
  }
  protected readProp(name: string): unknown {
    if (name === "formula") return this.data.formula;
    throw new FakeOfficeError("InvalidArgument", `rule.${name} is not faked`);
  }
  get formula(): string {
    return this.loadedValue("formula");
  }
  set formula(value: string) {
    this.ctx.enqueue(`${this.describe()}.formula`, value, () => {
      this.data.formula = value;
    });
  }
}

class FakeTableCollection extends FakeCollection<FakeTable> {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  describe(): string {
    return `${this.worksheet.describe()}.tables`;
  }
  protected currentItems(): FakeTable[] {
    return this.worksheet
      .sheet()
      .tables.map((t) => this.itemFor(t, () => new FakeTable(this.ctx, this.worksheet, t)));
  }
}

class FakeTable extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly data: { name: string; address: string },
  ) {
    super(ctx);
  }
  describe(): string {
    return `table(${this.data.name})`;
  }
  protected readProp(name: string): unknown {
    if (name === "name") return this.data.name;
    throw new FakeOfficeError("InvalidArgument", `table.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  getRange(): FakeRange {
    return FakeRange.create(this.ctx, this.worksheet, `table(${this.data.name}).getRange()`, () =>
      parseArea(this.data.address),
    );
  }
}

class FakeChartCollection extends FakeCollection<FakeChart> {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  describe(): string {
    return `${this.worksheet.describe()}.charts`;
  }
  protected currentItems(): FakeChart[] {
    return this.worksheet
      .sheet()
      .charts.map((c) => this.itemFor(c, () => new FakeChart(this.ctx, this.worksheet, c)));
  }
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    const data: FakeChartData = { id: `chart${nextId++}`, type, title: null, position: null, series: [] };
    this.ctx.enqueue(`${this.describe()}.add(${type},${seriesBy})`, type, () => {
      data.series.push({ name: null, values: source.addressNow(), xValues: null });
      this.worksheet.sheet().charts.push(data);
    });
    return new FakeChart(this.ctx, this.worksheet, data);
  }
}

class FakeChart extends FakeObject {
  readonly title: { text: string };
  readonly series: {
    getItemAt(index: number): FakeSeries;
    add(name: string): FakeSeries;
  };
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    readonly data: FakeChartData,
  ) {
    super(ctx);
    const describeChart = (): string => this.describe();
    this.title = {
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "chart.title.text is not loaded");
      },
      set text(value: string) {
        ctx.enqueue(`${describeChart()}.title.text`, value, () => {
          data.title = value;
        });
      },
    };
    this.series = {
      getItemAt: (index: number) =>
        new FakeSeries(ctx, data, () => {
          const s = data.series[index];
          if (!s) throw new FakeOfficeError("ItemNotFound", `No series ${index}`);
          return s;
        }),
      add: (name: string) => {
        const entry = { name, values: null, xValues: null };
        ctx.enqueue(`${describeChart()}.series.add`, name, () => data.series.push(entry));
        return new FakeSeries(ctx, data, () => entry);
      },
    };
  }
  describe(): string {
    return `${this.worksheet.describe()}.chart(${this.data.id})`;
  }
  protected readProp(name: string): unknown {
    if (name === "name") return this.data.id;
    throw new FakeOfficeError("InvalidArgument", `chart.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  setPosition(start: string, end?: string): void {
    this.ctx.enqueue(`${this.describe()}.setPosition`, [start, end], () => {
      this.data.position = end ? [start, end] : [start];
    });
  }
  delete(): void {
    this.ctx.enqueue(`${this.describe()}.delete()`, null, () => {
      const sheet = this.worksheet.sheet();
      sheet.charts = sheet.charts.filter((c) => c !== this.data);
    });
  }
}

class FakeSeries {
  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: FakeChartData,
    private readonly entry: () => FakeChartData["series"][number],
  ) {}
  set name(value: string) {
    this.ctx.enqueue(`chart(${this.chart.id}).series.name`, value, () => {
      this.entry().name = value;
    });
  }
  setValues(range: FakeRange): void {
    this.ctx.enqueue(`chart(${this.chart.id}).series.setValues`, null, () => {
      this.entry().values = range.addressNow();
    });
  }
  setXAxisValues(range: FakeRange): void {
    this.ctx.enqueue(`chart(${this.chart.id}).series.setXAxisValues`, null, () => {
      this.entry().xValues = range.addressNow();
    });
  }
}
