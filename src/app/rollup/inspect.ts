import type { CheckOptions } from "../../engine";
import { check } from "../../engine";
import { isRollupWorkbook } from "../../engine/rollup/ownOutput";
import { summarise, unreadable } from "../../engine/rollup/summary";
import type { RollupEntry } from "../../engine/rollup/summary";
import { fileUnit, unitName } from "../../engine/rollup/unitName";
import { XlsxPort } from "../../ports/xlsx";
import { Refusal } from "../../engine/refusal";

/** Reads and checks one workbook for a roll-up. Never throws: a file it cannot read gets a reason. */
export async function inspectWorkbook(file: string, options: CheckOptions): Promise<RollupEntry> {
  try {
    const port = await XlsxPort.open(file);
    const snapshot = await port.read();
    if (isRollupWorkbook(snapshot)) return unreadable(file, fileUnit(file), ROLLUP_OUTPUT_REASON);
    return summarise(file, unitName(snapshot, file), check(snapshot, options));
  } catch (err) {
    return unreadable(file, fileUnit(file), reasonFor(err));
  }
}

/** Why an earlier roll-up's own workbook (last month's, in the folder) is not read as a unit's. */
export const ROLLUP_OUTPUT_REASON =
  "en sammanställning från malkoll rollup, ingen enhets arbetsbok: den läses inte (flytta den ur mappen)";

/** What to tell the user about a file that could not be read. */
export function reasonFor(err: unknown): string {
  if (err instanceof Refusal) return err.messageSv;
  const message = err instanceof Error ? err.message : String(err);
  return `oväntat fel – ${message}`;
}
