import type { Finding } from "../findings";
import { finding } from "../findings";
import { budgetTables } from "../model/budgetTables";
import type { BudgetLine, Model } from "../model/types";
import type { Settings } from "../settings";
import type { DerivedFigure } from "./types";
import { cellOf, hasText } from "./cells";
import { AnalysisRowTables, analysisWhere, THE_ROWS } from "./missingAnalysis";
import type { LargeSources } from "./totalSources";
import { judgedDeviation, totalSources } from "./totalSources";
import { renderNumber, renderNumberEn } from "../parse/target";
import { andList, matchKey } from "../parse/text";
import type { AmountUnit } from "./amounts";
import {
  decimalsFor,
  expectedDeviation,
  halfUnit,
  mnkrIn,
  revisedBudget,
  roundAmount,
  roundTo,
} from "./amounts";

/** The number of stated cells that go into `expectedDeviation` (for `roundingTolerance`). */
export function deviationTerms(line: Pick<BudgetLine, "adjustments" | "changes">): number {
  return 2 + (line.adjustments !== null ? 1 : 0) + (line.changes !== null ? 1 : 0);
}

/**
 * The row a whole-table figure is read from: the netto row, else the total, else a row labelled
 * netto/anslag, else the first ordinary row.
 */
export function baseRow(lines: BudgetLine[]): BudgetLine | undefined {
  const candidates = lines.filter((l) => l.kind !== "disposition" && l.kind !== "varav");
  return (
    candidates.find((l) => l.kind === "netto") ??
    candidates.find((l) => l.kind === "total") ??
    candidates.find((l) => /netto|anslag/i.test(l.label)) ??
    candidates.find((l) => l.kind === "row")
  );
}

const BEFORE_DISPOSITION = /före\s*resultat/i;
const AFTER_DISPOSITION = /efter\s*resultat/i;

/** Tables whose Avvikelse column means budget − forecast. */
const DEVIATION_TABLES: ReadonlySet<BudgetLine["tableType"]> = new Set([
  "driftbudget-namnd",
  "driftbudget-omrade",
  "investeringar",
  "budget-other",
]);

/**
 * Sets `computedDeviation` on every row of a deviation table. Disposition rows chain: the row
 * before resultatdisposition repeats the netto row's deviation; the row after it is that plus the
 * överskott från/till rows between them (19,9 + 76,1 − 89,1 = 6,9 in 002).
 */
export function applyComputedDeviations(lines: BudgetLine[]): void {
  for (const table of budgetTables(lines).values()) {
    if (!DEVIATION_TABLES.has(table[0].tableType)) {
      for (const line of table) line.computedDeviation = null;
      continue;
    }
    for (const line of table) {
      line.computedDeviation = line.kind === "disposition" ? null : expectedDeviation(line);
    }
    const dispositions = table.filter((l) => l.kind === "disposition");
    if (dispositions.length === 0) continue;
    const base = baseRow(table.filter((l) => l.computedDeviation !== null));
    let running: number | null = base?.computedDeviation ?? null;
    for (const line of dispositions) {
      if (BEFORE_DISPOSITION.test(line.label)) {
        line.computedDeviation = running;
        if (running === null) running = line.deviation;
      } else if (AFTER_DISPOSITION.test(line.label)) {
        line.computedDeviation = running === null ? null : roundAmount(running, line.unit);
      } else if (running !== null && line.deviation !== null) {
        running += line.deviation;
      }
    }
  }
}

/**
 * The threshold above which a deviation is large for this row, in the row's unit: its share of the
 * row's budget, and at least `floor` ({@link deviationFloorMnkr}; budgetDeviationMinMnkr without one).
 */
export function deviationThreshold(line: BudgetLine, settings: Settings, floor?: number): number | null {
  const revised = revisedBudget(line);
  if (revised === null) return null;
  return Math.max(
    settings.budgetDeviationShare * Math.abs(revised),
    floor ?? settings.budgetDeviationMinMnkr * mnkrIn(line.unit),
  );
}

