/**
 * Number formats, labels and small text helpers for the generated report sheets.
 * Format codes are locale-invariant (Swedish Excel shows `#,##0.0` as `2 435,3`).
 */
import type {
  Assessment,
  GoalLevel,
  Goal,
  Indicator,
  IndicatorFigure,
  KfStatus,
  StatusBasis,
} from "../model/types";
import { normaliseUnit } from "../parse/quantity";
import { isJudged } from "../evaluate/judged";
import type { StatusLabel } from "./look";
import { ASSESSMENT_LABELS, FORECAST_SUFFIX, STATUS_LABELS } from "./look";
import type { OutCell } from "./spec";
import { numberCell } from "./spec";

/** Decimals a number shows when written without floating noise (4.1 → 1, 2.13 → 2, 4 → 0), at most 4. */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n)) return 0;
  // An integer below 1e21 prints without a dot or exponent.
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return 0;
  const text = String(Number(n.toFixed(4)));
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : Math.min(4, text.length - dot - 1);
}

/** `10 ** d` for the decimals a report rounds to, worked out once rather than per figure. */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, d) => 10 ** d);

/** Rounds away floating noise: `round(0.040999999, 5)` → 0.041. */
export function round(n: number, decimals: number): number {
  const f = POWERS_OF_TEN[decimals] ?? 10 ** decimals;
  return Math.round(n * f + (n >= 0 ? 1e-9 : -1e-9)) / f;
}

function digits(decimals: number): string {
  return decimals > 0 ? `.${"0".repeat(decimals)}` : "";
}

/** Quotes literal text for a number format (`"Max "`); quotes inside are dropped. */
function literal(text: string): string {
  return `"${text.replace(/"/g, "")}"`;
}

/** The most decimals a figure's format shows (as many as a target's text renders with). */
const MAX_SHOWN_DECIMALS = 10;

/** Number formats by unit, bound word and decimals: a report has a handful, over thousands of cells. */
const figureFormats = new Map<string | null, string[]>();

/**
 * A number for each word a bound is written with (`Max`, `Högst`, `Minst`, from `boundWord`), 0
 * for none: the words are few (parse/target.ts reads a handful), their numbers kept for the run.
 */
const boundIds = new Map<string, number>();

function boundId(bound: string | null): number {
  if (bound === null) return 0;
  let id = boundIds.get(bound);
  if (id === undefined) boundIds.set(bound, (id = boundIds.size + 1));
  return id;
}

/** A format's place in its unit's list of {@link figureFormats}: by bound word ({@link boundId}), then decimals. */
function formatPlace(bound: string | null, decimals: number): number {
  return boundId(bound) * (MAX_SHOWN_DECIMALS + 1) + decimals;
}

function figureFormat(unit: string | null, bound: string | null, decimals: number): string {
  let formats = figureFormats.get(unit);
  if (!formats) figureFormats.set(unit, (formats = []));
  const at = formatPlace(bound, decimals);
  let format = formats[at];
  if (format === undefined) {
    const pre = bound ? literal(`${bound} `) : "";
    const base = `#,##0${digits(decimals)}`;
    format = formats[at] =
      unit === "%"
        ? `${pre}0${digits(decimals)} %`
        : unit
          ? `${pre}${base} ${literal(unit)}`
          : `${pre}${base}`;
  }
  return format;
}

/**
 * Cell value and number format for an indicator figure in the unit `unit`.
 * `%` figures (model: 4.1 for 4,1 %) become fractions (0.041) with `0.0 %`; `st` gets `#,##0 "st"`;
 * other units `#,##0.0 "<unit>"`; no unit a plain number. The format shows `shown` decimals, as the
 * source showed the figure (`4,0 %` stays `4,0 %`); without them, as many as the figure has. The
 * value keeps every decimal it has. `bound`: a ceiling's or floor's word as the source wrote it
 * (`Högst`, `Max`, `Minst`: parse/target.ts `boundWord`), which the format shows before the number.
 */
export function indicatorNumber(
  n: number,
  unit: string | null,
  bound: string | null = null,
  shown?: number,
): { value: number; format: string } {
  const decimals = figureDecimals(n, shown);
  return { value: figureValue(n, unit, decimals, shown), format: figureFormat(unit, bound, decimals) };
}

/** The decimals a figure's format shows: `shown` (as the source showed it) when known, else its own. */
function figureDecimals(n: number, shown: number | undefined): number {
  if (shown === undefined || !Number.isInteger(shown)) return decimalsOf(n);
  return Math.min(Math.max(shown, 0), MAX_SHOWN_DECIMALS);
}

