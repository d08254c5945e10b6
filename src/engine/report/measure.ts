/**
 * Text measures for planning printed pages: how wide a cell's text is in points, how many lines it
 * wraps to and how tall its row must be. Calibri's widths (LibreOffice's Carlito has the same
 * metrics); deliberately a little generous, since a line too many leaves space and a line too few
 * hides text. A report has tens of thousands of cells: the measures walk characters once and
 * build no strings.
 */
import type { TextStyle } from "./look";
import { FONT_SIZE, INDENT_POINTS, CELL_PADDING_POINTS, linePoints, textStyle } from "./look";
import type { OutCell } from "./spec";
import type { ShownFormat } from "./shownNumber";
import { decimalsShown, shownFormat } from "./shownNumber";

/**
 * Calibri's advance widths in 2048ths of an em (Carlito's, which has Calibri's metrics), regular and
 * bold, of the characters from `first` on: Basic Latin and Latin-1 and Extended-A.
 */
const ADVANCES: { first: number; regular: string; bold: string }[] = [
  {
    first: 0x20,
    regular:
      "463 667 821 1020 1038 1464 1397 452 621 621 1020 1020 511 627 517 791 1038 1038 1038 " +
      "1038 1038 1038 1038 1038 1038 1038 548 548 1020 1020 1020 949 1831 1185 1114 1092 1260 " +
      "1000 941 1292 1276 516 653 1064 861 1751 1322 1356 1058 1378 1112 941 998 1314 1162 1822 " +
      "1063 998 959 628 791 628 1020 1020 596 981 1076 866 1076 1019 625 964 1076 470 490 931 " +
      "470 1636 1076 1080 1076 1076 714 801 686 1076 925 1464 887 927 809 644 943 644 1020",
    bold:
      "463 667 898 1020 1038 1493 1443 478 638 638 1020 1020 528 627 547 880 1038 1038 1038 " +
      "1038 1038 1038 1038 1038 1038 1038 565 565 1020 1020 1020 949 1840 1241 1148 1084 1291 " +
      "999 940 1305 1292 546 678 1120 866 1790 1349 1385 1090 1405 1153 968 1014 1337 1211 1856 " +
      "1128 1064 979 665 880 665 1020 1020 615 1011 1099 857 1099 1031 648 971 1099 503 523 983 " +
      "503 1666 1099 1101 1099 1099 728 817 710 1099 969 1526 941 970 814 704 973 704 1020",
  },
  {
    first: 0xa0,
    regular:
      "463 667 1020 1038 1020 1038 1020 1020 804 1709 824 1049 1020 627 1038 807 694 1020 688 " +
      "685 598 1126 1200 517 629 504 865 1049 1303 1375 1383 949 1185 1185 1185 1185 1185 1185 " +
      "1563 1092 1000 1000 1000 1000 516 516 516 516 1279 1322 1356 1356 1356 1356 1356 1020 " +
      "1359 1314 1314 1314 1314 998 1058 1080 981 981 981 981 981 981 1583 866 1019 1019 1019 " +
      "1019 470 470 470 470 1076 1076 1080 1080 1080 1080 1080 1020 1084 1076 1076 1076 1076 " +
      "927 1076 927 1185 981 1185 981 1185 981 1092 866 1092 866 1092 866 1092 866 1260 1164 " +
      "1279 1130 1000 1019 1000 1019 1000 1019 1000 1019 1000 1019 1292 964 1292 964 1292 964 " +
      "1292 964 1276 1076 1344 1091 516 470 516 470 516 470 516 470 516 470 1170 960 653 490 " +
      "1064 931 931 861 470 861 470 866 540 1118 765 880 507 1322 1076 1322 1076 1322 1076 1186 " +
      "1287 1076 1356 1080 1356 1080 1356 1080 1775 1740 1112 714 1112 714 1112 714 941 801 941 " +
      "801 941 801 941 801 998 686 998 708 998 700 1314 1076 1314 1076 1314 1076 1314 1076 1314 " +
      "1076 1314 1076 1822 1464 998 927 998 959 809 959 809 959 809 497",
    bold:
      "463 667 1020 1038 1020 1038 1020 1020 849 1709 852 1103 1020 627 1038 799 701 1020 692 " +
      "688 616 1154 1224 548 621 517 891 1103 1347 1415 1437 949 1241 1241 1241 1241 1241 1241 " +
      "1588 1084 999 999 999 999 546 546 546 546 1309 1349 1385 1385 1385 1385 1385 1020 1394 " +
      "1337 1337 1337 1337 1064 1090 1136 1011 1011 1011 1011 1011 1011 1587 857 1031 1031 1031 " +
      "1031 503 503 503 503 1099 1099 1101 1101 1101 1101 1101 1020 1114 1099 1099 1099 1099 " +
      "970 1099 970 1241 1011 1241 1011 1241 1011 1084 857 1084 857 1084 857 1084 857 1291 1222 " +
      "1309 1165 999 1031 999 1031 999 1031 999 1031 999 1031 1305 971 1305 971 1305 971 1305 " +
      "971 1292 1099 1347 1121 546 503 546 503 546 503 546 503 546 503 1225 1027 678 523 1120 " +
      "983 983 866 503 866 503 881 627 1150 865 886 540 1349 1099 1349 1099 1349 1099 1274 1313 " +
      "1099 1385 1101 1385 1101 1385 1101 1790 1726 1153 728 1153 728 1153 728 968 817 968 817 " +
      "968 817 968 817 1014 710 1014 744 1014 726 1337 1099 1337 1099 1337 1099 1337 1099 1337 " +
      "1099 1337 1099 1856 1526 1064 970 1064 979 814 979 814 979 814 529",
  },
];