/**
 * The smallest deviation that can be large, in mnkr: budgetDeviationMinMnkr, or in a workbook whose
 * largest budget (in all its deviation tables) is under what that is the share of (a unit's Netto
 * of 16 550 tkr, where 500 tkr would be 3 %), the share of that budget (165,5 tkr). A nämnd's
 * workbook keeps 0,5 mnkr in every table, its Investeringar of 41 mnkr too.
 */
function deviationFloorMnkr(lines: BudgetLine[], settings: Settings): number {
  let largestMnkr = 0;
  for (const line of lines) {
    if (!DEVIATION_TABLES.has(line.tableType) || line.kind === "varav" || line.kind === "disposition")
      continue;
    const revised = revisedBudget(line);
    if (revised !== null) largestMnkr = Math.max(largestMnkr, Math.abs(revised) / mnkrIn(line.unit));
  }
  return largestMnkr > 0
    ? Math.min(settings.budgetDeviationMinMnkr, settings.budgetDeviationShare * largestMnkr)
    : settings.budgetDeviationMinMnkr;
}

function formatAmount(value: number, unit: AmountUnit): string {
  return renderNumber(value, unit, decimalsFor(unit));
}

function formatAmountEn(value: number, unit: AmountUnit): string {
  return renderNumberEn(value, unit, decimalsFor(unit));
}

/**
 * Which way a deviation goes and its share of the budget: ` (överskott, 8,8 % av budget)`; where
 * the deviation exceeds the budget itself, a share says little (7 200 %, or a Netto row's 180,1 % of
 * what is left when income is taken from costs): the budget itself, ` (överskott, mot en budget på
 * 0,5 mnkr)`, on a Netto row `mot en nettobudget på 930 tkr`. Avvikelse = Budget + BJ − Prognos, so
 * a positive one is a surplus, a negative one a deficit.
 */
function directionAndShare(
  deviation: number,
  revised: number,
  adjusted: boolean,
  netto: boolean,
  unit: AmountUnit,
  language: "sv" | "en",
): string {
  const sv = language === "sv";
  const way = deviation > 0 ? (sv ? "överskott" : "surplus") : sv ? "underskott" : "deficit";
  const share = Math.abs(deviation / revised);
  // The budget the deviation is measured from: with the row's budget adjustments, when it has any
  // (Budget 5,0 and BJ −5,0 are a budget of 0,0, which the Budget cell alone does not show).
  if (revised === 0 || share > 1) {
    const budget = sv ? (netto ? "nettobudget" : "budget") : netto ? "net budget" : "budget";
    return sv
      ? ` (${way}, mot en ${budget}${adjusted ? " inkl. budgetjusteringar" : ""} på ${formatAmount(revised, unit)})`
      : ` (${way}, against a ${budget}${adjusted ? " including adjustments" : ""} of ${formatAmountEn(revised, unit)})`;
  }
  const pct = (share * 100).toFixed(1);
  return sv ? ` (${way}, ${pct.replace(".", ",")} % av budget)` : ` (${way}, ${pct} % of budget)`;
}

/** The cells the two findings of a large deviation point at, the first present first. */
const LARGE_DEVIATION_CELL = ["deviation", "budgetDeviation", "forecast", "label", "name"];
const MISSING_ANALYSIS_CELL = ["analysis", "label", "name"];

/**
 * The large rows' labels quoted and listed (`”A”, ”B” och ”C”`); past three, the first three and
 * how many more.
 */
function quotedList(sources: LargeSources, language: "sv" | "en"): string {
  const [open, close, and, more] = language === "sv" ? ["”", "”", "och", "till"] : ['"', '"', "and", "more"];
  const names = sources.named.map((l) => `${open}${l.label}${close}`);
  if (sources.count > names.length)
    return `${names.join(", ")} ${and} ${sources.count - names.length} ${more}`;
  return andList(names, and);
}

/**
 * `budget-deviation-large` and, for those rows without analysis, `analysis-missing`; not on a total
 * whose own large rows account for its deviation ({@link totalSources}): its finding names them.
 */
