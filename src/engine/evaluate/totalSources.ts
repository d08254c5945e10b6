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
 * total check reads them: the rows since the previous total (without an Intäkter or Kostnader row
 * among them, as its ordinary rows alone may be the sum); with sub-totals above, those and the rows
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
  const explain = (total: BudgetLine, readings: (() => Tally | null)[]): void => {
    const deviation = judgedDeviation(total);
    const limit = threshold(total);
    if (deviation === null || limit === null) return;
    for (const reading of readings) {
      const tally = reading();
      if (!tally || !accounts(total, deviation, limit, tally)) continue;
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
 * Each Netto's Kostnader and Intäkter (by the Netto's index): those of its block. A table whose
 * first Netto comes before any Kostnader or Intäkter (002 line 1926) leads each block with its
 * Netto, and its parts follow it; otherwise they come before it. A block ends at a Netto or a total.
 */
export function nettoParts(table: readonly BudgetLine[]): Map<number, number[]> {
  const pairs = new Map<number, number[]>();
  const firstNetto = table.findIndex((l) => l.kind === "netto");
  if (firstNetto < 0) return pairs;
  const leads = !table.slice(0, firstNetto).some((l) => l.kind === "kostnader" || l.kind === "intakter");
  const step = leads ? 1 : -1;
  const ends = (line: BudgetLine) => line.kind === "netto" || line.kind === "total";
  table.forEach((line, at) => {
    if (line.kind !== "netto") return;
    let costs = -1;
    let income = -1;
    for (let i = at + step; i >= 0 && i < table.length && !ends(table[i]); i += step) {
      if (table[i].kind === "kostnader" && costs < 0) costs = i;
      else if (table[i].kind === "intakter" && income < 0) income = i;
    }
    if (costs >= 0 && income >= 0) pairs.set(at, [costs, income]);
  });
  return pairs;
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
