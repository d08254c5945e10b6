/**
 * `indikatorer`: one table per goal in the city's columns — the follow-up's nine (002 line 271), or
 * the plan's four (003 line 462) — with the indicator's `Analys` row under it, as the reports
 * carry it. Målkoll's status columns stand apart, after a blank column, so the city's columns
 * stay one selection to paste. Indicators are listed alphabetically within a goal, as the city's
 * reports do (every indicator table in the T2 2021 report, seed 002, is in Swedish order).
 */
import { findingCellKey, cellsWithFinding } from "../findings";
import type { Goal, Indicator, KfStatus, TargetKind } from "../model/types";
import { outcomeTertial } from "../recognise/headers";
import type { Recognition } from "../recognise/types";
import type { ReportContext } from "./context";
import { byNameThenPosition, rowKey, rowsWithFinding, sheetTitle } from "./context";
import { figureUnit, goalHeading, indicatorNumber, statusLabel } from "./format";
import type { ColumnSpec, Row } from "./layout";
import type { StatusLabel } from "./look";
import { OUTCOME_MISSING, VALUE_UNREADABLE } from "./look";
import { SheetBuilder } from "./layout";
import type { OutCell, SheetSpec } from "./spec";
import { SharedCells, textCell } from "./spec";

/** The follow-up's columns (T1, T2, VB); `previous` heads the previous period's column. */
export function indicatorHeaders(year: number | null, previous: string | null = null): string[] {
  return [
    "Indikator",
    "Periodens utfall",
    "Utfall män/ pojkar",
    "Utfall kvinnor/ flickor",
    previous ?? (year === null ? "Periodens utfall VB föregående år" : `Periodens utfall VB ${year - 1}`),
    "Prognos helår",
    "Årsmål",
    "KF:s årsmål",
    "Period",
  ];
}

/** The plan's columns (VP). */
export const PLAN_INDICATOR_HEADERS = ["Indikator", "Årsmål", "KF:s årsmål", "Periodicitet"];

/** Målkoll's own columns, after the city's and a blank column. */
export const STATUS_HEADERS = ["Status", "Status mot KF:s årsmål"];

const FOLLOW_UP_COLUMNS: ColumnSpec[] = [
  { kind: "text", min: 140 },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "fit" },
  { kind: "label", max: 60 },
  { kind: "label", max: 60 },
  { kind: "label", max: 60 },
  { kind: "spacer" },
  { kind: "label", max: 62 },
  { kind: "label", max: 62 },
];

const PLAN_COLUMNS: ColumnSpec[] = [
  { kind: "text", min: 200, max: 420 },
  { kind: "label", max: 80 },
  { kind: "label", max: 80 },
  { kind: "label", max: 70 },
];

/**
 * A figure in column `column`, with the decimals the source showed it with (`decimals`, when known);
 * without one, the text of a cell that could not be read as a figure (`written`) as written.
 */
function figure(
  shared: SharedCells,
  column: number,
  n: number | null,
  unit: string | null,
  decimals: number | undefined,
  written: string | null,
): OutCell | null {
  if (n === null) return written ? textCell(written) : null;
  const { value, format } = indicatorNumber(n, unit, null, decimals);
  return shared.number(column, value, format);
}

/**
 * A target in column `column`: a number for value/min/max (`Max` in the format), the source text
 * otherwise.
 */
export function targetCell(
  shared: SharedCells,
  column: number,
  kind: TargetKind,
  target: number | null,
  targetText: string | null,
  unit: string | null,
  decimals?: number,
): OutCell | null {
  if ((kind === "value" || kind === "min" || kind === "max") && target !== null) {
    const { value, format } = indicatorNumber(target, unit, kind, decimals);
    return shared.number(column, value, format);
  }
  const shown = targetText?.trim();
  return shown ? shared.text(column, shown) : null;
}

/** Årsmål and KF:s årsmål in columns `column` and `column + 1`, each in the unit it was written with. */
function targetCells(shared: SharedCells, ind: Indicator, column: number): [OutCell | null, OutCell | null] {
  const shown = ind.decimals ?? NO_DECIMALS;
  return [
    targetCell(
      shared,
      column,
      ind.targetKind,
      ind.target,
      ind.targetText,
      figureUnit(ind, "target"),
      shown.target,
    ),
    targetCell(
      shared,
      column + 1,
      ind.kfTargetKind,
      ind.kfTarget,
      ind.kfTargetText,
      figureUnit(ind, "kfTarget"),
      shown.kfTarget,
    ),
  ];
}

