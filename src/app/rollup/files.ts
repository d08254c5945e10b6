import { promises as fs } from "fs";
import * as path from "path";

/** Excel's owner files (`~$Budget.xlsx`) sit beside open workbooks; they are no workbooks. */
const OWNER_FILE = /^~\$/;

/**
 * The workbooks a roll-up reads: each file given as it is (whatever it is, so that a wrong one is
 * reported), and every `.xlsx` in a folder given, recursively, in name order. `skip` (the output)
 * is left out. A path that does not exist is kept, to be reported as unreadable.
 */
export async function listWorkbooks(inputs: string[], skip: string[] = []): Promise<string[]> {
  const skipped = new Set(skip.map((p) => path.resolve(p)));
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (file: string) => {
    const resolved = path.resolve(file);
    if (skipped.has(resolved) || seen.has(resolved)) return;
    seen.add(resolved);
    out.push(file);
  };
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) for (const file of await workbooksIn(input)) add(file);
    else add(input);
  }
  return out;
}

async function workbooksIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => a.name.localeCompare(b.name, "sv"));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && /\.xlsx$/i.test(entry.name) && !OWNER_FILE.test(entry.name))
        found.push(full);
    }
  };
  await walk(folder);
  return found;
}
