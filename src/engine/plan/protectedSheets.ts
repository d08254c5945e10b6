/**
 * Flags and protected sheets. Excel allows no conditional formatting on a protected sheet, and the
 * workbook's owner protected it on purpose: Målkoll neither adds flags there nor removes the ones
 * an earlier run left (the state keeps recording those until the sheet is unprotected). Its
 * findings stand; one finding a sheet says why its cells are not marked.
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import type { SheetGrid } from "../grid";
import type { FlagRecord } from "../state";
import { sheetNameKey } from "../state";

/** Whether a sheet of the snapshot is protected, by name in any case (as Excel compares them). */
export function protectedSheets(snapshot: {
  sheets: readonly Pick<SheetGrid, "name" | "protected">[];
}): (sheet: string) => boolean {
  const names = new Set(snapshot.sheets.filter((s) => s.protected).map((s) => sheetNameKey(s.name)));
  return (sheet) => names.has(sheetNameKey(sheet));
}

/** The cells and areas of a flag record, as written (its ranges are comma-separated). */
export function recordRanges(record: FlagRecord): string[] {
  return record.ranges
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r !== "");
}

/** Cells a flag record covers (see {@link recordRanges}). */
export function recordCells(record: FlagRecord): number {
  return recordRanges(record).length;
}

/** The records on protected sheets (kept) and the rest (Målkoll may remove them). */
export function splitByProtection(
  records: readonly FlagRecord[],
  isProtected: (sheet: string) => boolean,
): { kept: FlagRecord[]; removable: FlagRecord[] } {
  const kept = records.filter((r) => isProtected(r.sheet));
  return { kept, removable: records.filter((r) => !isProtected(r.sheet)) };
}

/**
 * The finding for a protected sheet: `unmarked` cells with findings this run did not flag, `kept`
 * cells an earlier run flagged that stay flagged.
 */
export function protectedSheetFinding(sheet: string, unmarked: number, kept: number): Finding {
  const why = "(Excel tillåter ingen villkorsstyrd formatering på ett skyddat blad)";
  const whyEn = "(Excel allows no conditional formatting on a protected sheet)";
  const marks = (n: number) => (n === 1 ? "en markering" : `${n} markeringar`);
  const marksEn = (n: number) => (n === 1 ? "one mark" : `${n} marks`);
  let sv: string;
  let en: string;
  if (unmarked > 0) {
    sv = `Bladet ”${sheet}” är skyddat, så Målkoll markerar inte ${unmarked === 1 ? "dess cell" : `dess ${unmarked} celler`} med fynd ${why}. Fynden finns i fyndlistan och i Målkoll Avvikelser.`;
    en = `The sheet "${sheet}" is protected, so Målkoll does not mark ${unmarked === 1 ? "its cell" : `its ${unmarked} cells`} with findings ${whyEn}. The findings are in the findings list and in Målkoll Avvikelser.`;
    if (kept > 0) {
      sv += ` ${capitalised(marks(kept))} från en tidigare körning står kvar tills skyddet tas bort.`;
      en += ` ${kept === 1 ? "One mark from an earlier run stays" : `${kept} marks from an earlier run stay`} until it is unprotected.`;
    }
    sv += " Ta bort bladskyddet och kör igen för att få markeringarna.";
    en += " Unprotect the sheet and run again to get the marks.";
  } else {
    sv = `Bladet ”${sheet}” är skyddat ${why}, så Målkoll tar inte bort ${marks(kept)} från en tidigare körning. Ta bort bladskyddet och kör igen för att få markeringarna rätt.`;
    en = `The sheet "${sheet}" is protected ${whyEn}, so Målkoll does not remove ${marksEn(kept)} from an earlier run. Unprotect the sheet and run again to get the marks right.`;
  }
  return finding({ code: "protected-sheet-unflagged", sheet, cell: "A1", message: sv, messageEn: en });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
