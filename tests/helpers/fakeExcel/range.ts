/** Ranges and range areas: values, formats, formulas, styles, merges, rules. */
import { FakeConditionalFormatCollection } from "./conditionalFormats";
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { Area, FakeCell, FakeSheet } from "./model";
import {
  areaAddress,
  cellsIn,
  enter,
  intersects,
  MAX_COL,
  MAX_COLUMN_POINTS,
  MAX_HYPERLINKS,
  MAX_ROW,
  MAX_ROW_POINTS,
  parseArea,
  quoteSheet,
  requireCellLength,
  shownText,
} from "./model";
import { FakeObject, styleProxy } from "./object";
import type { FakeWorksheet } from "./workbook";

/** Microsoft: "a range is limited to five million cells for get operations" (all platforms). */
const MAX_GET_CELLS = 5_000_000;
/** `getMergedAreasOrNullObject` fails above this many areas (Microsoft's reference). */
export const MAX_MERGED_AREAS = 512;

export class FakeRange extends FakeObject {
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
      if (cellsIn(area) > MAX_GET_CELLS)
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
      case "text":
        return grid((cell) => shownText(cell, this.ctx.data.date1904));
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
  get text(): string[][] {
    return this.loadedValue("text");
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
      this.worksheet.sheet().requireUnprotected(`range.${name}`);
      const area = this.resolved();
      const rows = area.r1 - area.r0 + 1;
      const cols = area.c1 - area.c0 + 1;
      if (grid.length !== rows || grid.some((row) => row.length !== cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size of the range.`,
        );
      for (const row of grid) for (const input of row) requireCellLength(input);
      const sheet = this.worksheet.sheet();
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const input = asSent(grid[r][c]);
          if (input === null || input === undefined) continue;
          put(sheet.ensure(area.r0 + r, area.c0 + c), input);
        }
    });
  }
  set values(grid: unknown[][]) {
    this.assign("values", grid, (cell, input) => enter(cell, input, this.ctx.data.date1904));
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
      } else enter(cell, input, this.ctx.data.date1904);
    });
  }
  /**
   * Each cell of the range gets the link (a cell's link replaces the one it had). A sheet holds at
   * most 65 530 links ("Excel specifications and limits"); one that would get more is refused and
   * keeps the links it had. The error code Excel gives is not documented: the fake says
   * InvalidOperation, as for its other count limits. Counting every linked cell as one link is the
   * strict reading (Excel may store a link set on several cells as one).
   */
  set hyperlink(link: FakeCell["hyperlink"]) {
    this.ctx.enqueue(`${this.describe()}.hyperlink`, link, () => {
      const area = this.resolved();
      const sheet = this.worksheet.sheet();
      let added = 0;
      for (let r = area.r0; r <= area.r1; r++)
        for (let c = area.c0; c <= area.c1; c++) if (!sheet.get(r, c)?.hyperlink) added++;
      if (added > 0) {
        let links = added;
        for (const cell of sheet.cells.values()) if (cell.hyperlink) links++;
        if (links > MAX_HYPERLINKS)
          throw new FakeOfficeError(
            "InvalidOperation",
            `A sheet holds at most ${MAX_HYPERLINKS} hyperlinks (${links} asked for).`,
          );
      }
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
  /**
   * `Formulas`: the areas of formula cells in this range; `Visible`: the blocks of its cells in rows
   * and columns not hidden, whole rows written `3:14` and whole columns `A:C`, as Excel writes them.
   * A null object when there are none. Other types are not faked.
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== "Formulas" && cellType !== "Visible")
      throw new FakeOfficeError("InvalidArgument", `getSpecialCells(${cellType}) is not faked`);
    const areas = new FakeRangeAreas(this.ctx, this.worksheet, `${this.how}.specialCells(${cellType})`);
    this.ctx.enqueue(`${this.describe()}.getSpecialCellsOrNullObject(${cellType})`, cellType, () => {
      const area = this.resolved();
      if (cellType === "Visible") {
        const sheet = this.worksheet.sheet();
        const rows = shownRuns(area.r0, area.r1, sheet.hiddenRows);
        const cols = shownRuns(area.c0, area.c1, sheet.hiddenColumns);
        const found = rows.flatMap(([r0, r1]) => cols.map(([c0, c1]) => ({ r0, c0, r1, c1 })));
        areas.bindAreas(found.length > 0 ? found : null);
        return;
      }
      const found: Area[] = [];
      for (const [key, cell] of this.worksheet.sheet().cells) {
        if (!cell.formula) continue;
        const [r, c] = key.split(",").map(Number);
        if (r >= area.r0 && r <= area.r1 && c >= area.c0 && c <= area.c1)
          found.push({ r0: r, c0: c, r1: r, c1: c });
      }
      areas.bindAreas(found.length > 0 ? found : null);
    });
    return areas;
  }
  /**
   * ExcelApi 1.13: the merged areas whose top-left cell lies in this range (OfficeDev/office-js#3611),
   * or a null object when there are none. Microsoft: "if the merged areas count in this range is
   * more than 512, then this method will fail to return the result" (the error code is not
   * documented; the fake fails the sync with GeneralException). On an older host the sync fails
   * with ApiNotFound, as a host does for a method its API sets lack.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.ctx, this.worksheet, `${this.how}.mergedAreas`);
    this.ctx.enqueue(`${this.describe()}.getMergedAreasOrNullObject()`, null, () => {
      this.ctx.requireExcelApi("1.13", "Range.getMergedAreasOrNullObject");
      const area = this.resolved();
      const found = this.worksheet
        .sheet()
        .merges.map(parseArea)
        .filter((m) => m.r0 >= area.r0 && m.r0 <= area.r1 && m.c0 >= area.c0 && m.c0 <= area.c1);
      if (found.length > MAX_MERGED_AREAS)
        throw new FakeOfficeError("GeneralException", `More than ${MAX_MERGED_AREAS} merged areas.`);
      areas.bindAreas(found.length > 0 ? found : null);
    });
    return areas;
  }
  /**
   * Merges the range (with `across`, each of its rows: "merge cells in each row of the specified
   * range as separate merged cells") and, as Excel does, keeps only each merged area's upper-left
   * value: the other cells' values and formulas are cleared, and unmerging does not bring them back.
   * Office.js's reference says only "Merge the range cells into one region in the worksheet"; the
   * clearing is Excel's for the UI (Microsoft's "Merge and unmerge cells": only the upper-left
   * cell's content is kept, the other cells' content is deleted) and VBA ("The value of a merged
   * range is specified in the cell of the range's upper-left corner", Range.Merge).
   */
  merge(across = false): void {
    this.ctx.enqueue(`${this.describe()}.merge(${across})`, null, () => {
      const sheet = this.worksheet.sheet();
      sheet.requireUnprotected("range.merge");
      const area = this.resolved();
      const merged = across
        ? Array.from({ length: area.r1 - area.r0 + 1 }, (_, i) => ({
            ...area,
            r0: area.r0 + i,
            r1: area.r0 + i,
          }))
        : [area];
      for (const [key, cell] of sheet.cells) {
        const [r, c] = key.split(",").map(Number);
        const within = merged.find((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1);
        if (!within || (r === within.r0 && c === within.c0)) continue;
        cell.value = null;
        delete cell.formula;
      }
      for (const m of merged) sheet.merges.push(areaAddress(m));
    });
  }
  unmerge(): void {
    this.ctx.enqueue(`${this.describe()}.unmerge()`, null, () => {
      this.worksheet.sheet().requireUnprotected("range.unmerge");
      const area = this.resolved();
      const sheet = this.worksheet.sheet();
      sheet.merges = sheet.merges.filter((m) => !intersects(parseArea(m), area));
    });
  }
  clear(applyTo = "All"): void {
    this.ctx.enqueue(`${this.describe()}.clear(${applyTo})`, applyTo, () => {
      this.worksheet.sheet().requireUnprotected("range.clear");
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
      const sheet = this.worksheet.sheet();
      // Excel selects nothing on a hidden or very hidden sheet, as it activates none (workbook.ts).
      if (sheet.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "Cannot select a range on a hidden sheet.");
      this.ctx.data.selection = { sheet: sheet.name, address: areaAddress(this.resolved()) };
    });
  }
}

/**
 * A cell of an assigned 2-D array as Excel receives it. Office.js sends a batch as JSON: every
 * host's runtime builds the request with `JSON.stringify(requestMessage.Body)`
 * (`RichApiMessageUtility.buildMessageArrayForIRequestExecutor` in @microsoft/office-js
 * dist/excel-web-16.00, excel-win32-16.01 and excel-mac-16.00), which writes NaN and ±Infinity as
 * `null`; and a `null` in a 2-D array leaves its cell unchanged ("Use null in 2-D arrays to leave
 * specific cells unchanged", Microsoft, "Blank and null values in Excel add-ins"). So a non-finite
 * number is neither stored nor refused: the sync succeeds and the cell keeps what it had. This is
 * read from the runtime's code and the documentation, not seen in a running Excel (no office-js
 * issue on it was found); should Excel turn out to refuse such a request, refuse here instead.
 */
function asSent(input: unknown): unknown {
  return typeof input === "number" && !Number.isFinite(input) ? null : input;
}

/** The runs of indexes from `lo` to `hi` not in `hidden`, as [first, last] pairs. */
function shownRuns(lo: number, hi: number, hidden: ReadonlySet<number>): [number, number][] {
  const cuts = [...hidden].filter((i) => i >= lo && i <= hi).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  let from = lo;
  for (const cut of cuts) {
    if (cut > from) runs.push([from, cut - 1]);
    from = cut + 1;
  }
  if (from <= hi) runs.push([from, hi]);
  return runs;
}

/** `3:14` for an area of whole rows (not all of them), else null. */
function wholeRowsAddress(area: Area): string | null {
  if (area.c0 !== 0 || area.c1 !== MAX_COL || (area.r0 === 0 && area.r1 === MAX_ROW)) return null;
  return `${area.r0 + 1}:${area.r1 + 1}`;
}

function applyStyle(sheet: FakeSheet, areas: Area[], path: string, value: unknown): void {
  sheet.requireUnprotected(`format.${path}`);
  if (path === "rowHeight" && !(typeof value === "number" && value >= 0 && value <= MAX_ROW_POINTS))
    throw new FakeOfficeError(
      "InvalidArgument",
      `The argument is invalid: a row is 0 to ${MAX_ROW_POINTS} points high.`,
    );
  // Neither Office.js's reference nor an office-js issue says what Excel does with a wider column
  // (clamp or refuse); VBA's Range.ColumnWidth refuses above 255 with run-time error 1004. The fake
  // refuses, so a port that computes a wider column fails in its tests and not in a user's Excel.
  // A non-finite width reaches Excel as JSON `null`, "not a valid input for single property"
  // (Microsoft, "Blank and null values in Excel add-ins"): refused too.
  if (
    path === "columnWidth" &&
    !(typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_COLUMN_POINTS)
  )
    throw new FakeOfficeError(
      "InvalidArgument",
      `The argument is invalid: a column is 0 to ${MAX_COLUMN_POINTS} points (255 characters) wide.`,
    );
  for (const area of areas) {
    if (path === "columnWidth") {
      for (let c = area.c0; c <= area.c1; c++) sheet.columnWidths.set(c, Number(value));
      continue;
    }
    if (path === "rowHeight") {
      for (let r = area.r0; r <= area.r1; r++) sheet.rowHeights.set(r, value as number);
      continue;
    }
    // "Only intended to be set to true": the rows (columns) of the range go back to the standard size.
    if (path === "useStandardHeight" || path === "useStandardWidth") {
      if (value !== true) continue;
      const sizes = path === "useStandardHeight" ? sheet.rowHeights : sheet.columnWidths;
      const [lo, hi] = path === "useStandardHeight" ? [area.r0, area.r1] : [area.c0, area.c1];
      for (const index of [...sizes.keys()]) if (index >= lo && index <= hi) sizes.delete(index);
      continue;
    }
    if (path === "autofitRows" || path === "autofitColumns") {
      sheet.autofitRows.push(areaAddress(area));
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

export class FakeRangeAreas extends FakeObject {
  private areas: Area[] | null | undefined;
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly label: string,
  ) {
    super(ctx);
  }
  /** Resolves an address list (`getRanges`). */
  bind(addressList = this.label): void {
    this.areas = addressList.split(",").map(parseArea);
  }
  bindAreas(areas: Area[] | null): void {
    this.areas = areas;
  }
  private resolved(): Area[] {
    if (this.areas === undefined) throw new Error("fake: range areas used before they were resolved");
    if (this.areas === null) throw new FakeOfficeError("ItemNotFound", "The range areas are a null object.");
    return this.areas;
  }
  protected override isNull(): boolean {
    return this.areas === null;
  }
  describe(): string {
    return `${this.worksheet.describe()}.getRanges(${this.label.length > 40 ? `${this.label.slice(0, 40)}…` : this.label})`;
  }
  protected readProp(name: string): unknown {
    const areas = this.resolved();
    if (name === "address")
      // As documented: "Sheet1!A1:B4, Sheet1!D1:D4"; whole rows as Excel writes them, `Sheet1!3:14`.
      return areas
        .map((a) => `${quoteSheet(this.worksheet.sheet().name)}!${wholeRowsAddress(a) ?? areaAddress(a)}`)
        .join(", ");
    if (name === "areaCount") return areas.length;
    if (name === "cellCount") return areas.reduce((n, a) => n + cellsIn(a), 0);
    throw new FakeOfficeError("InvalidArgument", `rangeAreas.${name} is not faked`);
  }
  get address(): string {
    return this.loadedValue("address");
  }
  get cellCount(): number {
    return this.loadedValue("cellCount");
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
