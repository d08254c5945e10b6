/**
 * An activity's Status cell as a unit writes it (`Pågår`, `Klar`, `Ej påbörjad`, `Försenad`,
 * `Inställd`), and whether it says the activity deviates by the period's end.
 */
import { matchKey } from "./text";

export type ActivityStatus = "done" | "ongoing" | "not-started" | "delayed" | "cancelled";

/** By matchKey (å/ä→a, ö→o, no spaces): the first that matches wins. */
const STATUS_WORDS: readonly [RegExp, ActivityStatus][] = [
  [/^(ej|inte|icke)(paborjad|startad|paborjat|startat)$/, "not-started"],
  [/^(ej|inte)(genomford|genomfort|slutford|utford)$/, "delayed"],
  [/^(forsenad|forsenat|uppskjuten|uppskjutet|senarelagd|senarelagt|pausad|pausat|vilande)$/, "delayed"],
  [/^(installd|installt|avbruten|avbrutet|struken|struket|utgar)$/, "cancelled"],
  [
    /^(klar|klart|genomford|genomfort|avslutad|avslutat|slutford|slutfort|utford|utfort|fardig|fardigt)$/,
    "done",
  ],
  [/^(pagar|paborjad|paborjat|startad|startat|igang|pagaende|delvisgenomford|delvisklar)$/, "ongoing"],
];

/** The status a cell's text states, or null (`Se analys`, a traffic light alone, empty). */
export function parseActivityStatus(text: string): ActivityStatus | null {
  const key = matchKey(text);
  if (!key) return null;
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(key)) return status;
  return null;
}

/**
 * Whether a status says the activity deviates: delayed or cancelled, or not started while it should
 * have ended by `periodEnd` (ISO; an activity not started before its start is on plan).
 */
export function statusDeviates(
  status: ActivityStatus | null,
  end: string | null,
  periodEnd: string | null,
): boolean {
  if (status === "delayed" || status === "cancelled") return true;
  return status === "not-started" && end !== null && periodEnd !== null && end <= periodEnd;
}

/** How a message names a deviating status (`har status Ej påbörjad`). */
export const STATUS_WORDS_SV: Record<ActivityStatus, string> = {
  done: "Klar",
  ongoing: "Pågår",
  "not-started": "Ej påbörjad",
  delayed: "Försenad",
  cancelled: "Inställd",
};

export const STATUS_WORDS_EN: Record<ActivityStatus, string> = {
  done: "Done",
  ongoing: "Ongoing",
  "not-started": "Not started",
  delayed: "Delayed",
  cancelled: "Cancelled",
};
