import type { Finding, FindingCode, Severity } from "../../engine/findings";
import type { SheetVisibility, WorkbookSnapshot } from "../../engine/grid";
import { parseA1, parseA1Range } from "../../engine/grid";
import { analysisPlaceOf } from "../../engine/evaluate/missingAnalysis";
import { namesAreaOrUnit } from "../../engine/model/budgetKind";
import type { BudgetLine, Goal, Model } from "../../engine/model/types";
import { matchKey } from "../../engine/parse/text";
import type { MalkollState } from "../../engine/state";
import { isMalkollSheet } from "../../engine/state";

/**
 * Findings that ask the person to write something (analysis, outcome, target), or to write again
 * a value Målkoll cannot read (`ca 40` as an outcome: then no `outcome-missing` stands there).
 */
export const MUST_WRITE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "analysis-missing",
  "outcome-missing",
  "forecast-missing",
  "activity-dates-missing",
  "target-missing",
  "value-unparseable",
  // A row after a blank row, not read: its value (`ca 40`) cannot be read there, or the blank row
  // cut it off. A value that cannot be read, as the toggle's hint says.
  "row-not-read",
]);

/**
 * Findings that stop Målkoll from judging: no period, nothing recognised, formulas without
 * computed values. They are shown first whatever the filter, so "nothing to write" is never
 * claimed while nothing could be judged.
 */
export const BLOCKING_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "nothing-recognised",
  "period-unknown",
  "formula-not-calculated",
]);

/**
 * Blocks that look like tables but could not be read: the rest was judged, but a table may be
 * missing from it (or the block is a harmless side list). Shown next, whatever goal or unit is
 * chosen (neither tells whether a missing table was its own); a sheet shows its own blocks only.
 */
export const UNREADABLE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(["header-unrecognized"]);

/**
 * Findings about the workbook or a sheet, not about an item: how it was read (its period, a block,
 * a column, rows, a sheet or a goal list not read, formulas never calculated, nothing recognised),
 * sheets Målkoll cannot mark or write. Grouped by goal they stand
 * under "Om arbetsboken", not "Utan mål", which reads as indicators without a goal: a unit manager
 * looked there for a hidden-rows note as if it were an indicator to connect to a goal.
 */
export const WORKBOOK_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "column-unrecognized",
  "rows-hidden",
  "row-not-read",
  "sheet-hidden",
  "goal-list-unread",
  "goal-heading-unread",
  "protected-sheet-unflagged",
  "owned-name-clash",
  "generated-table-edited",
  "period-unknown",
  "header-unrecognized",
  "formula-not-calculated",
  "nothing-recognised",
]);

export type GroupBy = "severity" | "goal";

export interface FindingsFilter {
  /**
   * "Visa anmärkningar för": `goal:<goal id>` (the goal and the goals below it), `unit:<label key>`
   * or `sheet:<sheet name>` (the findings on that sheet).
   */
  scope: string | null;
  /** "Vad måste jag skriva?": only the MUST_WRITE_CODES. */
  mustWrite: boolean;
  groupBy: GroupBy;
}

export const DEFAULT_FILTER: FindingsFilter = { scope: null, mustWrite: false, groupBy: "severity" };

/** The goals under each parent id (by `parent`), in model order. */
function goalChildren(goals: readonly Goal[]): Map<string, Goal[]> {
  const children = new Map<string, Goal[]>();
  for (const g of goals) {
    if (g.parent === null) continue;
    const list = children.get(g.parent) ?? [];
    list.push(g);
    children.set(g.parent, list);
  }
  return children;
}

/** The goal and every goal below it (by `parent`), as ids. Cycles in bad data cannot loop. */
export function goalAndDescendants(goals: Goal[], rootId: string): Set<string> {
  const children = goalChildren(goals);
  const out = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const child of children.get(id) ?? []) {
      if (!out.has(child.id)) {
        out.add(child.id);
        queue.push(child.id);
      }
    }
  }
  return out;
}

export interface ScopeOption {
  value: string;
  label: string;
  /** Indentation: the goals above it (goalDepth); 0 for units. */
  depth: number;
}

export interface ScopeOptions {
  goals: ScopeOption[];
  /** Verksamhetsområden and units: the budget rows that name one (`namesAreaOrUnit`). */
  units: ScopeOption[];
  resultUnits: ScopeOption[];
  /** The user's sheets with findings, in workbook order (sheetOptions). */
  sheets: ScopeOption[];
}

