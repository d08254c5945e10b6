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

/** One finding per sheet with uncalculated formulas, at the first of them, saying how many. */
export function uncalculatedFindings(sheets: SheetGrid[]): Finding[] {
  const out: Finding[] = [];
  for (const sheet of sheets) {
    const addresses = sheet.uncalculated;
    if (!addresses?.length) continue;
    out.push(notCalculated(sheet.name, firstCell(addresses), addresses.length));
  }
  return out;
}

/** The findings without those that call an uncalculated formula's cell empty. */
export function withoutMissingUncalculated(findings: Finding[], sheets: SheetGrid[]): Finding[] {
  const bySheet = new Map<string, Set<string>>();
  for (const sheet of sheets)
    if (sheet.uncalculated?.length) bySheet.set(sheet.name, new Set(sheet.uncalculated));
  if (bySheet.size === 0) return findings;
  return findings.filter((f) => !(MISSING_VALUE_CODES.has(f.code) && bySheet.get(f.sheet)?.has(f.cell)));
}

/** The topmost, then leftmost, address (sheet XML lists cells in order, but need not). */
function firstCell(addresses: string[]): string {
  let first = addresses[0];
  let best = parseA1(first);
  for (const address of addresses) {
    const at = parseA1(address);
    if (at && best && (at.row < best.row || (at.row === best.row && at.col < best.col))) {
      first = address;
      best = at;
    }
  }
  return first;
}

function notCalculated(sheet: string, cell: string, count: number): Finding {
  const sv =
    count === 1
      ? `En formel på bladet ”${sheet}” saknar beräknat värde`
      : `${count.toLocaleString("sv-SE")} formler på bladet ”${sheet}” saknar beräknade värden, den första i ${cell}`;
  const en =
    count === 1
      ? `A formula on the sheet "${sheet}" has no calculated value`
      : `${count.toLocaleString("en-GB")} formulas on the sheet "${sheet}" have no calculated values, the first in ${cell}`;
  return finding({
    code: "formula-not-calculated",
    sheet,
    cell,
    message: `${sv} (filen är sparad av ett program som inte räknar om formler). Öppna och spara den i Excel eller LibreOffice och kör igen; i LibreOffice räknar Ctrl+Skift+F9 om alla formler. Till dess läser Målkoll formlernas celler som tomma och kontrollerar inga summor, avvikelser eller utfall som bygger på dem.`,
    messageEn: `${en} (the file was saved by a program that does not recalculate formulas). Open and save it in Excel or LibreOffice and run again; in LibreOffice Ctrl+Shift+F9 recalculates every formula. Until then Målkoll reads the formulas' cells as empty and checks no sums, deviations or outcomes that depend on them.`,
  });
}
