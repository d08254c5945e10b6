import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import type { CellValue, WorkbookSnapshot } from "../../engine/grid";
import type { FlagRecord } from "../../engine/state";
import type { WorkbookPort, WritePlan } from "../port";
import { XlsxPortError } from "./errors";
import { applyClearFlags, applyWritePlan, type PatchReport } from "./patch";
import {
  CONTENT_TYPE,
  decodePart,
  isRelType,
  PackageEditor,
  parseRels,
  partNameOf,
  relsPathFor,
  resolveTarget,
  samePartName,
  zipEntry,
} from "./package";
import { xmlProblems } from "./wellFormed";
import { attr } from "./xml";
import { centralDirectoryNames, inflateChecked, rawEntries } from "./zipWriter";
import { loadWithExcelJS, snapshotFromWorkbook } from "./read";
import { type ReadLimits, snapshotFromPackage, textOverLimit, XmlParseError } from "./sheetReader";

export { XlsxPortError } from "./errors";
export { FLAG_MARKER_FORMULA } from "./flags";
export type { ReadLimits } from "./sheetReader";

/**
 * Cell text, counted per cell, that `generate` reads at most: 100 million characters, some
 * 200 MB in memory once, while the tables, checksums and the written package copy parts of it
 * several times over. A nämnd's report holds a few million; one 1 MB text in 12 000 cells is
 * 12 000 million.
 */
export const MAX_GENERATE_TEXT_CHARS = 100_000_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, "utf16le"));
}

/**
 * XML (sheets, shared strings, …) Målkoll will read at once. A 1 000 000-row, 3-column sheet is ~60 MB and reads in
 * ~20 s with ~2 GB of memory; far beyond that the machine runs out, so such files are refused.
 */
export const MAX_SHEET_XML_BYTES = 400 * 1024 * 1024;

/** Parts the reader never opens (they are copied as they are): pictures, embeddings, pivot caches. */
const NOT_READ = /(^|\/)(media|embeddings|pivotCache|printerSettings)\/|\.bin$/i;

/** Uncompressed size of a zip entry as its central directory states it (JSZip keeps it internally). */
function uncompressedSize(file: JSZip.JSZipObject): number {
  const data = (file as unknown as { _data?: { uncompressedSize?: number } })._data;
  return typeof data?.uncompressedSize === "number" ? data.uncompressedSize : 0;
}

/** Refuses, with a clear bilingual message, bytes that are not an OOXML spreadsheet package. */
export async function checkPackage(
  bytes: Uint8Array,
  name: string,
  limits: { maxSheetXmlBytes?: number } = {},
): Promise<JSZip> {
  return (await openPackage(bytes, name, limits)).zip;
}

/**
 * Parts the package check inflated and found whole, by zip entry name, kept (up to
 * {@link KEPT_INFLATED_BYTES}) so the read and the write do not inflate them again.
 */
export type InflatedParts = Map<string, Uint8Array>;

/** The most inflated part data an open package keeps for its read and write. */
const KEPT_INFLATED_BYTES = 64 * 1024 * 1024;

