import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, ListObjectInfo, SheetGrid, WorkbookSnapshot } from "../../engine/grid";
import { DAYS_1900_TO_1904 } from "../dateSystem";
import { XlsxPortError } from "./errors";
import { type CellEntry, type ColumnSpan, gridFromEntries, visibilityOf } from "./gridEntries";
import { decodePart, mainPartPath, zipEntry } from "./opc";
import { XmlParseError } from "./sheetReader";

/**
 * Reads a workbook with ExcelJS into plain grids: values as Office.js reports them (dates as
 * serials, a 1904 workbook's as the same days' 1900 serials, errors as text, formulas as cached
 * results plus their text), number formats, tables, merges, hidden rows and columns and sheet visibility.
 * Reading never writes: ExcelJS is only a parser here. Of formulas Excel did not compute it knows only those
 * holding no value or 0 in a workbook with `fullCalcOnLoad`: ExcelJS drops a stored 0 as it drops a
 * missing result.
 */

type ExcelValue = ExcelJS.CellValue | undefined;

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** A date ExcelJS made of a date cell, as a 1900-system serial (see dateSystem.ts). */
function dateToSerial(d: Date, date1904: boolean): number | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  if (!date1904) return round(t / 86400000 + 25569);
  const serial1904 = round(t / 86400000 + 24107);
  return serial1904 < 1 ? serial1904 : serial1904 + DAYS_1900_TO_1904;
}

function richTextOf(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text ?? "").join("");
}

/** Plain value of an ExcelJS cell value (formula results handled by the caller). */
function plainValue(v: ExcelValue, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return richTextOf(v);
    if ("error" in v && typeof v.error === "string") return v.error;
    if ("hyperlink" in v && "text" in v) {
      const text = (v as { text: unknown }).text;
      if (typeof text === "string") return text;
      if (text && typeof text === "object" && "richText" in text)
        return richTextOf(text as { richText: { text: string }[] });
      return (v as { hyperlink: string }).hyperlink ?? null;
    }
    if ("formula" in v || "sharedFormula" in v)
      return plainValue((v as { result?: ExcelValue }).result as ExcelValue, date1904);
  }
  return null;
}

function listObjectsOf(ws: ExcelJS.Worksheet): ListObjectInfo[] {
  const out: ListObjectInfo[] = [];
  const tables =
    (
      ws as unknown as {
        tables?: Record<string, { table?: { name?: string; tableRef?: string; ref?: string } }>;
      }
    ).tables ?? {};
  for (const [key, t] of Object.entries(tables)) {
    const range = t.table?.tableRef ?? t.table?.ref;
    if (range) out.push({ name: t.table?.name ?? key, range });
  }
  return out;
}

function gridOf(ws: ExcelJS.Worksheet, date1904: boolean, recalculatesOnLoad: boolean): SheetGrid {
  const entries: CellEntry[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const raw = cell.value as ExcelValue;
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      const value = plainValue(raw, date1904);
      let formula: string | null = null;
      if (isFormula) {
        try {
          formula = cell.formula ?? null;
        } catch {
          formula = null;
        }
      }
      if (value === null && formula === null) return;
      const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      const uncalculated = formula !== null && recalculatesOnLoad && (value === null || value === 0);
      entries.push({ row: rowNumber, col: colNumber, value, format: fmt, formula, uncalculated });
    });
  });
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber);
  });
  // ExcelJS makes one column of each a `<col min max>` spans; `columns` is unset without `<cols>`.
  const hiddenColumns: ColumnSpan[] = [];
  (ws.columns as (Partial<ExcelJS.Column> | undefined)[] | undefined)?.forEach((column, i) => {
    if (column?.hidden) hiddenColumns.push({ min: i + 1, max: i + 1 });
  });
  return gridFromEntries(ws.name, visibilityOf(ws.state), entries, {
    listObjects: listObjectsOf(ws),
    merges: (ws.model as { merges?: string[] }).merges ?? [],
    protected: isProtected(ws),
    hiddenRows,
    hiddenColumns,
  });
}

