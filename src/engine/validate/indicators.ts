import type { Finding } from "../findings";
import { finding } from "../findings";
import { nameCell } from "../evaluate/cells";
import { isRate, rateKey } from "../evaluate/indicators";
import type { Activity, Indicator, IndicatorFigure, TargetKind } from "../model/types";
import { decimalsOf } from "../parse/quantity";
import { renderNumber, renderNumberEn } from "../parse/target";
import { matchKey } from "../parse/text";
import type { DuplicatePair } from "../evaluate/duplicates";
import { duplicateIndicators } from "./duplicates";

const COUNT_UNITS = new Set([
  "st",
  "stycken",
  "personer",
  "pers",
  "barn",
  "platser",
  "ungdomar",
  "hushall",
  "antal",
  "elever",
  "brukare",
]);

/** Units that mean the same thing for comparison: `%`/`procent`, and counts (`st`, `personer`, …). */
export function unitClass(unit: string | null): string | null {
  if (!unit) return null;
  // Rates are one class for their spellings, as evaluate judges them (`barn/avd.`, `barn/avdelning`).
  if (isRate(unit)) return rateKey(unit);
  const key = matchKey(unit);
  if (key === "%" || key === "procent") return "%";
  if (COUNT_UNITS.has(key)) return "count";
  return key;
}

/** Decimals a message writes a figure with: as the source shows it (`1,0 %`), at most two. */
function shownDecimals(i: Indicator, field: IndicatorFigure, value: number): number {
  return Math.min(i.decimals?.[field] ?? decimalsOf(value), 2);
}

function fmt(i: Indicator, field: IndicatorFigure, value: number): string {
  return renderNumber(value, i.unit, shownDecimals(i, field, value));
}

function fmtEn(i: Indicator, field: IndicatorFigure, value: number): string {
  return renderNumberEn(value, i.unit, shownDecimals(i, field, value));
}

/** Outcome (or forecast) and a target in different units, both stated. */
function unitMismatch(i: Indicator, out: Finding[]): void {
  const units = i.units;
  if (!units) return;
  const measured = units.outcome ?? units.forecast ?? units.previous;
  if (!measured) return;
  if (units.target) unitMismatchAgainst(i, measured, "target", units.target, out);
  if (units.kfTarget) unitMismatchAgainst(i, measured, "kfTarget", units.kfTarget, out);
}

const TARGET_LABELS = {
  target: { sv: "Årsmålet", en: "The annual target" },
  kfTarget: { sv: "KF:s årsmål", en: "The council target" },
};

function unitMismatchAgainst(
  i: Indicator,
  measured: string,
  key: "target" | "kfTarget",
  targetUnit: string,
  out: Finding[],
): void {
  // The same spelling is the same class: most targets are written in the outcome's unit.
  if (measured === targetUnit || unitClass(measured) === unitClass(targetUnit)) return;
  const label = TARGET_LABELS[key];
  out.push(
    finding({
      code: "unit-mismatch",
      sheet: i.sheet,
      cell: i.cells[key] ?? nameCell(i),
      goal: i.goal,
      message: `”${i.name}”: utfallet anges i ${measured} men ${label.sv.toLowerCase()} i ${targetUnit}.`,
      messageEn: `"${i.name}": the outcome is stated in ${measured} but ${label.en.toLowerCase()} in ${targetUnit}.`,
    }),
  );
}

function targetMissing(i: Indicator, out: Finding[]): void {
  if (i.targetKind !== "none" && i.targetKind !== "delegated") return;
  const delegatedByKf = i.kfTargetKind === "delegated";
  out.push(
    finding({
      code: "target-missing",
      sheet: i.sheet,
      cell: i.cells.target ?? nameCell(i),
      goal: i.goal,
      message: delegatedByKf
        ? `”${i.name}” saknar årsmål: KF:s årsmål är ”${i.kfTargetText}”, så nämnden behöver sätta ett eget.`
        : i.targetText
          ? `”${i.name}” saknar ett användbart årsmål (”${i.targetText}”).`
          : `”${i.name}” saknar årsmål: ${i.cells.target ? "cellen under Årsmål är tom" : "tabellen har ingen kolumn Årsmål (står målet i en kolumn som inte läses, ange dess roll under Läs in → Rätta tolkning)"}.`,
      messageEn: delegatedByKf
        ? `"${i.name}" has no annual target: the council left it to the committee ("${i.kfTargetText}"), which must set one.`
        : i.targetText
          ? `"${i.name}" has no usable annual target ("${i.targetText}").`
          : `"${i.name}" has no annual target: ${i.cells.target ? "its cell under Årsmål is empty" : "the table has no Årsmål column (if the target stands in a column not read, set its role under Read → Correct mapping)"}.`,
    }),
  );
}

function isNumericKind(kind: TargetKind): boolean {
  return kind === "value" || kind === "min" || kind === "max";
}

