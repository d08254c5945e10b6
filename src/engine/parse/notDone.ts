/**
 * Words in an activity's analysis that say it was not done — could not be done, was postponed, is
 * delayed, starts only in a later year (002 line 1040: "det inte varit möjligt att utföra
 * fokusgrupper"). Only phrases that say so plainly count: a partial result, a plan for later in
 * the year or a negation about something else (`har inte tagit emot praktikanter`) is none. The
 * goal's evidence counts such an activity as deviating (evaluate/goals.ts), and validate flags its
 * empty Avvikelse cell (validate/undone.ts).
 */

/** A pattern matched as whole words, any case, spaces as any white space. */
function words(pattern: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern.replace(/ /g, "\\s+")})(?![\\p{L}\\p{N}])`, "iu");
}

/** What an activity is: done, carried out, started, drawn up, put in place. */
const DO =
  "genomföras|genomföra|utföras|utföra|tas fram|ta fram|påbörjas|påbörja|startas|starta|starta upp|slutföras|slutföra|implementeras|implementera|införas|införa|hållas|hålla";
// Not `slutförts`: an activity not yet finished during the year is still under way.
const DONE = "genomförts|utförts|påbörjats|startats|tagits fram|implementerats|införts|hållits";

/** Phrases that say the activity was not done, whatever year they name. */
const NOT_DONE: readonly RegExp[] = [
  // could not: `har inte kunnat genomföras`, `kunde inte tas fram`, `har inte varit möjligt att utföra`
  words(`(?:inte|ej) (?:har )?(?:kunnat|kunde) (?:${DO})`),
  words(`(?:kunde|kan|har kunnat) (?:inte|ej) (?:${DO})`),
  words(`(?:inte|ej) (?:har )?varit möjligt att (?:${DO})`),
  // not done: `har inte genomförts` (not `ännu inte påbörjats`, planned for later; not `inte
  // genomförts i sin helhet`, partly done)
  words(`(?<!ännu )(?:inte|ej) (?:heller )?(?:${DONE})(?! (?:i sin helhet|fullt ut|helt|ännu))`),
  // the unit did none of it: `har under året inte genomfört några strukturerade insatser` (004 line
  // 293). Not any active negation: `Medarbetare som inte genomfört utbildningen`, `har inte infört
  // några nya avgifter` speak of something else, `har inte påbörjat del två ännu` of later.
  // A `som`, `om` or `ännu` up to three words before is a relative clause, a condition, a not-yet.
  words(
    "(?<!(?<![\\p{L}\\p{N}])(?:som|om|ännu)(?: [\\p{L}\\p{N}]+){0,3} )(?:inte|ej) (?:genomfört|utfört) (?:några|någon|något)",
  ),
  // postponed, delayed, paused, cancelled
  words(
    "(?<!(?:inget|ingenting) har )(?:(?:skjutits|skjuts|skjutas|sköts|har skjutit|(?<!(?:inte|ej|aldrig)(?: [\\p{L}]+){0,2} )(?:fått|fick|måste|behövt|behövde) skjuta) upp|senarelagts|senareläggs|har senarelagt)",
  ),
  words("(?:är|har blivit|blev|blivit) försenad|har försenats"),
  words("(?<!(?:inga|inget|ingen)(?: [\\p{L}]+){0,2} har )(?:satts på paus|pausats|ställts in)"),
];

/** A phrase of putting off (not of failing): what follows it may say it was done after all. */
const POSTPONED = /skjut|sköts|senare|försen|paus/i;
/** Done, said plainly and not negated (`och genomfördes då`, `har nu genomförts`). */
const DONE_AFTER = words(
  "(?<!(?:inte|ej|aldrig)(?: [\\p{L}]+){0,1} )(?:genomfördes|har (?:nu )?genomförts|slutfördes|har (?:nu )?slutförts|påbörjades|startade)",
);

/**
 * Phrases that put the activity in a later year (`genomförs inte förrän 2021`, `påbörjas först
 * 2022`): a finding only when the year is after the report's, not a start later in the same year.
 */
const NOT_UNTIL = words(
  "(?:genomförs|påbörjas|startar|startas|sker|görs|införs|implementeras|tas fram) (?:inte förrän|först) (?:under |i |år |hösten |våren )?(20\\d\\d)",
);

/** The words of `analysis` that say the activity was not done, or null. `year`: the report's. */
export function notDonePhrase(analysis: string, year: number | null): string | null {
  for (const pattern of NOT_DONE) {
    const m = pattern.exec(analysis);
    if (!m) continue;
    // Postponed and then done (`sköts upp från mars till maj och genomfördes då`): done.
    if (POSTPONED.test(m[0]) && DONE_AFTER.test(analysis.slice(m.index + m[0].length))) continue;
    return m[0].replace(/\s+/g, " ");
  }
  const later = NOT_UNTIL.exec(analysis);
  if (later && year !== null && Number(later[1]) > year) return later[0].replace(/\s+/g, " ");
  return null;
}