/**
 * A sheet scope's value is this and the sheet's name as it is. Read back by this prefix only: a
 * name may hold anything else (`goal:` or `unit:` too, from a file Excel did not write).
 */
const SHEET_SCOPE = "sheet:";

/** The sheet a `sheet:` scope names, or null for any other scope. */
export function scopeSheet(scope: string | null): string | null {
  return scope?.startsWith(SHEET_SCOPE) ? scope.slice(SHEET_SCOPE.length) : null;
}

/** Where the findings stand, for the sheet scopes: the check's findings and the user's sheets. */
export interface FindingsOnSheets {
  findings: readonly Finding[];
  /** The user's sheets in workbook order (userSheetNames). */
  sheets: readonly string[];
}

/** The user's sheets in workbook order, hidden ones too: not Målkoll's (isMalkollSheet). */
export function userSheetNames(snapshot: WorkbookSnapshot | null, state: MalkollState | null): string[] {
  return (snapshot?.sheets ?? []).map((s) => s.name).filter((name) => !isMalkollSheet(name, state));
}

/** The findings the filter lists: not the blocking and unreadable ones, listed before them. */
function listed(f: Finding): boolean {
  return !BLOCKING_CODES.has(f.code) && !UNREADABLE_CODES.has(f.code);
}

/**
 * The user's sheets that hold findings a sheet narrows (all but those that block judging), in
 * workbook order: a unit manager who owns one sheet of the nämnd's workbook (`Förskola`) sees that
 * sheet's notes. None when such findings stand on one sheet only, where the choice would leave out
 * nothing. Findings on a sheet not in `sheets` (Målkoll's own) offer none.
 */
function sheetOptions(on: FindingsOnSheets | undefined): ScopeOption[] {
  if (!on) return [];
  const withFindings = new Set(on.findings.filter((f) => !BLOCKING_CODES.has(f.code)).map((f) => f.sheet));
  const offered = [...new Set(on.sheets)].filter((name) => withFindings.has(name));
  if (offered.length < 2) return [];
  return offered.map((name) => ({ value: `${SHEET_SCOPE}${name}`, label: name, depth: 0 }));
}

function unitKey(line: BudgetLine): string {
  return `unit:${matchKey(line.label)}`;
}

/**
 * The budget rows that name an area or a unit (`namesAreaOrUnit`): not `varav` rows, parts of the
 * area above them (002 lines 1938–1942), nor a unit's own cost lines (`Lokalkostnader`).
 */
function unitOptions(lines: BudgetLine[]): ScopeOption[] {
  const seen = new Map<string, ScopeOption>();
  for (const line of lines) {
    if (!namesAreaOrUnit(line)) continue;
    const value = unitKey(line);
    if (value !== "unit:" && !seen.has(value)) seen.set(value, { value, label: line.label, depth: 0 });
  }
  return [...seen.values()];
}

/**
 * What "Visa anmärkningar för" offers: goals in their hierarchy, the nämnd's areas and units,
 * resultatenheter, and (given where the findings stand) the user's sheets.
 */
export function scopeOptions(model: Model, on?: FindingsOnSheets): ScopeOptions {
  const isResultUnit = (l: BudgetLine) => l.tableType === "resultatenheter";
  const byId = new Map(model.goals.map((g) => [g.id, g]));
  return {
    goals: goalsInTreeOrder(model.goals).map((g) => ({
      value: `goal:${g.id}`,
      label: goalLabel(g),
      depth: goalDepth(g, byId),
    })),
    units: unitOptions(model.budget.filter((l) => !isResultUnit(l) && l.tableType !== "investeringar")),
    resultUnits: unitOptions(model.budget.filter(isResultUnit)),
    sheets: sheetOptions(on),
  };
}

/**
 * The goals as a tree reads, for "Visa anmärkningar för": each goal right after its parent and its
 * parent's earlier children, the roots (no parent, or a parent not in the model) in model order.
 * In model order a goal whose parent stood on another sheet came after that sheet's goals, and its
 * indentation put it under a goal its parent's choice has nothing to do with. Goals no root reaches
 * (a cycle in bad data) follow, each first one in model order walked as a root, so none is lost.
 */
