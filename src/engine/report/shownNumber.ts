/**
 * What a number shows under one of the report's number formats, as Swedish Excel shows it. Kept
 * apart from the layout's measures: the task pane's Word copy needs it in its first chunk.
 */
import { LAST_SERIAL, serialToIso } from "../parse/date";

/** The parts of a report number format that decide what a number shows. */
export interface ShownFormat {
  date: boolean;
  /** Literal text before and after the number (`Max `, ` st`, ` %`). */
  prefix: string;
  suffix: string;
  /** null: General (as many decimals as the value has). */
  decimals: number | null;
  percent: boolean;
  /** 10 ** decimals (NaN for General). */
  scale: number;
}

/** Reads `#,##0.0`, `0.0 %`, `"Max "#,##0 "st"`, `yyyy-mm-dd`; any other format as General. */
export function shownFormat(format: string | undefined): ShownFormat {
  const key = format ?? "";
  if (/^yyyy-mm-dd$/i.test(key))
    return { date: true, prefix: "", suffix: "", decimals: 0, percent: false, scale: 1 };
  const m = /^(?:"([^"]*)")?(#,##0|0)(?:\.(0+))?(.*)$/.exec(key);
  const rest = m?.[4] ?? "";
  return {
    date: false,
    prefix: m?.[1] ?? "",
    suffix: rest.replace(/"/g, ""),
    decimals: m ? (m[3]?.length ?? 0) : null,
    // A quoted `%` is text (`"%-enheter"`); only a bare one scales the value by 100.
    percent: rest.replace(/"[^"]*"/g, "").includes("%"),
    scale: m ? 10 ** (m[3]?.length ?? 0) : NaN,
  };
}

/** Decimals General shows of a number (at most 4). */
export function decimalsShown(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(Number(value.toFixed(4)));
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

const GROUPING = /\B(?=(\d{3})+(?!\d))/g;

/** A string of decimal digits plus one (`"199"` → `"200"`, `"99"` → `"100"`). */
function plusOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57 /* 9 */) i--;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return (
    digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + "0".repeat(digits.length - i - 1)
  );
}

/**
 * `value` with `decimals` decimals as Excel shows it (`1.9` for 0.0185 under `0.0 %`, `shift` 2 for
 * a percent), a `.` for the point and `-` for a minus: from its 15 significant digits, as Excel
 * keeps them, rounded half away from zero. `toFixed` rounds the binary number instead, just below
 * the half for many decimals (0.0185 × 100 is 1.8499…: `1.8`).
 */
export function excelFixed(value: number, decimals: number, shift = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split("e");
  const digits = mantissa.replace(".", "");
  /** How many of the digits to keep: those before the point, and the decimals. */
  const keep = Number(exponent) + 1 + shift + decimals;
  let kept = keep <= 0 ? "" : keep <= digits.length ? digits.slice(0, keep) : digits.padEnd(keep, "0");
  if (keep >= 0 && keep < digits.length && digits.charCodeAt(keep) >= 53 /* 5 */) kept = plusOne(kept);
  const padded = kept.padStart(decimals + 1, "0");
  const int = padded.slice(0, padded.length - decimals).replace(/^0+(?=\d)/, "");
  const text = decimals > 0 ? `${int}.${padded.slice(padded.length - decimals)}` : int;
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** `2435.3` with 1 decimal → `2 435,3` (`shift` 2: a percent, the value × 100). */
function swedish(n: number, decimals: number, shift = 0): string {
  // The grouping never matches after a minus (`\B` there is false): `-1234` groups as `-1 234`.
  const [int, frac] = excelFixed(n, decimals, shift).split(".");
  return `${int.replace(GROUPING, " ")}${frac ? `,${frac}` : ""}`;
}

/** An Excel date serial (1900 system) as `YYYY-MM-DD`, or null when it is no date. */
export function excelSerialToIso(serial: number): string | null {
  const iso = serialToIso(serial);
  if (iso !== null || !(serial > LAST_SERIAL)) return iso;
  // Past 9999-12-31 the layout still measures what Date writes.
  const date = new Date((Math.floor(serial) - 25_569) * 86_400_000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/**
 * What a number shows under one of the report's formats (`#,##0.0`, `0.0 %`, `"Max "#,##0 "st"`,
 * `yyyy-mm-dd`), as Swedish Excel shows it; other formats as a plain number.
 */
export function formattedNumber(value: number, format: string | undefined): string {
  const t = shownFormat(format);
  if (t.date) return excelSerialToIso(value) ?? swedish(value, 0);
  // A percent format always states its decimals: General (null) is no percent.
  const shown = swedish(value, t.decimals ?? decimalsShown(value), t.percent ? 2 : 0);
  return `${t.prefix}${shown}${t.suffix}`;
}
