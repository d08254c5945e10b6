import type { CellValue, SheetGrid, WorkbookSnapshot } from "./grid";
import { cellAt, joinAddressLists, textOf } from "./grid";
import { Refusal } from "./refusal";
import type { Settings } from "./settings";
import { SETTING_INFO, SETTINGS_SHEET } from "./settings";

/**
 * Keys of the sheets Målkoll owns. The sheet's name is chosen at write time (see plan/naming). The
 * last three make up the workbook `malkoll rollup` writes.
 */
export type OwnedSheetKey =
  | "indikatorer"
  | "maluppfyllelse"
  | "driftbudget"
  | "avvikelser"
  | "aktiviteter"
  | "korstabeller"
  | RollupSheetKey;

/** The sheets of the workbook `malkoll rollup` writes: never in a user's workbook, never recorded as owned. */
export const ROLLUP_SHEET_KEYS = ["enheter", "fynd", "budget"] as const;

export type RollupSheetKey = (typeof ROLLUP_SHEET_KEYS)[number];

export const OWNED_SHEET_TITLES: Record<OwnedSheetKey, string> = {
  indikatorer: "Målkoll Indikatorer",
  maluppfyllelse: "Målkoll Måluppfyllelse",
  driftbudget: "Målkoll Driftbudget",
  avvikelser: "Målkoll Avvikelser",
  aktiviteter: "Målkoll Aktiviteter",
  korstabeller: "Målkoll Korstabeller",
  enheter: "Enheter",
  fynd: "Fynd",
  budget: "Budget",
};

/** The hidden state sheet's name. */
export const STATE_SHEET = "_malkoll";

/** A sheet's name as Excel compares names: without case (a key for sets and maps of sheets). */
export function sheetNameKey(name: string): string {
  return name.toLocaleLowerCase("sv");
}

/** Sheet names as Excel compares them: without case. */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

/** Whether a sheet is one Målkoll generated and still owns (Excel compares names without case). */
export function isOwnedSheet(name: string, state: MalkollState): boolean {
  return state.owned.some((o) => sameSheetName(o.name, name));
}

/**
 * Whether a sheet is Målkoll's, not the user's: its state sheet, its settings sheet, or one it
 * generated and still owns (`state`; without one read, the first two only).
 */
export function isMalkollSheet(name: string, state: MalkollState | null | undefined): boolean {
  return name === STATE_SHEET || name === SETTINGS_SHEET || (!!state && isOwnedSheet(name, state));
}

/** How every generated sheet's title begins (`Målkoll – Indikatorer T2 2021`; report/context.ts). */
export const GENERATED_TITLE_START = "Målkoll – ";

/** How the note under every generated sheet's title begins (report/context.ts writes it). */
export const GENERATED_NOTE_START = "Skapad av Målkoll";

/**
 * Whether a sheet is one Målkoll generated, by its first two cells: its title (`Målkoll – …`) and
 * its note. A copy the state does not record (renamed after a hand edit, or kept by a build that
 * did not know its kind) is still Målkoll's output, never a source to read.
 */
export function looksGenerated(sheet: SheetGrid): boolean {
  const title = cellAt(sheet, 1, 1);
  const note = cellAt(sheet, 2, 1);
  return (
    typeof title === "string" &&
    title.startsWith(GENERATED_TITLE_START) &&
    typeof note === "string" &&
    note.startsWith(GENERATED_NOTE_START)
  );
}

function isOwnedKey(key: string): key is OwnedSheetKey {
  return Object.prototype.hasOwnProperty.call(OWNED_SHEET_TITLES, key);
}

/**
 * What Målkoll remembers in a workbook, kept in the very-hidden sheet `_malkoll` so that
 * Office.js and the .xlsx port read and write the same thing. One record per row: the first
 * cell names the kind, the rest are its fields.
 */
export interface OwnedSheetRecord {
  key: OwnedSheetKey;
  name: string;
  /** SHA-256 of the values Målkoll wrote, to detect hand edits before regenerating. */
  checksum: string;
}

export interface RunLogEntry {
  /** ISO timestamp. */
  at: string;
  /** `T2 2021`, `VB 2020`, or `okänd`. */
  period: string;
  errors: number;
  warnings: number;
  infos: number;
  /** SHA-256 of the input tables' values. */
  inputChecksum: string;
  /** Where it ran: `excel` or `cli`. */
  host: string;
}

