#!/usr/bin/env node
/**
 * `npm test`: type check, make sure the CLI build in lib/ is current (CLI tests run it), then jest.
 *
 * Usage: npm test [-- <jest args>]     e.g. npm test -- tests/engine
 *
 * A type error does not stop the tests (you see both), but the exit code is non-zero; jest's
 * summary reporter prints the closing `Tests: …` line.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");

/** Runs a step with inherited output; `quietEnd` leaves the step's own last line last. */
function run(title, command, args, { quietEnd = false } = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  // npm is a .cmd script on Windows, which node only starts through a shell.
  const shell = process.platform === "win32" && command === "npm";
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", shell });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const status = result.error ? 1 : (result.status ?? 1);
  if (result.error) console.error(result.error.message);
  if (!quietEnd) console.log(`${status === 0 ? "✔" : "✖"} ${title} (${seconds} s)`);
  return status;
}

function newestMtime(entry, filter) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return filter(entry) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    newest = Math.max(newest, newestMtime(path.join(entry, child), filter));
  }
  return newest;
}

/** Newest modification time among the inputs tsconfig.cli.json compiles (and the configs). */
function newestCliSource() {
  const config = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.cli.json"), "utf8"));
  const isSource = (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file);
  let newest = Math.max(
    fs.statSync(path.join(root, "tsconfig.json")).mtimeMs,
    fs.statSync(path.join(root, "tsconfig.cli.json")).mtimeMs,
  );
  for (const include of config.include ?? []) {
    // Includes are folders, files or `folder/*.ext`; that is all tsconfig.cli.json uses.
    const wildcard = include.indexOf("*");
    const base = path.join(root, wildcard >= 0 ? path.dirname(include) : include);
    newest = Math.max(newest, newestMtime(base, isSource));
  }
  return newest;
}

function cliBuildIsCurrent() {
  const lib = path.join(root, "lib");
  const built = newestMtime(lib, (file) => file.endsWith(".js"));
  return built > 0 && built >= newestCliSource();
}

function main() {
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  const jest = require.resolve("jest/bin/jest", { paths: [root] });

  const typecheck = run("Typkontroll / type check (tsc -p tsconfig.json --noEmit)", process.execPath, [
    tsc,
    "-p",
    "tsconfig.json",
    "--noEmit",
  ]);
  if (typecheck !== 0)
    console.error(
      "Typkontrollen misslyckades – testerna körs ändå. / Type check failed – running the tests anyway.",
    );

  let build = 0;
  if (cliBuildIsCurrent()) {
    console.log("\n✔ CLI-bygget i lib/ är aktuellt / the CLI build in lib/ is current");
  } else {
    build = run("Bygger CLI / building the CLI (npm run build:cli)", "npm", ["run", "build:cli"]);
  }

  // jest's summary reporter prints the closing `Tests: …` line, so nothing is printed after it.
  const tests = run("Tester / tests (jest)", process.execPath, [jest, ...process.argv.slice(2)], {
    quietEnd: true,
  });
  process.exitCode = typecheck !== 0 || build !== 0 || tests !== 0 ? 1 : 0;
}

main();
