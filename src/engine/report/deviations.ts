/**
 * `avvikelser`: every indicator short of a target, every activity marked Avvikelse, and every row
 * a finding points at — one row each, with a link to the source cell and the analysis (or
 * `Analys saknas`). Findings that belong to no row (goal assessments, tables, the period) follow
 * as rows of their own, so nothing the report must explain is left out: not a column left unread.
 */
import type { Finding, FindingCode, Severity } from "../findings";
import { decimalsFor } from "../evaluate/amounts";
import { judgedField } from "../evaluate/indicators";
import { a1, cellRef, parseA1 } from "../grid";
import type { BudgetLine, Indicator, KfStatus } from "../model/types";
import type { ReportContext } from "./context";
import { findingRow, groupOf, sheetTitle } from "./context";
import { figureUnit, goalName, shownText, statusLabel, svNumber } from "./format";
import type { ColumnSpec, Row } from "./layout";
import { SheetBuilder } from "./layout";
import { ANALYSIS_MISSING } from "./look";
import type { OutCell, SheetSpec, StatusTone } from "./spec";
import { linkCell, SharedCells, textCell } from "./spec";

export const DEVIATION_HEADERS = ["Typ", "Var", "Mål", "Vad avviker", "Analys", "Allvar"];

const COLUMNS: ColumnSpec[] = [
  { kind: "fit" },
  { kind: "label", max: 90 },
  { kind: "text", min: 90, weight: 1 },
  { kind: "text", min: 160, weight: 3 },
  { kind: "text", min: 160, weight: 3 },
  { kind: "fit" },
];

const SEVERITY_TEXT: Record<Severity, { text: string; tone: StatusTone; rank: number }> = {
  error: { text: "▲ Fel", tone: "bad", rank: 0 },
  warning: { text: "◆ Varning", tone: "partial", rank: 1 },
  info: { text: "○ Info", tone: "neutral", rank: 2 },
};

const TYPE_ORDER = { Indikator: 0, Aktivitet: 1, Budget: 2, Mål: 3, Övrigt: 4 } as const;
type DeviationType = keyof typeof TYPE_ORDER;

