import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { inspectAll } from "../../src/app/rollup/pool";
import { main } from "../../src/cli/main";
import { progressBar } from "../../src/cli/progress";
import { encryptedFile } from "../fixtures/hostile/build";
import { buildRollupFolder } from "../fixtures/workbooks/rollupFolder";
import {
  HAGERSTEN_ALVSJO_VP_2022,
  LILJEHOLMEN_VB_2020,
  preambleRows,
  RESURSENHETEN_VB_2021,
} from "../fixtures/workbooks/reports";

/**
 * `malkoll rollup` over a folder built from the seed fixtures (tests/fixtures/workbooks/
 * rollupFolder.ts): a nämnd's T2, two units' VB, a nämnd's VP budget with an error-level finding,
 * an encrypted file and a file that is no workbook. Workers are real threads (lib/'s compiled worker).
 */

const ROOT = path.join(__dirname, "..", "..");

let dir: string;
let units: string;
let output: string;
let run: { code: number; out: string; err: string };
let json: {
  workbooks: {
    file: string;
    unit: string;
    period: { kind: string; year: number } | null;
    status: string;
    reason: string | null;
    counts: {
      goals: Record<string, number>;
      indicators: Record<string, number>;
      findings: Record<string, number>;
    } | null;
  }[];
  findings: { workbook: string; code: string; severity: string; sheet: string; cell: string }[];
};
const hashes = new Map<string, string>();

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