export function largeDeviationFindings(
  lines: BudgetLine[],
  settings: Settings,
  analysisRows: AnalysisRowTables = new AnalysisRowTables(),
): Finding[] {
  const findings: Finding[] = [];
  const floorMnkr = deviationFloorMnkr(lines, settings);
  const thresholdOf = (line: BudgetLine) => deviationThreshold(line, settings, floorMnkr * mnkrIn(line.unit));
  // Judged once a line: the loop below and the totals' sources ask of every line.
  const largeLines = new Set(
    lines.filter((line) => {
      if (!DEVIATION_TABLES.has(line.tableType) || line.kind === "disposition") return false;
      const deviation = judgedDeviation(line);
      const threshold = thresholdOf(line);
      return deviation !== null && threshold !== null && Math.abs(deviation) > threshold + 1e-9;
    }),
  );
  const isLarge = (line: BudgetLine): boolean => largeLines.has(line);
  const sources = new Map<BudgetLine, LargeSources>();
  const wanted = (l: BudgetLine) => isLarge(l) && !hasText(l.analysis);
  /** Rows without an analysis of their own whose label another row's analysis names. */
  const namedElsewhere = new Set<BudgetLine>();
  for (const table of budgetTables(lines).values()) {
    if (!DEVIATION_TABLES.has(table[0].tableType)) continue;
    for (const [total, large] of totalSources(table, isLarge, thresholdOf, wanted)) sources.set(total, large);
    for (const line of namedInAnalyses(table)) namedElsewhere.add(line);
  }
  for (const line of lines) {
    if (!isLarge(line)) continue;
    const deviation = judgedDeviation(line) as number;
    const cell = cellOf(line.cells, LARGE_DEVIATION_CELL, line.row);
    const revised = revisedBudget(line) ?? 0;
    const adjusted = Boolean(line.adjustments || line.changes);
    // Rendered once for both findings of the row.
    const amount = formatAmount(deviation, line.unit);
    const amountEn = formatAmountEn(deviation, line.unit);
    // A total without analysis whose own large rows account for it: their analyses say why.
    const from = sources.get(line);
    findings.push(
      finding({
        code: "budget-deviation-large",
        sheet: line.sheet,
        cell,
        message: `Stor budgetavvikelse för ”${line.label}”: ${amount}${directionAndShare(deviation, revised, adjusted, line.kind === "netto", line.unit, "sv")}.${from ? ` Den kommer från ${quotedList(from, "sv")}, där analysen skrivs.` : ""}`,
        messageEn: `Large budget deviation for "${line.label}": ${amountEn}${directionAndShare(deviation, revised, adjusted, line.kind === "netto", line.unit, "en")}.${from ? ` It comes from ${quotedList(from, "en")}, where the analysis is written.` : ""}`,
      }),
    );
    if (from || hasText(line.analysis) || namedElsewhere.has(line)) continue;
    const where = analysisWhere(analysisRows.placeOf(line.cells, line.sheet, line.row), THE_ROWS);
    findings.push(
      finding({
        code: "analysis-missing",
        sheet: line.sheet,
        cell: cellOf(line.cells, MISSING_ANALYSIS_CELL, line.row),
        message: `Budgetavvikelsen för ”${line.label}” (${amount}) saknar analys${where.sv}`,
        messageEn: `The budget deviation for "${line.label}" (${amountEn}) has no analysis${where.en}`,
      }),
    );
  }
  return findings;
}

/** The fewest characters of a row's label that an analysis is taken to name it by. */
const NAMED_LABEL_CHARS = 5;

/**
 * The rows of a table without an analysis whose label its total's or netto's analysis names
 * (`Personalkostnaderna överskrids med 620 000 kr …` under the total, the LSS walk of 7 December):
 * the analysis of the table under its total speaks for them, and they are not asked for one of
 * their own. Another row's analysis does not (`Det påverkar inte övriga kostnader`).
 */
function namedInAnalyses(table: readonly BudgetLine[]): BudgetLine[] {
  const texts: string[] = [];
  for (const line of table)
    if ((line.kind === "total" || line.kind === "netto") && hasText(line.analysis))
      texts.push(line.analysis!.toLowerCase());
  if (texts.length === 0) return [];
  return table.filter((line) => {
    if (hasText(line.analysis)) return false;
    const label = line.label.trim().toLowerCase();
    return label.length >= NAMED_LABEL_CHARS && texts.some((text) => text.includes(label));
  });
}

