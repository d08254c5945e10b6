/**
 * The write planner: decides where each generated sheet goes, protects the user's sheets and
 * hand edits, and produces the new state (owned sheets with checksums, flags, run log).
 * Pure but for hashing (WebCrypto is asynchronous); the port carries the plan out.
 */
import { localIsoDate } from "../parse/date";
import type { CheckResult } from "../check";
import type { Finding } from "../findings";
import { countBySeverity, finding } from "../findings";
import type { SheetGrid, WorkbookSnapshot } from "../grid";
import { EXCEL_MAX_CELL_CHARS } from "../grid";
import { formatPeriod } from "../parse/period";
import type { Flag, GeneratedOutput, OutCell, SheetSpec } from "../report/spec";
import { OWNED_SHEET_TITLES, STATE_SHEET } from "../report/spec";
import type { FlagRecord, MalkollState, OwnedSheetRecord, RunLogEntry } from "../state";
import { encodeState } from "../state";
import type { SheetRename, SheetWrite, WritePlan } from "./types";
import { compareWithChecksum, formulasAsPlanned, gridValuesText, sha256, specChecksum } from "./canonical";
import { isOwnedSheet, sameSheetName, sheetNameKey } from "../state";
import { SheetNames } from "./naming";
import { protectedSheetFinding, protectedSheets, recordCells, splitByProtection } from "./protectedSheets";

export interface PlanOptions {
  /** The run's time: the log entry and the date in an edited sheet's new name. */
  now: Date;
  /** Where it ran: `excel` or `cli`. */
  host: string;
}

function findSheet(snapshot: WorkbookSnapshot, name: string): SheetGrid | undefined {
  return snapshot.sheets.find((s) => sameSheetName(s.name, name));
}

function clashFinding(userSheet: string, written: string): Finding {
  return finding({
    code: "owned-name-clash",
    sheet: userSheet,
    cell: "A1",
    message: `Bladet ”${userSheet}” har samma namn som ett blad Målkoll skapar. Det skrivs inte över; Målkolls tabell finns i ”${written}”.`,
    messageEn: `The sheet "${userSheet}" has the name of a sheet Målkoll generates. It is not overwritten; Målkoll's table is in "${written}".`,
  });
}

function editedFinding(original: string, renamed: string): Finding {
  return finding({
    code: "generated-table-edited",
    sheet: renamed,
    cell: "A1",
    message: `Bladet ”${original}” har ändrats för hand sedan Målkoll skapade det. Det har döpts om till ”${renamed}” så att ändringarna finns kvar, och en ny tabell har skapats.`,
    messageEn: `The sheet "${original}" was edited by hand after Målkoll generated it. It was renamed to "${renamed}" to keep the edits, and a fresh table was generated.`,
  });
}

/** Groups flags into one state record per sheet (cells in order, each once). */
export function flagRecords(flags: Flag[]): FlagRecord[] {
  const bySheet = new Map<string, Set<string>>();
  for (const flag of flags) {
    const cells = bySheet.get(flag.sheet) ?? new Set<string>();
    cells.add(flag.cell);
    bySheet.set(flag.sheet, cells);
  }
  return [...bySheet].map(([sheet, cells]) => ({ sheet, ranges: [...cells].join(",") }));
}

/** SHA-256 of the values of the user's sheets (not Målkoll's own), in sheet order. */
/**
 * The spec with every text cut to what one Excel cell holds, marked with "…", so what the port
 * writes, and reads back next run, is what the checksum was taken of.
 */
function withinCellLimit(spec: SheetSpec): SheetSpec {
  const tooLong = (cell: OutCell | null) =>
    typeof cell?.value === "string" && cell.value.length > EXCEL_MAX_CELL_CHARS;
  const rowTooLong = (row: (OutCell | null)[]) => {
    for (const cell of row) if (tooLong(cell)) return true;
    return false;
  };
  if (!spec.rows.some(rowTooLong)) return spec;
  const rows = spec.rows.map((row) =>
    rowTooLong(row)
      ? row.map((cell) =>
          tooLong(cell)
            ? { ...cell!, value: `${(cell!.value as string).slice(0, EXCEL_MAX_CELL_CHARS - 1)}…` }
            : cell,
        )
      : row,
  );
  return { ...spec, rows };
}

