/**
 * An activity's Status cell as a unit writes it (`Pågår`, `Klar`, `Ej påbörjad`, `Försenad`,
 * `Inställd`, `Pågår enligt plan`), and whether it says the activity deviates by the period's end.
 */
import { matchKey } from "./text";

export type ActivityStatus = "done" | "ongoing" | "not-started" | "not-done" | "delayed" | "cancelled";

/** Words that say so wherever they stand in the cell (`Pågår, försenad`, `Pausad p.g.a. sjukdom`): by matchKey. */
const ANYWHERE: readonly [RegExp, ActivityStatus][] = [
  // Not negated (`Pågår, ingen försening`, `Klar, ej försenad`).
  [/(?<!ej|inte|ingen|utan)(forsen|uppskjut|senarelag|pausad|pausat|vilande)/, "delayed"],
  [/(?<!ej|inte|ingen|utan)(installd|installt|avbrut|struken|struket)/, "cancelled"],
];

const DONE = /^(klar|genomford|genomfort|avslutad|avslutat|slutford|slutfort|utford|utfort|fardig)/;

/** Words a cell starts with (`Ej påbörjad p.g.a. …`, `Pågår enligt plan`): by matchKey, the first that matches wins. */
const LEADING: readonly [RegExp, ActivityStatus][] = [
  [/^(ej|inte|icke)(paborja|starta)/, "not-started"],
  // `Ej genomförd` by its end: not done yet before it.
  [/^(ej|inte)(klar|avslutad|slutford|fardig|genomford|genomfort|utford|utfort)/, "not-done"],
  [/^utgar/, "cancelled"],
  [/^(delvis|pagar|pagaende|paborjad|paborjat|startad|startat|igang)/, "ongoing"],
  [/^(klar|genomford|genomfort|avslutad|avslutat|slutford|slutfort|utford|utfort|fardig)/, "done"],
];

/** The status a cell's text states, or null (`Se analys`, a traffic light alone, empty). */
export function parseActivityStatus(text: string): ActivityStatus | null {
  const key = matchKey(text);
  if (!key) return null;
  // `Klar, …` is done whatever follows.
  if (DONE.test(key)) return "done";
  for (const [pattern, status] of ANYWHERE) if (pattern.test(key)) return status;
  for (const [pattern, status] of LEADING) if (pattern.test(key)) return status;
  return null;
}

/**
 * Whether a status says the activity deviates: delayed or cancelled, or not started or not done
 * while it should have ended by `periodEnd` (ISO; one not started before its end is on plan, one
 * without an end is due by its year's end, 31 December).
 */
export function statusDeviates(
  status: ActivityStatus | null,
  end: string | null,
  periodEnd: string | null,
): boolean {
  if (status === "delayed" || status === "cancelled") return true;
  if ((status !== "not-started" && status !== "not-done") || periodEnd === null) return false;
  return (end ?? `${periodEnd.slice(0, 4)}-12-31`) <= periodEnd;
}
