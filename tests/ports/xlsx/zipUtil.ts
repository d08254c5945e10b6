import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import JSZip from "jszip";

/** All entries of a package as bytes, by path (folders left out). */
export async function entries(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out.set(name, await file.async("nodebuffer"));
  return out;
}

export async function partText(bytes: Uint8Array, part: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(part);
  if (!file) throw new Error(`no part ${part}`);
  return file.async("string");
}

/** Runs `xmllint --noout` over parts; returns the failures (part: message). */
export function xmllintFailures(parts: Map<string, Buffer>): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "malkoll-xmllint-"));
  const failures: string[] = [];
  try {
    let i = 0;
    for (const [name, bytes] of parts) {
      const file = path.join(dir, `part${i++}.xml`);
      writeFileSync(file, bytes);
      try {
        execFileSync("xmllint", ["--noout", file], { stdio: ["ignore", "pipe", "pipe"] });
      } catch (err) {
        failures.push(`${name}: ${(err as { stderr?: Buffer }).stderr?.toString() ?? String(err)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failures;
}
