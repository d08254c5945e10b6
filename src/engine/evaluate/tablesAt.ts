import type { RecognisedTable } from "../recognise/types";

/**
 * A sheet's kept tables by first row, with the largest last row of each and every table before it:
 * a lookup is a binary search, where a scan of the list cost a comparison per table for each item
 * asked about (a sheet of 700 tables, thousands of items).
 */
interface SheetTables {
  tables: RecognisedTable[];
  firstRows: number[];
  /** At i: the largest last row of tables[0..i]. */
  reach: number[];
  /** At i: tables[i]'s place in recognition order (the first table there wins where spans overlap). */
  order: number[];
}

/** Some of the recognised tables, by sheet: the one whose rows a sheet's row lies among. */
export class TablesAt {
  private readonly bySheet = new Map<string, SheetTables>();

  /** `tables` with rows that `keep` takes. */
  constructor(tables: readonly RecognisedTable[], keep: (table: RecognisedTable) => boolean) {
    const lists = new Map<string, { table: RecognisedTable; order: number }[]>();
    tables.forEach((table, order) => {
      if (table.rows.length === 0 || !keep(table)) return;
      let list = lists.get(table.sheet);
      if (!list) lists.set(table.sheet, (list = []));
      list.push({ table, order });
    });
    for (const [sheet, list] of lists) {
      list.sort((a, b) => a.table.rows[0].row - b.table.rows[0].row || a.order - b.order);
      const reach: number[] = [];
      for (const { table } of list)
        reach.push(Math.max(reach[reach.length - 1] ?? -Infinity, lastRow(table)));
      this.bySheet.set(sheet, {
        tables: list.map((e) => e.table),
        firstRows: list.map((e) => e.table.rows[0].row),
        reach,
        order: list.map((e) => e.order),
      });
    }
  }

  /**
   * The table on `sheet` from its first row to its last of which `row` lies; where spans overlap,
   * the one recognised first.
   */
  at(sheet: string, row: number): RecognisedTable | undefined {
    const kept = this.bySheet.get(sheet);
    if (!kept) return undefined;
    // The last table starting at or before the row, then back while an earlier one may reach it.
    let low = 0;
    let high = kept.firstRows.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (kept.firstRows[mid] <= row) low = mid + 1;
      else high = mid;
    }
    let found = -1;
    for (let i = low - 1; i >= 0 && kept.reach[i] >= row; i--)
      if (lastRow(kept.tables[i]) >= row && (found < 0 || kept.order[i] < kept.order[found])) found = i;
    return found < 0 ? undefined : kept.tables[found];
  }
}

function lastRow(table: RecognisedTable): number {
  return table.rows[table.rows.length - 1].row;
}
