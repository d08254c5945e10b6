import { yearOf } from "../parse/period";
import { keyCode, keyPart, matchKey } from "../parse/text";
import type { ColumnRole } from "./types";

/**
 * Header vocabulary, matched on `matchKey` (lower case, å/ä→a, ö→o, no spaces or punctuation) so
 * that `Utfall kvinn or/ flicko r`, `Perio dens utfall VB 2020`, `Arsmål` and `Prognoss helår`
 * all match without listing typos. Years are removed before matching (`VB 2019`, `Budget 2021`).
 * Order matters: the first rule that matches wins.
 */
interface HeaderRule {
  role: ColumnRole;
  test: (key: string) => boolean;
}

const starts =
  (...prefixes: string[]) =>
  (key: string) =>
    prefixes.some((p) => key.startsWith(p));
const has =
  (...parts: string[]) =>
  (key: string) =>
    parts.every((p) => key.includes(p));

/** `Periodens utfall T1`, `Utfall tertial 2`, `Resultat T2` (the year removed). */
const TERTIAL_OUTCOME = /^(periodens)?(utfall|resultat)(t|tertial)[123]$/;

/**
 * The period's outcome, by name or by its months (`Utfall`, `Periodens utfall Totalt`, `Resultat`,
 * `Utfall jan–aug`, `Resultat januari–augusti`, `Utfall t.o.m. augusti`; the year removed), or as
 * the whole year's (`Resultat helår`, `Utfall helår 2026`, `Helårsutfall`, `Årsutfall`).
 */
const MONTH =
  "(jan|januari|feb|februari|mar|mars|apr|april|maj|jun|juni|jul|juli|aug|augusti|sep|sept|september|okt|oktober|nov|november|dec|december)";
const PERIOD_OUTCOME = new RegExp(
  `^(periodensutfall|utfall|utfallperioden|resultat|periodensresultat)(totalt|helar(et)?|(tom)?${MONTH}((tom)?${MONTH})?)?$|^(helars|ars)(utfall|resultat)$`,
);

/**
 * Header keys of an indicator's own assessment (`Bedömning T2`, `Egen bedömning`, `Måluppfyllelse
 * 2026`); not `Målbedömning` or `Samlad bedömning`, which repeat the goal's down its rows.
 */
const INDICATOR_ASSESSMENT_HEADER =
  /^(egen|enhetens)?(bedomning|maluppfyllelse|trafikljus)((t|tertial)[123]|vb|helar)?$/;

/** An outcome named by its months (`Utfall april`, `Resultat jan–aug`; the year removed). */
const MONTHS_OUTCOME = new RegExp(
  `^(periodensutfall|utfall|resultat|periodensresultat)(tom)?${MONTH}((tom)?${MONTH})?$`,
);

/**
 * Whether a header names an outcome by its tertial or its months (`Periodens utfall T1 2021`,
 * `Utfall april 2020`): as a previous period's column, the same period a year before, not the VB.
 */
export function namesOutcomePeriod(header: string): boolean {
  const key = headerKey(header);
  return TERTIAL_OUTCOME.test(key) || MONTHS_OUTCOME.test(key);
}

/** The tertial (1–3) a header names an outcome by (`Periodens utfall T1 2021` → 1), or null. */
export function outcomeTertial(header: string): number | null {
  const key = headerKey(header);
  // The key ends in the tertial's digit: the year is removed before matching.
  return TERTIAL_OUTCOME.test(key) ? Number(key[key.length - 1]) : null;
}

/**
 * The tertial of a column recognition left unread that names an outcome by it (`Utfall T2`), or
 * null: the model reads it once the period says whose it is (model/periodOutcome.ts).
 */
export function unreadOutcomeTertial(column: { role: ColumnRole | null; header: string }): number | null {
  return column.role === null ? outcomeTertial(column.header) : null;
}

/**
 * Whether a column left unread names the outcome of tertial `kind` (`Utfall T2 2021` for T2) and,
 * where its header names a year, of `year` (any year when `year` is null).
 */