function rowOf(cell: string): number {
  // The model's addresses are plain A1 (`B12`): the row is the digits at the end.
  let row = 0;
  let scale = 1;
  let i = cell.length - 1;
  for (; i >= 0; i--) {
    const code = cell.charCodeAt(i);
    if (code < 48 || code > 57) break;
    row += (code - 48) * scale;
    scale *= 10;
  }
  let plain = i >= 0 && i <= 2 && i < cell.length - 1 && cell.length - 1 - i <= 7;
  for (let k = 0; plain && k <= i; k++) plain = cell.charCodeAt(k) >= 65 && cell.charCodeAt(k) <= 90;
  return plain ? row : (parseA1(cell)?.row ?? 0);
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * The first finding (a position in the findings) on each row of one sheet, -1 for none: an array
 * by row for a sheet's rows (thousands of items each ask for theirs, where a Map hashed each row),
 * a Map for rows past the last a sheet can have.
 */
class RowHeads {
  private readonly byRow: Int32Array;
  private readonly beyond = new Map<number, number>();

  constructor(lastRow: number) {
    this.byRow = new Int32Array(Math.min(lastRow, MAX_SHEET_ROW) + 1).fill(-1);
  }

  get(row: number): number {
    if (row < this.byRow.length) return this.byRow[row];
    return this.beyond.get(row) ?? -1;
  }

  set(row: number, first: number): void {
    if (row < this.byRow.length) this.byRow[row] = first;
    else this.beyond.set(row, first);
  }
}

/** Excel's last row. */
const MAX_SHEET_ROW = 1_048_576;

/** Findings indexed by sheet and row, each used once. */
class FindingIndex {
  /**
   * By sheet name, the first of each row's findings; each finding's `next` is its row's next one,
   * or -1. Chained rather than listed: thousands of rows hold one finding each, and an array each
   * cost more than the findings.
   */
  private bySheetRow = new Map<string, RowHeads>();
  private next: Int32Array;
  /** 1 for each finding (by position) an item has taken. */
  private used: Uint8Array;

  constructor(private readonly findings: Finding[]) {
    this.used = new Uint8Array(findings.length);
    this.next = new Int32Array(findings.length);
    const rows = new Int32Array(findings.length);
    const lastRows = new Map<string, number>();
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      const row = f.range && f.code === "outcome-missing" ? (findingRow(f) ?? 0) : rowOf(f.cell);
      rows[i] = row;
      const sheet = String(f.sheet);
      if (row > (lastRows.get(sheet) ?? -1)) lastRows.set(sheet, row);
    }
    for (const [sheet, lastRow] of lastRows) this.bySheetRow.set(sheet, new RowHeads(lastRow));
    // From the last: each finding goes before the ones after it on its row.
    for (let i = findings.length - 1; i >= 0; i--) {
      const byRow = this.bySheetRow.get(String(findings[i].sheet)) as RowHeads;
      this.next[i] = byRow.get(rows[i]);
      byRow.set(rows[i], i);
    }
  }

  /**
   * Findings on the item's row or on any of its cells (an analysis cell may sit below the row), by
   * row. Most items have none: that case allocates nothing (the empty result is shared, read-only).
   */
  take(sheet: string, row: number, cells: Partial<Record<string, string>>): readonly Finding[] {
    const byRow = this.bySheetRow.get(String(sheet));
    if (!byRow) return NO_FINDINGS;
    // Rows of the item's other cells that hold findings.
    let others: number[] | null = null;
    for (const key in cells) {
      const c = cells[key];
      if (!c) continue;
      const r = rowOf(c);
      if (r !== row && byRow.get(r) >= 0 && !(others ??= []).includes(r)) others.push(r);
    }
    let out: Finding[] | null = null;
    if (others === null) {
      for (let i = byRow.get(row); i >= 0; i = this.next[i]) out = this.use(i, out);
      return out ?? NO_FINDINGS;
    }
    others.push(row);
    others.sort((a, b) => a - b);
    for (const r of others)
      for (let i = byRow.get(r); i >= 0; i = this.next[i])
        if (r === row || hasCell(cells, this.findings[i].cell)) out = this.use(i, out);
    return out ?? NO_FINDINGS;
  }

  /** Finding `i` added to `out` and marked used, unless an item took it before. */
  private use(i: number, out: Finding[] | null): Finding[] | null {
    if (this.used[i]) return out;
    this.used[i] = 1;
    // Made with its first finding: an array grown from empty by push reserves 17 places.
    if (out === null) return [this.findings[i]];
    out.push(this.findings[i]);
    return out;
  }

  /** The findings no item took, in their order. */
  rest(): Finding[] {
    return this.findings.filter((_, i) => !this.used[i]);
  }
}

function hasCell(cells: Partial<Record<string, string>>, cell: string): boolean {
  for (const key in cells) if (cells[key] === cell) return true;
  return false;
}

/** A target as the sentence shows it (`max 10 %`), as pieces onto `parts`. */
function pushTarget(
  parts: string[],
  kind: Indicator["targetKind"],
  target: number | null,
  text: string | null,
  unit: string | null,
  decimals: number | undefined,
): void {
  if ((kind === "value" || kind === "min" || kind === "max") && target !== null) {
    if (kind !== "value") parts.push(kind === "max" ? "max " : "minst ");
    parts.push(svNumber(target, unit, decimals));
  } else parts.push(text ?? "–");
}

/** Whether a status is short of its target. */
function deviating(status: KfStatus): boolean {
  return status === "not-met" || status === "partly-met";
}

/** The cell of the figure the status was judged on, as {@link pushIndicatorWhat} names it. */
function judgedCell(ind: Indicator): string | undefined {
  return ind.cells[judgedField(ind)];
}

