/**
 * The period the model is judged for: the one the user forced, else the latest named in a Period
 * cell (of the year asked for), else `VP` for a workbook of plan tables only, else the latest a
 * sheet's title names (`Tertialrapport 2 år 2021`), else the latest the names of the sheets holding
 * follow-up tables give when each names one (`T2 2021`), else `VP` where a title or Period cell names
 * the plan (`Verksamhetsplan 2027`) and its tables target that year, else unknown with a
 * `period-unknown` finding.
 * A forced period without a year takes the workbook's: for VP the year of its `VP 2022` column,
 * for a tertial or VB the latest named period's (each falling back on the other). A plan's year is
 * the one asked for, else its `VP 2022` column's. A period still without a year takes the one its
 * visible sheets' names give (`Verksamhetsplan 2021`), when those that name one agree.
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import type { ParsedPeriod } from "../parse/period";
import { comparePeriods, formatPeriod, parsePeriodText, yearOf } from "../parse/period";
import { goalTableRole, outcomeTertial } from "../recognise/headers";
import { isOutcomeHeader } from "../recognise/tables";
import type { Recognition } from "../recognise/types";
import type { Period, PeriodKind } from "./types";

export interface PeriodOptions {
  forced: { kind: PeriodKind; year: number | null } | null;
  /** Only periods of this year count when the period is read from the workbook. */
  year: number | null;
  /** Where a `period-unknown` finding points (A1 of the workbook's first sheet). */
  firstSheet: string;
  /** The workbook's sheets, whose names may give a period its year. */
  sheets?: readonly { name: string; visibility: string }[];
}

export function resolvePeriod(recognition: Recognition, options: PeriodOptions, findings: Finding[]): Period {
  const period = periodOf(recognition, options, findings);
  if (period.kind === null || period.year !== null) return period;
  const named = yearFromSheetNames(options.sheets ?? [], period.kind);
  return named ? { ...period, year: named.year, yearSheet: named.sheet } : period;
}

/**
 * The year the names of the visible sheets give a period of `kind` (`Verksamhetsplan 2021`,
 * `T2 2021`): only when the sheets that name one all name the same.
 */
export function yearFromSheetNames(
  sheets: readonly { name: string; visibility: string }[],
  kind: PeriodKind,
): { year: number; sheet: string } | null {
  let found: { year: number; sheet: string } | null = null;
  for (const sheet of sheets) {
    if (sheet.visibility !== "visible") continue;
    const parsed = parsePeriodText(sheet.name);
    if (parsed?.kind !== kind || parsed.year === null) continue;
    if (found && found.year !== parsed.year) return null;
    found ??= { year: parsed.year, sheet: sheet.name };
  }
  return found;
}

/**
 * The period the names of the sheets holding follow-up tables give (`T2 2021`, `Tertial 2 2021`,
 * `VB 2020`; of `year`, when given): where each such sheet is named for a period with its year, the
 * latest, as a unit that keeps each report on a sheet of its own names them. A sheet of reference
 * figures (`VB 2020`) beside an unnamed one (`Uppföljning`) names none; a plan's name (`VP 2022`)
 * is no period outcomes are judged for.
 */
function periodFromSheetNames(
  recognition: Recognition,
  year: number | null,
): { kind: PeriodKind; year: number; sheet: string } | null {
  const sheets = new Set<string>();
  for (const table of recognition.tables) if (table.type === "indicators-followup") sheets.add(table.sheet);
  let latest: { kind: PeriodKind; year: number; sheet: string } | null = null;
  for (const sheet of sheets) {
    const parsed = parsePeriodText(sheet);
    if (!parsed || parsed.kind === "VP" || parsed.year === null) return null;
    if (year !== null && parsed.year !== year) continue;
    const named = { kind: parsed.kind, year: parsed.year, sheet };
    if (!latest || comparePeriods(named, latest) > 0) latest = named;
  }
  return latest;
}

