import type { GoalCounts } from "../model/types";

/**
 * A report's own tally of its indicators, read from the analysis text ("sex indikatorer bedöms
 * uppfyllas helt, en delvis och två inte alls", 002 line 165). Fields the text does not state are
 * null. Used to compare the computed counts with what the report says (pipeline tests, and a
 * possible future finding).
 */
export interface StatedTally {
  met: number | null;
  partlyMet: number | null;
  notMet: number | null;
  /** Indicators the sentence speaks of in all (`16 av 19`, `de fem indikatorerna`), or null. */
  total: number | null;
  /** The text the tally was read from. */
  sentence: string;
}

const NUMBER_WORDS: Record<string, number> = {
  en: 1,
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
  tretton: 13,
  fjorton: 14,
  femton: 15,
  sexton: 16,
  sjutton: 17,
  arton: 18,
  nitton: 19,
  tjugo: 20,
};

function numberOf(word: string | undefined): number | null {
  if (!word) return null;
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

const WORD = "([\\p{L}\\d]+)";
const VERB = "(?:bedöms\\s+|kommer\\s+att\\s+|prognostiseras\\s+att\\s+)?(?:uppfyllas|uppfylls|uppnås|nås)";
const MET_RE = new RegExp(
  `${WORD}\\s+(?:av\\s+(?:de\\s+)?${WORD}\\s+)?(?:av\\s+)?indikator(?:er|erna|n)?\\s+${VERB}(\\s+helt)?`,
  "iu",
);
const PARTLY_RE = new RegExp(
  `${WORD}\\s+(?:bedöms\\s+)?(?:uppfyllas\\s+|uppfylls\\s+|uppnås\\s+|nås\\s+)?delvis`,
  "iu",
);
const NOT_RE = new RegExp(
  `${WORD}\\s+(?:bedöms\\s+)?(?:uppfyllas\\s+|uppfylls\\s+|uppnås\\s+|nås\\s+)?(?:inte\\s+alls|inte|ej)(?![\\p{L}])`,
  "iu",
);
const ALL_RE = /samtliga\s+(?:av\s+)?[\p{L}\s]*?indikatorer/iu;

/** Reads the first indicator tally in a text, or null when it states none. */
export function parseStatedTally(text: string): StatedTally | null {
  const sentences = text.split(/(?<=[.!?])\s+/);
  for (const sentence of sentences) {
    if (!/indikator/i.test(sentence)) continue;
    const tally: StatedTally = {
      met: null,
      partlyMet: null,
      notMet: null,
      total: null,
      sentence: sentence.trim(),
    };
    const met = MET_RE.exec(sentence);
    if (met) {
      const definite = /\bde\s+[\p{L}\d]+\s+indikatorerna/iu.test(sentence);
      const singular = /indikatorn\b/i.test(met[0]);
      tally.met = numberOf(met[1]) ?? (singular ? 1 : null);
      tally.total = numberOf(met[2]) ?? (definite || singular ? tally.met : null);
      if (definite || singular) {
        tally.partlyMet = 0;
        tally.notMet = 0;
      }
      const rest = sentence.slice(met.index + met[0].length);
      const partly = PARTLY_RE.exec(rest);
      if (partly && numberOf(partly[1]) !== null) tally.partlyMet = numberOf(partly[1]);
      const not = NOT_RE.exec(rest);
      if (not && numberOf(not[1]) !== null) tally.notMet = numberOf(not[1]);
    } else if (ALL_RE.test(sentence)) {
      tally.partlyMet = 0;
      tally.notMet = 0;
    } else {
      continue;
    }
    if (tally.total === null && tally.met !== null && tally.partlyMet !== null && tally.notMet !== null) {
      tally.total = tally.met + tally.partlyMet + tally.notMet;
    }
    return tally;
  }
  return null;
}

export interface TallyComparison {
  matches: boolean;
  /** One line per differing field, e.g. `met: stated 6, computed 5`. */
  differences: string[];
}

/** Compares a stated tally with computed counts on the fields the text states. */
export function compareTally(stated: StatedTally, counts: GoalCounts): TallyComparison {
  const computedTotal = counts.met + counts.partlyMet + counts.notMet;
  const pairs: [string, number | null, number][] = [
    ["met", stated.met, counts.met],
    ["partlyMet", stated.partlyMet, counts.partlyMet],
    ["notMet", stated.notMet, counts.notMet],
    ["total", stated.total, computedTotal],
  ];
  const differences = pairs
    .filter(([, s, c]) => s !== null && s !== c)
    .map(([field, s, c]) => `${field}: stated ${s}, computed ${c}`);
  return { matches: differences.length === 0, differences };
}
