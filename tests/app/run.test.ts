import { MAX_GENERATE_ROWS, runGenerate } from "../../src/app/run";
import { Refusal } from "../../src/app/refusal";
import { MemoryPort } from "../../src/ports/memory/memoryPort";
import { XlsxPortError } from "../../src/ports/xlsx";
import { describeError } from "../../src/taskpane/state/usePane";
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
