import type { WorkbookSnapshot } from "../../engine/grid";

/**
 * ExcelJS's reading of a package, the fallback for XML Målkoll's reader cannot parse (read.ts).
 * ExcelJS is loaded here, when it is needed: loading it cost a `malkoll check` of a small workbook
 * more than the check itself (about 320 of 560 ms of the CLI's start), and the pane's bundle keeps
 * it in a chunk of its own.
 */
export async function snapshotWithExcelJS(
  ...args: Parameters<typeof import("./read").snapshotWithExcelJS>
): Promise<WorkbookSnapshot> {
  const { snapshotWithExcelJS: read } = await import(/* webpackChunkName: "xlsx-exceljs" */ "./read");
  return read(...args);
}