export function goalsInTreeOrder(goals: readonly Goal[]): Goal[] {
  const ids = new Set(goals.map((g) => g.id));
  // Goals under an id no goal has are never reached from it; a goal under itself is placed already.
  const children = goalChildren(goals);
  const out: Goal[] = [];
  const placed = new Set<string>();
  const walk = (root: Goal) => {
    const stack = [root];
    while (stack.length > 0) {
      const g = stack.pop() as Goal;
      if (placed.has(g.id)) continue;
      placed.add(g.id);
      out.push(g);
      const below = children.get(g.id) ?? [];
      for (let i = below.length - 1; i >= 0; i--) if (!placed.has(below[i].id)) stack.push(below[i]);
    }
  };
  for (const g of goals) if (g.parent === null || !ids.has(g.parent) || g.parent === g.id) walk(g);
  for (const g of goals) if (!placed.has(g.id)) walk(g);
  return out;
}

/** Sheet rows a finding concerns: its cell's row and every row of its range. */
function findingRows(f: Finding): [number, number] | null {
  const area = parseA1Range(f.range ?? f.cell);
  return area ? [area.row1, area.row2] : null;
}

/**
 * Whether the chosen scope is still offered after a (new) read: a goal, unit or sheet, the sheet
 * still with findings under the same name.
 */
export function scopeExists(scope: string | null, model: Model, on?: FindingsOnSheets): boolean {
  if (scope === null) return true;
  const options = scopeOptions(model, on);
  return [...options.goals, ...options.units, ...options.resultUnits, ...options.sheets].some(
    (o) => o.value === scope,
  );
}

/** The sheet rows of a unit scope's budget lines, each with the `varav` rows under it in its table. */
function unitRows(scope: string, budget: BudgetLine[]): Set<string> {
  const rows = new Set<string>();
  let area: BudgetLine | null = null;
  for (const line of budget) {
    if (line.kind !== "varav" || !area || area.tableId !== line.tableId) area = line;
    if (unitKey(area) === scope) rows.add(`${line.sheet}\u0000${line.row}`);
  }
  return rows;
}

function inScope(scope: string, model: Model): (f: Finding) => boolean {
  const sheet = scopeSheet(scope);
  if (sheet !== null) return (f) => f.sheet === sheet;
  if (scope.startsWith("goal:")) {
    const goals = goalAndDescendants(model.goals, scope.slice("goal:".length));
    return (f) => f.goal !== null && goals.has(f.goal);
  }
  const wanted = unitRows(scope, model.budget);
  return (f) => {
    const span = findingRows(f);
    if (!span) return false;
    for (let r = span[0]; r <= Math.min(span[1], span[0] + 50); r++)
      if (wanted.has(`${f.sheet}\u0000${r}`)) return true;
    return false;
  };
}

/** The findings that block judging, whatever the filter. */
export function blockingFindings(findings: Finding[]): Finding[] {
  return findings.filter((f) => BLOCKING_CODES.has(f.code));
}

/**
 * The blocks that could not be read, whatever goal or unit is chosen; under a sheet, the sheet's
 * own. A block on another sheet hides no table of this one: a unit manager on `Förskola` read
 * Ekonomi's unread blocks above their sheet's notes, counted in with them.
 */
export function unreadableFindings(findings: Finding[], scope: string | null = null): Finding[] {
  const sheet = scopeSheet(scope);
  return findings.filter((f) => UNREADABLE_CODES.has(f.code) && (sheet === null || f.sheet === sheet));
}

/** The findings the filter leaves, without the blocking and unreadable ones (they are listed apart). */
export function filterFindings(findings: Finding[], filter: FindingsFilter, model: Model): Finding[] {
  const scoped = filter.scope ? inScope(filter.scope, model) : () => true;
  return findings.filter(
    (f) => listed(f) && scoped(f) && (!filter.mustWrite || MUST_WRITE_CODES.has(f.code)),
  );
}

/**
 * Whether a finding among `findings` asks for an analysis on an `Analys` row under its row: its
 * table has no Analys column (nor a Kommentar read as one), so the analysis is not written in an
 * empty cell of the row itself. Only then does Vad måste jag skriva?'s hint say how such a row is
 * written.
 */
export function asksForAnalysisRow(findings: readonly Finding[]): boolean {
  return findings.some((f) => {
    const place = analysisPlaceOf(f);
    return place !== null && place !== "column";
  });
}

