import type { CellValue, SheetGrid, WorkbookSnapshot } from "../grid";
import { a1, formatAt } from "../grid";
import type { Finding } from "../findings";
import { finding } from "../findings";
import { parseDateCell } from "../parse/date";
import { comparePeriods, parsePeriodicity, parsePeriodText, yearOf } from "../parse/period";
import type { ParsedPeriod } from "../parse/period";
import { parseQuantityCell } from "../parse/quantity";
import { parseTargetCell } from "../parse/target";
import { cleanText, matchKey, stripLeadingSymbols, stripTags } from "../parse/text";
import { headerKey } from "../recognise/headers";
import { isOutcomeHeader } from "../recognise/tables";
import { LEVEL_RANK } from "../recognise/goals";
import type {
  ColumnRole,
  GoalHeading,
  Recognition,
  RecognisedRow,
  RecognisedTable,
} from "../recognise/types";
import type { DirectionOverride } from "../state";
import { assignGoals } from "./attach";
import type { BudgetAmountField, FieldLabel } from "./labels";
import { BUDGET_FIELD_LABELS, INDICATOR_FIELD_LABELS } from "./labels";
import type {
  Activity,
  BudgetKind,
  BudgetLine,
  CellRefs,
  Direction,
  Goal,
  Indicator,
  Model,
  Period,
  PeriodKind,
  TargetKind,
} from "./types";

export interface BuildOptions {
  period: { kind: PeriodKind; year: number | null } | null;
  /** Only periods of this year count when the period is read from the workbook. */
  year?: number | null;
  /** The workbook's first sheet (findings about the whole file point at its A1), when not in `snapshot`. */
  firstSheet?: string;
  directions: DirectionOverride[];
}

interface Ctx {
  snapshot: WorkbookSnapshot;
  sheets: Map<string, SheetGrid>;
  findings: Finding[];
}

/** Builds the model from recognised tables, parsing every value; unreadable values become findings. */
export function buildModel(
  snapshot: WorkbookSnapshot,
  recognition: Recognition,
  options: BuildOptions,
): { model: Model; findings: Finding[] } {
  const ctx: Ctx = { snapshot, sheets: new Map(snapshot.sheets.map((s) => [s.name, s])), findings: [] };
  const goals = buildGoals(recognition.goals);
  const indicators: Indicator[] = [];
  const activities: Activity[] = [];
  const budget: BudgetLine[] = [];

  for (const table of recognition.tables) {
    switch (table.type) {
      case "indicators-followup":
      case "indicators-plan":
        for (const row of table.rows) indicators.push(readIndicator(ctx, table, row, options.directions));
        break;
      case "activities":
        for (const row of table.rows) activities.push(readActivity(ctx, table, row));
        break;
      default:
        for (const row of table.rows) {
          const line = readBudgetLine(ctx, table, row);
          if (line) budget.push(line);
        }
    }
  }

  for (const block of recognition.unrecognised) {
    ctx.findings.push(
      finding({
        code: "header-unrecognized",
        sheet: block.sheet,
        cell: block.cell,
        range: block.range,
        message: `Ser ut som en tabell men kolumnerna kunde inte tolkas: ${block.headers
          .filter(Boolean)
          .map((h) => `”${h}”`)
          .join(", ")}. Ange tabelltyp och kolumner under Läs in.`,
        messageEn: `Looks like a table but its columns could not be mapped: ${block.headers
          .filter(Boolean)
          .map((h) => `"${h}"`)
          .join(", ")}. Set the table type and columns under Read.`,
      }),
    );
  }
  assignGoals(snapshot, goals, indicators, activities);
  const period = resolvePeriod(ctx, recognition, options.period, options.year ?? null, options.firstSheet);
  return {
    model: { workbook: snapshot.name, period, goals, indicators, activities, budget },
    findings: ctx.findings,
  };
}

