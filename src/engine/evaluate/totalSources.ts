/**
 * Where a total's budget deviation comes from: the rows it adds whose own deviation is large. The
 * analyses are written where a deviation arises (002 per area, 004 per cost), so a `Totalt` or
 * `Netto` whose large rows account for its deviation is explained there, and asking for its own
 * analysis too only repeats their findings.
 */
import type { BudgetLine } from "../model/types";
import { matchKey } from "../parse/text";
import { roundingTolerance } from "./amounts";

/** A line's deviation as judged: the table's Avvikelse, else the one computed from its amounts. */
export function judgedDeviation(line: BudgetLine): number | null {
  return line.deviation ?? line.computedDeviation;
}

/** The large rows a total comes from: the first few to name, and how many in all. */
export interface LargeSources {
  named: BudgetLine[];
  count: number;
}

/** How many large rows a total's finding names. */
const NAMED = 3;

/**
 * Sums of some lines' deviations, kept as lines are added, so that each reading of a total costs
 * what it adds once (a table of 10 000 rows and as many totals stays linear).
 */
class Tally {
  sum = 0;
  largeSum = 0;
  terms = 0;
  /** A line without a deviation: the reading says nothing. */
  gap = false;
  named: BudgetLine[] = [];
  count = 0;

  add(line: BudgetLine, large: boolean): void {
    const deviation = judgedDeviation(line);
    if (deviation === null) {
      this.gap = true;
      return;
    }
    this.sum += deviation;
    this.terms++;
    if (!large) return;
    this.largeSum += deviation;
    this.count++;
    if (this.named.length < NAMED) this.named.push(line);
  }

  /** This tally and `other` as one (the sub-totals so far and the rows since the last). */
  plus(other: Tally): Tally {
    const both = new Tally();
    both.sum = this.sum + other.sum;
    both.largeSum = this.largeSum + other.largeSum;
    both.terms = this.terms + other.terms;
    both.gap = this.gap || other.gap;
    both.named = [...this.named, ...other.named].slice(0, NAMED);
    both.count = this.count + other.count;
    return both;
  }
}

/**
 * The large rows that account for each total's (and each Netto's) deviation, for the totals
 * `wanted` asks about (large ones without an analysis). The rows a total adds are read as the
 * total check reads them: the rows since the previous total, with their Intäkter or Kostnader row or
 * without it (its ordinary rows alone may be the sum); with sub-totals above, those and the rows
 * after the last, or every ordinary row; a Netto its Kostnader and Intäkter ({@link nettoParts}).
 * Only a reading whose deviations add up to the total's own is trusted. Its large rows account for
 * the total when what they leave is small both for the total (its threshold) and beside the total
 * (at most half of it): one large row of 0,6 among six of 0,5 does not explain a total of 3,6.
 */
export function totalSources(
  table: readonly BudgetLine[],
  isLarge: (line: BudgetLine) => boolean,
  threshold: (line: BudgetLine) => number | null,
  wanted: (line: BudgetLine) => boolean,
): Map<BudgetLine, LargeSources> {
  const sources = new Map<BudgetLine, LargeSources>();
  const explain = (total: BudgetLine, readings: (() => Tally)[]): void => {
    const deviation = judgedDeviation(total);
    const limit = threshold(total);
    if (deviation === null || limit === null) return;
    for (const reading of readings) {
      const tally = reading();
      if (!accounts(total, deviation, limit, tally)) continue;
      // A copy: the running tally of ordinary rows goes on past this total.
      sources.set(total, { named: [...tally.named], count: tally.count });
      return;
    }
  };
  const large = table.map(isLarge);
  const nettoPairs = nettoParts(table);
  let since: number[] = [];
  let subtotals = new Tally();
  const ordinary = new Tally();
  table.forEach((line, at) => {
    if (
      line.kind === "row" ||
      line.kind === "intakter" ||
      line.kind === "kostnader" ||
      line.kind === "netto"
    ) {
      if (line.kind === "netto" && wanted(line)) {
        const parts = nettoPairs.get(at);
        if (parts) explain(line, [() => tallyOf(parts, table, large)]);
      }
      since.push(at);
      if (line.kind === "row") ordinary.add(line, large[at]);
      return;
    }
    if (line.kind !== "total") return;
    if (wanted(line)) {
      const nettoAmong = since.some((i) => table[i].kind === "netto");
      const rowsOnly = since.filter((i) => table[i].kind === "row");
      const all = nettoAmong ? rowsOnly : since;
      const readings = [() => tallyOf(all, table, large)];
      if (rowsOnly.length !== all.length) readings.push(() => tallyOf(rowsOnly, table, large));
      if (subtotals.terms > 0 || subtotals.gap)
        readings.push(
          () => subtotals.plus(tallyOf(all, table, large)),
          () => ordinary,
        );
      explain(line, readings);
    }
    const own = new Tally();
    own.add(line, large[at]);
    subtotals = subtotals.plus(own);
    since = [];
  });
  return sources;
}

