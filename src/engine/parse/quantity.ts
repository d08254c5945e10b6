import type { CellValue } from "../grid";
import { isExcelError } from "../grid";
import { cleanText } from "./text";

/** A number with the unit it was written with (`%`, `st`, `GWh`, `kg CO2e`, …). Shared: never changed. */
export interface Quantity {
  readonly value: number;
  readonly unit: string | null;
  /** Decimals as written (`4,1 %` → 1); for numeric cells, from the number format. */
  readonly decimals: number;
}

export type QuantityResult =
  | { kind: "empty" }
  | { kind: "quantity"; quantity: Quantity }
  | { kind: "text"; text: string }
  | { kind: "error"; text: string };

const MINUS = /[\u2212\u2012\u2013\u2014\ufe63\uff0d]/g;
const HAS_MINUS = /[\u2212\u2012\u2013\u2014\ufe63\uff0d]/;

/** Unit words seen after numbers in the reports; anything else after a number is kept as written. */
const UNIT_ALIASES: Record<string, string> = {
  "%": "%",
  procent: "%",
  st: "st",
  "st.": "st",
  stycken: "st",
  kr: "kr",
  tkr: "tkr",
  mnkr: "mnkr",
  mkr: "mnkr",
};

const units = new Map<string, string | null>();

export function normaliseUnit(raw: string): string | null {
  const known = units.get(raw);
  if (known !== undefined) return known;
  const unit = cleanText(raw).replace(/:+$/, "");
  const lower = unit.toLowerCase();
  const normalised = unit ? (Object.hasOwn(UNIT_ALIASES, lower) ? UNIT_ALIASES[lower] : unit) : null;
  if (units.size >= CACHE_SIZE) units.clear();
  units.set(raw, normalised);
  return normalised;
}

/** Texts parsed and formats read are few and repeat over thousands of cells: each is read once. */
const CACHE_SIZE = 10_000;
/** Longer texts are prose, not numbers, and are rarely seen twice. */
const CACHED_TEXT_LENGTH = 40;
const numberTexts = new Map<string, Quantity | null>();

/**
 * Parses Swedish number text with an optional unit after it: `2 435,3`, `-489,4`, `−489,4` (Unicode
 * minus), `9 000`, `1,0`, `0.5`, `1 070,4`, `4,1 %`. Thousands may be grouped by space,
 * non-breaking or thin space. A dot is accepted as decimal separator too (`1.5`), as in
 * English-locale exports. Null when it isn't a number.
 */
export function parseNumberText(text: string): Quantity | null {
  if (text.length > CACHED_TEXT_LENGTH) return scanNumber(text);
  const known = numberTexts.get(text);
  if (known !== undefined) return known;
  const parsed = scanNumber(text);
  if (numberTexts.size >= CACHE_SIZE) numberTexts.clear();
  numberTexts.set(text, parsed);
  return parsed;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** A space that groups thousands: space, no-break space, narrow no-break space. */
const isGroupSpace = (code: number): boolean => code === 32 || code === 0xa0 || code === 0x202f;

function threeDigitsAt(text: string, i: number): boolean {
  return isDigit(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2));
}

/**
 * One pass over the text, as `^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:([,.])(\d+))?` would
 * match it (grouped thousands only after at most three digits), then the unit after it.
 */
function scanNumber(text: string): Quantity | null {
  let cleaned = cleanText(text);
  if (!cleaned) return null;
  if (HAS_MINUS.test(cleaned)) cleaned = cleaned.replace(MINUS, "-");
  const n = cleaned.length;
  let i = 0;
  const first = cleaned.charCodeAt(0);
  if (first === 43 || first === 45) i = 1;
  const sign = cleaned.slice(0, i);
  const intStart = i;
  while (i < n && isDigit(cleaned.charCodeAt(i))) i++;
  if (i === intStart) return null;
  let digits: string;
  if (i - intStart <= 3 && isGroupSpace(cleaned.charCodeAt(i)) && threeDigitsAt(cleaned, i + 1)) {
    digits = cleaned.slice(intStart, i);
    while (isGroupSpace(cleaned.charCodeAt(i)) && threeDigitsAt(cleaned, i + 1)) {
      digits += cleaned.slice(i + 1, i + 4);
      i += 4;
    }
  } else digits = cleaned.slice(intStart, i);
  let frac = "";
  const point = cleaned.charCodeAt(i);
  if ((point === 44 || point === 46) && isDigit(cleaned.charCodeAt(i + 1))) {
    const fracStart = ++i;
    while (i < n && isDigit(cleaned.charCodeAt(i))) i++;
    frac = cleaned.slice(fracStart, i);
  }
  const value = Number(frac ? `${sign}${digits}.${frac}` : `${sign}${digits}`);
  if (!Number.isFinite(value)) return null;
  return withUnit(value, frac.length, cleaned.slice(i));
}

function withUnit(value: number, decimals: number, rest: string): Quantity | null {
  const tail = rest.trim();
  if (!tail) return { value, unit: null, decimals };
  // A number followed by more digits or operators isn't a quantity (`2020-01-01`, `3 - 5`).
  if (/^[\d,.:/-]/.test(tail) && tail !== "%") return null;
  const unit = normaliseUnit(tail);
  return { value, unit, decimals };
}

