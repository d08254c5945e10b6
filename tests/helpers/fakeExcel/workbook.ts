/** The workbook, its worksheet collection and worksheets. */
import { FakeChartCollection, FakeTableCollection } from "./charts";
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { FakeVisibility } from "./model";
import { FakeSheet, MAX_COL, MAX_ROW, excelSerial, parseArea } from "./model";
import { FakeCollection, FakeObject } from "./object";
import { FakePageBreaks, FakePageLayoutProxy } from "./pageLayout";
import { FakeRange, FakeRangeAreas } from "./range";

/** `application.cultureInfo` (ExcelApi 1.11): the workbook's culture, `sv-SE` unless a test says otherwise. */
export class FakeCultureInfo extends FakeObject {
  describe(): string {
    return "application.cultureInfo";
  }
  protected readProp(name: string): unknown {
    if (name === "name") return this.ctx.data.culture;
    throw new FakeOfficeError("InvalidArgument", `cultureInfo.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
}

class FakeProtection extends FakeObject {
  describe(): string {
    return "workbook.protection";
  }
  protected readProp(name: string): unknown {
    if (name === "protected") return this.ctx.data.structureProtected;
    throw new FakeOfficeError("InvalidArgument", `workbook.protection.${name} is not faked`);
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

/**
 * A worksheet function's answer (`workbook.functions.date(…)`, ExcelApi 1.2), computed at sync:
 * `value` on success, `error` (`#NUM!`) when the arguments name no day of the workbook's system.
 */
class FakeFunctionResult extends FakeObject {
  private answer: { value: number | null; error: string | null } | null = null;
  constructor(
    ctx: FakeContext,
    private readonly call: string,
  ) {
    super(ctx);
  }
  settle(answer: { value: number | null; error: string | null }): void {
    this.answer = answer;
  }
  describe(): string {
    return `workbook.functions.${this.call}`;
  }
  protected readProp(name: string): unknown {
    if (!this.answer) throw new FakeOfficeError("InvalidArgument", `${this.describe()} was not evaluated`);
    if (name === "value") return this.answer.value;
    if (name === "error") return this.answer.error;
    throw new FakeOfficeError("InvalidArgument", `${this.describe()}.${name} is not faked`);
  }
  get value(): number | null {
    return this.loadedValue("value");
  }
  get error(): string | null {
    return this.loadedValue("error");
  }
}

/** `workbook.functions`: the worksheet functions the port asks Excel to evaluate. */
class FakeFunctions {
  constructor(private readonly ctx: FakeContext) {}
  /** DATE(year; month; day) in the workbook's date system: 1904-01-02 is 1 in a 1904 book, 1 463 in a 1900 one. */
  date(year: number, month: number, day: number): FakeFunctionResult {
    const call = `date(${year},${month},${day})`;
    const result = new FakeFunctionResult(this.ctx, call);
    this.ctx.enqueue(`workbook.functions.${call}`, [year, month, day], () => {
      this.ctx.requireExcelApi("1.2", "Workbook.functions");
      // As Excel: a year 0–1899 counts from 1900 (121 is 2021); a day before the system's first is #NUM!.
      const fullYear = year >= 0 && year <= 1899 ? year + 1900 : year;
      const serial =
        fullYear >= 1900 && fullYear <= 9999
          ? excelSerial(fullYear, month, day, this.ctx.data.date1904)
          : null;
      result.settle(serial === null ? { value: null, error: "#NUM!" } : { value: serial, error: null });
    });
    return result;
  }
}

export class FakeWorkbookProxy extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeProtection;
  readonly functions: FakeFunctions;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeProtection(ctx);
    this.functions = new FakeFunctions(ctx);
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
      this.ctx.data.requireUnprotected();
      if (this.ctx.data.find(name))
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
      this.ctx.data.sheets.push(sheet);
    });
    return new FakeWorksheet(this.ctx, sheet);
  }
}