/** More of them: code point, regular, bold (dashes, quotes, bullets, signs, the status symbols ● ○). */
const MORE_ADVANCES: [number, number, number][] = [
  [0x2010, 627, 627],
  [0x2011, 627, 627],
  [0x2012, 1038, 1038],
  [0x2013, 1020, 1020],
  [0x2014, 1854, 1854],
  [0x2018, 511, 528],
  [0x2019, 511, 528],
  [0x201a, 511, 528],
  [0x201c, 857, 891],
  [0x201d, 857, 891],
  [0x201e, 857, 891],
  [0x2022, 1020, 1020],
  [0x2026, 1414, 1457],
  [0x2030, 2126, 2174],
  [0x2039, 694, 705],
  [0x203a, 694, 705],
  [0x20ac, 1038, 1038],
  [0x2212, 1020, 1020],
  [0x2248, 1020, 1020],
  [0x2260, 1020, 1020],
  [0x2264, 1020, 1020],
  [0x2265, 1020, 1020],
  [0x25cb, 1126, 1126],
  [0x25cf, 1237, 1237],
];

/** A digit's advance (every digit's, regular and bold): the unit the measures count in. */
const DIGIT_UNITS = 1038;
const DIGIT_EM = DIGIT_UNITS / 2048;
/**
 * Margin on every estimate: the widths are Calibri's own, but a host lays text out on its device's
 * grid (pixels on a screen), and a line too few hides text.
 */
const SAFETY = 1.02;
/** A text exactly as wide as its line fits it (widths are sums of fractions). */
const FIT_EPSILON = 0.01;

/**
 * Width in digit widths of a character Calibri does not hold (▲ ◆ come from another font) or that
 * the table above leaves out: as wide as a wide symbol.
 */
const FOREIGN = 1.6;

const REGULAR_UNITS = new Map<number, number>();
const BOLD_UNITS = new Map<number, number>();
for (const { first, regular, bold } of ADVANCES) {
  regular.split(" ").forEach((units, i) => REGULAR_UNITS.set(first + i, Number(units)));
  bold.split(" ").forEach((units, i) => BOLD_UNITS.set(first + i, Number(units)));
}
for (const [code, regular, bold] of MORE_ADVANCES) {
  REGULAR_UNITS.set(code, regular);
  BOLD_UNITS.set(code, bold);
}

const CODE_SPACE = 32;
const CODE_TAB = 9;
const CODE_NEWLINE = 10;
const CODE_RETURN = 13;
const CODE_HYPHEN = 45;
const CODE_SLASH = 47;

/** Width of a character (UTF-16 unit) in digit widths. */
function charWidth(code: number, bold: boolean): number {
  const units = (bold ? BOLD_UNITS : REGULAR_UNITS).get(code === CODE_TAB ? CODE_SPACE : code);
  if (units !== undefined) return units / DIGIT_UNITS;
  // A combining mark (`a` and U+030A for `å`, as some keyboards write it) sits on its letter.
  if (code >= 0x300 && code < 0x370) return 0;
  return FOREIGN;
}

/** A space is as wide in bold; so are digits and the hyphen. */
const SPACE = charWidth(CODE_SPACE, false);

/** The widest character, in digit widths: a text is at most this wide per character. */
const WIDEST = Math.max(
  FOREIGN,
  ...[...REGULAR_UNITS.values(), ...BOLD_UNITS.values()].map((u) => u / DIGIT_UNITS),
);

/**
 * {@link charWidth} of each UTF-16 unit, regular and bold, filled as met (NaN: not yet). A
 * character outside the BMP (a surrogate pair) counts as a foreign symbol at its first unit.
 */