/** `result-unit-cap`: a result unit carrying over more surplus than the cap share of its gross budget. */
export function resultUnitFindings(lines: BudgetLine[], settings: Settings): Finding[] {
  const findings: Finding[] = [];
  for (const line of lines) {
    if (line.tableType !== "resultatenheter" || line.kind === "total" || line.kind === "varav") continue;
    const gross = line.extra?.grossBudget ?? null;
    const carryOver = line.extra?.carryOverTo ?? null;
    if (gross === null || carryOver === null || gross <= 0 || carryOver <= 0) continue;
    const cap = settings.resultUnitCap * gross;
    if (carryOver - cap <= halfUnit(line.unit) + 1e-9) continue;
    const pct = ((carryOver / gross) * 100).toFixed(1);
    const capPct = (settings.resultUnitCap * 100).toFixed(0);
    findings.push(
      finding({
        code: "result-unit-cap",
        sheet: line.sheet,
        cell: cellOf(line.cells, ["carryOverTo", "label", "name"], line.row),
        message: `”${line.label}” för över ${formatAmount(carryOver, line.unit)} (${pct.replace(".", ",")} % av bruttobudgeten); taket är ${capPct} % (${formatAmount(roundAmount(cap, line.unit), line.unit)}).`,
        messageEn: `"${line.label}" carries over ${formatAmountEn(carryOver, line.unit)} (${pct} % of its gross budget); the cap is ${capPct} % (${formatAmountEn(roundAmount(cap, line.unit), line.unit)}).`,
      }),
    );
  }
  return findings;
}

function percent1(numerator: number, denominator: number): number {
  return roundTo((numerator / denominator) * 100, 1);
}

function cellsOf(line: BudgetLine, keys: string[]): string[] {
  return keys.map((k) => line.cells[k]).filter((c): c is string => typeof c === "string");
}

const FORECAST_KEYS = ["forecast", "forecastAfterTransfers"];
const BUDGET_KEYS = ["budget", "adjustments", "changes"];

/** A budgetföljsamhet figure: prognos in percent of the revised budget, met at 100 % or under. */
function adherence(
  key: "budgetfoljsamhet-fore" | "budgetfoljsamhet-efter",
  value: number,
  line: BudgetLine,
  cells: string[],
): DerivedFigure {
  const before = key === "budgetfoljsamhet-fore";
  return {
    key,
    labelSv: before
      ? "Budgetföljsamhet före resultatöverföringar"
      : "Budgetföljsamhet efter resultatöverföringar",
    labelEn: before ? "Budget adherence before result transfers" : "Budget adherence after result transfers",
    value,
    target: 100,
    targetKind: "value",
    met: value <= 100,
    sheet: line.sheet,
    cells,
  };
}

/**
 * The table's row after resultatdisposition with its deviation (002 line 1932: 6,9), whose
 * forecast after transfers is the revised budget less that deviation.
 */
function afterDisposition(lines: BudgetLine[], tableId: string): BudgetLine | undefined {
  return lines.find(
    (l) =>
      l.tableId === tableId &&
      l.kind === "disposition" &&
      AFTER_DISPOSITION.test(l.label) &&
      (l.deviation ?? l.computedDeviation) !== null,
  );
}

/** Budgetföljsamhet efter resultatöverföringar from the deviation after resultatdisposition. */
function adherenceAfterDisposition(netto: BudgetLine, after: BudgetLine, revised: number): DerivedFigure {
  const deviationAfter = (after.deviation ?? after.computedDeviation) as number;
  return adherence("budgetfoljsamhet-efter", percent1(revised - deviationAfter, revised), netto, [
    ...cellsOf(netto, BUDGET_KEYS),
    ...cellsOf(after, ["deviation", "budgetDeviation"]),
  ]);
}

/** `Totalt`, `Total`, `Totalt netto`, `Summa netto`: a total that is the table's netto. */
const NETTO_TOTAL = /^(totalt?|.*netto.*)$/;
/** A heading naming a unit, as matchKey reads it: `Driftbudget Resursenheten 2021`, `Enhet Trofast`. */
const UNIT_HEADING = /enhet/;

