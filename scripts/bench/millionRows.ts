/**
 * A 1 000 000-row sheet through the built CLI in a child process with a 2 GB heap: `check --json`
 * writes its report in pieces (more text than one JavaScript string holds) and `generate` declines
 * (MAX_GENERATE_ROWS). Prints the time, peak memory and size of the report; asserts nothing.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildXlsx, manyRowsSheetXml } from "../../tests/fixtures/hostile/build";

export async function benchMillionRows(root: string): Promise<string[]> {
  const cli = path.join(root, "lib", "src", "cli", "main.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-bench-huge-"));
  try {
    const file = path.join(dir, "miljon.xlsx");
    const out = path.join(dir, "miljon-ut.xlsx");
    fs.writeFileSync(
      file,
      await buildXlsx([{ name: "Stor", rows: [] }], { sheetXml: { 0: manyRowsSheetXml(1_000_000) } }),
    );
    const script = `let chars = 0;
      const t0 = Date.now();
      require(${JSON.stringify(cli)}).main(["check", ${JSON.stringify(file)}, "--json"], { out: (s) => { chars += s.length; }, err: () => {} })
        .then((code) => { process.stderr.write("CHECK " + JSON.stringify({ code, chars, ms: Date.now() - t0 }) + "\\n"); })
        .then(() => require(${JSON.stringify(cli)}).main(["generate", ${JSON.stringify(file)}, "-o", ${JSON.stringify(out)}], { out: () => {}, err: (s) => process.stderr.write(s) }))
        .then((code) => process.stderr.write("GENERATE " + code + "\\nRUSAGE " + JSON.stringify(process.resourceUsage()) + "\\n"));`;
    const child = spawnSync(process.execPath, ["--max-old-space-size=2048", "-e", script], {
      encoding: "utf8",
      timeout: 600_000,
    });
    const found = (tag: string) => new RegExp(`${tag} (.*)`).exec(child.stderr ?? "")?.[1];
    const check = found("CHECK");
    const usage = found("RUSAGE");
    if (!check || !usage)
      return [`1 000 000 rows: did not finish (${child.signal ?? `exit ${child.status}`})`];
    const { code, chars, ms } = JSON.parse(check) as { code: number; chars: number; ms: number };
    const declined = /tabellrader; Målkoll skapar tabeller för högst/.test(child.stderr);
    return [
      `1 000 000 rows, check --json: exit ${code} in ${(ms / 1000).toFixed(1)} s, ${(chars / 1e6).toFixed(0)} M characters of JSON`,
      `1 000 000 rows, generate: exit ${found("GENERATE")}${declined ? " (declined: more table rows than it builds tables for)" : ""}`,
      `peak RSS over both: ${((JSON.parse(usage) as { maxRSS: number }).maxRSS / 1024).toFixed(0)} MB`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