const REGULAR_WIDTHS = new Float64Array(0x10000).fill(NaN);
const BOLD_WIDTHS = new Float64Array(0x10000).fill(NaN);
for (const widths of [REGULAR_WIDTHS, BOLD_WIDTHS]) {
  widths.fill(FOREIGN, 0xd800, 0xdc00);
  widths.fill(0, 0xdc00, 0xe000);
}

function widthsOf(bold: boolean): Float64Array {
  return bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
}

/**
 * Fills a character's width in on first use. The loops read the width back from the typed array
 * rather than take a returned one: a call's result would make V8 box every width a loop reads
 * (a heap number per character).
 */
function learnWidth(widths: Float64Array, code: number): void {
  widths[code] = charWidth(code, widths === BOLD_WIDTHS);
}

/** Points of a digit width at `size` points, with the margin. */
function pointsPerDigit(size: number): number {
  return DIGIT_EM * size * SAFETY;
}

/**
 * Results of {@link measureSpans}, read right after the call (no object per measure): [0] the
 * widest paragraph, [1] the widest part, [2] 1 when the text breaks lines itself (else 0), [3] and
 * [4] the range of its parts in the {@link TextParts} given (-1 without). A typed array, not
 * `let`s: V8 boxes a number stored in a module variable, and in the measuring loop that cost a
 * heap number per character.
 */
const SPANS = new Float64Array(5);

/** Tokens a released TextParts left for the next (see TextParts.release); kept up to 8 MB. */
let spareTokens: Float64Array | null = null;
const MAX_SPARE_TOKENS = 1 << 20;

/**
 * The parts of texts as a line wraps them, for texts measured once and wrapped later (long texts
 * down thousands of rows): a part's width in digit widths, negative when a space comes before it,
 * and 0 for a line break. Filled as texts are measured; a text's parts are a range of `tokens`.
 */
export class TextParts {
  tokens: Float64Array;
  length = 0;

  constructor() {
    this.tokens = spareTokens ?? new Float64Array(1 << 14);
    spareTokens = null;
  }

  /**
   * Hands its tokens to the next TextParts made, once nothing reads them: a sheet's grow to
   * megabytes, which each sheet of each report allocated, copied as they grew and zeroed anew.
   */
  release(): void {
    if (this.tokens.length <= MAX_SPARE_TOKENS && (spareTokens?.length ?? 0) < this.tokens.length)
      spareTokens = this.tokens;
    this.tokens = new Float64Array(0);
    this.length = 0;
  }

  /** The tokens, with room for `count` more. */
  reserve(count: number): Float64Array {
    const needed = this.length + count;
    if (needed > this.tokens.length) {
      let size = 2 * this.tokens.length;
      while (size < needed) size *= 2;
      const grown = new Float64Array(size);
      grown.set(this.tokens);
      this.tokens = grown;
    }
    return this.tokens;
  }
}

/**
 * One pass over a text's characters `from` up to `to`, in the `widths` of its weight: the widest
 * paragraph on one line (`SPANS[0]`) and the widest part a line cannot break (`SPANS[1]`; lines
 * break at spaces and after a hyphen or slash), in digit widths, and whether it holds a line break
 * (`SPANS[2]`).
 */
function measureSpans(text: string, from: number, to: number, widths: Float64Array): void {
  let full = 0;
  let word = 0;
  let line = 0;
  let part = 0;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    let w = widths[code];
    if (w !== w) {
      learnWidth(widths, code);
      w = widths[code];
    }
    // Most characters end nothing: every space, break, hyphen and slash is below the digits.
    if (code > CODE_SLASH) {
      line += w;
      part += w;
    } else if (code === CODE_SPACE || code === CODE_TAB) {
      line += w;
      if (part > word) word = part;
      part = 0;
    } else if (code === CODE_NEWLINE || code === CODE_RETURN) {
      if (line > full) full = line;
      if (part > word) word = part;
      line = 0;
      part = 0;
      breaks = 1;
    } else {
      line += w;
      part += w;
      if ((code === CODE_HYPHEN || code === CODE_SLASH) && i + 1 < to) {
        const next = text.charCodeAt(i + 1);
        if (next !== CODE_SPACE && next !== CODE_TAB) {
          if (part > word) word = part;
          part = 0;
        }
      }
    }
  }
  SPANS[0] = line > full ? line : full;
  SPANS[1] = part > word ? part : word;
  SPANS[2] = breaks;
}

/**
 * {@link measureSpans} of a whole text that also adds its parts to `parts`, as
 * {@link wrappedLines} places them (their range in `SPANS[3]` and `SPANS[4]`). A loop of its own:
 * one function for both made V8 compile the plain measure several times slower. The parts are
 * written straight into room made first (a text has at most one part per character), not added a
 * call at a time: the loop runs about a quarter faster.
 */
