import JSZip from "jszip";
import { xmlProblems } from "../../../src/ports/xlsx/wellFormed";

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

/** Parts that are not namespace-well-formed XML (part: why), read as UTF-8. */
export function wellFormednessFailures(parts: Map<string, Buffer>): string[] {
  return xmlProblems([...parts].map(([name, bytes]) => [name, bytes.toString("utf8")]));
}