export function isTertialOutcomeOf(
  column: { role: ColumnRole | null; header: string },
  kind: "T1" | "T2",
  year: number | null,
): boolean {
  const tertial = unreadOutcomeTertial(column);
  if (tertial === null || `T${tertial}` !== kind) return false;
  const named = yearOf(column.header);
  return named === null || year === null || named === year;
}

/**
 * `Åtgärd`, `Åtgärder` as matchKey reads them: steps a unit takes, read as a Kommentar beside its
 * figures, but neither an activity's analysis nor a goal list's column.
 */
export const ACTION_KEY = /^atgard(er)?$/;

/**
 * A table of the council's assignments, `KF:s uppdrag` (`Uppdrag`, `Kommunfullmäktiges uppdrag`):
 * activities, as 002 and 003 list them under `Aktivitet` (the nämnd walk of 8 December lost a
 * plan's whole table of them under its own header).
 */
export function isAssignmentKey(key: string): boolean {
  return /^(kfs?uppdrag|uppdrag|uppdragfrankf|kommunfullmaktigesuppdrag|namndensuppdrag)$/.test(key);
}

/** Indicator and activity tables. */
const GOAL_TABLE_RULES: HeaderRule[] = [
  {
    role: "name",
    test: (k) =>
      /^(indikator|indikatorer|aktivitet|aktiviteter|nyckeltal|matt)$/.test(k) ||
      isAssignmentKey(k) ||
      // `Mål / Indikator`: a unit's one column for its goal headings and the indicators under them.
      /^mal(och)?indikator(er)?$/.test(k),
  },
  { role: "previous", test: (k) => /utfallvb|utfallforegaende|foregaendear|^vb$/.test(k) },
  // `Periodens utfall T1 2021` beside the period's own outcome: the same tertial a year before.
  { role: "previous", test: (k) => TERTIAL_OUTCOME.test(k) },
  { role: "outcomeMen", test: (k) => k.startsWith("utfallman") || k.includes("pojkar") || k === "man" },
  {
    role: "outcomeWomen",
    test: (k) => k.startsWith("utfallkvinn") || k.includes("flick") || k === "kvinnor",
  },
  // `Periodens utfall` merged over `Totalt | män/ pojkar | kvinnor/ flickor` reads `Periodens utfall Totalt`.
  {
    role: "outcome",
    test: (k) => PERIOD_OUTCOME.test(k),
  },
  { role: "forecast", test: (k) => /^progno?s+helar/.test(k) || k === "prognos" || k === "helarsprognos" },
  // `Stadens mål` beside a unit's own target: KF's, the city's.
  { role: "kfTarget", test: (k) => /^kfs?arsmal|^kfsmal|^kfmal|^stadens(ars)?mal$/.test(k) },
  {
    role: "target",
    test: (k) => /^(arsmal|malvarde|nämndensarsmal|namndensarsmal|mal\d*ar)$/.test(k) || k === "arsmalnamnd",
  },
  { role: "periodicity", test: (k) => k.startsWith("periodicitet") || k === "frekvens" || k === "mats" },
  { role: "period", test: (k) => k === "period" || k === "matperiod" },
  { role: "direction", test: (k) => k.startsWith("riktning") || k === "onskadriktning" },
  { role: "unit", test: (k) => k === "enhet" || k === "matenhet" },
  // `Kommentar/analys`: the analysis, said to be one.
  { role: "analysis", test: (k) => k.startsWith("analys") || /^kommentar(er)?(och)?analys/.test(k) },
  // `Åtgärd` beside a unit's figures says what it does about them: read as a Kommentar is.
  { role: "comment", test: (k) => k.startsWith("kommentar") || ACTION_KEY.test(k) },
  // An indicator's own assessment in a unit's table (`Bedömning`, `Måluppfyllelse`, `Trafikljus`).
  { role: "assessment", test: (k) => INDICATOR_ASSESSMENT_HEADER.test(k) },
  // `Målnivå | Mål | Indikator` (a system export): the level column says `Nämndmål`, the next one names the goal.
  { role: "goalLevel", test: (k) => /^(malniva|niva|maltyp)$/.test(k) },
  { role: "goal", test: (k) => /^(mal|malnr|malnummer|malid|namndmal|kfmal|enhetsmal|malomrade)$/.test(k) },
  { role: "start", test: (k) => k.startsWith("startdatum") || k === "start" },
  { role: "end", test: (k) => k.startsWith("slutdatum") || k === "slut" || /^klart(senast|datum)?$/.test(k) },
  { role: "deviationFlag", test: (k) => k === "avvikelse" },
  // An activity's `Status` (`Status T1`, `Läge`): `Pågår`, `Klar`, `Ej påbörjad`. An indicator table does not read it.
  { role: "status", test: (k) => /^(status|lage)((t|tertial)[123]|vb)?$/.test(k) },
];

