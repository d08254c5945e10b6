import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { check } from "../../src/engine";
import { main } from "../../src/cli/main";
import { plan001, plan001Xlsx, PLAN_001_SHEET } from "../fixtures/workbooks/plan001";
import { preambleRows, reportSheet, reportXlsx, RESURSENHETEN_VB_2021 } from "../fixtures/workbooks/reports";
import { workbookToXlsx } from "../../scripts/bench/workbook";

/**
 * The real pair: Resursenheten's plan for 2021 (001, OCR text laid out as a workbook by
 * tests/fixtures/workbooks/plan001.ts) against its VB 2021 (000), both as .xlsx files.
 */

const PLAN = "resursenheten-plan-2021.xlsx";
const FOLLOWUP = RESURSENHETEN_VB_2021.file;
const VB = RESURSENHETEN_VB_2021.sheet;
/** The follow-up's row of a 000 seed line. */
const vbRow = (line: number) => line + preambleRows(RESURSENHETEN_VB_2021);

let dir: string;
let json: {
  workbook: string;
  plan: { workbook: string; period: unknown };
  activities: { sheet: string; row: number; start: string; end: string; cells: { name: string } }[];
  findings: {
    code: string;
    severity: string;
    sheet: string;
    cell: string;
    workbook: string;
    message: string;
  }[];
  matched: { kind: string; plan: string; followup: string | null }[];
};
let code: number;
let summary: string;

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const exit = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { exit, out, err };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-compare-"));
  fs.writeFileSync(path.join(dir, PLAN), await plan001Xlsx());
  fs.writeFileSync(path.join(dir, FOLLOWUP), await reportXlsx(RESURSENHETEN_VB_2021));
  const run = await cli(["compare", path.join(dir, PLAN), path.join(dir, FOLLOWUP), "--json"]);
  code = run.exit;
  json = JSON.parse(run.out);
  summary = (await cli(["compare", path.join(dir, PLAN), path.join(dir, FOLLOWUP)])).out;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const plan = plan001();
const planCell = (line: number) => `${PLAN_001_SHEET}!A${plan.rowOfLine(line)}`;

