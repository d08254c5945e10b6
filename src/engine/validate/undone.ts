/**
 * `activity-deviation-unmarked`: an activity whose analysis says it was not done (parse/notDone.ts),
 * or whose Status says it deviates (parse/activityStatus.ts), while its Avvikelse cell is empty.
 */
import type { Finding } from "../findings";
import { notDonePhrase } from "../parse/notDone";
import { statusDeviates } from "../parse/activityStatus";
import { finding } from "../findings";
import type { Activity } from "../model/types";

/**
 * The activities of a table with an Avvikelse column that are not marked but whose analysis says
 * they were not done, or whose Status says so. `periodYear`: the report's year; without it, each
 * activity's end year. `due`: the period's last day (ISO), by which a `not-started` one deviates.
 */
export function unmarkedDeviations(
  activities: Activity[],
  periodYear: number | null,
  due: string | null = null,
): Finding[] {
  const out: Finding[] = [];
  const unmarked = (a: Activity, cell: string, why: { sv: string; en: string }) =>
    out.push(
      finding({
        code: "activity-deviation-unmarked",
        sheet: a.sheet,
        cell,
        goal: a.goal,
        message: `${why.sv}, men den är inte markerad med Avvikelse.`,
        messageEn: `${why.en}, but it is not marked Avvikelse (deviation).`,
      }),
    );
  for (const a of activities) {
    const flagCell = a.cells.deviationFlag;
    if (a.deviation || !flagCell) continue;
    if (a.status !== null && statusDeviates(a.status, a.end, due)) {
      unmarked(a, flagCell, {
        sv: `Aktiviteten ”${a.name}” har status ”${a.statusText}”`,
        en: `The activity "${a.name}" has the status "${a.statusText}"`,
      });
      continue;
    }
    if (!a.analysis || a.status === "done") continue;
    const year = periodYear ?? (a.end ? Number(a.end.slice(0, 4)) : null);
    const phrase = notDonePhrase(a.analysis, year);
    if (phrase !== null)
      unmarked(a, flagCell, {
        sv: `Analysen säger att aktiviteten ”${a.name}” inte genomförts som planerat (”${phrase}”)`,
        en: `The analysis says the activity "${a.name}" was not carried out as planned ("${phrase}")`,
      });
  }
  return out;
}