/** Label column headers that say a budget table's rows are areas or units, not one budget's lines. */
const AREA_OR_UNIT_LABEL = /^(verksamhetsomrade|verksamhet|resultatenhet|resultatenhetensnamn)$/;

/** Budget tables (the first column holds `Mnkr`, `Tkr`, `Mnkr, netto`, or a row label header). */
const BUDGET_RULES: HeaderRule[] = [
  {
    role: "name",
    test: (k) =>
      AREA_OR_UNIT_LABEL.test(k) ||
      /^(mnkr|tkr|kr|mnkrnetto|tkrnetto|projekt|investering)$/.test(k) ||
      // A unit's own: its accounts or cost kinds (`Konto/område`, `Kostnadsslag`).
      /^(kontoomrade|omrade|kostnadsslag|kontoslag|benamning|kontobenamning)$/.test(k),
  },
  { role: "amount", test: (k) => k.startsWith("varav") },
  { role: "grossBudget", test: (k) => k.includes("bruttobudget") },
  {
    role: "carryOverTo",
    test: (k) => k.startsWith("beraknadresultatoverforingtill") || k.startsWith("resultatoverforingtill"),
  },
  { role: "carryOverFrom", test: (k) => k.startsWith("resultatoverforingfran") },
  { role: "estimatedResult", test: (k) => k.startsWith("beraknatresultat") },
  { role: "ownTrading", test: has("egethandlande") },
  {
    role: "adjustments",
    test: starts("begardabudgetjust", "begardabj", "budgetjusteringar", "begardabudget"),
  },
  { role: "changes", test: starts("prestations", "omslutnings") },
  { role: "forecastBeforeTransfers", test: (k) => k.startsWith("prognos") && /fore(resultat|ro)/.test(k) },
  { role: "forecastAfterTransfers", test: (k) => k.startsWith("prognos") && !k.startsWith("prognostiserat") },
  { role: "budgetDeviation", test: starts("avvikelse") },
  {
    role: "budget",
    test: (k) =>
      k.startsWith("budget") || k.startsWith("vp") || k === "beslutadbudget" || /^(hel)?arsbudget/.test(k),
  },
  { role: "amount", test: (k) => /^(bokslut|beraknad|prognostiserat|utfall|snitt|plan)/.test(k) },
  {
    role: "analysis",
    test: (k) => k.startsWith("analys") || k.startsWith("kommentar") || k.startsWith("forklaring"),
  },
];

/** Removes years and the `(…)` explanations after a header's first words are kept in the key. */
export function headerKey(text: string): string {
  return matchKey(text.replace(/\b(19|20)\d{2}\b/g, ""));
}

/**
 * Roles by header text. Every row of a table is tried as a repeated header, so the same texts
 * come back thousands of times.
 */
const goalRoles = new Map<string, ColumnRole | null>();
const budgetRoles = new Map<string, ColumnRole | null>();
const ROLE_CACHE_SIZE = 20_000;

