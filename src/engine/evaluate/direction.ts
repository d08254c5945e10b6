import type { Direction, Indicator, TargetKind } from "../model/types";

/**
 * Which way is better for an indicator, when the workbook does not say (no `Riktning` column).
 *
 * The catalogue is built from the indicator names in the five seed reports (Stockholm stad,
 * 2020–2022). Each entry is a case-insensitive pattern on the indicator's name with the reason
 * it points the way it does. Order matters: the first match wins, so specific wordings (a share
 * of people who *do not* experience something, satisfaction with *ekonomiskt bistånd*) come
 * before the broad ones they would otherwise fall into.
 *
 * A name that matches nothing gets its direction from the target's form (`band`, `max`,
 * `increase`, `min`), and otherwise stays `unknown` with a `direction-unknown` finding: a wrong
 * guess would turn a good result red, which is worse than saying we don't know.
 */
export interface DirectionRule {
  pattern: RegExp;
  direction: Exclude<Direction, "unknown">;
  reasonSv: string;
  reasonEn: string;
}

export const DIRECTION_CATALOGUE: readonly DirectionRule[] = [
  // --- Negated wordings: the share of people spared something bad is a good thing.
  {
    pattern: /\binte (upplever|blivit|har blivit|fått vänta|utsatts)\b/i,
    direction: "higher",
    reasonSv: "Andel som sluppit något negativt (t.ex. inte upplever diskriminering): högre är bättre.",
    reasonEn: "Share spared something negative (e.g. not experiencing discrimination): higher is better.",
  },
  {
    pattern: /kunnat avvärjas|\bavvärj/i,
    direction: "higher",
    reasonSv: "Andel avhysningar som kunnat avvärjas: högre är bättre.",
    reasonEn: "Share of evictions averted: higher is better.",
  },
  {
    pattern: /\bupplever\b.*\bförbättrad situation\b/i,
    direction: "higher",
    reasonSv: "Upplevd förbättring av insatsen (även inom ekonomiskt bistånd): högre är bättre.",
    reasonEn: "Perceived improvement from the service (also within financial assistance): higher is better.",
  },
  // --- Budget indicators of the city.
  {
    pattern: /budgetföljsamhet/i,
    direction: "max",
    reasonSv: "Budgetföljsamhet: prognos/utfall i procent av budget; 100 % är ett tak (över = underskott).",
    reasonEn:
      "Budget adherence: forecast/outcome as a share of budget; 100 % is a ceiling (above = deficit).",
  },
  {
    pattern: /prognossäkerhet/i,
    direction: "band",
    reasonSv: "Prognossäkerhet: avvikelse mellan prognos och bokslut, ett intervall kring noll (±1 %).",
    reasonEn:
      "Forecast accuracy: deviation between forecast and year-end outcome, a band around zero (±1 %).",
  },
  // --- Lower is better.
  {
    pattern: /\b(som har|med( långvarigt)?|lever i familjer som har|beroende av) ekonomiskt bistånd\b/i,
    direction: "lower",
    reasonSv: "Andel invånare med ekonomiskt bistånd: målet är självförsörjning, lägre är bättre.",
    reasonEn: "Share of residents on financial assistance: the aim is self-sufficiency, lower is better.",
  },
  {
    pattern: /sjukfrånvaro|korttidsfrånvaro/i,
    direction: "lower",
    reasonSv: "Sjukfrånvaro: lägre är bättre.",
    reasonEn: "Sick leave: lower is better.",
  },
  {
    pattern: /åter blir föremål för|återaktualiser/i,
    direction: "lower",
    reasonSv: "Återaktualisering efter avslutad utredning: lägre är bättre.",
    reasonEn: "Re-referral after a closed investigation: lower is better.",
  },
  {
    pattern: /\bco2|koldioxid|klimatpåverkan|utsläpp/i,
    direction: "lower",
    reasonSv: "Klimatpåverkan/utsläpp (kg CO2e): lägre är bättre.",
    reasonEn: "Climate impact/emissions (kg CO2e): lower is better.",
  },
  {
    // A förskola's or kitchen's food waste (the förskola walk of 8 December); not a share of its
    // reduction (`Andel kök som minskat matsvinnet`).
    pattern: /^(?:mat)?svinn/i,
    direction: "lower",
    reasonSv: "Matsvinn (gram per portion, kg): mindre är bättre.",
    reasonEn: "Food waste (grams per portion, kg): less is better.",
  },
  {
    pattern: /\b(köpt )?energi\b|energianvändning|\bgwh\b|\bkwh\b/i,
    direction: "lower",
    reasonSv: "Energianvändning: lägre är bättre.",
    reasonEn: "Energy use: lower is better.",
  },
  {
    pattern: /\bbarn per (grupp|avdelning|avd)|förskolebarn per (anställd|årsarbetare)|barn\/avd/i,
    direction: "lower",
    reasonSv: "Barn per grupp/avdelning/anställd: färre barn per vuxen är bättre.",
    reasonEn: "Children per group/unit/staff: fewer children per adult is better.",
  },
  {
    pattern: /externa konsulter|inhyrd personal|bemanningsföretag/i,
    direction: "lower",
    reasonSv: "Kostnader för externa konsulter/inhyrd personal: lägre är bättre.",
    reasonEn: "Costs for external consultants/hired staff: lower is better.",
  },
  {
    pattern: /timanställ|visstidsanställ/i,
    direction: "lower",
    reasonSv: "Andel tim-/visstidsanställda: lägre är bättre (trygga anställningar).",
    reasonEn: "Share of hourly/temporary staff: lower is better (secure employment).",
  },
  {
    pattern: /\bantal personal\b.*\bmöter\b/i,
    direction: "lower",
    reasonSv: "Antal personal en hemtjänsttagare möter: färre ger bättre kontinuitet.",
    reasonEn: "Number of staff a home-care recipient meets: fewer means better continuity.",
  },
  {
    pattern: /vräkning|avhysning/i,
    direction: "lower",
    reasonSv: "Vräkningar/avhysningar: färre är bättre.",
    reasonEn: "Evictions: fewer is better.",
  },
  {
    pattern: /akutboende|hotell\/vandrarhem/i,
    direction: "lower",
    reasonSv: "Familjer i akutboende (hotell/vandrarhem): färre är bättre.",
    reasonEn: "Families in emergency housing (hotel/hostel): fewer is better.",
  },
  // --- Higher is better: positive wordings of shares, counts and indexes.
  {
    pattern:
      /nöjd|nöjdhet|trygg|trygghet|bra arbetsgivare|medskapande|medarbetarskapsindex|\(AMI\)|kvalitetsindikator|\bindex\b|rekommenderar sin arbetsplats/i,
    direction: "higher",
    reasonSv: "Nöjdhet, trygghet, index: högre är bättre.",
    reasonEn: "Satisfaction, safety, indexes: higher is better.",
  },
  {
    pattern: /\bupplever\b.*\b(bra|trevlig|kan påverka|väl bemötta|delaktighet)|\bdelaktig/i,
    direction: "higher",
    reasonSv: "Positiv upplevelse (bra, trevlig, kan påverka, delaktighet): högre är bättre.",
    reasonEn: "Positive experience (good, pleasant, influence, participation): higher is better.",
  },
  {
    pattern: /självförsörj|klarar målen|behåller kontraktet|fullföljer|omdöme/i,
    direction: "higher",
    reasonSv: "Utfall som är målet i sig (självförsörjning, klarar målen, behåller bostad): högre är bättre.",
    reasonEn:
      "Outcomes that are the goal itself (self-sufficiency, passing, keeping housing): higher is better.",
  },
  {
    pattern: /tillhandahållna|fått (feriejobb|stockholmsjobb)|praktikplatser|\bnåtts\b|färdigställda/i,
    direction: "higher",
    reasonSv: "Platser, jobb och insatser som erbjuds eller når fram: fler är bättre.",
    reasonEn: "Places, jobs and services provided or reaching people: more is better.",
  },
  {
    pattern:
      /legitimerade|^andel förskollärare (?:av|bland)\b(?!.*(?:slutat|sjuk|arbetsbelastning))|ekologisk|matavfall|digital|smarta lås|marknadsdialog|uppföljning genomförts|uppfyller stadens krav|svarar på|deltar i|inskrivna i förskola|vidtalas|kallats till samtal|andel pojkar av/i,
    direction: "higher",
    reasonSv:
      "Andel som gör det önskade (legitimerad personal, förskollärare, ekologiskt, digitalt, uppföljt, deltar): högre är bättre.",
    reasonEn:
      "Share doing the desired thing (licensed staff, preschool teachers, organic, digital, followed up, taking part): higher is better.",
  },
  {
    // A unit's own shares of those who have what it provides (the walks of 7 December): the share
    // `som har`, `som fått`, `med` it, and nothing said of its lack or delay (`saknar`, `äldre än`,
    // `väntat`, `ej`); not a count, which builds up over the year.
    pattern:
      /^andel\b(?!.*\b(?:ej|inte|icke|utan|saknar|saknade|väntat|väntar|äldre|mer än|mindre än)\b).*\b(?:som (?:har|haft|fått|genomgått|känner till)|med)\s+(?:\S+\s+){0,2}?(?:aktuell genomförandeplan|genomförandeplan|individuell plan|medarbetarsamtal|utbildning|riskbedömning|läkemedelsgenomgång|skyddad yrkestitel|fast omsorgskontakt|trivselreglerna)/i,
    direction: "higher",
    reasonSv:
      "Andel som har det enheten ordnar (genomförandeplan, genomgången utbildning, riskbedömning i Senior alert, läkemedelsgenomgång, skyddad yrkestitel, fast omsorgskontakt, medarbetarsamtal): högre är bättre.",
    reasonEn:
      "Share that has what the unit provides (care plan, training taken, Senior alert risk assessment, medication review, protected title, named care contact, staff talk): higher is better.",
  },
  {
    // Harm in care counted (the äldreomsorg walk of 7 December); not a share of its prevention.
    pattern: /^antal\b(?!.*(?:förebygg|åtgärd)).*(?:\bfall med (?:allvarlig )?skada|fallskador|trycksår)/i,
    direction: "lower",
    reasonSv: "Skador i omsorgen (fall med skada, trycksår): färre är bättre.",
    reasonEn: "Harm in care (falls with injury, pressure ulcers): fewer is better.",
  },
];

