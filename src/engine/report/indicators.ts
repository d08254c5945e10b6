/**
 * `indikatorer`: one table per goal in the city's columns — the follow-up's nine (002 line 271), or
 * the plan's four (003 line 462) — with the indicator's `Analys` row under it in a follow-up, as the
 * reports carry it (a plan's have none). Målkoll's own columns (a follow-up's statuses, a plan's
 * findings) stand apart, after a blank column, so the city's columns stay one selection to paste. Indicators are listed alphabetically within a goal, as the city's
 * reports do (every indicator table in the T2 2021 report, seed 002, is in Swedish order).
 */
import { findingCellKey, cellsWithFinding } from "../findings";
import type { Goal, Indicator, KfStatus, TargetKind } from "../model/types";
import { boundWord } from "../parse/target";
import { namesOutcomePeriod } from "../recognise/headers";
import { cellValue } from "../recognise/tableRow";
import type { Recognition } from "../recognise/types";
import type { ReportContext } from "./context";
import { byKnownGoal, byNameThenPosition, hasRow, rowKey, rowsWithFinding, sheetTitle } from "./context";
import type { IndicatorFigure } from "../model/types";
import { asRowSpells, FigureCells, figureUnit, goalHeading, shownText, statusLabel } from "./format";
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
  { kind: "spacer" },
  { kind: "label", max: 130 },
];

/** Målkoll's column beside a plan's four, after a blank column (as on Aktiviteter). */
export const PLAN_CHECK_HEADER = "Målkoll";
const PLAN_CHECK_COLUMN = 5;

/**
 * What the check found on a plan's row, in Målkoll's column: the city's four columns print the
 * row as written, so an empty Årsmål or a copied row read as nothing wrong (the nämnd walk of
 * 8 December). Worst first; each once.
 */
const PLAN_MARKS: readonly { code: string; label: StatusLabel }[] = [
  { code: "value-unparseable", label: VALUE_UNREADABLE },
  { code: "target-missing", label: { text: "▲ Årsmål saknas", tone: "bad" } },
  { code: "duplicate-indicator", label: { text: "▲ Upprepad rad", tone: "bad" } },
  { code: "target-less-ambitious", label: { text: "◆ Mindre ambitiöst än KF", tone: "partial" } },
];

/** Per code of {@link PLAN_MARKS}, the source rows holding such a finding. */
function planMarkRows(ctx: ReportContext): Set<string>[] {
  return PLAN_MARKS.map(({ code }) => rowsWithFinding(ctx.result.findings, code));
}

function planCheckCell(cells: RowCells, ind: Indicator, marked: readonly Set<string>[]): OutCell | null {
  let text = "";
  let tone: StatusLabel["tone"] = "partial";
  for (let k = 0; k < PLAN_MARKS.length; k++) {
    if (!hasRow(marked[k], ind.sheet, ind.row)) continue;
    const { code, label } = PLAN_MARKS[k];
    // An Årsmål written but unreadable (`ca 80`) is not also missing.
    if (code === "target-missing" && text) continue;
    text = text ? `${text}, ${label.text}` : label.text;
    if (label.tone === "bad") tone = "bad";
  }
  return text ? cells.shared.status(PLAN_CHECK_COLUMN, text, tone) : null;
}

/**
 * The cells a sheet's rows repeat: texts and statuses, and figures by how the model holds them;
 * and the units the figures' cells show.
 */
interface RowCells {
  shared: SharedCells;
  figures: FigureCells;
  units: ShownUnits;
}

/**
 * The unit a figure's cell is written with: the one its source cell showed (`800 st`, or 0.041
 * formatted `0.0 %`), none where it showed none. The check judges `446` beside a KF:s årsmål of
 * `800 st` in `st` (see figureUnit), but the report is pasted beside the published one and shows
 * what the source shows. A row that states its unit in a column of its own (`Enhet`), which the
 * report has not, shows that unit with each figure.
 */
class ShownUnits {
  /** Rows (by rowKey) whose `Enhet` column holds text. */
  private readonly stated = new Set<string>();

