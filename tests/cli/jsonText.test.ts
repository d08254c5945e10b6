import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { toContractJson } from "../../src/cli/json";
import { writeJson } from "../../src/cli/jsonText";
import { check } from "../../src/engine";
import { snapshotFromBuffer } from "../../src/ports/xlsx";

async function written(value: unknown, chunks?: string[]): Promise<string> {
  let text = "";
  await writeJson(value, (s) => {
    chunks?.push(s);
    text += s;
  });
  return text;
}

test("the same text as JSON.stringify(value, null, 2) for any JSON value", async () => {
  await fc.assert(
    fc.asyncProperty(fc.jsonValue(), async (value) => {
      expect(await written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }),
    { numRuns: 500, seed: 20261123 },
  );
});

test("undefined members are left out and undefined array items become null, as JSON.stringify does", async () => {
  const value = {
    a: undefined,
    b: [undefined, 1, { c: undefined, d: [undefined] }],
    e: { f: () => 1 },
    g: new Date(0),
  };
  expect(await written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
});

test("the sample's contract JSON comes out identical, in more than one piece when large", async () => {
  const sample = path.join(__dirname, "..", "..", "samples", "malkoll-exempel.xlsx");
  const json = toContractJson(
    "malkoll-exempel.xlsx",
    check(await snapshotFromBuffer(fs.readFileSync(sample))),
  );
  expect(await written(json)).toBe(`${JSON.stringify(json, null, 2)}\n`);
  const many = {
    indicators: Array.from({ length: 20_000 }, (_, i) => ({
      name: `Indikator ${i}`,
      cells: { outcome: `B${i}` },
    })),
  };
  const chunks: string[] = [];
  expect(await written(many, chunks)).toBe(`${JSON.stringify(many, null, 2)}\n`);
  expect(chunks.length).toBeGreaterThan(1);
});

test("waits for each chunk a slow reader has not taken yet before writing the next", async () => {
  const many = { rows: Array.from({ length: 60_000 }, (_, i) => ({ row: i, text: "x".repeat(20) })) };
  let pending = 0;
  let most = 0;
  await writeJson(many, () => {
    pending++;
    most = Math.max(most, pending);
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        pending--;
        resolve();
      }),
    );
  });
  expect(most).toBe(1);
});
