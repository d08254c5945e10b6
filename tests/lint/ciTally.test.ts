/**
 * `.ci/run`'s last step runs again, with the programs, the test files the new user's run skipped
 * tests in, then `.ci/tests-again.js --tally` prints the closing `Tests:` line over every file.
 * When the run again fails, the tally must still come last: otherwise the log ends with the
 * counts of the files run again only, as if they were the whole suite. The step's own lines run
 * here with a stand-in `npx` (which runs jest there) that fails one test. And `.ci/run`'s exit
 * trap, which must stop the new user's setup still running beside a step that failed.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describeIfBinary } from "../helpers/requireBinary";

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

/** `.ci/run`'s helpers and exit trap (from the run's start to `trap summary EXIT`), then `body`. */
function withTrap(body: string): string {
  const script = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
  const start = script.indexOf("RUN_STARTED=");
  const end = script.indexOf("trap summary EXIT");
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return `set -euo pipefail\n${script.slice(start, end)}trap summary EXIT\n${body}`;
}

describeIfBinary("setsid", "the exit trap and the setup's session", () => {
  test("a step that fails while the new user's setup runs stops that setup, removes its folder and keeps its exit status", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-ci-trap-"));
    try {
      const work = path.join(dir, "fresh");
      fs.mkdirSync(work);
      fs.writeFileSync(path.join(work, "setup.log"), "npm ci …\n");
      const pidFile = path.join(dir, "setup.pid");
      const result = spawnSync(
        "bash",
        [
          "-c",
          withTrap(
            [
              `FRESH_WORK='${work}'`,
              // The setup as .ci/run starts it: its own process group, here a shell and its child.
              `setsid -w bash -c 'sleep 300 & echo $! > "${pidFile}"; wait' &`,
              "FRESH_SETUP_PID=$!",
              // At most ten seconds for the setup to start, so that a setup that never does fails here.
              `for _ in {1..200}; do [[ -s '${pidFile}' ]] && break; sleep 0.05; done`,
              `[[ -s '${pidFile}' ]] || { echo 'the setup did not start' >&2; exit 97; }`,
              'section "npm run lint"',
              "exit 3",
            ].join("\n"),
          ),
        ],
        { encoding: "utf8", timeout: 30_000 },
      );
      expect(result.status).toBe(3);
      expect(result.stdout).toContain("!!! FAILED in: npm run lint (exit 3)");
      expect(result.stdout).toMatch(/^\s*\d+s {2}total$/m);
      expect(fs.existsSync(work)).toBe(false);
      // The setup's child (the stand-in for its npm ci) was stopped with it.
      const child = Number(fs.readFileSync(pidFile, "utf8"));
      const alive = (() => {
        try {
          process.kill(child, 0);
          return !fs.readFileSync(`/proc/${child}/stat`, "utf8").includes(") Z ");
        } catch {
          return false;
        }
      })();
      expect(alive).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