function measureParts(text: string, parts: TextParts, widths: Float64Array): void {
  let full = 0;
  let word = 0;
  let line = 0;
  let part = 0;
  let breaks = 0;
  /** A space came after the last part added. */
  let gap = false;
  const n = text.length;
  const tokens = parts.reserve(n);
  let count = parts.length;
  SPANS[3] = count;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let w = widths[code];
    if (w !== w) {
      learnWidth(widths, code);
      w = widths[code];
    }
    if (code > CODE_SLASH) {
      line += w;
      part += w;
    } else if (code === CODE_SPACE || code === CODE_TAB) {
      line += w;
      if (part > word) word = part;
      if (part > 0) tokens[count++] = gap ? -part : part;
      gap = true;
      part = 0;
    } else if (code === CODE_NEWLINE || code === CODE_RETURN) {
      if (line > full) full = line;
      if (part > word) word = part;
      if (part > 0) tokens[count++] = gap ? -part : part;
      // A return and a newline after it break the line once.
      if (code === CODE_RETURN || i === 0 || text.charCodeAt(i - 1) !== CODE_RETURN) tokens[count++] = 0;
      gap = false;
      line = 0;
      part = 0;
      breaks = 1;
    } else {
      line += w;
      part += w;
      if ((code === CODE_HYPHEN || code === CODE_SLASH) && i + 1 < n) {
        const next = text.charCodeAt(i + 1);
        if (next !== CODE_SPACE && next !== CODE_TAB) {
          if (part > word) word = part;
          tokens[count++] = gap ? -part : part;
          gap = false;
          part = 0;
        }
      }
    }
  }
  if (part > 0) tokens[count++] = gap ? -part : part;
  parts.length = count;
  SPANS[0] = line > full ? line : full;
  SPANS[1] = part > word ? part : word;
  SPANS[2] = breaks;
  SPANS[4] = count;
}

/** {@link measureSpans} of a whole text, or {@link measureParts} with `parts`. */
function measureText(text: string, parts: TextParts | undefined, widths: Float64Array): void {
  if (parts !== undefined) return measureParts(text, parts, widths);
  measureSpans(text, 0, text.length, widths);
  SPANS[3] = SPANS[4] = -1;
}

function spans(text: string, bold = false): { full: number; word: number } {
  measureSpans(text, 0, text.length, widthsOf(bold));
  return { full: SPANS[0], word: SPANS[1] };
}

/** Width in points of `text` on one line (its widest paragraph). */
export function textPoints(text: string, size: number, bold = false): number {
  return spans(text, bold).full * pointsPerDigit(size);
}

/** Lines `text` takes in a cell of `style` in a column `columnPoints` wide (its padding and indent off). */
export function cellLines(text: string, columnPoints: number, style: TextStyle): number {
  return wrappedLines(
    text,
    columnPoints - CELL_PADDING_POINTS - style.indent * INDENT_POINTS,
    style.size,
    style.bold,
  );
}

/**
 * Lines `text` takes when wrapped into lines `width` points wide, as a spreadsheet wraps it: at
 * spaces and after a hyphen or slash; a part longer than a line is cut where the line is full.
 */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  const lineWidth = Math.max(1, width) / pointsPerDigit(size) + FIT_EPSILON;
  const widths = widthsOf(bold);
  const n = text.length;
  let lines = 1;
  let used = 0;
  let part = 0;
  /** Whether a space came before the part being measured. */
  let spaced = false;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : CODE_NEWLINE;
    const space = code === CODE_SPACE || code === CODE_TAB;
    const lineBreak = code === CODE_NEWLINE || code === CODE_RETURN;
    let ends = space || lineBreak;
    if (!ends) {
      let w = widths[code];
      if (w !== w) {
        learnWidth(widths, code);
        w = widths[code];
      }
      part += w;
      // Most characters only lengthen the part: every hyphen and slash is below the digits.
      if (code > CODE_SLASH) continue;
      // A line may break after a hyphen or slash followed by more of the word.
      if ((code === CODE_HYPHEN || code === CODE_SLASH) && i + 1 < n) {
        const next = text.charCodeAt(i + 1);
        ends = next !== CODE_SPACE && next !== CODE_TAB && next !== CODE_NEWLINE && next !== CODE_RETURN;
      }
    }
    if (ends && part > 0) {
      const need = used === 0 ? part : used + (spaced ? SPACE : 0) + part;
      if (need <= lineWidth) used = need;
      else {
        if (used > 0) lines++;
        const pieces = Math.max(1, Math.ceil((part - FIT_EPSILON) / lineWidth));
        lines += pieces - 1;
        used = part - (pieces - 1) * lineWidth;
      }
      part = 0;
      spaced = false;
    }
    if (space && used > 0) spaced = true;
    if (lineBreak && i < n) {
      if (code === CODE_RETURN && text.charCodeAt(i + 1) === CODE_NEWLINE) i++;
      lines++;
      used = 0;
      spaced = false;
    }
  }
  return lines;
}

