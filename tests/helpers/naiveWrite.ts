/**
 * Baseline for the benchmark: the write an Office.js beginner would do — one sync per row and per
 * flag, values written as they come (no text protection). Compare `sync()` counts with OfficePort.
 */
/* eslint-disable office-addins/no-context-sync-in-loop, office-addins/no-navigational-load -- the slow baseline on purpose */
import type { CellValue } from "../../src/engine/grid";
import { STATE_SHEET } from "../../src/engine/report/spec";
import type { WritePlan } from "../../src/ports/port";

export async function naiveWrite(context: Excel.RequestContext, plan: WritePlan): Promise<void> {
  const writeRows = async (sheet: Excel.Worksheet, rows: CellValue[][]): Promise<void> => {
    for (const [r, row] of rows.entries()) {
      if (row.length === 0) continue;
      sheet.getRangeByIndexes(r, 0, 1, row.length).values = [row.map((v) => v ?? "")];
      await context.sync();
    }
  };
  for (const rename of plan.renames) {
    context.workbook.worksheets.getItem(rename.from).name = rename.to;
    await context.sync();
  }
  for (const write of plan.sheets) {
    const sheet = write.replaces
      ? context.workbook.worksheets.getItem(write.name)
      : context.workbook.worksheets.add(write.name);
    if (write.replaces) sheet.getRange().clear();
    await context.sync();
    await writeRows(
      sheet,
      write.spec.rows.map((row) =>
        row.map((cell) => (cell?.formula ? `=${cell.formula}` : (cell?.value ?? null))),
      ),
    );
  }
  const state = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  state.load("isNullObject");
  await context.sync();
  const stateSheet = state.isNullObject ? context.workbook.worksheets.add(STATE_SHEET) : state;
  await writeRows(stateSheet, plan.state);
  for (const flag of plan.flags) {
    context.workbook.worksheets.getItem(flag.sheet).getRange(flag.cell).format.fill.color = "#FFC7CE";
    await context.sync();
  }
}
