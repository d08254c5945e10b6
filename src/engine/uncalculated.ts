/**
 * Formulas whose stored value Excel never computed: a script saved the workbook (openpyxl stores no
 * value, XlsxWriter a 0 and a request to recalculate on load). Målkoll judges nothing by them: their
 * cells read as empty, so no sum, deviation or status is worked out from a value Excel would not
 * show; one finding per sheet says why and how to get the values; and a finding that such a cell is
 * missing a value is dropped (Excel will compute one).
 */
import type { SheetGrid } from "./grid";
import { parseA1 } from "./grid";
import type { Finding, FindingCode } from "./findings";
import { finding } from "./findings";

/** Findings that say a cell holds no value, which an uncalculated formula's cell would hold in Excel. */
const MISSING_VALUE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "outcome-missing",
  "forecast-missing",
  "activity-dates-missing",
  "target-missing",
]);

/** The sheets with their uncalculated formulas' values read as empty; a sheet without any as it is. */
export function withoutUncalculatedValues(sheets: SheetGrid[]): SheetGrid[] {
  return sheets.map((sheet) => (sheet.uncalculated?.length ? blanked(sheet, sheet.uncalculated) : sheet));
}

function blanked(sheet: SheetGrid, addresses: string[]): SheetGrid {
  const values = sheet.values.slice();
  const copied = new Uint8Array(values.length);
  for (const address of addresses) {
    const at = parseA1(address);
    if (!at) continue;
    const r = at.row - sheet.originRow;
    const c = at.col - sheet.originCol;
    if (!values[r] || c < 0 || c >= values[r].length || values[r][c] === null) continue;
    if (!copied[r]) {
      values[r] = values[r].slice();
      copied[r] = 1;
    }
    values[r][c] = null;
  }
  return { ...sheet, values };
}

/** One finding per sheet with uncalculated formulas, at the first (in reading order), saying how many. */
export function uncalculatedFindings(sheets: SheetGrid[]): Finding[] {
  const out: Finding[] = [];
  for (const sheet of sheets) {
    const addresses = sheet.uncalculated;
    if (!addresses?.length) continue;
    out.push(notCalculated(sheet.name, addresses[0], addresses.length));
  }
  return out;
}

/** The findings without those that call an uncalculated formula's cell empty. */
export function withoutMissingUncalculated(findings: Finding[], sheets: SheetGrid[]): Finding[] {
  const bySheet = new Map<string, Set<string>>();
  for (const sheet of sheets)
    if (sheet.uncalculated?.length) bySheet.set(sheet.name, new Set(sheet.uncalculated));
  if (bySheet.size === 0) return findings;
  return findings.filter((f) => {
    if (!MISSING_VALUE_CODES.has(f.code)) return true;
    const formulas = bySheet.get(f.sheet);
    if (!formulas) return true;
    // A plan activity's dates: either cell of its range an uncalculated formula.
    const ends = f.code === "activity-dates-missing" && f.range ? f.range.split(":") : [f.cell];
    return !ends.some((cell) => formulas.has(cell));
  });
}

function notCalculated(sheet: string, cell: string, count: number): Finding {
  return finding({
    code: "formula-not-calculated",
    sheet,
    cell,
    message: `Formler i arbetsboken saknar beräknade värden (filen är sparad av ett program som inte räknar om formler): ${count} på bladet ”${sheet}”, den första i ${cell}. Öppna och spara den i Excel eller LibreOffice (där räknar Ctrl+Skift+F9 om allt) och kör igen. Till dess läser Målkoll dem som tomma.`,
    messageEn: `Formulas in the workbook have no calculated values (the file was saved by a program that does not recalculate formulas): ${count} on the sheet "${sheet}", the first in ${cell}. Open and save it in Excel or LibreOffice (where Ctrl+Shift+F9 recalculates all) and run again. Until then Målkoll reads them as empty.`,
  });
}
