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
