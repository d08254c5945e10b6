/**
 * Workbooks saved again in Gnumeric (tests/fixtures/foreign/gnumeric, made by make-corpus.js with
 * `ssconvert --recalc`), each compared with what it was made from rather than with a cells.json.
 *
 * The bundled sample: the same content in Gnumeric's own package. Gnumeric writes each row the
 * sample styles as a whole (`<row s="…" customFormat="1">`) as 16 384 styled empty cells, strings
 * once used inline and the rest shared, numbers to 21 digits, indented XML, a default font `Sans`
 * 10 beside the cells' Calibri, `<start>`/`<end>` borders, and a `_xlnm.Sheet_Title` and a `#REF!`
 * print area for every sheet. None of it may change what Målkoll reads or writes: `check` finds
 * what it finds in the sample, and `generate` makes the same tables, keeps every user cell and
 * every part it does not own, and writes a workbook LibreOffice opens to the same sheets as the
 * sample's own output.
 *
 * Målkoll's own output (of xlsxwriter.xlsx), saved in Gnumeric between two runs: Gnumeric writes
 * no sheet `state`, so `_malkoll` comes back visible, and the print titles as `Print_Titles`
 * without `_xlnm.`. The next run hides the state sheet again, finds its tables its own, and leaves
 * each of them one name for its print titles.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { XlsxPort } from "../../src/ports/xlsx";
import { convertWithLibreOffice, libreOfficeAvailableOrSkip } from "../helpers/libreoffice";
import { repoRoot } from "../helpers/seedGrid";
import { entries } from "../ports/xlsx/zipUtil";
import { cli, STACK_TRACE, UNEXPECTED } from "./cli";
import { cellsOf } from "./snapshotCells";
import { malformedParts } from "./wellFormedParts";

const SAMPLE = path.join(repoRoot(), "samples", "malkoll-exempel.xlsx");
const DIR = path.join(__dirname, "..", "fixtures", "foreign", "gnumeric");
const GNUMERIC = path.join(DIR, "malkoll-exempel.xlsx");
/** Målkoll's state sheet: its run time and hashes differ from run to run. */
const STATE = "_malkoll";
/** Parts Målkoll edits in place, beside the sheets it flags. */
const EDITED_IN_PLACE =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/;