/** {@link checkPackage}, also giving the parts it inflated on the way. */
async function openPackage(
  bytes: Uint8Array,
  name: string,
  limits: { maxSheetXmlBytes?: number } = {},
): Promise<{ zip: JSZip; inflated: InflatedParts }> {
  if (startsWith(bytes, OLE_MAGIC)) {
    if (containsUtf16(bytes, "EncryptionInfo"))
      throw new XlsxPortError(
        `${name} är krypterad (lösenordsskyddad). Ta bort lösenordet i Excel och försök igen.`,
        `${name} is encrypted (password protected). Remove the password in Excel and try again.`,
      );
    throw new XlsxPortError(
      `${name} är i det gamla binära formatet (.xls). Spara den som .xlsx i Excel.`,
      `${name} is in the old binary format (.xls). Save it as .xlsx in Excel.`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC))
    throw new XlsxPortError(`${name} är ingen .xlsx-fil`, `${name} is not an .xlsx file`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw new XlsxPortError(
      `${name} är skadad eller ingen .xlsx-fil`,
      `${name} is damaged or not an .xlsx file`,
      { cause: err },
    );
  }
  const inflated = refuseDamagedEntries(bytes, name);
  const rootRels = zipEntry(zip, "_rels/.rels");
  const main = rootRels
    ? parseRels(decodePart(await rootRels.async("uint8array"))).find((r) =>
        isRelType(r.type, "officeDocument"),
      )
    : undefined;
  const mainPath = main ? resolveTarget("", main.target) : "";
  if (!mainPath || !zipEntry(zip, mainPath) || !zipEntry(zip, relsPathFor(mainPath)))
    throw new XlsxPortError(`${name} är ingen Excel-arbetsbok`, `${name} is not an Excel workbook`);
  if (mainPath.endsWith(".bin"))
    throw new XlsxPortError(
      `${name} är en binär arbetsbok (.xlsb). Spara den som .xlsx i Excel.`,
      `${name} is a binary workbook (.xlsb). Save it as .xlsx in Excel.`,
    );
  // Every part the reader may open, wherever it sits and whatever it is called: the reader follows
  // relationships, not folder names. The sizes are as the zip states them; the reader refuses a
  // part that inflates to another size.
  const sheetBytes = zip
    .filter((path) => !NOT_READ.test(path))
    .reduce((sum, file) => sum + uncompressedSize(file), 0);
  const limit = limits.maxSheetXmlBytes ?? MAX_SHEET_XML_BYTES;
  if (sheetBytes > limit) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new XlsxPortError(
      `${name} är för stor för Målkoll: dess XML är ${mb(sheetBytes)} (högst ${mb(limit)}). Dela upp arbetsboken eller ta bort rader som inte är tabeller.`,
      `${name} is too large for Målkoll: its XML is ${mb(sheetBytes)} (at most ${mb(limit)}). Split the workbook or remove rows that are not tables.`,
    );
  }
  return { zip, inflated };
}

/**
 * Refuses a zip that names a part twice (also by case or separator, which OPC treats as the same
 * name) or holds an entry whose data doesn't match its stated size and CRC-32: Excel calls such a
 * file damaged, and Målkoll would otherwise read one copy and write back another.
 */
function refuseDamagedEntries(bytes: Uint8Array, name: string): InflatedParts {
  const seen = new Set<string>();
  for (const entry of centralDirectoryNames(bytes) ?? []) {
    const part = partNameOf(entry).toLowerCase();
    if (seen.has(part))
      throw new XlsxPortError(
        `${name} är skadad: delen ${entry} finns två gånger i filen`,
        `${name} is damaged: part ${entry} is in the file twice`,
      );
    seen.add(part);
  }
  const kept: InflatedParts = new Map();
  let keptBytes = 0;
  for (const [entry, raw] of rawEntries(bytes)) {
    const data = inflateChecked(raw);
    if (!data)
      throw new XlsxPortError(
        `${name} är skadad: delen ${entry} stämmer inte med sin kontrollsumma eller storlek`,
        `${name} is damaged: part ${entry} does not match its checksum or size`,
      );
    if (NOT_READ.test(entry) || keptBytes + data.length > KEPT_INFLATED_BYTES) continue;
    kept.set(entry, data);
    keptBytes += data.length;
  }
  return kept;
}

/** What the package says it is, by its main part's content type: it decides the file extension. */
export type PackageKind = { extension: ".xlsx" | ".xlsm" | ".xltx" | ".xltm" | ".xlam"; macros: boolean };

const MAIN_CONTENT_TYPES: Record<string, PackageKind> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": {
    extension: ".xlsx",
    macros: false,
  },
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": { extension: ".xlsm", macros: true },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": {
    extension: ".xltx",
    macros: false,
  },
  "application/vnd.ms-excel.template.macroEnabled.main+xml": { extension: ".xltm", macros: true },
  "application/vnd.ms-excel.addin.macroEnabled.main+xml": { extension: ".xlam", macros: true },
};

/** The kind of a checked package; an unknown main content type counts as an ordinary workbook. */
export async function packageKind(zip: JSZip): Promise<PackageKind> {
  const types = zipEntry(zip, "[Content_Types].xml");
  const rootRels = zipEntry(zip, "_rels/.rels");
  if (!types || !rootRels) return MAIN_CONTENT_TYPES[CONTENT_TYPE.workbook];
  const main = parseRels(decodePart(await rootRels.async("uint8array"))).find((r) =>
    isRelType(r.type, "officeDocument"),
  );
  const mainPart = `/${main ? resolveTarget("", main.target) : ""}`;
  const xml = decodePart(await types.async("uint8array"));
  for (const [tag] of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Override(?=[\s/>])[^>]*>/g))
    if (samePartName(attr(tag, "PartName") ?? "", mainPart))
      return MAIN_CONTENT_TYPES[attr(tag, "ContentType") ?? ""] ?? MAIN_CONTENT_TYPES[CONTENT_TYPE.workbook];
  return MAIN_CONTENT_TYPES[CONTENT_TYPE.workbook];
}