function buildGoals(headings: GoalHeading[]): Goal[] {
  const goals: Goal[] = [];
  const open: GoalHeading[] = [];
  let currentSheet = "";
  for (const h of headings) {
    if (h.sheet !== currentSheet) {
      open.length = 0;
      currentSheet = h.sheet;
    }
    while (open.length && LEVEL_RANK[open[open.length - 1].level] >= LEVEL_RANK[h.level]) open.pop();
    const parent = open.length ? open[open.length - 1].id : null;
    open.push(h);
    goals.push({
      id: h.id,
      parent,
      level: h.level,
      number: h.number,
      title: h.title,
      sheet: h.sheet,
      row: h.row,
      statedAssessment: h.assessment,
      suggestedAssessment: null,
      counts: { met: 0, partlyMet: 0, notMet: 0, notMeasured: 0, activitiesWithDeviation: 0, activities: 0 },
      assessmentCell: h.assessmentCell,
    });
  }
  return goals;
}

function columnOf(table: RecognisedTable, role: ColumnRole): number | null {
  return table.columns.find((c) => c.role === role)?.col ?? null;
}

function cellValue(table: RecognisedTable, row: RecognisedRow, col: number | null): CellValue {
  if (col === null) return null;
  return row.values[col - table.firstCol] ?? null;
}

function refs(table: RecognisedTable, row: RecognisedRow, roles: ColumnRole[]): CellRefs {
  const out: CellRefs = {};
  for (const role of roles) {
    const col = columnOf(table, role);
    if (col !== null) out[role] = a1(row.row, col);
  }
  return out;
}

/** The row's Analys cell, else the Analys row recognised under it. */
function readAnalysis(table: RecognisedTable, row: RecognisedRow): string | null {
  return (
    cleanText(String(cellValue(table, row, columnOf(table, "analysis")) ?? "")) || row.analysis?.text || null
  );
}

function displayName(value: CellValue): string {
  return stripLeadingSymbols(
    cleanText(stripTags(typeof value === "string" ? value : value === null ? "" : String(value))),
  );
}

const VALUE_LABEL: FieldLabel = { sv: "Värdet", en: "The value" };

function roleLabel(role: ColumnRole): FieldLabel {
  return role in INDICATOR_FIELD_LABELS
    ? INDICATOR_FIELD_LABELS[role as keyof typeof INDICATOR_FIELD_LABELS]
    : VALUE_LABEL;
}

function unparseable(
  ctx: Ctx,
  table: RecognisedTable,
  row: number,
  col: number,
  what: FieldLabel,
  text: string,
  subject: string,
) {
  ctx.findings.push(
    finding({
      code: "value-unparseable",
      sheet: table.sheet,
      cell: a1(row, col),
      message: `${what.sv} för ”${subject}” går inte att läsa som ett värde: ”${text}”.`,
      messageEn: `${what.en} of "${subject}" cannot be read as a value: "${text}".`,
    }),
  );
}

/** `-`, `–`, `..` and `x` stand for "no value" in the reports. */
function isDash(text: string): boolean {
  return /^([-–—.]+|x|n\/a|saknas|ej aktuellt)$/i.test(text);
}

function readNumber(
  ctx: Ctx,
  table: RecognisedTable,
  row: RecognisedRow,
  role: ColumnRole,
  subject: string,
  label: FieldLabel = roleLabel(role),
): { value: number | null; unit: string | null; decimals: number } {
  const col = columnOf(table, role);
  const raw = cellValue(table, row, col);
  if (col === null) return { value: null, unit: null, decimals: 0 };
  const sheet = ctx.sheets.get(table.sheet);
  const parsed = parseQuantityCell(raw, sheet ? formatAt(sheet, row.row, col) : null);
  if (parsed.kind === "quantity") return { ...parsed.quantity };
  if (parsed.kind === "error" || (parsed.kind === "text" && !isDash(parsed.text))) {
    unparseable(ctx, table, row.row, col, label, parsed.text, subject);
  }
  return { value: null, unit: null, decimals: 0 };
}

