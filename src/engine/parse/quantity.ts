import type { CellValue } from "../grid";
import { isExcelError } from "../grid";
import { cleanText } from "./text";

/** A number with the unit it was written with (`%`, `st`, `GWh`, `kg CO2e`, …). */
export interface Quantity {
  value: number;
  unit: string | null;
  /** Decimals as written (`4,1 %` → 1); for numeric cells, from the number format. */
  decimals: number;
}

export type QuantityResult =
  | { kind: "empty" }
  | { kind: "quantity"; quantity: Quantity }
  | { kind: "text"; text: string }
  | { kind: "error"; text: string };

const MINUS = /[\u2212\u2012\u2013\u2014\ufe63\uff0d]/g;

/**
 * `2 435,3`, `-489,4`, `−489,4` (Unicode minus), `9 000`, `1,0`, `0.5`, `1 070,4`.
 * Thousands may be grouped by space, non-breaking or thin space. A dot is accepted as decimal
 * separator too (`1.5`), as in English-locale exports.
 */
const NUMBER = /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:([,.])(\d+))?/;

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

export function normaliseUnit(raw: string): string | null {
  const unit = cleanText(raw).replace(/:+$/, "");
  if (!unit) return null;
  const alias = UNIT_ALIASES[unit.toLowerCase()];
  return alias ?? unit;
}

/** Parses Swedish number text with an optional unit after it. Null when it isn't a number. */
export function parseNumberText(text: string): Quantity | null {
  const cleaned = cleanText(text).replace(MINUS, "-");
  if (!cleaned) return null;
  const m = NUMBER.exec(cleaned);
  if (!m) return null;
  const [whole, sign, intPart, , frac] = m;
  const digits = intPart.replace(/[ \u00a0\u202f]/g, "");
  const value = Number(`${sign}${digits}${frac !== undefined ? "." + frac : ""}`);
  if (!Number.isFinite(value)) return null;
  return withUnit(value, frac?.length ?? 0, cleaned.slice(whole.length));
}

function withUnit(value: number, decimals: number, rest: string): Quantity | null {
  const tail = rest.trim();
  if (!tail) return { value, unit: null, decimals };
  // A number followed by more digits or operators isn't a quantity (`2020-01-01`, `3 - 5`).
  if (/^[\d,.:/-]/.test(tail) && tail !== "%") return null;
  const unit = normaliseUnit(tail);
  return { value, unit, decimals };
}

/** Reads the unit a number format displays: `0.0 %` → `%`, `#,##0 "st"` → `st`. */
export function unitFromFormat(format: string | null | undefined): {
  unit: string | null;
  percent: boolean;
  decimals: number | null;
} {
  if (!format || format === "General" || format === "@")
    return { unit: null, percent: false, decimals: null };
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

/** Rounds away binary floating noise: 0.041*100 → 4.1, not 4.1000000000000005. */
export function clean(value: number, decimals = 10): number {
  const f = 10 ** decimals;
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
  if (value === null || value === "") return { kind: "empty" };
  if (typeof value === "boolean") return { kind: "text", text: String(value) };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "error", text: String(value) };
    const fmt = unitFromFormat(format);
    const shown = fmt.percent ? clean(value * 100) : clean(value);
    const decimals = fmt.decimals ?? decimalsOf(shown);
    return { kind: "quantity", quantity: { value: shown, unit: fmt.unit, decimals } };
  }
  if (isExcelError(value)) return { kind: "error", text: value.trim() };
  const text = cleanText(value);
  if (!text) return { kind: "empty" };
  const q = parseNumberText(text);
  if (q) return { kind: "quantity", quantity: q };
  return { kind: "text", text };
}

/** Decimals in a number's shortest printed form (2.13 → 2). */
export function decimalsOf(n: number): number {
  const s = String(n);
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}
