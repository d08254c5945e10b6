import type { Assessment } from "./types";
import { cleanText, matchKey, stripLeadingSymbols } from "./text";

/**
 * `● Uppfylls helt`, `◆ Uppfylls delvis`, `Uppfylls ej`, `Uppfylls inte`, `— Ingen`, with or
 * without the symbol (symbols are often lost; the words decide). Null when the text is no assessment.
 */
export function parseAssessment(text: string): Assessment | null {
  const words = stripLeadingSymbols(cleanText(text));
  const key = matchKey(words);
  if (key === "uppfyllshelt" || key === "heltuppfyllt" || key === "uppfylltshelt") return "helt";
  if (key === "uppfyllsdelvis" || key === "delvisuppfyllt") return "delvis";
  if (key === "uppfyllsej" || key === "uppfyllsinte" || key === "ejuppfyllt" || key === "uppfyllsinteallas")
    return "ej";
  if (key === "ingen" || key === "ingenbedomning" || key === "ejbedomd") return "ingen";
  return null;
}

/**
 * The assessment a paragraph under a goal heading states in its first sentence, as the city's
 * inriktningsmål carry it (002 lines 155 and 1658: `Förvaltningen bedömer att kommunfullmäktiges
 * inriktningsmål uppfylls delvis. …`). The sentence must be a judgement (`bedömer`, `bedömning`) of
 * a goal (`inriktningsmål`, `målet`, `nämndmålet`, …); null otherwise.
 */
export function parseAssessmentInProse(text: string): Assessment | null {
  const sentence = /^[^.!?]*/.exec(cleanText(text).toLowerCase())?.[0] ?? "";
  if (!/\bbedöm(?:er|ning)/.test(sentence) || !GOAL_WORD.test(sentence)) return null;
  const m = PROSE_VERDICT.exec(sentence);
  if (!m) return null;
  return m[1] === "helt" ? "helt" : m[1] === "delvis" ? "delvis" : "ej";
}

const GOAL_WORD = /(?:inriktningsmål|\bmålet\b|nämndmål|enhetsmål|\bmål för verksamhetsområdet\b)/;
const PROSE_VERDICT =
  /\b(?:uppfylls|uppnås|kommer att (?:uppfyllas|uppnås)|bedöms (?:uppfyllas|uppnås))\s+(helt|delvis|inte|ej)\b/;
