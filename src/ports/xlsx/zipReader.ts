import * as zlib from "zlib";

/**
 * Reads a zip archive's central directory straight from its bytes: the names it holds (twice
 * over, if a damaged file says so) and the compressed data of each entry, so the reader inflates
 * through Node's zlib and the writer copies unchanged entries as they are. Everything but the
 * inflating runs in a browser too; there, where `zlib` is empty, JSZip inflates.
 */

export const LOCAL_HEADER = 0x04034b50;
export const CENTRAL_HEADER = 0x02014b50;
export const END_RECORD = 0x06054b50;
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
export const MAX_32 = 0xffffffff;

/** Whether Node's zlib is here to inflate entries (in a browser bundle the module is empty). */
export const nativeInflate = typeof zlib.inflateRawSync === "function";

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

/** An entry already compressed, as found in an existing package (copied as it is). */
export interface RawZipEntry {
  method: number;
  crc32: number;
  uncompressedSize: number;
  compressed: Uint8Array;
  dosTime: number;
  dosDate: number;
}

/** Little-endian fields and UTF-8 names of an archive's bytes. */
class ZipBytes {
  private readonly view: DataView;
  private static readonly utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  text(from: number, to: number): string {
    return ZipBytes.utf8.decode(this.bytes.subarray(from, to));
  }

  /** Offset of the end-of-central-directory record, or -1. */
  endRecord(): number {
    const earliest = Math.max(0, this.length - 22 - 0xffff);
    for (let i = this.length - 22; i >= earliest; i--) if (this.u32(i) === END_RECORD) return i;
    return -1;
  }
}

/**
 * The entries of an existing archive that can be copied as they are (STORE or DEFLATE, not
 * encrypted; sizes marked zip64 are read from the zip64 extra field), by UTF-8 name. Anything it
 * cannot vouch for is left out, so the caller recompresses it instead; an archive it cannot parse
 * gives an empty map.
 */
export function rawEntries(bytes: Uint8Array): Map<string, RawZipEntry> {
  const found = new Map<string, RawZipEntry>();
  const zip = new ZipBytes(bytes);
  const end = zip.endRecord();
  if (end < 0) return found;
  if (zip.u32(end + 16) + zip.u32(end + 12) > end) return found;
  const records = centralRecords(zip, end);
  if (!records) return found;
  for (const record of records) {
    const { name, flags, method } = record;
    // Some writers mark even small entries zip64: their sizes are then in the zip64 extra field.
    const wide = zip64Fields(zip, record, {
      uncompressed: record.uncompressedSize === MAX_32,
      compressed: record.compressedSize === MAX_32,
      offset: record.localOffset === MAX_32,
    });
    const uncompressedSize = wide?.uncompressedSize ?? record.uncompressedSize;
    const compressedSize = wide?.compressedSize ?? record.compressedSize;
    const localOffset = wide?.localOffset ?? record.localOffset;
    const copyable =
      (method === METHOD_STORE || method === METHOD_DEFLATE) &&
      !(flags & FLAG_ENCRYPTED) &&
      compressedSize < MAX_32 &&
      uncompressedSize < MAX_32 &&
      localOffset < MAX_32 &&
      !name.endsWith("/");
    if (!copyable) continue;
    const data = localData(zip, localOffset, compressedSize, flags);
    if (data && !found.has(name))
      found.set(name, {
        method,
        crc32: record.crc32,
        uncompressedSize,
        dosTime: record.dosTime,
        dosDate: record.dosDate,
        compressed: data,
      });
  }
  return found;
}

/** An entry as the central directory lists it: its name and the size it states it unpacks to. */
export interface CentralEntry {
  name: string;
  /** From the zip64 extra field where the header says 0xFFFFFFFF; Infinity if that is missing. */
  uncompressedSize: number;
}

/** Every entry of the central directory, in order, duplicates included (null if unreadable). */
export function centralDirectory(bytes: Uint8Array): CentralEntry[] | null {
  const zip = new ZipBytes(bytes);
  const end = zip.endRecord();
  const records = end < 0 ? null : centralRecords(zip, end);
  return (
    records?.map((record) => ({
      name: record.name,
      uncompressedSize:
        record.uncompressedSize === MAX_32
          ? (zip64Fields(zip, record, { uncompressed: true, compressed: false, offset: false })
              ?.uncompressedSize ?? Infinity)
          : record.uncompressedSize,
    })) ?? null
  );
}

