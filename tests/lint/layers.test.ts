/**
 * The layer rules of `.dependency-cruiser.cjs` (run by `npm run lint`) bite: in a small tree laid
 * out like src/, an import against the pipeline's order, an engine import of a port, a port
 * import of the app, and a cycle made only of type imports are each reported; the real tree has
 * none of them.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const DEPCRUISE = path.join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

function cruise(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [DEPCRUISE, "src", "--config", path.join(ROOT, ".dependency-cruiser.cjs"), "--output-type", "err"],
    { cwd, encoding: "utf8" },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-layers-"));
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "commonjs", moduleResolution: "node", strict: true } }),
  );
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

test("imports against the layers and type-only cycles fail the lint", () => {
  const dir = tree({
    "src/engine/parse/value.ts": `import type { Model } from "../model/types";\nexport type V = Model;\n`,
    "src/engine/model/types.ts": `export interface Model { a: number }\n`,
    "src/engine/report/a.ts": `import type { B } from "./b";\nexport interface A { b?: B }\n`,
    "src/engine/report/b.ts": `import type { A } from "./a";\nexport interface B { a?: A }\n`,
    "src/engine/plan/planWrite.ts": `import type { WorkbookPort } from "../../ports/port";\nexport type P = WorkbookPort;\n`,
    "src/ports/port.ts": `export interface WorkbookPort { read(): void }\n`,
    "src/ports/xlsx/errors.ts": `import { Refusal } from "../../app/refusal";\nexport class E extends Refusal {}\n`,
    "src/app/refusal.ts": `export class Refusal extends Error {}\n`,
  });
  try {
    const { status, output } = cruise(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /engine-stage-1-imports-later-stage: src\/engine\/parse\/value\.ts → src\/engine\/model\/types\.ts/,
    );
    expect(output).toMatch(/no-circular: src\/engine\/report\/(a|b)\.ts/);
    expect(output).toMatch(
      /engine-imports-outer-layer: src\/engine\/plan\/planWrite\.ts → src\/ports\/port\.ts/,
    );
    expect(output).toMatch(/port-imports-outer-layer: src\/ports\/xlsx\/errors\.ts → src\/app\/refusal\.ts/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the repository itself keeps the layers", () => {
  const { status, output } = cruise(ROOT);
  expect(output).toMatch(/no dependency violations found/);
  expect(status).toBe(0);
});
