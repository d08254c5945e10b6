/**
 * One workbook's line in a roll-up: its unit, period, goals by assessment, indicators by status
 * (a row copied under its goal once, as the goals count it), findings by severity and its budget,
 * summed up from a check. Pure; the app reads the files.
 */
import type { CheckResult } from "../check";
import { countedIndicators } from "../evaluate/duplicates";
import type { Finding } from "../findings";
import { countBySeverity } from "../findings";
import { budgetTables } from "../model/budgetTables";
import type { BudgetLine, BudgetTableType, Period } from "../model/types";
import { formatPeriod } from "../parse/period";
import type { RecognisedTable } from "../recognise/types";
import { budgetTableName } from "../report/budgetTableName";

/** Stated (or suggested) assessments; `none` where there is none. */
export interface AssessmentCounts {
  helt: number;
  delvis: number;
  ej: number;
  ingen: number;
  none: number;
}

export interface IndicatorCounts {
  met: number;
  partlyMet: number;
  notMet: number;
  notMeasured: number;
  noTarget: number;
  notComparable: number;
  unknown: number;
}

/** The contract's `counts` (docs/CONTRACT.md, More commands). */
export interface RollupCounts {
  goals: AssessmentCounts;
  indicators: IndicatorCounts;
  findings: { error: number; warning: number; info: number };
}

/** Amounts of one budget row, in mnkr whatever the table's unit. */
export interface BudgetAmounts {
  label: string;
  budget: number | null;
  /** Begärda budgetjusteringar plus prestations- och omslutningsförändringar. */
  adjustments: number | null;
  /** The forecast, or at year-end the outcome. */
  forecast: number | null;
  deviation: number | null;
}

export interface RollupBudget {
  /** The table the figures come from (its heading). */
  table: string;
  /** True when `forecast` is the year's outcome (a VB table). */
  outcome: boolean;
  /** The table's total (its Totalt or netto row, else the sum of its rows). */
  total: BudgetAmounts;
  /** One row per verksamhetsområde (none for a whole-nämnd table). */
  areas: BudgetAmounts[];
}

export interface RollupEntry {
  /** The file as found (the path given, or the folder given joined with the path inside it). */
  file: string;
  unit: string;
  period: Period | null;
  status: "ok" | "unreadable";
  /** Why the file could not be read (Swedish / English), else null. */
  reason: string | null;
  counts: RollupCounts | null;
  /** Goals by Målkoll's suggested assessment. */
  suggested: AssessmentCounts | null;
  budget: RollupBudget | null;
  /** The workbook's findings, each naming its file. */
  findings: Finding[];
}

const STATUS_KEYS: Record<string, keyof IndicatorCounts> = {
  met: "met",
  "partly-met": "partlyMet",
  "not-met": "notMet",
  "not-measured": "notMeasured",
  "no-target": "noTarget",
  "not-comparable": "notComparable",
  unknown: "unknown",
};

function assessments(values: (string | null)[]): AssessmentCounts {
  const counts: AssessmentCounts = { helt: 0, delvis: 0, ej: 0, ingen: 0, none: 0 };
  for (const v of values) {
    if (v === "helt" || v === "delvis" || v === "ej" || v === "ingen") counts[v]++;
    else counts.none++;
  }
  return counts;
}

export function summarise(file: string, unit: string, result: CheckResult): RollupEntry {
  const { model } = result;
  const indicators: IndicatorCounts = {
    met: 0,
    partlyMet: 0,
    notMet: 0,
    notMeasured: 0,
    noTarget: 0,
    notComparable: 0,
    unknown: 0,
  };
  for (const i of countedIndicators(model.indicators, result.duplicates))
    indicators[STATUS_KEYS[i.status] ?? "unknown"]++;
  return {
    file,
    unit,
    period: model.period,
    status: "ok",
    reason: null,
    counts: {
      goals: assessments(model.goals.map((g) => g.statedAssessment)),
      indicators,
      findings: countBySeverity(result.findings),
    },
    suggested: assessments(model.goals.map((g) => g.suggestedAssessment)),
    budget: budgetOf(model.budget, result.recognition.tables),
    findings: result.findings.map((f) => ({ ...f, workbook: file })),
  };
}