export interface FormatUnit {
  readonly unit: string | null;
  readonly percent: boolean;
  readonly decimals: number | null;
}

const formatUnits = new Map<string, FormatUnit>();
const GENERAL: FormatUnit = { unit: null, percent: false, decimals: null };

/** Reads the unit a number format displays: `0.0 %` → `%`, `#,##0 "st"` → `st`. Shared: never changed. */
export function unitFromFormat(format: string | null | undefined): FormatUnit {
  if (!format || format === "General" || format === "@") return GENERAL;
  let known = formatUnits.get(format);
  if (!known) {
    if (formatUnits.size >= CACHE_SIZE) formatUnits.clear();
    formatUnits.set(format, (known = readFormatUnit(format)));
  }
  return known;
}

function readFormatUnit(format: string): FormatUnit {
  const section = format.split(";")[0];
  const quoted = /"([^"]+)"/.exec(section);
  const withoutQuoted = section.replace(/"[^"]*"/g, "");
  const percent = withoutQuoted.includes("%");
  const decMatch = /0\.(0+)/.exec(withoutQuoted);
  const decimals = decMatch ? decMatch[1].length : /[0#]/.test(withoutQuoted) ? 0 : null;
  let unit: string | null = null;
  if (percent) unit = "%";
  else if (quoted) unit = normaliseUnit(quoted[1]);
  else {
    const escaped = /\\(\S+)|\s([A-Za-zÅÄÖåäö][\w./]*)\s*$/.exec(withoutQuoted.replace(/\[[^\]]*\]/g, ""));
    if (escaped) unit = normaliseUnit(escaped[1] ?? escaped[2]);
  }
  return { unit, percent, decimals };
}

/** True when a number format displays a date or time. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const stripped = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return (
    /[dy]/i.test(stripped) || (/(^|[^A-Za-z])m{1,5}([^A-Za-z]|$)/.test(stripped) && /[dhys]/i.test(stripped))
  );
}

const TEN_DECIMALS = 10 ** 10;

/** Rounds away binary floating noise: 0.041*100 → 4.1, not 4.1000000000000005. */
export function clean(value: number, decimals = 10): number {
  const f = decimals === 10 ? TEN_DECIMALS : 10 ** decimals; // every numeric cell comes here
  const scaled = value * f;
  // Beyond 2^53 there are no fractional digits left to clean (and scaling could overflow).
  if (!Number.isFinite(scaled) || Math.abs(scaled) >= Number.MAX_SAFE_INTEGER) return value;
  return Math.round(scaled) / f;
}

/**
 * Reads a cell that should hold a quantity: text (`4,1 %`, `21 st`) or a number with its
 * format (0.041 with `0.0 %` → 4.1 %). Excel errors and non-numeric text are reported, not thrown.
 */
export function parseQuantityCell(value: CellValue, format?: string | null): QuantityResult {
  if (value === null || value === "") return EMPTY;
  if (typeof value === "boolean") return { kind: "text", text: String(value) };
  if (typeof value === "number") {
    const quantity = numberQuantity(value, format);
    return quantity ? { kind: "quantity", quantity } : { kind: "error", text: String(value) };
  }
  if (value.length > CACHED_TEXT_LENGTH) return textQuantity(value);
  let known = textResults.get(value);
  if (!known) {
    if (textResults.size >= CACHE_SIZE) textResults.clear();
    textResults.set(value, (known = textQuantity(value)));
  }
  return known;
}

/** An empty cell's result, shared (never changed): every empty figure cell of a table asks. */
const EMPTY: QuantityResult = Object.freeze({ kind: "empty" });

/** Results by text, shared (never changed): a column's texts repeat (`9,9 %`, `Tertial 2 2021`). */
const textResults = new Map<string, QuantityResult>();

function textQuantity(value: string): QuantityResult {
  if (isExcelError(value)) return { kind: "error", text: value.trim() };
  const text = cleanText(value);
  if (!text) return EMPTY;
  const q = parseNumberText(text);
  if (q) return { kind: "quantity", quantity: q };
  return { kind: "text", text };
}

/** A numeric cell as the quantity its format shows (0.041 with `0.0 %` → 4.1 %), or null when not finite. */
export function numberQuantity(value: number, format?: string | null): Quantity | null {
  if (!Number.isFinite(value)) return null;
  const fmt = unitFromFormat(format);
  const shown = shownNumber(value, fmt);
  return { value: shown, unit: fmt.unit, decimals: fmt.decimals ?? decimalsOf(shown) };
}

/** A finite numeric cell's value as its format shows it (0.041 under `0.0 %` → 4.1). */
export function shownNumber(value: number, fmt: FormatUnit): number {
  return fmt.percent ? clean(value * 100) : clean(value);
}

/** Decimals in a number's shortest printed form (2.13 → 2). */
export function decimalsOf(n: number): number {
  const s = String(n);
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}