/** What deviates, as pieces onto `parts`: sentences each led by a space (none when it meets its targets). */
function pushIndicatorWhat(parts: string[], ind: Indicator): void {
  const short = deviating(ind.status);
  const kfShort = deviating(ind.kfStatus);
  if (!short && !kfShort) return;
  const onOutcome = judgedField(ind) === "outcome";
  const basisValue = onOutcome ? ind.outcome : ind.forecast;
  const basis = onOutcome ? " Utfall " : " Prognos ";
  const field = onOutcome ? "outcome" : "forecast";
  const shown =
    basisValue === null ? "saknas" : svNumber(basisValue, figureUnit(ind, field), ind.decimals?.[field]);
  if (short) {
    parts.push(" ", statusLabel(ind.status).text, " mot årsmål:", basis, shown, " mot ");
    pushTarget(
      parts,
      ind.targetKind,
      ind.target,
      ind.targetText,
      figureUnit(ind, "target"),
      ind.decimals?.target,
    );
    if (ind.targetKind === "increase") pushPrevious(parts, ind);
    parts.push(".");
  }
  if (kfShort) {
    parts.push(" ", statusLabel(ind.kfStatus).text, " mot KF:s årsmål:", basis, shown, " mot ");
    const unit = figureUnit(ind, "kfTarget");
    pushTarget(parts, ind.kfTargetKind, ind.kfTarget, ind.kfTargetText, unit, ind.decimals?.kfTarget);
    if (ind.kfTargetKind === "increase") pushPrevious(parts, ind);
    parts.push(".");
  }
}

/**
 * What an `öka` target is judged against, the previous period's figure, after the target as
 * written (`öka`, `Högre`, `Ökning`): `öka (föregående period 93 %)`.
 */
function pushPrevious(parts: string[], ind: Indicator): void {
  if (ind.previous === null) return;
  const previous = svNumber(ind.previous, figureUnit(ind, "previous"), ind.decimals?.previous);
  parts.push(" (föregående period ", previous, ")");
}

/**
 * A row's text from its `parts` (`Name:` and what deviates), with the findings' messages, each led
 * by a space and without the name the row starts with ({@link pushWithoutName}). Joined, not
 * concatenated: one flat string, where `+` leaves a tree of pieces that thousands of rows keep
 * alive until the layout walks the text and flattens it.
 */
function whatText(parts: string[], name: string, findings: readonly Finding[]): string {
  for (let i = 0; i < findings.length; i++) {
    parts.push(" ");
    pushWithoutName(parts, findings[i].message, name);
  }
  return parts.join("");
}

/**
 * The start of a row's text: the item's name and a colon, or the name alone where it ends a sentence
 * (an activity's `… för målgrupperna.`), which the colon would follow as `målgrupperna.:`.
 */
function leadParts(name: string): string[] {
  return /[.!?:]$/.test(name) ? [name] : [name, ":"];
}

/** Words a message names its item by before the quoted name (`Aktiviteten ”…” slutar …`). */
const ITEM_WORDS = ["Aktiviteten ", "aktiviteten ", "Indikatorn ", "indikatorn "];

/** Where `message` first quotes `name` (`”name”`), at the opening quote; -1 where it does not. */
function quotedAt(message: string, name: string): number {
  for (let at = message.indexOf(name, 1); at > 0 && at < message.length; at = message.indexOf(name, at + 1))
    if (message.charCodeAt(at - 1) === QUOTE && message.charCodeAt(at + name.length) === QUOTE) return at - 1;
  return -1;
}

const QUOTE = 0x201d; // ”

/** Upper-cased first letters (`toLocaleUpperCase("sv")`, which asks the locale data each call), by letter. */
const upperLetters = new Map<string, string>();

function upperLetter(letter: string): string {
  let upper = upperLetters.get(letter);
  if (upper === undefined) upperLetters.set(letter, (upper = letter.toLocaleUpperCase("sv")));
  return upper;
}

/**
 * A finding's message, as pieces onto `parts`, without the item's quoted name where the row
 * names it already: `”Name”: utfallet …` and `”Name” avviker …` lose it and start with a capital,
 * `Utfall saknas för ”Name” (…)` and `Aktiviteten ”Name” är …` read on without it. A message that
 * quotes the name otherwise keeps it.
 */