function periodText(ctx: ReportContext, ind: Indicator): string | null {
  if (ind.periodText) return ind.periodText;
  const { period } = ctx.result.model;
  if (period.kind === "VP")
    return ind.periodicity === "year" ? "År" : ind.periodicity === "tertial" ? "Tertial" : null;
  if (ind.periodicity === "year" && period.year !== null) return String(period.year);
  if (ind.periodicity === "tertial" && (period.kind === "T1" || period.kind === "T2") && period.year !== null)
    return `Tertial ${period.kind.slice(1)} ${period.year}`;
  return null;
}

const NO_DECIMALS: NonNullable<Indicator["decimals"]> = Object.freeze({});

/** Columns of {@link indicatorRow} whose cells repeat down the sheet. */
const PERIOD_COLUMN = 8;
const STATUS_COLUMN = 10;
const KF_STATUS_COLUMN = 11;

/** The follow-up's figure fields. */
type FigureField = "outcome" | "outcomeMen" | "outcomeWomen" | "previous" | "forecast";

/** What a row's status column says: why it was not judged, where the check knows, else the status. */
function rowStatus(
  ctx: ReportContext,
  ind: Indicator,
  status: KfStatus,
  unreported: boolean,
  unreadable: (field: string) => boolean,
  target: "target" | "kfTarget",
): StatusLabel {
  if (status === "not-measured") {
    const period = ctx.result.model.period.kind;
    const forecastCounts = period === "T1" || period === "T2";
    if (unreadable("outcome") || (forecastCounts && unreadable("forecast"))) return VALUE_UNREADABLE;
    if (unreported) return OUTCOME_MISSING;
  }
  if (status === "no-target" && unreadable(target)) return VALUE_UNREADABLE;
  return statusLabel(status, ind.statusBasis ?? null);
}

/**
 * A follow-up row. `unreported`: the check found its outcome due at year-end and missing, which the
 * status columns then say instead of a neutral `Ej mätt`. `unreadable`: the source cells whose value
 * the check could not read: they show as written, and a status they kept from being judged says so.
 */
function indicatorRow(
  ctx: ReportContext,
  ind: Indicator,
  shared: SharedCells,
  unreported: boolean,
  unreadable: ReadonlySet<string>,
): Row {
  const isUnreadable = (field: string): boolean => {
    const cell = ind.cells[field];
    return cell !== undefined && unreadable.has(findingCellKey(ind.sheet, cell));
  };
  // Only text shows as written, as on Aktiviteter.
  const written = (field: string): string | null => {
    if (unreadable.size === 0 || !isUnreadable(field)) return null;
    const value = ctx.lookup(ind.sheet, ind.cells[field] as string);
    return typeof value === "string" ? value.trim() || null : null;
  };
  const status = rowStatus(ctx, ind, ind.status, unreported, isUnreadable, "target");
  const kfStatus = rowStatus(ctx, ind, ind.kfStatus, unreported, isUnreadable, "kfTarget");
  const period = periodText(ctx, ind);
  const shown = ind.decimals ?? NO_DECIMALS;
  const figureOf = (column: number, field: FigureField): OutCell | null => {
    const n = ind[field];
    return figure(
      shared,
      column,
      n,
      figureUnit(ind, field),
      shown[field],
      n === null ? written(field) : null,
    );
  };
  return [
    textCell(ind.name),
    figureOf(1, "outcome"),
    figureOf(2, "outcomeMen"),
    figureOf(3, "outcomeWomen"),
    figureOf(4, "previous"),
    figureOf(5, "forecast"),
    ...targetCells(shared, ind, 6),
    period ? shared.text(PERIOD_COLUMN, period) : null,
    null,
    shared.status(STATUS_COLUMN, status.text, status.tone),
    shared.status(KF_STATUS_COLUMN, kfStatus.text, kfStatus.tone),
  ];
}

function planRow(ctx: ReportContext, ind: Indicator, shared: SharedCells): Row {
  const period = periodText(ctx, ind);
  return [textCell(ind.name), ...targetCells(shared, ind, 1), period ? shared.text(3, period) : null];
}

