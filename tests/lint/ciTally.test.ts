/**
 * `.ci/run`'s last step runs again, with the programs, the test files the new user's run skipped
 * tests in, then `.ci/tests-again.js --tally` prints the closing `Tests:` line over every file.
 * When the run again fails, the tally must still come last: otherwise the log ends with the
 * counts of the files run again only, as if they were the whole suite. The step's own lines run
 * here with a stand-in `npx` (which runs jest there) that fails one test.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

/** `.ci/run` from the run again on (after `mapfile`, which needs bash 4), with `again` as given. */
function rerunStep(again: string[]): string {
  const script = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
  const start = script.indexOf("if [[ ${#again[@]} -gt 0 ]]");
  expect(start).toBeGreaterThan(0);
  const list = again.map((f) => `'${f}'`).join(" ");
  return `set -euo pipefail\nTEST_LOG=$(mktemp)\nrerun_status=0\nagain=(${list})\n${script.slice(start)}`;
}

test("a failed run again still ends with the tally of every file, and fails", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-ci-tally-"));
  try {
    const clone = path.join(dir, "clone");
    const results = path.join(dir, "results");
    const bin = path.join(dir, "bin");
    fs.mkdirSync(results);
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(results, "root.txt"), `${clone}\n`);
    fs.writeFileSync(path.join(results, "tool-skips.txt"), `${clone}/tests/e2e/x.test.ts\n`);
    const passed = (n: number) => Array.from({ length: n }, () => ({ status: "passed" }));
    fs.writeFileSync(
      path.join(results, "fresh.json"),
      JSON.stringify({
        testResults: [
          { name: `${clone}/tests/unit.test.ts`, status: "passed", assertionResults: passed(40) },
          {
            name: `${clone}/tests/e2e/x.test.ts`,
            status: "passed",
            assertionResults: [{ status: "pending" }],
          },
        ],
      }),
    );
    // What jest run again writes: the e2e file with one test failed.
    fs.writeFileSync(
      path.join(dir, "again.json"),
      JSON.stringify({
        testResults: [
          {
            name: path.join(ROOT, "tests", "e2e", "x.test.ts"),
            status: "failed",
            assertionResults: [...passed(2), { status: "failed" }],
          },
        ],
      }),
    );
    fs.writeFileSync(
      path.join(bin, "npx"),
      [
        "#!/bin/sh",
        'for a in "$@"; do case "$a" in --outputFile=*) cp "$AGAIN_JSON" "${a#--outputFile=}";; esac; done',
        'echo "Tests: 2 passed, 1 failed, 0 skipped"',
        "exit 1",
        "",
      ].join("\n"),
      { mode: 0o755 },
    );

    const result = spawnSync("bash", ["-c", rerunStep(["tests/e2e/x.test.ts"])], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        FRESH_RESULTS: results,
        TMPDIR: dir, // the log mktemp makes goes with the rest
        AGAIN_JSON: path.join(dir, "again.json"),
      },
    });
    const closing = result.stdout.split("\n").filter((line) => line.startsWith("Tests: "));
    expect(closing.at(-1)).toBe("Tests: 42 passed, 1 failed, 0 skipped");
    expect(result.status).not.toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