describe("malkoll compare: 001 (plan 2021) against 000 (VB 2021)", () => {
  test("prints the follow-up's check with the plan and the pairs, and exits as check would", () => {
    expect(code).toBe(0);
    expect(json.workbook).toBe(FOLLOWUP);
    // 001 names its year only in its sheet's name (`Verksamhetsplan 2021`).
    expect(json.plan).toEqual({
      workbook: PLAN,
      period: { kind: "VP", year: 2021, source: "plan", yearSheet: PLAN_001_SHEET },
    });
  });

  test("all 21 goal headings match one to one, OCR damage and diacritics folded out", () => {
    const goals = json.matched.filter((m) => m.kind === "goal");
    expect(goals).toHaveLength(21);
    expect(goals.every((g) => g.followup !== null)).toBe(true);
    expect(new Set(goals.map((g) => g.followup)).size).toBe(21);
    // Headings whose label OCR damaged: `KF:s mal fér verksamhetsomradet:` and `Enhetsmail:`.
    const pairOf = (line: number) => goals.find((g) => g.plan === planCell(line))?.followup;
    expect(pairOf(565)).toBe(`${VB}!A${vbRow(203)}`);
    expect(pairOf(754)).toBe(`${VB}!A${vbRow(344)}`);
    // `1.3. | Stockholm nar barn …` (OCR's `|` for `I`) is KF mål 1.3.
    expect(pairOf(275)).toBe(`${VB}!A${vbRow(101)}`);
  });

  test("7 of the 8 planned activities reappear with the same dates; 001 lines 750–752 do not", () => {
    const activities = json.matched.filter((m) => m.kind === "activity");
    expect(activities.map((a) => [a.plan, a.followup])).toEqual([
      [planCell(303), `${VB}!A${vbRow(122)}`],
      [planCell(306), `${VB}!A${vbRow(123)}`],
      [planCell(443), `${VB}!A${vbRow(165)}`],
      [planCell(558), `${VB}!A${vbRow(196)}`],
      [planCell(561), `${VB}!A${vbRow(198)}`],
      [planCell(660), `${VB}!A${vbRow(266)}`],
      [planCell(662), `${VB}!A${vbRow(267)}`],
      [planCell(750), null],
    ]);
    expect(plan.rowOfLine(750)).toBe(plan.rowOfLine(752));
    // The same dates: the plan's as its own check reads them, the follow-up's as the JSON has them.
    const planActivities = check({ name: PLAN, sheets: [plan.sheet] }).model.activities;
    for (const pair of activities.filter((a) => a.followup)) {
      const planned = planActivities.find((a) => `${a.sheet}!${a.cells.name}` === pair.plan)!;
      const reported = json.activities.find((a) => `${a.sheet}!${a.cells.name}` === pair.followup)!;
      expect([reported.start, reported.end]).toEqual([planned.start, planned.end]);
    }
    const missing = json.findings.filter((f) => f.code === "plan-activity-missing");
    expect(missing).toEqual([
      expect.objectContaining({
        severity: "warning",
        workbook: PLAN,
        sheet: PLAN_001_SHEET,
        cell: `A${plan.rowOfLine(750)}`,
      }),
    ]);
    expect(missing[0].message).toMatch(
      /^Planerad aktivitet saknas i uppföljningen: ”Forvaltningens forskoleenheter/,
    );
  });

  test("the two KF 2.5 indicators (001 lines 612 and 615) have no table in 000", () => {
    const indicators = json.matched.filter((m) => m.kind === "indicator");
    expect(indicators).toEqual([
      { kind: "indicator", plan: planCell(612), followup: null },
      { kind: "indicator", plan: planCell(615), followup: null },
    ]);
    const missing = json.findings.filter((f) => f.code === "plan-indicator-missing");
    expect(missing.map((f) => [f.workbook, f.sheet, f.cell])).toEqual([
      [PLAN, PLAN_001_SHEET, `A${plan.rowOfLine(612)}`],
      [PLAN, PLAN_001_SHEET, `A${plan.rowOfLine(615)}`],
    ]);
  });

  test("no other plan or follow-up finding; the follow-up's own findings as usual", () => {
    const reconciliation = json.findings.filter((f) => /^(plan-|followup-)/.test(f.code));
    expect(reconciliation.map((f) => f.code).sort()).toEqual([
      "plan-activity-missing",
      "plan-indicator-missing",
      "plan-indicator-missing",
    ]);
    const own = json.findings.filter((f) => !/^(plan-|followup-)/.test(f.code));
    expect(own.map((f) => [f.code, f.workbook, f.cell])).toEqual([
      ["assessment-contradicts", FOLLOWUP, `A${vbRow(169)}`],
      ["placeholder-text", FOLLOWUP, `A${vbRow(185)}`],
    ]);
  });

  test("the summary says what of the plan was found again", () => {
    expect(summary).toMatch(
      /^Målkoll – jämförelse av planen resursenheten-plan-2021\.xlsx med uppföljningen/,
    );
    expect(summary).toContain(
      "Återfunna i uppföljningen: 21 av 21 mål, 0 av 2 indikatorer, 7 av 8 aktiviteter",
    );
    // Sheet names with a space are quoted as Excel writes a reference (`'Verksamhetsplan 2021'!A724`).
    expect(summary).toContain(`resursenheten-plan-2021.xlsx: '${PLAN_001_SHEET}'!A${plan.rowOfLine(750)}`);
  });

  test("a file that cannot be read exits 2 without a stack trace", async () => {
    const notXlsx = path.join(dir, "anteckningar.xlsx");
    fs.writeFileSync(notXlsx, "inte en arbetsbok");
    const run = await cli(["compare", notXlsx, path.join(dir, FOLLOWUP)]);
    expect(run.exit).toBe(2);
    expect(run.err).toMatch(/anteckningar\.xlsx är ingen \.xlsx-fil/);
    expect(run.err).not.toMatch(/^\s+at /m);
  });

  test("`malkoll compare` runs from bin/ with the same exit code and summary", () => {
    const bin = path.join(__dirname, "..", "..", "bin", "malkoll.js");
    const r = spawnSync(process.execPath, [bin, "compare", path.join(dir, PLAN), path.join(dir, FOLLOWUP)], {
      encoding: "utf8",
    });
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toBe(summary);
  });

  test("two plans, or the pair swapped, are compared with a word of warning on stderr (a batch user's review)", async () => {
    const plans = await cli(["compare", path.join(dir, PLAN), path.join(dir, PLAN), "--json"]);
    expect(plans.err).toContain(
      "den andra filen ser ut som en plan (VP 2021), inte en uppföljning: två planer jämförs.",
    );
    expect(() => JSON.parse(plans.out)).not.toThrow();
    const swapped = await cli(["compare", path.join(dir, FOLLOWUP), path.join(dir, PLAN)]);
    expect(swapped.err).toContain("den första filen ser ut som en uppföljning (VB 2021), inte en plan.");
    expect(swapped.err).toContain("den andra filen ser ut som en plan (VP 2021)");
  });

  test("compare wants exactly two files", async () => {
    const run = await cli(["compare", path.join(dir, PLAN)]);
    expect(run.exit).toBe(2);
    expect(run.err).toContain("compare behöver en plan och en uppföljning");
  });
});

