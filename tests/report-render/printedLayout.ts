import type { SheetSpec } from "../../src/engine/report/spec";
import type { Page, VisualLine } from "./pdfPages";
import { visualLines } from "./pdfPages";

/**
 * Finds a generated sheet's rows on its printed pages and checks how the pages break. Rows are
 * found by the first words of their first cell, in order; what a row is (heading, header row,
 * data) comes from its cell style, where a table runs from the spec's table spans.
 */

export type RowRole = "heading" | "header" | "body";

export interface PlacedRow {
  /** 1-based sheet row. */
  row: number;
  role: RowRole;
  page: number;
  y: number;
}

function roleOf(spec: SheetSpec, row: number): RowRole | null {
  const cell = spec.rows[row - 1]?.[0];
  if (!cell || typeof cell.value !== "string" || !cell.value.trim()) return null;
  if (cell.style === "title" || cell.style === "note" || cell.style === "heading") return "heading";
  if (cell.style === "header" || cell.style === "ownHeader") return "header";
  return "body";
}

/** The first words of a row's first cell, as they start its first printed line. */
function keyOf(spec: SheetSpec, row: number): string[] {
  return String(spec.rows[row - 1][0]!.value)
    .trim()
    .split(/\s+/)
    .slice(0, 3);
}

function startsWith(line: VisualLine, key: string[]): boolean {
  return key.every((word, i) => line.words[i]?.text === word);
}

/**
 * Whether the row keyed `key` starts on `line`: its first words start the line, and where the cell
 * wraps before the key ends (other columns' words follow on the line), the rest of the key starts
 * the next line at the same indent.
 */
function rowStartsAt(line: VisualLine, next: VisualLine | undefined, key: string[]): boolean {
  if (startsWith(line, key)) return true;
  if (!next || Math.abs(next.words[0].xMin - line.words[0].xMin) > 1) return false;
  for (let split = key.length - 1; split >= 1; split--)
    if (startsWith(line, key.slice(0, split)) && startsWith(next, key.slice(split))) return true;
  return false;
}

export interface Placement {
  placed: PlacedRow[];
  /** Rows with text in their first cell that were not found on any page. */
  missing: number[];
  lines: Map<number, VisualLine[]>;
}

/** Walks the sheet's pages top to bottom, finding each row with text in column A in order. */
export function placeRows(spec: SheetSpec, pages: Page[]): Placement {
  const expected: number[] = [];
  for (let row = 1; row <= spec.rows.length; row++) if (roleOf(spec, row)) expected.push(row);
  const placed: PlacedRow[] = [];
  const lines = new Map<number, VisualLine[]>();
  let next = 0;
  for (const page of pages) {
    const pageLines = visualLines(page.words);
    lines.set(page.number, pageLines);
    for (let l = 0; l < pageLines.length; l++) {
      const line = pageLines[l];
      if (next >= expected.length) break;
      const row = expected[next];
      if (!rowStartsAt(line, pageLines[l + 1], keyOf(spec, row))) continue;
      placed.push({ row, role: roleOf(spec, row)!, page: page.number, y: line.y });
      next++;
    }
  }
  return { placed, missing: expected.slice(next), lines };
}

export interface BreakProblem {
  page: number;
  row: number;
  problem: string;
}

/** Rows of each table: header row, then body (which may hold copies of the header row). */
function tableOf(spec: SheetSpec, row: number): number | null {
  const index = (spec.tables ?? []).findIndex((t) => row >= t.header && row <= t.last);
  return index < 0 ? null : index;
}

function isAnalysis(spec: SheetSpec, row: number): boolean {
  return String(spec.rows[row - 1]?.[0]?.value ?? "").startsWith("Analys:");
}

/** The first and last of table `t`'s rows with text in column A that are data, not header copies or `Analys`. */
function bodyRows(spec: SheetSpec, t: number): number[] {
  const table = (spec.tables ?? [])[t];
  const rows: number[] = [];
  for (let row = table.header + 1; row <= table.last; row++)
    if (roleOf(spec, row) === "body" && !isAnalysis(spec, row)) rows.push(row);
  return rows;
}

const firstBodyRow = (spec: SheetSpec, t: number): number => bodyRows(spec, t)[0] ?? Infinity;
const lastBodyRow = (spec: SheetSpec, t: number): number => bodyRows(spec, t).pop() ?? -Infinity;

/**
 * The rules of the printed page:
 * - every page that holds rows of a table also holds that table's header row above them (its own,
 *   a repeated copy, or the sheet's print title);
 * - no page ends with a heading or a header row;
 * - a heading is on the page of its table's header row and first data row;
 * - a table continued onto a page carries at least two of its rows there (`Analys` rows aside).
 */
export function pageBreakProblems(spec: SheetSpec, placement: Placement): BreakProblem[] {
  const problems: BreakProblem[] = [];
  const byPage = new Map<number, PlacedRow[]>();
  for (const p of placement.placed) {
    const list = byPage.get(p.page) ?? [];
    list.push(p);
    byPage.set(p.page, list);
  }
  const tables = spec.tables ?? [];
  for (const [page, rows] of byPage) {
    const last = rows[rows.length - 1];
    if (last.role !== "body")
      problems.push({ page, row: last.row, problem: `the page ends with a ${last.role} row` });
    tables.forEach((table, t) => {
      const body = rows.filter((r) => r.role === "body" && tableOf(spec, r.row) === t);
      if (!body.length) return;
      const first = body[0];
      // The nearest thing above the table's first row on this page must be its header row.
      const above = rows.filter((r) => r.y < first.y).pop();
      const headerKey = keyOf(spec, table.header);
      const titleLine = (placement.lines.get(page) ?? []).some(
        (line) => line.y < first.y && (!above || line.y > above.y) && startsWith(line, headerKey),
      );
      const ownHeader = above !== undefined && above.role === "header" && tableOf(spec, above.row) === t;
      if (!ownHeader && !titleLine)
        problems.push({ page, row: first.row, problem: "table rows without their header row on the page" });
      const rowsHere = body.filter((r) => !isAnalysis(spec, r.row));
      const continued = first.row > firstBodyRow(spec, t);
      const ends = rowsHere.length > 0 && rowsHere[rowsHere.length - 1].row === lastBodyRow(spec, t);
      if (continued && ends && rowsHere.length < 2)
        problems.push({ page, row: first.row, problem: "a table's last row alone on a continued page" });
    });
  }
  for (const table of tables) {
    if (table.heading === null) continue;
    const heading = placement.placed.find((p) => p.row === table.heading);
    const header = placement.placed.find((p) => p.row === table.header);
    const firstData = placement.placed.find(
      (p) => p.row > table.header && p.row <= table.last && p.role === "body",
    );
    if (!heading || !header) continue;
    if (header.page !== heading.page || (firstData && firstData.page !== heading.page))
      problems.push({ page: heading.page, row: heading.row, problem: "a heading apart from its table" });
  }
  return problems;
}
