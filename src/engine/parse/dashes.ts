/** `-`, `–`, `..`, `x`, `n/a`, `saknas`, `ej aktuellt`: the reports' ways of writing "no value". */
const DASH = /^([-–—.]+|x|n\/a|saknas|ej aktuellt)$/i;

/** Whether a cell's text stands for "no value" (no finding), rather than a value that can't be read. */
export function isDash(text: string): boolean {
  return DASH.test(text);
}

/**
 * A unit's words for a figure not there this time (`Ej mätbart T2`, `Mäts ej`, `Redovisas i VB`,
 * `Kommer i VB`, `Inväntar resultat`, `Ingen mätning 2026`, `Utfall saknas`, `Ej fastställt`): like
 * a dash, no value, and nothing to read.
 */
const STATED_NO_VALUE = new RegExp(
  [
    // `Ej mätbart T2`, `Inte mätt`, `Ingen mätning i år`, `Inget utfall`, `Ej fastställt`
    "^(?:ej|inte|ingen|inget)\\s+(?:mätbar|mätt|mät(?:ning|värde)|uppmätt|aktuell|tillämplig|tillgänglig|utfall|uppgift|data|resultat|redovis|fastställ|beslutad|beslutat|satt|klar)",
    // `Mäts ej`, `Mäts i oktober`, `Redovisas i VB`, `Rapporteras helår`, `Följs upp i VB` (not
    // `Kommer att öka …`, a forecast written in the wrong cell)
    "^(?:mäts|redovisas|rapporteras|presenteras|publiceras|sammanställs|följs upp)(?:\\s|$)",
    // `Mätning sker i oktober`, `Mätningen görs hösten 2026`
    "^mätning(?:en)?\\s+(?:sker|görs|genomförs|ej|inte|saknas)",
    // `Kommer i VB`, `Kommer under hösten`, `Kommer senare` (not `Kommer att öka`); `Inväntar resultat`
    "^(?:(?:resultat(?:et)?|utfall(?:et)?|siffr(?:an|orna))\\s+)?kommer\\s+(?:att\\s+(?:redovisas|rapporteras|mätas|presenteras)|i|under|efter|vid|senare|först)(?:\\s|$)",
    "^(?:inväntar|avvaktar)\\s+\\S",
    // `Utfall saknas`, `Uppgift saknas`, `Data finns inte än`
    "^(?:utfall|uppgift(?:er)?|data|resultat|värde)\\s+(?:saknas|finns\\s+(?:ej|inte)|ej\\s+klar|inte\\s+klar)",
  ].join("|"),
  "i",
);

/** The longest text read as {@link saysNoValue}: longer is an analysis written in the wrong cell. */
const NO_VALUE_CHARS = 60;

/** Whether a figure cell's text says there is no value (a dash, or a unit's words for none). */
export function saysNoValue(text: string): boolean {
  return isDash(text) || (text.length <= NO_VALUE_CHARS && STATED_NO_VALUE.test(text));
}

/**
 * Whether a text says when a figure is measured or reported, later than now (`Brukarundersökningen
 * genomförs i oktober`, `Mäts i VB`, `Redovisas efter sommaren`): why an outcome is not there yet.
 */
export function saysWhenMeasured(text: string | null): boolean {
  return text !== null && WHEN_MEASURED.test(text);
}

const WHEN_MEASURED = new RegExp(
  String.raw`\b(?:mäts|mätningen|genomförs|redovisas|rapporteras|hålls|görs|sker|publiceras|sammanställs|kommer)\b[^.]*?\b(?:i|under|efter|vid|till|först)\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|hösten|våren|sommaren|vintern|vb|t[123]|tertial|helår|årsskiftet|nästa)`,
  "i",
);
