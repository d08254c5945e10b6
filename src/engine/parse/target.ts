import type { CellValue } from "../grid";
import type { TargetKind } from "./types";
import { cleanText, matchKey } from "./text";
import { numberQuantity, parseNumberText, parseQuantityCell } from "./quantity";
import { saysNoValue } from "./dashes";

export interface ParsedTarget {
  kind: TargetKind;
  /** The number for value/min/max; the half-width for band; null otherwise. */
  value: number | null;
  unit: string | null;
  decimals: number;
  /** The cell's text as written (numbers rendered as shown), or null when empty. */
  text: string | null;
}

export type TargetResult = { ok: true; target: ParsedTarget } | { ok: false; text: string };

const NONE: ParsedTarget = { kind: "none", value: null, unit: null, decimals: 0, text: null };

/**
 * Årsmål / KF:s årsmål cells: `3,3 %`, `800 st`, `75`, `+/- 1 %`, `±1 %`, `Max 10 personer`,
 * `Minst 90 %`, `öka`, `Tas fram av nämnd[/styrelse]`, `-`, empty.
 */
export function parseTargetCell(value: CellValue, format?: string | null): TargetResult {
  if (typeof value === "number") {
    const q = numberQuantity(value, format);
    if (q) {
      const { value: v, unit, decimals } = q;
      return {
        ok: true,
        target: { kind: "value", value: v, unit, decimals, text: renderNumber(v, unit, decimals) },
      };
    }
  }
  // A text reads the same whatever its format: the same few (`Tas fram av nämnd`, `80 %`) fill a column.
  if (typeof value !== "string" || value.length > CACHED_TEXT_LENGTH) return parseTarget(value, format);
  let known = targetTexts.get(value);
  if (!known) {
    if (targetTexts.size >= TARGET_CACHE_SIZE) targetTexts.clear();
    targetTexts.set(value, (known = parseTarget(value, format)));
  }
  return known;
}

/** Results by text, shared (never changed). Longer texts are prose, rarely seen twice. */
const targetTexts = new Map<string, TargetResult>();
const TARGET_CACHE_SIZE = 10_000;
const CACHED_TEXT_LENGTH = 40;

function parseTarget(value: CellValue, format?: string | null): TargetResult {
  const q = parseQuantityCell(value, format);
  if (q.kind === "empty") return { ok: true, target: NONE };
  if (q.kind === "error") return { ok: false, text: q.text };
  const text = typeof value === "string" ? cleanText(value) : String(value);
  if (q.kind === "quantity") {
    const { value: v, unit, decimals } = q.quantity;
    return { ok: true, target: { kind: "value", value: v, unit, decimals, text } };
  }
  const key = matchKey(text);
  if (
    /^[-–—]+$/.test(text) ||
    key === "" ||
    key === "saknas" ||
    key === "ej" ||
    key === "inget" ||
    saysNoValue(text)
  ) {
    return { ok: true, target: { ...NONE, text } };
  }
  if (key.startsWith("tasframav"))
    return { ok: true, target: { kind: "delegated", value: null, unit: null, decimals: 0, text } };
  if (/^(oka|okning|okat|hoja|hogre)$/.test(key))
    return { ok: true, target: { kind: "increase", value: null, unit: null, decimals: 0, text } };
  if (/^(minska|minskning|sanka|lagre)$/.test(key))
    return { ok: true, target: { kind: "none", value: null, unit: null, decimals: 0, text } };
  const band = /^(?:\+\s*\/\s*-|±|\+-)\s*(.+)$/.exec(text.replace(/[\u2212\u2013]/g, "-"));
  if (band) {
    const n = parseNumberText(band[1]);
    if (n)
      return {
        ok: true,
        target: { kind: "band", value: Math.abs(n.value), unit: n.unit, decimals: n.decimals, text },
      };
  }
  const bound = BOUND.exec(text);
  if (bound) {
    const n = parseNumberText(bound[2]);
    if (n) {
      const isMax = /^(max|högst|hogst)/i.test(bound[1]);
      return {
        ok: true,
        target: { kind: isMax ? "max" : "min", value: n.value, unit: n.unit, decimals: n.decimals, text },
      };
    }
  }
  return { ok: false, text };
}

/** A ceiling or floor: its word as written (with a dot after it, `Max.`), then its number. */
const BOUND = /^((?:max(?:imalt|imum)?|högst|hogst|min(?:st|imum)?|lägst)\.?)\s*(.+)$/i;

/**
 * The word a `max` or `min` target was written with, as written (`Högst`, `Max`, `Minst`,
 * `lägst`, `Max.`), which the report prints before its number. A target whose text names none (a
 * model made in code) is `Max` or `Minst`.
 */
export function boundWord(kind: "max" | "min", text: string | null): string {
  const written = text === null ? null : BOUND.exec(text.trim());
  return written ? written[1] : kind === "max" ? "Max" : "Minst";
}

/** Renders a number the Swedish way for messages and `targetText` of numeric cells: `2 435,3`, `4,1 %`. */
export function renderNumber(value: number, unit: string | null, decimals: number): string {
  return renderWith(value, unit, decimals, "\u00a0", ",");
}

/** The same number for English messages: `2,435.3`, `4.1 %`. */
export function renderNumberEn(value: number, unit: string | null, decimals: number): string {
  return renderWith(value, unit, decimals, ",", ".");
}

function renderWith(
  value: number,
  unit: string | null,
  decimals: number,
  group: string,
  point: string,
): string {
  const fixed = Math.abs(value).toFixed(Math.max(0, Math.min(decimals, 10)));
  const dot = fixed.indexOf(".");
  // Most numbers have at most three integer digits: nothing to group, one copy for the decimal point.
  const digits =
    (dot < 0 ? fixed.length : dot) > 3
      ? groupedDigits(fixed, dot, group, point)
      : dot < 0
        ? fixed
        : fixed.replace(".", point);
  const num = value < 0 && Number(fixed) !== 0 ? `-${digits}` : digits;
  return unit ? `${num} ${unit}` : num;
}

/** `fixed` (from toFixed, its `.` at `dot` or none) with its integer digits grouped by threes. */
function groupedDigits(fixed: string, dot: number, group: string, point: string): string {
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  const frac = dot < 0 ? "" : fixed.slice(dot + 1);
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${frac ? point + frac : ""}`;
}
