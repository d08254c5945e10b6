/**
 * A follow-up system's export as Apache POI writes it (tests/fixtures/poi, made by ExportVB.java
 * with Debian's POI 4.0.1): XSSF with shared strings, and SXSSF, streamed, with inline strings and
 * a `<dimension ref="A1"/>`. Five sheets, a bold filled header, frozen panes, an autofilter,
 * validations, comments and defined names. `generate` keeps every user cell and every part it does
 * not own byte for byte, and LibreOffice opens what it writes; both files read alike.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { parseA1, type WorkbookSnapshot } from "../../src/engine/grid";
import { XlsxPort } from "../../src/ports/xlsx";
import { convertWithLibreOffice, libreOfficeAvailableOrSkip, parseCsv } from "../helpers/libreoffice";
import { entries } from "../ports/xlsx/zipUtil";
import { malformedParts } from "./wellFormedParts";
import { cli, STACK_TRACE, UNEXPECTED } from "./cli";
import { cellsOf } from "./snapshotCells";

const DIR = path.join(__dirname, "..", "fixtures", "poi");
const FILES = ["resursenheten-vb2021-xssf.xlsx", "resursenheten-vb2021-sxssf.xlsx"];
const USER_SHEETS = ["Information", "Mål", "Indikatorer", "Aktiviteter", "Ekonomi"];
const isUserSheet = (name: string): boolean => USER_SHEETS.includes(name);
/** Parts Målkoll edits in place beside the ones it adds; the user's sheets get its flags. */
const EDITED_IN_PLACE =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/i;