function tallyOf(indices: readonly number[], table: readonly BudgetLine[], large: readonly boolean[]): Tally {
  const tally = new Tally();
  for (const i of indices) tally.add(table[i], large[i]);
  return tally;
}

/** Whether a reading's deviations add up to the total's and its large rows leave little of it. */
function accounts(total: BudgetLine, deviation: number, limit: number, tally: Tally): boolean {
  if (tally.gap || tally.terms === 0 || tally.count === 0) return false;
  if (Math.abs(tally.sum - deviation) > roundingTolerance(total.unit, tally.terms + 1)) return false;
  const left = Math.abs(deviation - tally.largeSum);
  return left <= limit + 1e-9 && left <= Math.abs(deviation) / 2 + 1e-9;
}

/**
 * Each Netto's Kostnader and Intäkter (by the Netto's index), from its block: the nearest before it,
 * since the previous Netto or total, or, where those do not add up to it and the nearest after it do
 * (002 line 1926 leads with its Netto), those. Each part goes to one Netto. Decided Netto by Netto,
 * not for the table: a table may mix the two orders, or open with a summary Netto of no block.
 */
export function nettoParts(table: readonly BudgetLine[]): Map<number, [number, number]> {
  const pairs = new Map<number, [number, number]>();
  const claimed = new Set<number>();
  const ends = (line: BudgetLine) => line.kind === "netto" || line.kind === "total";
  /** The nearest unclaimed pair `step`-wards, and whether the block ends there at another Netto. */
  const nearest = (at: number, step: number): { pair: [number, number] | null; atNetto: boolean } => {
    let costs = -1;
    let income = -1;
    let i = at + step;
    for (; i >= 0 && i < table.length && !ends(table[i]); i += step) {
      if (claimed.has(i)) continue;
      if (table[i].kind === "kostnader" && costs < 0) costs = i;
      else if (table[i].kind === "intakter" && income < 0) income = i;
    }
    const atNetto = i >= 0 && i < table.length && table[i].kind === "netto";
    return { pair: costs >= 0 && income >= 0 ? [costs, income] : null, atNetto };
  };
  table.forEach((line, at) => {
    if (line.kind !== "netto") return;
    const before = nearest(at, -1).pair;
    const after = before && addsUp(table, at, before) ? null : nearest(at, 1);
    // Parts after it that do not add up to it are its own (a wrong leading Netto) only where no
    // other Netto closes them: a summary Netto over the blocks is no block's.
    const pair =
      after?.pair && (addsUp(table, at, after.pair) || (!before && !after.atNetto)) ? after.pair : before;
    if (!pair) return;
    pairs.set(at, pair);
    claimed.add(pair[0]);
    claimed.add(pair[1]);
  });
  return pairs;
}

/** Whether Kostnader and Intäkter at `pair` add up to the Netto at `at` in its first shared amount. */
function addsUp(table: readonly BudgetLine[], at: number, [costs, income]: [number, number]): boolean {
  const netto = table[at];
  for (const key of ["budget", "forecast", "deviation"] as const) {
    const n = netto[key];
    const c = table[costs][key];
    const i = table[income][key];
    if (n !== null && c !== null && i !== null)
      return Math.abs(c + i - n) <= roundingTolerance(netto.unit, 3);
  }
  return false;
}

/**
 * Of a total's parts, the cost rows alone where its label names its costs and nothing else
 * (`Summa kostnader`, not `Summa nettokostnader` nor `Summa intäkter och kostnader`): the sum its
 * mismatch quotes. Null where the label does not.
 */
export function costRowsOf(total: BudgetLine, parts: readonly BudgetLine[]): BudgetLine[] | null {
  return COSTS_ALONE.has(matchKey(total.label)) ? parts.filter((p) => p.kind !== "intakter") : null;
}

const COSTS_ALONE = new Set([
  "summakostnader",
  "kostnadersumma",
  "kostnadertotalt",
  "totalakostnader",
  "totaltkostnader",
]);
