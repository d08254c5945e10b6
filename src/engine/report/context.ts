import type { Finding } from "../findings";
import { a1, parseA1, parseA1Range } from "../grid";
import { localIsoDate } from "../parse/date";
import type { SheetGrid, WorkbookSnapshot } from "../grid";
import type { CheckResult } from "../check";
import { goalIdCell } from "../evaluate/cells";
import type { Goal } from "../model/types";
import type { RecognisedTable } from "../recognise/types";
import { GENERATED_NOTE_START, GENERATED_TITLE_START, sheetNameKey } from "../state";
import { compareSv } from "./collate";
import type { SourceLookup, SourceUnitLookup } from "./source";
import { lookupFromRecognition, lookupFromSnapshot, unitsFromRecognition, unitsFromSnapshot } from "./source";

export interface ReportOptions {
  /**
   * The date shown in each sheet's note (`YYYY-MM-DD`, or a Date). Without it the note names no
   * date, so two runs over the same input give the same sheets.
   */
  generatedAt?: string | Date;
  /** The workbook read by the port: lets budget cells become live formulas over numeric source cells. */
  snapshot?: WorkbookSnapshot;
}

export interface ReportContext {
  result: CheckResult;
  /** `T2 2021` or null. */
  period: string | null;
  /** The note row's text. */
  note: string;
  lookup: SourceLookup;
  /** The unit a source cell shows, as {@link lookup} finds the cell. */
  unitLookup: SourceUnitLookup;
  goalsById: Map<string, Goal>;
  /** Goals in hierarchy order (each goal followed by its sub-goals), with their depth. */
  goalTree: { goal: Goal; depth: number }[];
  /** Sheets in the order they first appear in the model (for sorting). */
  sheetIndex: (sheet: string) => number;
  findingsByGoal: Map<string, Finding[]>;
  /** Sheet names as formulas start a reference to them (`'Driftbudget'!`), by name, made once each. */
  sheetPrefixes: Map<string, string>;
  /** A goal's number as its source writes it (`1.2.` where the model holds `1.2`); null where unread. */
  writtenNumber: (goal: Goal) => string | null;
  /** A recognised table by its id (a large workbook has a thousand; the budget asks per table). */
  tableById: (id: string) => RecognisedTable | undefined;
  /**
   * A source sheet by name, from the snapshot the caller passed (undefined without one): what the
   * model keeps nothing of (a cross table's cells) is read from it.
   */
  sheetGrid: (name: string) => SheetGrid | undefined;
}

function isoDate(at: string | Date): string {
  if (typeof at === "string") return at.slice(0, 10);
  return localIsoDate(at);
}

export function noteText(workbook: string, generatedAt: string | Date | undefined): string {
  const when = generatedAt === undefined ? "" : ` ${isoDate(generatedAt)}`;
  return `${GENERATED_NOTE_START}${when} från ${workbook}; ändra inte – tabellen skapas om`;
}

/** Depth-first: roots in model order, each followed by its children in model order. */
export function goalTree(goals: Goal[]): { goal: Goal; depth: number }[] {
  const ids = new Set(goals.map((g) => g.id));
  const children = new Map<string | null, Goal[]>();
  for (const goal of goals) {
    const parent = goal.parent !== null && ids.has(goal.parent) ? goal.parent : null;
    const list = children.get(parent) ?? [];
    list.push(goal);
    children.set(parent, list);
  }
  const out: { goal: Goal; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number): void => {
    for (const goal of children.get(parent) ?? []) {
      if (seen.has(goal.id)) continue;
      seen.add(goal.id);
      out.push({ goal, depth });
      visit(goal.id, depth + 1);
    }
  };
  visit(null, 0);
  // Goals caught in a parent cycle are never reached from a root: keep them, flat.
  for (const goal of goals) if (!seen.has(goal.id)) out.push({ goal, depth: 0 });
  return out;
}

