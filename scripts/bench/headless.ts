/** Headless end-to-end: `malkoll generate` on the workbook as .xlsx, against bare ExcelJS read + write. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runGenerate, type GenerateStep } from "../../src/app/run";
import { main } from "../../src/cli/main";
import { XlsxPort } from "../../src/ports/xlsx";
import { median, ms, timeRuns } from "./measure";

export async function benchHeadless(xlsx: Buffer, runs: number): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-bench-"));
  try {
    const input = path.join(dir, "bench.xlsx");
    const output = path.join(dir, "bench-ut.xlsx");
    fs.writeFileSync(input, xlsx);
    const floor = await timeRuns(runs, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(input);
      await wb.xlsx.writeBuffer();
    });
    const excelJsRead = await timeRuns(runs, async () => {
      await new ExcelJS.Workbook().xlsx.readFile(input);
    });
    let exitCode = -1;
    let errors = "";
    const generate = await timeRuns(runs, async () => {
      errors = "";
      exitCode = await main(["generate", input, "-o", output], {
        out: () => undefined,
        err: (s) => void (errors += s),
      });
    });
    const ratio = median(generate) / median(floor);
    const stages = await stageTimes(input, output, runs);
    const read = stages.get("open")! + stages.get("read")!;
    const engine = stages.get("check")! + stages.get("report")!;
    return [
      `File: ${(xlsx.length / 1048576).toFixed(2)} MB .xlsx (written with ExcelJS); output ${(fs.statSync(output).size / 1048576).toFixed(2)} MB; exit code ${exitCode}${exitCode === 2 ? ` (${errors.trim()})` : ""}`,
      `Floor, ExcelJS readFile + writeBuffer: median ${ms(median(floor))} (${floor.map(ms).join(", ")})`,
      `malkoll generate (main() in-process): median ${ms(median(generate))} (${generate.map(ms).join(", ")})`,
      `ExcelJS readFile alone: median ${ms(median(excelJsRead))}; Målkoll's read (open + read below): ${ms(read)}`,
      `Where generate's time goes (median per step; open = zip check, read = cells into grids, write = patch + zip, save = file): ${[...stages].map(([name, t]) => `${name} ${ms(t)}`).join(", ")}`,
      `ratio (check+report)/read: ${(engine / read).toFixed(2)}× (target ≤ 1.00)`,
      `ratio read/ExcelJS read: ${(read / median(excelJsRead)).toFixed(2)}× (target ≤ 0.45)`,
      `ratio generate/floor: ${ratio.toFixed(2)}× (target ≤ 1.00)`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same run through runGenerate, timed per step from its progress callbacks: step → median ms. */
async function stageTimes(input: string, output: string, runs: number): Promise<Map<string, number>> {
  const spans = new Map<string, number[]>();
  const add = (name: string, value: number) => spans.set(name, [...(spans.get(name) ?? []), value]);
  await timeRuns(runs, async () => {
    let last = performance.now();
    let step: string = "open";
    const port = await XlsxPort.open(input);
    const mark = (next: GenerateStep | "save" | "end") => {
      const now = performance.now();
      add(step, now - last);
      step = next;
      last = now;
    };
    await runGenerate(port, { host: "cli", onProgress: (next) => next !== "done" && mark(next) });
    mark("save");
    await port.saveAs(output);
    mark("end");
  });
  return new Map([...spans].map(([name, values]) => [name, median(values.slice(1))]));
}
