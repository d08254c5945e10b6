/** Text normalisation shared by the parsers and the recogniser. */

const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;

/** Texts at least this long are cleaned once: a shared string may stand in thousands of cells. */
const LONG_TEXT = 1024;
const cleanedLongTexts = new Map<string, string>();

/** Trims and collapses every kind of space (incl. non-breaking and thin spaces) to one space. */
export function cleanText(text: string): string {
  if (text.length >= LONG_TEXT) {
    const cached = cleanedLongTexts.get(text);
    if (cached !== undefined) return cached;
    if (cleanedLongTexts.size > 10_000) cleanedLongTexts.clear();
    const cleaned = cleanUncached(text);
    cleanedLongTexts.set(text, cleaned);
    return cleaned;
  }
  return cleanUncached(text);
}

function cleanUncached(text: string): string {
  // Most cells are clean already; testing allocates nothing, replacing always does.
  if (!needsCleaning(text)) return text;
  // Many only have spaces at their ends (an indented name): trimming them is all it takes.
  const trimmed = text.trim();
  if (trimmed.length < text.length && !needsCleaning(trimmed)) return trimmed;
  return text.replace(SPACES, " ").trim();
}

/**
 * What cleanText changes: a space other than U+0020 (what `\s` matches, and U+200B), two in a row,
 * or one at an end.
 */
const UNCLEAN = /[^\S ]|[\u200b]| {2}|^ | $/;
/**
 * Texts at least this long are tested by {@link UNCLEAN} itself. The xlsx port's texts are slices of
 * its shared strings, for which each `charCodeAt` checks what kind of string it reads: a loop over a
 * long name costs twice the pattern's native scan, which checks once.
 */
const NATIVE_SCAN_LENGTH = 16;

/**
 * Whether cleanText would change a text, as {@link UNCLEAN} tests; short texts by a character loop
 * (every cell's text comes here, and most are short).
 */
export function needsCleaning(text: string): boolean {
  const n = text.length;
  if (n >= NATIVE_SCAN_LENGTH) return UNCLEAN.test(text);
  if (n === 0) return false;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return true;
  let spaceBefore = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (spaceBefore) return true;
      spaceBefore = true;
      continue;
    }
    spaceBefore = false;
    if (code < 0xa0 ? code >= 9 && code <= 13 : isOtherSpace(code)) return true;
  }
  return false;
}

/** Beyond Latin-1's controls, what `\s` matches (other than U+0020), and the zero-width space. */
function isOtherSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * A key for tolerant matching: lower case, å/ä → a, ö → o, other diacritics dropped, and all
 * spaces, hyphens, soft hyphens and punctuation removed. `Utfall kvinn or/ flicko r` and
 * `Utfall kvinnor/flickor` give the same key; so do `Arsmål` and `Årsmål`.
 */
export function matchKey(text: string): string {
  const cached = matchKeys.get(text);
  if (cached !== undefined) return cached;
  let key = "";
  let run = 0; // where the current run of characters kept as they are began
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const k = code < 128 ? keyCode(code) : -1;
    // Lower-case letters, digits and % stay as they are: copied a run at a time, not one by one
    // (a key of single-character pieces is slow to hash and compare later).
    if (k === code) continue;
    if (run < i) key += text.slice(run, i);
    run = i + 1;
    if (k >= 0) key += String.fromCharCode(k);
    else if (code >= 128) key += keyPart(code);
  }
  if (run < text.length) key += text.slice(run);
  if (matchKeys.size >= MATCH_KEY_CACHE_SIZE) matchKeys.clear();
  matchKeys.set(text, key);
  return key;
}

/** {@link keyCode} of every ASCII code. */
const ASCII_KEYS = Int16Array.from({ length: 128 }, (_, code) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 37
    ? code
    : code >= 65 && code <= 90
      ? code + 32
      : -1,
);

/**
 * The key of an ASCII character (code below 128) as {@link matchKey} makes keys: a lower-case
 * letter, digit or `%` stays, an upper-case letter is lowered, anything else has none (-1).
 * Characters from 128 on take {@link keyPart}.
 */
export function keyCode(code: number): number {
  return ASCII_KEYS[code];
}

/**
 * The key of one character, as the whole text's key is defined: lower case, å/ä → a, ö → o,
 * decomposed (NFD) with its diacritics dropped, only `a-z`, `0-9` and `%` kept. A key is the
 * characters' keys in order (tests/engine/parse/matchKey.test.ts holds the two to each other);
 * a surrogate half (an emoji, a symbol outside the BMP) has none.
 */
export function characterKey(code: number): string {
  if (code >= 0xd800 && code <= 0xdfff) return "";
  return String.fromCharCode(code)
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9%]/g, "");
}

/** {@link characterKey} of each UTF-16 unit beyond ASCII, filled as met. */
const KEY_PARTS: (string | undefined)[] = new Array<string | undefined>(0x10000);

/** {@link characterKey}, remembered per UTF-16 unit. */
export function keyPart(code: number): string {
  return (KEY_PARTS[code] ??= characterKey(code));
}

/** The same texts (units, headers, periods, assessments) are keyed over and over. */
const MATCH_KEY_CACHE_SIZE = 20_000;
const matchKeys = new Map<string, string>();

/** Strips leading status symbols (● ◆ ✓ — • ▲ ■ ○ and emoji circles) that reports put before words. */
export function stripLeadingSymbols(text: string): string {
  return LEADING_SYMBOL.test(text) ? text.replace(LEADING_SYMBOLS, "") : text;
}

const LEADING_SYMBOLS = /^[\s\u00a0●◆◇✓✔✗✘—–•▲▼■□○◯\u{1F7E0}-\u{1F7EB}\u{1F534}-\u{1F535}\u2B24*-]+/u;
const LEADING_SYMBOL = /^[\s\u00a0●◆◇✓✔✗✘—–•▲▼■□○◯\u{1F7E0}-\u{1F7EB}\u{1F534}-\u{1F535}\u2B24*-]/u;

/** Strips simple inline HTML such as `<i>…</i>` left in pasted text. */
export function stripTags(text: string): string {
  return text.includes("<") ? text.replace(/<\/?[a-z][^>]*>/gi, "") : text;
}

/** `a`, `a och b`, `a, b och c` (with `and` the language's word). */
export function andList(items: string[], and: string): string {
  return items.length < 2
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

/**
 * A row label that makes its row a part of the row above, not a row of its own: `varav …`,
 * `därav …`, or in italics (`<i>varav socialpsykiatri</i>`, as the reports' PDF text has it).
 * `text` is the label cleaned, `raw` the cell as written.
 */
export function isPartLabel(text: string, raw: unknown): boolean {
  const key = matchKey(text);
  return (
    key.startsWith("varav") || key.startsWith("darav") || (typeof raw === "string" && /^\s*<i>/i.test(raw))
  );
}
