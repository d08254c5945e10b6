/**
 * A 1 000 000-row sheet through the built CLI in a child process (heap capped at 2 GB): it must be
 * checked or refused clearly within 2 minutes, never crash. Opt-in (MALKOLL_HUGE=1) because it
 * runs for minutes today: see /work/notes/bench-results.md for the measured figures.
 *
 *   npm run build:cli && MALKOLL_HUGE=1 npx jest tests/reliability/millionRows
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildXlsx, manyRowsSheetXml } from "../fixtures/hostile/build";
import { STACK_TRACE } from "./cli";

const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "lib", "src", "cli", "main.js");
const run = process.env.MALKOLL_HUGE === "1" ? test : test.skip;

run(
  "check on a 1 000 000-row sheet finishes or refuses with exit 2 within 2 minutes and 2 GB of heap",
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-huge-"));
    try {
      const file = path.join(dir, "miljon.xlsx");
      fs.writeFileSync(
        file,
        await buildXlsx([{ name: "Stor", rows: [] }], { sheetXml: { 0: manyRowsSheetXml(1_000_000) } }),
      );
      const script = `require(${JSON.stringify(CLI)}).main(["check", ${JSON.stringify(file)}], { out: () => {}, err: (s) => process.stderr.write(s) })
        .then((code) => { process.stderr.write("\\nRUSAGE " + JSON.stringify(process.resourceUsage()) + "\\n"); process.exitCode = code; });`;
      const started = Date.now();
      const child = spawnSync(process.execPath, ["--max-old-space-size=2048", "-e", script], {
        encoding: "utf8",
        timeout: 120_000,
      });
      const seconds = (Date.now() - started) / 1000;
      const usage = /RUSAGE (.*)/.exec(child.stderr ?? "")?.[1];
      console.log(
        `1 000 000 rows: exit ${child.status} (${child.signal ?? "no signal"}) after ${seconds.toFixed(1)} s, max RSS ${usage ? (JSON.parse(usage).maxRSS / 1024).toFixed(0) : "?"} MB`,
      );
      expect(child.signal).toBeNull();
      expect([0, 1, 2]).toContain(child.status);
      expect(child.stderr).not.toMatch(STACK_TRACE);
      if (child.status === 2) expect(child.stderr).toMatch(/för stor|too large|rader|rows/i);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
