import { promisify } from "util";
import * as zlib from "zlib";
import {
  CENTRAL_HEADER,
  crc32,
  END_RECORD,
  LOCAL_HEADER,
  MAX_32,
  METHOD_DEFLATE,
  METHOD_STORE,
  type RawZipEntry,
} from "./zipReader";

const deflateRaw = promisify(zlib.deflateRaw);

/** The largest output buffer one deflate job gets (a bigger part takes a few more steps). */
const MAX_DEFLATE_CHUNK = 8 * 1024 * 1024;

/**
 * Deflates on Node's thread pool in one step where it can: with the default 16 KB output chunks,
 * each chunk waits for the main thread, so a part would barely progress while the main thread
 * builds the next one. The output buffer is sized for the whole result (capped).
 */
export function deflateOnThreadPool(data: Uint8Array, level: number): Promise<Buffer> {
  const chunkSize = Math.min(MAX_DEFLATE_CHUNK, Math.max(64 * 1024, data.length + 1024));
  // The result is a view of that buffer: a copy lets the rest of it go while the package is built.
  return deflateRaw(data, { level, chunkSize }).then((out) =>
    out.byteLength * 2 < out.buffer.byteLength ? Buffer.from(out) : out,
  );
}

/**
 * A small zip writer for packages Målkoll writes: DEFLATE (Node's native zlib) or STORE entries,
 * local headers, central directory and end record, in the given order. No zip64: a package past
 * 4 GB or 65 535 entries is refused with {@link ZipLimitError}. Unchanged entries of an existing
 * package (see zipReader.ts) are copied as they are, without decompressing them.
 */

const FLAG_UTF8 = 0x0800;
const MAX_ENTRIES = 0xffff;

/** A package that needs zip64, which this writer does not produce. */
export class ZipLimitError extends Error {
  constructor(what: string) {
    super(`zip too large without zip64: ${what}`);
    this.name = "ZipLimitError";
  }
}

/** MS-DOS time and date fields (UTC fields of the date, as JSZip writes them; 1980 at the earliest). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const d =
    Number.isFinite(date.getTime()) && date.getUTCFullYear() >= 1980 ? date : new Date(Date.UTC(1980, 0, 1));
  const year = Math.min(d.getUTCFullYear() - 1980, 127);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: (year << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export type ZipEntryInput =
  | { name: string; kind: "file"; data: Uint8Array; date: Date }
  | { name: string; kind: "dir"; date: Date }
  | { name: string; kind: "raw"; raw: RawZipEntry };

/** An entry ready to be written: compressed, with its name as bytes. */
interface Prepared extends RawZipEntry {
  name: Buffer;
  flags: number;
  externalAttributes: number;
}

/** Entries deflated on the thread pool, side by side. */
async function prepareAll(entries: ZipEntryInput[], level: number): Promise<Prepared[]> {
  return Promise.all(
    entries.map(async (entry) => {
      if (entry.kind !== "file") return prepare(entry, level);
      const compressed = await deflateOnThreadPool(entry.data, level);
      return prepare(entry, level, compressed);
    }),
  );
}

function prepare(entry: ZipEntryInput, level: number, deflated?: Uint8Array): Prepared {
  const name = Buffer.from(entry.name, "utf8");
  // Bit 11: the name is UTF-8 (only set when it is not plain ASCII, as JSZip does).
  const flags = name.length !== entry.name.length ? FLAG_UTF8 : 0;
  if (entry.kind === "raw") return { name, flags, externalAttributes: 0, ...entry.raw };
  const { time, date } = dosDateTime(entry.date);
  if (entry.kind === "dir")
    return {
      name,
      flags,
      method: METHOD_STORE,
      crc32: 0,
      uncompressedSize: 0,
      compressed: new Uint8Array(0),
      dosTime: time,
      dosDate: date,
      externalAttributes: 0x10,
    };
  return {
    name,
    flags,
    method: METHOD_DEFLATE,
    crc32: crc32(entry.data),
    uncompressedSize: entry.data.length,
    compressed: deflated ?? zlib.deflateRawSync(entry.data, { level }),
    dosTime: time,
    dosDate: date,
    externalAttributes: 0,
  };
}

