import type { RecognisedTable } from "../recognise/types";

/** Some of the recognised tables, by sheet: the one whose rows a sheet's row lies among. */
export class TablesAt {
  private readonly bySheet = new Map<string, RecognisedTable[]>();

  /** `tables` with rows that `keep` takes. */
  constructor(tables: readonly RecognisedTable[], keep: (table: RecognisedTable) => boolean) {
    for (const table of tables) {
      if (table.rows.length === 0 || !keep(table)) continue;
      let list = this.bySheet.get(table.sheet);
      if (!list) this.bySheet.set(table.sheet, (list = []));
      list.push(table);
    }
  }

  /** The table on `sheet` from its first row to its last of which `row` lies. */
  at(sheet: string, row: number): RecognisedTable | undefined {
    return this.bySheet.get(sheet)?.find((t) => t.rows[0].row <= row && row <= t.rows[t.rows.length - 1].row);
  }
}
