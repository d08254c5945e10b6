/**
 * The Korstabeller sheet: the workbook's cross tables (002's pandemic costs, areas across, a total
 * column and a `Summa` row; recognise/crossTable.ts) as the report publishes them, each under its
 * title, its header and rows as written, amounts as formulas over the source cells. They have a
 * sheet of their own: twelve columns of areas do not fit the Driftbudget sheet's shared columns
 * without breaking the city tables' headers. The model keeps nothing of them, so they are read from
 * the snapshot.
 */
import { cleanText, isPartLabel, stripTags } from "../parse/text";
import { isNoteLine } from "../recognise/tables";
import { isFigure, isTotalText } from "../recognise/crossTable";
import type { CrossTable } from "../recognise/types";
import type { SheetGrid } from "../grid";
import { a1, cellAt, formatAt, parseA1Range, textOf, truthText } from "../grid";
import type { ReportContext } from "./context";
import { sheetTitle } from "./context";
import { headerRow, sourceFormula } from "./budget";
import { UNIT_LINE } from "./budgetTableName";
import type { ColumnSpec, Row } from "./layout";
import { SheetBuilder } from "./layout";
import { decimalsShown } from "./shownNumber";
import type { CellStyle, OutCell, SheetSpec } from "./spec";
import { numberCell, textCell } from "./spec";

/** Rows above a cross table's header searched for its title (002's is eight up, past two lines of prose). */
const CROSS_TITLE_ROWS = 10;

/** The longest text taken for a title; longer text is prose. */
const MAX_TITLE_TEXT = 80;

/** The row labels' column (`Inhyrd personal`, `Övriga kostnader (förbrukning, IT, material etc)`). */
const LABEL_COLUMN: ColumnSpec = { kind: "text", min: 60, max: 200, headerLines: 4 };

/** A column of amounts: as wide as its figures and its header's longest word. */
const AMOUNT_COLUMN: ColumnSpec = { kind: "fit", headerLines: 4 };

/** A cross table ready to write: its title, its header as written, its rows (a label row among them). */
interface PrintedCrossTable {
  title: string;
  header: string[];
  rows: { cells: Row; label: boolean }[];
  /** The footnotes right under it that its labels' asterisks point at (`* Personalkostnader: …`). */
  notes: string[];
}

/** The most footnote lines taken under a table. */
const MAX_NOTES = 5;

/**
 * The sheet, when the workbook has a cross table to print, or when an earlier run made the sheet
 * and it is still there (it then says that none was found, rather than keep tables no longer in
 * the workbook); null otherwise, so that a workbook without one gets no empty sheet.
 */
export function buildCrossTableSheet(ctx: ReportContext): SheetSpec | null {
  const tables = printedCrossTables(ctx);
  if (tables.length === 0 && !madeBefore(ctx)) return null;
  const widest = Math.max(0, ...tables.map((t) => t.header.length - 1));
  const sheet = new SheetBuilder("korstabeller", [
    LABEL_COLUMN,
    ...Array.from({ length: Math.max(1, widest) }, () => AMOUNT_COLUMN),
  ]);
  sheet.heading(sheetTitle(ctx, "Korstabeller"), ctx.note);
  if (tables.length === 0) {
    sheet.text("Inga korstabeller hittades i arbetsboken.");
    return sheet.build();
  }
  for (const table of tables) writeCrossTable(sheet, table);
  return sheet.build();
}

/** Whether an earlier run made the sheet and it still stands in the workbook. */
function madeBefore(ctx: ReportContext): boolean {
  const record = ctx.result.state.owned.find((o) => o.key === "korstabeller");
  return record !== undefined && ctx.sheetGrid(record.name) !== undefined;
}

/**
 * The workbook's cross tables, in its order: sheet by sheet (as recognition meets them), top down.
 * Without a snapshot (a report built from a check result alone) there is nothing to print. A table a
 * person said is no table is not recognised as one; one mapped as a budget table is that table,
 * printed in Driftbudget: a cross table whose header a recognised table also starts at is left out,
 * so that it prints once.
 */
function printedCrossTables(ctx: ReportContext): PrintedCrossTable[] {
  const { crossTables, tables } = ctx.result.recognition;
  if (!crossTables.length) return [];
  const sheets: string[] = [];
  for (const cross of crossTables) if (!sheets.includes(cross.sheet)) sheets.push(cross.sheet);
  const kept = crossTables.filter(
    (cross) => !tables.some((t) => t.sheet === cross.sheet && t.headerRow === cross.headerRow),
  );
  kept.sort(
    (a, b) =>
      sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) ||
      a.headerRow - b.headerRow ||
      a.labelCol - b.labelCol,
  );
  const out: PrintedCrossTable[] = [];
  for (const cross of kept) {
    const grid = ctx.sheetGrid(cross.sheet);
    if (grid) out.push(printedCrossTable(ctx, grid, cross));
  }
  return out;
}

/**
 * A cross table as the source has it: its header's texts (the total column's too, typos kept),
 * each row from the header down to its last total row (the label row `Kostnader januari-augusti
 * (tkr)` too), total rows in the total style, and the footnotes under it. A column
 * with neither a header nor a figure (a gap between the source's columns) is left out, and so is a
 * repeat of the header (a page break in the source: the sheet repeats its own).
 */
