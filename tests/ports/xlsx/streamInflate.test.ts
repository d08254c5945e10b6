/**
 * The browser's inflate (DecompressionStream, which Node 20 has too): an entry inflates to exactly
 * its stated size and CRC-32 or is refused, and one that runs past its stated size is stopped there
 * rather than inflated whole, as zlib's maxOutputLength stops it in Node. (Chromium inflates each
 * chunk it is given at once, so the data is handed over in slices; the e2e test runs it there.)
 */
import { randomBytes } from "crypto";
import * as zlib from "zlib";
import { inflateWithin, streamInflate } from "../../../src/ports/xlsx/streamInflate";
import { crc32, METHOD_DEFLATE, METHOD_STORE, type RawZipEntry } from "../../../src/ports/xlsx/zipReader";

function entry(data: Uint8Array, overrides: Partial<RawZipEntry> = {}): RawZipEntry {
  return {
    method: METHOD_DEFLATE,
    crc32: crc32(data),
    uncompressedSize: data.length,
    compressed: zlib.deflateRawSync(data),
    dosTime: 0,
    dosDate: 0,
    ...overrides,
  };
}

const text = new TextEncoder().encode(
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Årsmål</t></is></c></row></sheetData>'.repeat(200),
);

test("this runtime inflates as a browser does", () => {
  expect(streamInflate).toBe(true);
});

test("an entry inflates to its data", async () => {
  expect(Buffer.from((await inflateWithin(entry(text))) as Uint8Array).equals(Buffer.from(text))).toBe(true);
  const stored = entry(text, { method: METHOD_STORE, compressed: text });
  expect(await inflateWithin(stored)).toBe(text);
});

test("an entry that runs past its stated size is stopped there and refused", async () => {
  // 256 KB of random bytes deflate to about as much: stated as 1 KB, only the first slices are read.
  const data = new Uint8Array(randomBytes(256 * 1024));
  const liar = entry(data, { uncompressedSize: 1024 });
  const pulled = { bytes: 0 };
  expect(await inflateWithin(liar, pulled)).toBeNull();
  expect(liar.compressed.length).toBeGreaterThan(200_000);
  expect(pulled.bytes).toBeLessThanOrEqual(3 * 16 * 1024);
  // Told the truth, the same entry is read to its end.
  const honest = { bytes: 0 };
  expect(await inflateWithin(entry(data), honest)).not.toBeNull();
  expect(honest.bytes).toBe(liar.compressed.length);
});

test("bytes after the end of the deflate data are ignored, as zlib ignores them", async () => {
  const padded = entry(text);
  padded.compressed = Buffer.concat([padded.compressed, Buffer.from([0, 0, 0, 0])]);
  expect(zlib.inflateRawSync(padded.compressed).length).toBe(text.length);
  expect(await inflateWithin(padded)).not.toBeNull();
});

test("an entry shorter than stated, with another CRC-32, or not deflate at all is refused", async () => {
  expect(await inflateWithin(entry(text, { uncompressedSize: text.length + 1 }))).toBeNull();
  expect(await inflateWithin(entry(text, { crc32: (crc32(text) ^ 1) >>> 0 }))).toBeNull();
  expect(
    await inflateWithin(entry(text, { compressed: new Uint8Array([0xff, 0xff, 0xff, 0xff]) })),
  ).toBeNull();
  expect(await inflateWithin(entry(text, { method: METHOD_STORE, compressed: text.subarray(1) }))).toBeNull();
});