function sha(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-rollup-"));
  ({ units } = await buildRollupFolder(dir));
  for (const file of walk(dir)) hashes.set(file, sha(file));
  output = path.join(dir, "sammanstallning.xlsx");
  run = await cli(["rollup", path.join(dir, "malkoll-exempel.xlsx"), units, "-o", output, "--json"]);
  json = JSON.parse(run.out);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function walk(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(folder, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

const rel = (file: string) => path.relative(dir, file);

describe("malkoll rollup: JSON and exit code", () => {
  test("one row per workbook, files then each folder's .xlsx in name order, recursively", () => {
    expect(json.workbooks.map((w) => [rel(w.file), w.unit, w.status])).toEqual([
      ["malkoll-exempel.xlsx", "Enskede-Årsta-Vantörs stadsdelsnämnd (exempel)", "ok"],
      ["enheter/anteckningar.xlsx", "anteckningar", "unreadable"],
      ["enheter/krypterad.xlsx", "krypterad", "unreadable"],
      [`enheter/${LILJEHOLMEN_VB_2020.file}`, "Enheten Liljeholmens dagliga verksamhet", "ok"],
      [`enheter/namnd/${HAGERSTEN_ALVSJO_VP_2022.file}`, "Hägersten-Älvsjö stadsdelsnämnd", "ok"],
      [`enheter/${RESURSENHETEN_VB_2021.file}`, "Resursenheten", "ok"],
    ]);
  });

  test("a file that cannot be read says why and the run goes on", () => {
    const [, notXlsx, encrypted] = json.workbooks;
    expect(notXlsx).toMatchObject({
      period: null,
      counts: null,
      reason:
        "anteckningar.xlsx är ingen .xlsx-fil utan text (t.ex. CSV). Öppna den i Excel och spara den som .xlsx.",
    });
    expect(encrypted.reason).toMatch(/^krypterad\.xlsx är krypterad \(lösenordsskyddad\)/);
  });

  test("periods and counts: Resursenheten's VB 2021 (000) as read by hand", () => {
    const resurs = json.workbooks[5];
    expect(resurs.period).toEqual({ kind: "VB", year: 2021, source: "cell" });
    // 5 enhetsmål `Uppfylls helt`; 13 KF mål and nämndmål `— Ingen`; 3 inriktningsmål unassessed.
    expect(resurs.counts).toEqual({
      goals: { helt: 5, delvis: 0, ej: 0, ingen: 13, none: 3 },
      indicators: {
        met: 0,
        partlyMet: 0,
        notMet: 0,
        notMeasured: 0,
        noTarget: 0,
        notComparable: 0,
        unknown: 0,
      },
      findings: { error: 0, warning: 2, info: 0 },
    });
  });

  test("Liljeholmen's VB 2020 (004) counts its indicator row copied under the goal (row 178) once", () => {
    const liljeholmen = json.workbooks[3];
    // 8 indicator rows; the copy, without Årsmål, would have counted once more under noTarget.
    expect(liljeholmen.counts!.indicators).toEqual({
      met: 2,
      partlyMet: 0,
      notMet: 2,
      notMeasured: 3,
      noTarget: 0,
      notComparable: 0,
      unknown: 0,
    });
    const copy = json.findings.find((f) => f.code === "duplicate-indicator")!;
    expect([copy.workbook, copy.cell]).toEqual([
      liljeholmen.file,
      `A${176 + preambleRows(LILJEHOLMEN_VB_2020)}`,
    ]);
  });

  test("every finding names its workbook; the VP's missing minus sign (003 line 1960) is an error", () => {
    expect(json.findings.every((f) => json.workbooks.some((w) => w.file === f.workbook))).toBe(true);
    const vp = json.workbooks[4];
    expect(vp.period).toEqual({ kind: "VP", year: 2022, source: "plan" });
    const errors = json.findings.filter((f) => f.severity === "error");
    const row = (line: number) => line - 1797 + 2 + preambleRows(HAGERSTEN_ALVSJO_VP_2022);
    expect(errors.map((f) => [f.workbook, f.code, f.cell])).toEqual([
      [vp.file, "budget-sign", `F${row(1960)}`],
      [vp.file, "budget-netto-mismatch", `F${row(1961)}`],
    ]);
    const resurs = json.findings.filter((f) => f.workbook === json.workbooks[5].file);
    expect(resurs.map((f) => [f.code, f.cell])).toEqual([
      ["assessment-contradicts", `A${169 + preambleRows(RESURSENHETEN_VB_2021)}`],
      ["placeholder-text", `A${185 + preambleRows(RESURSENHETEN_VB_2021)}`],
    ]);
  });

  test("exits 1 for the error-level findings and leaves every input as it was", () => {
    expect(run.code).toBe(1);
    expect(run.err).toBe("");
    for (const [file, hash] of hashes) expect([rel(file), sha(file)]).toEqual([rel(file), hash]);
  });

  test("exits 2 when no workbook can be read, still listing why", async () => {
    const bad = path.join(dir, "bara-trasiga");
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, "krypterad.xlsx"), encryptedFile());
    const r = await cli(["rollup", bad, "-o", path.join(dir, "ut2.xlsx"), "--json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).workbooks.map((w: { status: string }) => w.status)).toEqual(["unreadable"]);
  });

  test("refuses an output it cannot write, before reading, and says when a folder has no workbooks", async () => {
    const input = path.join(units, RESURSENHETEN_VB_2021.file);
    const over = await cli(["rollup", input, "-o", input]);
    expect(over.code).toBe(2);
    expect(over.err).toContain("Utfilen får inte vara en av indatafilerna");
    const wrongName = await cli(["rollup", units, "-o", path.join(dir, "ut.csv")]);
    expect([wrongName.code, wrongName.err]).toEqual([
      2,
      expect.stringContaining("Utfilen ska sluta på .xlsx"),
    ]);
    const noFolder = await cli(["rollup", units, "-o", path.join(dir, "finns-inte", "ut.xlsx")]);
    expect([noFolder.code, noFolder.err]).toEqual([
      2,
      expect.stringContaining("Mappen för utfilen finns inte"),
    ]);
    const empty = path.join(dir, "tom");
    fs.mkdirSync(empty);
    const none = await cli(["rollup", empty, "-o", path.join(dir, "ut3.xlsx")]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("Inga .xlsx- eller .xlsm-filer i");
  });
});

describe("malkoll rollup: the workbook it writes (read back with ExcelJS)", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
  });
  const texts = (ws: ExcelJS.Worksheet, row: number) =>
    (ws.getRow(row).values as unknown[])
      .slice(1)
      .map((v) => (v && typeof v === "object" ? JSON.stringify(v) : v));

  test("Enheter, Fynd and Budget, in that order", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Enheter", "Fynd", "Budget"]);
  });

  test("Enheter: grouped headers, one row per workbook, the reason where counts would be, totals", () => {
    const ws = wb.getWorksheet("Enheter")!;
    expect(ws.getCell("A1").value).toBe("Enheter");
    // ExcelJS gives every cell of a merged area its first cell's value: read each group's first.
    expect(["A4", "B4", "C4", "D4", "I4", "L4", "S4", "V4"].map((c) => ws.getCell(c).value)).toEqual([
      "Enhet",
      "Period",
      "Fil",
      "Mål, egen bedömning",
      "Mål, Målkolls förslag",
      "Indikatorer mot årsmål",
      "Fynd",
      "Budget (mnkr)",
    ]);
    expect(ws.getCell("D4").isMerged && ws.getCell("H4").isMerged).toBe(true);
    expect(texts(ws, 5).slice(3, 8)).toEqual(["Helt", "Delvis", "Ej", "Ingen", "Saknas"]);
    expect([6, 7, 8, 9, 10, 11].map((r) => ws.getCell(`A${r}`).value)).toEqual(
      json.workbooks.map((w) => w.unit),
    );
    expect(ws.getCell("D8").value).toMatch(/^Kunde inte läsas: krypterad\.xlsx är krypterad/);
    expect(ws.getCell("B11").value).toBe("VB 2021");
    expect(["D11", "E11", "F11", "G11", "H11"].map((c) => ws.getCell(c).value)).toEqual([5, 0, 0, 13, 3]);
    // Liljeholmen's indicators by status, Uppfyllda to Okända (L–R): its copied row counted once.
    expect(["L9", "M9", "N9", "O9", "P9", "Q9", "R9"].map((c) => ws.getCell(c).value)).toEqual([
      2, 0, 2, 3, 0, 0, 0,
    ]);
    // Fel / Varningar / Info are columns S–U; the budget V–W.
    expect(["S10", "T11"].map((c) => ws.getCell(c).value)).toEqual([2, 2]);
    expect(ws.getCell("A12").value).toBe("Totalt");
    expect(ws.getCell("S12").value).toEqual({ formula: "SUM(S6:S11)", result: 2 });
    expect(ws.getCell("V6").value).toBe(2435.3);
  });

  test("Fynd: every finding with its unit, file, sheet and cell", () => {
    const ws = wb.getWorksheet("Fynd")!;
    expect(texts(ws, 4)).toEqual(["Enhet", "Fil", "Nivå", "Kod", "Blad", "Cell", "Meddelande"]);
    const rows = ws.getRows(5, ws.rowCount - 4)!.map((r) => (r.values as unknown[]).slice(1, 7));
    expect(rows).toHaveLength(json.findings.length);
    expect(rows).toContainEqual([
      "Hägersten-Älvsjö stadsdelsnämnd",
      `enheter/namnd/${HAGERSTEN_ALVSJO_VP_2022.file}`,
      "▲ Fel",
      "budget-sign",
      "Budget",
      "F165",
    ]);
  });

  test("Budget: per unit and per verksamhetsområde, with totals", () => {
    const ws = wb.getWorksheet("Budget")!;
    const column = (c: string) =>
      Array.from({ length: ws.rowCount }, (_, i) => ws.getCell(`${c}${i + 1}`).value);
    expect(column("A")).toContain("Per enhet");
    expect(column("A")).toContain("Per verksamhetsområde");
    const unitRow = (unit: string) => column("A").indexOf(unit) + 1;
    // The sample's Totalt (002 line 1953) and the VP's (003 line 1819): VP 2022 has budget figures only.
    expect(texts(ws, unitRow("Enskede-Årsta-Vantörs stadsdelsnämnd (exempel)")).slice(2)).toEqual([
      2435.3, 31.7, 2460.1, 6.9,
    ]);
    expect(ws.getCell(`C${unitRow("Hägersten-Älvsjö stadsdelsnämnd")}`).value).toBe(2838.2);
    const total = column("A").indexOf("Totalt") + 1;
    expect(ws.getCell(`C${total}`).value).toMatchObject({ result: 5273.5 });
    expect(column("A").at(-1)).toBe(
      "Utan budgettabell: Enheten Liljeholmens dagliga verksamhet, Resursenheten.",
    );
  });
});