/** The common part of the local and central headers (from "version needed" to "extra length"). */
function writeCommon(buf: Buffer, at: number, e: Prepared): void {
  buf.writeUInt16LE(e.method === METHOD_DEFLATE ? 20 : 10, at);
  buf.writeUInt16LE(e.flags, at + 2);
  buf.writeUInt16LE(e.method, at + 4);
  buf.writeUInt16LE(e.dosTime, at + 6);
  buf.writeUInt16LE(e.dosDate, at + 8);
  buf.writeUInt32LE(e.crc32, at + 10);
  buf.writeUInt32LE(e.compressed.length, at + 14);
  buf.writeUInt32LE(e.uncompressedSize, at + 18);
  buf.writeUInt16LE(e.name.length, at + 22);
  buf.writeUInt16LE(0, at + 24);
}

/** Writes the entries, in order, as one zip archive. Names must be unique. */
export function writeZip(entries: ZipEntryInput[], options: { level?: number } = {}): Buffer {
  if (entries.length > MAX_ENTRIES) throw new ZipLimitError(`${entries.length} entries`);
  const level = options.level ?? 6;
  return assemble(entries.map((e) => prepare(e, level)));
}

/** {@link writeZip} with the entries deflated in parallel on Node's thread pool; the same bytes. */
export async function writeZipAsync(
  entries: ZipEntryInput[],
  options: { level?: number } = {},
): Promise<Buffer> {
  if (entries.length > MAX_ENTRIES) throw new ZipLimitError(`${entries.length} entries`);
  return assemble(await prepareAll(entries, options.level ?? 6));
}

function assemble(prepared: Prepared[]): Buffer {
  const offsets: number[] = [];
  let offset = 0;
  let centralSize = 0;
  for (const e of prepared) {
    if (e.uncompressedSize > MAX_32 || e.compressed.length > MAX_32)
      throw new ZipLimitError(`entry ${e.name.toString("utf8")} exceeds 4 GB`);
    if (e.name.length > 0xffff) throw new ZipLimitError("entry name too long");
    offsets.push(offset);
    offset += 30 + e.name.length + e.compressed.length;
    centralSize += 46 + e.name.length;
  }
  if (offset > MAX_32 || offset + centralSize > MAX_32) throw new ZipLimitError("archive exceeds 4 GB");

  const out = Buffer.allocUnsafe(offset + centralSize + 22);
  let at = 0;
  for (const e of prepared) {
    out.writeUInt32LE(LOCAL_HEADER, at);
    writeCommon(out, at + 4, e);
    e.name.copy(out, at + 30);
    at += 30 + e.name.length;
    out.set(e.compressed, at);
    at += e.compressed.length;
  }
  const centralStart = at;
  prepared.forEach((e, i) => {
    out.writeUInt32LE(CENTRAL_HEADER, at);
    out.writeUInt16LE(0x0014, at + 4); // made by: DOS, version 2.0
    writeCommon(out, at + 6, e);
    out.writeUInt16LE(0, at + 32); // comment length
    out.writeUInt16LE(0, at + 34); // disk number
    out.writeUInt16LE(0, at + 36); // internal attributes
    out.writeUInt32LE(e.externalAttributes, at + 38);
    out.writeUInt32LE(offsets[i], at + 42);
    e.name.copy(out, at + 46);
    at += 46 + e.name.length;
  });
  out.writeUInt32LE(END_RECORD, at);
  out.writeUInt16LE(0, at + 4);
  out.writeUInt16LE(0, at + 6);
  out.writeUInt16LE(prepared.length, at + 8);
  out.writeUInt16LE(prepared.length, at + 10);
  out.writeUInt32LE(at - centralStart, at + 12);
  out.writeUInt32LE(centralStart, at + 16);
  out.writeUInt16LE(0, at + 20);
  return out;
}