function periodOf(recognition: Recognition, options: PeriodOptions, findings: Finding[]): Period {
  const { forced, year } = options;
  const named = latestNamedPeriod(recognition, year, false);
  // A title is last year's when a workbook was copied forward: a Period cell says more.
  const titled = latestNamedPeriod(recognition, year, true);
  const latest = named ?? titled;
  const planYear = (): number | null => planTitleYear(recognition) ?? vpColumnYear(recognition);
  const types = new Set(recognition.tables.map((t) => t.type));
  const planOnly =
    types.size > 0 &&
    [...types].every((t) => t === "indicators-plan" || t === "driftbudget-vp" || t === "activities") &&
    (types.has("indicators-plan") || types.has("driftbudget-vp"));
  if (forced) {
    const ownYear = forced.year ?? workbookYearOf(recognition, forced.kind);
    // What the workbook says for itself, for the user to hear where the flag overrides it.
    const own: { kind: PeriodKind; year: number | null } | null = latest
      ? { kind: latest.kind, year: latest.year }
      : planOnly
        ? { kind: "VP", year: planYear() }
        : null;
    const differs = own !== null && (own.kind !== forced.kind || (own.year !== null && own.year !== ownYear));
    return { kind: forced.kind, year: ownYear, source: "flag", ...(differs ? { stated: own } : {}) };
  }
  if (named) return { kind: named.kind, year: named.year, source: "cell" };
  if (planOnly)
    return {
      kind: "VP",
      year: year ?? planYear(),
      source: "plan",
    };
  if (titled) return { kind: titled.kind, year: titled.year, source: "cell" };
  const sheetNamed = periodFromSheetNames(recognition, year);
  if (sheetNamed)
    return { kind: sheetNamed.kind, year: sheetNamed.year, source: "sheet", yearSheet: sheetNamed.sheet };
  // Nothing names a period outcomes are judged for, but the workbook calls itself a plan
  // (`Verksamhetsplan 2027` on its cover) and its tables agree: a plan with last year's figures
  // beside its targets.
  const planNamed = planTitleYear(recognition);
  if (planNamed !== null && (year === null || planNamed === year) && tablesPlanFor(recognition, planNamed))
    return { kind: "VP", year: planNamed, source: "cell" };
  // `--year` asked for a year the workbook does not name: say which it does.
  const other =
    year === null
      ? null
      : (latestNamedPeriod(recognition, null, false) ?? latestNamedPeriod(recognition, null, true));
  const elsewhere = other ? formatPeriod(other) : null;
  findings.push(
    finding({
      code: "period-unknown",
      sheet: options.firstSheet,
      cell: "A1",
      message: elsewhere
        ? `Arbetsboken nämner ingen period för ${year}, bara ${elsewhere}. Ange period och år (t.ex. ${elsewhere}) för att bedöma utfall.`
        : "Ingen period angiven och ingen kunde läsas (t.ex. ”Tertial 2 2021” i en Period-cell eller som rubrik överst på ett blad). Ange period (T1, T2 eller VB för en uppföljning, VP för en plan) för att bedöma utfall.",
      messageEn: elsewhere
        ? `The workbook names no period in ${year}, only ${elsewhere}. Choose a period and year (e.g. ${elsewhere}) to assess outcomes.`
        : 'No period given and none could be read (e.g. "Tertial 2 2021" in a Period cell or as a title at the top of a sheet). Choose a period (T1, T2 or VB for a follow-up, VP for a plan) to assess outcomes.',
    }),
  );
  return { kind: null, year: null, source: "none" };
}

/**
 * The year the workbook gives a period of `kind` chosen without one: for VP the year it names its
 * plan by (a title, a Period cell, a `VP 2022` column), else the latest period it names; for T1,
 * T2 and VB the latest period's, else the plan's column's or title's (a follow-up that kept its
 * plan's cover). The pane offers it when a person picks the period the workbook could not tell.
 */
