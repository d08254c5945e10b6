/**
 * `malkoll rollup` over folders of seed-size workbooks, against running `malkoll check` once per
 * file, and its peak memory (the whole process, worker threads included). Prints; never asserts.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HAGERSTEN_ALVSJO_VP_2022, reportXlsx } from "../../tests/fixtures/workbooks/reports";
import { MORE_SAMPLES, SAMPLE_FILE } from "../build-sample";

/** A roll-up of this many workbooks must finish within this much memory (README, issue 15). */
const MEMORY_LIMIT_MB = 2048;

/** The bundled samples and one more nämnd workbook: T2, two VB, a plan and a VP budget. */
async function seedSizeWorkbooks(root: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const files: { name: string; bytes: Uint8Array }[] = [SAMPLE_FILE, ...MORE_SAMPLES.map((s) => s.file)].map(
    (file) => ({
      name: path.basename(file),
      bytes: fs.readFileSync(path.join(root, file)),
    }),
  );
  files.push({ name: HAGERSTEN_ALVSJO_VP_2022.file, bytes: await reportXlsx(HAGERSTEN_ALVSJO_VP_2022) });
  return files;
}

/** `count` workbooks in `dir`, cycling through the seed-size ones. */
function fillFolder(dir: string, count: number, workbooks: { name: string; bytes: Uint8Array }[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const source = workbooks[i % workbooks.length];
    const file = path.join(dir, `${String(i + 1).padStart(4, "0")}-${source.name}`);
    fs.writeFileSync(file, source.bytes);
    files.push(file);
  }
  return files;
}

/** One `malkoll rollup` in a fresh node process: its wall time, exit code and peak RSS. */
function timedRollup(
  root: string,
  folder: string,
  output: string,
): { seconds: number; code: number; rssMb: number } {
  const main = path.join(root, "lib", "src", "cli", "main.js");
  const wrapper = `
    const { main } = require(${JSON.stringify(main)});
    main(["rollup", ${JSON.stringify(folder)}, "-o", ${JSON.stringify(output)}], {
      out: () => undefined,
      err: (s) => process.stderr.write(s),
    }).then((code) => process.stdout.write(JSON.stringify({ code, rssKb: process.resourceUsage().maxRSS })));
  `;
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-e", wrapper], { encoding: "utf8", maxBuffer: 1 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`rollup failed: ${child.stderr}`);
  const { code, rssKb } = JSON.parse(child.stdout) as { code: number; rssKb: number };
  return { seconds, code, rssMb: rssKb / 1024 };
}

/** `malkoll check <file> --json` once per file, each in its own process, as a script would. */
function perFileChecks(root: string, files: string[]): number {
  const bin = path.join(root, "bin", "malkoll.js");
  const started = process.hrtime.bigint();
  for (const file of files) {
    const run = spawnSync(process.execPath, [bin, "check", file, "--json"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    if (run.status === 2 || run.status === null) throw new Error(`check failed on ${file}`);
  }
  return files.length / (Number(process.hrtime.bigint() - started) / 1e9);
}

export async function benchRollup(root: string, quick: boolean): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-bench-rollup-"));
  try {
    const workbooks = await seedSizeWorkbooks(root);
    const size = quick ? 60 : 200;
    const folder = path.join(dir, "enheter");
    const files = fillFolder(folder, size, workbooks);
    const baselineFiles = files.slice(0, quick ? 20 : 50);
    const perFile = perFileChecks(root, baselineFiles);
    const run = timedRollup(root, folder, path.join(dir, "sammanstallning.xlsx"));
    const lines = [
      `Folder: ${size} workbooks cycling through ${workbooks.map((w) => w.name).join(", ")}; ${os.cpus().length} cores`,
      `rollup: ${(size / run.seconds).toFixed(1)} workbooks/s (vs ${perFile.toFixed(2)} with one malkoll check per file), peak RSS ${run.rssMb.toFixed(0)} MB`,
      `  (rollup ${run.seconds.toFixed(1)} s, exit ${run.code}; per-file baseline over the first ${baselineFiles.length} files)`,
    ];
    if (!quick) {
      const big = path.join(dir, "tusen");
      fillFolder(big, 1000, workbooks);
      const thousand = timedRollup(root, big, path.join(dir, "tusen.xlsx"));
      const within = thousand.rssMb <= MEMORY_LIMIT_MB;
      lines.push(
        `rollup of 1 000 workbooks: ${thousand.seconds.toFixed(1)} s (${(1000 / thousand.seconds).toFixed(1)} workbooks/s), exit ${thousand.code}, peak RSS ${thousand.rssMb.toFixed(0)} MB — limit ${MEMORY_LIMIT_MB} MB ${within ? "✔" : "✘"}`,
      );
    }
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
