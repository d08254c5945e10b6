import type JSZip from "jszip";
import { SaxesParser } from "saxes";
import type {
  CellValue,
  ListObjectInfo,
  SheetGrid,
  SheetVisibility,
  WorkbookSnapshot,
} from "../../engine/grid";
import { columnLetters, parseA1, parseA1Range } from "../../engine/grid";
import { decodePart, isRelType, parseRels, partNameOf, relsPathFor, resolveTarget } from "./opc";
import { type CellEntry, type ColumnSpan, columnSpan, gridFromEntries, visibilityOf } from "./gridEntries";
import { from1904 } from "../dateSystem";
import { XlsxPortError } from "./errors";
import { isXmlTrue } from "./xml";
import {
  type Attributes,
  localName,
  OutsideFastSubset,
  scanXml,
  withoutBom,
  type XmlHandlers,
} from "./fastXml";
import { inflateChecked, nativeInflate, rawEntries, type RawZipEntry } from "./zipReader";

/**
 * Reads cell values straight from a package's SpreadsheetML into plain grids, as Office.js
 * reports them: numbers (dates as serials, a 1904 workbook's as the same days' 1900 serials),
 * strings, booleans, errors as text, formulas with their cached result (and which results Excel did
 * not compute), number format codes as written, tables, merges, hidden rows and sheet visibility.
 *
 * ExcelJS builds a full document model per cell (styles, addresses, value objects) that the
 * engine never uses; reading only values through a SAX parser is several times faster and
 * allocates far less. ExcelJS stays the reference: tests compare both readers' snapshots.
 */

const BUILTIN_NUMBER_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A number as SpreadsheetML writes it (`Number()` alone would also take `0x10` or `Infinity`). */
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ESCAPED_CHAR = /_x([0-9A-Fa-f]{4})_/g;