/**
 * The whole nämnd's netto in a budget table of none of the city's layouts, for a workbook without
 * them: a T1 table `Mnkr | Budget | Begärda BJ | Prognos helår T1 | Avvikelse` over Kostnader,
 * Intäkter, Netto. Its row is a `Netto` (or `Anslag … (netto)`) row, or a `Totalt` row (not
 * `Summa kostnader`), with a budget and a forecast, Budget + BJ above zero, in a table with a
 * Begärda BJ column: the nämnd asks the city for budgetjusteringar in its tertial report, and
 * budgetföljsamhet is measured against them; a unit's own table (`Budget | Utfall | Avvikelse`)
 * has none. Not a unit's table with them either: one whose heading names a unit (`Driftbudget
 * Resursenheten 2021`), or any in a unit's workbook (one with Enhetsmål). Of several such rows (the
 * nämnd's table and an area's or a unit's below it) the largest Budget + BJ, in mnkr, is the
 * nämnd's, as the whole holds each part; of equal ones, the first.
 */
export function otherTablesNetto(model: Model): BudgetLine | undefined {
  if (model.goals.some((g) => g.level === "enhetsmal")) return undefined;
  let best: { line: BudgetLine; mnkr: number } | undefined;
  for (const table of budgetTables(model.budget).values()) {
    if (table[0].tableType !== "budget-other" || UNIT_HEADING.test(matchKey(table[0].table))) continue;
    if (!table.some((l) => l.cells.adjustments !== undefined)) continue;
    for (const line of table) {
      const netto =
        line.kind === "netto" || (line.kind === "total" && NETTO_TOTAL.test(matchKey(line.label)));
      const revised = revisedBudget(line);
      const forecast = line.forecastBeforeTransfers ?? line.forecast;
      if (!netto || revised === null || revised <= 0 || forecast === null) continue;
      const mnkr = revised / mnkrIn(line.unit);
      if (!best || mnkr > best.mnkr) best = { line, mnkr };
    }
  }
  return best?.line;
}

/** The row's forecast before resultatöverföringar: its före column, else a forecast not named after them. */
function forecastBefore(line: BudgetLine): number | null {
  if (line.forecastBeforeTransfers !== null) return line.forecastBeforeTransfers;
  return line.forecastNamesAfterTransfers ? null : line.forecast;
}

/**
 * Budgetföljsamhet from {@link otherTablesNetto}'s row: before transfers from its forecast (its
 * only one is before them, as the whole-nämnd table's is); after them from a forecast named so, or
 * from the table's row after resultatdisposition. No prognossäkerhet: such a table has no outcome
 * beside a T2 forecast.
 */
function otherTablesAdherence(model: Model, netto: BudgetLine): DerivedFigure[] {
  const revised = revisedBudget(netto) as number;
  const figures: DerivedFigure[] = [];
  const before = forecastBefore(netto);
  if (before !== null) {
    const key = netto.forecastBeforeTransfers !== null ? "forecastBeforeTransfers" : "forecast";
    figures.push(
      adherence(
        "budgetfoljsamhet-fore",
        percent1(before, revised),
        netto,
        cellsOf(netto, [key, ...BUDGET_KEYS]),
      ),
    );
  }
  const after = afterDisposition(model.budget, netto.tableId);
  if (netto.forecastNamesAfterTransfers && netto.forecast !== null) {
    figures.push(
      adherence(
        "budgetfoljsamhet-efter",
        percent1(netto.forecast, revised),
        netto,
        cellsOf(netto, ["forecast", ...BUDGET_KEYS]),
      ),
    );
  } else if (after) {
    figures.push(adherenceAfterDisposition(netto, after, revised));
  }
  return figures;
}

/**
 * Budgetföljsamhet före/efter resultatöverföringar and prognossäkerhet, from the whole-nämnd
 * driftbudget (its netto row and disposition rows), else the per-area table's Totalt row; without
 * either, from the whole nämnd's netto in another budget table ({@link otherTablesNetto}).
 */