/**
 * The periods the workbooks read report on (`T2 2021`), each once, in the order first met, when
 * they differ in kind or in year (a workbook without a year, `VB`, differs from `VB 2021` in
 * neither); else none. A workbook whose period is unknown adds nothing.
 */
export function differingPeriods(entries: readonly RollupEntry[]): string[] {
  const shown = new Set<string>();
  const kinds = new Set<string>();
  const years = new Set<number>();
  for (const e of entries) {
    if (e.status !== "ok" || !e.period?.kind) continue;
    shown.add(formatPeriod(e.period));
    kinds.add(e.period.kind);
    if (e.period.year !== null) years.add(e.period.year);
  }
  return kinds.size > 1 || years.size > 1 ? [...shown] : [];
}

export function unreadable(file: string, unit: string, reason: string): RollupEntry {
  return {
    file,
    unit,
    period: null,
    status: "unreadable",
    reason,
    counts: null,
    suggested: null,
    budget: null,
    findings: [],
  };
}

/** Tables a roll-up takes its budget from, in order of preference (a plan's has budget figures only). */
const BUDGET_SOURCES: BudgetTableType[] = [
  "driftbudget-omrade",
  "budget-other",
  "driftbudget-namnd",
  "driftbudget-vp",
];

function toMnkr(value: number | null, unit: BudgetLine["unit"]): number | null {
  if (value === null) return null;
  const divisor = unit === "mnkr" ? 1 : unit === "tkr" ? 1000 : 1_000_000;
  return value / divisor;
}

function amounts(line: BudgetLine): BudgetAmounts {
  const adjustments =
    line.adjustments === null && line.changes === null ? null : (line.adjustments ?? 0) + (line.changes ?? 0);
  return {
    label: line.label,
    budget: toMnkr(line.budget, line.unit),
    adjustments: toMnkr(adjustments, line.unit),
    forecast: toMnkr(line.forecast, line.unit),
    deviation: toMnkr(line.deviation ?? line.computedDeviation, line.unit),
  };
}

function sum(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}

/**
 * The workbook's operating budget: its per-verksamhetsområde table, else a year-end or other
 * budget table, else the whole-nämnd table; the first such table that has budget figures.
 * `tables`: the recognised tables, for the header of an untitled table (budgetTableName).
 */
export function budgetOf(lines: BudgetLine[], tables: readonly RecognisedTable[]): RollupBudget | null {
  const byTable = budgetTables(lines);
  for (const type of BUDGET_SOURCES) {
    for (const table of byTable.values()) {
      if (table[0].tableType !== type || !table.some((l) => l.budget !== null)) continue;
      const rows = table.filter((l) => l.kind === "row");
      const stated = table.find((l) => l.kind === "total") ?? table.find((l) => l.kind === "netto");
      const areas = type === "driftbudget-namnd" ? [] : rows.map(amounts);
      const total: BudgetAmounts = stated
        ? { ...amounts(stated), label: stated.label }
        : {
            label: "Summa",
            budget: sum(areas.map((a) => a.budget)),
            adjustments: sum(areas.map((a) => a.adjustments)),
            forecast: sum(areas.map((a) => a.forecast)),
            deviation: sum(areas.map((a) => a.deviation)),
          };
      // An untitled table (its title only its unit, `Mnkr`, or its first header cell) is named by its sheet.
      const first = table[0];
      const name = budgetTableName(
        first,
        tables.find((t) => t.id === first.tableId),
      );
      return {
        table: name,
        outcome: table.some((l) => l.forecastIsOutcome),
        total,
        areas,
      };
    }
  }
  return null;
}
