import type { WorkbookSnapshot } from "../../engine/grid";
import { openPackage, readPackage } from "./open";

/**
 * Reads a picked .xlsx in a browser as `malkoll check` reads it: the same package refusals and
 * the same SpreadsheetML reader, with JSZip inflating where Node has zlib. ExcelJS, the fallback on
 * XML the reader cannot parse, is loaded only when it is needed.
 */
export async function readXlsxInBrowser(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  const opened = await openPackage(bytes, name);
  return readPackage(opened, bytes, name, {});
}
