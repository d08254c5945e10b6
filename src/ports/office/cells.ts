/**
 * Cell blocks: 2-D arrays written with one assignment each (number formats first, so text that
 * looks like a formula or a number is already `@`, then constants, then formulas), in row chunks
 * sized by the bytes they send. `null` leaves a cell as it is, so constants never pass through
 * `formulas`, and `formulas` is sent only for the rows that have one.
 */
import type { CellValue } from "../../engine/grid";
import { EXCEL_MAX_CELL_CHARS } from "../../engine/grid";
import type { Unit } from "./batch";
import { ACTION_BYTES, jsonBytes } from "./batch";

/** A cell to write: its constant, or a formula; and its number format. */
export interface BlockCell {
  value: CellValue;
  formula?: string;
  format?: string;
}

/**
 * True for a string Excel would not keep as typed: a formula prefix (`=`, `+`, `-`, `@`), the quote
 * prefix `'`, or something it would read as a number, date, time or truth value. Such cells get the
 * text format `@` before their value is written, in the same request.
 */
export function needsTextFormat(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@']/.test(text)) return true;
  const t = text.trim();
  if (/^(true|false|sant|falskt)$/i.test(t)) return true;
  // Short strings with a digit may be read as a number, date or time in some locale.
  return t.length <= 64 && /\d/.test(t);
}

/** Text cut to what a cell holds, as the planner does: the port never sends Excel more. */
export function fitCellText(text: string): string {
  return text.length > EXCEL_MAX_CELL_CHARS ? `${text.slice(0, EXCEL_MAX_CELL_CHARS - 1)}…` : text;
}

interface EncodedRow {
  values: CellValue[];
  formats: (string | null)[];
  formulas: (string | null)[] | null;
  hasFormat: boolean;
  bytes: number;
}

function encodeRow(row: (BlockCell | null)[], width: number): EncodedRow {
  const values: CellValue[] = [];
  const formats: (string | null)[] = [];
  const formulas: (string | null)[] = [];
  let hasFormula = false;
  let hasFormat = false;
  for (let c = 0; c < width; c++) {
    const cell = row[c] ?? null;
    if (cell?.formula) {
      values.push(null);
      formulas.push(`=${cell.formula.replace(/^=/, "")}`);
      hasFormula = true;
    } else {
      const value = cell?.value ?? null;
      values.push(typeof value === "string" ? fitCellText(value) : value);
      formulas.push(null);
    }
    const value = cell && !cell.formula ? cell.value : null;
    const format = typeof value === "string" && needsTextFormat(value) ? "@" : (cell?.format ?? null);
    formats.push(format);
    if (format !== null) hasFormat = true;
  }
  const formulaRow = hasFormula ? formulas : null;
  // Formats are sent for every row of a chunk that has any, so they always count.
  const bytes = jsonBytes(values) + jsonBytes(formats) + (formulaRow ? jsonBytes(formulaRow) : 0) + 2;
  return { values, formats, formulas: formulaRow, hasFormat, bytes };
}

function chunkUnit(sheet: () => Excel.Worksheet, rows: EncodedRow[], firstRow: number, width: number): Unit {
  // Rows with formulas, in runs; a short gap is sent as rows of nulls rather than as two more actions.
  const nullRowBytes = width * 5 + 2;
  const runs: { start: number; end: number }[] = [];
  let gapBytes = 0;
  rows.forEach((row, i) => {
    if (!row.formulas) return;
    const last = runs[runs.length - 1];
    const gap = last ? (i - last.end) * nullRowBytes : Infinity;
    if (last && gap < 2 * ACTION_BYTES) {
      last.end = i + 1;
      gapBytes += gap;
    } else runs.push({ start: i, end: i + 1 });
  });
  const hasFormats = rows.some((row) => row.hasFormat);
  return {
    request: rows.reduce((n, row) => n + row.bytes, 0) + gapBytes + (4 + 2 * runs.length) * ACTION_BYTES,
    queue() {
      const worksheet = sheet();
      const target = worksheet.getRangeByIndexes(firstRow, 0, rows.length, width);
      if (hasFormats) target.numberFormat = rows.map((row) => row.formats) as string[][];
      target.values = rows.map((row) => row.values) as (string | number | boolean)[][];
      for (const run of runs) {
        const part = worksheet.getRangeByIndexes(firstRow + run.start, 0, run.end - run.start, width);
        part.formulas = rows
          .slice(run.start, run.end)
          .map((row) => row.formulas ?? row.values.map(() => null)) as string[][];
      }
    },
    split() {
      if (rows.length < 2) return null;
      const mid = Math.ceil(rows.length / 2);
      return [
        chunkUnit(sheet, rows.slice(0, mid), firstRow, width),
        chunkUnit(sheet, rows.slice(mid), firstRow + mid, width),
      ];
    },
  };
}

/** Units writing `rows` from A1 (or row `firstRow`, 0-based), each at most `limit` request bytes. */
export function blockUnits(
  sheet: () => Excel.Worksheet,
  rows: (BlockCell | null)[][],
  limit: number,
  firstRow = 0,
): Unit[] {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  if (width === 0 || rows.length === 0) return [];
  const units: Unit[] = [];
  let chunk: EncodedRow[] = [];
  let start = firstRow;
  let bytes = 0;
  for (const row of rows) {
    const encoded = encodeRow(row, width);
    if (chunk.length > 0 && bytes + encoded.bytes + 4 * ACTION_BYTES > limit) {
      units.push(chunkUnit(sheet, chunk, start, width));
      start += chunk.length;
      chunk = [];
      bytes = 0;
    }
    chunk.push(encoded);
    bytes += encoded.bytes;
  }
  if (chunk.length > 0) units.push(chunkUnit(sheet, chunk, start, width));
  return units;
}
