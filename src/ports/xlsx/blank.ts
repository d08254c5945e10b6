import ExcelJS from "exceljs";

/**
 * A new workbook package with one empty sheet, for output Målkoll writes from scratch (`malkoll
 * rollup`): its sheets are then written into it by the same patch path as `generate`'s.
 */
export async function blankWorkbook(sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Målkoll";
  workbook.addWorksheet(sheetName);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
