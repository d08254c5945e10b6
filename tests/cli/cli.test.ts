import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { ENSKEDE_T2_2021_EKONOMI, reportXlsx } from "../fixtures/workbooks/reports";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "malkoll-exempel.xlsx");
const PLAN_SAMPLE = path.join(ROOT, "samples", "plan", "hagersten-alvsjo-vp-2022.xlsx");

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbook(build: (wb: ExcelJS.Workbook) => void, name = "bok.xlsx"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("malkoll check", () => {
  test("prints a Swedish summary and exits 0 without error-level findings", async () => {
    const r = await cli(["check", SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Målkoll – kontroll av malkoll-exempel\.xlsx\nPeriod: T2 2021 \(läst ur arbetsboken\)/,
    );
    expect(r.out).toMatch(/Budgetföljsamhet före resultatöverföringar: 99,2 %/);
  });

  test("--json prints exactly one JSON object in the contract's shape", async () => {
    const r = await cli(["check", SAMPLE, "--json"]);
    const json = JSON.parse(r.out);
    expect(Object.keys(json).slice(0, 7)).toEqual([
      "workbook",
      "period",
      "goals",
      "indicators",
      "activities",
      "budget",
      "findings",
    ]);
    expect(json.period).toEqual({ kind: "T2", year: 2021, source: "cell" });
    expect(Object.keys(json.goals[0]).slice(0, 10)).toEqual([
      "id",
      "parent",
      "level",
      "number",
      "title",
      "sheet",
      "row",
      "statedAssessment",
      "suggestedAssessment",
      "counts",
    ]);
    expect(Object.keys(json.indicators[0]).slice(0, 21)).toEqual([
      "name",
      "sheet",
      "row",
      "goal",
      "outcome",
      "outcomeMen",
      "outcomeWomen",
      "previous",
      "forecast",
      "target",
      "targetKind",
      "targetText",
      "kfTarget",
      "kfTargetKind",
      "kfTargetText",
      "unit",
      "periodicity",
      "direction",
      "status",
      "kfStatus",
      "analysis",
    ]);
    expect(Object.keys(json.findings[0]).slice(0, 7)).toEqual([
      "code",
      "severity",
      "sheet",
      "cell",
      "range",
      "goal",
      "message",
    ]);
    const barn = json.indicators.find((i: { name: string }) => i.name.startsWith("Andel barn som lever"));
    expect(barn).toMatchObject({
      outcome: 4.1,
      unit: "%",
      target: 3.3,
      targetKind: "value",
      status: "not-met",
    });
  });

  test("KF's city-wide counts are not-comparable, not not-met, and ask for no analysis", async () => {
    const json = JSON.parse((await cli(["check", SAMPLE, "--json"])).out);
    const byName = (start: string) =>
      json.indicators.find((i: { name: string }) => i.name.startsWith(start)) as Record<string, unknown>;
    // 002 line 284: 44 st against 800 st; line 290: 900 against 9 000 st (both judged on the forecast).
    expect(byName("Antal aspiranter som fått Stockholmsjobb")).toMatchObject({
      status: "met",
      kfStatus: "not-comparable",
      statusBasis: "forecast",
    });
    expect(byName("Antal ungdomar som fått feriejobb i stadens regi")).toMatchObject({
      kfStatus: "not-comparable",
    });
    // A share stays comparable: 1,3 % against KF:s 1,0 % is not met and needs its analysis.
    expect(byName("Andel vuxna med långvarigt ekonomiskt bistånd")).toMatchObject({ kfStatus: "not-met" });
    const analysisMissing = json.findings
      .filter((f: { code: string }) => f.code === "analysis-missing")
      .map((f: { message: string }) => f.message);
    expect(analysisMissing.some((m: string) => /Antal aspiranter|Antal ungdomar/.test(m))).toBe(false);
    expect(analysisMissing.some((m: string) => m.includes("Andel vuxna med långvarigt"))).toBe(true);
  });

  test("--period without --year takes the year the workbook names (Tertial 2 2021)", async () => {
    const r = await cli(["check", SAMPLE, "--json", "--period", "T1"]);
    expect(JSON.parse(r.out).period).toEqual({
      kind: "T1",
      year: 2021,
      source: "flag",
      stated: { kind: "T2", year: 2021 },
    });
  });

  test("a budget workbook whose only period is its title (002's) is judged for T2 2021", async () => {
    const input = path.join(dir, ENSKEDE_T2_2021_EKONOMI.file);
    fs.writeFileSync(input, await reportXlsx(ENSKEDE_T2_2021_EKONOMI));
    const json = JSON.parse((await cli(["check", input, "--json"])).out);
    expect(json.period).toEqual({ kind: "T2", year: 2021, source: "cell" });
    expect(json.findings.map((f: { code: string }) => f.code)).not.toContain("period-unknown");
    expect((await cli(["check", input])).out).toMatch(/\nPeriod: T2 2021 \(läst ur arbetsboken\)/);
  });

  test("--period and --year override the workbook", async () => {
    const r = await cli(["check", SAMPLE, "--json", "--period", "VB", "--year", "2021"]);
    expect(JSON.parse(r.out).period).toEqual({
      kind: "VB",
      year: 2021,
      source: "flag",
      stated: { kind: "T2", year: 2021 },
    });
  });

  test("exit 1 on error-level findings (a #REF! in an outcome)", async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet("Blad1");
      ws.addRow(["Indikator", "Periodens utfall", "Årsmål", "Period"]);
      ws.addRow(["Antal aspiranter", { error: "#REF!" }, "44 st", "Tertial 2 2021"]);
    });
    const r = await cli(["check", file, "--json"]);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.out).findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors).toEqual([expect.objectContaining({ code: "value-unparseable", cell: "B2" })]);
  });

  test.each([
    ["a missing file", (d: string) => path.join(d, "finns-inte.xlsx"), /hittades inte|finns inte/i],
    [
      "not an xlsx",
      (d: string) => {
        const f = path.join(d, "text.xlsx");
        fs.writeFileSync(f, "hej");
        return f;
      },
      /xlsx|zip/i,
    ],
    [
      "an encrypted workbook",
      (d: string) => {
        const f = path.join(d, "krypterad.xlsx");
        fs.writeFileSync(
          f,
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
        );
        return f;
      },
      /krypter|lösenord/i,
    ],
  ])("exit 2 with a clear message for %s, never a stack trace", async (_label, make, pattern) => {
    const r = await cli(["check", make(dir)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test("usage errors exit 2", async () => {
    expect((await cli(["check"])).code).toBe(2);
    expect((await cli(["generate", SAMPLE])).code).toBe(2);
    expect((await cli(["check", SAMPLE, "--period", "Q3"])).code).toBe(2);
    expect((await cli(["generate", SAMPLE, "-o", path.join(dir, "x.xlsx"), "--period", "Q3"])).code).toBe(2);
  });

  test("a usage error says it in Swedish and English, and the bare command's usage goes to stderr", async () => {
    const year = await cli(["check", SAMPLE, "--year", "förra året"]);
    expect(year.err).toContain(
      "Målkoll: --year ska vara ett årtal, t.ex. 2021. / --year must be a year, e.g. 2021.",
    );
    const bare = await cli([]);
    expect([bare.code, bare.out]).toEqual([2, ""]);
    expect(bare.err).toMatch(/^Användning \/ Usage:/);
  });

  test("a --period the workbook contradicts is said, in the summary and as period.stated (a batch user's review)", async () => {
    const vb2020 = path.join(ROOT, "samples", "enheter", "liljeholmens-dagliga-verksamhet-vb-2020.xlsx");
    const text = await cli(["check", vb2020, "--period", "VB", "--year", "2021"]);
    expect(text.out).toContain("Period: VB 2021 (angiven; arbetsboken själv nämner VB 2020)");
    const plan = JSON.parse((await cli(["check", PLAN_SAMPLE, "--period", "T1", "--json"])).out);
    expect(plan.period).toEqual({
      kind: "T1",
      year: 2022,
      source: "flag",
      stated: { kind: "VP", year: 2022 },
    });
    const same = JSON.parse((await cli(["check", SAMPLE, "--period", "T2", "--json"])).out);
    expect(same.period).toEqual({ kind: "T2", year: 2021, source: "flag" });
    // --year alone, of a year the workbook does not name: the finding says which it does.
    const year = JSON.parse((await cli(["check", vb2020, "--year", "2021", "--json"])).out);
    expect(year.findings.find((f: { code: string }) => f.code === "period-unknown").message).toBe(
      "Arbetsboken nämner ingen period för 2021, bara VB 2020. Ange period och år (t.ex. VB 2020) för att bedöma utfall.",
    );
  });

  test("generate --json is refused (it writes a workbook and has no JSON to give), and nothing is written", async () => {
    const out = path.join(dir, "json-ut.xlsx");
    const r = await cli(["generate", SAMPLE, "-o", out, "--json"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Okänd flagga för generate: --json / Unknown flag for generate: --json");
    expect(fs.existsSync(out)).toBe(false);
    // Nor does check take a file to write: it was accepted and nothing written.
    const checked = await cli(["check", SAMPLE, "-o", out]);
    expect([checked.code, fs.existsSync(out)]).toEqual([2, false]);
    expect(checked.err).toContain("Okänd flagga för check: -o");
  });
});

describe("malkoll generate", () => {
  test("writes a copy with the owned sheets; the input file and every input cell are unchanged", async () => {
    const input = path.join(dir, "in.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const before = fs.readFileSync(input);
    const out = path.join(dir, "out.xlsx");
    const r = await cli(["generate", input, "-o", out]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);

    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(input);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(out);
    expect(b.worksheets.map((w) => w.name)).toEqual([
      ...a.worksheets.map((w) => w.name),
      "Målkoll Indikatorer",
      "Målkoll Måluppfyllelse",
      "Målkoll Driftbudget",
      "Målkoll Korstabeller", // the sample's pandemic cost table
      "Målkoll Avvikelser",
      "Målkoll Aktiviteter",
      "_malkoll",
    ]);
    for (const ws of a.worksheets) {
      const other = b.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          expect({ at: `${ws.name}!${r}:${c}`, v: other.getCell(r, c).value }).toEqual({
            at: `${ws.name}!${r}:${c}`,
            v: cell.value,
          });
        });
      });
    }
    expect(b.getWorksheet("_malkoll")!.state).toBe("veryHidden");
  });

  test("with cross tables alone: Målkoll Korstabeller and no other table sheet, counted in Hittade", async () => {
    const input = await workbook((wb) => {
      wb.addWorksheet("Investeringar").addRows([
        ["Investeringsplan"],
        [],
        ["Investering (mnkr)", 2022, 2023, 2024, "Totalt"],
        ["Skolor", 10, 8, 3, 21],
        ["Parker", 2, 1.5, 0, 3.5],
        ["Summa", 12, 9.5, 3, 24.5],
      ]);
    });
    const out = path.join(dir, "ut.xlsx");
    const r = await cli(["generate", input, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Hittade: 0 mål, 0 indikatorer, 0 aktiviteter, 0 budgetrader, 1 korstabell\n/);
    expect(r.out).toMatch(/^Period: okänd \(inget här bedöms mot en period\)$/m);
    expect(r.out).not.toMatch(/inga tabellflikar/);
    // No period is asked for (none judges a cross table), so no cell is flagged.
    expect(r.out).toMatch(/Fynd: 0 fel, 0 varningar, 0 info\n/);
    expect(r.out).toMatch(/Skrev .*ut\.xlsx: Målkoll Korstabeller; 0 flaggade celler\./);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Investeringar", "Målkoll Korstabeller", "_malkoll"]);
    const printed = wb.getWorksheet("Målkoll Korstabeller")!;
    const summa = printed.getColumn(1).values.indexOf("Summa");
    expect(printed.getCell(summa, 3).value).toMatchObject({ formula: "'Investeringar'!C6", result: 9.5 });
    const codes = JSON.parse((await cli(["check", input, "--json"])).out).findings.map(
      (f: { code: string }) => f.code,
    );
    expect(codes).toEqual([]);
  });

  test("with nothing recognised: no table sheets, the warning nothing-recognised, still a run log", async () => {
    const input = await workbook((wb) => {
      wb.addWorksheet("Huvudbok").addRows([
        ["Utdrag ur huvudboken, augusti"],
        [],
        ["Konto", "Benämning", "Belopp"],
        [4010, "Inköp av material", 125000],
        [7010, "Löner", 1450000],
      ]);
    });
    const out = path.join(dir, "ut.xlsx");
    const r = await cli(["generate", input, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /VARNING Huvudbok!A1 +Målkoll hittade inga mål, indikatorer, aktiviteter, budgettabeller eller korstabeller/,
    );
    expect(r.out).toMatch(/VARNING Huvudbok!A3 +Ser ut som en tabell/);
    expect(r.out).toMatch(
      /Skrev .*ut\.xlsx: inga tabellflikar \(inget att bygga dem av\), bara körloggen\.\n$/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Huvudbok", "_malkoll"]);
    const logRows = wb
      .getWorksheet("_malkoll")!
      .getSheetValues()
      .filter((row) => Array.isArray(row) && row[1] === "log");
    expect(logRows).toHaveLength(1);
    expect((logRows[0] as unknown[]).slice(3, 6)).toEqual(["okänd", 0, 2]);

    const json = JSON.parse((await cli(["check", input, "--json"])).out);
    expect(json.findings.map((f: { code: string; cell: string }) => [f.code, f.cell])).toEqual([
      ["nothing-recognised", "A1"],
      ["header-unrecognized", "A3"],
    ]);
  });

  test("running twice gives the same output apart from one more log row", async () => {
    // Same file name each time: the note row names the workbook it was generated from.
    for (const sub of ["in", "once", "twice"]) fs.mkdirSync(path.join(dir, sub));
    const input = path.join(dir, "in", "bok.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const once = path.join(dir, "once", "bok.xlsx");
    const twice = path.join(dir, "twice", "bok.xlsx");
    expect((await cli(["generate", input, "-o", once])).code).toBe(0);
    expect((await cli(["generate", once, "-o", twice])).code).toBe(0);
    const read = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb;
    };
    const [a, b] = [await read(once), await read(twice)];
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets.filter((w) => w.name !== "_malkoll")) {
      const values = (w: ExcelJS.Worksheet) => w.getSheetValues().map((r) => JSON.stringify(r));
      expect(values(b.getWorksheet(ws.name)!)).toEqual(values(ws));
    }
    const logRows = (w: ExcelJS.Worksheet) =>
      w.getSheetValues().filter((r) => Array.isArray(r) && r[1] === "log").length;
    expect(logRows(b.getWorksheet("_malkoll")!)).toBe(logRows(a.getWorksheet("_malkoll")!) + 1);
  });

  test("a user's sheet with an owned name is left alone; the output goes elsewhere with owned-name-clash", async () => {
    const input = await workbook((wb) => {
      wb.addWorksheet("Uppföljning").addRows([
        ["Indikator", "Periodens utfall", "Årsmål", "Period"],
        ["Antal aspiranter som fått Stockholmsjobb", "21 st", "44 st", "Tertial 2 2021"],
      ]);
      wb.addWorksheet("Målkoll Indikatorer").getCell("A1").value = "Mina egna anteckningar";
    });
    const out = path.join(dir, "ut.xlsx");
    const r = await cli(["generate", input, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Målkoll Indikatorer \(2\)/);
    expect(r.out).toMatch(/samma namn som ett blad Målkoll skapar/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Målkoll Indikatorer")!.getCell("A1").value).toBe("Mina egna anteckningar");
    expect(wb.getWorksheet("Målkoll Indikatorer (2)")!.getCell("A1").value).toMatch(/^Målkoll – Indikatorer/);
  });

  test("--period VP on a plan writes the plan's own tables", async () => {
    const out = path.join(dir, "plan-ut.xlsx");
    const r = await cli(["generate", PLAN_SAMPLE, "-o", out, "--period", "VP"]);
    expect(r.code).toBe(1); // the plan's Intäkter 102,2 without its minus sign (003 line 1960)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const values = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .flatMap((row) =>
          Array.isArray(row)
            ? [row.slice(1).map((v) => (typeof v === "string" ? v.replace(/\n/g, " ") : v))]
            : [],
        );
    const indicators = values("Målkoll Indikatorer");
    // No --year: the plan's year is its `VP 2022` column's.
    expect(indicators[0][0]).toBe("Målkoll – Indikatorer VP 2022");
    // The city's four columns, then Målkoll's after a blank one.
    expect(indicators.map((row) => row.slice(0, 4))).toContainEqual([
      "Indikator",
      "Årsmål",
      "KF:s årsmål",
      "Periodicitet",
    ]);
    expect(indicators.find((row) => row[0] === "Indikator")?.[5]).toBe("Målkoll");
    expect(indicators.flat()).not.toContain("– Ej mätt");
    const budget = values("Målkoll Driftbudget");
    expect(budget.flat()).not.toContain("Inga driftbudgettabeller hittades i arbetsboken.");
    expect(budget).toContainEqual([
      "Mnkr",
      "VP 2022",
      "VP 2021",
      "Beräknadslutlig budget 2021",
      "Prognostiserat utfall 2021 (Okt)",
      "Bokslut 2020",
    ]);
  });

  test("a folder that does not exist is named as the reason, not only 'could not write'", async () => {
    const out = path.join(dir, "finns-inte", "ut.xlsx");
    const r = await cli(["generate", SAMPLE, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Kunde inte skriva ${out}: mappen finns inte`);
    expect(r.err).toContain("the folder does not exist");
    expect(fs.existsSync(path.join(dir, "finns-inte"))).toBe(false);
  });

  test("a plan's summary counts the targets it sets, not statuses it cannot have", async () => {
    const r = await cli(["check", PLAN_SAMPLE]);
    expect(r.out).toContain("Indikatorer i planen: 16 med årsmål, 8 med KF:s årsmål\n");
    expect(r.out).not.toContain("Indikatorer mot årsmål");
  });

  test("refuses to write over its input", async () => {
    const input = path.join(dir, "in.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const r = await cli(["generate", input, "-o", input]);
    expect(r.code).toBe(2);
  });
});

test("check and generate do not load ExcelJS, the read's fallback (it took 320 of the CLI's 560 ms start)", () => {
  const probe = [
    'const path = require("path");',
    "const [entry, ...args] = process.argv.slice(1);",
    "require(entry).main(args, { out: () => undefined, err: () => undefined }).then((code) => {",
    "  const dir = `${path.sep}node_modules${path.sep}exceljs${path.sep}`;",
    "  const loaded = Object.keys(require.cache).filter((k) => k.includes(dir)).length;",
    "  process.stdout.write(JSON.stringify({ code, loaded }));",
    "});",
  ].join("\n");
  const entry = path.join(ROOT, "lib", "src", "cli", "main.js");
  const run = (...args: string[]) =>
    JSON.parse(spawnSync(process.execPath, ["-e", probe, entry, ...args], { encoding: "utf8" }).stdout);
  expect(run("check", SAMPLE)).toEqual({ code: 0, loaded: 0 });
  expect(run("generate", SAMPLE, "-o", path.join(dir, "ut.xlsx"))).toEqual({ code: 0, loaded: 0 });
  // The probe sees a module it loads: ExcelJS is what makes rollup's empty book.
  expect(
    run("rollup", path.join(ROOT, "samples", "enheter"), "-o", path.join(dir, "r.xlsx")).loaded,
  ).toBeGreaterThan(0);
});

test("the installed bin runs (npx malkoll)", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "malkoll.js"), "check", SAMPLE, "--json"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).workbook).toBe("malkoll-exempel.xlsx");
});
