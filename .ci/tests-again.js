#!/usr/bin/env node
/**
 * CI runs every test file once where it can run whole. The new user's run (.ci/fresh-machine: no
 * Chromium, LibreOffice, poppler or Carlito, no dist/) leaves results in <dir>/fresh.json and names
 * in <dir>/tool-skips.txt the files that skipped tests for want of a program (tests/helpers/
 * toolSkips.ts). .ci/run then runs with the programs only the files to run again: those, and any
 * file with a skipped test there.
 *
 *   node .ci/tests-again.js <dir>           the files to run again, one per line (repository paths)
 *   node .ci/tests-again.js <dir> --tally   every file's results, from <dir>/again.json where it ran
 *                                           again, else from fresh.json; the closing `Tests:` line.
 *                                           Exit 1 on a failure, a file missing from the second run,
 *                                           or a test skipped there (the programs are installed).
 */
"use strict";

const fs = require("fs");
const path = require("path");

const dir = process.argv[2];
const tally = process.argv.includes("--tally");
/** The new user's clone, as its shell named it and without symbolic links (it is gone by now). */
const freshRoots = fs.readFileSync(path.join(dir, "root.txt"), "utf8").split("\n").filter(Boolean);
const here = path.resolve(__dirname, "..");
const hereRoots = [here, fs.realpathSync(here)];

/** A test file's path in the repository, from the absolute path it had in a run's clone (`roots`). */
function inRepo(file, roots) {
  for (const root of roots) {
    const relative = path.relative(root, file);
    if (!relative.startsWith("..") && !path.isAbsolute(relative)) return relative.split(path.sep).join("/");
  }
  throw new Error(`${file} is not under ${roots.join(" or ")}`);
}

/** The results of one run by file: passed, failed and skipped tests, and whether the file ran at all. */
function resultsByFile(file, roots) {
  const run = JSON.parse(fs.readFileSync(file, "utf8"));
  const byFile = new Map();
  for (const result of run.testResults) {
    const counts = { passed: 0, failed: 0, skipped: 0, broken: false };
    for (const test of result.assertionResults) {
      if (test.status === "passed") counts.passed++;
      else if (test.status === "failed") counts.failed++;
      else counts.skipped++;
    }
    // A file that failed before its tests ran (a throw at load) has no test results.
    counts.broken = result.status === "failed" && counts.failed === 0;
    byFile.set(inRepo(result.name, roots), counts);
  }
  return byFile;
}

const fresh = resultsByFile(path.join(dir, "fresh.json"), freshRoots);
const skipsLog = path.join(dir, "tool-skips.txt");
const toolSkips = fs.existsSync(skipsLog)
  ? fs
      .readFileSync(skipsLog, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((f) => inRepo(f, freshRoots))
  : [];
const again = [
  ...new Set([...toolSkips, ...[...fresh].filter(([, c]) => c.skipped > 0).map(([f]) => f)]),
].sort();

if (!tally) {
  process.stdout.write(again.map((f) => `${f}\n`).join(""));
  process.exit(0);
}

const rerun = resultsByFile(path.join(dir, "again.json"), hereRoots);
const problems = [];
for (const file of again) {
  if (!rerun.has(file)) problems.push(`${file}: not run again with the programs`);
  else if (rerun.get(file).skipped > 0)
    problems.push(`${file}: ${rerun.get(file).skipped} skipped with the programs installed`);
}
const total = { passed: 0, failed: 0, skipped: 0, broken: 0 };
for (const [file, counts] of fresh) {
  const final = rerun.get(file) ?? counts;
  total.passed += final.passed;
  total.failed += final.failed;
  total.skipped += final.skipped;
  if (final.broken) total.broken++;
}
console.log(
  `\n${fresh.size} test files: ${fresh.size - again.length} as the new user's run left them, ${again.length} run again here with the programs`,
);
for (const problem of problems) console.log(`!!! ${problem}`);
if (total.broken) console.log(`!!! ${total.broken} test files failed to run`);
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(problems.length || total.failed || total.broken ? 1 : 0);
