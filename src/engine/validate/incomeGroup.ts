/**
 * `budget-sign` for a row under a group labelled `Intäkter` (a unit's budget: `Intäkter` alone on
 * its row, then `Föräldraavgifter`, `Statsbidrag maxtaxa`, …, `Summa intäkter`): the rows carry no
 * kind of their own, so a lost minus went unnoticed, and the sum and Netto with it (the förskola
 * walk of 8 December). Only where the group plainly writes income negative, in its Budget and
 * Prognos columns: its negative amounts are at least twice its positive ones, and the positive row
 * is a tenth of them or more. A small positive amount is a correction (`Återbetalning av
 * statsbidrag` 150), an outcome column holds the ledger's own reversals, and a table writing income
 * positive has no such majority (the review of 8 December).
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import type { FieldLabel } from "../model/labels";
import type { BudgetLine } from "../model/types";
import { matchKey } from "../parse/text";
import type { GroupRow } from "../recognise/types";

/** A line's amount in one column whose sign follows the table's convention, as `budget.ts` lists them. */
export interface SignedAmount {
  key: string;
  value: number;
  cell: string | undefined;
  /** What a finding calls the column (`Budget`, `Prognos`, a column's own header). */
  name: FieldLabel;
}

/** The columns judged: the budget and the forecast, not outcomes or other years. */
const JUDGED = new Set(["budget", "forecast"]);

/** Negative rows a column of the group needs, at least. */
const MIN_NEGATIVE = 2;

/** How many times the positive amounts the negative ones must come to. */
const NEGATIVE_MAJORITY = 2;

/** The least share of the negative amounts a positive row must come to. */
const LEAST_SHARE = 0.1;

/** A row that takes income back: positive by its nature. */
const REDUCTION = /^(återbetal|återför|korriger|kundförlust|avskriv|reduktion|minskning|avgår)/i;

/** The rows under each group labelled `Intäkter` alone, up to its sum, a total or the next group. */
function incomeGroups(table: readonly BudgetLine[], groups: readonly GroupRow[]): BudgetLine[][] {
  const out: BudgetLine[][] = [];
  for (let g = 0; g < groups.length; g++) {
    if (matchKey(groups[g].label) !== "intakter") continue;
    const from = groups[g].row;
    const next = g + 1 < groups.length ? groups[g + 1].row : Infinity;
    const rows: BudgetLine[] = [];
    for (const line of table) {
      if (line.row <= from || line.row >= next) continue;
      if (line.kind === "varav") continue;
      if (line.kind !== "row") break;
      rows.push(line);
    }
    if (rows.length > MIN_NEGATIVE) out.push(rows);
  }
  return out;
}

/**
 * The findings for one table's lines: `signed` lists a line's amounts whose sign follows the
 * table's convention, `amount` writes one as findings do (`1 380 tkr`).
 */
export function incomeGroupSigns(
  table: readonly BudgetLine[],
  groups: readonly GroupRow[],
  signed: (line: BudgetLine) => readonly SignedAmount[],
  amount: (line: BudgetLine, value: number, english: boolean) => string,
): Finding[] {
  const out: Finding[] = [];
  for (const rows of incomeGroups(table, groups)) {
    const amounts = rows.map(
      (line) =>
        new Map(
          signed(line)
            .filter((a) => JUDGED.has(a.key) && a.value !== 0)
            .map((a) => [a.key, a]),
        ),
    );
    for (const column of JUDGED) {
      let negativeRows = 0;
      let negative = 0;
      let positive = 0;
      for (const a of amounts) {
        const value = a.get(column)?.value;
        if (value === undefined) continue;
        if (value < 0) {
          negativeRows++;
          negative -= value;
        } else positive += value;
      }
      if (negativeRows < MIN_NEGATIVE || negative < NEGATIVE_MAJORITY * positive) continue;
      rows.forEach((line, k) => {
        const held = amounts[k].get(column);
        if (!held || held.value < LEAST_SHARE * negative || REDUCTION.test(line.label.trim())) return;
        out.push(
          finding({
            code: "budget-sign",
            sheet: line.sheet,
            cell: held.cell ?? `A${line.row}`,
            message: `”${line.label}” (${held.name.sv}) står under Intäkter, som tabellen anger med minustecken, men är ${amount(line, held.value, false)}.`,
            messageEn: `"${line.label}" (${held.name.en}) is under Intäkter, which the table writes with a minus sign, but is ${amount(line, held.value, true)}.`,
          }),
        );
      });
    }
  }
  return out;
}