/** ExcelJS reads `<sheetProtection sheet="1">` as `sheet: true` (and LibreOffice's `sheet="true"` as nothing). */
function isProtected(ws: ExcelJS.Worksheet): boolean {
  return (ws as unknown as { sheetProtection?: { sheet?: unknown } | null }).sheetProtection?.sheet === true;
}

/** Loads a package with ExcelJS. Exported so the port can retry with a reduced copy. */
export async function loadWithExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export function snapshotFromWorkbook(
  wb: ExcelJS.Workbook,
  name: string,
  recalculatesOnLoad = false,
): WorkbookSnapshot {
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  return { name, sheets: wb.worksheets.map((ws) => gridOf(ws, date1904, recalculatesOnLoad)) };
}

/** `<calcPr fullCalcOnLoad="1">` in the workbook part, which ExcelJS does not read. */
async function recalculatesOnLoad(zip: JSZip): Promise<boolean> {
  const path = await mainPartPath(zip);
  const book = path ? zipEntry(zip, path) : null;
  if (!book) return false;
  const calcPr = /<(?:[\w.-]+:)?calcPr(?=[\s/>])[^>]*>/.exec(decodePart(await book.async("uint8array")))?.[0];
  return calcPr !== undefined && /\sfullCalcOnLoad\s*=\s*["'](?:1|true)["']/.test(calcPr);
}

/**
 * The ExcelJS reading of a package: the fallback where Målkoll's own reader cannot parse the XML,
 * and the reference that reader is tested against. When ExcelJS fails on parts it does not model,
 * a copy without pivot tables/caches (which carry no cell values) is parsed instead.
 */
export async function snapshotWithExcelJS(
  zip: JSZip,
  bytes: Uint8Array,
  name: string,
  /** Why Målkoll's own reader gave up, kept as the cause if ExcelJS fails too. */
  ownError?: unknown,
): Promise<WorkbookSnapshot> {
  const recalculates = await recalculatesOnLoad(zip);
  try {
    return snapshotFromWorkbook(await loadWithExcelJS(bytes), name, recalculates);
  } catch (first) {
    try {
      const reduced = await withoutPivotParts(zip);
      return snapshotFromWorkbook(await loadWithExcelJS(reduced), name, recalculates);
    } catch {
      // Both readers gave up: on broken XML, say so, and where the user can mend it.
      const broken =
        ownError instanceof XmlParseError ? ownError.message.replace(/^XML does not parse: /, "") : null;
      if (broken !== null)
        throw new XlsxPortError(
          `${name} kunde inte läsas: en av dess XML-delar är trasig (${broken}). Öppna den i Excel, som kan reparera den, och spara den igen.`,
          `${name} could not be read: one of its XML parts is broken (${broken}). Open it in Excel, which can repair it, and save it again.`,
          { cause: new AggregateError([ownError, first], "neither reader could read it") },
        );
      throw new XlsxPortError(`${name} kunde inte läsas`, `${name} could not be read`, {
        cause:
          ownError === undefined
            ? first
            : new AggregateError([ownError, first], "neither reader could read it"),
      });
    }
  }
}

/** A read-only copy of the package without pivot parts, for parsers that stumble on them. */
async function withoutPivotParts(zip: JSZip): Promise<Uint8Array> {
  const copy = await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array" }));
  const isPivot = (p: string) => /pivot(Table|Cache)/i.test(p);
  for (const p of Object.keys(copy.files)) if (isPivot(p)) copy.remove(p);
  for (const p of Object.keys(copy.files)) {
    if (!p.endsWith(".rels") && !p.endsWith("workbook.xml")) continue;
    const text = await copy.file(p)!.async("string");
    const cleaned = text
      .replace(/<Relationship(?=\s)[^>]*Type="[^"]*pivot(Table|CacheDefinition)"[^>]*\/>/g, "")
      .replace(/<pivotCaches>[\s\S]*?<\/pivotCaches>/, "");
    if (cleaned !== text) copy.file(p, cleaned);
  }
  return copy.generateAsync({ type: "uint8array" });
}
