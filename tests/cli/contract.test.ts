/**
 * docs/CONTRACT.md is the public contract other people's scripts rely on: every finding code the
 * engine has, with its severity, and every field the CLI's JSON prints must be written there.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FINDING_SEVERITY } from "../../src/engine/findings";
import { cli } from "../reliability/cli";

const ROOT = path.join(__dirname, "..", "..");
const CONTRACT = fs.readFileSync(path.join(ROOT, "docs", "CONTRACT.md"), "utf8");
const SAMPLES = path.join(ROOT, "samples");

/** The finding-code table: code → severity. */
function documentedCodes(): Map<string, string> {
  const table = CONTRACT.slice(CONTRACT.indexOf("## Finding codes"));
  return new Map(
    [...table.matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]),
  );
}

/** Every object key in a JSON value, except inside `cells` (its keys are the row's own fields). */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      if (key !== "cells") keysOf(inner, into);
    }
  return into;
}

/** A key counts as written when it stands as a code span or a JSON key, or in a `{ a, b }` list. */
function undocumented(keys: Set<string>): string[] {
  return [...keys].filter((key) => !new RegExp(`[\`"]${key}[\`"[]|[{,] ?${key}(?=[,} ])`).test(CONTRACT));
}

test("every finding code is documented with its severity", () => {
  const documented = documentedCodes();
  const wrong = Object.entries(FINDING_SEVERITY).filter(
    ([code, severity]) => documented.get(code) !== severity,
  );
  expect(wrong).toEqual([]);
});

test("every field of check --json, compare --json and rollup --json is documented", async () => {
  const check = await cli(["check", path.join(SAMPLES, "malkoll-exempel.xlsx"), "--json"]);
  const compare = await cli([
    "compare",
    path.join(SAMPLES, "plan", "resursenheten-plan-2021.xlsx"),
    path.join(SAMPLES, "enheter", "resursenheten-vb-2021.xlsx"),
    "--json",
  ]);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-contract-")), "ut.xlsx");
  const rollup = await cli(["rollup", path.join(SAMPLES, "enheter"), "-o", out, "--json"]);
  for (const run of [check, compare, rollup]) expect(run.code).toBeLessThan(2);
  const keys = new Set([
    ...keysOf(JSON.parse(check.out)),
    ...keysOf(JSON.parse(compare.out)),
    ...keysOf(JSON.parse(rollup.out)),
  ]);
  expect(keys.size).toBeGreaterThan(60);
  expect(undocumented(keys)).toEqual([]);
});