function cachedRole(
  cache: Map<string, ColumnRole | null>,
  rules: { role: ColumnRole; test: (k: string) => boolean }[],
  header: string,
): ColumnRole | null {
  const cached = cache.get(header);
  if (cached !== undefined) return cached;
  const key = headerKey(header);
  const role = key ? (rules.find((r) => r.test(key))?.role ?? null) : null;
  if (cache.size >= ROLE_CACHE_SIZE) cache.clear();
  cache.set(header, role);
  return role;
}

/**
 * `Mål 2021` over an indicator's figures: the year's target, its Årsmål. Without the year, `Mål` is
 * the goal a row belongs to (the year is removed before the rules match).
 */
const YEAR_TARGET = /^\s*m[aå]l\s+(?:för\s+)?(?:19|20)\d{2}\s*$/i;

/** Whether a header is a year's `Mål` (`Mål 2021`), which {@link goalTableRole} reads as the Årsmål. */
export function isYearTarget(header: string): boolean {
  return YEAR_TARGET.test(header);
}

export function goalTableRole(header: string): ColumnRole | null {
  return YEAR_TARGET.test(header) ? "target" : cachedRole(goalRoles, GOAL_TABLE_RULES, header);
}

export function budgetRole(header: string): ColumnRole | null {
  return cachedRole(budgetRoles, BUDGET_RULES, header);
}

/** Whether a budget table's label column header says its rows name areas or units (`Verksamhetsområde`, `Resultatenhet`). */
export function isAreaOrUnitLabelHeader(header: string): boolean {
  return AREA_OR_UNIT_LABEL.test(headerKey(header));
}

/** True when a header names the label column of a budget table. */
export function isBudgetLabelHeader(header: string): boolean {
  return budgetRole(header) === "name";
}

/** The amount unit named in a header (`Mnkr`, `Tkr`, `kronor`). */
export function amountUnitOf(text: string): "mnkr" | "tkr" | "kr" | null {
  const key = matchKey(text);
  if (key.startsWith("mnkr") || key.startsWith("mkr") || key.includes("miljonerkronor")) return "mnkr";
  if (key.startsWith("tkr") || key.includes("tusentalkronor")) return "tkr";
  if (key === "kr" || key === "kronor") return "kr";
  return null;
}

/**
 * A unit stated at the end of a title or header, set off by a comma, a parenthesis, a colon or `i`:
 * `…, tkr`, `(tkr)`, `i tusentals kronor`, `belopp i 1000-tal kr`, `(1 000 kr)`, `i miljoner kronor`.
 */
const STATED_UNIT =
  /(?:^|[,(:–]\s*|\s-\s*|\bi\s+)(?:(miljoner|tusentals?|tusen|1\s?000(?:-?tal)?)\s+)?(mnkr|mkr|tkr|kr|kronor)\)?\.?\s*$/;

/**
 * The amount unit a title or an amount column's header states (`Driftbudget 2020, tkr`, `Budget
 * 2020 (tkr)`, `Belopp i miljoner kronor`), or null. Only a statement at the text's end: not a sum
 * (`överskott på 450 kr`) nor a unit of something else (`Utfall i kr per invånare`).
 */
export function amountUnitIn(text: string): "mnkr" | "tkr" | "kr" | null {
  const match = STATED_UNIT.exec(text.toLowerCase());
  if (!match) return null;
  const [, scale, unit] = match;
  if (unit === "mnkr" || unit === "mkr" || scale === "miljoner") return "mnkr";
  if (unit === "tkr" || scale !== undefined) return "tkr";
  return "kr";
}

/** Letters (digits aside) of the longest key a table's first header has: `resultatenhetensnamn`. */
const MAX_OPENING_LETTERS = 25;
const KRONOR = "kronor";
const K = 107;