function pushWithoutName(parts: string[], message: string, name: string): void {
  const at = quotedAt(message, name);
  if (at < 0) {
    parts.push(message);
    return;
  }
  const end = at + name.length + 2;
  if (at === 0) {
    // `”Name”: rest` or `”Name” rest`; `”Name” (Budget): rest` keeps what the parenthesis says.
    const next = message.charCodeAt(end);
    const from = next === 58 /* : */ ? end + 1 : next === 32 /* space */ ? end : -1;
    const rest = from < 0 ? "" : message.slice(from).trimStart();
    if (rest === "" || rest.startsWith("(")) {
      parts.push(message);
      return;
    }
    parts.push(upperLetter(rest.charAt(0)), rest.slice(1));
    return;
  }
  if (at >= 5 && message.startsWith(" för ", at - 5)) {
    parts.push(message.slice(0, at - 5), message.slice(end));
    return;
  }
  for (const word of ITEM_WORDS)
    if (at >= word.length && message.startsWith(word, at - word.length)) {
      parts.push(message.slice(0, at - 1), message.slice(end));
      return;
    }
  parts.push(message);
}

function indicatorRows(ctx: ReportContext, index: FindingIndex, rows: DeviationRows): void {
  const { indicators } = ctx.result.model;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    const findings = index.take(ind.sheet, ind.row, ind.cells);
    const deviates = deviating(ind.status) || deviating(ind.kfStatus);
    if (!deviates && !findings.length) continue;
    // Var points at an error to mend first, else at what the row names first: the judged figure
    // when it misses its target, then the first finding.
    const cell =
      findings.find((f) => f.severity === "error")?.cell ??
      (deviates ? judgedCell(ind) : undefined) ??
      findings[0]?.cell ??
      ind.cells.forecast ??
      ind.cells.outcome ??
      ind.cells.name ??
      a1(ind.row, 1);
    const parts = leadParts(ind.name);
    pushIndicatorWhat(parts, ind);
    const what = whatText(parts, ind.name, findings);
    rows.add(
      "Indikator",
      ind.sheet,
      cell,
      ind.goal,
      what,
      rows.analysisCell(ind.analysis, deviates),
      findings,
    );
  }
}

function activityRows(ctx: ReportContext, index: FindingIndex, rows: DeviationRows): void {
  const { activities } = ctx.result.model;
  for (let i = 0; i < activities.length; i++) {
    const act = activities[i];
    const findings = index.take(act.sheet, act.row, act.cells);
    if (!act.deviation && !findings.length) continue;
    const cell = findings[0]?.cell ?? act.cells.deviation ?? act.cells.name ?? a1(act.row, 1);
    const parts = leadParts(act.name);
    if (act.deviation) parts.push(" Markerad med avvikelse.");
    const what = whatText(parts, act.name, findings);
    rows.add(
      "Aktivitet",
      act.sheet,
      cell,
      act.goal,
      what,
      rows.analysisCell(act.analysis, act.deviation),
      findings,
    );
  }
}

function budgetRows(ctx: ReportContext, index: FindingIndex, rows: DeviationRows): void {
  const { budget } = ctx.result.model;
  /** Labels a table has more than once (`Äldreomsorg` under each avdelning), by table. */
  let repeated: Map<string, Set<string>> | null = null;
  for (let i = 0; i < budget.length; i++) {
    const line = budget[i];
    const findings = index.take(line.sheet, line.row, line.cells);
    if (!findings.length) continue;
    repeated ??= repeatedLabels(budget);
    const group = repeated.get(line.tableId)?.has(line.label) ? groupOf(ctx, line, budget) : null;
    budgetRow(line, group, findings, rows);
  }
}

function repeatedLabels(budget: readonly BudgetLine[]): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  const repeated = new Map<string, Set<string>>();
  for (const line of budget) {
    let labels = seen.get(line.tableId);
    if (!labels) seen.set(line.tableId, (labels = new Set()));
    if (!labels.has(line.label)) labels.add(line.label);
    else {
      let twice = repeated.get(line.tableId);
      if (!twice) repeated.set(line.tableId, (twice = new Set()));
      twice.add(line.label);
    }
  }
  return repeated;
}