/** `worksheet.protection` (ExcelApi 1.2): whether the sheet is protected. */
class FakeWorksheetProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  describe(): string {
    return `${this.worksheet.describe()}.protection`;
  }
  protected readProp(name: string): unknown {
    if (name === "protected") return this.worksheet.sheet().protected;
    throw new FakeOfficeError("InvalidArgument", `worksheet.protection.${name} is not faked`);
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

export class FakeWorksheet extends FakeObject {
  private data: FakeSheet | null | undefined;
  readonly freezePanes: { freezeRows(count: number): void; unfreeze(): void };
  readonly pageLayout: FakePageLayoutProxy;
  readonly horizontalPageBreaks: FakePageBreaks;
  constructor(ctx: FakeContext, data: FakeSheet | null) {
    super(ctx);
    this.data = data ?? undefined;
    this.freezePanes = {
      freezeRows: (count: number) =>
        this.ctx.enqueue(`${this.describe()}.freezePanes.freezeRows`, count, () => {
          this.sheet().frozenRows = count;
        }),
      // OfficeDev/office-js#1463: unfreeze() throws on a hidden sheet (fixed in later builds).
      unfreeze: () =>
        this.ctx.enqueue(`${this.describe()}.freezePanes.unfreeze`, null, () => {
          const sheet = this.sheet();
          if (sheet.visibility !== "Visible")
            throw new FakeOfficeError(
              "GeneralException",
              "There was an internal error while processing the request.",
            );
          sheet.frozenRows = 0;
        }),
    };
    this.pageLayout = new FakePageLayoutProxy(
      ctx,
      () => `${this.describe()}.pageLayout`,
      () => this.sheet(),
    );
    this.horizontalPageBreaks = new FakePageBreaks(
      ctx,
      () => `${this.describe()}.horizontalPageBreaks`,
      () => this.sheet(),
    );
  }
  bind(data: FakeSheet | null): void {
    this.data = data;
  }
  sheet(): FakeSheet {
    if (!this.data || this.data.deleted)
      throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist (deleted, or a null object).");
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
      this.ctx.data.requireUnprotected();
      const other = this.ctx.data.find(value);
      if (other && other !== this.sheet())
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${value} exists.`);
      if (value.length === 0 || value.length > 31 || /[[\]:*?/\\]/.test(value))
        throw new FakeOfficeError("InvalidArgument", `Invalid sheet name: ${value}`);
      this.sheet().name = value;
    });
  }
  get showGridlines(): boolean {
    return this.loadedValue("showGridlines");
  }
  set showGridlines(value: boolean) {
    this.ctx.enqueue(`${this.describe()}.showGridlines`, value, () => {
      this.sheet().showGridlines = value;
    });
  }
  get visibility(): FakeVisibility {
    return this.loadedValue("visibility");
  }
  set visibility(value: FakeVisibility) {
    this.ctx.enqueue(`${this.describe()}.visibility`, value, () => {
      const sheet = this.sheet();
      if (value !== sheet.visibility) this.ctx.data.requireUnprotected();
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
  set position(value: number) {
    this.ctx.enqueue(`${this.describe()}.position`, value, () => {
      this.ctx.data.requireUnprotected();
      const sheet = this.sheet();
      const sheets = this.ctx.data.sheets.filter((s) => s !== sheet);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
      this.ctx.data.sheets = sheets;
    });
  }
  private tableCollection: FakeTableCollection | undefined;
  private chartCollection: FakeChartCollection | undefined;
  private protectionProxy: FakeWorksheetProtection | undefined;
  get protection(): FakeWorksheetProtection {
    this.protectionProxy ??= new FakeWorksheetProtection(this.ctx, this);
    return this.protectionProxy;
  }
  protected override nav(name: string): FakeObject {
    if (name === "protection") return this.protection;
    return super.nav(name);
  }
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
      this.ctx.data.requireUnprotected();
      const sheet = this.sheet();
      // Worksheet.delete (@types/office-js): a VeryHidden sheet's delete fails with
      // InvalidOperation; it must be made hidden or visible first (OfficeDev/office-js#365).
      if (sheet.visibility === "VeryHidden")
        throw new FakeOfficeError(
          "InvalidOperation",
          "A very hidden worksheet cannot be deleted: make it hidden or visible first.",
        );
      const othersVisible = this.ctx.data.sheets.some((s) => s !== sheet && s.visibility === "Visible");
      if (!othersVisible)
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      this.ctx.data.sheets = this.ctx.data.sheets.filter((s) => s !== sheet);
      sheet.deleted = true;
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
