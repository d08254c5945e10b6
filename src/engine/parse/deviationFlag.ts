/** An activity's Avvikelse cell: `Avvikelse`, `Ja` or `X` marks a deviation; `Nej` or a dash says none. */
import { isDash } from "./dashes";
import { matchKey } from "./text";

/** Whether the cell's text marks the activity as deviating. */
export function marksDeviation(text: string): boolean {
  const key = matchKey(text);
  return key.startsWith("avvikelse") || key === "ja" || key === "x";
}

/** Whether the text is something an Avvikelse cell holds: a mark, `Nej` or a dash. */
export function isDeviationFlag(text: string): boolean {
  return marksDeviation(text) || matchKey(text) === "nej" || isDash(text);
}
