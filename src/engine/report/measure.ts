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

/** Calibri's digits are 0,507 em wide; other characters are measured relative to a digit. */
const DIGIT_EM = 0.507;
/** Bold Calibri letters are a few per cent wider. */
const BOLD_FACTOR = 1.05;
/** Margin on every estimate (measured: without it the estimate is within 1 % of Carlito's widths). */
const SAFETY = 1.02;
/** A text exactly as wide as its line fits it (widths are sums of fractions). */
const FIT_EPSILON = 0.01;

/** Width of a character in digit widths. */
function charWidth(ch: string): number {
  if (" ilj'|!.,:;".includes(ch)) return 0.45;
  if (ch === "s") return 0.8;
  // Wider than a letter: every percentage's format ends in it, and a figure column is only as wide as its figures.
  if (ch === "%") return 1.41;
  if ("ftr()[]/-".includes(ch)) return 0.68;
  if (ch === "m") return 1.55;
  if (ch === "w") return 1.4;
  if (ch === "M" || ch === "W") return 1.6;
  if (ch >= "0" && ch <= "9") return 1;
  if ("●◆▲○≠–—?".includes(ch)) return 1.6;
  if (ch !== ch.toLowerCase()) return 1.15;
  return 0.98;
}

const SPACE = charWidth(" ");
const CODE_SPACE = 32;
const CODE_TAB = 9;
const CODE_NEWLINE = 10;
const CODE_RETURN = 13;
const CODE_HYPHEN = 45;
const CODE_SLASH = 47;

/**
 * {@link charWidth} of each UTF-16 unit, filled as met (NaN: not yet). A character outside the
 * BMP (a surrogate pair) counts as a wide symbol at its first unit.
 */
const WIDTHS = new Float64Array(0x10000).fill(NaN);
WIDTHS.fill(1.6, 0xd800, 0xdc00);
WIDTHS.fill(0, 0xdc00, 0xe000);

/**
 * Fills a character's width in on first use. The loops read the width back from the typed array
 * rather than take a returned one: a call's result would make V8 box every width a loop reads
 * (a heap number per character).
 */
function learnWidth(code: number, ch: string): void {
  WIDTHS[code] = charWidth(ch);
}

function pointsPerDigit(size: number, bold: boolean): number {
  return DIGIT_EM * size * (bold ? BOLD_FACTOR : 1) * SAFETY;
}

/**
 * Results of {@link measureSpans}, read right after the call (no object per measure): [0] the
 * widest paragraph, [1] the widest part, [2] 1 when the text breaks lines itself (else 0), [3] and
 * [4] the range of its parts in the {@link TextParts} given (-1 without). A typed array, not
 * `let`s: V8 boxes a number stored in a module variable, and in the measuring loop that cost a
 * heap number per character.
 */
const SPANS = new Float64Array(5);

/**
 * The parts of texts as a line wraps them, for texts measured once and wrapped later (long texts
 * down thousands of rows): a part's width in digit widths, negative when a space comes before it,
 * and 0 for a line break. Filled as texts are measured; a text's parts are a range of `tokens`.
 */