export interface FindingGroup {
  /**
   * Stable key: the severity, the goal id, `none` for findings without a goal, or `workbook` for
   * the WORKBOOK_CODES without a goal (a goal id always holds a `!`, so neither is one).
   */
  key: string;
  severity: Severity | null;
  goal: Goal | null;
  findings: Finding[];
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/**
 * Groups keep the findings' order; goal groups follow the goals as a tree reads (as "Visa
 * anmärkningar för" lists them), then `none`, then `workbook`.
 */
export function groupFindings(findings: Finding[], by: GroupBy, goals: Goal[]): FindingGroup[] {
  if (by === "severity") {
    return SEVERITIES.map((severity) => ({
      key: severity,
      severity,
      goal: null,
      findings: findings.filter((f) => f.severity === severity),
    })).filter((g) => g.findings.length > 0);
  }
  const byGoal = new Map<string, Finding[]>();
  const goalIds = new Set(goals.map((g) => g.id));
  for (const f of findings) {
    const key =
      f.goal !== null && goalIds.has(f.goal) ? f.goal : WORKBOOK_CODES.has(f.code) ? "workbook" : "none";
    const list = byGoal.get(key) ?? [];
    list.push(f);
    byGoal.set(key, list);
  }
  const groups: FindingGroup[] = goalsInTreeOrder(goals)
    .filter((g) => byGoal.has(g.id))
    .map((g) => ({ key: g.id, severity: null, goal: g, findings: byGoal.get(g.id) as Finding[] }));
  const loose = byGoal.get("none");
  if (loose) groups.push({ key: "none", severity: null, goal: null, findings: loose });
  const about = byGoal.get("workbook");
  if (about) groups.push({ key: "workbook", severity: null, goal: null, findings: about });
  return groups;
}

/** Goal label for lists: number and title. */
export function goalLabel(goal: Goal): string {
  return goal.number ? `${goal.number} ${goal.title}` : goal.title;
}

/**
 * A goal's indentation in "Visa anmärkningar för": how many goals it lies below (by `parent`), so
 * the list nests exactly as a choice narrows. Not its level: a KF mål with no inriktningsmål above
 * it (a unit's second sheet starts at `3.2`) indented as a KF mål sat under the inriktningsmål
 * listed before it, which its choice does not include. Cycles in bad data cannot loop.
 */
export function goalDepth(goal: Goal, byId: ReadonlyMap<string, Goal>): number {
  const seen = new Set<string>([goal.id]);
  let depth = 0;
  for (let up = goal.parent; up !== null && !seen.has(up);) {
    const parent = byId.get(up);
    if (!parent) break;
    seen.add(up);
    depth++;
    up = parent.parent;
  }
  return depth;
}

export type HiddenAs = Exclude<SheetVisibility, "visible">;

/**
 * The sheets the last read found hidden or very hidden, by name. Excel activates and selects
 * nothing on them (it refuses), so the pane says how to show such a sheet instead of going to a cell.
 */
export function hiddenSheets(snapshot: WorkbookSnapshot | null): ReadonlyMap<string, HiddenAs> {
  const hidden = new Map<string, HiddenAs>();
  for (const sheet of snapshot?.sheets ?? [])
    if (sheet.visibility !== "visible") hidden.set(sheet.name, sheet.visibility);
  return hidden;
}

/** A cell the last read found in a hidden row, a hidden column, or both. */
export type HiddenCell = "row" | "column" | "both";

/** Where a finding's cell is hidden on its (shown) sheet: Excel selects it, and shows nothing. */
export type HiddenCells = (sheet: string, cell: string) => HiddenCell | null;

/** The hidden rows and columns the last read found, as a lookup for a finding's cell. */
export function hiddenCells(snapshot: WorkbookSnapshot | null): HiddenCells {
  const bySheet = new Map<string, { rows: Set<number>; columns: Set<number> }>();
  for (const sheet of snapshot?.sheets ?? [])
    if (sheet.hiddenRows?.length || sheet.hiddenColumns?.length)
      bySheet.set(sheet.name, { rows: new Set(sheet.hiddenRows), columns: new Set(sheet.hiddenColumns) });
  return (sheet, cell) => {
    const hidden = bySheet.get(sheet);
    const at = hidden ? parseA1(cell) : null;
    if (!hidden || !at) return null;
    const row = hidden.rows.has(at.row);
    const column = hidden.columns.has(at.col);
    return row && column ? "both" : row ? "row" : column ? "column" : null;
  };
}