/** The nämnd's Årsmål is less ambitious than KF:s årsmål, in the indicator's direction. */
function lessAmbitious(i: Indicator, out: Finding[]): void {
  if (i.target === null || i.kfTarget === null) return;
  if (!isNumericKind(i.targetKind) || !isNumericKind(i.kfTargetKind)) return;
  const higherIsBetter = i.direction === "higher" || i.direction === "increase";
  const lowerIsBetter = i.direction === "lower" || i.direction === "max";
  const weaker = (higherIsBetter && i.target < i.kfTarget) || (lowerIsBetter && i.target > i.kfTarget);
  // The cheap test first: most targets are at least as ambitious as KF's.
  if (!weaker) return;
  const units = i.units;
  if (units?.target && units.kfTarget && unitClass(units.target) !== unitClass(units.kfTarget)) return;
  // KF's counts are for the whole city, the nämnd's for its district: not the same scope.
  if (unitClass(i.unit) === "count" || /^antal\b/i.test(i.name)) return;
  out.push(
    finding({
      code: "target-less-ambitious",
      sheet: i.sheet,
      cell: i.cells.target ?? nameCell(i),
      range: i.cells.target && i.cells.kfTarget ? `${i.cells.target}:${i.cells.kfTarget}` : undefined,
      goal: i.goal,
      message: `”${i.name}”: årsmålet ${fmt(i, "target", i.target)} är mindre ambitiöst än KF:s årsmål ${fmt(i, "kfTarget", i.kfTarget)} (${higherIsBetter ? "högre" : "lägre"} är bättre).`,
      messageEn: `"${i.name}": the annual target ${fmtEn(i, "target", i.target)} is less ambitious than the council's ${fmtEn(i, "kfTarget", i.kfTarget)} (${higherIsBetter ? "higher" : "lower"} is better).`,
    }),
  );
}

/**
 * The total outcome should lie between the men's and the women's — unless the split is of a share
 * into parts and men + women = total (002 line 595). Each value is rounded as printed, so both tests
 * allow half a unit of the last decimal.
 */
function genderSplit(i: Indicator, out: Finding[]): void {
  const { outcome: total, outcomeMen: men, outcomeWomen: women } = i;
  if (total === null || men === null || women === null) return;
  // Between the two as they stand: within any tolerance, so no need to work it out.
  if (total >= Math.min(men, women) && total <= Math.max(men, women)) return;
  const tolerance = 0.5 * 10 ** -Math.max(decimalsOf(total), decimalsOf(men), decimalsOf(women));
  const low = Math.min(men, women) - tolerance;
  const high = Math.max(men, women) + tolerance;
  if (total >= low && total <= high) return;
  if (Math.abs(men + women - total) <= 2 * tolerance + 1e-9) return;
  out.push(
    finding({
      code: "gender-split-inconsistent",
      sheet: i.sheet,
      cell: i.cells.outcome ?? nameCell(i),
      range:
        i.cells.outcome && i.cells.outcomeWomen ? `${i.cells.outcome}:${i.cells.outcomeWomen}` : undefined,
      goal: i.goal,
      message: `”${i.name}”: totalt utfall ${fmt(i, "outcome", total)} ligger utanför männens ${fmt(i, "outcomeMen", men)} och kvinnornas ${fmt(i, "outcomeWomen", women)} och är inte heller deras summa.`,
      messageEn: `"${i.name}": the total ${fmtEn(i, "outcome", total)} lies outside the men's ${fmtEn(i, "outcomeMen", men)} and women's ${fmtEn(i, "outcomeWomen", women)} outcomes and is not their sum either.`,
    }),
  );
}

function activityDates(a: Activity): Finding[] {
  if (!a.start || !a.end || a.end >= a.start) return [];
  return [
    finding({
      code: "activity-dates",
      sheet: a.sheet,
      cell: a.cells.end ?? a.cells.name ?? `A${a.row}`,
      range: a.cells.start && a.cells.end ? `${a.cells.start}:${a.cells.end}` : undefined,
      goal: a.goal,
      message: `Aktiviteten ”${a.name}” slutar (${a.end}) före den börjar (${a.start}).`,
      messageEn: `The activity "${a.name}" ends (${a.end}) before it starts (${a.start}).`,
    }),
  ];
}

/** `duplicates`: the rows evaluation found to repeat an earlier one (`duplicate-indicator` at each). */
export function validateIndicators(indicators: Indicator[], duplicates: readonly DuplicatePair[]): Finding[] {
  const out: Finding[] = [];
  for (let k = 0; k < indicators.length; k++) {
    const i = indicators[k];
    unitMismatch(i, out);
    targetMissing(i, out);
    lessAmbitious(i, out);
    genderSplit(i, out);
  }
  duplicateIndicators(duplicates, out);
  return out;
}

/**
 * A plan's activity (a KF:s uppdrag too) with both date cells empty: the plan says when each is
 * done, and the follow-up judges it by its end (the nämnd walk of 8 December left one without).
 * Only in a plan: a follow-up's rows without dates are judged as written. Words (`Löpande`) are
 * a stated lack of a date, not a missing one.
 */
function plannedWithoutDates(a: Activity): Finding[] {
  if (!a.datesBlank) return [];
  return [
    finding({
      code: "activity-dates-missing",
      sheet: a.sheet,
      cell: a.cells.start ?? a.cells.name ?? `A${a.row}`,
      range: a.cells.start && a.cells.end ? `${a.cells.start}:${a.cells.end}` : undefined,
      goal: a.goal,
      message: `Aktiviteten ”${a.name}” saknar start- och slutdatum: planen anger när varje aktivitet görs.`,
      messageEn: `The activity "${a.name}" has no start or end date: the plan states when each activity is done.`,
    }),
  ];
}

/** `plan`: the workbook is judged as a plan (VP), which gives each activity its dates. */
export function validateActivities(activities: Activity[], plan = false): Finding[] {
  if (plan) return activities.flatMap((a) => activityDates(a).concat(plannedWithoutDates(a)));
  return activities.flatMap(activityDates);
}