function printedCrossTable(ctx: ReportContext, grid: SheetGrid, cross: CrossTable): PrintedCrossTable {
  const lastCol = parseA1Range(cross.range)?.col2 ?? cross.total.col;
  const cols: number[] = [];
  for (let c = cross.labelCol + 1; c <= lastCol; c++) {
    let used = textOf(cellAt(grid, cross.headerRow, c)) !== "";
    for (let r = cross.headerRow + 1; !used && r <= cross.lastRow; r++) used = cellAt(grid, r, c) !== null;
    if (used) cols.push(c);
  }
  const header = [cross.labelCol, ...cols].map((c) => cleanText(textOf(cellAt(grid, cross.headerRow, c))));
  const rows: PrintedCrossTable["rows"] = [];
  let marked = header.some((h) => h.includes("*"));
  for (let r = cross.headerRow + 1; r <= cross.lastRow; r++) {
    if (cross.repeatedHeaderRows.includes(r)) continue;
    const raw = cellAt(grid, r, cross.labelCol);
    const label = textOf(raw);
    if (label.includes("*")) marked = true;
    // A part of the row above (`varav reinvesteringar`) as Driftbudget prints one: in italics, indented.
    const part = isPartLabel(label, raw);
    const style: CellStyle = isTotalText(label) ? "total" : part ? "varav" : "normal";
    const amounts = cols.map((c) => crossCell(ctx, grid, r, c, style));
    const labelCell = textCell(part ? stripTags(label) : label, style);
    if (part) labelCell.indent = 1;
    rows.push({ cells: [labelCell, ...amounts], label: amounts.every((a) => a === null) });
  }
  return {
    title: crossTitle(grid, cross) ?? (header[0] || "Korstabell"),
    header,
    rows,
    // Only where its labels or header have asterisks to point at: else a `*` line is a list's.
    notes: marked ? footnotes(grid, cross.lastRow) : [],
  };
}

/** The lines right under row `last` that are footnotes: one text each, starting with `*`. */
function footnotes(grid: SheetGrid, last: number): string[] {
  const notes: string[] = [];
  for (let r = last + 1; notes.length < MAX_NOTES; r++) {
    const cells = (grid.values[r - grid.originRow] ?? []).filter((v) => v !== null && textOf(v) !== "");
    if (cells.length !== 1 || typeof cells[0] !== "string") break;
    const text = cleanText(cells[0]);
    if (!text.startsWith("*")) break;
    notes.push(text);
  }
  return notes;
}

/**
 * A cross table's cell: a number over its source cell (a formula where the source holds it) under
 * the source's format, General shown as the report shows amounts (`4 162`, the decimals the number
 * has); text stays text (a figure written as text, right-aligned as a figure); a blank stays blank.
 */
function crossCell(
  ctx: ReportContext,
  grid: SheetGrid,
  row: number,
  col: number,
  style: CellStyle,
): OutCell | null {
  const value = cellAt(grid, row, col);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const own = formatAt(grid, row, col);
    const decimals = decimalsShown(value);
    const format =
      own && !/^general$/i.test(own.trim()) ? own : `#,##0${decimals ? `.${"0".repeat(decimals)}` : ""}`;
    const cell = numberCell(value, format, style);
    cell.formula = sourceFormula(ctx, grid.name, a1(row, col), value);
    return cell;
  }
  if (typeof value === "boolean") return textCell(truthText(value), style);
  const text = value?.trim();
  if (!text) return null;
  const cell = textCell(text, style);
  if (isFigure(text)) cell.align = "right";
  return cell;
}

/**
 * A cross table's title: the nearest short text above its header, within {@link CROSS_TITLE_ROWS}
 * rows, alone on its row or with its unit (`Pandemi – Kostnader`, `Kostnader per område | tkr`),
 * past the prose under it. A row of several cells (another table's) ends the search, as do a
 * figure and a footnote (`* …`, the table above's). Null where none.
 */
function crossTitle(grid: SheetGrid, cross: CrossTable): string | null {
  const from = Math.max(grid.originRow, cross.headerRow - CROSS_TITLE_ROWS);
  for (let r = cross.headerRow - 1; r >= from; r--) {
    const cells = (grid.values[r - grid.originRow] ?? []).filter((v) => v !== null && textOf(v) !== "");
    if (cells.length === 0) continue;
    const unitBeside = cells.length === 2 && UNIT_LINE.test(cleanText(textOf(cells[1])));
    if ((cells.length > 1 && !unitBeside) || typeof cells[0] !== "string") return null;
    const text = cleanText(cells[0]);
    if (text.startsWith("*")) return null;
    // Prose (a sentence, a lead-in ending in a colon, a long text) and notes on the figures name no
    // table: the search goes on.
    if (text.length > MAX_TITLE_TEXT || /[.:]$/.test(text) || isNoteLine(text) || UNIT_LINE.test(text))
      continue;
    return text;
  }
  return null;
}

/**
 * Writes a cross table under its title, its footnotes under it; its label rows stay with the row
 * under them.
 */
function writeCrossTable(sheet: SheetBuilder, table: PrintedCrossTable): void {
  sheet.tableHeading(table.title);
  sheet.startTable(headerRow(table.header));
  for (const { cells, label } of table.rows) {
    const row = sheet.add(cells);
    if (label) sheet.keepWithNext(row);
  }
  // As published: right under the table, on its page, across it.
  for (const note of table.notes) sheet.attach([textCell(note)], table.header.length - 1);
  sheet.endTable();
}
