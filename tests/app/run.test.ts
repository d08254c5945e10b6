import { MAX_GENERATE_ROWS, PeriodNeeded, runGenerate } from "../../src/app/run";
import { decodeState } from "../../src/engine/state";
import { Refusal } from "../../src/engine/refusal";
import { MemoryPort } from "../../src/ports/memory/memoryPort";
import { XlsxPortError } from "../../src/ports/xlsx";
import { describeError } from "../../src/taskpane/state/usePane";
import { planWithoutYear } from "../taskpane/fixtures";
import { plainSheet } from "../helpers/seedGrid";
import { generateWorkbook } from "../../scripts/bench/workbook";

const workbook = () => generateWorkbook({ indicators: 120, activities: 10, budgetRows: 10 });

test("generate refuses a workbook with more table rows than it builds tables for, and writes nothing", async () => {
  const port = new MemoryPort(workbook());
  const before = JSON.stringify(await port.read());
  const run = runGenerate(port, { host: "cli", maxRows: 100 });
  await expect(run).rejects.toBeInstanceOf(Refusal);
  await expect(run).rejects.toMatchObject({
    exitCode: 2,
    messageSv: expect.stringMatching(
      /^Arbetsboken har \d+ tabellrader; Målkoll skapar tabeller för högst 100\./,
    ),
    messageEn: expect.stringMatching(
      /^The workbook has \d+ table rows; Målkoll builds tables for at most 100\./,
    ),
  });
  expect(JSON.stringify(await port.read())).toBe(before);
});

test("under the default limit the same workbook gets its tables", async () => {
  expect(MAX_GENERATE_ROWS).toBeGreaterThanOrEqual(100_000);
  const port = new MemoryPort(workbook());
  const { plan } = await runGenerate(port, { host: "cli" });
  expect(plan.sheets.length).toBeGreaterThan(0);
});

test("the pane shows a refusal in the user's language; port errors are refusals too", () => {
  const refusal = new Refusal("För stor.", "Too large.");
  expect(describeError(refusal, "sv")).toEqual({ text: "För stor.", detail: null });
  expect(describeError(refusal, "en")).toEqual({ text: "Too large.", detail: null });
  expect(new XlsxPortError("Trasig", "Broken")).toBeInstanceOf(Refusal);
});

describe("generate over a workbook where nothing is recognised", () => {
  const ledger = () =>
    new MemoryPort({
      name: "huvudbok.xlsx",
      sheets: [
        {
          name: "Huvudbok",
          visibility: "visible",
          originRow: 1,
          originCol: 1,
          values: [
            ["Konto", "Benämning", "Belopp"],
            [4010, "Inköp av material", 125000],
          ],
        },
      ],
    });

  test("writes no table sheets and no flags, reports nothing-recognised and logs the run", async () => {
    const port = ledger();
    const { result, plan } = await runGenerate(port, {
      host: "browser",
      now: new Date("2021-09-15T08:00:00Z"),
    });
    expect(plan.sheets).toEqual([]);
    expect(plan.flags).toEqual([]);
    // Both at A1 (the ledger's header is the first row), in code order; no period-unknown: with
    // nothing recognised there is nothing a period would judge.
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([
      ["header-unrecognized", "A1"],
      ["nothing-recognised", "A1"],
    ]);
    expect(port.sheets.map((s) => s.name)).toEqual(["Huvudbok", "_malkoll"]);
    const state = decodeState((await port.read()).sheets.find((s) => s.name === "_malkoll"));
    expect(state.log).toEqual([expect.objectContaining({ at: "2021-09-15T08:00:00.000Z", period: "okänd" })]);
    expect(state.owned).toEqual([]);
  });

  test("the pane's run (requirePeriod) needs no period for that: it still only logs", async () => {
    const port = ledger();
    const { plan } = await runGenerate(port, { host: "browser", requirePeriod: true });
    expect(plan.sheets).toEqual([]);
    expect(port.calls).toEqual(["read", "write"]);
  });
});

