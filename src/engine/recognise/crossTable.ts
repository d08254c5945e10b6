/**
 * Tables of amounts by row and by column, totalled both ways: pivoted tables (korstabeller). 002's
 * pandemic costs (lines 1971–1978) have one row per kind of cost, one column per area, a total
 * column (`Total-summa (tkr)`) and a `Summa kostnader` row. Such a table is no budget table (a row
 * is no budget line, an area no budget field): the model keeps nothing of it, as it keeps nothing of
 * a balance sheet, and validation checks its sums both ways where it checks a balance sheet's
 * (validate/statements.ts).
 */
import type { CellValue, SheetGrid } from "../grid";
import { a1, a1Range, cellAt, lastCol, lastRow, textOf } from "../grid";
import { isPartLabel } from "../parse/text";
import type { SheetRows } from "./sheetRows";
import type { CrossTable } from "./types";

/** A figure as a cell holds it: a number, or text that is one (`4 162`, `-0,5`). */
export const FIGURE_TEXT = /^[-−]?\d{1,3}(?:[ \u00a0\u202f]?\d{3})*(?:,\d+)?$/;

export function isFigure(v: CellValue | undefined): boolean {
  return typeof v === "number" || (typeof v === "string" && FIGURE_TEXT.test(v.trim()));
}

/**
 * Column headers of figures that do not add up: shares, averages, ratios (`Andel %`,
 * `Marknadsandel`, `Genomsnitt`, `Kvot`); `Handel` is an area, not a share.
 */
export const NOT_ADDITIVE = /%|procent|(?<!h)andel|snitt|\bper\b|kvot/i;

/**
 * A total's column header or row label: `Totalt`, `Total`, `Summa`, `Summa kostnader`,
 * `Total-summa (tkr)`, `Totalsumma`; not `Summering` or `Totalkostnad`.
 */
const TOTAL_TEXT = /^(?:total[-\s]?summa|totalt?|summa)(?!\p{L})/iu;

export function isTotalText(text: string): boolean {
  return TOTAL_TEXT.test(text);
}

/**
 * A column headed by a year (`2022`, as a number or as text), as a plan of investments over years
 * has them; null for anything else.
 */
function yearHeader(v: CellValue): string | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1900 && v <= 2199 ? String(v) : null;
  if (typeof v !== "string") return null;
  const text = v.trim();
  return YEAR_TEXT.test(text) ? text : null;
}

const YEAR_TEXT = /^(?:19|20|21)\d\d$/;

/** The longest header cell of such a table (longer text is prose, not a column's name). */
const MAX_HEADER_TEXT = 120;

/** Rows without figures in a row (a label, notes) after which the rows are no longer the table's. */
const MAX_ROWS_WITHOUT_FIGURES = 3;

/** What a header's last cell holds: a total's name, or a share's or an average's (`Andel %`). */
function mayEndHeader(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const text = textOf(v);
  return isTotalText(text) || NOT_ADDITIVE.test(text);
}

/** Whether row `r` holds, in each of the columns, that column's header: the header again. */
function repeatsHeader(sheet: SheetGrid, r: number, columns: { col: number; header: string }[]): boolean {
  return columns.every(({ col, header }) => {
    const v = cellAt(sheet, r, col);
    return (yearHeader(v) ?? (typeof v === "string" ? textOf(v) : null)) === header;
  });
}

/** An amount cell that holds nothing, or a dash for nothing (`-`, `–`). */
function isBlankAmount(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && /^\s*[-–—]?\s*$/.test(v));
}

/** Where a table lies when it is an Excel table (its range); else the sheet bounds it. */
export interface CrossBounds {
  col1: number;
  col2: number;
  row2: number;
}

/**
 * The cross table whose header is row `row`, or null. The header is texts, none a figure but for
 * years: the row labels' header (`Pandemi`), at least two columns of amounts (`Nämnd adm`, `IoF
 * BoU`, …, or `2022`, `2023`) and, last, a total column ({@link isTotalText}); a column of shares or
 * averages (`Andel %`) is neither. Years are all the columns of amounts or none, and over years
 * the row labels' header may be blank.
 * Under it, down to a blank row: rows labelled with text, with figures in the header's columns (a
 * blank cell is zero), among them at least one ordinary row and then a total row (`Summa
 * kostnader`); the table ends at its last total row, or at the `varav` rows right under it (parts of
 * that total: `varav reinvesteringar`). Up to three rows in a row without figures (a
 * label `Kostnader januari-augusti (tkr)`, a note) may stand between, not one with words across
 * two of its columns or more (another header, where a scan from that header takes over: a sheet of
 * header-like rows is not read to its end from each of them). The header again (a page break) is
 * passed over.
 */
