import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { toContractJson } from "../../src/cli/json";
import { writeJson } from "../../src/cli/jsonText";
import { check } from "../../src/engine";
import { snapshotFromBuffer } from "../../src/ports/xlsx";

function written(value: unknown, chunks?: string[]): string {
  let text = "";
  writeJson(value, (s) => {
    chunks?.push(s);
    text += s;
  });
  return text;
}

test("the same text as JSON.stringify(value, null, 2) for any JSON value", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      expect(written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }),
    { numRuns: 500, seed: 20261123 },
  );
});

test("undefined members are left out and undefined array items become null, as JSON.stringify does", () => {
  const value = {
    a: undefined,
    b: [undefined, 1, { c: undefined, d: [undefined] }],
    e: { f: () => 1 },
    g: new Date(0),
  };
  expect(written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
});

test("the sample's contract JSON comes out identical, in more than one piece when large", async () => {
  const sample = path.join(__dirname, "..", "..", "samples", "malkoll-exempel.xlsx");
  const json = toContractJson(
    "malkoll-exempel.xlsx",
    check(await snapshotFromBuffer(fs.readFileSync(sample))),
  );
  expect(written(json)).toBe(`${JSON.stringify(json, null, 2)}\n`);
  const many = {
    indicators: Array.from({ length: 20_000 }, (_, i) => ({
      name: `Indikator ${i}`,
      cells: { outcome: `B${i}` },
    })),
  };
  const chunks: string[] = [];
  expect(written(many, chunks)).toBe(`${JSON.stringify(many, null, 2)}\n`);
  expect(chunks.length).toBeGreaterThan(1);
});
