/**
 * A sheet's merged areas (ExcelApi 1.13), read in the same request as the sheet's shape, as the
 * `SheetGrid.merges` the xlsx port gives: A1 ranges without the sheet (`B3:D3`).
 *
 * `Range.getMergedAreasOrNullObject` fails when a range has more than 512 merged areas
 * (Microsoft's reference), so that many is also what a sheet's answer is budgeted for. A report
 * Målkoll generated from a large workbook has more (1 319 on the bench's indicator sheet), so
 * read.ts does not ask for the merges of Målkoll's own sheets, which nothing reads. A user's sheet
 * can have more too: when a request fails, the sheets are asked again apart, so one such sheet
 * costs only its own merges.
 */
import type { Batch, Unit } from "./batch";
import { ACTION_BYTES, utf8Bytes } from "./batch";
import { isAbortError } from "./errors";
import type { IsSetSupported } from "./host";

/** Excel answers no more merged areas than this for one range. */
export const MAX_MERGED_AREAS = 512;
/** The longest area without its sheet: `XFD1048575:XFD1048576`. */
const MAX_AREA_CHARS = 21;

/**
 * The areas of a RangeAreas address, without sheet names and `$`:
 * `'Min ''flik'', 2024!'!$B$3:$D$3, 'Min ''flik'', 2024!'!E3:F3` → `B3:D3`, `E3:F3`.
 * Areas are separated by commas outside quotes; a quoted sheet name may hold `,`, `!` and `''`.
 */
export function areasWithoutSheet(address: string): string[] {
  const areas: string[] = [];
  let start = 0;
  let afterBang = 0;
  let quoted = false;
  const take = (end: number): void => {
    const area = address.slice(Math.max(start, afterBang), end).replace(/\$/g, "").trim();
    if (area) areas.push(area);
  };
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'")
      quoted = !quoted; // `''` inside quotes toggles twice: still quoted
    else if (quoted) continue;
    else if (ch === "!") afterBang = i + 1;
    else if (ch === ",") {
      take(i);
      start = i + 1;
    }
  }
  take(address.length);
  return areas;
}

/** Where one sheet's merged areas land once read. */
export interface MergesRead {
  areas: Excel.RangeAreas | null;
}

/**
 * A unit loading `worksheet`'s merged areas into `target`, or null on a host without ExcelApi 1.13
 * (there the sheet is read without merges, as before).
 */
export function mergesUnit(
  worksheet: Excel.Worksheet,
  target: MergesRead,
  isSetSupported: IsSetSupported,
): Unit | null {
  if (!isSetSupported("ExcelApi", "1.13")) return null;
  const quotedName = 2 + utf8Bytes(worksheet.name.replace(/'/g, "''"));
  return {
    request: 3 * ACTION_BYTES,
    // Every area repeats the sheet's name: `'Name'!B3:D3, `.
    response: MAX_MERGED_AREAS * (quotedName + 1 + MAX_AREA_CHARS + 2),
    queue() {
      target.areas = worksheet.getRange().getMergedAreasOrNullObject();
      target.areas.load("address");
    },
    done() {
      return target.areas && !target.areas.isNullObject ? utf8Bytes(target.areas.address) : 0;
    },
  };
}

/** The merged areas a loaded `MergesRead` holds (none for a null object or an older host). */
export function mergedAreas(read: MergesRead): string[] {
  return read.areas && !read.areas.isNullObject ? areasWithoutSheet(read.areas.address) : [];
}

/** A sheet's merges unit with the number of cells in its used range. */
export interface SheetMerges {
  unit: Unit;
  target: MergesRead;
  cells: number;
}

/**
 * Reads merged areas after a request asking for all of them failed: the sheets in halves, smallest
 * used ranges first (a sheet of at most 1 024 cells cannot hold 512 areas of two cells or more, so
 * small sheets tend to go together), until each sheet Excel refuses is alone. A refused sheet is
 * read without merges. Costs a sync per half sent: about 2·log2(sheets) for one refused sheet.
 */
export async function readMergesApart(batch: Batch, sheets: SheetMerges[]): Promise<void> {
  const byCells = [...sheets].sort((a, b) => a.cells - b.cells);
  await readGroup(batch, byCells);
}

async function readGroup(batch: Batch, group: SheetMerges[]): Promise<void> {
  if (group.length === 0) return;
  try {
    await batch.flush();
    for (const sheet of group) await batch.add(sheet.unit);
    await batch.flush();
  } catch (err) {
    if (isAbortError(err)) throw err;
    for (const sheet of group) sheet.target.areas = null;
    if (group.length === 1) return;
    const mid = Math.ceil(group.length / 2);
    await readGroup(batch, group.slice(0, mid));
    await readGroup(batch, group.slice(mid));
  }
}