describe("malkoll rollup: from the command line, threads and progress", () => {
  test("`malkoll rollup` runs from bin/ and prints a Swedish summary", () => {
    const out = path.join(dir, "cli-ut.xlsx");
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "malkoll.js"), "rollup", units, "-o", out],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Målkoll – sammanställning av 5 arbetsböcker \(3 lästa, 2 kunde inte läsas\)/);
    expect(r.stdout).toContain("  EJ LÄST ");
    // The folder holds a VB 2020, a VP 2022 and a VB 2021: summed, they mean nothing.
    expect(r.stdout).toContain(
      "Obs: arbetsböckerna gäller olika perioder (VB 2020, VP 2022, VB 2021), och totalerna lägger ihop dem: sammanställ en period i taget.",
    );
    expect(r.stdout).toContain(`Skrev ${out}: Enheter, Fynd, Budget.`);
    expect(r.stderr).toBe("");
  });

  test("a worker that runs out of memory costs only its file", async () => {
    const files = [path.join(units, RESURSENHETEN_VB_2021.file), path.join(units, LILJEHOLMEN_VB_2020.file)];
    const entries = await inspectAll(files, {}, { threads: 1, workerHeapMb: 2 });
    expect(entries.map((e) => [e.status, e.reason])).toEqual([
      ["unreadable", expect.stringMatching(/minnet tog slut/)],
      ["unreadable", expect.stringMatching(/minnet tog slut/)],
    ]);
    const fine = await inspectAll(files, {}, { threads: 2 });
    expect(fine.map((e) => e.unit)).toEqual(["Resursenheten", "Enheten Liljeholmens dagliga verksamhet"]);
  });

  test("the progress bar draws on a terminal only, and wipes itself", () => {
    let drawn = "";
    const bar = progressBar(
      { out: () => undefined, err: (s) => void (drawn += s), errIsTerminal: true },
      "Läser",
    );
    bar.update(1, 4);
    bar.update(4, 4);
    bar.done();
    expect(drawn).toContain("\rLäser [########......................] 1/4");
    expect(drawn).toContain("\rLäser [##############################] 4/4");
    expect(drawn.endsWith("\r\x1b[K")).toBe(true);
    let piped = "";
    const quiet = progressBar({ out: () => undefined, err: (s) => void (piped += s) }, "Läser");
    quiet.update(4, 4);
    quiet.done();
    expect(piped).toBe("");
  });
});

