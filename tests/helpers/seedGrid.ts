/**
 * Turns the verbatim seed excerpts in tests/fixtures/seeds into the plain grids a workbook port
 * would hand the engine: one text line is one sheet row, a tab moves to the next column.
 *
 * No Excel, no I/O beyond reading the fixture files; used by tests and by scripts/build-sample.ts.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellValue, SheetGrid, SheetVisibility, WorkbookSnapshot } from "../../src/engine/grid";

/** Lines that say where an excerpt comes from; they are not part of the seed text. */
const SOURCE_PREFIX = "# source:";

export interface TextToSheetOptions {
  /** 1-based sheet row of the first text line (default 1). */
  originRow?: number;
  /** 1-based sheet column of the text before the first tab (default 1, column A). */
  originCol?: number;
  visibility?: SheetVisibility;
}

/** Where a fixture's text comes from, as stated in its `# source:` line. */
export interface SeedSource {
  seedFile: string;
  /** First and last seed line of the excerpt (1-based, inclusive). */
  fromLine: number;
  toLine: number;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  // A final newline ends the last line; it does not start another one.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The text's lines without `# source:` lines: exactly the seed lines of the excerpt. */
export function seedLines(text: string): string[] {
  return splitLines(text).filter((line) => !line.startsWith(SOURCE_PREFIX));
}

/** One line to one row of raw cell strings; an empty cell is null, an empty line an empty row. */
export function lineToRow(line: string): CellValue[] {
  if (line === "") return [];
  return line.split("\t").map((cell) => (cell === "" ? null : cell));
}

/**
 * A sheet grid from tab-separated text. Cells keep their raw strings (leading and trailing
 * spaces included); empty strings become null; `# source:` lines are dropped.
 */
export function textToSheet(name: string, text: string, opts: TextToSheetOptions = {}): SheetGrid {
  return {
    name,
    visibility: opts.visibility ?? "visible",
    originRow: opts.originRow ?? 1,
    originCol: opts.originCol ?? 1,
    values: seedLines(text).map(lineToRow),
  };
}

/** The repository root: the nearest folder upwards holding package.json (works from lib/ too). */
export function repoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
}

export function seedFixtureDir(): string {
  return path.join(repoRoot(), "tests", "fixtures", "seeds");
}

/** Reads tests/fixtures/seeds/<file> (`.txt` may be left off). */
export function loadSeedFixture(file: string): string {
  const name = path.extname(file) === ".txt" ? file : `${file}.txt`;
  return fs.readFileSync(path.join(seedFixtureDir(), name), "utf8");
}

/** A fixture straight to a sheet grid; the sheet is named after the file unless told otherwise. */
export function seedSheet(file: string, sheetName?: string, opts: TextToSheetOptions = {}): SheetGrid {
  const name = sheetName ?? path.basename(file, ".txt");
  return textToSheet(name, loadSeedFixture(file), opts);
}

/** A visible sheet from A1 holding `values`. */
export function plainSheet(name: string, values: SheetGrid["values"]): SheetGrid {
  return { name, visibility: "visible", originRow: 1, originCol: 1, values };
}

export function snapshotOf(...sheets: SheetGrid[]): WorkbookSnapshot {
  return { name: "seed-fixtures.xlsx", sheets };
}

/** Reads the `# source: <file> lines A-B` line of a fixture; null when there is none. */
export function sourceOf(text: string): SeedSource | null {
  for (const line of splitLines(text)) {
    if (!line.startsWith(SOURCE_PREFIX)) continue;
    const m = /^# source:\s*(\S+)\s+lines\s+(\d+)\s*-\s*(\d+)\s*$/.exec(line);
    if (m) return { seedFile: m[1], fromLine: Number(m[2]), toLine: Number(m[3]) };
  }
  return null;
}

/**
 * The sheet row that holds a given seed line when the fixture is laid out by `textToSheet`
 * with the same origin row, e.g. 002 line 279 → the row to expect in a finding's address.
 */
export function rowOfSeedLine(text: string, seedLine: number, originRow = 1): number {
  const source = sourceOf(text);
  if (!source) throw new Error("Fixture has no `# source:` line");
  if (seedLine < source.fromLine || seedLine > source.toLine) {
    throw new Error(
      `Seed line ${seedLine} is outside ${source.seedFile} lines ${source.fromLine}-${source.toLine}`,
    );
  }
  return originRow + (seedLine - source.fromLine);
}

/** The text of one seed line of a fixture, by its line number in the seed (002 line 279). */
export function seedLineText(file: string, seedLine: number): string {
  const text = loadSeedFixture(file);
  return seedLines(text)[rowOfSeedLine(text, seedLine) - 1];
}

/** A seed line's cells (tab-separated), picked by index. */
export function seedLineCells(file: string, line: number, pick: number[]): CellValue[] {
  const cells = lineToRow(seedLineText(file, line));
  return pick.map((i) => cells[i] ?? null);
}