/**
 * Reads a workbook package into a snapshot with Målkoll's own SpreadsheetML reader. Should that
 * fail on XML it cannot parse, ExcelJS gets a try; when ExcelJS fails on parts it does not model,
 * a copy without pivot tables/caches (which carry no cell values) is parsed instead.
 */
export async function snapshotFromBuffer(
  bytes: Uint8Array,
  name = "arbetsbok.xlsx",
  checked?: JSZip,
  limits: ReadLimits = {},
  /** Parts the check already inflated (see {@link InflatedParts}). */
  inflated?: InflatedParts,
): Promise<WorkbookSnapshot> {
  const zip = checked ?? (await checkPackage(bytes, name));
  try {
    return await snapshotFromPackage(zip, bytes, name, limits, inflated);
  } catch (err) {
    if (err instanceof XmlParseError)
      return withinTextLimit(await snapshotWithExcelJS(zip, bytes, name, err), limits);
    if (err instanceof XlsxPortError) throw err;
    // A package the reader cannot follow (a missing part, an entry JSZip cannot inflate, …).
    throw new XlsxPortError(`${name} kunde inte läsas`, `${name} could not be read`, { cause: err });
  }
}

/** The ExcelJS fallback's snapshot, held to the same text limit as Målkoll's own reader. */
function withinTextLimit(snapshot: WorkbookSnapshot, limits: ReadLimits): WorkbookSnapshot {
  const max = limits.maxTextChars ?? Infinity;
  let chars = 0;
  for (const sheet of snapshot.sheets)
    for (const row of sheet.values)
      for (const value of row) if (typeof value === "string") chars += value.length;
  if (chars > max) throw textOverLimit(snapshot.name, max);
  return snapshot;
}