export function readCrossTable(rows: SheetRows, row: number, bounds?: CrossBounds): CrossTable | null {
  const { sheet } = rows;
  const i = row - sheet.originRow;
  // Most rows end here: a header holds at least three cells, strings but for years, and its last
  // names a total or a share; a row of figures ends in a figure.
  if (!bounds && (rows.count(i) < 3 || (rows.opening(i) === null && !rows.mayEndWith(i, mayEndHeader))))
    return null;
  const from = bounds?.col1 ?? sheet.originCol;
  const to = bounds?.col2 ?? lastCol(sheet);
  const texts: { col: number; header: string }[] = [];
  for (let c = from; c <= to; c++) {
    const v = cellAt(sheet, row, c);
    if (v === null || v === "") continue;
    const year = yearHeader(v);
    if (year !== null) {
      // The row labels' header comes first and is no year; over years it is often left blank.
      if (texts.length === 0) {
        if (c === from) return null;
        texts.push({ col: c - 1, header: "" });
      }
      texts.push({ col: c, header: year });
      continue;
    }
    if (typeof v !== "string") return null;
    const text = textOf(v);
    if (!text) continue;
    if (text.length > MAX_HEADER_TEXT || isFigure(text)) return null;
    texts.push({ col: c, header: text });
  }
  if (texts.length < 3 || isTotalText(texts[0].header)) return null;
  const added = texts.slice(1).filter((t) => !NOT_ADDITIVE.test(t.header));
  const total = added.pop();
  if (!total || !isTotalText(total.header) || added.length < 2) return null;
  if (added.some((t) => isTotalText(t.header))) return null;
  // Years beside other columns (`2022 | 2023 | Mål | Totalt`) are no columns of one sum.
  const years = added.filter((t) => YEAR_TEXT.test(t.header)).length;
  if (years > 0 && years < added.length) return null;
  const labelCol = texts[0].col;
  const amounts = [...added, total];
  const end = bounds?.row2 ?? lastRow(sheet);
  const filled = new Set<number>();
  let ordinary = 0;
  let last = -1;
  /** The last total row, or a `varav` row right under it or under another such. */
  let lastWithParts = -1;
  let withoutFigures = 0;
  const repeatedHeaderRows: number[] = [];
  for (let r = row + 1; r <= end; r++) {
    if (rows.count(r - sheet.originRow) === 0) break;
    if (repeatsHeader(sheet, r, amounts)) {
      repeatedHeaderRows.push(r);
      continue;
    }
    const label = cellAt(sheet, r, labelCol);
    if (typeof label !== "string" || !textOf(label) || isFigure(label)) break;
    let figures = 0;
    let words = 0;
    for (const { col } of amounts) {
      const v = cellAt(sheet, r, col);
      if (isFigure(v)) {
        figures++;
        if (col !== total.col) filled.add(col);
      } else if (!isBlankAmount(v)) words++;
    }
    if (figures === 0) {
      // A label alone (`Kostnader januari-augusti (tkr)`) or with a note (`se not 3`); words across
      // are another header, and a long run of labels is prose: the table has ended.
      if (words > 1 || ++withoutFigures > MAX_ROWS_WITHOUT_FIGURES) break;
      continue;
    }
    const text = textOf(label);
    const followsLast = lastWithParts >= 0 && lastWithParts === r - 1;
    withoutFigures = 0;
    if (isTotalText(text)) {
      if (ordinary > 0) last = lastWithParts = r;
    } else {
      ordinary++;
      if (followsLast && isPartLabel(text, label)) lastWithParts = r;
    }
  }
  if (last < 0 || filled.size < 2) return null;
  return {
    sheet: sheet.name,
    cell: a1(row, labelCol),
    range: a1Range(row, labelCol, row, texts[texts.length - 1].col),
    headerRow: row,
    lastRow: lastWithParts,
    labelCol,
    columns: added,
    total,
    repeatedHeaderRows: repeatedHeaderRows.filter((r) => r < lastWithParts),
  };
}