/** What an `analysis-missing` message says after `saknar analys`: where the analysis goes (`: radens cell …`). */
function missingWhere(message: string): string {
  const at = message.indexOf(" saknar analys");
  return at < 0 ? "." : message.slice(at + " saknar analys".length);
}

/** A budget line's row; `group` names its group where its table has its label more than once. */
function budgetRow(
  line: BudgetLine,
  group: string | null,
  findings: readonly Finding[],
  rows: DeviationRows,
): void {
  const parts = leadParts(group ? `${line.label} (${group})` : line.label);
  // A large deviation says the amount, its way and share once (`Stor budgetavvikelse: -0,7 mnkr
  // (underskott, 1,1 % av budget).`), and its missing analysis then only where it goes.
  const large = findings.find((f) => f.code === "budget-deviation-large");
  const missing = large && findings.find((f) => f.code === "analysis-missing");
  let rest = findings;
  if (large) {
    parts.push(" ");
    pushWithoutName(parts, large.message, line.label);
    if (missing) parts.push(" Analysen saknas", missingWhere(missing.message));
    rest = findings.filter((f) => f !== large && f !== missing);
  } else if (line.deviation !== null)
    parts.push(" Avvikelse ", svNumber(line.deviation, line.unit, decimalsFor(line.unit)), ".");
  const what = whatText(parts, line.label, rest);
  const analysis = rows.analysisCell(
    line.analysis,
    findings.some((f) => f.code === "analysis-missing"),
  );
  rows.add("Budget", line.sheet, findings[0].cell, null, what, analysis, findings);
}

/**
 * Findings about how the workbook was read that a report has nothing to explain by: no row of
 * their own. A column nothing reads (`Ansvarig`), and rows or sheets the user hid, stay in the
 * check's list and on their cell. A
 * block, a row or formulas not read, or no period, do get a row: the tables may lack what they hold.
 */
const READING_NOTES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "column-unrecognized",
  "rows-hidden",
  "sheet-hidden",
  "goal-list-unread",
]);

/** Findings no item took (goal assessments, tables, the period): rows of their own, without analysis. */
function otherRows(findings: Finding[], rows: DeviationRows): void {
  for (const f of findings)
    if (!READING_NOTES.has(f.code))
      rows.add(f.goal ? "Mål" : "Övrigt", f.sheet, f.cell, f.goal, f.message, null, [f]);
}

/** The sheet's columns (0-based) whose cells repeat down it. */
const TYPE_COLUMN = 0;
const GOAL_COLUMN = 2;
const ANALYSIS_COLUMN = 4;
const SEVERITY_COLUMN = 5;

/** A plan's columns: no Analys (a plan has no analyses; it would say `– Ingen analys` on every row). */
const PLAN_COLUMNS: ColumnSpec[] = COLUMNS.filter((_, i) => i !== ANALYSIS_COLUMN);
const PLAN_HEADERS = DEVIATION_HEADERS.filter((_, i) => i !== ANALYSIS_COLUMN);

function severityCell(findings: readonly Finding[], shared: SharedCells): OutCell {
  if (!findings.length) return shared.text(SEVERITY_COLUMN, "–");
  // The first of the worst (the severities' ranks are distinct).
  let worst = SEVERITY_TEXT[findings[0].severity];
  for (let i = 1; i < findings.length; i++) {
    const next = SEVERITY_TEXT[findings[i].severity];
    if (next.rank < worst.rank) worst = next;
  }
  return shared.status(SEVERITY_COLUMN, worst.text, worst.tone);
}

/**
 * The sheet's rows, made as the items are met rather than kept as records until sorted, with what
 * they are sorted by: the sheet, then the cell's row, column and the type in one number (rows have
 * at most 7 digits, columns 3 letters).
 */
