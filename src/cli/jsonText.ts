/**
 * `JSON.stringify(value, null, 2)` in pieces. A million-row workbook's report is more text than
 * one JavaScript string may hold (~512 MB), so the CLI writes it element by element; the text is
 * the same, byte for byte.
 */

/** Arrays and objects this deep are taken apart; anything deeper is stringified whole. */
const SPLIT_DEPTH = 2;
/** Pieces are joined into chunks of about this many characters before they are written. */
const CHUNK_CHARS = 1 << 20;

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

type Replacer = (key: string, value: unknown) => unknown;

function* pieces(value: unknown, depth: number, replacer?: Replacer): Generator<string> {
  const indent = "  ".repeat(depth);
  const inner = `${indent}  `;
  if (depth >= SPLIT_DEPTH || value === null || typeof value !== "object" || "toJSON" in value) {
    const text = JSON.stringify(value, replacer, 2);
    yield depth ? text.replace(/\n/g, `\n${indent}`) : text;
    return;
  }
  if (Array.isArray(value)) {
    if (!value.length) return void (yield "[]");
    yield "[\n";
    for (let i = 0; i < value.length; i++) {
      yield inner;
      if (omitted(value[i])) yield "null";
      else yield* pieces(value[i], depth + 1, replacer);
      yield i < value.length - 1 ? ",\n" : `\n${indent}]`;
    }
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !omitted(v));
  if (!entries.length) return void (yield "{}");
  yield "{\n";
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i];
    yield `${inner}${JSON.stringify(key)}: `;
    yield* pieces(v, depth + 1, replacer);
    yield i < entries.length - 1 ? ",\n" : `\n${indent}}`;
  }
}

/**
 * Writes `value` as indented JSON (and a final newline) through `write`, in chunks, waiting for
 * each chunk `write` returns a promise for. `replacer` works as `JSON.stringify`'s does, on every
 * value below the top.
 */
export async function writeJson(
  value: unknown,
  write: (text: string) => void | Promise<void>,
  replacer?: Replacer,
): Promise<void> {
  let chunk = "";
  for (const piece of pieces(value, 0, replacer)) {
    chunk += piece;
    if (chunk.length >= CHUNK_CHARS) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(`${chunk}\n`);
}