export class TextParts {
  tokens = new Float64Array(1 << 14);
  length = 0;

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
 * One pass over a text's characters `from` up to `to`: the widest paragraph on one line
 * (`SPANS[0]`) and the widest part a line cannot break (`SPANS[1]`; lines break at spaces and after
 * a hyphen or slash), in digit widths, and whether it holds a line break (`SPANS[2]`).
 */
function measureSpans(text: string, from: number, to: number): void {
  let full = 0;
  let word = 0;
  let line = 0;
  let part = 0;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    let w = WIDTHS[code];
    if (w !== w) {
      learnWidth(code, text[i]);
      w = WIDTHS[code];
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
function measureParts(text: string, parts: TextParts): void {
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
    let w = WIDTHS[code];
    if (w !== w) {
      learnWidth(code, text[i]);
      w = WIDTHS[code];
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
function measureText(text: string, parts: TextParts | undefined): void {
  if (parts !== undefined) return measureParts(text, parts);
  measureSpans(text, 0, text.length);
  SPANS[3] = SPANS[4] = -1;
}

function spans(text: string): { full: number; word: number } {
  measureSpans(text, 0, text.length);
  return { full: SPANS[0], word: SPANS[1] };
}

/** Width in points of `text` on one line (its widest paragraph). */
export function textPoints(text: string, size: number, bold = false): number {
  return spans(text).full * pointsPerDigit(size, bold);
}

/**
 * Lines `text` takes when wrapped into lines `width` points wide, as a spreadsheet wraps it: at
 * spaces and after a hyphen or slash; a part longer than a line is cut where the line is full.
 */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  const lineWidth = Math.max(1, width) / pointsPerDigit(size, bold) + FIT_EPSILON;
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
      let w = WIDTHS[code];
      if (w !== w) {
        learnWidth(code, text[i]);
        w = WIDTHS[code];
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
 * characters again.
 */
export function wrappedPartLines(
  parts: TextParts,
  from: number,
  to: number,
  width: number,
  size: number,
  bold = false,
): number {
  const lineWidth = Math.max(1, width) / pointsPerDigit(size, bold) + FIT_EPSILON;
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
  const lineWidth = Math.max(1, width) / pointsPerDigit(size, bold) + FIT_EPSILON;
  const lines: string[] = [];
  const widthOf = (piece: string): number => {
    const shown = softHyphensShown(piece);
    measureSpans(shown, 0, shown.length);
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
      measureSpans(shown, 0, shown.length);
      if (SPANS[0] > widest) widest = SPANS[0];
    }
  return widest * pointsPerDigit(size, bold);
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
  const scale = pointsPerDigit(style.size, style.bold);
  const indent = style.indent * INDENT_POINTS;
  const plain = text.split(SOFT_HYPHEN).join("");
  measureSpans(plain, 0, plain.length);
  out.full = SPANS[0] * scale + indent;
  out.breaks = SPANS[2] !== 0;
  const broken = text.split(SOFT_HYPHEN).join("-\n");
  measureSpans(broken, 0, broken.length);
  out.word = SPANS[1] * scale + indent;
  out.partsFrom = out.partsTo = -1;
  return out;
}

export { linePoints };

/** Height of an empty row between tables. */
export const SPACER_ROW_POINTS = linePoints(FONT_SIZE.normal);

/* ---------- numbers as shown ---------- */

interface FormatTraits extends ShownFormat {
  /** Digit widths of the prefix and suffix together. */
  literalWidth: number;
}

/** A report uses a handful of number formats over thousands of cells. */
const traitsCache = new Map<string, FormatTraits>();

function traitsOf(format: string | undefined): FormatTraits {
  const key = format ?? "";
  let traits = traitsCache.get(key);
  if (traits) return traits;
  const shown = shownFormat(key);
  traits = { ...shown, literalWidth: spans(shown.prefix).full + spans(shown.suffix).full };
  if (traitsCache.size >= 1000) traitsCache.clear();
  traitsCache.set(key, traits);
  return traits;
}

/** Digit widths of a date as the report shows it (`2021-08-31`). */
const DATE_WIDTH = 8 + 2 * charWidth("-");
const MINUS_WIDTH = charWidth("-");

/** Powers of ten, exact, for counting a number's digits. */
const POW10 = Array.from({ length: 9 }, (_, k) => 10 ** k);

/** Width of a formatted number in digit widths, without building its text. */
function numberWidth(value: number, t: FormatTraits): number {
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
    (decimals ? SPACE + decimals : 0) +
    (value < 0 ? MINUS_WIDTH : 0) +
    t.literalWidth
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

/** The narrowest character, in digit widths: a text is at least this wide per character. */
const NARROWEST = 0.45;

/**
 * The widest part of a long text a line cannot break, in digit widths: only parts with as many
 * characters as the widest so far can beat it (no character is more than 1,6 digits wide). With
 * `above`, only parts wider than that are measured, and 0 is returned when there is none.
 */
function widestPart(text: string, above = 0): number {
  let widest = above;
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf(" ", from);
    if (to < 0) to = text.length;
    if ((to - from) * 1.6 > widest) {
      measureSpans(text, from, to);
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
  const scale = pointsPerDigit(style.size, style.bold);
  const indent = style.indent * INDENT_POINTS;
  // A hair below the limit: a part the rounding would put just under it is measured too.
  const above = (than - indent) / scale - 1e-9;
  let widest: number;
  if (parts === undefined) widest = widestPart(text, above);
  else {
    // The text is walked whole for its parts (its range in SPANS[3] and SPANS[4]).
    measureParts(text, parts);
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
  /** Text → index i of its results in `spans` (from 5i, as in `SPANS`). */
  private readonly spanIndex = new Map<string, number>();
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

  /** Writes the text's spans to `SPANS` (and its parts' range, with `parts`). */
  measure(text: string, parts?: TextParts): void {
    if (this.spanTries >= MEMO_TRIAL && 2 * this.spanHits < this.spanTries) return measureText(text, parts);
    this.spanTries++;
    let i = this.spanIndex.get(text);
    if (i !== undefined && (parts === undefined || this.spans[5 * i + 3] >= 0)) {
      this.spanHits++;
      for (let k = 0; k < 5; k++) SPANS[k] = this.spans[5 * i + k];
      return;
    }
    measureText(text, parts);
    if (i === undefined) {
      i = this.spanIndex.size;
      this.spanIndex.set(text, i);
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
  const scale = pointsPerDigit(style.size, style.bold);
  const indent = style.indent * INDENT_POINTS;
  const v = cell.value;
  out.breaks = false;
  out.partsFrom = out.partsTo = -1;
  if (v === null) {
    out.full = out.word = indent;
  } else if (typeof v === "number") {
    out.full = out.word =
      numberWidth(v, memo ? memo.traitsOf(cell.format) : traitsOf(cell.format)) * scale + indent;
  } else if (v.length * NARROWEST * scale > cap && !v.includes("\n")) {
    out.full = v.length * NARROWEST * scale + indent;
    if (parts === undefined) out.word = widestPart(v) * scale + indent;
    else {
      // Walked whole for its parts: its widest part is the one widestPart finds.
      measureParts(v, parts);
      out.word = SPANS[1] * scale + indent;
      out.partsFrom = SPANS[3];
      out.partsTo = SPANS[4];
    }
    out.breaks = v.includes("\r");
  } else {
    if (memo) memo.measure(v, parts);
    else measureText(v, parts);
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
    if (cell.wrap && typeof cell.value === "string" && cell.value !== "" && width !== undefined) {
      const usable = width - CELL_PADDING_POINTS - style.indent * INDENT_POINTS;
      lines = wrappedLines(cell.value, usable, style.size, style.bold);
    }
    height = Math.max(height, lines * style.line);
  }
  return height || SPACER_ROW_POINTS;
}