export interface ResolvedDirection {
  direction: Direction;
  source: "stated" | "catalogue" | "target" | "none";
  /** The catalogue rule that decided, when `source` is `catalogue`. */
  rule?: DirectionRule;
}

const TARGET_FORM_DIRECTION: Partial<Record<TargetKind, Direction>> = {
  band: "band",
  max: "max",
  increase: "increase",
  min: "higher",
};

/** A text whose spaces `catalogueDirection` would change: other than single spaces inside it. */
const UNEVEN_SPACES = /[^\S ]| {2}|^ | $/;

/** Consecutive catalogue rules, with one pattern that matches where any of them does. */
interface RuleGroup {
  any: RegExp;
  rules: readonly DirectionRule[];
}

/** Rules per group: a name most groups rule out in one test each, and the rest in a few more. */
const GROUP_SIZE = 5;

/**
 * The catalogue in groups of up to five rules of the same flags. A name that matches none of a
 * group's rules is ruled out by one test instead of five; the first rule that matches still wins.
 * (The patterns have no backreferences, so each reads the same inside the joined one.)
 */
function groupRules(rules: readonly DirectionRule[]): RuleGroup[] {
  const groups: RuleGroup[] = [];
  let start = 0;
  while (start < rules.length) {
    const flags = rules[start].pattern.flags;
    let end = start + 1;
    while (end < rules.length && end - start < GROUP_SIZE && rules[end].pattern.flags === flags) end++;
    const members = rules.slice(start, end);
    const any = new RegExp(members.map((rule) => `(?:${rule.pattern.source})`).join("|"), flags);
    groups.push({ any, rules: members });
    start = end;
  }
  return groups;
}

