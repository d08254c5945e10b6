/**
 * Workbooks other programs saved (openpyxl, XlsxWriter, LibreOffice, Gnumeric, ExcelJS, and rewrites of
 * them into forms no producer here makes: Strict, UTF-16, prefixed XML, backslash separators,
 * POI's `Sheet1.xml`, .xlsm, missing or empty styles, `t="d"` cells, Excel's own parts, sloppy
 * but valid sheet XML). Made once by `tests/fixtures/foreign/make-corpus.js`; each has a
 * `.cells.json` of what its producer was asked to save. For each: `check` reads exactly those
 * cells; `generate` writes namespace-well-formed parts, gives no number format id two codes, puts
 * its flags after every user rule (x14 ones too), keeps every user cell (every sheet of the input
 * is the user's) and every part it does not own byte for byte, and the output opens in
 * LibreOffice with the user's cells where they were, sheet by sheet.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { CellValue } from "../../src/engine/grid";
import { XlsxPort } from "../../src/ports/xlsx";
import { decodePart } from "../../src/ports/xlsx/opc";
import { convertWithLibreOffice, libreOfficeAvailableOrSkip, parseCsv } from "../helpers/libreoffice";
import { malformedParts } from "./wellFormedParts";
import { cli, STACK_TRACE, UNEXPECTED } from "./cli";
import { cellsOf } from "./snapshotCells";
import { entries } from "../ports/xlsx/zipUtil";

const DIR = path.join(__dirname, "..", "fixtures", "foreign");
const FILES = readdirSync(DIR).filter((f) => /\.xls[xm]$/.test(f));

interface Expected {
  producer: string;
  cells: Record<string, Record<string, CellValue>>;
  nothingRecognised?: boolean;
  macro?: boolean;
  /** Indicator rows of the seed table its producer hid: they are not read (rows-hidden). */
  hiddenIndicators?: number;
}

function expected(file: string): Expected {
  return JSON.parse(readFileSync(path.join(DIR, `${file}.cells.json`), "utf8")) as Expected;
}

/** Numbers to 6 decimals (a time of day is a fraction of a day), the rest as it is. */
function rounded(cells: Record<string, CellValue>): Record<string, CellValue> {
  return Object.fromEntries(
    Object.entries(cells).map(([ref, v]) => [ref, typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v]),
  );
}

/** Parts Målkoll edits in place (beside the ones it creates); everything else must keep its bytes. */
const EDITED_IN_PLACE =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/calcChain\.xml)$/i;