function readTarget(
  ctx: Ctx,
  table: RecognisedTable,
  row: RecognisedRow,
  role: "target" | "kfTarget",
  subject: string,
) {
  const col = columnOf(table, role);
  const none = { kind: "none" as TargetKind, value: null, unit: null, text: null, decimals: 0 };
  if (col === null) return none;
  const sheet = ctx.sheets.get(table.sheet);
  const result = parseTargetCell(cellValue(table, row, col), sheet ? formatAt(sheet, row.row, col) : null);
  if (result.ok) return result.target;
  unparseable(ctx, table, row.row, col, INDICATOR_FIELD_LABELS[role], result.text, subject);
  return { ...none, text: result.text };
}

const DIRECTION_WORDS: Record<string, Direction> = {
  hogre: "higher",
  hogrearbattre: "higher",
  hog: "higher",
  higher: "higher",
  up: "higher",
  okande: "higher",
  "+": "higher",
  lagre: "lower",
  lagrearbattre: "lower",
  lag: "lower",
  lower: "lower",
  down: "lower",
  minskande: "lower",
  "-": "lower",
  band: "band",
  intervall: "band",
  max: "max",
  tak: "max",
  oka: "increase",
  increase: "increase",
};

export function parseDirection(text: string): Direction | null {
  const key = matchKey(text);
  if (!key) return text.trim() === "+" ? "higher" : text.trim() === "-" ? "lower" : null;
  return DIRECTION_WORDS[key] ?? null;
}

function readIndicator(
  ctx: Ctx,
  table: RecognisedTable,
  row: RecognisedRow,
  overrides: DirectionOverride[],
): Indicator {
  const name = displayName(cellValue(table, row, columnOf(table, "name")));
  const outcome = readNumber(ctx, table, row, "outcome", name);
  const outcomeMen = readNumber(ctx, table, row, "outcomeMen", name);
  const outcomeWomen = readNumber(ctx, table, row, "outcomeWomen", name);
  const previous = readNumber(ctx, table, row, "previous", name);
  const forecast = readNumber(ctx, table, row, "forecast", name);
  const target = readTarget(ctx, table, row, "target", name);
  const kfTarget = readTarget(ctx, table, row, "kfTarget", name);
  const unitCell = cleanText(String(cellValue(table, row, columnOf(table, "unit")) ?? ""));
  const unit =
    (unitCell || null) ??
    [outcome, target, kfTarget, forecast, previous, outcomeMen, outcomeWomen]
      .map((q) => q.unit)
      .find((u) => u) ??
    null;
  const periodText = cleanText(
    String(cellValue(table, row, columnOf(table, "period") ?? columnOf(table, "periodicity")) ?? ""),
  );
  const stated = cleanText(String(cellValue(table, row, columnOf(table, "direction")) ?? ""));
  const override = overrides.find((o) => o.sheet === table.sheet && o.row === row.row);
  const cells = refs(table, row, [
    "name",
    "outcome",
    "outcomeMen",
    "outcomeWomen",
    "previous",
    "forecast",
    "target",
    "kfTarget",
    "period",
    "periodicity",
    "direction",
    "analysis",
    "goal",
  ]);
  if (row.analysis && !cells.analysis) cells.analysis = row.analysis.cell;
  return {
    name,
    sheet: table.sheet,
    row: row.row,
    goal: null,
    outcome: outcome.value,
    outcomeMen: outcomeMen.value,
    outcomeWomen: outcomeWomen.value,
    previous: previous.value,
    forecast: forecast.value,
    target: target.value,
    targetKind: target.kind,
    targetText: target.text,
    kfTarget: kfTarget.value,
    kfTargetKind: kfTarget.kind,
    kfTargetText: kfTarget.text,
    unit,
    periodicity: periodText ? parsePeriodicity(periodText) : null,
    direction: "unknown",
    status: "unknown",
    kfStatus: "unknown",
    analysis: readAnalysis(table, row),
    cells,
    statedDirection:
      (override ? (parseDirection(override.direction) ?? (override.direction as Direction)) : null) ??
      (stated ? parseDirection(stated) : null),
    periodText: periodText || null,
    units: {
      outcome: outcome.unit,
      forecast: forecast.unit,
      previous: previous.unit,
      target: target.unit,
      kfTarget: kfTarget.unit,
    },
  };
}

