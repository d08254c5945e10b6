/**
 * `npm run bench`: performance figures for the README. Prints; never asserts timing.
 *
 *   npm run bench                                        (builds the CLI and the pane first: lib/ and dist/)
 *   node --expose-gc lib/scripts/bench.js [--quick]     (as built; GC before memory readings; --quick: smaller runs)
 *
 * Sections: engine (check + report in memory), headless `malkoll generate` against bare ExcelJS,
 * Office port sync counts over the recording fake, task pane bundle size and first render, and
 * `malkoll rollup` over 200 and 1 000 workbooks against one `malkoll check` per file.
 */
import * as fs from "fs";
import * as path from "path";
import { benchEngine } from "./bench/engine";
import { benchHeadless } from "./bench/headless";
import { machine } from "./bench/measure";
import { benchMillionRows } from "./bench/millionRows";
import { benchOffice } from "./bench/office";
import { benchRollup } from "./bench/rollup";
import { bundleFigures, firstRender } from "./bench/taskpane";
import { generateWorkbook, workbookToXlsx } from "./bench/workbook";

/** The repository root: the nearest folder upwards with package.json (the bench runs from lib/). */
function repoRoot(dir = __dirname): string {
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const ROOT = repoRoot();

async function section(title: string, run: () => Promise<string[]> | string[]): Promise<void> {
  console.log(`\n## ${title}`);
  try {
    for (const line of await run()) console.log(line);
  } catch (err) {
    console.log(`(failed: ${err instanceof Error ? err.message : String(err)})`);
    process.exitCode = 1;
  }
}

async function bench(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const runs = quick ? 3 : 5;
  const size = { indicators: 10_000, activities: 2_000, budgetRows: 2_000 };
  console.log(`# Målkoll benchmark ${new Date().toISOString()}`);
  console.log(`Machine: ${machine()}`);
  console.log(
    `Workbook: ${size.indicators} indicators, ${size.activities} activities, ${size.budgetRows} budget rows (generated, seed layout)`,
  );
  const snapshot = generateWorkbook(size);

  await section("Engine: check() + report()", () => benchEngine(snapshot, runs));
  await section("Headless: malkoll generate vs ExcelJS read + write", async () =>
    benchHeadless(await workbookToXlsx(snapshot), quick ? 1 : 5),
  );
  await section("Office port (recording fake)", async () => [
    ...(await benchOffice(
      "100 indicators",
      generateWorkbook({ indicators: 100, activities: 20, budgetRows: 20 }),
    )),
    ...(await benchOffice("10 000 indicators", snapshot)),
    ...(await benchOffice(
      "10 000 indicators, Analys cells of 1 500 characters",
      generateWorkbook({ ...size, analysisChars: 1500 }),
      false,
    )),
  ]);
  await section("Rollup: many workbooks on worker threads", () => benchRollup(ROOT, quick));
  if (!quick) await section("A 1 000 000-row sheet (check --json, generate)", () => benchMillionRows(ROOT));
  const dist = path.join(ROOT, "dist");
  await section("Task pane", async () => [
    ...bundleFigures(dist),
    ...(await firstRender(dist, quick ? 2 : 4)),
  ]);
}

bench().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