const tmp = mkdtempSync(path.join(tmpdir(), "malkoll-poi-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return (await XlsxPort.open(file)).read();
}

describe.each(FILES)("%s", (file) => {
  const input = path.join(DIR, file);
  const output = path.join(tmp, file.replace(/\.xlsx$/, "-ut.xlsx"));

  test("check reads the export's indicators, activities and budget rows", async () => {
    const run = await cli(["check", input, "--json"]);
    expect(run.err).not.toMatch(STACK_TRACE);
    expect([0, 1]).toContain(run.code);
    const json = JSON.parse(run.out) as { indicators: unknown[]; activities: unknown[]; budget: unknown[] };
    expect(json.indicators).toHaveLength(13);
    expect(json.activities).toHaveLength(7);
    expect(json.budget.length).toBeGreaterThanOrEqual(5);
  });

  test("check reads `Målnivå | Mål` as a goal's level and title: rows naming one goal share it", async () => {
    const run = await cli(["check", input, "--json"]);
    const json = JSON.parse(run.out) as {
      goals: { id: string; level: string; title: string }[];
      indicators: { goal: string | null }[];
      activities: { goal: string | null }[];
      findings: { code: string; cell: string; sheet: string }[];
    };
    const titled = json.goals.filter((g) => g.title !== "");
    expect(titled.length).toBeGreaterThanOrEqual(7);
    expect(json.goals.filter((g) => g.title === "")).toEqual([]);
    const titleOf = (id: string | null) => json.goals.find((g) => g.id === id)?.title;
    const sjuk = json.indicators[8];
    expect(titleOf(sjuk.goal)).toBe("Stadsdelsnämnden är en attraktiv arbetsgivare med god arbetsmiljö");
    // Index Bra arbetsgivare (row 13) is under the same goal as Sjukfrånvaro (row 10).
    expect(json.indicators[11].goal).toBe(sjuk.goal);
    const e2 = json.goals.find((g) => g.title.startsWith("Varje barn i Hägersten-Älvsjös förskolor"))!;
    expect(e2.level).toBe("enhetsmal");
    expect(json.activities.filter((a) => a.goal === e2.id)).toHaveLength(2);
    expect(
      json.findings.filter((f) => f.code === "column-unrecognized").map((f) => `${f.sheet}!${f.cell}`),
    ).toEqual(["Indikatorer!N1"]);
  });

  test("check reads the Mål sheet's goal list: levels, parents, stated assessments, and the contradiction", async () => {
    const run = await cli(["check", input, "--json"]);
    const json = JSON.parse(run.out) as {
      goals: {
        id: string;
        level: string;
        number: string | null;
        parent: string | null;
        statedAssessment: string | null;
      }[];
      activities: { goal: string | null }[];
      findings: { code: string; cell: string; sheet: string; message: string; messageEn: string }[];
    };
    expect(json.goals).toHaveLength(21);
    expect(json.goals.every((g) => g.id.startsWith("Mål!C"))).toBe(true);
    const byRow = (row: number) => json.goals.find((g) => g.id === `Mål!C${row}`)!;
    // Row 7: Enhetsmål E2 under nämndmål 1.3.2 (row 6), stated `● Uppfylls helt`.
    expect(byRow(7)).toMatchObject({
      level: "enhetsmal",
      number: null,
      parent: "Mål!C6",
      statedAssessment: "helt",
    });
    expect(byRow(6)).toMatchObject({
      level: "namndmal",
      number: "1.3.2",
      parent: "Mål!C3",
      statedAssessment: "ingen",
    });
    expect(json.activities.filter((a) => a.goal === "Mål!C7")).toHaveLength(2);
    const contradicts = json.findings
      .filter((f) => f.code === "assessment-contradicts")
      .map((f) => `${f.sheet}!${f.cell}`);
    expect(contradicts).toContain("Mål!E7");
    const onE7 = json.findings.find((f) => f.code === "assessment-contradicts" && f.cell === "E7");
    // A sentence with its verb, as the indicator part has (`1 indikator uppfyller inte målet`).
    expect(onE7?.message).toBe(
      "Målet ”Varje barn i Hägersten-Älvsjös förskolor möts av …” bedöms ”Uppfylls helt” men 2 aktiviteter har avvikelse.",
    );
    expect(onE7?.messageEn).toMatch(/but 2 activities have a deviation\.$/);
  });

  test("generate keeps every user cell and every part it does not own", async () => {
    const run = await cli(["generate", input, "-o", output]);
    expect(run.err).not.toMatch(UNEXPECTED);
    expect(run.err).not.toMatch(STACK_TRACE);
    expect([0, 1]).toContain(run.code);

    const after = await entries(readFileSync(output));
    expect(malformedParts(after)).toEqual([]);

    const changed: string[] = [];
    for (const [name, bytes] of await entries(readFileSync(input))) {
      const kept = after.get(name);
      if (!kept) changed.push(`${name}: gone`);
      else if (!EDITED_IN_PLACE.test(name) && !kept.equals(bytes)) changed.push(`${name}: changed`);
    }
    expect(changed).toEqual([]);

    const before = await snapshotOf(input);
    const written = await snapshotOf(output);
    expect(before.sheets.map((s) => s.name)).toEqual(USER_SHEETS);
    expect(cellsOf(written, isUserSheet)).toEqual(cellsOf(before, isUserSheet));
    expect(written.sheets.map((s) => s.name)).toContain("Målkoll Indikatorer");
  });
});

test("the streamed export reads as the other: same model, same findings", async () => {
  const [xssf, sxssf] = await Promise.all(
    FILES.map(async (file) => JSON.parse((await cli(["check", path.join(DIR, file), "--json"])).out)),
  );
  const { workbook: _a, ...one } = xssf as Record<string, unknown>;
  const { workbook: _b, ...other } = sxssf as Record<string, unknown>;
  expect(other).toEqual(one);
});

test("LibreOffice opens both outputs with the user's text where it was", async () => {
  if (!libreOfficeAvailableOrSkip()) return;
  const csvDir = path.join(tmp, "csv");
  const outputs = FILES.map((f) => path.join(tmp, f.replace(/\.xlsx$/, "-ut.xlsx")));
  convertWithLibreOffice(outputs, "csv", { outDir: csvDir, allSheets: true, timeoutMs: 240_000 });
  const misplaced: string[] = [];
  for (const [i, file] of FILES.entries()) {
    const stem = path.basename(outputs[i]).replace(/\.xlsx$/, "");
    const input = cellsOf(await snapshotOf(path.join(DIR, file)), isUserSheet);
    for (const sheet of USER_SHEETS) {
      const rows = parseCsv(readFileSync(path.join(csvDir, `${stem}-${sheet}.csv`), "utf8"));
      for (const [ref, value] of Object.entries(input[sheet])) {
        if (typeof value !== "string") continue;
        const { row, col } = parseA1(ref)!;
        if ((rows[row - 1]?.[col - 1] ?? "") !== value) misplaced.push(`${file} ${sheet}!${ref}`);
      }
    }
  }
  expect(misplaced).toEqual([]);
}, 300_000);
