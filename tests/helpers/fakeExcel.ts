/**
 * A recording fake of the part of the Excel JavaScript API that src/ports/office uses, as strict as
 * Excel where Excel is strict:
 *
 * - Every method call and property assignment is queued as an action and only carried out at
 *   `context.sync()`, in order; a failing action rejects the sync, the actions before it stay
 *   applied, the rest are dropped. `failSync` fails any chosen sync after its first N actions.
 * - Request and response bytes (JSON) are measured per sync; over 5 MB either way is Excel on the
 *   web's `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`.
 * - Reading a property that was not loaded and synced throws `PropertyNotLoaded`.
 * - A cell holds at most 32 767 characters, a row at most 409 points, a column at most 255
 *   characters (1 342.5 points in Calibri 11), a sheet at most 65 530 hyperlinks; `freezePanes.unfreeze()`
 *   throws on a hidden sheet; conditional-format ids are priorities that shift when a rule is
 *   deleted or added; page-layout fit-to-pages is ignored unless the Page Layout tab shows, and a
 *   print scale is 10–400 %.
 * - What the port sets is recorded where a test can see it: cell looks, conditional-format looks,
 *   column widths and row heights (points), manual page breaks, page layout (paper, margins,
 *   footer, scale, print titles), gridlines, and charts with their series colours, axes and fonts.
 * - Values entered into cells are coerced like Excel does for typed input: text starting with
 *   `=`, `+`, `-`, `@` becomes a formula, numeric text a number, `yyyy-mm-dd` a date, unless the
 *   cell's number format is text (`@`). A `null` in an assigned 2-D array leaves the cell unchanged,
 *   and so does NaN or ±Infinity, which Office.js's JSON request carries as `null`.
 * - Merging keeps only each merged area's upper-left value, as Excel does: the values and
 *   formulas of its other cells are cleared.
 * - A protected sheet (`protection.protected`) refuses with AccessDenied to add or delete
 *   conditional formats and to write, clear, format or merge cells (every cell counts as locked).
 * - A workbook counts dates in the 1900 or the 1904 system (`date1904`): cells hold that system's
 *   serials, `workbook.functions.date()` answers in it, and `range.text` shows a `yyyy-mm-dd` date
 *   as its day (other number formats' text is not faked and fails the sync).
 * - The host has an ExcelApi set (`excelApi`, default every set the port uses): a newer method fails
 *   its sync with ApiNotFound; `fake.isSetSupported` answers for that host.
 * - The in-memory workbook (`FakeWorkbook`) can be seeded and inspected.
 */
export { FakeOfficeError } from "./fakeExcel/errors";
export type { FakeAction, SyncFailure, SyncRecord } from "./fakeExcel/context";
export {
  FAKE_MAX_REQUEST_BYTES,
  FAKE_EXCEL_API,
  FAKE_MAX_RESPONSE_BYTES,
  FakeContext,
  contextFor,
  createFakeExcel,
} from "./fakeExcel/context";
export type { FakeSheetInit } from "./fakeExcel/init";
export type {
  FakeCell,
  FakeChartData,
  FakePageLayout,
  FakeRuleData,
  FakeVisibility,
} from "./fakeExcel/model";
export {
  FakeSheet,
  FakeWorkbook,
  MAX_CELL_CHARS,
  MAX_COLUMN_POINTS,
  MAX_HYPERLINKS,
} from "./fakeExcel/model";
export { FakeWorksheet, FakeWorkbookProxy } from "./fakeExcel/workbook";