/** A key's first characters packed into one number (7 bits each), to compare prefixes without a string. */
function packed(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) n = n * 128 + word.charCodeAt(i);
  return n;
}
/** More than {@link MAX_OPENING_LETTERS} ASCII letters: a key with more letters than any first header's. */
const MORE_LETTERS_THAN_AN_OPENING = /^(?:[^a-zA-Z]*[a-zA-Z]){26}/;
const MKR = packed("mkr");
const TKR = packed("tkr");
const MNKR = packed("mnkr");

/**
 * Whether a text may open a table's header (the first text of a header row), judged on its key's
 * characters (as {@link matchKey} makes them) without building the key. A first header's key is a
 * short word (`indikator`, `mnkr`, `verksamhetsomrade`; years aside), or starts with an amount unit
 * (`Mnkr, netto …`), or names kronor (`Belopp i miljoner kronor`). Every row of every table is tried
 * as a repeated header, so most row labels stop here instead of in the vocabulary.
 */
export function mayOpenHeader(text: string): boolean {
  // Most row labels hold more ASCII letters than any first header's key has: past its first four
  // key characters (a unit?) only kronor can still open a header. A native scan tells.
  const tooLong = MORE_LETTERS_THAN_AN_OPENING.test(text);
  let letters = 0;
  let seen = 0;
  let first3 = 0;
  let first4 = 0;
  let kronor = 0;
  let part = "";
  let j = 0;
  for (let i = 0; ;) {
    let k: number;
    if (j < part.length) k = part.charCodeAt(j++);
    else {
      if (i >= text.length) break;
      const code = text.charCodeAt(i++);
      if (code >= 128) {
        part = keyPart(code);
        j = 0;
        continue;
      }
      k = keyCode(code);
      if (k < 0) continue;
    }
    if (seen < 3) first3 = first3 * 128 + k;
    if (seen < 4) first4 = first4 * 128 + k;
    seen++;
    if (seen === 3 && (first3 === MKR || first3 === TKR)) return true;
    if (seen === 4 && first4 === MNKR) return true;
    if (k < 48 || k > 57) letters++;
    kronor = nextKronor(kronor, k);
    if (kronor === KRONOR.length) return true;
    // Too long for a word and no unit first: only `kronor` further on can still open a header.
    if ((tooLong || letters > MAX_OPENING_LETTERS) && seen >= 4 && j >= part.length)
      return kronorFrom(text, i, kronor);
  }
  return letters <= MAX_OPENING_LETTERS;
}

/** Characters of `kronor` matched after key character `k`, given `matched` before it. */
function nextKronor(matched: number, k: number): number {
  return k === KRONOR.charCodeAt(matched) ? matched + 1 : k === K ? 1 : 0;
}

/**
 * Texts whose key may hold `kronor`: its six letters, each written as itself (in either case) or as
 * a character from 128 on (`ö` keys to `o`), with nothing between them but characters that may key
 * to nothing. No character keys to more than one (tests/engine/parse/matchKey.test.ts), so a text
 * this misses holds no `kronor` in its key: the native scan spares most long texts the loop below.
 */
const MAY_KEY_KRONOR =
  /[kK\u0080-\uffff][^a-zA-Z0-9%]*[rR\u0080-\uffff][^a-zA-Z0-9%]*[oO\u0080-\uffff][^a-zA-Z0-9%]*[nN\u0080-\uffff][^a-zA-Z0-9%]*[oO\u0080-\uffff][^a-zA-Z0-9%]*[rR\u0080-\uffff]/;

/** Whether the key of `text` from index `i` on completes `kronor`, `matched` of its characters seen. */
function kronorFrom(text: string, i: number, matched: number): boolean {
  if (!MAY_KEY_KRONOR.test(text)) return false;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) {
      const part = keyPart(code);
      for (let j = 0; j < part.length; j++)
        if ((matched = nextKronor(matched, part.charCodeAt(j))) === KRONOR.length) return true;
      continue;
    }
    const k = keyCode(code);
    if (k < 0) continue;
    if ((matched = nextKronor(matched, k)) === KRONOR.length) return true;
  }
  return false;
}