export function makeContext(
  result: CheckResult,
  options: ReportOptions,
  period: string | null,
): ReportContext {
  const { model } = result;
  const lookup = options.snapshot
    ? lookupFromSnapshot(options.snapshot)
    : lookupFromRecognition(result.recognition);
  const order: string[] = [];
  for (const items of [model.goals, model.indicators, model.activities, model.budget, result.findings])
    noteSheets(order, items);
  const findingsByGoal = new Map<string, Finding[]>();
  for (let i = 0; i < result.findings.length; i++) {
    const f = result.findings[i];
    if (!f.goal) continue;
    const list = findingsByGoal.get(f.goal) ?? [];
    list.push(f);
    findingsByGoal.set(f.goal, list);
  }
  return {
    result,
    period,
    note: noteText(model.workbook, options.generatedAt),
    lookup,
    unitLookup: options.snapshot ? unitsFromSnapshot(options.snapshot) : lazyUnits(result),
    goalsById: new Map(model.goals.map((g) => [g.id, g])),
    goalTree: goalTree(model.goals),
    sheetIndex: (sheet) => {
      const i = order.indexOf(sheet);
      return i < 0 ? order.length : i;
    },
    findingsByGoal,
    sheetPrefixes: new Map(),
    writtenNumber: writtenNumbers(lookup),
    tableById: tablesById(result.recognition.tables),
    sheetGrid: sheetsByName(options.snapshot),
  };
}

/**
 * {@link ReportContext.sheetGrid}: the snapshot's sheets by name, without case as Excel and the
 * planner compare names (none without a snapshot).
 */
function sheetsByName(snapshot: WorkbookSnapshot | undefined): (name: string) => SheetGrid | undefined {
  const sheets = new Map((snapshot?.sheets ?? []).map((s) => [sheetNameKey(s.name), s]));
  return (name) => sheets.get(sheetNameKey(name));
}

/** {@link ReportContext.tableById}: the map made at the first question, the first table of an id kept. */
function tablesById(tables: readonly RecognisedTable[]): (id: string) => RecognisedTable | undefined {
  let byId: Map<string, RecognisedTable> | undefined;
  return (id) => {
    if (byId === undefined) {
      byId = new Map();
      for (const table of tables) if (!byId.has(table.id)) byId.set(table.id, table);
    }
    return byId.get(id);
  };
}

/** Rows below a heading that only names its level (`KF:s mål för verksamhetsområdet:`) where its title may stand. */
const TITLE_ROWS = 8;

/**
 * Goal numbers as the source writes them: the model keeps `1.2` for `1.2.` (and `1.1` for `1.1`),
 * the reports write both. Read from the goal's heading cell, or from the title below a heading that
 * only names its level; a goal whose cells the lookup does not know keeps the report's own way.
 */
function writtenNumbers(lookup: SourceLookup): (goal: Goal) => string | null {
  const known = new Map<string, string | null>();
  return (goal) => {
    let written = known.get(goal.id);
    if (written === undefined) known.set(goal.id, (written = writtenNumber(lookup, goal)));
    return written;
  };
}

function writtenNumber(lookup: SourceLookup, goal: Goal): string | null {
  const at = goal.number ? parseA1(goalIdCell(goal.id)) : null;
  if (!goal.number || !at) return null;
  const heading = lookup(goal.sheet, a1(at.row, at.col));
  if (typeof heading !== "string") return null;
  const text = heading.trim();
  // After the level's label and its colon (`KF:s mål …: 1.2. Stockholm`).
  for (let from = text.indexOf(goal.number); from >= 0; from = text.indexOf(goal.number, from + 1)) {
    let before = from - 1;
    while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
    if (before < 0 || text.charCodeAt(before) === COLON) return writtenAt(text, from, goal.number);
  }
  if (!text.endsWith(":")) return null;
  for (let row = at.row + 1; row <= at.row + TITLE_ROWS; row++) {
    const title = lookup(goal.sheet, a1(row, at.col));
    if (typeof title !== "string" || !title.trim()) continue;
    const line = title.trim();
    return line.startsWith(goal.number) ? writtenAt(line, 0, goal.number) : null;
  }
  return null;
}

const COLON = 58;
const DOT = 46;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