/**
 * {@link wrappedLines} of a text from its parts (`from` up to `to` in `parts`), without walking its
 * characters again (they were measured in the widths of its weight).
 */
export function wrappedPartLines(
  parts: TextParts,
  from: number,
  to: number,
  width: number,
  size: number,
): number {
  const lineWidth = Math.max(1, width) / pointsPerDigit(size) + FIT_EPSILON;
  const tokens = parts.tokens;
  let lines = 1;
  let used = 0;
  for (let k = from; k < to; k++) {
    const token = tokens[k];
    if (token === 0) {
      lines++;
      used = 0;
      continue;
    }
    const part = token < 0 ? -token : token;
    // A part after a space on the line keeps the space (a space first on a line takes no room).
    const need = used === 0 ? part : used + (token < 0 ? SPACE : 0) + part;
    if (need <= lineWidth) used = need;
    else {
      if (used > 0) lines++;
      const pieces = Math.max(1, Math.ceil((part - FIT_EPSILON) / lineWidth));
      lines += pieces - 1;
      used = part - (pieces - 1) * lineWidth;
    }
  }
  return lines;
}

/**
 * `text` wrapped into lines `width` points wide, as {@link wrappedLines} counts them (a part longer
 * than a line cut where the line is full).
 */
export function breakLines(text: string, width: number, size: number, bold = false): string[] {
  const lineWidth = Math.max(1, width) / pointsPerDigit(size) + FIT_EPSILON;
  const widths = widthsOf(bold);
  const lines: string[] = [];
  const widthOf = (piece: string): number => {
    const shown = softHyphensShown(piece);
    measureSpans(shown, 0, shown.length, widths);
    return SPANS[0];
  };
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = "";
    for (const group of lineParts(paragraph)) {
      // A unit kept with its word goes apart from it only where the two are wider than a line.
      const joined = group.length === 1 ? group : [group.join("")];
      const parts = joined === group || widthOf(joined[0].trimStart()) <= lineWidth ? joined : group;
      for (const part of parts) {
        if (widthOf(line + part) <= lineWidth || !line) line += line ? part : part.trimStart();
        else {
          lines.push(line);
          line = part.trimStart();
        }
        while (widthOf(line) > lineWidth && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && widthOf(line.slice(0, cut)) > lineWidth) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
    }
    lines.push(line);
  }
  return lines.map(softHyphensShown);
}

/**
 * The parts a line of {@link breakLines} may break between: they end before a space and after a
 * hyphen, slash or soft hyphen before a letter or digit; a space before a part is kept with it. A
 * part that is only a unit or sign joins the group of the part before it.
 */
function lineParts(paragraph: string): string[][] {
  const parts: string[][] = [];
  let from = 0;
  let glued = false;
  for (let i = 1; i <= paragraph.length; i++) {
    const before = paragraph[i - 1];
    const at = paragraph[i];
    const boundary =
      i === paragraph.length ||
      (at === " " && before !== " ") ||
      ((before === "-" || before === "/" || before === SOFT_HYPHEN) && /[\p{L}\p{N}]/u.test(at));
    if (boundary) {
      const part = paragraph.slice(from, i);
      const trimmed = part.trim();
      // A slash between spaces (`JA / NEJ`) holds its neighbours together; a unit or sign
      // (`10 %)`, `Underskott (+)`) goes with the word before it.
      const slash = trimmed === "/";
      const last = parts[parts.length - 1];
      if (last && (slash || glued)) last[last.length - 1] += part;
      else if (last && UNIT_OR_SIGN.has(trimmed)) last.push(part);
      else parts.push([part]);
      glued = slash;
      from = i;
    }
  }
  return parts;
}

/** Parts of a header that are only a unit or sign: a line never starts with one. */
const UNIT_OR_SIGN = new Set(["%", "%)", "(%)", "(+)", "(-)", "(+/-)", "(-/+)", "tkr", "mnkr", "kr"]);

/**
 * Width in points of the widest part of `text` that {@link breakLines} keeps on one line (`10 %)`
 * with the number it follows): a header's column is at least this wide, or the breaker cuts it.
 */
export function unbrokenPoints(text: string, size: number, bold = false): number {
  let widest = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/))
    for (const group of lineParts(paragraph)) {
      const shown = softHyphensShown(group.join("").trimStart());
      measureSpans(shown, 0, shown.length, widthsOf(bold));
      if (SPANS[0] > widest) widest = SPANS[0];
    }
  return widest * pointsPerDigit(size);
}