class DeviationRows {
  private readonly rows: Row[] = [];
  private readonly sheetKeys: number[] = [];
  private readonly positionKeys: number[] = [];
  private readonly shared = new SharedCells();
  /** A sheet's name as a reference quotes it (`'VB 2020'!`), made once per sheet for thousands of rows. */
  private readonly prefixes = new Map<string, string>();
  /** Thousands of rows name a few hundred goals. */
  private readonly goalCells = new Map<string, OutCell | null>();

  /** `plan`: a plan's rows, without the Analys column. */
  constructor(
    private readonly ctx: ReportContext,
    private readonly plan: boolean,
  ) {}

  get length(): number {
    return this.rows.length;
  }

  add(
    type: DeviationType,
    sheet: string,
    cell: string,
    goal: string | null,
    what: string,
    analysis: OutCell | null,
    findings: readonly Finding[],
  ): void {
    const at = parseA1(cell);
    this.sheetKeys.push(this.ctx.sheetIndex(sheet));
    this.positionKeys.push(((at?.row ?? 0) * 32_768 + (at?.col ?? 0)) * 8 + TYPE_ORDER[type]);
    const typeCell = this.shared.text(TYPE_COLUMN, type);
    const link = linkCell(`${this.sheetPrefix(sheet)}${cell}`, { sheet, cell });
    const goalCell = goal ? this.goalCell(goal) : null;
    const severity = severityCell(findings, this.shared);
    this.rows.push(
      this.plan
        ? [typeCell, link, goalCell, textCell(what), severity]
        : [typeCell, link, goalCell, textCell(what), analysis, severity],
    );
  }

  private sheetPrefix(sheet: string): string {
    let prefix = this.prefixes.get(sheet);
    if (prefix === undefined) this.prefixes.set(sheet, (prefix = cellRef(sheet, "")));
    return prefix;
  }

  /** An item's analysis, or that it has none (`Analys saknas` where a missing one is a problem). */
  analysisCell(analysis: string | null, needed: boolean): OutCell | null {
    // A plan's rows have no Analys column: no cell is made to be left out.
    if (this.plan) return null;
    if (analysis) return this.shared.text(ANALYSIS_COLUMN, shownText(analysis));
    return needed
      ? this.shared.status(ANALYSIS_COLUMN, ANALYSIS_MISSING.text, ANALYSIS_MISSING.tone)
      : this.shared.status(ANALYSIS_COLUMN, "– Ingen analys", "neutral");
  }

  private goalCell(goal: string): OutCell | null {
    let cell = this.goalCells.get(goal);
    if (cell === undefined) {
      const found = this.ctx.goalsById.get(goal);
      this.goalCells.set(
        goal,
        (cell = found ? this.shared.text(GOAL_COLUMN, goalName(found, this.ctx.writtenNumber(found))) : null),
      );
    }
    return cell;
  }

  /** The rows by sheet, then row, column and type; ties keep their order. */
  sorted(): Row[] {
    const { rows, sheetKeys, positionKeys } = this;
    const order = rows.map((_, i) => i);
    order.sort((a, b) => sheetKeys[a] - sheetKeys[b] || positionKeys[a] - positionKeys[b] || a - b);
    return order.map((i) => rows[i]);
  }
}

export function buildDeviationSheet(ctx: ReportContext): SheetSpec {
  const plan = ctx.result.model.period.kind === "VP";
  const sheet = new SheetBuilder("avvikelser", plan ? PLAN_COLUMNS : COLUMNS);
  sheet.heading(sheetTitle(ctx, "Avvikelser"), ctx.note);
  const index = new FindingIndex(ctx.result.findings);
  const rows = new DeviationRows(ctx, plan);
  indicatorRows(ctx, index, rows);
  activityRows(ctx, index, rows);
  budgetRows(ctx, index, rows);
  otherRows(index.rest(), rows);
  if (!rows.length) {
    sheet.text("Inga avvikelser.");
    return sheet.build();
  }
  const headers = plan ? PLAN_HEADERS : DEVIATION_HEADERS;
  sheet.freezeRows(sheet.startTable(headers.map((value) => textCell(value, "header"))));
  for (const row of rows.sorted()) sheet.add(row);
  return sheet.build();
}