const tmp = mkdtempSync(path.join(tmpdir(), "malkoll-foreign-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const outputs = new Map<string, string>();

function outputName(file: string): string {
  return path.join(tmp, file.replace(/(\.xls[xm])$/, "-ut$1"));
}

describe.each(FILES)("%s", (file) => {
  const input = path.join(DIR, file);
  const want = expected(file);

  test("check reads the cells its producer saved, and nothing else", async () => {
    const snapshot = await (await XlsxPort.open(input)).read();
    const read = cellsOf(snapshot, (name) => name in want.cells);
    for (const sheet of Object.keys(want.cells))
      expect(rounded(read[sheet] ?? {})).toEqual(rounded(want.cells[sheet]));
    const run = await cli(["check", input, "--json"]);
    expect(run.err).not.toMatch(STACK_TRACE);
    expect([0, 1]).toContain(run.code);
    const json = JSON.parse(run.out) as {
      findings: { sheet: string; cell: string; code: string }[];
      indicators: { name: string }[];
    };
    for (const finding of json.findings) expect(finding.sheet).not.toBe("");
    if (want.nothingRecognised) {
      expect(json.indicators).toHaveLength(0);
      expect(json.findings.map((f) => f.code)).toContain("nothing-recognised");
    } else {
      expect(json.indicators.length).toBeGreaterThanOrEqual(10 - (want.hiddenIndicators ?? 0));
      // The note row two rows under the seed table (make-corpus.js, `extras`) is no indicator: it is
      // named once as not read, and nothing else is said of it.
      expect(json.indicators.map((i) => i.name)).not.toContain("Kontrollvärden");
      const onNoteRow = json.findings.filter((f) => f.sheet === "Uppföljning" && /^[A-Z]+24$/.test(f.cell));
      expect(onNoteRow.map((f) => [f.code, f.cell])).toEqual([["row-not-read", "A24"]]);
    }
  });

  test("generate writes well-formed parts and keeps every user cell and unowned part", async () => {
    const out = outputName(file);
    const run = await cli(["generate", input, "-o", out]);
    expect(run.err).not.toMatch(UNEXPECTED);
    expect(run.err).not.toMatch(STACK_TRACE);
    expect([0, 1]).toContain(run.code);
    outputs.set(file, out);

    const before = await entries(readFileSync(input));
    const after = await entries(readFileSync(out));
    const normalised = (name: string) => name.replace(/\\/g, "/").toLowerCase();
    const afterByName = new Map([...after].map(([name, bytes]) => [normalised(name), { name, bytes }]));
    expect(malformedParts(after)).toEqual([]);
    expect(numberFormatClashes(after)).toEqual([]);
    expect(flagsBeforeUserRules(after)).toEqual([]);
    // One part per name, ignoring case: OPC part names are case-insensitive.
    expect(afterByName.size).toBe(after.size);

    const inputSnapshot = await (await XlsxPort.open(input)).read();
    const outputSnapshot = await (await XlsxPort.open(out)).read();
    // Every sheet of the input is the user's, also one named as Målkoll names its own.
    const inputSheets = new Set(inputSnapshot.sheets.map((s) => s.name));
    const userSheets = (name: string) => inputSheets.has(name);
    expect(cellsOf(outputSnapshot, userSheets)).toEqual(cellsOf(inputSnapshot));

    const changed: string[] = [];
    for (const [name, bytes] of before) {
      const kept = afterByName.get(normalised(name));
      if (!kept) {
        changed.push(`${name}: gone`);
        continue;
      }
      if (EDITED_IN_PLACE.test(normalised(name)) || /^xl\/worksheets\/sheet\d+\.xml$/i.test(normalised(name)))
        continue;
      if (!kept.bytes.equals(bytes)) changed.push(`${name}: changed`);
    }
    expect(changed).toEqual([]);

    if (want.nothingRecognised) {
      // Nothing to build tables from: no empty shells, only the run log in `_malkoll`.
      expect(outputSnapshot.sheets.map((s) => s.name).filter((n) => !userSheets(n))).toEqual(["_malkoll"]);
    } else expect(outputSnapshot.sheets.map((s) => s.name)).toContain("Målkoll Indikatorer");
  });
});

test("every output opens in LibreOffice with the user's cells where they were", () => {
  if (!libreOfficeAvailableOrSkip()) return;
  const files = FILES.filter((f) => outputs.has(f));
  expect(files).toHaveLength(FILES.length);
  const csvDir = path.join(tmp, "csv");
  // One LibreOffice start for every file, each sheet to a CSV of its own.
  convertWithLibreOffice(
    files.map((f) => outputs.get(f)!),
    "csv",
    { outDir: csvDir, allSheets: true, timeoutMs: 240_000 },
  );
  const unopened: string[] = [];
  const misplaced: string[] = [];
  for (const file of files) {
    // LibreOffice names a sheet's CSV `<file>-<sheet>.csv`.
    const stem = path.basename(outputs.get(file)!).replace(/\.xls[xm]$/, "");
    for (const [sheet, cells] of Object.entries(expected(file).cells)) {
      const csv = path.join(csvDir, `${stem}-${sheet}.csv`);
      if (!existsSync(csv)) {
        unopened.push(`${file} ${sheet}`);
        continue;
      }
      const rows = parseCsv(readFileSync(csv, "utf8"));
      for (const [ref, value] of Object.entries(cells)) {
        if (typeof value !== "string") continue;
        const { row, col } = position(ref);
        if ((rows[row - 1]?.[col - 1] ?? "") !== value) misplaced.push(`${file} ${sheet}!${ref}`);
      }
    }
  }
  expect(unopened).toEqual([]);
  expect(misplaced).toEqual([]);
}, 300_000);

/** Number format ids a styles part gives two format codes (in `<numFmts>` and in a `<dxf>`). */
function numberFormatClashes(parts: Map<string, Buffer>): string[] {
  const clashes: string[] = [];
  for (const [name, bytes] of parts) {
    if (!/(^|[/\\])styles\.xml$/i.test(name)) continue;
    const codes = new Map<string, string>();
    for (const [tag] of decodePart(bytes).matchAll(/<(?:\w+:)?numFmt\s[^>]*>/g)) {
      const id = /numFmtId="(\d+)"/.exec(tag)?.[1] ?? "";
      const code = /formatCode="([^"]*)"/.exec(tag)?.[1] ?? "";
      if (codes.has(id) && codes.get(id) !== code) clashes.push(`${name}: ${id}`);
      codes.set(id, code);
    }
  }
  return clashes;
}

/** Sheets where a Målkoll flag rule does not come after every user rule (x14 ones too) in priority. */
function flagsBeforeUserRules(parts: Map<string, Buffer>): string[] {
  const out: string[] = [];
  for (const [name, bytes] of parts) {
    if (!/worksheets[/\\][^/\\]+\.xml$/i.test(name)) continue;
    const xml = decodePart(bytes);
    // Each rule, self-closing or not: its start tag's attributes and its body.
    const rules = [...xml.matchAll(/<(?:\w+:)?cfRule\s([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?cfRule>)/g)].map(
      (m) => ({
        priority: Number(/priority="(\d+)"/.exec(m[1])?.[1] ?? 0),
        flag: (m[2] ?? "").includes("malkoll"),
      }),
    );
    const user = rules.filter((r) => !r.flag).map((r) => r.priority);
    const flags = rules.filter((r) => r.flag).map((r) => r.priority);
    if (flags.length && Math.min(...flags) <= Math.max(0, ...user)) out.push(name);
  }
  return out;
}

function position(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}