export function derivedFigures(model: Model): DerivedFigure[] {
  const figures: DerivedFigure[] = [];
  const usable = (l: BudgetLine): boolean => l.budget !== null && l.forecast !== null;
  const namndNetto = baseRow(model.budget.filter((l) => l.tableType === "driftbudget-namnd" && usable(l)));
  const areaTotal = model.budget.find(
    (l) => l.tableType === "driftbudget-omrade" && l.kind === "total" && usable(l),
  );
  if (!namndNetto && !areaTotal) {
    const other = otherTablesNetto(model);
    return other ? otherTablesAdherence(model, other) : [];
  }

  // Before transfers.
  if (namndNetto) {
    const revised = revisedBudget(namndNetto);
    if (revised && namndNetto.forecast !== null) {
      figures.push(
        adherence(
          "budgetfoljsamhet-fore",
          percent1(namndNetto.forecast, revised),
          namndNetto,
          cellsOf(namndNetto, [...FORECAST_KEYS, ...BUDGET_KEYS]),
        ),
      );
    }
  } else if (areaTotal && areaTotal.forecastBeforeTransfers !== null) {
    const revised = revisedBudget(areaTotal);
    if (revised) {
      figures.push(
        adherence(
          "budgetfoljsamhet-fore",
          percent1(areaTotal.forecastBeforeTransfers, revised),
          areaTotal,
          cellsOf(areaTotal, ["forecastBeforeTransfers", ...BUDGET_KEYS]),
        ),
      );
    }
  }

  // After transfers: the nämnd table's deviation after resultatdisposition, else the area total.
  const after = namndNetto ? afterDisposition(model.budget, namndNetto.tableId) : undefined;
  const namndRevised = namndNetto ? revisedBudget(namndNetto) : null;
  if (namndNetto && after && namndRevised) {
    figures.push(adherenceAfterDisposition(namndNetto, after, namndRevised));
  } else if (areaTotal && areaTotal.forecastBeforeTransfers !== null) {
    const revised = revisedBudget(areaTotal);
    if (revised && areaTotal.forecast !== null) {
      figures.push(
        adherence(
          "budgetfoljsamhet-efter",
          percent1(areaTotal.forecast, revised),
          areaTotal,
          cellsOf(areaTotal, [...FORECAST_KEYS, ...BUDGET_KEYS]),
        ),
      );
    }
  }

  const accuracy = forecastAccuracy(model, namndNetto ?? areaTotal);
  if (accuracy) figures.push(accuracy);
  return figures;
}

/** Extra columns that hold the year-end outcome (`Bokslut 2021`, `Utfall 2021`, or the key `outcome`). */
const OUTCOME_KEY = /^(outcome|bokslut|utfall)\b/i;

/**
 * Prognossäkerhet: (year-end outcome − the forecast) as a share of the revised budget, in percent,
 * target ±1 %. Only at VB, and only where the row carries both the forecast and the outcome.
 */
function forecastAccuracy(model: Model, line: BudgetLine | undefined): DerivedFigure | null {
  if (!line || model.period.kind !== "VB" || line.forecast === null || !line.extra) return null;
  const key = Object.keys(line.extra).find((k) => OUTCOME_KEY.test(k.trim()) && line.extra?.[k] !== null);
  if (!key) return null;
  const outcome = line.extra[key] as number;
  const revised = revisedBudget(line);
  if (!revised) return null;
  const value = percent1(outcome - line.forecast, revised);
  return {
    key: "prognossakerhet",
    labelSv: "Prognossäkerhet (prognos mot bokslut)",
    labelEn: "Forecast accuracy (forecast against year-end outcome)",
    value,
    target: 1,
    targetKind: "band",
    met: Math.abs(value) <= 1,
    sheet: line.sheet,
    cells: cellsOf(line, [...FORECAST_KEYS, key, ...BUDGET_KEYS]),
  };
}

export function evaluateBudget(
  model: Model,
  settings: Settings,
  analysisRows: AnalysisRowTables = new AnalysisRowTables(),
): { findings: Finding[]; derived: DerivedFigure[] } {
  applyComputedDeviations(model.budget);
  const findings = [
    ...largeDeviationFindings(model.budget, settings, analysisRows),
    ...resultUnitFindings(model.budget, settings),
  ];
  return { findings, derived: derivedFigures(model) };
}
