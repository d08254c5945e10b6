import type { Finding } from "../findings";
import { finding } from "../findings";
import type {
  Direction,
  Indicator,
  IndicatorStatus,
  KfStatus,
  PeriodKind,
  StatusBasis,
  TargetKind,
} from "../model/types";
import { a1, a1Range } from "../grid";
import { andList, matchKey } from "../parse/text";
import type { RecognisedTable } from "../recognise/types";
import { unreadColumns } from "../recognise/unread";
import type { Settings } from "../settings";
import { hasText, nameCell } from "./cells";
import { directionOf } from "./direction";
import { forecastMissing, forecastMissingFinding } from "./forecastMissing";
import { isJudged } from "./judged";
import type { AnalysisPlace, MessageEnd } from "./missingAnalysis";
import { ANALYSIS_PLACES, AnalysisRowTables, analysisWhere } from "./missingAnalysis";
import { TablesAt } from "./tablesAt";

/** A small relative margin so that 0.1 + 0.2 compares equal to 0.3. */
const EPSILON = 1e-9;

function atMost(a: number, b: number): boolean {
  return a <= b + EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Compares a value with a target. `tolerance` is the share of the target by which a value may
 * miss and still be `partly-met` (settings.partlyMetTolerance). See RULES_DOC for the reasons.
 */
export function compareToTarget(input: {
  value: number;
  target: number | null;
  kind: TargetKind;
  direction: Direction;
  previous: number | null;
  tolerance: number;
}): IndicatorStatus {
  const { value, target, kind, direction, previous, tolerance } = input;
  return statusFor(value, target, kind, direction, previous, tolerance);
}

/** {@link compareToTarget} with its inputs as arguments: no object for each of 20 000 judgements. */
function statusFor(
  value: number,
  target: number | null,
  kind: TargetKind,
  direction: Direction,
  previous: number | null,
  tolerance: number,
): IndicatorStatus {
  if (kind === "none" || kind === "delegated") return "no-target";
  if (kind === "increase" || (kind === "value" && direction === "increase" && target === null)) {
    if (previous === null) return "unknown";
    if (atMost(value, previous) && atMost(previous, value)) return "partly-met";
    return value > previous ? "met" : "not-met";
  }
  if (target === null) return "unknown";
  const margin = tolerance * Math.abs(target);
  if (kind === "band" || (kind === "value" && direction === "band")) {
    const halfWidth = Math.abs(target);
    if (atMost(Math.abs(value), halfWidth)) return "met";
    return atMost(Math.abs(value), halfWidth * (1 + tolerance)) ? "partly-met" : "not-met";
  }
  if (kind === "max" || (kind === "value" && direction === "max")) {
    if (atMost(value, target)) return "met";
    return atMost(value - target, margin) ? "partly-met" : "not-met";
  }
  const higherIsBetter = kind === "min" || direction === "higher" || direction === "increase";
  if (higherIsBetter) {
    if (atMost(target, value)) return "met";
    return atMost(target - value, margin) ? "partly-met" : "not-met";
  }
  if (direction === "lower") {
    if (atMost(value, target)) return "met";
    return atMost(value - target, margin) ? "partly-met" : "not-met";
  }
  return "unknown";
}

/** The figure a status is judged on: the full-year forecast before year-end, else the outcome. */
export function valueForStatus(indicator: Indicator, period: PeriodKind | null): number | null {
  if (period === "T1" || period === "T2") return indicator.forecast ?? indicator.outcome;
  if (period === "VB") return indicator.outcome;
  return null;
}

/** Which figure {@link valueForStatus} takes, or null when it takes none. */
export function basisForStatus(indicator: Indicator, period: PeriodKind | null): StatusBasis | null {
  if ((period === "T1" || period === "T2") && indicator.forecast !== null) return "forecast";
  if ((period === "T1" || period === "T2" || period === "VB") && indicator.outcome !== null) return "outcome";
  return null;
}

/**
 * The field a judged status rests on, for messages and tables that quote its figure: the outcome
 * where it was judged on it or there is no forecast, else the forecast (a model whose statuses
 * carry no basis was judged on the forecast where there was one).
 */
export function judgedField(indicator: Indicator): "outcome" | "forecast" {
  return indicator.statusBasis === "outcome" || indicator.forecast === null ? "outcome" : "forecast";
}

type UnitFamily = "percent" | "count" | "energy" | "money" | "co2" | "time" | `per:${string}`;

/** A unit per something (`barn/avd.`, `kr per invånare`). */
export function isRate(unit: string): boolean {
  return /\/|\sper\s/i.test(unit);
}

/**
 * A rate's unit as one key for its spellings: `barn/avd.` and `barn/avdelning`, `kWh/m2` and
 * `kWh/m²`, `kr/invånare` and `kr per invånare` are each one (the family of what is counted, and
 * the first three letters of what it is per).
 */
export function rateKey(unit: string): `per:${string}` {
  const u = unit
    .toLowerCase()
    .replace(/\s+per\s+/g, "/")
    .replace(/²/g, "2")
    .replace(/[\s.]+/g, "");
  const slash = u.indexOf("/");
  const counted = u.slice(0, slash);
  return `per:${unitFamily(counted) ?? counted}/${u.slice(slash + 1, slash + 4)}`;
}

/**
 * Groups unit spellings that measure the same thing (`st`, `personer`, `barn` are counts). A rate
 * (`barn/avd.`, `kr per invånare`) is a family of its own ({@link rateKey}): against a count it is
 * not judged, as the check's `unit-mismatch` says (15,2 barn/avd. against 15 barn).
 */
export function unitFamily(unit: string | null | undefined): UnitFamily | null {
  if (!unit) return null;
  const u = unit.trim().toLowerCase();
  if (u === "") return null;
  if (u.startsWith("%") || u.startsWith("procent")) return "percent";
  if (isRate(u)) return rateKey(u);
  if (/co2/.test(u)) return "co2";
  if (/^[kmgt]?wh\b/.test(u)) return "energy";
  if (/^(kr|tkr|mnkr|mdkr|kronor)\b/.test(u)) return "money";
  if (/^(dagar|dag|månader|mån|timmar|tim|veckor)\b/.test(u)) return "time";
  if (/^(st|stycken|personer|person|barn|hushåll|platser|ungdomar|elever)\b/.test(u)) return "count";
  return null;
}

/** The unit written after the number in a target text (`800 st` → `st`, `Max 10 personer` → `personer`). */
export function unitInText(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /[-+]?\d[\d\s\u00a0]*(?:[.,]\d+)?\s*(.*)$/.exec(text.trim());
  if (!m) return null;
  const rest = m[1].trim();
  return rest === "" ? null : rest;
}

/**
 * {@link unitFamily} of units and of the units written in target texts, each worked out once per
 * run: 10 000 indicators share a few units and a few hundred target texts.
 */
export class UnitFamilies {
  private readonly units = new Map<string, UnitFamily | null>();
  private readonly targetTexts = new Map<string, UnitFamily | null>();

  ofUnit(unit: string | null): UnitFamily | null {
    if (unit === null) return null;
    let family = this.units.get(unit);
    if (family === undefined) this.units.set(unit, (family = unitFamily(unit)));
    return family;
  }

  /** The family of the unit written after the number in a target text (`800 st` → count). */
  ofTargetText(text: string | null): UnitFamily | null {
    if (text === null) return null;
    let family = this.targetTexts.get(text);
    if (family === undefined) this.targetTexts.set(text, (family = unitFamily(unitInText(text))));
    return family;
  }
}

/** KF:s årsmål at least this many times the nämnd's Årsmål, in a total, is a city-wide figure. */
export const CITY_WIDE_COUNT_RATIO = 5;

/** Families of totals, which grow with what they count over: a share or a rate does not. */
const TOTALS: ReadonlySet<UnitFamily> = new Set<UnitFamily>(["count", "energy", "co2", "money"]);

/**
 * Whether KF:s årsmål has another scope than the nämnd's figure: a total (a count, `st`, or an
 * `Antal …` written without a unit; energy, `GWh`; CO2; kronor) whose KF target is at least five
 * times the nämnd's own target (`800 st` against `44 st`; a unit's `3,3 GWh` against the city's
 * `1 945 GWh`). Totals of like scope (`4,9` against `4,9` children per staff) stay comparable.
 */
export function kfScopeDiffers(indicator: Indicator, families: UnitFamilies = new UnitFamilies()): boolean {
  const { target, kfTarget } = indicator;
  if (target === null || kfTarget === null || target <= 0) return false;
  if (!isNumericKind(indicator.targetKind) || !isNumericKind(indicator.kfTargetKind)) return false;
  if (!(kfTarget >= CITY_WIDE_COUNT_RATIO * target)) return false;
  const unit = indicator.unit ?? null;
  const family = unit !== null ? families.ofUnit(unit) : families.ofTargetText(indicator.kfTargetText);
  return family !== null ? TOTALS.has(family) : /^antal\b/i.test(indicator.name.trim());
}

function isNumericKind(kind: TargetKind): boolean {
  return kind === "value" || kind === "min" || kind === "max";
}

interface IndicatorContext {
  period: PeriodKind | null;
  settings: Settings;
  families: UnitFamilies;
  unread: UnreadColumns;
  analysisRows: AnalysisRowTables;
}

/** A column of the row's table that nothing reads (recognise/unread), where its header stands. */
interface UnreadColumn {
  header: string;
  headerRow: number;
  col: number;
}

/**
 * The columns not read (no role) that hold values, of the indicator table a row lies in, looked up
 * only for rows of a table without an outcome column, and worked out once per table.
 */
class UnreadColumns {
  private readonly tables: TablesAt;
  private readonly known = new Map<RecognisedTable, UnreadColumn[]>();

  constructor(tables: readonly RecognisedTable[]) {
    this.tables = new TablesAt(
      tables,
      (table) =>
        (table.type === "indicators-followup" || table.type === "indicators-plan") &&
        !table.columns.some((c) => c.role === "outcome"),
    );
  }

  of(indicator: Indicator): readonly UnreadColumn[] {
    const table = this.tables.at(indicator.sheet, indicator.row);
    if (!table) return [];
    let columns = this.known.get(table);
    if (!columns)
      this.known.set(
        table,
        (columns = unreadColumns(table).map(({ column }) => ({
          header: column.header,
          headerRow: table.headerRow,
          col: column.col,
        }))),
      );
    return columns;
  }
}

function statusAgainst(
  indicator: Indicator,
  target: number | null,
  kind: TargetKind,
  targetText: string | null,
  ctx: IndicatorContext,
): IndicatorStatus {
  if (kind === "none" || kind === "delegated") return "no-target";
  if (ctx.period === null) return "unknown";
  if (ctx.period === "VP") return "not-measured";
  const value = valueForStatus(indicator, ctx.period);
  if (value === null) return "not-measured";
  const valueFamily = ctx.families.ofUnit(indicator.unit);
  const targetFamily = ctx.families.ofTargetText(targetText);
  if (valueFamily && targetFamily && valueFamily !== targetFamily) return "unknown";
  return statusFor(
    value,
    target,
    kind,
    indicator.direction,
    indicator.previous,
    ctx.settings.partlyMetTolerance,
  );
}

function needsDirection(kind: TargetKind): boolean {
  return kind === "value";
}

/**
 * What a direction is wanted for: a follow-up's status; in a plan, where nothing is judged yet,
 * the comparison of the Årsmål with KF:s årsmål (`target-less-ambitious`), else the follow-up's
 * statuses to come (the förskola walk's plan read the message as noise).
 */
function directionUse(indicator: Indicator, ctx: IndicatorContext): "status" | "ambition" | "later" {
  if (ctx.period !== "VP") return "status";
  // A city-wide KF:s årsmål (`120 st` against a district's `4 st`) is compared with nothing.
  const comparable =
    indicator.target !== null && indicator.kfTarget !== null && !kfScopeDiffers(indicator, ctx.families);
  return comparable ? "ambition" : "later";
}

const DIRECTION_FOR: Record<"status" | "ambition" | "later", MessageEnd> = {
  status: { sv: "kan status beräknas", en: "its status can be computed" },
  ambition: {
    sv: "kan årsmålet jämföras med KF:s årsmål",
    en: "its annual target can be compared with the KF target",
  },
  later: { sv: "kan status beräknas i uppföljningen", en: "its status can be computed in the follow-up" },
};

/** Whether an outcome is due for this indicator in this period. */
export function outcomeDue(indicator: Indicator, period: PeriodKind | null): boolean {
  if (period === "VB") return true;
  if (period === "T1" || period === "T2") return indicator.periodicity === "tertial";
  return false;
}

export function isDeviating(indicator: Indicator): boolean {
  return (
    indicator.status === "partly-met" || indicator.status === "not-met" || indicator.kfStatus === "not-met"
  );
}

const STATUS_SV: Record<KfStatus, string> = {
  met: "uppfylls",
  "partly-met": "uppfylls delvis",
  "not-met": "uppfylls inte",
  "not-measured": "ej mätt",
  "no-target": "saknar mål",
  unknown: "okänd",
  "not-comparable": "ej jämförbart",
};

const STATUS_EN: Record<KfStatus, string> = {
  met: "met",
  "partly-met": "partly met",
  "not-met": "not met",
  "not-measured": "not measured",
  "no-target": "no target",
  unknown: "unknown",
  "not-comparable": "not comparable",
};

/** Sets direction, status, kfStatus and statusBasis on one indicator and adds its findings to `out`. */
function evaluateIndicator(indicator: Indicator, ctx: IndicatorContext, out: Finding[]): void {
  const direction = directionOf(indicator);
  indicator.direction = direction;
  indicator.status = statusAgainst(
    indicator,
    indicator.target,
    indicator.targetKind,
    indicator.targetText,
    ctx,
  );
  const kfStatus = statusAgainst(
    indicator,
    indicator.kfTarget,
    indicator.kfTargetKind,
    indicator.kfTargetText,
    ctx,
  );
  indicator.kfStatus =
    isJudged(kfStatus) && kfScopeDiffers(indicator, ctx.families) ? "not-comparable" : kfStatus;
  indicator.statusBasis =
    isJudged(indicator.status) || isJudged(indicator.kfStatus) ? basisForStatus(indicator, ctx.period) : null;

  if (
    direction === "unknown" &&
    (needsDirection(indicator.targetKind) || needsDirection(indicator.kfTargetKind))
  ) {
    out.push(
      finding({
        code: "direction-unknown",
        sheet: indicator.sheet,
        cell: nameCell(indicator),
        goal: indicator.goal,
        message: `Det går inte att avgöra om högre eller lägre är bättre för ”${indicator.name}”. Ange riktning (kolumnen Riktning eller i Målkoll) så ${DIRECTION_FOR[directionUse(indicator, ctx)].sv}.`,
        messageEn: `Cannot tell whether higher or lower is better for "${indicator.name}". State a direction (a Riktning column or in Målkoll) so ${DIRECTION_FOR[directionUse(indicator, ctx)].en}.`,
      }),
    );
  }

  if (indicator.outcome === null && outcomeDue(indicator, ctx.period)) {
    if (!indicator.cells.outcome) out.push(noOutcomeColumn(indicator, ctx.unread.of(indicator)));
    else {
      const ends =
        ctx.period === "VB"
          ? OUTCOME_MISSING_END.annualReport
          : indicator.periodicityFromPrevious
            ? OUTCOME_MISSING_END.measuredLastYear
            : OUTCOME_MISSING_END.tertial;
      out.push(
        finding({
          code: "outcome-missing",
          sheet: indicator.sheet,
          cell: indicator.cells.outcome,
          goal: indicator.goal,
          message: `Utfall saknas för ”${indicator.name}${ends.sv}`,
          messageEn: `Outcome missing for "${indicator.name}${ends.en}`,
        }),
      );
    }
  }

  if (forecastMissing(indicator, ctx.period)) out.push(forecastMissingFinding(indicator));

  if (isDeviating(indicator) && !hasText(indicator.analysis)) {
    const cell = indicator.cells.analysis || nameCell(indicator);
    const judged = ANALYSIS_MISSING_END[indicator.statusBasis === "forecast" ? "forecast" : "outcome"];
    const ends = (
      indicator.status === "partly-met" || indicator.status === "not-met"
        ? judged.annual[indicator.status]
        : judged.kf[indicator.kfStatus]
    )[ctx.analysisRows.placeOf(indicator.cells, indicator.sheet, indicator.row)];
    out.push(
      finding({
        code: "analysis-missing",
        sheet: indicator.sheet,
        cell,
        goal: indicator.goal,
        message: `”${indicator.name}${ends.sv}`,
        messageEn: `"${indicator.name}${ends.en}`,
      }),
    );
  }
}

/**
 * `outcome-missing` for a row of a table with no column read as the period's outcome: nothing was
 * left out of a cell, so the message says what the table lacks and names the columns not read (the
 * outcome may be among them, `Utfall T1` in a T2 report), and points at the header of the one most
 * like an outcome, whose mapping is what to fix; the range runs down to the row's cell under it.
 */
function noOutcomeColumn(indicator: Indicator, unread: readonly UnreadColumn[]): Finding {
  const lacks = {
    sv: `Utfall saknas för ”${indicator.name}”: tabellen har ingen kolumn som läses som periodens utfall`,
    en: `Outcome missing for "${indicator.name}": the table has no column read as the period's outcome`,
  };
  if (unread.length === 0)
    return finding({
      code: "outcome-missing",
      sheet: indicator.sheet,
      cell: nameCell(indicator),
      goal: indicator.goal,
      message: `${lacks.sv}. Lägg till kolumnen Periodens utfall eller ange en kolumns roll under Läs in → Rätta tolkning.`,
      messageEn: `${lacks.en}. Add a Periodens utfall column or set a column's role under Read → Correct mapping.`,
    });
  // Only a column that looks like an outcome is pointed at: another (`Källa`) would read as the culprit.
  const shown = unread.find((c) => OUTCOME_LIKE.test(matchKey(c.header)));
  const one = unread.length === 1;
  const headers = (sv: boolean) =>
    andList(
      unread.map((c) => (sv ? `”${c.header}”` : `"${c.header}"`)),
      sv ? "och" : "and",
    );
  return finding({
    code: "outcome-missing",
    sheet: indicator.sheet,
    cell: shown ? a1(shown.headerRow, shown.col) : nameCell(indicator),
    range: shown ? a1Range(shown.headerRow, shown.col, indicator.row, shown.col) : undefined,
    goal: indicator.goal,
    message: `${lacks.sv} (${one ? "kolumnen" : "kolumnerna"} ${headers(true)} läses inte). Ange under Läs in → Rätta tolkning vilken kolumn som är periodens utfall.`,
    messageEn: `${lacks.en} (the ${one ? "column" : "columns"} ${headers(false)} ${one ? "is" : "are"} not read). Under Read → Correct mapping, set which column is the period's outcome.`,
  });
}

/** A header that names an outcome (`Utfall T1`, `Periodens resultat`): the likeliest column to map. */
const OUTCOME_LIKE = /utfall|resultat|bokslut/;

/*
 * What follows the indicator's name in a message (MessageEnd) is written once: put together per
 * finding, the ends cost more strings than the thousands of names they follow.
 */
const OUTCOME_MISSING_END: Record<"annualReport" | "tertial" | "measuredLastYear", MessageEnd> = {
  annualReport: {
    sv: "” (utfall ska redovisas i verksamhetsberättelsen).",
    en: '" (outcomes are due in the annual report).',
  },
  tertial: {
    sv: "” (tertialindikator, utfall ska redovisas varje tertial).",
    en: '" (a tertial indicator reports an outcome every tertial).',
  },
  measuredLastYear: {
    sv: "” (den har utfall för samma period förra året; står det inget nu, skriv varför i cellen eller analysen, t.ex. ”Mäts i oktober”).",
    en: '" (it has an outcome for the same period last year; if there is none now, say why in the cell or the analysis, e.g. "Mäts i oktober").',
  },
};

/**
 * `analysis-missing` ends per status, judged against Årsmål or against KF:s årsmål, on the outcome
 * or on the full-year forecast (which the end then names: the outcome may not miss at all), and
 * per place the analysis goes (missingAnalysis.ts).
 */
const ANALYSIS_MISSING_END = {
  outcome: analysisMissingEnds({ sv: "", en: "" }),
  forecast: analysisMissingEnds({ sv: " enligt prognosen", en: " on its forecast" }),
};

type PerPlace = Record<AnalysisPlace, MessageEnd>;

function analysisMissingEnds(basis: MessageEnd): Record<"annual" | "kf", Record<KfStatus, PerPlace>> {
  return {
    annual: perStatus((status) =>
      perPlace({
        sv: `” avviker från målet${basis.sv} (Årsmål: ${STATUS_SV[status]}) men saknar analys`,
        en: `" deviates from its target${basis.en} (annual target: ${STATUS_EN[status]}) but has no analysis`,
      }),
    ),
    kf: perStatus((status) =>
      perPlace({
        sv: `” avviker från målet${basis.sv} (KF:s årsmål: ${STATUS_SV[status]}) men saknar analys`,
        en: `" deviates from its target${basis.en} (KF target: ${STATUS_EN[status]}) but has no analysis`,
      }),
    ),
  };
}

/** `start` followed by each place's ending. */
function perPlace(start: MessageEnd): PerPlace {
  const out = {} as PerPlace;
  for (const place of ANALYSIS_PLACES) {
    const end = analysisWhere(place);
    out[place] = { sv: start.sv + end.sv, en: start.en + end.en };
  }
  return out;
}

function perStatus<T>(end: (status: KfStatus) => T): Record<KfStatus, T> {
  const out = {} as Record<KfStatus, T>;
  for (const status of Object.keys(STATUS_SV) as KfStatus[]) out[status] = end(status);
  return out;
}

/**
 * Sets direction, status, kfStatus and statusBasis on every indicator and returns their findings.
 * `tables`: the recognised tables the indicators were read from, whose columns not read an
 * `outcome-missing` names when a table has no outcome column.
 */
export function evaluateIndicators(
  indicators: Indicator[],
  run: {
    period: PeriodKind | null;
    settings: Settings;
    tables?: readonly RecognisedTable[];
    /** Made from `tables` where not given. */
    analysisRows?: AnalysisRowTables;
  },
): Finding[] {
  const ctx: IndicatorContext = {
    period: run.period,
    settings: run.settings,
    families: new UnitFamilies(),
    unread: new UnreadColumns(run.tables ?? []),
    analysisRows: run.analysisRows ?? new AnalysisRowTables(run.tables ?? []),
  };
  const out: Finding[] = [];
  for (let k = 0; k < indicators.length; k++) evaluateIndicator(indicators[k], ctx, out);
  return out;
}