const RULE_GROUPS = groupRules(DIRECTION_CATALOGUE);

export function catalogueDirection(name: string): DirectionRule | null {
  // The model's names are cleaned already: most need no copy.
  return catalogueRule(UNEVEN_SPACES.test(name) ? name.replace(/\s+/g, " ").trim() : name);
}

/** {@link catalogueDirection} of a name whose spaces are single spaces inside it. */
function catalogueRule(normalised: string): DirectionRule | null {
  for (const group of RULE_GROUPS) {
    if (!group.any.test(normalised)) continue;
    for (const rule of group.rules) if (rule.pattern.test(normalised)) return rule;
  }
  return null;
}

/**
 * Stated `Riktning` (or a per-workbook override, which the model builder puts in the same field)
 * wins; then the catalogue; then the form of the Årsmål, else of KF:s årsmål; else unknown.
 */
export function resolveDirection(indicator: Indicator): ResolvedDirection {
  return resolveWith(indicator, catalogueDirection);
}

/**
 * {@link resolveDirection}'s direction, for the model's indicators: without the test of the name's
 * spaces, which the model builder cleans (cleanText: single spaces, trimmed;
 * tests/engine/evaluate/direction-names.test.ts holds it to that).
 */
export function directionOf(indicator: Indicator): Direction {
  return resolveWith(indicator, catalogueRule).direction;
}

