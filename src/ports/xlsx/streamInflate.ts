import { crc32, METHOD_STORE, type RawZipEntry } from "./zipReader";

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

/**
 * Inflates an entry where there is no zlib (a browser), as Node's `maxOutputLength` does: into a
 * buffer of the size its directory states, stopping as soon as the data would run past it, so an
 * entry that lies about its size (a zip bomb) costs no more memory than it states. Null when it
 * does not inflate to exactly that size and CRC-32.
 */
export async function inflateWithin(raw: RawZipEntry): Promise<Uint8Array | null> {
  if (raw.method === METHOD_STORE)
    return raw.compressed.length === raw.uncompressedSize && crc32(raw.compressed) === raw.crc32
      ? raw.compressed
      : null;
  const reader = new Blob([raw.compressed as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const out = new Uint8Array(raw.uncompressedSize);
  let at = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > out.length) {
        await reader.cancel();
        return null;
      }
      out.set(value, at);
      at += value.length;
    }
  } catch {
    return null;
  }
  return at === out.length && crc32(out) === raw.crc32 ? out : null;
}
