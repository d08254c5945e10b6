/**
 * `malkoll rollup`: many unit (or nämnd) workbooks checked in parallel and summed up in one new
 * workbook (`Enheter`, `Fynd`, `Budget`), written through the .xlsx port like `generate`'s sheets.
 * Inputs are only read.
 */
import { constants as fsConstants, promises as fs } from "fs";
import * as path from "path";
import type { CheckOptions } from "../../engine";
import type { Finding } from "../../engine/findings";
import { OWNED_SHEET_TITLES } from "../../engine/report/spec";
import { isRollupWorkbook } from "../../engine/rollup/ownOutput";
import { buildRollupSheets } from "../../engine/rollup/sheets";
import type { RollupEntry } from "../../engine/rollup/summary";
import { XlsxPort } from "../../ports/xlsx";
import { Refusal } from "../../engine/refusal";
import type { PassedOver } from "./files";
import { listWorkbooks } from "./files";
import { inspectAll } from "./pool";
import type { PoolOptions } from "./pool";

export type RollupOptions = CheckOptions &
  PoolOptions & {
    /** The roll-up workbook to write. */
    output: string;
    now?: Date;
  };

export interface RollupResult {
  entries: RollupEntry[];
  /** Every finding of every workbook read, each naming its file. */
  findings: Finding[];
  /** The sheets written to the output. */
  sheets: string[];
  /** What the folders given held that is not read: other files, folders that could not be opened. */
  passedOver: PassedOver;
}

export async function runRollup(inputs: string[], options: RollupOptions): Promise<RollupResult> {
  // The same file is found by what it is, not how its path is written (a link, another spelling).
  const isOutput = await sameFileAs(options.output);
  if ((await Promise.all(inputs.map(isOutput))).some(Boolean))
    throw new Refusal(
      "Utfilen får inte vara en av indatafilerna",
      "The output file must not be one of the input files",
    );
  await checkOutput(options.output);
  const passedOver: PassedOver = { otherFiles: [], closedFolders: [] };
  const listed = await listWorkbooks(inputs, passedOver);
  // An output inside a folder given may replace last month's roll-up there, never a unit's workbook.
  const outputs = await Promise.all(listed.map(isOutput));
  if (outputs.some(Boolean) && !(await holdsRollup(options.output)))
    throw new Refusal(
      `Utfilen ${options.output} är en av arbetsböckerna som ska läsas; välj ett annat namn eller en annan mapp`,
      `The output file ${options.output} is one of the workbooks to read; choose another name or folder`,
    );
  const files = listed.filter((_, i) => !outputs[i]);
  if (!files.length)
    throw new Refusal(
      `Inga .xlsx- eller .xlsm-filer i ${inputs.join(", ")}.`,
      `No .xlsx or .xlsm files in ${inputs.join(", ")}.`,
    );
  const checkOptions: CheckOptions = { period: options.period ?? null, year: options.year ?? null };
  const entries = await inspectAll(files, checkOptions, options);
  const sheets = await writeRollupWorkbook(entries, options.output, options.now ?? new Date());
  const findings: Finding[] = [];
  for (const entry of entries) for (const f of entry.findings) findings.push(f);
  return { entries, findings, sheets, passedOver };
}

/**
 * A test of whether a path is the file `output` names: the same device and inode (through links,
 * other spellings of the path, hard links), or the same resolved path where `output` is not there yet.
 */
async function sameFileAs(output: string): Promise<(file: string) => Promise<boolean>> {
  const target = await fs.stat(output).catch(() => null);
  if (!target) return async (file) => path.resolve(file) === path.resolve(output);
  return async (file) => {
    const stat = await fs.stat(file).catch(() => null);
    return !!stat && stat.dev === target.dev && stat.ino === target.ino;
  };
}

/** Whether `file` is a roll-up's own workbook (one Målkoll may replace). */
async function holdsRollup(file: string): Promise<boolean> {
  try {
    return isRollupWorkbook(await (await XlsxPort.open(file)).read());
  } catch {
    return false;
  }
}

/** Refuses, before any workbook is read, an output that could not be written. */
async function checkOutput(output: string): Promise<void> {
  if (!/\.xlsx$/i.test(output))
    throw new Refusal(
      `Utfilen ska sluta på .xlsx: ${output}`,
      `The output file must end in .xlsx: ${output}`,
    );
  const folder = await fs.stat(path.dirname(path.resolve(output))).catch(() => null);
  if (!folder?.isDirectory())
    throw new Refusal(
      `Mappen för utfilen finns inte: ${path.dirname(output)}`,
      `The output file's folder does not exist: ${path.dirname(output)}`,
    );
  // Before minutes of reading, not after: a folder the user may not write to.
  const writable = await fs.access(path.dirname(path.resolve(output)), fsConstants.W_OK).then(
    () => true,
    () => false,
  );
  if (!writable)
    throw new Refusal(
      `Mappen för utfilen går inte att skriva i: ${path.dirname(output)}`,
      `The output file's folder cannot be written to: ${path.dirname(output)}`,
    );
}

/** Writes the roll-up's sheets into a new workbook at `output`; returns the sheets' names. */
export async function writeRollupWorkbook(
  entries: RollupEntry[],
  output: string,
  now: Date,
): Promise<string[]> {
  const specs = buildRollupSheets(entries, { generatedAt: now });
  const first = OWNED_SHEET_TITLES[specs[0].key];
  // ExcelJS makes the empty book; it is loaded only when an output is written.
  const { blankWorkbook } = await import("../../ports/xlsx/blank");
  const port = await XlsxPort.fromBuffer(await blankWorkbook(first), path.basename(output));
  await port.write({
    renames: [],
    // The blank package's one sheet is the first sheet's place.
    sheets: specs.map((spec, i) => ({ spec, name: OWNED_SHEET_TITLES[spec.key], replaces: i === 0 })),
    flags: [],
    clearFlags: [],
    state: [],
    findings: [],
  });
  await port.saveAs(output);
  return specs.map((s) => OWNED_SHEET_TITLES[s.key]);
}

/** `2` when no workbook could be read, else `1` with error-level findings, else `0` (docs/CONTRACT.md). */
export function rollupExitCode(result: RollupResult): number {
  if (!result.entries.some((e) => e.status === "ok")) return 2;
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}