  constructor(private readonly ctx: ReportContext) {
    for (const table of ctx.result.recognition.tables) {
      const column = table.columns.find((c) => c.role === "unit");
      if (!column) continue;
      const at = column.col - table.firstCol;
      for (const row of table.rows) {
        // Read through the row, not its `cells`: those would be made (and kept) for every row.
        const value = cellValue(row, at);
        if (typeof value === "string" && value.trim()) this.stated.add(rowKey(table.sheet, row.row));
      }
    }
  }

  /**
   * The unit of the figure `field`, which the model holds as written `written` (its `units` entry,
   * read by name by the caller: a field looked up by a name held in a variable is a slow,
   * megamorphic access, made for thousands of rows).
   */
  of(ind: Indicator, field: WrittenFigure, written: string | null | undefined): string | null {
    if (hasRow(this.stated, ind.sheet, ind.row)) return figureUnit(ind, field);
    // A model without units (one not read from a workbook) names none but its row's.
    if (!ind.units || written === undefined) return figureUnit(ind, field);
    return written === null ? null : asRowSpells(ind, written);
  }

  /**
   * The unit of the men's or women's figure, whose source cell is at `address`: the model keeps
   * none of theirs, so their source cells tell, unless the row has none, which it would have taken
   * from theirs.
   */
  ofSourced(ind: Indicator, field: SourcedFigure, address: string | undefined): string | null {
    if (hasRow(this.stated, ind.sheet, ind.row)) return figureUnit(ind, field);
    if (!ind.units) return figureUnit(ind, field);
    if (ind.unit === null) return null;
    const written = address === undefined ? undefined : this.ctx.unitLookup(ind.sheet, address);
    if (written === undefined) return figureUnit(ind, field);
    return written === null ? null : asRowSpells(ind, written);
  }
}

/** The figures the model keeps the written units of, and those whose source cells tell them. */
type WrittenFigure = Exclude<IndicatorFigure, SourcedFigure>;
type SourcedFigure = "outcomeMen" | "outcomeWomen";

/**
 * A target in column `column`: a number for value/min/max, the source text otherwise. A ceiling's or
 * floor's format shows the word the source wrote before the number (`Högst 4`, `Max 4`, `Minst 90 %`),
 * as the published reports print it.
 */
export function targetCell(
  cells: RowCells,
  column: number,
  kind: TargetKind,
  target: number | null,
  targetText: string | null,
  unit: string | null,
  decimals?: number,
): OutCell | null {
  if ((kind === "value" || kind === "min" || kind === "max") && target !== null)
    return cells.figures.get(
      column,
      target,
      unit,
      kind === "value" ? null : boundWord(kind, targetText),
      decimals,
    );
  const shown = targetText?.trim();
  return shown ? cells.shared.text(column, shown) : null;
}

/** Årsmål in column `column`, in the unit it was written with. */
function yearTargetCell(cells: RowCells, ind: Indicator, column: number): OutCell | null {
  const unit = cells.units.of(ind, "target", ind.units?.target);
  return targetCell(cells, column, ind.targetKind, ind.target, ind.targetText, unit, ind.decimals?.target);
}

/** KF:s årsmål in column `column`, in the unit it was written with. */
function kfTargetCell(cells: RowCells, ind: Indicator, column: number): OutCell | null {
  const unit = cells.units.of(ind, "kfTarget", ind.units?.kfTarget);
  return targetCell(
    cells,
    column,
    ind.kfTargetKind,
    ind.kfTarget,
    ind.kfTargetText,
    unit,
    ind.decimals?.kfTarget,
  );
}

/**
 * The Period column's text: the source's, else the report's period for the indicator's periodicity.
 * In a follow-up a bare periodicity (`Tertial`, `År`, from a Periodicitet column) gives way to the
 * period it means (`Tertial 1 2021`, `2021`), as the published tables print (002 lines 272, 1692).
 */
function periodText(ctx: ReportContext, ind: Indicator): string | null {
  const { period } = ctx.result.model;
  const howOften = !!ind.periodText && !!ind.periodicity && !/\d/.test(ind.periodText);
  if (ind.periodText && !(howOften && period.kind !== "VP")) return ind.periodText;
  if (period.kind === "VP")
    return ind.periodicity === "year" ? "År" : ind.periodicity === "tertial" ? "Tertial" : null;
  // At year's end the report's own period, for every row (004 line 80: `VB 2020`).
  if (howOften && period.kind === "VB" && period.year !== null) return `VB ${period.year}`;
  if (ind.periodicity === "year" && period.year !== null) return String(period.year);
  if (ind.periodicity === "tertial" && (period.kind === "T1" || period.kind === "T2") && period.year !== null)
    return `Tertial ${period.kind.slice(1)} ${period.year}`;
  return ind.periodText ?? null;
}