export async function inputChecksum(snapshot: WorkbookSnapshot, state: MalkollState): Promise<string> {
  const owned = (name: string): boolean => name === STATE_SHEET || isOwnedSheet(name, state);
  const parts = snapshot.sheets.filter((s) => !owned(s.name)).map((s) => [s.name, gridValuesText(s)]);
  return sha256(JSON.stringify(parts));
}

export async function planWrite(
  snapshot: WorkbookSnapshot,
  result: CheckResult,
  output: GeneratedOutput,
  opts: PlanOptions,
): Promise<WritePlan> {
  const previous = result.state;
  const names = new SheetNames(snapshot.sheets.map((s) => s.name));
  const renames: SheetRename[] = [];
  const sheets: SheetWrite[] = [];
  const findings: Finding[] = [];
  const owned: OwnedSheetRecord[] = [];
  const date = localIsoDate(opts.now);
  const isOwnedName = (name: string): boolean => isOwnedSheet(name, previous);

  for (const spec of output.sheets) {
    const title = OWNED_SHEET_TITLES[spec.key];
    const record = previous.owned.find((o) => o.key === spec.key);
    const existing = record ? findSheet(snapshot, record.name) : undefined;
    let name: string;
    let replaces = false;
    const fitted = withinCellLimit(spec);
    if (record && existing) {
      name = existing.name;
      const match = await compareWithChecksum(existing, record.checksum);
      // References Excel moved point where the fresh report points.
      if (match === "same" || (match === "moved" && formulasAsPlanned(existing, fitted))) {
        replaces = true;
      } else {
        const renamed = names.editedName(existing.name, date);
        renames.push({ from: existing.name, to: renamed });
        findings.push(editedFinding(existing.name, renamed));
      }
    } else {
      name = names.freeOwnedName(title);
    }
    // Still writing elsewhere because a user's sheet holds the title: say so every run.
    const userSheet = findSheet(snapshot, title);
    if (userSheet && !sameSheetName(name, title) && !isOwnedName(userSheet.name))
      findings.push(clashFinding(userSheet.name, name));

    sheets.push({ spec: fitted, name, replaces });
    owned.push({ key: spec.key, name, checksum: await specChecksum(fitted) });
  }

  // Owned sheets this output did not regenerate stay owned while they exist.
  for (const record of previous.owned) {
    if (owned.some((o) => o.key === record.key || sameSheetName(o.name, record.name))) continue;
    if (renames.some((r) => sameSheetName(r.from, record.name))) continue;
    if (findSheet(snapshot, record.name)) owned.push(record);
  }

  const planFlags: Flag[] = findings.map((f) => ({
    sheet: f.sheet,
    cell: f.cell,
    severity: f.severity,
    message: f.message,
  }));
  const writtenNames = new Set(sheets.map((s) => sheetNameKey(s.name)));
  const flaggable = [...output.flags.filter((f) => !writtenNames.has(sheetNameKey(f.sheet))), ...planFlags];
  // A protected sheet takes no flags, and keeps an earlier run's (protectedSheets.ts).
  const isProtected = protectedSheets(snapshot);
  const flags = flaggable.filter((f) => !isProtected(f.sheet));
  const { kept, removable } = splitByProtection(previous.flags, isProtected);
  const unmarked = flagRecords(flaggable.filter((f) => isProtected(f.sheet)));
  for (const sheet of new Set([...unmarked, ...kept].map((r) => r.sheet))) {
    const cells = (records: FlagRecord[]) =>
      records.filter((r) => r.sheet === sheet).reduce((n, r) => n + recordCells(r), 0);
    findings.push(protectedSheetFinding(sheet, cells(unmarked), cells(kept)));
  }

  const counts = countBySeverity([...result.findings, ...findings]);
  const entry: RunLogEntry = {
    at: opts.now.toISOString(),
    period: formatPeriod(result.model.period),
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    inputChecksum: await inputChecksum(snapshot, previous),
    host: opts.host,
  };

  const state: MalkollState = {
    ...previous,
    owned,
    flags: [...flagRecords(flags), ...kept],
    log: [...previous.log, entry],
  };
  return { renames, sheets, flags, clearFlags: removable, state: encodeState(state), findings };
}
