import type { SheetGrid, WorkbookSnapshot } from "../../src/engine/grid";
import { check } from "../../src/engine";
import type { CheckOptions, CheckResult } from "../../src/engine";
import { loadSeedFixture, snapshotOf, sourceOf, textToSheet } from "./seedGrid";

/** A fixture as a sheet whose row numbers equal the seed's line numbers (002 line 279 → row 279). */
export function seedAtLines(file: string, sheetName = "Uppföljning"): SheetGrid {
  const text = loadSeedFixture(file);
  const source = sourceOf(text);
  return textToSheet(sheetName, text, { originRow: source?.fromLine ?? 1 });
}

export function snapshotOfSeeds(...files: string[]): WorkbookSnapshot {
  return snapshotOf(...files.map((f, i) => seedAtLines(f, files.length === 1 ? "Uppföljning" : `S${i + 1}`)));
}

export function checkSeed(file: string, options: CheckOptions = {}): CheckResult {
  return check(snapshotOf(seedAtLines(file)), options);
}