/** Columns of {@link indicatorRow} whose cells repeat down the sheet. */
const PERIOD_COLUMN = 8;
const STATUS_COLUMN = 10;
const KF_STATUS_COLUMN = 11;

/** The follow-up's figure fields. */
type FigureField = "outcome" | "outcomeMen" | "outcomeWomen" | "previous" | "forecast";

/** Whether the check could not read the value of the indicator's cell `field` (`unreadable`: such cells). */
function unreadableField(ind: Indicator, unreadable: ReadonlySet<string>, field: string): boolean {
  if (unreadable.size === 0) return false;
  const cell = ind.cells[field];
  return cell !== undefined && unreadable.has(findingCellKey(ind.sheet, cell));
}

/** What a row's status column says: why it was not judged, where the check knows, else the status. */
function rowStatus(
  ctx: ReportContext,
  ind: Indicator,
  status: KfStatus,
  unreported: boolean,
  unreadable: ReadonlySet<string>,
  target: "target" | "kfTarget",
): StatusLabel {
  if (status === "not-measured") {
    const period = ctx.result.model.period.kind;
    const forecastCounts = period === "T1" || period === "T2";
    if (
      unreadableField(ind, unreadable, "outcome") ||
      (forecastCounts && unreadableField(ind, unreadable, "forecast"))
    )
      return VALUE_UNREADABLE;
    if (unreported) return OUTCOME_MISSING;
  }
  if (status === "no-target" && unreadableField(ind, unreadable, target)) return VALUE_UNREADABLE;
  return statusLabel(status, ind.statusBasis ?? null);
}

/**
 * The cell of a figure the row has none of (`field`): an unreadable cell's text as written (only
 * text shows as written, as on Aktiviteter), else none.
 */
function missingFigureCell(
  ctx: ReportContext,
  ind: Indicator,
  unreadable: ReadonlySet<string>,
  field: FigureField,
): OutCell | null {
  if (!unreadableField(ind, unreadable, field)) return null;
  const value = ctx.lookup(ind.sheet, ind.cells[field] as string);
  const written = typeof value === "string" ? value.trim() : "";
  return written ? textCell(written) : null;
}

/**
 * A follow-up row. `unreported`: the check found its outcome due at year-end and missing, which the
 * status columns then say instead of a neutral `Ej mätt`. `unreadable`: the source cells whose value
 * the check could not read: they show as written, and a status they kept from being judged says so.
 */
function indicatorRow(
  ctx: ReportContext,
  ind: Indicator,
  cells: RowCells,
  unreported: boolean,
  unreadable: ReadonlySet<string>,
): Row {
  const status = rowStatus(ctx, ind, ind.status, unreported, unreadable, "target");
  const kfStatus = rowStatus(ctx, ind, ind.kfStatus, unreported, unreadable, "kfTarget");
  const period = periodText(ctx, ind);
  const { shared, figures, units } = cells;
  // Each figure with its written unit and decimals, read by name (see ShownUnits.of).
  const { outcome, outcomeMen: men, outcomeWomen: women, previous, forecast } = ind;
  const written = ind.units;
  const shown = ind.decimals;
  return [
    textCell(ind.name),
    outcome === null
      ? missingFigureCell(ctx, ind, unreadable, "outcome")
      : figures.get(1, outcome, units.of(ind, "outcome", written?.outcome), null, shown?.outcome),
    men === null
      ? missingFigureCell(ctx, ind, unreadable, "outcomeMen")
      : figures.get(
          2,
          men,
          units.ofSourced(ind, "outcomeMen", ind.cells.outcomeMen),
          null,
          shown?.outcomeMen,
        ),
    women === null
      ? missingFigureCell(ctx, ind, unreadable, "outcomeWomen")
      : figures.get(
          3,
          women,
          units.ofSourced(ind, "outcomeWomen", ind.cells.outcomeWomen),
          null,
          shown?.outcomeWomen,
        ),
    previous === null
      ? missingFigureCell(ctx, ind, unreadable, "previous")
      : figures.get(4, previous, units.of(ind, "previous", written?.previous), null, shown?.previous),
    forecast === null
      ? missingFigureCell(ctx, ind, unreadable, "forecast")
      : figures.get(5, forecast, units.of(ind, "forecast", written?.forecast), null, shown?.forecast),
    yearTargetCell(cells, ind, 6),
    kfTargetCell(cells, ind, 7),
    period ? shared.text(PERIOD_COLUMN, period) : null,
    null,
    shared.status(STATUS_COLUMN, status.text, status.tone),
    shared.status(KF_STATUS_COLUMN, kfStatus.text, kfStatus.tone),
  ];
}