test("the pane's run (requirePeriod) prints cross tables alone without asking for a period: none judges them", async () => {
  const port = new MemoryPort({
    name: "investeringar.xlsx",
    sheets: [
      plainSheet("Investeringar", [
        ["Investering (mnkr)", 2022, 2023, 2024, "Totalt"],
        ["Skolor", 10, 8, 3, 21],
        ["Parker", 2, 1, 0, 3],
        ["Summa", 12, 9, 3, 24],
      ]),
    ],
  });
  const { plan } = await runGenerate(port, { host: "browser", requirePeriod: true });
  expect(plan.sheets.map((s) => s.name)).toEqual(["Målkoll Korstabeller"]);
  expect(port.sheets.map((s) => s.name)).toEqual(["Investeringar", "Målkoll Korstabeller", "_malkoll"]);
});

test("with requirePeriod the pane's run stops before writing when there are tables but no period", async () => {
  // An activity table without any Period cell (a unit's own list).
  const port = new MemoryPort({
    name: "aktiviteter.xlsx",
    sheets: [
      {
        name: "Aktiviteter",
        visibility: "visible",
        originRow: 1,
        originCol: 1,
        values: [
          ["Aktivitet", "Startdatum", "Slutdatum"],
          ["Språkutvecklande arbetssätt", "2021-01-01", "2021-12-31"],
        ],
      },
    ],
  });
  const run = runGenerate(port, { host: "browser", requirePeriod: true });
  await expect(run).rejects.toBeInstanceOf(PeriodNeeded);
  await expect(run).rejects.toMatchObject({ result: { model: { period: { kind: null, source: "none" } } } });
  expect(port.calls).toEqual(["read"]);
  const chosen = await runGenerate(port, {
    host: "browser",
    requirePeriod: true,
    period: { kind: "VB", year: 2021 },
  });
  expect(chosen.plan.sheets.length).toBeGreaterThan(0);
});

test("Avbryt while the workbook is read: nothing is written", async () => {
  const port = new MemoryPort(workbook());
  const controller = new AbortController();
  const read = port.read.bind(port);
  port.read = async () => {
    controller.abort(); // the person clicks Avbryt while Excel is still reading
    return read();
  };
  await expect(runGenerate(port, { host: "browser", signal: controller.signal })).rejects.toMatchObject({
    name: "AbortError",
  });
  expect(port.calls).toEqual(["read"]);
});

test("with requirePeriod the pane's run asks for the year of a plan that names none, before writing", async () => {
  const port = planWithoutYear();
  const run = runGenerate(port, { host: "browser", requirePeriod: true });
  await expect(run).rejects.toBeInstanceOf(PeriodNeeded);
  await expect(run).rejects.toMatchObject({
    missing: "year",
    result: { model: { period: { kind: "VP", year: null, source: "plan" } } },
  });
  expect(port.calls).toEqual(["read"]);
  // The CLI writes the plan's tables as before.
  const cli = await runGenerate(planWithoutYear(), { host: "cli" });
  expect(cli.plan.sheets[0].spec.rows[0][0]?.value).toBe("Målkoll – Indikatorer VP");
  // A sheet named for the plan gives its year: nothing to ask, in the pane or the CLI.
  const named = await runGenerate(planWithoutYear("Verksamhetsplan 2021"), {
    host: "browser",
    requirePeriod: true,
  });
  expect(named.plan.sheets[0].spec.rows[0][0]?.value).toBe("Målkoll – Indikatorer VP 2021");
  const chosen = await runGenerate(port, {
    host: "browser",
    requirePeriod: true,
    period: { kind: "VP", year: 2021 },
  });
  expect(chosen.plan.sheets[0].spec.rows[0][0]?.value).toBe("Målkoll – Indikatorer VP 2021");
});
