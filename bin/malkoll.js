#!/usr/bin/env node
"use strict";
// The CLI is compiled from src/cli by `npm run build:cli` (run automatically by npm install / npm ci).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "lib", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("Målkoll: CLI är inte byggt – kör `npm run build:cli` först.\n");
  process.exit(2);
}
// A reader that stops early (`malkoll check … | head`) closes the pipe: end quietly, not with a stack trace.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
require(entry).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
