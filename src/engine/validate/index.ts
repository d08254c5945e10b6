import type { WorkbookSnapshot } from "../grid";
import type { Finding } from "../findings";
import { goalByPosition } from "../model/attach";
import type { Model } from "../model/types";
import { validateBudget } from "./budget";
import { validateActivities, validateIndicators } from "./indicators";
import { findPlaceholders } from "./placeholders";
import { statementTotals } from "./statements";
import type { Recognition } from "../recognise/types";

/**
 * Checks the model itself: units, targets, gender splits, duplicates, dates, template leftovers
 * and the budget arithmetic (also the totals of statements such as the balance sheet, which are
 * not budget tables). Runs after evaluation, which sets directions and recomputed deviations.
 */
export function validate(model: Model, snapshot: WorkbookSnapshot, recognition: Recognition): Finding[] {
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
    ...statementTotals(snapshot.sheets, (sheet) => tableRows(recognition, sheet)),
  ];
}

/** Rows a recognised table covers on `sheet`, from its header to its last row. */
function tableRows(recognition: Recognition, sheet: string): Set<number> {
  const rows = new Set<number>();
  for (const table of recognition.tables) {
    if (table.sheet !== sheet) continue;
    // A loop, not Math.max(...rows): a table can have a million rows, more than the call stack takes.
    let last = table.headerRow;
    for (const r of table.rows) if (r.row > last) last = r.row;
    for (let row = table.headerRow; row <= last; row++) rows.add(row);
  }
  return rows;
}