/**
 * The source's header of the previous period's column where its tables compare with the same
 * tertial a year before (`Periodens utfall T1 2021`), so those figures are not printed under
 * `VB`; null where they compare with the VB, as the city's reports do. Tables that disagree get a
 * header that names no period.
 */
function previousPeriodHeader(recognition: Recognition): string | null {
  const tertials = new Set<string>();
  let others = false;
  for (const table of recognition.tables)
    for (const column of table.columns) {
      if (column.role !== "previous") continue;
      if (outcomeTertial(column.header) !== null) tertials.add(column.header.replace(/\s+/g, " ").trim());
      else others = true;
    }
  if (tertials.size === 0) return null;
  return tertials.size === 1 && !others ? [...tertials][0] : "Periodens utfall föregående period";
}

function headerCells(city: string[], own: string[] = []): Row {
  const row: Row = city.map((value) => textCell(value, "header"));
  if (own.length) row.push(null, ...own.map((value) => textCell(value, "ownHeader")));
  return row;
}

export function buildIndicatorSheet(ctx: ReportContext): SheetSpec {
  const { model } = ctx.result;
  const plan = model.period.kind === "VP";
  const cityColumns = plan ? PLAN_INDICATOR_HEADERS.length : 9;
  const sheet = new SheetBuilder("indikatorer", plan ? PLAN_COLUMNS : FOLLOW_UP_COLUMNS);
  sheet.heading(sheetTitle(ctx, "Indikatorer"), ctx.note);
  const header = plan
    ? headerCells(PLAN_INDICATOR_HEADERS)
    : headerCells(
        indicatorHeaders(model.period.year, previousPeriodHeader(ctx.result.recognition)),
        STATUS_HEADERS,
      );

  const byGoal = new Map<string | null, Indicator[]>();
  for (const ind of model.indicators) {
    const key = ind.goal !== null && ctx.goalsById.has(ind.goal) ? ind.goal : null;
    const list = byGoal.get(key) ?? [];
    list.push(ind);
    byGoal.set(key, list);
  }
  // A goal is shown when it or a goal below it has indicators, so the hierarchy stays readable.
  const shown = new Set<string>();
  for (const goalId of byGoal.keys()) {
    let g: Goal | undefined = goalId === null ? undefined : ctx.goalsById.get(goalId);
    while (g && !shown.has(g.id)) {
      shown.add(g.id);
      g = g.parent ? ctx.goalsById.get(g.parent) : undefined;
    }
  }

  const sort = byNameThenPosition<Indicator>(ctx);
  const shared = new SharedCells();
  // At year-end every outcome is due; during the year a unit may explain why it comes later
  // (002: "Mätperiod är i oktober"), and `Ej mätt` says no more than the source.
  const unreported =
    model.period.kind === "VB" ? rowsWithFinding(ctx.result.findings, "outcome-missing") : new Set<string>();
  const unreadable = plan ? new Set<string>() : cellsWithFinding(ctx.result.findings, "value-unparseable");
  const table = (indicators: Indicator[]): void => {
    sheet.startTable(header.map((cell) => (cell ? { ...cell } : null)));
    // The list is this sheet's own (by goal): sorted in place.
    for (const ind of indicators.sort(sort)) {
      sheet.add(
        plan
          ? planRow(ctx, ind, shared)
          : indicatorRow(ctx, ind, shared, unreported.has(rowKey(ind.sheet, ind.row)), unreadable),
      );
      const analysis = ind.analysis?.trim();
      if (analysis) sheet.attach([textCell(`Analys: ${analysis}`)], cityColumns - 1);
    }
    sheet.endTable();
  };

  for (const { goal } of ctx.goalTree) {
    if (!shown.has(goal.id)) continue;
    sheet.tableHeading(goalHeading(goal));
    const own = byGoal.get(goal.id);
    if (own?.length) table(own);
  }
  const loose = byGoal.get(null);
  if (loose?.length) {
    sheet.tableHeading("Indikatorer utan mål");
    table(loose);
  }
  if (model.indicators.length === 0) sheet.text("Inga indikatortabeller hittades i arbetsboken.");
  return sheet.build();
}