/** `number` as written at `from` in `text`, with the dot that follows it; null where more of a word follows. */
function writtenAt(text: string, from: number, number: string): string | null {
  let end = from + number.length;
  const dot = text.charCodeAt(end) === DOT;
  if (dot) end++;
  if (end < text.length && !isSpace(text.charCodeAt(end))) return null;
  return dot ? `${number}.` : number;
}

/** {@link unitsFromRecognition}, built at its first question: most reports ask none. */
function lazyUnits(result: CheckResult): SourceUnitLookup {
  let units: SourceUnitLookup | undefined;
  return (sheet, address) => (units ??= unitsFromRecognition(result.recognition))(sheet, address);
}

/** The sheets of `items` not in `order` yet, added in the order met. */
function noteSheets(order: string[], items: readonly { sheet: string }[]): void {
  for (let i = 0; i < items.length; i++) {
    const sheet = items[i].sheet;
    if (!order.includes(sheet)) order.push(sheet);
  }
}

/** Items by their goal, in model order; those whose goal is none or unknown under null. */
export function byKnownGoal<T extends { goal: string | null }>(
  ctx: ReportContext,
  items: readonly T[],
): Map<string | null, T[]> {
  const byGoal = new Map<string | null, T[]>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = item.goal !== null && ctx.goalsById.has(item.goal) ? item.goal : null;
    const list = byGoal.get(key);
    if (list) list.push(item);
    else byGoal.set(key, [item]);
  }
  return byGoal;
}

/** `Målkoll – Indikatorer T2 2021`. */
export function sheetTitle(ctx: ReportContext, name: string): string {
  return ctx.period ? `${GENERATED_TITLE_START}${name} ${ctx.period}` : `${GENERATED_TITLE_START}${name}`;
}

/** Alphabetical in Swedish, as the reports list rows; ties keep source order. */
export function byNameThenPosition<T extends { name: string; sheet: string; row: number }>(
  ctx: ReportContext,
): (a: T, b: T) => number {
  return (a, b) =>
    compareSv(a.name, b.name) || ctx.sheetIndex(a.sheet) - ctx.sheetIndex(b.sheet) || a.row - b.row;
}

/**
 * The group a budget line's table puts it in (`Avdelning Nord` over its areas): the label of the
 * nearest group row above it in its table, unless a total of the table (`Summa Avdelning Syd`)
 * closes that group before the line; null where no group holds it. `lines`: the table's lines
 * (others are passed over).
 */
export function groupOf(
  ctx: ReportContext,
  line: { tableId: string; row: number },
  lines: readonly { tableId: string; row: number; kind: string }[],
): string | null {
  const groups = ctx.tableById(line.tableId)?.groupRows;
  let group: { row: number; label: string } | null = null;
  if (groups) for (const g of groups) if (g.row < line.row) group = g;
  if (!group) return null;
  const from = group.row;
  const closed = lines.some(
    (l) => l.tableId === line.tableId && l.kind === "total" && l.row > from && l.row < line.row,
  );
  return closed ? null : group.label;
}

/** `sheet` NUL `row`: a source row, as {@link rowsWithFinding} keys them. */
export function rowKey(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

/** Whether `rows` (by {@link rowKey}) holds a source row; most sets are empty, and then no key is made. */
export function hasRow(rows: ReadonlySet<string>, sheet: string, row: number): boolean {
  return rows.size > 0 && rows.has(rowKey(sheet, row));
}

/** The source rows (by {@link rowKey}) that a finding with `code` is about ({@link findingRow}). */
export function rowsWithFinding(findings: readonly Finding[], code: string): Set<string> {
  const rows = new Set<string>();
  for (const f of findings) {
    const row = f.code === code ? findingRow(f) : undefined;
    if (row !== undefined) rows.add(rowKey(f.sheet, row));
  }
  return rows;
}

/**
 * The source row a finding is about: its cell's, except an `outcome-missing` at the header of a
 * column not read, whose range runs down to the indicator's row.
 */
export function findingRow(f: Finding): number | undefined {
  if (f.code === "outcome-missing" && f.range) return parseA1Range(f.range)?.row2;
  return parseA1(f.cell)?.row;
}