export function workbookYearOf(recognition: Recognition, kind: PeriodKind): number | null {
  const latest = latestNamedPeriod(recognition, null, false) ?? latestNamedPeriod(recognition, null, true);
  return kind === "VP"
    ? (planTitleYear(recognition) ?? vpColumnYear(recognition) ?? latest?.year ?? null)
    : (latest?.year ?? vpColumnYear(recognition) ?? planTitleYear(recognition));
}

/** The latest period named in a Period cell or a title (of `year`, when given), VP excluded. */
function latestNamedPeriod(
  recognition: Recognition,
  year: number | null,
  titles: boolean,
): ParsedPeriod | null {
  let latest: ParsedPeriod | null = null;
  // A table's Period column names the same period on every row: each text is parsed once.
  const parsed = new Map<string, ParsedPeriod | null>();
  for (let c = 0; c < recognition.periodCells.length; c++) {
    const cell = recognition.periodCells[c];
    if ((cell.title === true) !== titles) continue;
    let p = parsed.get(cell.text);
    if (p === undefined) parsed.set(cell.text, (p = parsePeriodText(cell.text)));
    if (!p || p.kind === "VP" || (year !== null && p.year !== year)) continue;
    if (!latest || comparePeriods(p, latest) > 0) latest = p;
  }
  return latest;
}

/**
 * The year a plan names itself by, in a title or a Period cell (`Verksamhetsplan 2021 – …`, `VP
 * 2021`): the first such, or null.
 */
function planTitleYear(recognition: Recognition): number | null {
  for (const cell of recognition.periodCells) {
    const p = parsePeriodText(cell.text);
    if (p?.kind === "VP" && p.year !== null) return p.year;
  }
  return null;
}

/**
 * Whether the tables are a plan for `year`: a target or budget column names that year (`Årsmål
 * 2027`, `Budget 2027`), and every outcome column (a tertial's, an indicator's forecast) names an
 * earlier one (`Utfall 2025`, `Utfall T2 2026`). An undated outcome (`Periodens utfall`, `Utfall
 * T1`), or one of the plan's year, is a follow-up's: its title was kept from the plan it was copied
 * from, and the period is asked for rather than nothing judged.
 */
function tablesPlanFor(recognition: Recognition, year: number): boolean {
  let namesYear = false;
  for (const table of recognition.tables)
    for (const column of table.columns) {
      const role = column.role;
      if (namesOutcome(column)) {
        const named = yearOf(column.header);
        if (named === null || named >= year) return false;
      } else if (
        (role === "target" || role === "kfTarget" || role === "budget") &&
        yearOf(column.header) === year
      )
        namesYear = true;
    }
  return namesYear;
}

/**
 * An outcome column, also one left unread until the period says whose it is (`Utfall T1 2027`,
 * `Utfall T1`: the review of 8 December read a T1 follow-up under its plan's cover as the plan).
 */
function namesOutcome(column: { role: string | null; header: string }): boolean {
  // A tertial's (`Utfall T1 2027`) may be read as the previous period's beside an older whole
  // year's; an indicator's full-year forecast is a follow-up's too.
  if (column.role === "outcome" || column.role === "forecast") return true;
  // A budget's forecast and outcome (`Prognos helår 2027`, `Utfall 2027`) are a follow-up's too.
  if (column.role === "forecastAfterTransfers" || column.role === "forecastBeforeTransfers") return true;
  if (column.role === "amount") return isOutcomeHeader(column.header);
  if (column.role === "previous") return outcomeTertial(column.header) !== null;
  return (
    column.role === null &&
    (outcomeTertial(column.header) !== null || goalTableRole(column.header) === "outcome")
  );
}

/** The year of the first `VP 2022`-style column header (the plan's own year comes first). */
function vpColumnYear(recognition: Recognition): number | null {
  for (const table of recognition.tables)
    for (const column of table.columns)
      if (/^VP\s*\d{4}/i.test(column.header.trim())) return yearOf(column.header);
  return null;
}