/** A user's correction to recognition, keyed by the table's header cell. */
export interface MappingOverride {
  sheet: string;
  /** A1 of the header row's first cell. */
  headerCell: string;
  /** Force the table type (`indicators-followup`, `activities`, `ignore`, ...). */
  tableType?: string;
  /** Column letter → role (`outcome`, `target`, `ignore`, ...). */
  columns?: Record<string, string>;
}

export interface DirectionOverride {
  sheet: string;
  row: number;
  direction: string;
}

export interface FlagRecord {
  sheet: string;
  /** A1 addresses or ranges Målkoll flagged, comma-separated. */
  ranges: string;
}

/**
 * Which write of the workbook's state this is, and where it ran. Apart from the schema `version`:
 * the Office port refuses to write when it changed since the port read it (a colleague's run in
 * the same shared workbook) and says when and from where that run came.
 */
export interface RevisionRecord {
  number: number;
  /** ISO timestamp. */
  at: string;
  /** `Excel 16.0.…`, `cli`, … */
  host: string;
  /** `OfficeOnline`, `PC`, `Mac`, … (Excel gives an add-in no user identity.) */
  platform: string;
}

export interface MalkollState {
  version: number;
  revision?: RevisionRecord;
  owned: OwnedSheetRecord[];
  /** Setting overrides the pane saved: only known keys, each within its range. */
  settings: Partial<Settings>;
  mappings: MappingOverride[];
  directions: DirectionOverride[];
  flags: FlagRecord[];
  log: RunLogEntry[];
}

export const STATE_VERSION = 1;

export function emptyState(): MalkollState {
  return {
    version: STATE_VERSION,
    owned: [],
    settings: {},
    mappings: [],
    directions: [],
    flags: [],
    log: [],
  };
}

function num(v: CellValue): number {
  const n = typeof v === "number" ? v : Number(textOf(v).replace(",", "."));
  return Number.isFinite(n) ? n : 0;
}

/**
 * The state sheet is a workbook's sheet like any other: a person (or another program) may have
 * edited it. Each row's fields are checked; a row that fails is skipped. (By hand: zod did the
 * same for 6 KB more of the pane's initial JavaScript, which is at its 200 KB budget.)
 */
