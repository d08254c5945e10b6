#!/usr/bin/env node
"use strict";
/**
 * `npm run demo`: the main job on the bundled sample. Copies samples/malkoll-exempel.xlsx to
 * demo/ (a fresh copy each run), runs `malkoll generate` on it, and writes demo/malkoll-exempel-ut.xlsx.
 * Then `malkoll rollup` over the bundled samples (the nämnd's T2 and the units in samples/enheter/)
 * writes demo/malkoll-sammanstallning.xlsx. Succeeds whatever the findings; fails only when a run
 * itself fails (exit 2).
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const sample = path.join(root, "samples", "malkoll-exempel.xlsx");
const outDir = path.join(root, "demo");
const input = path.join(outDir, "malkoll-exempel.xlsx");
const output = path.join(outDir, "malkoll-exempel-ut.xlsx");
const rollupOutput = path.join(outDir, "malkoll-sammanstallning.xlsx");
const rollupInputs = [path.join("samples", "malkoll-exempel.xlsx"), path.join("samples", "enheter")];

if (!fs.existsSync(path.join(root, "lib", "src", "cli", "main.js"))) {
  const build = spawnSync("npm", ["run", "build:cli"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(sample, input);
const run = spawnSync(
  process.execPath,
  [path.join(root, "bin", "malkoll.js"), "generate", input, "-o", output],
  { stdio: "inherit" },
);
if (run.status === 2 || run.status === null) process.exit(run.status ?? 2);
console.log(
  `\nIndata: ${path.relative(root, input)}\nUtdata: ${path.relative(root, output)} (öppna i Excel eller LibreOffice)`,
);

console.log(`\n$ malkoll rollup ${rollupInputs.join(" ")} -o ${path.relative(root, rollupOutput)}`);
const rollup = spawnSync(
  process.execPath,
  [path.join(root, "bin", "malkoll.js"), "rollup", ...rollupInputs, "-o", rollupOutput],
  { stdio: "inherit", cwd: root },
);
if (rollup.status === 2 || rollup.status === null) process.exit(rollup.status ?? 2);
console.log(`\nSammanställning: ${path.relative(root, rollupOutput)} (flikarna Enheter, Fynd, Budget)`);