/** A central directory header's fields, as written (0xFFFFFFFF where zip64 holds the value). */
interface CentralRecord {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  dosTime: number;
  dosDate: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** Where the header's extra fields start, and their length. */
  extraAt: number;
  extraLength: number;
}

/** The central directory's headers, in order (null if one of them is unreadable). */
function centralRecords(zip: ZipBytes, end: number): CentralRecord[] | null {
  const records: CentralRecord[] = [];
  let at = zip.u32(end + 16);
  for (let i = zip.u16(end + 10); i > 0; i--) {
    if (at + 46 > end || zip.u32(at) !== CENTRAL_HEADER) return null;
    const nameLength = zip.u16(at + 28);
    const extraAt = at + 46 + nameLength;
    const extraLength = zip.u16(at + 30);
    records.push({
      name: zip.text(at + 46, extraAt),
      flags: zip.u16(at + 8),
      method: zip.u16(at + 10),
      crc32: zip.u32(at + 16),
      dosTime: zip.u16(at + 12),
      dosDate: zip.u16(at + 14),
      compressedSize: zip.u32(at + 20),
      uncompressedSize: zip.u32(at + 24),
      localOffset: zip.u32(at + 42),
      extraAt,
      extraLength,
    });
    at = extraAt + extraLength + zip.u16(at + 32);
  }
  return records;
}

/**
 * The values a header's zip64 extra field holds for the fields it marks 0xFFFFFFFF, in the field's
 * fixed order (uncompressed size, compressed size, local header offset); null when the field is
 * missing or too short for them.
 */
function zip64Fields(
  zip: ZipBytes,
  { extraAt, extraLength }: CentralRecord,
  marked: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressedSize?: number; compressedSize?: number; localOffset?: number } | null {
  if (!marked.uncompressed && !marked.compressed && !marked.offset) return null;
  for (let at = extraAt; at + 4 <= extraAt + extraLength; at += 4 + zip.u16(at + 2)) {
    if (zip.u16(at) !== 0x0001) continue;
    const end = at + 4 + zip.u16(at + 2);
    let next = at + 4;
    const take = (): number | undefined => {
      if (next + 8 > end || next + 8 > zip.length) return undefined;
      const value = zip.u32(next) + zip.u32(next + 4) * 0x1_0000_0000;
      next += 8;
      return value;
    };
    const out: { uncompressedSize?: number; compressedSize?: number; localOffset?: number } = {};
    if (marked.uncompressed && (out.uncompressedSize = take()) === undefined) return null;
    if (marked.compressed && (out.compressedSize = take()) === undefined) return null;
    if (marked.offset && (out.localOffset = take()) === undefined) return null;
    return out;
  }
  return null;
}

/** Whether inflated data has the size and CRC-32 its directory entry states. */
export function matchesEntry(data: Uint8Array, raw: RawZipEntry): boolean {
  return data.length === raw.uncompressedSize && crc32(data) === raw.crc32;
}

/**
 * Inflates a copyable entry with Node's zlib, refusing (with `null`) one whose data does not
 * inflate to the size and CRC-32 its directory states: the file is damaged there.
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
  return matchesEntry(data, raw) ? data : null;
}

/** The compressed bytes of the entry whose local header is at `offset`, when the header agrees. */
function localData(
  zip: ZipBytes,
  offset: number,
  compressedSize: number,
  centralFlags: number,
): Uint8Array | null {
  if (offset + 30 > zip.length || zip.u32(offset) !== LOCAL_HEADER) return null;
  const flags = zip.u16(offset + 6);
  if ((flags & ~FLAG_DATA_DESCRIPTOR) !== (centralFlags & ~FLAG_DATA_DESCRIPTOR)) return null;
  const start = offset + 30 + zip.u16(offset + 26) + zip.u16(offset + 28);
  if (start + compressedSize > zip.length) return null;
  return zip.bytes.subarray(start, start + compressedSize);
}
