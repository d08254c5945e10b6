import JSZip from "jszip";
import type { WorkbookSnapshot } from "../../engine/grid";
import { XlsxPortError } from "./errors";
import { snapshotWithExcelJS } from "./excelJsFallback";
import { mainPartPath, partNameOf, relsPathFor, zipEntry } from "./opc";
import { type ReadLimits, snapshotFromPackage, textOverLimit, XmlParseError } from "./sheetReader";
import {
  centralDirectory,
  type CentralEntry,
  inflateChecked,
  matchesEntry,
  nativeInflate,
  rawEntries,
  type RawZipEntry,
} from "./zipReader";
import { inflateWithin, streamInflate } from "./streamInflate";

/**
 * Opening a package the way the CLI does, in Node or in a browser: the refusals of what is not a
 * readable workbook (not a zip, an old or encrypted Office file, a damaged part, no workbook part,
 * too much XML), then Målkoll's own reader with ExcelJS as the fallback on XML it cannot parse.
 * Node inflates with zlib; a browser, which has none, with its DecompressionStream (JSZip where
 * that is missing), stopping at each part's stated size as zlib does.
 */

/**
 * XML (sheets, shared strings, …) Målkoll will read at once. A 1 000 000-row, 3-column sheet is ~60 MB and reads in
 * ~20 s with ~2 GB of memory; far beyond that the machine runs out, so such files are refused.
 */
export const MAX_SHEET_XML_BYTES = 400 * 1024 * 1024;

/**
 * What all parts of a package may unpack to, images and embedded files included. Every part is
 * inflated once, one at a time, to check it against its CRC-32: a 2 MB file whose zip states a
 * part of 2 GB (a zip bomb, or a workbook with a huge embedded file) would cost that much memory,
 * and many such parts that much work each.
 */
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

/** Limits an open package is checked against, before anything is inflated. */
export interface PackageLimits {
  maxSheetXmlBytes?: number;
  maxPackageBytes?: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether the bytes hold `text` (ASCII) as UTF-16LE, at any offset. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[2 * i] = text.charCodeAt(i);
  const last = bytes.length - needle.length;
  for (let at = bytes.indexOf(needle[0]); at >= 0 && at <= last; at = bytes.indexOf(needle[0], at + 1))
    if (needle.every((b, k) => bytes[at + k] === b)) return true;
  return false;
}

/** Parts the reader never opens (they are copied as they are): pictures, embeddings, pivot caches. */
const NOT_READ = /(^|\/)(media|embeddings|pivotCache|printerSettings)\/|\.bin$/i;

/**
 * Parts the package check inflated and found whole, by zip entry name, kept (up to
 * {@link KEPT_INFLATED_BYTES}) so the read and the write do not inflate them again.
 */
export type InflatedParts = Map<string, Uint8Array>;

/** The most inflated part data an open package keeps for its read and write. */
const KEPT_INFLATED_BYTES = 64 * 1024 * 1024;

/** A checked package: its zip and the parts the check inflated on the way. */
export interface OpenedPackage {
  zip: JSZip;
  inflated: InflatedParts;
}

