/**
 * Queues a sheet's deletion, in two actions. Excel refuses to delete a `VeryHidden` sheet: the
 * delete fails with `InvalidOperation` and the sheet must be made hidden or visible first
 * (Worksheet.delete in @types/office-js; OfficeDev/office-js#365). Målkoll's scratch sheets, the
 * old sheets it parks and the self-test's sheet are very hidden, so each is made hidden, not
 * visible (no scratch name is ever shown), right before it goes, in the same request.
 */
export function deleteSheet(sheet: Excel.Worksheet): void {
  sheet.visibility = "Hidden";
  sheet.delete();
}

/** The actions {@link deleteSheet} queues, for a request's size. */
export const DELETE_ACTIONS = 2;
