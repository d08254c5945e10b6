import { promises as fs } from "fs";
import * as path from "path";

/** Excel's owner files (`~$Budget.xlsx`) sit beside open workbooks; they are no workbooks. */
const OWNER_FILE = /^~\$/;
/** What a Mac leaves in a folder it zipped or copied (`._Budget.xlsx`, `__MACOSX/`): no workbooks. */
const MAC_LEFTOVER = /^\._/;
const MAC_FOLDER = "__MACOSX";
/** The workbooks a folder is searched for: Excel's, with or without macros. */
const WORKBOOK = /\.xls[xm]$/i;

/** What a folder held that a roll-up does not read, for the user to hear of. */
export interface PassedOver {
  /** Files of another kind (`.ods`, `.xls`, `.csv`), and links to no file, by path. */
  otherFiles: string[];
  /** Folders that could not be opened. */
  closedFolders: string[];
}

/**
 * The workbooks a roll-up reads: each file given as it is (whatever it is, so that a wrong one is
 * reported), and every `.xlsx` and `.xlsm` in a folder given, recursively, in name order, links to
 * files included. A path that does not exist is kept, to be reported as unreadable. `passedOver`
 * collects what the folders held besides.
 */
export async function listWorkbooks(
  inputs: string[],
  passedOver: PassedOver = { otherFiles: [], closedFolders: [] },
): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (file: string) => {
    const resolved = path.resolve(file);
    if (seen.has(resolved)) return;
    seen.add(resolved);
    out.push(file);
  };
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) for (const file of await workbooksIn(input, passedOver)) add(file);
    else add(input);
  }
  return out;
}

async function workbooksIn(folder: string, passedOver: PassedOver): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => null);
    if (entries === null) {
      passedOver.closedFolders.push(dir);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, "sv"));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (OWNER_FILE.test(entry.name) || MAC_LEFTOVER.test(entry.name)) continue;
      // A link is followed to a file (not to a folder, which could loop); one that leads nowhere,
      // or to a folder, is named with the files passed over.
      const target = entry.isSymbolicLink() ? await fs.stat(full).catch(() => null) : null;
      const isFile = entry.isFile() || !!target?.isFile();
      if (entry.isDirectory()) {
        if (entry.name !== MAC_FOLDER) await walk(full);
      } else if (isFile && WORKBOOK.test(entry.name)) found.push(full);
      else if (isFile || entry.isSymbolicLink()) passedOver.otherFiles.push(full);
    }
  };
  await walk(folder);
  return found;
}
