/** Whether a model holds anything a period judges. Its own module: the pane's first screen asks it without loading the check. */
import type { Model } from "./types";

/**
 * No goal, indicator, activity or budget row was found: nothing a period judges, and no table but
 * the cross tables to build.
 */
export function modelEmpty(model: Model): boolean {
  return (
    model.goals.length === 0 &&
    model.indicators.length === 0 &&
    model.activities.length === 0 &&
    model.budget.length === 0
  );
}