const tmp = mkdtempSync(path.join(tmpdir(), "malkoll-gnumeric-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * The workbook copied under the sample's own name into a folder of its own, so that the tables
 * `generate` makes (which name the file they came from) can be compared cell by cell.
 */
function copied(file: string, folder: string): string {
  mkdirSync(path.join(tmp, folder));
  const copy = path.join(tmp, folder, "malkoll-exempel.xlsx");
  copyFileSync(file, copy);
  return copy;
}

async function cellsIn(file: string) {
  return cellsOf(await (await XlsxPort.open(file)).read());
}

test("the Gnumeric copy is Gnumeric's: row styles as 16 384 cells, inline and shared strings, Sans 10", async () => {
  const parts = await entries(readFileSync(GNUMERIC));
  const sheet = parts.get("xl/worksheets/sheet1.xml")!.toString("utf8");
  expect(sheet).toContain('<dimension ref="A1:XFD1167"/>');
  expect(sheet).toContain('t="inlineStr"');
  expect(sheet).toContain('t="s"');
  expect(parts.get("docProps/app.xml")!.toString("utf8")).toContain("<Application>gnumeric</Application>");
  expect(parts.get("xl/styles.xml")!.toString("utf8")).toMatch(
    /<name val="Sans"\/>\s*<vertAlign[^>]*>\s*<sz val="10"\/>/,
  );
});

test("check reads the same cells and gives the same findings as for the sample", async () => {
  expect(await cellsIn(GNUMERIC)).toEqual(await cellsIn(SAMPLE));
  const [original, gnumeric] = await Promise.all(
    [SAMPLE, GNUMERIC].map(async (file) => {
      const run = await cli(["check", file, "--json"]);
      expect(run.err).not.toMatch(STACK_TRACE);
      const json = JSON.parse(run.out) as Record<string, unknown>;
      delete json.workbook;
      return json;
    }),
  );
  expect(gnumeric).toEqual(original);
});

describe("generate on the sample saved in Gnumeric", () => {
  const fromSample = path.join(tmp, "sample-ut.xlsx");
  const fromGnumeric = path.join(tmp, "gnumeric-ut.xlsx");
  let input: string;

  beforeAll(async () => {
    input = copied(GNUMERIC, "gnumeric");
    for (const [file, out] of [
      [copied(SAMPLE, "sample"), fromSample],
      [input, fromGnumeric],
    ]) {
      const run = await cli(["generate", file, "-o", out]);
      expect(run.err).not.toMatch(UNEXPECTED);
      expect(run.err).not.toMatch(STACK_TRACE);
      expect(run.code).toBe(0);
    }
  }, 120_000);

  test("makes the tables it makes from the sample, cell for cell", async () => {
    const [sample, gnumeric] = await Promise.all([cellsIn(fromSample), cellsIn(fromGnumeric)]);
    delete sample[STATE];
    delete gnumeric[STATE];
    expect(Object.keys(gnumeric)).toEqual(Object.keys(sample));
    expect(gnumeric).toEqual(sample);
  });

  test("writes well-formed parts, keeps every user cell and every part it does not own", async () => {
    const before = await entries(readFileSync(input));
    const after = await entries(readFileSync(fromGnumeric));
    expect(malformedParts(after)).toEqual([]);
    const inputCells = await cellsIn(input);
    const outputCells = await cellsIn(fromGnumeric);
    for (const sheet of Object.keys(inputCells)) expect(outputCells[sheet]).toEqual(inputCells[sheet]);
    const changed = [...before]
      .filter(([name]) => !EDITED_IN_PLACE.test(name))
      .filter(([name, bytes]) => !after.get(name)?.equals(bytes))
      .map(([name]) => name);
    // Only the user's sheets that get flags (conditional formats after everything of theirs).
    expect(changed).toEqual(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
  });

  test("LibreOffice opens the output to the sheets it opens the sample's output to", async () => {
    if (!libreOfficeAvailableOrSkip()) return;
    const csv = path.join(tmp, "csv");
    convertWithLibreOffice([fromSample, fromGnumeric], "csv", {
      outDir: csv,
      allSheets: true,
      timeoutMs: 240_000,
    });
    const names = Object.keys(await cellsIn(fromSample)).filter((name) => name !== STATE);
    expect(names).toHaveLength(9);
    for (const name of names) {
      const sample = path.join(csv, `sample-ut-${name}.csv`);
      const gnumeric = path.join(csv, `gnumeric-ut-${name}.csv`);
      expect([name, existsSync(sample), existsSync(gnumeric)]).toEqual([name, true, true]);
      expect(readFileSync(gnumeric, "utf8")).toBe(readFileSync(sample, "utf8"));
    }
  }, 300_000);
});

describe("Målkoll's output saved in Gnumeric, generated again", () => {
  const saved = path.join(DIR, "malkoll-ut.xlsx");
  const again = path.join(tmp, "malkoll-ut-igen.xlsx");
  const workbookXml = async (file: string) =>
    (await entries(readFileSync(file))).get("xl/workbook.xml")!.toString("utf8");
  const printTitles = (xml: string) =>
    [...xml.matchAll(/<definedName name="((?:_xlnm\.)?Print_Titles)" localSheetId="(\d+)">([^<]*)</g)].map(
      (m) => m.slice(1),
    );

  beforeAll(async () => {
    const run = await cli(["generate", saved, "-o", again]);
    expect(run.err).not.toMatch(UNEXPECTED);
    expect(run.code).toBeLessThan(2);
  }, 120_000);

  test("Gnumeric showed the state sheet and spelt the print titles its own way", async () => {
    const xml = await workbookXml(saved);
    expect(xml).toMatch(/<sheet name="_malkoll" sheetId="\d+" r:id="[^"]+"\/>/);
    expect(printTitles(xml)).toEqual([["Print_Titles", "4", "'Målkoll Avvikelser'!$4:$4"]]);
  });

  test("the tables are found Målkoll's, the state sheet hidden again, one name per sheet's print titles", async () => {
    const sheets = (await (await XlsxPort.open(again)).read()).sheets;
    expect(sheets.map((s) => s.name)).toEqual(
      (await (await XlsxPort.open(saved)).read()).sheets.map((s) => s.name),
    );
    const xml = await workbookXml(again);
    expect(xml).toMatch(/<sheet name="_malkoll" [^>]*state="veryHidden"/);
    expect(printTitles(xml)).toEqual([["_xlnm.Print_Titles", "4", "'Målkoll Avvikelser'!$4:$4"]]);
    const inputCells = await cellsIn(saved);
    const outputCells = await cellsIn(again);
    expect(outputCells["Uppföljning"]).toEqual(inputCells["Uppföljning"]);
  });
});
