/**
 * `npm run apiset`: Excel API members above the manifest's ExcelApi set must be guarded by
 * `isSetSupported("ExcelApi", …)` for at least their set.
 */
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkApiSets } = require("../../../scripts/apiset.js") as {
  checkApiSets(options?: { files?: string[] }): {
    manifestSet: string;
    uses: { member: string; set: string; guard: string | null; line: number; file: string }[];
    violations: { member: string; set: string; line: number; file: string }[];
  };
};

const fixture = (name: string): string => path.join(__dirname, "..", "..", "fixtures", "apiset", name);

// The add-in's code (what `npm run apiset` checks) and two fixtures, each type-checked once.
const addIn = checkApiSets();
const fixtures = checkApiSets({ files: [fixture("unguarded.ts"), fixture("guarded.ts")] });

it("finds no unguarded member above the manifest's set in the add-in's code", () => {
  const { manifestSet, uses, violations } = addIn;
  expect(manifestSet).toBe("1.9");
  expect(violations).toEqual([]);
  // The port uses members up to 1.9 and, guarded, RunOptions.delayForCellEdit (1.11, tagged by hand).
  expect(uses.find((u) => u.member === "Excel.RunOptions.delayForCellEdit")).toMatchObject({
    set: "1.11",
    guard: "1.11",
  });
  expect(uses.find((u) => u.member === "Excel.Worksheet.pageLayout")).toMatchObject({ set: "1.9" });
  expect(uses.length).toBeGreaterThan(100);
});

it("flags members above the set without a guard, and a guard for too old a set", () => {
  // An untagged member (CultureInfo.load) takes its type's set.
  expect(fixtures.violations.map((v) => `${path.basename(v.file)}:${v.line} ${v.member} ${v.set}`)).toEqual([
    "unguarded.ts:3 Excel.CultureInfo.load 1.11",
    "unguarded.ts:3 Excel.Application.cultureInfo 1.11",
    "unguarded.ts:4 Excel.RunOptions.delayForCellEdit 1.11",
    "guarded.ts:18 Excel.CultureInfo.load 1.11",
    "guarded.ts:18 Excel.Application.cultureInfo 1.11",
  ]);
});