/** The order of {@link resolveDirection}, with the catalogue read by `lookup`. */
function resolveWith(
  indicator: Indicator,
  lookup: (name: string) => DirectionRule | null,
): ResolvedDirection {
  const stated = indicator.statedDirection;
  if (stated && stated !== "unknown") return STATED[stated] ?? { direction: stated, source: "stated" };
  const rule = lookup(indicator.name);
  if (rule) return FROM_CATALOGUE.get(rule) ?? { direction: rule.direction, source: "catalogue", rule };
  const fromTarget =
    TARGET_FORM_DIRECTION[indicator.targetKind] ??
    TARGET_FORM_DIRECTION[indicator.kfTargetKind] ??
    boundDirection(
      indicator.name,
      indicator.targetKind,
      indicator.target,
      indicator.units?.target ?? indicator.unit,
    ) ??
    boundDirection(
      indicator.name,
      indicator.kfTargetKind,
      indicator.kfTarget,
      indicator.units?.kfTarget ?? indicator.unit,
    );
  return fromTarget ? FROM_TARGET[fromTarget] : NONE;
}

/**
 * A share's (`Andel …`) target at the end of its scale says which way is better: `100 %` higher (it
 * can go no higher), `0` lower (nor lower). Not other figures: a result, a budget deviation or a
 * ratio to budget may aim at 0 or 100 % from either side, and a count's `0` may stand for no target.
 */
function boundDirection(
  name: string,
  kind: TargetKind,
  target: number | null,
  unit: string | null,
): Direction | null {
  if (kind !== "value" || target === null || !SHARE_NAME.test(name)) return null;
  if (target === 100 && unit === "%") return "higher";
  return target === 0 ? "lower" : null;
}

const SHARE_NAME = /^andel\b/i;

/*
 * The answers, made once and frozen: a check resolves the direction of every indicator, and an
 * object for each of 10 000 was garbage.
 */
const DIRECTIONS: Direction[] = ["higher", "lower", "band", "max", "increase", "unknown"];

function answers(source: "stated" | "target"): Record<Direction, ResolvedDirection> {
  const out = {} as Record<Direction, ResolvedDirection>;
  for (const direction of DIRECTIONS) out[direction] = Object.freeze({ direction, source });
  return out;
}

// An override a caller passes in unchecked may name no known direction: it gets an answer of its own.
const STATED: Partial<Record<Direction, ResolvedDirection>> = answers("stated");
const FROM_TARGET = answers("target");
const FROM_CATALOGUE = new Map<DirectionRule, ResolvedDirection>(
  DIRECTION_CATALOGUE.map((rule) => [
    rule,
    Object.freeze({ direction: rule.direction, source: "catalogue", rule }),
  ]),
);
const NONE: ResolvedDirection = Object.freeze({ direction: "unknown", source: "none" });
