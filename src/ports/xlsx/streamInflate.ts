import { matchesEntry, METHOD_STORE, type RawZipEntry } from "./zipReader";

function canStreamInflate(): boolean {
  if (typeof DecompressionStream !== "function") return false;
  try {
    new DecompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

/** Whether this runtime inflates raw deflate as a stream (browsers since 2023, Node 20). */
export const streamInflate = canStreamInflate();

/** Compressed bytes written to the decompressor at a time: it inflates what it is given at once. */
const SLICE_BYTES = 16 * 1024;

/**
 * Inflates an entry where there is no zlib (a browser), as Node's `maxOutputLength` does: into a
 * buffer of the size its directory states, written the compressed data a slice at a time (Chromium
 * inflates a whole chunk before it answers) and stopping at the first byte past that size, so an
 * entry that lies about its size (a zip bomb) costs no more than it states. Null when it does not
 * inflate to exactly that size and CRC-32. Bytes after the end of the deflate data are ignored, as
 * zlib ignores them. `pulled` counts the compressed bytes written.
 */
export async function inflateWithin(
  raw: RawZipEntry,
  pulled: { bytes: number } = { bytes: 0 },
): Promise<Uint8Array | null> {
  if (raw.method === METHOD_STORE) return matchesEntry(raw.compressed, raw) ? raw.compressed : null;
  let out: Uint8Array;
  let at = 0;
  try {
    out = new Uint8Array(raw.uncompressedSize);
  } catch {
    return null;
  }
  const compressed = raw.compressed;
  const inflater = new DecompressionStream("deflate-raw");
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  let stopped = false;
  // The slices are written one at a time, and no more once the output has run past its size.
  const feeding = (async () => {
    try {
      while (!stopped && pulled.bytes < compressed.length) {
        const slice = compressed.slice(pulled.bytes, pulled.bytes + SLICE_BYTES);
        pulled.bytes += slice.length;
        await writer.write(slice);
      }
      if (!stopped) await writer.close();
    } catch {
      // The reader saw the error too, or cancelled: it decides.
    }
  })();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > out.length) {
        stopped = true;
        await reader.cancel();
        await feeding;
        return null;
      }
      out.set(value, at);
      at += value.length;
    }
  } catch {
    stopped = true;
    await feeding;
    // Chromium refuses bytes after the end of the deflate data, which zlib ignores: whole data stands.
    return at === out.length && matchesEntry(out, raw) ? out : null;
  }
  await feeding;
  return matchesEntry(out.subarray(0, at), raw) ? out : null;
}
