import type { WorkbookSnapshot } from "../grid";
import type { Finding } from "../findings";
import { goalByPosition } from "../model/attach";
import type { Goal, Model } from "../model/types";
import { validateBudget } from "./budget";
import type { DuplicatePair } from "../evaluate/duplicates";
import { validateActivities, validateIndicators } from "./indicators";
import { findPlaceholders } from "./placeholders";
import { periodEnd } from "../evaluate/goals";
import { unmarkedDeviations } from "./undone";
import type { RowSet } from "./statements";
import { statementTotals } from "./statements";
import type { GroupRow, Recognition } from "../recognise/types";

/**
 * Checks the model itself: units, targets, gender splits, duplicates, dates, activities not done
 * but not marked Avvikelse, template leftovers
 * and the budget arithmetic (also the totals of statements such as the balance sheet, and of
 * cross tables such as 002's pandemic costs, which are not budget tables). Runs after evaluation, which sets directions and recomputed deviations and
 * finds the `duplicates` (each indicator row that repeats an earlier one, with that one).
 */
export function validate(
  model: Model,
  snapshot: WorkbookSnapshot,
  recognition: Recognition,
  duplicates: readonly DuplicatePair[],
): Finding[] {
  const goalsBySheet = new Map<string, Goal[]>();
  const goalAt = (sheet: string, row: number) => {
    let goals = goalsBySheet.get(sheet);
    if (!goals) {
      goals = model.goals.filter((g) => g.sheet === sheet).sort((a, b) => a.row - b.row);
      goalsBySheet.set(sheet, goals);
    }
    return goalByPosition(goals, row);
  };
  // Not push(...): a sheet of 300 000 equal names gives more findings than the call stack takes.
  return validateIndicators(model.indicators, duplicates).concat(
    validateActivities(model.activities, model.period.kind === "VP"),
    unmarkedDeviations(
      model.activities,
      model.period.year,
      periodEnd(model.period.kind, model.period.year)?.end ?? null,
    ),
    validateBudget(model.budget, hiddenRowsByTable(recognition), groupRowsByTable(recognition)),
    findPlaceholders(snapshot, goalAt, (sheet, row, col) => inTableRows(recognition, sheet, row, col)),
    statementTotals(snapshot.sheets, (sheet) => tableRows(recognition, sheet), recognition.crossTables),
  );
}

/** Whether a cell lies under a recognised table's header, within its columns and rows. */
function inTableRows(recognition: Recognition, sheet: string, row: number, col: number): boolean {
  return recognition.tables.some(
    (t) =>
      t.sheet === sheet &&
      col >= t.firstCol &&
      col <= t.lastCol &&
      row > t.headerRow &&
      row <= (t.rows.length ? t.rows[t.rows.length - 1].row : t.headerRow),
  );
}

/** The group labels of each table that has any (`Intäkter` over its rows), by table id. */
function groupRowsByTable(recognition: Recognition): Map<string, GroupRow[]> {
  const out = new Map<string, GroupRow[]>();
  for (const table of recognition.tables) if (table.groupRows?.length) out.set(table.id, table.groupRows);
  return out;
}

/** The hidden rows of each table that has any, by table id. */
function hiddenRowsByTable(recognition: Recognition): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const table of recognition.tables)
    if (table.hiddenRows?.length)
      out.set(
        table.id,
        table.hiddenRows.map((h) => h.row),
      );
  return out;
}

/** Rows a recognised table covers on `sheet`, from its header to its last row (hidden or not). */
function tableRows(recognition: Recognition, sheet: string): RowSet {
  const spans: { first: number; last: number }[] = [];
  let lowest = Infinity;
  let highest = -Infinity;
  for (const table of recognition.tables) {
    if (table.sheet !== sheet) continue;
    // A loop, not Math.max(...rows): a table can have a million rows, more than the call stack takes.
    let last = table.headerRow;
    const rows = table.rows;
    for (let k = 0; k < rows.length; k++) if (rows[k].row > last) last = rows[k].row;
    const hidden = table.hiddenRows;
    if (hidden?.length && hidden[hidden.length - 1].row > last) last = hidden[hidden.length - 1].row;
    spans.push({ first: table.headerRow, last });
    if (table.headerRow < lowest) lowest = table.headerRow;
    if (last > highest) highest = last;
  }
  if (spans.length === 0) return NO_ROWS;
  // One flag per row from the first table's header to the last table's end.
  const covered = new Uint8Array(highest - lowest + 1);
  for (const { first, last } of spans) covered.fill(1, first - lowest, last - lowest + 1);
  return { has: (row) => row >= lowest && row <= highest && covered[row - lowest] === 1 };
}

const NO_ROWS: RowSet = { has: () => false };