function planRow(ctx: ReportContext, ind: Indicator, cells: RowCells, marked: readonly Set<string>[]): Row {
  const period = periodText(ctx, ind);
  return [
    textCell(ind.name),
    yearTargetCell(cells, ind, 1),
    kfTargetCell(cells, ind, 2),
    period ? cells.shared.text(3, period) : null,
    null,
    planCheckCell(cells, ind, marked),
  ];
}

/**
 * The source's header of the previous period's column where its tables compare with the same
 * tertial or months a year before (`Periodens utfall T1 2021`, `Utfall april 2020`), so those figures are not printed under
 * `VB`; null where they compare with the VB, as the city's reports do. Tables that disagree get a
 * header that names no period.
 */
function previousPeriodHeader(recognition: Recognition): string | null {
  const tertials = new Set<string>();
  let others = false;
  for (const table of recognition.tables)
    for (const column of table.columns) {
      if (column.role !== "previous") continue;
      if (namesOutcomePeriod(column.header)) tertials.add(column.header.replace(/\s+/g, " ").trim());
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
    ? headerCells(PLAN_INDICATOR_HEADERS, [PLAN_CHECK_HEADER])
    : headerCells(
        indicatorHeaders(model.period.year, previousPeriodHeader(ctx.result.recognition)),
        STATUS_HEADERS,
      );

  const byGoal = byKnownGoal(ctx, model.indicators);
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
  const cells: RowCells = {
    shared: new SharedCells(),
    figures: new FigureCells(),
    units: new ShownUnits(ctx),
  };
  // At year-end every outcome is due; during the year a unit may explain why it comes later
  // (002: "Mätperiod är i oktober"), and `Ej mätt` says no more than the source.
  const unreported =
    model.period.kind === "VB" ? rowsWithFinding(ctx.result.findings, "outcome-missing") : new Set<string>();
  const unreadable = plan ? new Set<string>() : cellsWithFinding(ctx.result.findings, "value-unparseable");
  const planMarks = plan ? planMarkRows(ctx) : [];
  const table = (indicators: Indicator[]): void => {
    // Every table's header is the one row: the layout prepares, measures and breaks it once.
    sheet.startTable(header);
    // The list is this sheet's own (by goal): sorted in place.
    for (const ind of indicators.sort(sort)) {
      sheet.add(
        plan
          ? planRow(ctx, ind, cells, planMarks)
          : indicatorRow(ctx, ind, cells, hasRow(unreported, ind.sheet, ind.row), unreadable),
      );
      // A plan has no analyses (003): a unit's Kommentar beside its targets is a working note.
      const analysis = !plan && ind.analysis && shownText(ind.analysis).trim();
      if (analysis) sheet.attach([textCell(`Analys: ${analysis}`)], cityColumns - 1);
    }
    sheet.endTable();
  };

  for (const { goal } of ctx.goalTree) {
    if (!shown.has(goal.id)) continue;
    sheet.tableHeading(goalHeading(goal, ctx.writtenNumber(goal)));
    const own = byGoal.get(goal.id);
    if (own?.length) table(own);
  }
  const loose = byGoal.get(null);
  if (loose?.length) {
    sheet.tableHeading("Indikatorer som inte står under något mål");
    table(loose);
  }
  if (model.indicators.length === 0) sheet.text("Inga indikatortabeller hittades i arbetsboken.");
  return sheet.build();
}