/**
 * Where a word of a header Målkoll writes may break (`omslutnings|förändringar`, as the city's
 * reports break it): a hyphen when a line ends there, nothing otherwise. Never written to a cell.
 */
export const SOFT_HYPHEN = "\u00AD";

/** A line as printed: a hyphen for a soft hyphen that ends it, none for the others. */
function softHyphensShown(line: string): string {
  if (!line.includes(SOFT_HYPHEN)) return line;
  const end = line.endsWith(SOFT_HYPHEN) ? "-" : "";
  return line.split(SOFT_HYPHEN).join("") + end;
}

/**
 * {@link cellSpans} of a header with soft hyphens: the text on one line without them, and its
 * widest part a line cannot break, with the hyphen a line ending at one shows.
 */
export function softHyphenSpans(text: string, style: TextStyle, out: Spans): Spans {
  const scale = pointsPerDigit(style.size);
  const widths = widthsOf(style.bold);
  const indent = style.indent * INDENT_POINTS;
  const plain = text.split(SOFT_HYPHEN).join("");
  measureSpans(plain, 0, plain.length, widths);
  out.full = SPANS[0] * scale + indent;
  out.breaks = SPANS[2] !== 0;
  const broken = text.split(SOFT_HYPHEN).join("-\n");
  measureSpans(broken, 0, broken.length, widths);
  out.word = SPANS[1] * scale + indent;
  out.partsFrom = out.partsTo = -1;
  return out;
}

export { linePoints };

/** Height of an empty row between tables. */
export const SPACER_ROW_POINTS = linePoints(FONT_SIZE.normal);

/* ---------- numbers as shown ---------- */

interface FormatTraits extends ShownFormat {
  /** Digit widths of the prefix and suffix together, regular and bold. */
  literalWidth: number;
  boldLiteralWidth: number;
}

/** A report uses a handful of number formats over thousands of cells. */
const traitsCache = new Map<string, FormatTraits>();

function traitsOf(format: string | undefined): FormatTraits {
  const key = format ?? "";
  let traits = traitsCache.get(key);
  if (traits) return traits;
  const shown = shownFormat(key);
  traits = {
    ...shown,
    literalWidth: spans(shown.prefix).full + spans(shown.suffix).full,
    boldLiteralWidth: spans(shown.prefix, true).full + spans(shown.suffix, true).full,
  };
  if (traitsCache.size >= 1000) traitsCache.clear();
  traitsCache.set(key, traits);
  return traits;
}

/** Digit widths of a date as the report shows it (`2021-08-31`); digits and hyphens are as wide in bold. */
const DATE_WIDTH = 8 + 2 * charWidth(CODE_HYPHEN, false);
const MINUS_WIDTH = charWidth(CODE_HYPHEN, false);
/** The decimal comma, regular and bold (a thousands separator is a space, as wide in both). */
const COMMA_WIDTH = charWidth(44, false);
const BOLD_COMMA_WIDTH = charWidth(44, true);

/** Powers of ten, exact, for counting a number's digits. */
const POW10 = Array.from({ length: 9 }, (_, k) => 10 ** k);

/** Width of a formatted number in digit widths, without building its text. */
function numberWidth(value: number, t: FormatTraits, bold: boolean): number {
  if (t.date) return DATE_WIDTH;
  const n = Math.abs(t.percent ? value * 100 : value);
  const decimals = t.decimals ?? decimalsShown(value);
  const scale = t.decimals === null ? 10 ** decimals : t.scale;
  const shown = Math.round(n * scale) / scale;
  let digits: number;
  if (shown < 1e8 && decimals <= 4) {
    // Counted, not Math.log10 (as slow as the rest together): the same for every number shown
    // with up to 12 significant digits (checked at each power of ten); beyond, the log decides.
    digits = 1;
    while (digits < 8 && shown >= POW10[digits]) digits++;
  } else digits = Math.max(1, Math.floor(Math.log10(Math.max(1, shown))) + 1);
  return (
    digits +
    Math.floor((digits - 1) / 3) * SPACE +
    (decimals ? (bold ? BOLD_COMMA_WIDTH : COMMA_WIDTH) + decimals : 0) +
    (value < 0 ? MINUS_WIDTH : 0) +
    (bold ? t.boldLiteralWidth : t.literalWidth)
  );
}

export interface Spans {
  /** The text on one line (its widest paragraph), in points, indent included. */
  full: number;
  /** Its widest part a line cannot break, in points, indent included. */
  word: number;
  /** The text breaks lines itself. */
  breaks: boolean;
  /** The range of its parts in the {@link TextParts} given (-1 without). */
  partsFrom: number;
  partsTo: number;
}