function readActivity(ctx: Ctx, table: RecognisedTable, row: RecognisedRow): Activity {
  const name = displayName(cellValue(table, row, columnOf(table, "name")));
  const date = (role: "start" | "end"): string | null => {
    const col = columnOf(table, role);
    if (col === null) return null;
    const parsed = parseDateCell(cellValue(table, row, col));
    if (parsed.kind === "date") return parsed.iso;
    if (parsed.kind === "error") {
      ctx.findings.push(
        finding({
          code: "activity-dates",
          sheet: table.sheet,
          cell: a1(row.row, col),
          message: `${INDICATOR_FIELD_LABELS[role].sv} för aktiviteten ”${name}” går inte att läsa som ett datum: ”${parsed.text}”.`,
          messageEn: `${INDICATOR_FIELD_LABELS[role].en} of the activity "${name}" cannot be read as a date: "${parsed.text}".`,
        }),
      );
    }
    return null;
  };
  const flag = matchKey(String(cellValue(table, row, columnOf(table, "deviationFlag")) ?? ""));
  const cells = refs(table, row, ["name", "start", "end", "deviationFlag", "analysis", "goal"]);
  if (row.analysis && !cells.analysis) cells.analysis = row.analysis.cell;
  return {
    name,
    sheet: table.sheet,
    row: row.row,
    goal: null,
    start: date("start"),
    end: date("end"),
    deviation: flag.startsWith("avvikelse") || flag === "ja" || flag === "x",
    analysis: readAnalysis(table, row),
    cells,
  };
}

function budgetKind(label: string, raw: CellValue): BudgetKind {
  const key = matchKey(label);
  if (key.startsWith("varav") || (typeof raw === "string" && /^\s*<i>/i.test(raw))) return "varav";
  if (/resultatdisposition|overskottfran|overskotttill|underskottfran|underskotttill/.test(key))
    return "disposition";
  if (/^(totalt|summa|total|samtliga)/.test(key)) return "total";
  if (key.includes("netto") || key.startsWith("anslagfornamndensverksamhet")) return "netto";
  if (key.startsWith("intakter")) return "intakter";
  if (key.startsWith("kostnader")) return "kostnader";
  return "row";
}

const BUDGET_FIELDS: [ColumnRole, BudgetAmountField][] = [
  ["budget", "budget"],
  ["adjustments", "adjustments"],
  ["changes", "changes"],
  ["forecastBeforeTransfers", "forecastBeforeTransfers"],
  ["forecastAfterTransfers", "forecast"],
  ["budgetDeviation", "deviation"],
];

const EXTRA_ROLES: ColumnRole[] = ["grossBudget", "carryOverFrom", "estimatedResult", "carryOverTo"];

