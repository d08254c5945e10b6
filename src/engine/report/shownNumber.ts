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

/** `2435.3` with 1 decimal → `2 435,3`. */
function swedish(n: number, decimals: number): string {
  const [int, frac] = Math.abs(n).toFixed(decimals).split(".");
  const sign = n < 0 && Number(Math.abs(n).toFixed(decimals)) !== 0 ? "-" : "";
  return `${sign}${int.replace(GROUPING, " ")}${frac ? `,${frac}` : ""}`;
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
  const shown = swedish(t.percent ? value * 100 : value, t.decimals ?? decimalsShown(value));
  return `${t.prefix}${shown}${t.suffix}`;
}
