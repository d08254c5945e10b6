import type { WorkbookSnapshot } from "../grid";
import type { Finding } from "../findings";
import { goalByPosition } from "../model/attach";
import type { Model } from "../model/types";
import { validateBudget } from "./budget";
import { validateActivities, validateIndicators } from "./indicators";
import { findPlaceholders } from "./placeholders";

/**
 * Checks the model itself: units, targets, gender splits, duplicates, dates, template leftovers
 * and the budget arithmetic. Runs after evaluation, which sets directions and recomputed deviations.
 */
export function validate(model: Model, snapshot: WorkbookSnapshot): Finding[] {
  const goalAt = (sheet: string, row: number) =>
    goalByPosition(
      model.goals.filter((g) => g.sheet === sheet).sort((a, b) => a.row - b.row),
      row,
    );
  return [
    ...validateIndicators(model.indicators),
    ...validateActivities(model.activities),
    ...validateBudget(model.budget),
    ...findPlaceholders(snapshot, goalAt),
  ];
}
