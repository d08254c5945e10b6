import type { Assessment } from "./types";
import { cleanText, matchKey, stripLeadingSymbols } from "./text";

/**
 * `● Uppfylls helt`, `◆ Uppfylls delvis`, `Uppfylls ej`, `Uppfylls inte`, `— Ingen`, with or
 * without the symbol (symbols are often lost; the words decide), and a unit's own words for the
 * three: `Uppfyllt`, `Delvis uppfyllt`, `Ej uppfyllt`; `Uppnås`, `Uppnås delvis`, `Uppnås ej`;
 * `Uppnått`, `Delvis uppnått`, `Ej uppnått`. Null when the text is no assessment.
 */
export function parseAssessment(text: string): Assessment | null {
  const words = stripLeadingSymbols(cleanText(text));
  return ASSESSMENT_KEYS.get(matchKey(words)) ?? null;
}

/** The assessments' words as matchKey reads them. */
const ASSESSMENT_KEYS = new Map<string, Assessment>([
  ...[
    "uppfyllshelt",
    "heltuppfyllt",
    "uppfylltshelt",
    "uppfyllt",
    "uppfylldhelt",
    "uppnashelt",
    "heltuppnatt",
    "uppnas",
    "uppnatt",
  ].map((key) => [key, "helt"] as const),
  ...["uppfyllsdelvis", "delvisuppfyllt", "uppfylltdelvis", "uppnasdelvis", "delvisuppnatt"].map(
    (key) => [key, "delvis"] as const,
  ),
  ...[
    "uppfyllsej",
    "uppfyllsinte",
    "ejuppfyllt",
    "inteuppfyllt",
    "uppfyllsinteallas",
    "uppnasej",
    "uppnasinte",
    "ejuppnatt",
    "inteuppnatt",
    "uppnasinteallas",
  ].map((key) => [key, "ej"] as const),
  ...["ingen", "ingenbedomning", "ejbedomd"].map((key) => [key, "ingen"] as const),
]);

/**
 * An indicator's own assessment in a unit's table: the goal's words (`Uppfyllt`, `Uppnås ej`,
 * {@link parseAssessment}) or a traffic light's colour (`Grön`, `Gul`, `Röd`); `Ingen` is none.
 */
export function parseIndicatorAssessment(text: string): Exclude<Assessment, "ingen"> | null {
  const stated = parseAssessment(text);
  if (stated !== null) return stated === "ingen" ? null : stated;
  const key = matchKey(stripLeadingSymbols(cleanText(text)));
  return key === "gron" ? "helt" : key === "gul" ? "delvis" : key === "rod" ? "ej" : null;
}

/**
 * The assessment a paragraph under a goal heading states in its first sentence, as the city's
 * inriktningsmål carry it (002 lines 155 and 1658: `Förvaltningen bedömer att kommunfullmäktiges
 * inriktningsmål uppfylls delvis. …`). The sentence must be a judgement (`bedömer`, `bedömning`) of
 * a goal (`inriktningsmål`, `målet`, `nämndmålet`, …); null otherwise.
 */
export function parseAssessmentInProse(text: string): Assessment | null {
  // A sentence ends at a stop before a space or the end, not inside a goal's number (`1.2`).
  const sentence = cleanText(text)
    .toLowerCase()
    .split(/[.!?](?=\s|$)/)[0];
  if (!/\bbedöm(?:er|ning)/.test(sentence) || !GOAL_WORD.test(sentence)) return null;
  // `inte helt`, `inte uppfylls fullt ut`: partly, or not at all, the words don't say which.
  if (NOT_FULLY.test(sentence)) return null;
  // The first verdict is the goal's (`uppfylls helt men … inte uppnås` judges another after it).
  const stated = PROSE_VERDICT.exec(sentence);
  const denied = NOT_MET.exec(sentence);
  if (denied && (!stated || denied.index < stated.index)) return "ej";
  if (!stated) return null;
  return stated[1] === "helt" ? "helt" : stated[1] === "delvis" ? "delvis" : "ej";
}

const GOAL_WORD = /(?:inriktningsmål|\bmålet\b|nämndmål|enhetsmål|\bmål för verksamhetsområdet\b)/;
const VERB = "(?:uppfylls|uppnås|kommer att (?:uppfyllas|uppnås)|bedöms (?:uppfyllas|uppnås))";
const PROSE_VERDICT = new RegExp(`\\b${VERB}\\s+(helt|delvis|inte|ej)\\b`);
/** A clause after `att` puts the negation first: `bedömer att målet inte uppfylls`. */
const NOT_MET = new RegExp(`\\b(?:inte|ej)\\s+${VERB}`);
const NOT_FULLY = new RegExp(`\\b(?:inte|ej)\\s+(?:${VERB}\\s+)?(?:helt|fullt ut)\\b`);