/** XML that does not parse: the one failure the port lets ExcelJS try instead. */
export class XmlParseError extends Error {
  constructor(cause: unknown) {
    super(`XML does not parse: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "XmlParseError";
  }
}

type XmlParse = (xml: string, handlers: XmlHandlers) => void;

/** Parses XML with saxes, element names stripped of any prefix (some writers emit `x:c`). */
function parseWithSaxes(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  parser.on("opentag", (tag) => handlers.open(localName(tag.name), tag.attributes as Attributes));
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  try {
    parser.write(withoutBom(xml)).close();
  } catch (err) {
    // saxes reports malformed XML by throwing from write/close; a handler throws only a refusal.
    if (err instanceof XlsxPortError) throw err;
    throw new XmlParseError(err);
  }
}

/**
 * Runs `read` over a part with the fast scanner, and again from the start with saxes when the
 * part has anything the scanner leaves to saxes. `read` must start from fresh state each time.
 */
function readXml<T>(read: (parse: XmlParse) => T): T {
  try {
    return read(scanPart);
  } catch (err) {
    if (!(err instanceof OutsideFastSubset)) throw err;
    return read(parseWithSaxes);
  }
}

const scanPart: XmlParse = (xml, handlers) => scanXml(withoutBom(xml), handlers);

/** The relationship id attribute (`r:id`, whatever the prefix is called). */
function relId(attributes: Attributes): string | undefined {
  for (const key in attributes) if (key.endsWith(":id")) return attributes[key];
  return undefined;
}

/** `_x000D_`-style escapes SpreadsheetML uses for characters XML cannot carry. */
function unescapeSpreadsheetText(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(ESCAPED_CHAR, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Formula tokens, in the order they are tried: text that never moves (string literals, quoted
 * sheet names, structured references such as `Tabell1[[#This Row],[T1]]`), whole-column and
 * whole-row ranges (`C:D`, `3:3`), then cell references. `(?<!…)`/`(?!…)` keep names such as
 * `LOG10(` or `Mål1` from being read as references.
 */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;
const FORMULA_TOKEN = new RegExp(
  [
    `"(?:[^"]|"")*"|'(?:[^']|'')*'|\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]`,
    `(?<![\\p{L}\\p{N}_.])(\\$?)([A-Za-z]{1,3}):(\\$?)([A-Za-z]{1,3})(?![\\p{L}\\p{N}_(!])`,
    `(?<![\\p{L}\\p{N}_.:])(\\$?)(\\d+):(\\$?)(\\d+)(?![\\p{L}\\p{N}_(!:])`,
    `(?<![\\p{L}\\p{N}_.])(\\$?)([A-Za-z]{1,3})(\\$?)(\\d+)(?![\\p{L}\\p{N}_(!])`,
  ].join("|"),
  "gu",
);

/**
 * A shared formula as it reads in a cell `rows`/`cols` away from its master: relative references
 * move, `$` ones stay; a reference moved off the sheet becomes `#REF!`.
 */
export function slideFormula(formula: string, rows: number, cols: number): string {
  // Letters past XFD are a name, not a column; a reference moved past the sheet's edge is #REF!.
  const col = (abs: string, letters: string): number | null => {
    const n = parseA1(`${letters}1`)!.col;
    if (n > MAX_COLUMNS) return null;
    const moved = abs ? n : n + cols;
    return moved > MAX_COLUMNS ? 0 : moved;
  };
  const row = (abs: string, digits: string): number => {
    const moved = abs ? Number(digits) : Number(digits) + rows;
    return moved > MAX_ROWS ? 0 : moved;
  };
  return formula.replace(FORMULA_TOKEN, (token, ...g: (string | undefined)[]) => {
    if (g[0] !== undefined) {
      const [a, b] = [col(g[0], g[1]!), col(g[2]!, g[3]!)];
      if (a === null || b === null) return token;
      return a < 1 || b < 1 ? "#REF!" : `${g[0]}${columnLetters(a)}:${g[2]}${columnLetters(b)}`;
    }
    if (g[4] !== undefined) {
      const [a, b] = [row(g[4], g[5]!), row(g[6]!, g[7]!)];
      return a < 1 || b < 1 ? "#REF!" : `${g[4]}${a}:${g[6]}${b}`;
    }
    if (g[8] !== undefined) {
      const c = col(g[8], g[9]!);
      if (c === null) return token;
      const r = row(g[10]!, g[11]!);
      return c < 1 || r < 1 ? "#REF!" : `${g[8]}${columnLetters(c)}${g[10]}${r}`;
    }
    return token;
  });
}

/** A time of day without a date (`10:10:10`, `08:30`, `23:59:59.5`). */
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

/**
 * 1900-system serial of an ISO 8601 date, date-time or time (`t="d"` cells), whatever the
 * workbook's date system; a time is a fraction of a day.
 */
function isoDateToSerial(text: string): number | null {
  const time = TIME_ONLY.exec(text);
  if (time) {
    const [h, m, sec] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    return h < 24 && m < 60 && sec < 60 ? Math.round((((h * 60 + m) * 60 + sec) / 864) * 1e7) / 1e9 : null;
  }
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T00:00:00Z`
    : /[zZ]|[+-]\d\d:?\d\d$/.test(text)
      ? text
      : `${text}Z`;
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return null;
  const serial = Math.round((t / 86400000 + 25569) * 1e9) / 1e9;
  // The 1900 system counts a 29 February 1900 that never was: days before it are one lower.
  return serial < 61 ? serial - 1 : serial;
}

function damaged(path: string, cause: unknown): XlsxPortError {
  return new XlsxPortError(
    `Arbetsboken är skadad: delen ${path} stämmer inte med filens storlek eller kontrollsumma`,
    `The workbook is damaged: part ${path} does not match the size or checksum the file states`,
    { cause },
  );
}

/**
 * Reads package parts: deflated entries through Node's zlib, anything else (and everything in a
 * browser, which has no zlib) through JSZip. Parts are found as OPC names them (ignoring case,
 * `\\` as `/`) and decoded as UTF-8 or UTF-16.
 */
class PartReader {
  /** Entries to inflate with zlib, by zip entry name: none where zlib is absent. */
  private readonly raw: Map<string, RawZipEntry>;
  /** Lower-case part name → zip entry name. */
  private readonly entries = new Map<string, string>();

  constructor(
    private readonly zip: JSZip,
    bytes: Uint8Array,
    /** Parts already inflated and checked, by zip entry name. */
    private readonly inflated: ReadonlyMap<string, Uint8Array> = new Map(),
  ) {
    this.raw = nativeInflate ? rawEntries(bytes) : new Map();
    for (const name of Object.keys(zip.files)) this.entries.set(partNameOf(name).toLowerCase(), name);
  }

  /**
   * A part's text. A part that inflates to another size or checksum than the package states is
   * refused: the size limit (`checkPackage`) is checked against the stated sizes, so they must hold.
   */
  async text(path: string): Promise<string | null> {
    const entry = this.entries.get(partNameOf(path).toLowerCase());
    if (entry === undefined) return null;
    const checked = this.inflated.get(entry);
    if (checked) return decodePart(checked);
    const raw = this.raw.get(entry);
    if (raw) {
      const data = inflateChecked(raw);
      if (!data) throw damaged(path, null);
      return decodePart(data);
    }
    const file = this.zip.file(entry);
    return file && !file.dir ? decodePart(await file.async("uint8array")) : null;
  }

  async rels(partPath: string): Promise<{ id: string; type: string; path: string }[]> {
    const xml = await this.text(relsPathFor(partPath));
    if (!xml) return [];
    return parseRels(xml)
      .filter((r) => !r.external)
      .map((r) => ({ id: r.id, type: r.type, path: resolveTarget(partPath, r.target) }));
  }
}

function readSharedStrings(xml: string): string[] {
  return readXml((parse) => sharedStringsWith(parse, xml));
}

function sharedStringsWith(parse: XmlParse, xml: string): string[] {
  const strings: string[] = [];
  let current = "";
  let inText = false;
  let phoneticDepth = 0;
  parse(xml, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phoneticDepth++;
      else if (name === "t") inText = phoneticDepth === 0;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phoneticDepth--;
      else if (name === "si") strings.push(unescapeSpreadsheetText(current));
    },
  });
  return strings;
}

/** Number format code per cell style index (`s` attribute); null for General. */
function readCellFormats(xml: string): (string | null)[] {
  return readXml((parse) => cellFormatsWith(parse, xml));
}

function cellFormatsWith(parse: XmlParse, xml: string): (string | null)[] {
  const custom = new Map<number, string>();
  const formats: (string | null)[] = [];
  let inCellXfs = false;
  parse(xml, {
    open(name, attributes) {
      if (name === "numFmt") {
        const id = Number(attributes.numFmtId);
        if (Number.isInteger(id) && attributes.formatCode !== undefined)
          custom.set(id, attributes.formatCode);
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        const code = custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id] ?? null;
        formats.push(code === "General" ? null : code);
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats;
}

interface SheetContext {
  strings: string[];
  formats: (string | null)[];
  date1904: boolean;
  /** `<calcPr fullCalcOnLoad="1">`: a formula's stored 0 may be a placeholder (see `SheetGrid.uncalculated`). */
  recalculatesOnLoad: boolean;
  /** Characters of cell text allowed (see {@link ReadLimits}), and how many are left. */
  maxTextChars: number;
  textLeft: number;
  workbook: string;
}

export interface ReadLimits {
  /**
   * The most characters of cell text, counted per cell (a shared string in 12 000 cells counts
   * 12 000 times), that the read may hand on; past it the read stops with a refusal.
   */
  maxTextChars?: number;
}

export function textOverLimit(workbook: string, limit: number): XlsxPortError {
  const sv = (n: number) => n.toLocaleString("sv-SE");
  const en = (n: number) => n.toLocaleString("en-GB");
  return new XlsxPortError(
    `${workbook} har mer celltext än Målkoll skapar tabeller för: över ${sv(limit)} tecken räknat per cell (t.ex. en mycket lång text som upprepas i många celler). Kontrollera den med malkoll check, eller korta texterna.`,
    `${workbook} has more cell text than Målkoll builds tables for: over ${en(limit)} characters counted per cell (e.g. a very long text repeated in many cells). Check it with malkoll check, or shorten the texts.`,
  );
}

interface SheetContent {
  entries: CellEntry[];
  merges: string[];
  tableIds: string[];
  /** `<sheetProtection sheet="1">`: the sheet is protected (the element alone only keeps options). */
  protected: boolean;
  /** Rows written `<row hidden="1">`: hidden by hand, in a collapsed group or by a filter. */
  hiddenRows: number[];
  /** Spans of columns written `<col min max hidden="1">` (hidden by hand or in a collapsed group). */
  hiddenColumns: ColumnSpan[];
}

function readWorksheet(xml: string, context: SheetContext): SheetContent {
  const textLeft = context.textLeft;
  return readXml((parse) => {
    context.textLeft = textLeft;
    return worksheetWith(parse, xml, context);
  });
}

function worksheetWith(parse: XmlParse, xml: string, context: SheetContext): SheetContent {
  const entries: CellEntry[] = [];
  const merges: string[] = [];
  const tableIds: string[] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: ColumnSpan[] = [];
  let protectedSheet = false;
  const sharedMasters = new Map<string, { formula: string; row: number; col: number }>();

  let row = 0;
  let rowNumbered = false;
  let col = 0;
  let type = "n";
  let style = 0;
  let text = "";
  let valueText: string | null = null;
  let formulaText: string | null = null;
  let sharedIndex: string | undefined;
  let sharedRef = false;
  let inlineText: string | null = null;
  let collecting: "v" | "f" | "t" | null = null;
  let phoneticDepth = 0;

  parse(xml, {
    open(name, attributes) {
      switch (name) {
        case "row": {
          const r = attributes.r ? parseInt(attributes.r, 10) : NaN;
          rowNumbered = Number.isFinite(r);
          row = rowNumbered ? r : row + 1;
          col = 0;
          if (isXmlTrue(attributes.hidden)) hiddenRows.push(row);
          return;
        }
        case "c": {
          const position = attributes.r ? parseA1(attributes.r) : null;
          if (position) {
            col = position.col;
            if (!rowNumbered) row = position.row;
          } else col++;
          type = attributes.t ?? "n";
          style = attributes.s ? parseInt(attributes.s, 10) || 0 : 0;
          valueText = null;
          formulaText = null;
          sharedIndex = undefined;
          sharedRef = false;
          inlineText = null;
          return;
        }
        case "v":
          collecting = "v";
          text = "";
          return;
        case "f":
          collecting = "f";
          text = "";
          sharedIndex = attributes.t === "shared" ? attributes.si : undefined;
          sharedRef = attributes.ref !== undefined;
          return;
        case "is":
          inlineText = "";
          return;
        case "rPh":
          phoneticDepth++;
          return;
        case "t":
          if (inlineText !== null && phoneticDepth === 0) {
            collecting = "t";
            text = "";
          }
          return;
        case "mergeCell":
          if (attributes.ref) merges.push(attributes.ref);
          return;
        case "col": {
          const span = columnSpan(attributes.min, attributes.max);
          if (span && isXmlTrue(attributes.hidden)) hiddenColumns.push(span);
          return;
        }
        case "sheetProtection":
          protectedSheet = isXmlTrue(attributes.sheet);
          return;
        case "tablePart": {
          const id = relId(attributes);
          if (id) tableIds.push(id);
          return;
        }
      }
    },
    text(chunk) {
      if (collecting) text += chunk;
    },
    close(name) {
      switch (name) {
        case "v":
          valueText = text;
          collecting = null;
          return;
        case "f":
          formulaText = text;
          collecting = null;
          return;
        case "t":
          if (collecting === "t") inlineText = (inlineText ?? "") + text;
          collecting = null;
          return;
        case "rPh":
          phoneticDepth--;
          return;
        case "c": {
          if (col < 1 || !(row >= 1)) return;
          let formula: string | null = null;
          if (formulaText !== null) {
            if (sharedIndex !== undefined && sharedRef && formulaText !== "") {
              sharedMasters.set(sharedIndex, { formula: formulaText, row, col });
              formula = formulaText;
            } else if (sharedIndex !== undefined && formulaText === "") {
              const master = sharedMasters.get(sharedIndex);
              formula = master ? slideFormula(master.formula, row - master.row, col - master.col) : null;
            } else if (formulaText !== "") formula = formulaText;
          }
          const format = context.formats[style] ?? null;
          let value = cellValue(type, valueText, inlineText, context);
          if (value === null && formula === null) return;
          if (typeof value === "string" && (context.textLeft -= value.length) < 0)
            throw textOverLimit(context.workbook, context.maxTextChars);
          if (typeof value === "number" && context.date1904 && type !== "d") value = from1904(value, format);
          // Under a recalculation request only a 0 (XlsxWriter's placeholder) or no value is suspect:
          // POI and others set the request over values they did compute.
          const uncalculated =
            formula !== null &&
            (noResult(type, valueText) || (context.recalculatesOnLoad && (value === null || value === 0)));
          entries.push({ row, col, value, format, formula, uncalculated });
          return;
        }
      }
    },
  });
  return { entries, merges, tableIds, protected: protectedSheet, hiddenRows, hiddenColumns };
}

/**
 * A formula cell holds no result: no `<v>`, or an empty one where the result is not text (Excel writes
 * `<v></v>` only for an empty text, `t="str"`; openpyxl writes it for every formula).
 */
function noResult(type: string, valueText: string | null): boolean {
  return valueText === null || (type !== "str" && valueText.trim() === "");
}

function cellValue(
  type: string,
  valueText: string | null,
  inlineText: string | null,
  context: SheetContext,
): CellValue {
  switch (type) {
    case "s":
      return valueText === null ? null : textValue(context.strings[parseInt(valueText, 10)]);
    case "inlineStr":
      return inlineText === null ? null : textValue(unescapeSpreadsheetText(inlineText));
    case "str":
      return valueText === null ? null : textValue(unescapeSpreadsheetText(valueText));
    case "b": {
      const flag = valueText?.trim().toLowerCase();
      return flag === undefined || flag === "" ? null : isXmlTrue(flag);
    }
    case "e":
      return valueText;
    case "d":
      return valueText === null ? null : isoDateToSerial(valueText.trim());
    default: {
      const text = valueText?.trim() ?? "";
      const n = DECIMAL_NUMBER.test(text) ? Number(text) : NaN;
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** Empty text is an empty cell, as Office.js reports it (`""` in `values` is nothing there). */
function textValue(text: string | undefined): string | null {
  return text === undefined || text === "" ? null : text;
}

/**
 * The entries outside merged areas or at their top-left cell: Excel shows nothing in the rest.
 * Only cells that hold something are looked at, so a merge over a million empty rows costs nothing.
 */
function withoutMergeShadows(entries: CellEntry[], merges: string[]): CellEntry[] {
  const areas = merges
    .map((ref) => parseA1Range(ref))
    .filter((a): a is NonNullable<typeof a> => a !== null && (a.row2 > a.row1 || a.col2 > a.col1));
  if (!areas.length) return entries;
  const byRow = new Map<number, number[]>();
  entries.forEach((e, i) => {
    const list = byRow.get(e.row);
    if (list) list.push(i);
    else byRow.set(e.row, [i]);
  });
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const shadowed = new Set<number>();
  for (const area of areas) {
    // First row holding cells at or after the area's top, by binary search.
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] < area.row1) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < rows.length && rows[k] <= area.row2; k++)
      for (const i of byRow.get(rows[k])!) {
        const e = entries[i];
        if (e.col >= area.col1 && e.col <= area.col2 && (e.row !== area.row1 || e.col !== area.col1))
          shadowed.add(i);
      }
  }
  return shadowed.size ? entries.filter((_, i) => !shadowed.has(i)) : entries;
}

function gridOf(
  name: string,
  visibility: SheetVisibility,
  content: SheetContent,
  listObjects: ListObjectInfo[],
): SheetGrid {
  const entries = withoutMergeShadows(content.entries, content.merges);
  return gridFromEntries(name, visibility, entries, {
    listObjects,
    merges: content.merges,
    protected: content.protected,
    hiddenRows: content.hiddenRows,
    hiddenColumns: content.hiddenColumns,
  });
}

async function readTables(parts: PartReader, sheetPath: string, ids: string[]): Promise<ListObjectInfo[]> {
  if (!ids.length) return [];
  const rels = await parts.rels(sheetPath);
  const out: ListObjectInfo[] = [];
  for (const id of ids) {
    const rel = rels.find((r) => r.id === id && isRelType(r.type, "table"));
    const xml = rel ? await parts.text(rel.path) : null;
    if (!xml) continue;
    const found = readXml((parse) => {
      const tables: ListObjectInfo[] = [];
      parse(xml, {
        open(name, attributes) {
          if (name === "table" && attributes.ref)
            tables.push({ name: attributes.name ?? attributes.displayName ?? id, range: attributes.ref });
        },
      });
      return tables;
    });
    out.push(...found);
  }
  return out;
}

/**
 * A package whose workbook lists sheets it does not hold as Excel writes them: Excel offers to
 * repair it, and a write over it would put Målkoll's own sheet where the missing one is named.
 */
function damagedBook(name: string, what: string, whatEn: string): XlsxPortError {
  return new XlsxPortError(
    `${name} är skadad: ${what}. Öppna den i Excel, som kan reparera den, och spara den igen.`,
    `${name} is damaged: ${whatEn}. Open it in Excel, which can repair it, and save it again.`,
  );
}

/** The workbook part's path, from the package's root relationships. */
async function workbookPath(parts: PartReader): Promise<string> {
  const rels = await parts.rels("");
  const main = rels.find((r) => isRelType(r.type, "officeDocument"));
  if (!main) throw new Error("no officeDocument relationship");
  return main.path;
}

/** Reads every worksheet of an already checked package (see `checkPackage`). */
export async function snapshotFromPackage(
  zip: JSZip,
  bytes: Uint8Array,
  name: string,
  limits: ReadLimits = {},
  /** Parts the package check already inflated, by zip entry name. */
  inflated?: ReadonlyMap<string, Uint8Array>,
): Promise<WorkbookSnapshot> {
  const parts = new PartReader(zip, bytes, inflated);
  const bookPath = await workbookPath(parts);
  const bookXml = await parts.text(bookPath);
  if (bookXml === null) throw new Error(`missing ${bookPath}`);
  const bookRels = await parts.rels(bookPath);

  const { date1904, recalculatesOnLoad, sheets } = readXml((parse) => {
    let date1904 = false;
    let recalculatesOnLoad = false;
    const sheets: { name: string; state?: string; id?: string }[] = [];
    parse(bookXml, {
      open(element, attributes) {
        if (element === "workbookPr") date1904 = isXmlTrue(attributes.date1904);
        else if (element === "calcPr") recalculatesOnLoad = isXmlTrue(attributes.fullCalcOnLoad);
        else if (element === "sheet")
          sheets.push({ name: attributes.name ?? "", state: attributes.state, id: relId(attributes) });
      },
    });
    return { date1904, recalculatesOnLoad, sheets };
  });

  if (!sheets.length)
    throw new XlsxPortError(
      `${name} har inga blad; Excel kan inte öppna en arbetsbok utan blad`,
      `${name} has no sheets; Excel cannot open a workbook without sheets`,
    );
  const stringsRel = bookRels.find((r) => isRelType(r.type, "sharedStrings"));
  const stringsXml = stringsRel ? await parts.text(stringsRel.path) : null;
  const stylesRel = bookRels.find((r) => isRelType(r.type, "styles"));
  const stylesXml = stylesRel ? await parts.text(stylesRel.path) : null;
  const maxTextChars = limits.maxTextChars ?? Infinity;
  const context: SheetContext = {
    strings: stringsXml ? readSharedStrings(stringsXml) : [],
    formats: stylesXml ? readCellFormats(stylesXml) : [],
    date1904,
    recalculatesOnLoad,
    maxTextChars,
    textLeft: maxTextChars,
    workbook: name,
  };

  const grids: SheetGrid[] = [];
  const names = new Set<string>();
  const paths = new Set<string>();
  for (const sheet of sheets) {
    const rel = bookRels.find((r) => r.id === sheet.id);
    const key = sheet.name.toLocaleLowerCase("sv");
    if (names.has(key))
      throw damagedBook(name, `två blad heter ”${sheet.name}”`, `two sheets are named "${sheet.name}"`);
    names.add(key);
    if (!rel || paths.has(rel.path))
      throw damagedBook(
        name,
        `bladet ”${sheet.name}” har ingen egen del i filen`,
        `sheet "${sheet.name}" has no part of its own in the file`,
      );
    paths.add(rel.path);
    // A chart sheet or a dialog sheet holds no cells to read.
    if (!isRelType(rel.type, "worksheet")) continue;
    const xml = await parts.text(rel.path);
    if (xml === null)
      throw damagedBook(
        name,
        `bladet ”${sheet.name}” saknar sin del ${rel.path}`,
        `sheet "${sheet.name}" lacks its part ${rel.path}`,
      );
    const content = readWorksheet(xml, context);
    const listObjects = await readTables(parts, rel.path, content.tableIds);
    grids.push(gridOf(sheet.name, visibilityOf(sheet.state), content, listObjects));
  }
  return { name, sheets: grids };
}
