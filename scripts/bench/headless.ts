/** Headless end-to-end: `malkoll generate` on the workbook as .xlsx, against bare ExcelJS read + write. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
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
    return [
      `File: ${(xlsx.length / 1048576).toFixed(2)} MB .xlsx (written with ExcelJS); output ${(fs.statSync(output).size / 1048576).toFixed(2)} MB; exit code ${exitCode}${exitCode === 2 ? ` (${errors.trim()})` : ""}`,
      `Floor, ExcelJS readFile + writeBuffer: median ${ms(median(floor))} (${floor.map(ms).join(", ")})`,
      `malkoll generate (main() in-process): median ${ms(median(generate))} (${generate.map(ms).join(", ")})`,
      `Ratio generate / floor: ${ratio.toFixed(2)}× — target ≤ 1.5×`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