/** A figure's cell value under a format showing `decimals` ({@link figureDecimals} of `shown`). */
function figureValue(n: number, unit: string | null, decimals: number, shown: number | undefined): number {
  let precision = decimals;
  if (shown !== undefined && Number.isInteger(shown)) {
    // A figure with no more decimals than it shows (most) needs no count of its own, nor rounding.
    if (round(n, decimals) === n) return unit === "%" ? round(n / 100, decimals + 2) : n;
    precision = Math.max(decimalsOf(n), decimals);
  }
  return unit === "%" ? round(n / 100, precision + 2) : round(n, precision);
}

/**
 * Figure cells ({@link indicatorNumber} in a `normal` number cell), made once per column, unit,
 * target kind, decimals shown and figure as the model holds it: thousands of rows repeat a few
 * hundred figures, which then cost one lookup each, with no rounding and no new number.
 */
export class FigureCells {
  /** By column, then unit: the figures' cells by the format's place in {@link figureFormat}'s list. */
  private readonly slots: Map<string | null, FigureSlot[]>[] = [];
  /** Per column, the slot met last and its unit and place: a column's figures mostly share one. */
  private readonly lastSlot: (FigureSlot | undefined)[] = [];
  private readonly lastUnit: (string | null)[] = [];
  private readonly lastPlace: number[] = [];

  get(column: number, n: number, unit: string | null, bound: string | null, shown?: number): OutCell {
    const decimals = figureDecimals(n, shown);
    // A Map takes -0 for 0: a -0 gets a cell of its own.
    if (n === 0 && 1 / n < 0) return figureCell(n, unit, bound, decimals, shown);
    const slot = this.slot(column, unit, formatPlace(bound, decimals));
    // As an int32 (`| 0`) the digits are usually a small integer to V8, not a number boxed on the heap.
    const digits = (n * POWERS_OF_TEN[decimals]) | 0;
    const exact = digits / POWERS_OF_TEN[decimals] === n;
    if (exact && digits >= 0 && digits < SMALL_DIGITS) {
      const small = (slot.small ??= new Array<OutCell | undefined>(SMALL_DIGITS).fill(undefined));
      return (small[digits] ??= figureCell(n, unit, bound, decimals, shown));
    }
    const cells = exact ? slot.byDigits : slot.byFigure;
    const key = exact ? digits : n;
    let cell = cells.get(key);
    // Whether `shown` was given changes no value but that of -0.
    if (cell === undefined) cells.set(key, (cell = figureCell(n, unit, bound, decimals, shown)));
    return cell;
  }

  private slot(column: number, unit: string | null, place: number): FigureSlot {
    const last = this.lastSlot[column];
    if (last !== undefined && this.lastUnit[column] === unit && this.lastPlace[column] === place) return last;
    const byUnit = (this.slots[column] ??= new Map());
    let byFormat = byUnit.get(unit);
    if (byFormat === undefined) byUnit.set(unit, (byFormat = []));
    const slot = (byFormat[place] ??= { small: undefined, byDigits: new Map(), byFigure: new Map() });
    this.lastSlot[column] = slot;
    this.lastUnit[column] = unit;
    this.lastPlace[column] = place;
    return slot;
  }
}

/** Digits below this (0 to 100,0 % in tenths, counts below a thousand) find their cell in an array. */
const SMALL_DIGITS = 1024;

/**
 * The cells of one format in one column. A figure that is exactly its digits over 10^decimals, the
 * digits an int32 (most figures), is found by those digits: in `small` when they are few (an array
 * read, where a Map hashes), else in `byDigits` (a small integer, which a Map hashes and compares
 * without reading a number from the heap: a cache miss each, for thousands of figures). Others
 * are found by the figure itself.
 */
interface FigureSlot {
  small: (OutCell | undefined)[] | undefined;
  byDigits: Map<number, OutCell>;
  byFigure: Map<number, OutCell>;
}

function figureCell(
  n: number,
  unit: string | null,
  bound: string | null,
  decimals: number,
  shown: number | undefined,
): OutCell {
  return numberCell(figureValue(n, unit, decimals, shown), figureFormat(unit, bound, decimals));
}

/**
 * The unit a figure is judged in: the one it was written with (`16 st` in a row of `barn/avd.`
 * stays `16 st`), else its row's. A written unit that is the row's own spelled otherwise (`%` in a
 * row of `procent`, `st` in one of `St` or `st.`) is named as the row spells it, so a row reads
 * one way. The tables write a figure's cell with the unit its source cell showed
 * ({@link asRowSpells}), not this.
 */