/** The ExcelJS reading of a package: the fallback, and the reference the reader is tested against. */
export async function snapshotWithExcelJS(
  zip: JSZip,
  bytes: Uint8Array,
  name: string,
  /** Why Målkoll's own reader gave up, kept as the cause if ExcelJS fails too. */
  ownError?: unknown,
): Promise<WorkbookSnapshot> {
  try {
    return snapshotFromWorkbook(await loadWithExcelJS(bytes), name);
  } catch (first) {
    try {
      const reduced = await withoutPivotParts(zip);
      return snapshotFromWorkbook(await loadWithExcelJS(reduced), name);
    } catch {
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

/**
 * The last guard before bytes are written: the XML parts where Målkoll's edits meet a foreign
 * writer's XML (workbook, relationships, content types, styles, drawings, charts) must be
 * namespace-well-formed, or nothing is written: Excel and LibreOffice refuse a whole file for one
 * unbound prefix. That costs about 1 % of a generate; the sheets themselves, which are most of the
 * bytes and would cost most of the run, are checked by the test suite instead.
 */
export function refuseMalformed(pkg: PackageEditor, report: PatchReport, name: string): void {
  const sheets = new Set(report.sheetParts.map((p) => p.toLowerCase()));
  const parts = [...pkg.changedXml()].filter(([path]) => !sheets.has(path.toLowerCase()));
  const problems = xmlProblems(parts);
  if (problems.length)
    throw new XlsxPortError(
      `${name} skrevs inte: Målkoll skulle ha skrivit ogiltig XML (${problems[0]}). Rapportera gärna felet med arbetsboken.`,
      `${name} was not written: Målkoll would have written invalid XML (${problems[0]}). Please report it with the workbook.`,
    );
}

/**
 * The `.xlsx` workbook port: reads cell values with Målkoll's own SAX reader (ExcelJS only when
 * the XML does not parse), writes by patching the original package so nothing Målkoll does not
 * own is lost. `write` keeps the result in memory; `saveAs` stores it.
 */
export class XlsxPort implements WorkbookPort {
  private bytes: Uint8Array;
  private lastReport: PatchReport = { skipped: [], sheetParts: [] };

  /** The checked zip of `bytes`, while they are the ones it was loaded from. */
  private zip: JSZip | null;

  /** Parts the open inflated, while `bytes` are the ones it checked. */
  private inflated: InflatedParts | null;

  private constructor(
    bytes: Uint8Array,
    { zip, inflated }: { zip: JSZip; inflated: InflatedParts },
    readonly name: string,
    private readonly inputPath: string | null,
    /** What the package is (workbook, macro-enabled, template): the output must keep its extension. */
    readonly kind: PackageKind,
    private readonly limits: ReadLimits,
  ) {
    this.bytes = bytes;
    this.zip = zip;
    this.inflated = inflated;
  }

  static async open(filePath: string, limits: ReadLimits = {}): Promise<XlsxPort> {
    const name = path.basename(filePath);
    let bytes: Uint8Array;
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile()) throw new XlsxPortError(`${filePath} är ingen fil`, `${filePath} is not a file`);
      bytes = await fs.readFile(filePath);
    } catch (err) {
      if (err instanceof XlsxPortError) throw err;
      throw new XlsxPortError(
        `Filen ${filePath} hittades inte eller kan inte läsas`,
        `File ${filePath} was not found or cannot be read`,
        { cause: err },
      );
    }
    const opened = await openPackage(bytes, name);
    return new XlsxPort(bytes, opened, name, path.resolve(filePath), await packageKind(opened.zip), limits);
  }

  static async fromBuffer(
    bytes: Uint8Array,
    name = "arbetsbok.xlsx",
    limits: ReadLimits = {},
  ): Promise<XlsxPort> {
    const opened = await openPackage(bytes, name);
    return new XlsxPort(bytes, opened, name, null, await packageKind(opened.zip), limits);
  }

  /** The current package (the input, or the result of the last write). */
  get buffer(): Uint8Array {
    return this.bytes;
  }

  /** What the last write could not do (flags on missing sheets, unknown renames). */
  get skipped(): string[] {
    return [...this.lastReport.skipped];
  }

  read(): Promise<WorkbookSnapshot> {
    return snapshotFromBuffer(
      this.bytes,
      this.name,
      this.zip ?? undefined,
      this.limits,
      this.inflated ?? undefined,
    );
  }

  async write(plan: WritePlan): Promise<void> {
    await this.patch((pkg) => applyWritePlan(pkg, plan));
  }

  async clearFlags(flags: FlagRecord[], state: CellValue[][]): Promise<void> {
    await this.patch((pkg) => applyClearFlags(pkg, flags, state));
  }

  private async patch(apply: (pkg: PackageEditor) => Promise<PatchReport>): Promise<void> {
    const pkg = await PackageEditor.load(this.bytes, this.inflated ?? undefined);
    try {
      this.lastReport = await apply(pkg);
    } catch (err) {
      if (err instanceof XlsxPortError) throw err;
      throw new XlsxPortError(
        `${this.name} kunde inte skrivas säkert`,
        `${this.name} could not be written safely`,
        { cause: err },
      );
    }
    refuseMalformed(pkg, this.lastReport, this.name);
    this.bytes = await pkg.generate();
    this.zip = null;
    this.inflated = null;
  }

  /**
   * Refuses an output name whose extension doesn't match the package: Excel won't open a
   * macro-enabled workbook saved as `.xlsx` (nor an ordinary one as `.xlsm`).
   */
  checkOutputName(outPath: string): void {
    const extension = path.extname(outPath).toLowerCase();
    if (extension === this.kind.extension) return;
    const macros = this.kind.macros ? { sv: " (med makron)", en: " (with macros)" } : { sv: "", en: "" };
    throw new XlsxPortError(
      `${this.name} är en ${this.kind.extension}-fil${macros.sv}; Excel öppnar den bara under samma filändelse. Ange en utfil som slutar på ${this.kind.extension} (-o …${this.kind.extension}).`,
      `${this.name} is an ${this.kind.extension} file${macros.en}; Excel opens it only under the same extension. Give an output file ending in ${this.kind.extension} (-o …${this.kind.extension}).`,
    );
  }

  /** Writes the current package to `outPath`; never to the file it was opened from. */
  async saveAs(outPath: string): Promise<void> {
    this.checkOutputName(outPath);
    const target = path.resolve(outPath);
    const same = async () => {
      if (!this.inputPath) return false;
      if (target === this.inputPath) return true;
      try {
        return (await fs.realpath(target)) === (await fs.realpath(this.inputPath));
      } catch {
        return false;
      }
    };
    if (await same())
      throw new XlsxPortError(
        "Utfilen får inte vara samma som indatafilen",
        "The output file must not be the input file",
      );
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      await fs.writeFile(tmp, this.bytes);
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw new XlsxPortError(`Kunde inte skriva ${outPath}`, `Could not write ${outPath}`, { cause: err });
    }
  }
}