function mappingOf(v: CellValue): MappingOverride | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textOf(v));
  } catch {
    return null;
  }
  if (!isRecord(parsed) || typeof parsed.sheet !== "string" || typeof parsed.headerCell !== "string")
    return null;
  const { tableType, columns } = parsed;
  if (tableType !== undefined && typeof tableType !== "string") return null;
  if (
    columns !== undefined &&
    !(isRecord(columns) && Object.values(columns).every((r) => typeof r === "string"))
  )
    return null;
  return {
    sheet: parsed.sheet,
    headerCell: parsed.headerCell,
    ...(tableType !== undefined ? { tableType } : {}),
    ...(columns !== undefined ? { columns: columns as Record<string, string> } : {}),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The directions a person can choose for an indicator (model/types' Direction, less `unknown`). */
const STORED_DIRECTIONS = new Set(["higher", "lower", "band", "max", "increase"]);

/** A `setting` row as a typed override: a known key and a number within the key's range. */
function settingOf(key: string, v: CellValue): [keyof Settings, number] | null {
  const info = SETTING_INFO.find((i) => i.key === key);
  const value = typeof v === "number" ? v : Number(textOf(v).replace(",", "."));
  return info && Number.isFinite(value) && value >= info.min && value <= info.max ? [info.key, value] : null;
}

/** The first cell of the row the Office port keeps in `_malkoll` while it writes (its lease). */
export const LEASE_KIND = "lease";

/** Row kinds Målkoll writes in `_malkoll`. */
const STATE_ROW_KINDS = new Set([
  "malkoll",
  "revision",
  "owned",
  "setting",
  "mapping",
  "direction",
  "flag",
  "log",
  LEASE_KIND,
]);

/**
 * Refuses a write when the sheet named `_malkoll` is not Målkoll's: it holds something, but no row
 * of a kind Målkoll writes (a user's own sheet by that name). Writing the state would replace it.
 */
export function refuseForeignStateSheet(snapshot: WorkbookSnapshot): void {
  const sheet = snapshot.sheets.find((s) => s.name === STATE_SHEET);
  if (!sheet) return;
  let holdsSomething = false;
  for (const row of sheet.values) {
    if (STATE_ROW_KINDS.has(textOf(row[0] ?? null))) return;
    if (!holdsSomething) holdsSomething = row.some((v) => v !== null && v !== "");
  }
  if (!holdsSomething) return;
  throw new Refusal(
    `Bladet "${STATE_SHEET}" är inte Målkolls: det har samma namn som Målkolls dolda blad men inte dess innehåll, och skulle skrivas över. Inget ändrades. Byt namn på bladet och försök igen.`,
    `The sheet "${STATE_SHEET}" is not Målkoll's: it has the name of Målkoll's hidden sheet but not its content, and would be overwritten. Nothing was changed. Rename the sheet and try again.`,
  );
}

/** Reads the state sheet. Unknown or broken rows are skipped, never fatal. */
export function decodeState(sheet: SheetGrid | undefined): MalkollState {
  const state = emptyState();
  if (!sheet) return state;
  for (const row of sheet.values) {
    const kind = textOf(row[0] ?? null);
    const f = (i: number): CellValue => row[i] ?? null;
    switch (kind) {
      case "malkoll":
        state.version = num(f(1)) || STATE_VERSION;
        break;
      case "revision":
        state.revision = { number: num(f(1)), at: textOf(f(2)), host: textOf(f(3)), platform: textOf(f(4)) };
        break;
      case "owned":
        if (isOwnedKey(textOf(f(1))) && textOf(f(2)))
          state.owned.push({
            key: textOf(f(1)) as OwnedSheetKey,
            name: textOf(f(2)),
            checksum: textOf(f(3)),
          });
        break;
      case "setting": {
        const setting = settingOf(textOf(f(1)), f(2));
        if (setting) state.settings[setting[0]] = setting[1];
        break;
      }
      case "mapping": {
        const mapping = mappingOf(f(1));
        if (mapping) state.mappings.push(mapping);
        break;
      }
      case "direction":
        if (textOf(f(1)) && num(f(2)) >= 1 && STORED_DIRECTIONS.has(textOf(f(3))))
          state.directions.push({ sheet: textOf(f(1)), row: num(f(2)), direction: textOf(f(3)) });
        break;
      case "flag":
        if (textOf(f(1))) state.flags.push({ sheet: textOf(f(1)), ranges: textOf(f(2)) });
        break;
      case "log":
        state.log.push({
          at: textOf(f(1)),
          period: textOf(f(2)),
          errors: num(f(3)),
          warnings: num(f(4)),
          infos: num(f(5)),
          inputChecksum: textOf(f(6)),
          host: textOf(f(7)),
        });
        break;
      default:
        break;
    }
  }
  return state;
}

/** The longest text a state cell gets: below Excel's 32 767 characters a cell. */
export const MAX_STATE_CELL_CHARS = 32_000;

/** A comma-separated range list in parts of at most `max` characters, split between ranges. */
export function splitRangeList(ranges: string, max = MAX_STATE_CELL_CHARS): string[] {
  return joinAddressLists(
    ranges
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean),
    max,
  );
}

/**
 * Writes the state as rows of text and numbers (all text cells; nothing is a formula). A sheet's
 * flagged ranges longer than a cell holds take several `flag` rows.
 */
export function encodeState(state: MalkollState): CellValue[][] {
  const rows: CellValue[][] = [
    ["malkoll", state.version, "Målkolls tillstånd – ändra inte / Målkoll state – do not edit"],
  ];
  if (state.revision) {
    const r = state.revision;
    rows.push(["revision", r.number, r.at, r.host, r.platform]);
  }
  for (const o of state.owned) rows.push(["owned", o.key, o.name, o.checksum]);
  for (const [k, v] of Object.entries(state.settings)) rows.push(["setting", k, v]);
  for (const m of state.mappings) rows.push(["mapping", JSON.stringify(m)]);
  for (const d of state.directions) rows.push(["direction", d.sheet, d.row, d.direction]);
  for (const f of state.flags)
    for (const part of splitRangeList(f.ranges)) rows.push(["flag", f.sheet, part]);
  for (const l of state.log)
    rows.push(["log", l.at, l.period, l.errors, l.warnings, l.infos, l.inputChecksum, l.host]);
  return rows;
}