function readBudgetLine(ctx: Ctx, table: RecognisedTable, row: RecognisedRow): BudgetLine | null {
  const rawLabel = cellValue(table, row, columnOf(table, "name") ?? table.firstCol);
  const label = displayName(rawLabel);
  if (!label) return null;
  const unit = table.amountUnit ?? "mnkr";
  const line: BudgetLine = {
    sheet: table.sheet,
    row: row.row,
    table: table.title,
    kind: budgetKind(label, rawLabel),
    label,
    unit,
    budget: null,
    adjustments: null,
    changes: null,
    forecastBeforeTransfers: null,
    forecast: null,
    deviation: null,
    computedDeviation: null,
    analysis: readAnalysis(table, row),
    cells: { label: a1(row.row, columnOf(table, "name") ?? table.firstCol) },
    tableType:
      table.type === "indicators-followup" || table.type === "indicators-plan" || table.type === "activities"
        ? "budget-other"
        : table.type,
    tableId: table.id,
  };
  const forecastHeader = table.columns.find((c) => c.role === "forecastAfterTransfers")?.header;
  if (forecastHeader && isOutcomeHeader(forecastHeader)) line.forecastIsOutcome = true;
  for (const [role, field] of BUDGET_FIELDS) {
    const col = columnOf(table, role);
    if (col === null) continue;
    line[field] = readNumber(ctx, table, row, role, label, BUDGET_FIELD_LABELS[field]).value;
    line.cells[field] = a1(row.row, col);
  }
  const extra: Record<string, number | null> = {};
  for (const role of EXTRA_ROLES) {
    const col = columnOf(table, role);
    if (col === null) continue;
    extra[role] = readNumber(ctx, table, row, role, label).value;
    line.cells[role] = a1(row.row, col);
  }
  for (const column of table.columns) {
    // VP tables compare every year column (VP 2022, VP 2021, Bokslut …); elsewhere only further amounts.
    const yearColumn = column.role === "budget" && table.type === "driftbudget-vp";
    if (column.role !== "amount" && !yearColumn) continue;
    const key = cleanText(column.header);
    const sheet = ctx.sheets.get(table.sheet);
    const parsed = parseQuantityCell(
      cellValue(table, row, column.col),
      sheet ? formatAt(sheet, row.row, column.col) : null,
    );
    extra[key] = parsed.kind === "quantity" ? parsed.quantity.value : null;
    line.cells[`amount:${key}`] = a1(row.row, column.col);
    if (
      parsed.kind === "error" ||
      (parsed.kind === "text" &&
        !isDash(parsed.text) &&
        column.role === "amount" &&
        !headerKey(column.header).startsWith("varav"))
    ) {
      unparseable(
        ctx,
        table,
        row.row,
        column.col,
        { sv: column.header, en: column.header },
        parsed.text,
        label,
      );
    }
  }
  if (Object.keys(extra).length) line.extra = extra;
  return line;
}

function resolvePeriod(
  ctx: Ctx,
  recognition: Recognition,
  forced: BuildOptions["period"],
  year: number | null,
  firstSheet: string | undefined,
): Period {
  if (forced) return { kind: forced.kind, year: forced.year, source: "flag" };
  const named: ParsedPeriod[] = [];
  for (const cell of recognition.periodCells) {
    const p = parsePeriodText(cell.text);
    if (p && p.kind !== "VP" && (year === null || p.year === year)) named.push(p);
  }
  if (named.length) {
    const latest = named.reduce((a, b) => (comparePeriods(a, b) >= 0 ? a : b));
    return { kind: latest.kind, year: latest.year, source: "cell" };
  }
  const types = new Set(recognition.tables.map((t) => t.type));
  const planOnly =
    types.size > 0 &&
    [...types].every((t) => t === "indicators-plan" || t === "driftbudget-vp" || t === "activities") &&
    (types.has("indicators-plan") || types.has("driftbudget-vp"));
  if (planOnly) {
    const vpHeader = recognition.tables
      .flatMap((t) => t.columns)
      .map((c) => c.header)
      .find((h) => /^VP\s*\d{4}/i.test(h.trim()));
    return { kind: "VP", year: vpHeader ? yearOf(vpHeader) : null, source: "plan" };
  }
  ctx.findings.push(
    finding({
      code: "period-unknown",
      sheet: firstSheet ?? ctx.snapshot.sheets[0]?.name ?? "",
      cell: "A1",
      message:
        "Ingen period angiven och ingen kunde läsas (t.ex. ”Tertial 2 2021” i en Period-cell). Ange period (T1, T2 eller VB) för att bedöma utfall.",
      messageEn:
        'No period given and none could be read (e.g. "Tertial 2 2021" in a Period cell). Choose a period (T1, T2 or VB) to assess outcomes.',
    }),
  );
  return { kind: null, year: null, source: "none" };
}
