import { promisify } from "util";
import * as zlib from "zlib";

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
 * 4 GB or 65 535 entries is refused with {@link ZipLimitError}. Also reads a package's central
 * directory so unchanged entries can be copied without decompressing them.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

/** A package that needs zip64, which this writer does not produce. */
export class ZipLimitError extends Error {
  constructor(what: string) {
    super(`zip too large without zip64: ${what}`);
    this.name = "ZipLimitError";
  }
}

let crcTable: Uint32Array | null = null;

function table(): Uint32Array {
  if (crcTable) return crcTable;
  crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c >>> 0;
  }
  return crcTable;
}

/** CRC-32 (IEEE 802.3, as zip uses it) in JavaScript, for Node versions without `zlib.crc32`. */
export function crc32Js(data: Uint8Array, crc = 0): number {
  const t = table();
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of the bytes: Node's native one where present (20.15+), else {@link crc32Js}. */
export function crc32(data: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(data) >>> 0 : crc32Js(data);
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

/** An entry already compressed, as found in an existing package (copied as it is). */
export interface RawZipEntry {
  method: number;
  crc32: number;
  uncompressedSize: number;
  compressed: Uint8Array;
  dosTime: number;
  dosDate: number;
}

export type ZipEntryInput =
  | { name: string; kind: "file"; data: Uint8Array; date: Date }
  | { name: string; kind: "dir"; date: Date }
  | { name: string; kind: "raw"; raw: RawZipEntry };

interface Prepared {
  name: Buffer;
  flags: number;
  method: number;
  crc32: number;
  uncompressedSize: number;
  compressed: Uint8Array;
  dosTime: number;
  dosDate: number;
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

/**
 * The entries of an existing archive that can be copied as they are (STORE or DEFLATE, not
 * encrypted, not zip64), by UTF-8 name. Anything it cannot vouch for is left out, so the caller
 * recompresses it instead; an archive it cannot parse gives an empty map.
 */
export function rawEntries(bytes: Uint8Array): Map<string, RawZipEntry> {
  const found = new Map<string, RawZipEntry>();
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(buf);
  if (end < 0) return found;
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  let at = buf.readUInt32LE(end + 16);
  if (at + size > end) return found;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL_HEADER) return new Map();
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const compressedSize = buf.readUInt32LE(at + 20);
    const uncompressedSize = buf.readUInt32LE(at + 24);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    const entry = {
      method,
      crc32: buf.readUInt32LE(at + 16),
      uncompressedSize,
      dosTime: buf.readUInt16LE(at + 12),
      dosDate: buf.readUInt16LE(at + 14),
    };
    at += 46 + nameLength + extraLength + commentLength;
    const copyable =
      (method === METHOD_STORE || method === METHOD_DEFLATE) &&
      !(flags & FLAG_ENCRYPTED) &&
      compressedSize !== MAX_32 &&
      uncompressedSize !== MAX_32 &&
      localOffset !== MAX_32 &&
      !name.endsWith("/");
    if (!copyable) continue;
    const data = localData(buf, localOffset, compressedSize, flags);
    if (data && !found.has(name)) found.set(name, { ...entry, compressed: data });
  }
  return found;
}

/** Every entry name in the central directory, in order, duplicates included (null if unreadable). */
export function centralDirectoryNames(bytes: Uint8Array): string[] | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(buf);
  if (end < 0) return null;
  const names: string[] = [];
  let at = buf.readUInt32LE(end + 16);
  for (let i = buf.readUInt16LE(end + 10); i > 0; i--) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    names.push(buf.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return names;
}

/**
 * Inflates a copyable entry, refusing (with `null`) one whose data does not inflate to the size
 * and CRC-32 its directory states: the file is damaged there.
 */
export function inflateChecked(raw: RawZipEntry): Uint8Array | null {
  let data: Uint8Array;
  try {
    data =
      raw.method === METHOD_STORE
        ? raw.compressed
        : zlib.inflateRawSync(raw.compressed, { maxOutputLength: Math.max(1, raw.uncompressedSize) });
  } catch {
    return null;
  }
  return data.length === raw.uncompressedSize && crc32(data) === raw.crc32 ? data : null;
}

function findEndRecord(buf: Buffer): number {
  const earliest = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= earliest; i--) if (buf.readUInt32LE(i) === END_RECORD) return i;
  return -1;
}

/** The compressed bytes of the entry whose local header is at `offset`, when the header agrees. */
function localData(
  buf: Buffer,
  offset: number,
  compressedSize: number,
  centralFlags: number,
): Uint8Array | null {
  if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== LOCAL_HEADER) return null;
  const flags = buf.readUInt16LE(offset + 6);
  if ((flags & ~FLAG_DATA_DESCRIPTOR) !== (centralFlags & ~FLAG_DATA_DESCRIPTOR)) return null;
  const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
  if (start + compressedSize > buf.length) return null;
  return buf.subarray(start, start + compressedSize);
}