/** Refuses, with a clear bilingual message, bytes that are not an OOXML spreadsheet package. */
export async function openPackage(
  bytes: Uint8Array,
  name: string,
  limits: PackageLimits = {},
): Promise<OpenedPackage> {
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
  if (bytes.length === 0) throw new XlsxPortError(`${name} är tom (0 byte)`, `${name} is empty (0 bytes)`);
  if (!startsWith(bytes, ZIP_MAGIC)) {
    if (looksLikeText(bytes))
      throw new XlsxPortError(
        `${name} är ingen .xlsx-fil utan text (t.ex. CSV). Öppna den i Excel och spara den som .xlsx.`,
        `${name} is not an .xlsx file but text (e.g. CSV). Open it in Excel and save it as .xlsx.`,
      );
    throw new XlsxPortError(`${name} är ingen .xlsx-fil`, `${name} is not an .xlsx file`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw new XlsxPortError(
      `${name} är skadad eller ingen .xlsx-fil (zip-arkivet går inte att öppna, kanske en avbruten överföring). Be om en ny kopia, eller öppna den i Excel, som kan reparera den.`,
      `${name} is damaged or not an .xlsx file (its zip archive cannot be opened, perhaps a broken transfer). Ask for a new copy, or open it in Excel, which can repair it.`,
      { cause: err },
    );
  }
  const listed = centralDirectory(bytes) ?? [];
  refuseOversized(listed, name, limits);
  const inflated = await refuseDamagedEntries(bytes, listed, zip, name);
  const mainPath = await mainPartPath(zip);
  if (mainPath?.endsWith(".bin"))
    throw new XlsxPortError(
      `${name} är en binär arbetsbok (.xlsb). Spara den som .xlsx i Excel.`,
      `${name} is a binary workbook (.xlsb). Save it as .xlsx in Excel.`,
    );
  if (await isOpenDocument(zip))
    throw new XlsxPortError(
      `${name} är ett OpenDocument-kalkylark (.ods). Spara det som .xlsx (i LibreOffice: Arkiv → Spara som → Excel 2007–365).`,
      `${name} is an OpenDocument spreadsheet (.ods). Save it as .xlsx (in LibreOffice: File → Save As → Excel 2007–365).`,
    );
  if (!mainPath || !zipEntry(zip, mainPath) || !zipEntry(zip, relsPathFor(mainPath)))
    throw new XlsxPortError(`${name} är ingen Excel-arbetsbok`, `${name} is not an Excel workbook`);
  return { zip, inflated };
}

/** An OpenDocument package: its first entry, `mimetype`, names an OpenDocument type. */
async function isOpenDocument(zip: JSZip): Promise<boolean> {
  const entry = zip.file("mimetype");
  if (!entry) return false;
  const type = await entry.async("string").catch(() => "");
  return type.startsWith("application/vnd.oasis.opendocument");
}

/**
 * Bytes that start as text would (no control characters but tab and line ends): a CSV, a note; or
 * UTF-16 text with its byte-order mark (Excel's "Unicode text"), read without its zero bytes.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : null;
  if (encoding === null) {
    for (const b of bytes.subarray(0, 512)) if (b < 9 || (b > 13 && b < 32) || b === 127) return false;
    return true;
  }
  const text = new TextDecoder(encoding).decode(bytes.subarray(2, 514));
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32) || code === 127) return false;
  }
  return true;
}

/**
 * Refuses a package too large to check or read, by the sizes its central directory states, before
 * anything is inflated: the reader's XML (every part the reader may open, wherever it sits and
 * whatever it is called, since the reader follows relationships, not folder names) and all parts
 * together. Parts are inflated one at a time, so memory goes by the largest; the total bounds the
 * work of checking them all. Every entry counts, as the check inflates every one (by its own
 * name, whatever JSZip makes of it); a part that inflates past its stated size is stopped there.
 */
function refuseOversized(listed: CentralEntry[], name: string, limits: PackageLimits): void {
  const entries = listed.filter((entry) => !entry.name.endsWith("/"));
  const sheetBytes = entries
    .filter((entry) => !NOT_READ.test(entry.name))
    .reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const sheetLimit = limits.maxSheetXmlBytes ?? MAX_SHEET_XML_BYTES;
  if (sheetBytes > sheetLimit) {
    const mb = (n: number) => (Number.isFinite(n) ? `${Math.round(n / 1024 / 1024)} MB` : "mer än 4 GB");
    const mbEn = (n: number) => (Number.isFinite(n) ? `${Math.round(n / 1024 / 1024)} MB` : "over 4 GB");
    throw new XlsxPortError(
      `${name} är för stor för Målkoll: dess XML är ${mb(sheetBytes)} (högst ${mb(sheetLimit)}). Dela upp arbetsboken eller ta bort rader som inte är tabeller.`,
      `${name} is too large for Målkoll: its XML is ${mbEn(sheetBytes)} (at most ${mbEn(sheetLimit)}). Split the workbook or remove rows that are not tables.`,
    );
  }
  const allBytes = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const allLimit = limits.maxPackageBytes ?? MAX_PACKAGE_BYTES;
  if (allBytes > allLimit) {
    const gb = (n: number, comma: boolean) => {
      const text = Number.isFinite(n) ? (n / 1024 ** 3).toFixed(n < 1024 ** 3 ? 2 : 1) : "4+";
      return `${comma ? text.replace(".", ",") : text} GB`;
    };
    throw new XlsxPortError(
      `${name} är för stor för Målkoll: dess delar packas upp till ${gb(allBytes, true)} (högst ${gb(allLimit, true)}), t.ex. en mycket stor inbäddad fil. Ta bort den eller spara om arbetsboken i Excel.`,
      `${name} is too large for Målkoll: its parts unpack to ${gb(allBytes, false)} (at most ${gb(allLimit, false)}), e.g. a very large embedded file. Remove it or save the workbook again in Excel.`,
    );
  }
}

/**
 * Refuses a zip that names a part twice (also by case or separator, which OPC treats as the same
 * name) or holds an entry whose data doesn't match its stated size and CRC-32: Excel calls such a
 * file damaged, and Målkoll would otherwise read one copy and write back another.
 */
async function refuseDamagedEntries(
  bytes: Uint8Array,
  listed: CentralEntry[],
  zip: JSZip,
  name: string,
): Promise<InflatedParts> {
  const seen = new Set<string>();
  for (const { name: entry } of listed) {
    const part = partNameOf(entry).toLowerCase();
    if (seen.has(part))
      throw new XlsxPortError(
        `${name} är skadad: delen ${entry} finns två gånger i filen`,
        `${name} is damaged: part ${entry} is in the file twice`,
      );
    seen.add(part);
  }
  const raws = rawEntries(bytes);
  // An entry that cannot be checked (zip64 past 4 GB, encrypted, another compression, a local
  // header that disagrees) would be read unchecked and inflated whole: Excel would not open it either.
  const unchecked = listed
    .map((entry) => entry.name)
    .find((entry) => !entry.endsWith("/") && !raws.has(entry));
  if (unchecked !== undefined)
    throw new XlsxPortError(
      `${name} är skadad: delen ${unchecked} går inte att kontrollera (okänd komprimering, kryptering eller felaktigt huvud)`,
      `${name} is damaged: part ${unchecked} cannot be checked (unknown compression, encryption or a bad header)`,
    );
  const kept: InflatedParts = new Map();
  let keptBytes = 0;
  for (const [entry, raw] of raws) {
    const data = nativeInflate
      ? inflateChecked(raw)
      : streamInflate
        ? await inflateWithin(raw)
        : await inflateWithJsZip(zip, entry, raw);
    if (data === undefined) continue;
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

/**
 * An entry inflated by JSZip (where there is neither zlib nor DecompressionStream; JSZip inflates a
 * whole entry before its size can be compared) and checked as {@link inflateChecked} checks it:
 * null if it does not inflate or match, undefined if JSZip knows no entry of that name (then the
 * reader, which finds parts by JSZip's names, never opens it).
 */
async function inflateWithJsZip(
  zip: JSZip,
  entry: string,
  raw: RawZipEntry,
): Promise<Uint8Array | null | undefined> {
  const file = zip.file(entry);
  if (!file) return undefined;
  try {
    const data = await file.async("uint8array");
    return matchesEntry(data, raw) ? data : null;
  } catch {
    return null;
  }
}

/**
 * Reads an opened package into a snapshot with Målkoll's own SpreadsheetML reader. Should that
 * fail on XML it cannot parse, ExcelJS gets a try (see `snapshotWithExcelJS` in read.ts).
 */
export async function readPackage(
  { zip, inflated }: OpenedPackage,
  bytes: Uint8Array,
  name: string,
  limits: ReadLimits,
): Promise<WorkbookSnapshot> {
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