describe("malkoll rollup over a folder as a share holds it (a batch user's review)", () => {
  const SAMPLES = path.join(ROOT, "samples", "enheter");
  const RESURS = path.join(SAMPLES, "resursenheten-vb-2021.xlsx");
  const LILJEHOLMEN = path.join(SAMPLES, "liljeholmens-dagliga-verksamhet-vb-2020.xlsx");
  let share: string;
  beforeEach(() => {
    share = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-share-"));
  });
  afterEach(() => fs.rmSync(share, { recursive: true, force: true }));
  const copy = (from: string, to: string) => {
    fs.mkdirSync(path.dirname(path.join(share, to)), { recursive: true });
    fs.copyFileSync(from, path.join(share, to));
    return path.join(share, to);
  };
  const files = (out: string) =>
    (JSON.parse(out) as { workbooks: { file: string; unit: string; status: string }[] }).workbooks.map(
      (w) => [path.relative(share, w.file), w.unit, w.status],
    );

  test("-o naming a unit's workbook inside the folder is refused (exit 2) and the workbook is untouched", async () => {
    const target = copy(RESURS, "resurs.xlsx");
    copy(LILJEHOLMEN, "liljeholmen.xlsx");
    const before = sha(target);
    const run = await cli(["rollup", share, "-o", target, "--json"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`Utfilen ${target} är en av arbetsböckerna som ska läsas`);
    expect(sha(target)).toBe(before);
  });

  test("the unit's workbook named through a link to its folder, or as a link's target, is refused too", async () => {
    const target = copy(RESURS, "enheter/resurs.xlsx");
    fs.symlinkSync(path.join(share, "enheter"), path.join(share, "alias"));
    const other = path.join(share, "annan.xlsx");
    fs.copyFileSync(LILJEHOLMEN, other);
    fs.symlinkSync(other, path.join(share, "enheter", "lank.xlsx"));
    fs.symlinkSync(path.join(share, "finns-inte.xlsx"), path.join(share, "enheter", "trasig.xlsx"));
    const before = [sha(target), sha(other)];
    const units = path.join(share, "enheter");
    const viaAlias = await cli(["rollup", units, "-o", path.join(share, "alias", "resurs.xlsx")]);
    const viaLink = await cli(["rollup", units, "-o", other]);
    expect([viaAlias.code, viaLink.code]).toEqual([2, 2]);
    expect(viaLink.err).toContain("är en av arbetsböckerna som ska läsas");
    expect([sha(target), sha(other)]).toEqual(before);
    const run = await cli(["rollup", units, "-o", path.join(share, "ut.xlsx"), "--json"]);
    expect(JSON.parse(run.out).passedOver.otherFiles).toEqual([path.join(units, "trasig.xlsx")]);
  });

  test("last month's roll-up in the folder is replaced by -o, and another is listed as not a unit's", async () => {
    copy(RESURS, "resurs.xlsx");
    const last = path.join(share, "sammanstallning.xlsx");
    expect((await cli(["rollup", share, "-o", last])).code).toBe(0);
    fs.copyFileSync(last, path.join(share, "sammanstallning-nov.xlsx"));
    const again = await cli(["rollup", share, "-o", last, "--json"]);
    expect(again.code).toBe(0);
    expect(files(again.out)).toEqual([
      ["resurs.xlsx", "Resursenheten", "ok"],
      ["sammanstallning-nov.xlsx", "sammanstallning-nov", "unreadable"],
    ]);
    expect(JSON.parse(again.out).workbooks[1].reason).toMatch(/^en sammanställning från malkoll rollup/);
  });

  test(".xlsm files and links are read, Mac leftovers skipped, other files and closed folders named", async () => {
    copy(RESURS, "makro.xlsm");
    fs.symlinkSync(LILJEHOLMEN, path.join(share, "lankad.xlsx"));
    copy(RESURS, "._makro.xlsm");
    copy(RESURS, "__MACOSX/makro.xlsx");
    fs.writeFileSync(path.join(share, "lasmig.txt"), "Skicka senast 15/9");
    copy(RESURS, "gammal.ods");
    const run = await cli(["rollup", share, "-o", path.join(share, "ut.xlsx"), "--json"]);
    expect(run.code).toBe(0);
    expect(files(run.out)).toEqual([
      ["lankad.xlsx", "Enheten Liljeholmens dagliga verksamhet", "ok"],
      ["makro.xlsm", "Resursenheten", "ok"],
    ]);
    const { passedOver } = JSON.parse(run.out);
    expect(passedOver.otherFiles.map((f: string) => path.relative(share, f))).toEqual([
      "gammal.ods",
      "lasmig.txt",
    ]);
    const text = await cli(["rollup", share, "-o", path.join(share, "ut.xlsx")]);
    expect(text.out).toContain(
      "Inte lästa: 2 filer som inte är .xlsx eller .xlsm, eller länkar som inte leder till en fil (" +
        `${path.join(share, "gammal.ods")}, ${path.join(share, "lasmig.txt")}); spara en arbetsbok som .xlsx för att få med den.`,
    );
  });

  test("the same unit in two workbooks is said, in the terminal and under the sheets' titles", async () => {
    copy(RESURS, "resurs.xlsx");
    copy(RESURS, "kopior/resurs-ny.xlsx");
    const out = path.join(share, "ut.xlsx");
    const run = await cli(["rollup", share, "-o", out]);
    expect(run.out).toContain(
      `Obs: en enhet finns i flera arbetsböcker, ”Resursenheten” (${path.join(share, "kopior", "resurs-ny.xlsx")}, ${path.join(share, "resurs.xlsx")}), och totalerna räknar den flera gånger: ta bort kopiorna ur mappen.`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.getWorksheet("Enheter")!.getCell("A2").value)).toContain(
      "en enhet finns i flera arbetsböcker",
    );
  });
});
