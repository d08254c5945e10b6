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

/**
 * The rows that account for each total's (and each Netto's) deviation, by total. The rows a total
 * adds are read as the total check reads them (the rows since the previous total; with sub-totals
 * above, those and the rows after the last, or every ordinary row; a Netto its Kostnader and
 * Intäkter, {@link nettoParts}), and only a reading whose deviations add up to the total's own is trusted. Of those
 * rows, the large ones (`isLarge`) account for the total when what they leave is not large for the
 * total itself (`threshold`). A total none of whose readings holds, or whose deviation comes from
 * many small ones, is not in the map: it needs an analysis of its own.
 */
export function totalSources(
  table: readonly BudgetLine[],
  isLarge: (line: BudgetLine) => boolean,
  threshold: (line: BudgetLine) => number | null,
): Map<BudgetLine, BudgetLine[]> {
  const sources = new Map<BudgetLine, BudgetLine[]>();
  let since: BudgetLine[] = [];
  const subtotals: BudgetLine[] = [];
  const ordinary: BudgetLine[] = [];
  const explain = (total: BudgetLine, readings: BudgetLine[][]): void => {
    const deviation = judgedDeviation(total);
    const limit = threshold(total);
    if (deviation === null || limit === null) return;
    for (const parts of readings) {
      const found = largeSources(total, deviation, limit, parts, isLarge);
      if (found === null) continue;
      sources.set(total, found);
      return;
    }
  };
  table.forEach((line, at) => {
    if (line.kind === "row" || line.kind === "intakter" || line.kind === "kostnader") {
      since.push(line);
      if (line.kind === "row") ordinary.push(line);
    } else if (line.kind === "netto") {
      const parts = nettoParts(table, at);
      if (parts) explain(line, [parts]);
      since.push(line);
    } else if (line.kind === "total") {
      const added = addedParts(line, since);
      explain(line, subtotals.length ? [added, [...subtotals, ...added], ordinary] : [added]);
      subtotals.push(line);
      since = [];
    }
  });
  return sources;
}

/**
 * The Kostnader and Intäkter of the Netto at `at`: the last of each since the previous Netto or
 * total, else (002 line 1926 leads with its Netto) the first of each before the next one.
 */
function nettoParts(table: readonly BudgetLine[], at: number): [BudgetLine, BudgetLine] | null {
  const ends = (line: BudgetLine) => line.kind === "netto" || line.kind === "total";
  for (const step of [-1, 1]) {
    let costs: BudgetLine | null = null;
    let income: BudgetLine | null = null;
    for (let i = at + step; i >= 0 && i < table.length && !ends(table[i]); i += step) {
      if (table[i].kind === "kostnader") costs ??= table[i];
      else if (table[i].kind === "intakter") income ??= table[i];
    }
    if (costs && income) return [costs, income];
  }
  return null;
}

/**
 * The large ones of `parts` when the parts' deviations add up to the total's and the large ones
 * leave no large deviation unaccounted for; null otherwise.
 */
function largeSources(
  total: BudgetLine,
  deviation: number,
  limit: number,
  parts: readonly BudgetLine[],
  isLarge: (line: BudgetLine) => boolean,
): BudgetLine[] | null {
  if (parts.length === 0) return null;
  let sum = 0;
  let largeSum = 0;
  const large: BudgetLine[] = [];
  for (const part of parts) {
    const partDeviation = judgedDeviation(part);
    if (partDeviation === null) return null;
    sum += partDeviation;
    if (isLarge(part)) {
      large.push(part);
      largeSum += partDeviation;
    }
  }
  if (Math.abs(sum - deviation) > roundingTolerance(total.unit, parts.length + 1)) return null;
  if (large.length === 0 || Math.abs(deviation - largeSum) > limit + 1e-9) return null;
  return large;
}

/**
 * The parts a total adds of the rows since the previous one: the ordinary rows where a Netto is
 * among them; without Intäkter under a total that names its costs (`Summa kostnader`), and without
 * Kostnader under one that names its income.
 */
export function addedParts(total: BudgetLine, parts: BudgetLine[]): BudgetLine[] {
  if (parts.some((p) => p.kind === "netto")) return parts.filter((p) => p.kind === "row");
  const key = matchKey(total.label);
  const without = key.includes("kostnader") ? "intakter" : key.includes("intakter") ? "kostnader" : null;
  return without ? parts.filter((p) => p.kind !== without) : parts;
}