export function figureUnit(ind: Indicator, field: IndicatorFigure): string | null {
  const units = ind.units;
  if (!units || field === "outcomeMen" || field === "outcomeWomen") return ind.unit;
  const written = units[field];
  return written === null ? ind.unit : asRowSpells(ind, written);
}

/** A unit a figure was written with, spelled as its row spells it where it is the row's own. */
export function asRowSpells(ind: Indicator, written: string): string {
  // Most rows write every figure in the row's unit: equal texts need no normalising.
  if (written === ind.unit || ind.unit === null || sameUnit(written, ind.unit)) return ind.unit ?? written;
  return written;
}

/** Whether two unit texts name one unit: alike once normalised, but for case and a trailing dot. */
function sameUnit(a: string, b: string): boolean {
  const key = (unit: string) => (normaliseUnit(unit) ?? "").toLowerCase().replace(/\.$/, "");
  return key(a) === key(b);
}

/** Number format for budget amounts: mnkr with one decimal, tkr and kr whole. */
export function amountFormat(unit: "mnkr" | "tkr" | "kr"): string {
  return unit === "mnkr" ? "#,##0.0" : "#,##0";
}

export const DATE_FORMAT = "yyyy-mm-dd";

/** `YYYY-MM-DD` to an Excel date serial (1900 system), or null when it is not a date. */
export function excelSerial(iso: string | null): number | null {
  // Read by characters, as /^(\d{4})-(\d{2})-(\d{2})$/ would: every activity has two dates.
  if (!iso || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  if (year < 0 || month < 0 || day < 0) return null;
  const ms = Date.UTC(year, month - 1, day);
  if (Number.isNaN(ms)) return null;
  return Math.round(ms / 86_400_000) + 25_569;
}

/** The number written by `count` ASCII digits from `at`, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

export type { StatusLabel } from "./look";

/** Symbol and word for a status; one judged on the forecast says so (`● Uppfyllt (prognos)`). */
export function statusLabel(status: KfStatus, basis: StatusBasis | null = null): StatusLabel {
  return isJudged(status) && basis === "forecast" ? FORECAST_LABELS[status] : STATUS_LABELS[status];
}

/** The labels of statuses judged on the forecast, made once. */
const FORECAST_LABELS = Object.fromEntries(
  (["met", "partly-met", "not-met"] as const).map((status) => [
    status,
    { ...STATUS_LABELS[status], text: STATUS_LABELS[status].text + FORECAST_SUFFIX },
  ]),
) as Record<"met" | "partly-met" | "not-met", StatusLabel>;

export function assessmentLabel(assessment: Assessment | null): StatusLabel {
  return assessment ? ASSESSMENT_LABELS[assessment] : { text: "Saknas", tone: "neutral" };
}

const LEVEL_LABELS: Record<GoalLevel, string> = {
  inriktningsmal: "KF:s inriktningsmål",
  "kf-mal": "KF:s mål för verksamhetsområdet",
  namndmal: "Nämndmål",
  enhetsmal: "Enhetsmål",
};

export function levelLabel(level: GoalLevel): string {
  return LEVEL_LABELS[level];
}

/**
 * `1.1.1 Invånare i stadsdelsområdet …` (number when there is one, then the title). `written`: the
 * number as the source writes it (`1.2.`), where the report could read it.
 */
export function goalName(goal: Goal, written: string | null = null): string {
  if (!goal.number) return goal.title;
  // The reports write a one-part number with its dot (`1. En modern storstad`), deeper ones without.
  const number = written ?? `${goal.number}${goal.number.includes(".") ? "" : "."}`;
  // A goal named only by its number in a Mål column has no title.
  return goal.title ? `${number} ${goal.title}` : number;
}

/**
 * The tags a web export leaves in pasted text (`<p>`, `</p>`, `<br>`, `<i>`, `<li>`): named, so
 * that `<Skriv analys här>`, `Anna <anna@…>` or `a<b och c>d` stay as written.
 */
const TAG = /<\/?(?:p|br|div|span|li|ul|ol|i|b|u|em|strong|font|h[1-6])\b[^<>]*>/gi;
/** Where a block of such text ends (a paragraph, a list item, a line break): a new line there. */
const BLOCK_END = /<\/(?:p|div|li|h[1-6])>|<br\b[^<>]*>/gi;
const ENTITIES: Record<string, string> = {
  "&nbsp;": " ",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
};

/**
 * A user's text (an analysis) as a report's cell prints it: the HTML a web export leaves (004
 * lines 185, 268: `<p>Enheten …</p> <p>Nedan finns …</p>`) becomes its paragraphs, one a line,
 * with its tags gone and its entities read; a text without such tags is left as written, and so is
 * one that would be left empty.
 */
export function shownText(text: string): string {
  if (!text.includes("<") || text.search(TAG) < 0) return text;
  const shown = text
    .replace(BLOCK_END, "\n")
    .replace(TAG, "")
    .replace(/&(?:nbsp|amp|lt|gt|quot);/g, (entity) => ENTITIES[entity])
    .replace(/[ \t]*\n[ \t\n]*/g, "\n")
    .trim();
  return shown === "" ? text : shown;
}

/** The report's heading: `KF:s mål för verksamhetsområdet: 1.1 I Stockholm …`. */
export function goalHeading(goal: Goal, written: string | null = null): string {
  return `${levelLabel(goal.level)}: ${goalName(goal, written)}`;
}

/** Swedish display of a number for sentences (`2 435,3`, `4,1 %`), as `sv-SE` number formatting shows it. */
const svFormats = new Map<number, Intl.NumberFormat>();

function svFormat(decimals: number): Intl.NumberFormat {
  let format = svFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat("sv-SE", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    svFormats.set(decimals, format);
  }
  return format;
}

export function svNumber(n: number, unit: string | null, decimals: number = decimalsOf(n)): string {
  const places = Number.isInteger(decimals) ? Math.min(Math.max(decimals, 0), MAX_SHOWN_DECIMALS) : 0;
  const text = svDigits(n, places);
  return unit ? `${text} ${unit}` : text;
}

/**
 * `n` with `places` decimals the way `Intl.NumberFormat("sv-SE")` writes it (grouped by space,
 * decimal comma, a hyphen for minus): rounded half away from zero on the number's shortest decimal
 * form, as ICU rounds (1.005 → `1,01`). Written by hand for the numbers a report has (the sentences
 * of a large workbook have tens of thousands); others go to Intl.
 */
function svDigits(n: number, places: number): string {
  const abs = Math.abs(n);
  if (!Number.isFinite(n) || (abs !== 0 && (abs < 1e-6 || abs >= 1e21)))
    return svFormat(places)
      .format(n)
      .replace(/\u2212/g, "-")
      .replace(/\u00a0/g, " ");
  let int: string;
  let frac: string;
  const scaled = Math.round(abs * POWERS_OF_TEN[places]);
  if (scaled < EXACT_SCALED && scaled / POWERS_OF_TEN[places] === abs) {
    // No more decimals than `places` (most figures, as shown): the digits are those of an integer,
    // which prints faster than a fraction. Below 2^51 the number's float spacing is under half a
    // step of the last place, so its shortest decimal form rounds to these digits.
    const digits = String(scaled);
    const padded = digits.length > places ? digits : "0".repeat(places + 1 - digits.length) + digits;
    int = padded.slice(0, padded.length - places);
    frac = padded.slice(padded.length - places);
    return grouped(n, int, frac, places);
  }
  const text = String(abs);
  const dot = text.indexOf(".");
  int = dot < 0 ? text : text.slice(0, dot);
  frac = dot < 0 ? "" : text.slice(dot + 1);
  if (frac.length > places) {
    const up = frac.charCodeAt(places) >= 53;
    frac = frac.slice(0, places);
    if (up) {
      // One unit more in the last place kept, carrying through nines.
      const digits = int + frac;
      let i = digits.length - 1;
      while (i >= 0 && digits.charCodeAt(i) === 57) i--;
      const raised =
        (i < 0 ? "1" : digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1)) +
        "0".repeat(digits.length - 1 - i);
      int = raised.slice(0, raised.length - places);
      frac = raised.slice(raised.length - places);
    }
  } else if (frac.length < places) frac += "0".repeat(places - frac.length);
  return grouped(n, int, frac, places);
}

/** Bound on a figure scaled to an integer of its last place, for {@link svDigits}' short way. */
const EXACT_SCALED = 2 ** 51;

/** `n`'s digits `int`,`frac` grouped by space, with a decimal comma and its sign. */
function grouped(n: number, int: string, frac: string, places: number): string {
  let groups = int.length <= 3 ? int : "";
  if (!groups)
    for (let end = int.length; end > 0; end -= 3)
      groups = int.slice(Math.max(0, end - 3), end) + (groups ? ` ${groups}` : "");
  const sign = n < 0 || Object.is(n, -0) ? "-" : "";
  return places > 0 ? `${sign}${groups},${frac}` : `${sign}${groups}`;
}