/** Spans to measure into (one per sheet: reused for every cell). */
export function emptySpans(): Spans {
  return { full: 0, word: 0, breaks: false, partsFrom: -1, partsTo: -1 };
}

/** The narrowest character, in digit widths (`'`): a text is at least this wide per character. */
const NARROWEST = 452 / DIGIT_UNITS;

/**
 * The widest part of a long text a line cannot break, in digit widths: only parts with as many
 * characters as the widest so far can beat it (no character is more than {@link WIDEST}). With
 * `above`, only parts wider than that are measured, and 0 is returned when there is none.
 */
function widestPart(text: string, widths: Float64Array, above = 0): number {
  let widest = above;
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf(" ", from);
    if (to < 0) to = text.length;
    if ((to - from) * WIDEST > widest) {
      measureSpans(text, from, to, widths);
      if (SPANS[1] > widest) widest = SPANS[1];
    }
    from = to + 1;
  }
  return widest > above ? widest : 0;
}

/**
 * The widest part a line cannot break of a text cell, in points with its indent, when it may be
 * wider than `than` points; 0 when it certainly is not. Only the parts with characters enough to
 * be wider are measured, unless the text's parts are wanted (added to `parts`).
 */
export function cellWordWiderThan(style: TextStyle, text: string, than: number, parts?: TextParts): number {
  const scale = pointsPerDigit(style.size);
  const widths = widthsOf(style.bold);
  const indent = style.indent * INDENT_POINTS;
  // A hair below the limit: a part the rounding would put just under it is measured too.
  const above = (than - indent) / scale - 1e-9;
  let widest: number;
  if (parts === undefined) widest = widestPart(text, widths, above);
  else {
    // The text is walked whole for its parts (its range in SPANS[3] and SPANS[4]).
    measureParts(text, parts, widths);
    widest = SPANS[1] > above ? SPANS[1] : 0;
  }
  return widest > 0 ? widest * scale + indent : 0;
}

/** Lookups a column's memo makes before it judges whether its texts repeat. */
const MEMO_TRIAL = 256;

/** Line counts of texts at one width and style. */
interface WrapMemo {
  usable: number;
  style: TextStyle;
  lines: Map<string, number>;
}

/**
 * Measures of the texts met down one column of a sheet, when they repeat (statuses, periods, goal
 * names, severities): a text's spans are taken once, and its line count once per width and style.
 * A column whose texts do not repeat (names, sentences) stops remembering after a trial. Of its
 * numbers it keeps the largest measured, which the smaller cannot outgrow.
 */
export class ColumnMemo {
  /** Text → index i of its results in `spans` (from 5i, as in `SPANS`), regular and bold. */
  private readonly spanIndex = new Map<string, number>();
  private readonly boldSpanIndex = new Map<string, number>();
  private spanCount = 0;
  private spans = new Float64Array(160);
  private spanTries = 0;
  private spanHits = 0;
  private readonly wraps: WrapMemo[] = [];
  private wrapTries = 0;
  private wrapHits = 0;
  /** The number format met last in the column, and its traits. */
  private format: string | undefined;
  private traits: FormatTraits | undefined;
  /** The format and style of the numbers measured last, and their largest magnitudes by sign (-1: none). */
  private numbersFormat: string | undefined;
  private numbersStyle: TextStyle | undefined;
  private largestPositive = -1;
  private largestNegative = -1;

  /** The traits of a number format (a column keeps one format down its rows). */
  traitsOf(format: string | undefined): FormatTraits {
    if (this.traits === undefined || format !== this.format) {
      this.traits = traitsOf(format);
      this.format = format;
    }
    return this.traits;
  }

  /**
   * Whether the column has measured a number at least as wide, so that this one cannot widen it:
   * under one format with fixed decimals, in one style, a number's width grows with its magnitude
   * (its digits), and a minus sign. Otherwise notes the number as measured next.
   */
  measuredWider(value: number, format: string | undefined, style: TextStyle): boolean {
    if (format !== this.numbersFormat || style !== this.numbersStyle) {
      this.numbersFormat = format;
      this.numbersStyle = style;
      this.largestPositive = this.largestNegative = -1;
    } else if (value >= 0 ? value <= this.largestPositive : -value <= this.largestNegative) return true;
    // General shows as many decimals as a number has: its width does not follow its magnitude.
    if (this.traitsOf(format).decimals === null) return false;
    if (value >= 0) {
      if (value > this.largestPositive) this.largestPositive = value;
    } else if (-value > this.largestNegative) this.largestNegative = -value;
    return false;
  }