describe("malkoll compare: 000's brukarundersökning with the postponement its analysis tells written in Slutdatum", () => {
  // 000 line 199: `Den planerade brukarundersökningen har skjutits upp till 2022`; the plan (001 line
  // 561) has 2021-01-01 – 2021-12-31. The unit writes the new end into the VB's Slutdatum cell.
  const POSTPONED = "resursenheten-vb-2021-uppskjuten.xlsx";
  const row = vbRow(198);
  let postponed: typeof json;
  let postponedSummary: string;

  beforeAll(async () => {
    const sheet = reportSheet(RESURSENHETEN_VB_2021);
    expect(sheet.values[row - 1].slice(0, 3)).toEqual([
      " Öppna förskolan ska genomföra brukarundersökning",
      "2021-01-01",
      "2021-12-31",
    ]);
    sheet.values[row - 1][2] = "2022-06-30";
    fs.writeFileSync(path.join(dir, POSTPONED), await workbookToXlsx({ name: POSTPONED, sheets: [sheet] }));
    const run = await cli(["compare", path.join(dir, PLAN), path.join(dir, POSTPONED), "--json"]);
    expect([run.exit, run.err]).toEqual([0, ""]);
    postponed = JSON.parse(run.out);
    postponedSummary = (await cli(["compare", path.join(dir, PLAN), path.join(dir, POSTPONED)])).out;
  });

  test("--json has one plan-activity-dates-changed at the follow-up's Slutdatum cell, saying postponed", () => {
    const changed = postponed.findings.filter((f) => f.code === "plan-activity-dates-changed");
    expect(changed).toEqual([
      {
        code: "plan-activity-dates-changed",
        severity: "info",
        workbook: POSTPONED,
        sheet: VB,
        cell: `C${row}`,
        range: null,
        // 000 line 167: `Enhetsmål: Varje barn i Hägersten-Älvsjös förskolor …`.
        goal: `${VB}!A${vbRow(167)}`,
        message:
          "Slutdatum för ”Öppna förskolan ska genomföra brukarundersökning” är 2022-06-30 i uppföljningen men 2021-12-31 i planen (senarelagt).",
        messageEn:
          'The end date of "Öppna förskolan ska genomföra brukarundersökning" is 2022-06-30 in the follow-up but 2021-12-31 in the plan (postponed).',
      },
    ]);
    // Everything else as against the VB as published.
    const others = (findings: typeof json.findings) =>
      findings.filter((f) => f.code !== "plan-activity-dates-changed").map((f) => [f.code, f.sheet, f.cell]);
    expect(others(postponed.findings)).toEqual(others(json.findings));
  });

  test("the summary lists it as INFO with its file and cell", () => {
    expect(postponedSummary).toContain("Fynd: 0 fel, 5 varningar, 1 info");
    expect(postponedSummary).toContain(
      `  INFO    ${POSTPONED}: '${VB}'!C${row} Slutdatum för ”Öppna förskolan ska genomföra brukarundersökning” är 2022-06-30 i uppföljningen men 2021-12-31 i planen (senarelagt).`,
    );
  });
});

test("a plan whose formulas were never computed says so in the comparison, naming the plan's file", async () => {
  const foreign = path.join(__dirname, "..", "fixtures", "foreign");
  const run = await cli([
    "compare",
    path.join(foreign, "openpyxl-formulas.xlsx"),
    path.join(foreign, "libreoffice-formulas.xlsx"),
    "--json",
  ]);
  const result = JSON.parse(run.out) as {
    findings: { code: string; workbook: string; sheet: string; cell: string }[];
  };
  expect(result.findings.filter((f) => f.code === "formula-not-calculated")).toEqual([
    expect.objectContaining({ workbook: "openpyxl-formulas.xlsx", sheet: "Ekonomi", cell: "B4" }),
  ]);
});