  /** Writes the text's spans in its weight to `SPANS` (and its parts' range, with `parts`). */
  measure(text: string, bold: boolean, parts?: TextParts): void {
    const widths = widthsOf(bold);
    if (this.spanTries >= MEMO_TRIAL && 2 * this.spanHits < this.spanTries)
      return measureText(text, parts, widths);
    this.spanTries++;
    const index = bold ? this.boldSpanIndex : this.spanIndex;
    let i = index.get(text);
    if (i !== undefined && (parts === undefined || this.spans[5 * i + 3] >= 0)) {
      this.spanHits++;
      for (let k = 0; k < 5; k++) SPANS[k] = this.spans[5 * i + k];
      return;
    }
    measureText(text, parts, widths);
    if (i === undefined) {
      i = this.spanCount++;
      index.set(text, i);
    }
    if (5 * i + 4 >= this.spans.length) {
      const grown = new Float64Array(2 * this.spans.length);
      grown.set(this.spans);
      this.spans = grown;
    }
    for (let k = 0; k < 5; k++) this.spans[5 * i + k] = SPANS[k];
  }

  /** The wrap memo for a width and style. */
  private wrapsAt(usable: number, style: TextStyle): WrapMemo {
    for (const entry of this.wraps) if (entry.usable === usable && entry.style === style) return entry;
    const entry: WrapMemo = { usable, style, lines: new Map() };
    this.wraps.push(entry);
    return entry;
  }

  /** {@link wrappedLines} of the text `usable` points wide in `style`. */
  lines(text: string, usable: number, style: TextStyle): number {
    if (this.wrapTries >= MEMO_TRIAL && 2 * this.wrapHits < this.wrapTries)
      return wrappedLines(text, usable, style.size, style.bold);
    this.wrapTries++;
    const entry = this.wrapsAt(usable, style);
    let lines = entry.lines.get(text);
    if (lines === undefined) {
      lines = wrappedLines(text, usable, style.size, style.bold);
      entry.lines.set(text, lines);
    } else this.wrapHits++;
    return lines;
  }
}

/**
 * A cell's spans in `style` (its {@link textStyle}), written into `out` (a layout measures every
 * cell: no object per cell). A text certainly wider than `cap` points on one line is measured only
 * for its widest part; its `full` is then a lower bound above `cap`. `memo` remembers the texts of
 * the cell's column; with `parts`, a text's parts are added to it (their range in `out`).
 */
export function cellSpans(
  cell: OutCell,
  style: TextStyle,
  out: Spans,
  cap = Infinity,
  memo?: ColumnMemo,
  parts?: TextParts,
): Spans {
  const scale = pointsPerDigit(style.size);
  const widths = widthsOf(style.bold);
  const indent = style.indent * INDENT_POINTS;
  const v = cell.value;
  out.breaks = false;
  out.partsFrom = out.partsTo = -1;
  if (v === null) {
    out.full = out.word = indent;
  } else if (typeof v === "number") {
    const traits = memo ? memo.traitsOf(cell.format) : traitsOf(cell.format);
    out.full = out.word = numberWidth(v, traits, style.bold) * scale + indent;
  } else if (v.length * NARROWEST * scale > cap && !v.includes("\n")) {
    out.full = v.length * NARROWEST * scale + indent;
    if (parts === undefined) out.word = widestPart(v, widths) * scale + indent;
    else {
      // Walked whole for its parts: its widest part is the one widestPart finds.
      measureParts(v, parts, widths);
      out.word = SPANS[1] * scale + indent;
      out.partsFrom = SPANS[3];
      out.partsTo = SPANS[4];
    }
    out.breaks = v.includes("\r");
  } else {
    if (memo) memo.measure(v, style.bold, parts);
    else measureText(v, parts, widths);
    out.full = SPANS[0] * scale + indent;
    out.word = SPANS[1] * scale + indent;
    out.breaks = SPANS[2] !== 0;
    out.partsFrom = SPANS[3];
    out.partsTo = SPANS[4];
  }
  return out;
}

/**
 * Height in points of a row whose cells have these widths in points, the first `firstWidth` when
 * given (a row merged across: its area's width). Wrapped cells take as many lines as their text
 * needs; others one line.
 */
export function rowPoints(
  row: (OutCell | null)[],
  widths: ArrayLike<number | undefined>,
  firstWidth?: number,
): number {
  let height = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell) continue;
    const style = textStyle(cell);
    let lines = 1;
    const width = c === 0 && firstWidth !== undefined ? firstWidth : widths[c];
    if (cell.wrap && typeof cell.value === "string" && cell.value !== "" && width !== undefined)
      lines = cellLines(cell.value, width, style);
    height = Math.max(height, lines * style.line);
  }
  return height || SPACER_ROW_POINTS;
}
