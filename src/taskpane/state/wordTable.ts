import { parseA1, parseA1Range } from "../../engine/grid";
import type { BorderLine } from "../../engine/report/look";
import { cellLook, FONT_NAME, FONT_SIZE } from "../../engine/report/look";
import { formattedNumber } from "../../engine/report/shownNumber";
import type { OutCell, SheetSpec } from "../../engine/report/spec";
import { NBSP } from "./swedishNumber";

/** One table of a generated sheet: the headings above it and the rows from its header down. */
export interface SpecTable {
  /**
   * The headings above it in the sheet's order (KF mål, Nämndmål, Enhetsmål), nearest last: in
   * Word each a line of its own, as the reports print them. The sheet's own title is none of them.
   */
  headings: string[];
  rows: (OutCell | null)[][];
  /** First cells of rows merged across the table on the sheet (an indicator's Analys): one cell in Word too. */
  across?: ReadonlySet<OutCell>;
  /** Header cells the layout broke inside a word, with their text unbroken (`SheetSpec.unbrokenHeaders`). */
  unbroken?: ReadonlyMap<OutCell, string>;
}

export function cellText(cell: OutCell | null): string {
  if (!cell || cell.value === null) return "";
  // Header text carries the line breaks the sheet's print layout wrote in; Word wraps by itself.
  // A number as its cell shows it (units, `Max `, dates), held together on one line in Word.
  return typeof cell.value === "number"
    ? formattedNumber(cell.value, cell.format).replace(/ /g, NBSP)
    : cell.value.replace(/\s*[\r\n]+\s*/g, " ");
}

/** A cell's text in a table: a header the layout broke inside a word as one text again, else {@link cellText}. */
function textIn(table: SpecTable, cell: OutCell | null): string {
  const unbroken = cell ? table.unbroken?.get(cell) : undefined;
  return unbroken === undefined ? cellText(cell) : cellText({ ...cell, value: unbroken });
}

const isEmptyRow = (row: (OutCell | null)[]): boolean =>
  row.every((c) => !c || c.value === null || c.value === "");
const isTitleRow = (row: (OutCell | null)[]): boolean =>
  row.filter((c) => c && c.value !== null && c.value !== "").length === 1 &&
  row.some((c) => c?.style === "title" || c?.style === "heading");

const isHeaderRow = (row: (OutCell | null)[]): boolean => row.some((c) => c?.style === "header");

/**
 * The city's part of a table, as Word gets it: without the copies of the header row a long table
 * repeats at page breaks, without Målkoll's own columns (status, links), which stand after a
 * blank column under a header of their own, and without Målkoll's remarks under a row (a goal's
 * `Kommentar:` on a contradicted assessment): merged across the table as an indicator's Analys
 * is, but in a status colour, being the check's words and not the report's.
 */
function citysPart(rows: (OutCell | null)[][], across: ReadonlySet<OutCell>): (OutCell | null)[][] {
  const header = rows.findIndex(isHeaderRow);
  if (header < 0) return rows;
  const first = rows[header];
  const own = first.findIndex((c) => c?.style === "ownHeader");
  const width = own < 0 ? undefined : first[own - 1] === null ? own - 1 : own;
  const sameAsHeader = (row: (OutCell | null)[]) =>
    row.length === first.length &&
    row.every((c, i) => c?.style === first[i]?.style && c?.value === first[i]?.value);
  const isRemark = (row: (OutCell | null)[]) => !!row[0]?.tone && across.has(row[0]);
  return rows
    .filter((row, r) => r <= header || !(sameAsHeader(row) || isRemark(row)))
    .map((row) => (width === undefined ? row : row.slice(0, width)));
}
/**
 * Splits a generated sheet into its tables: blocks of rows separated by empty rows; heading rows
 * above a block name it. A block without a header row (the sheet's title with its note, a one-line
 * message) is no table: its headings name the next one.
 */
export function splitTables(spec: SheetSpec): SpecTable[] {
  const tables: SpecTable[] = [];
  let pendingHeadings: string[] = [];
  let block: (OutCell | null)[][] = [];
  // The blocks of references charts are drawn from are no report tables.
  const chartData = new Set(
    (spec.tables ?? []).flatMap((t) => (t.purpose === "chart-data" ? [spec.rows[t.header - 1]] : [])),
  );
  // Rows merged from column A over further columns (`A12:I12`), by their first cell.
  const across = new Set<OutCell>();
  for (const range of spec.merges ?? []) {
    const area = parseA1Range(range);
    const oneRow = area && area.col1 === 1 && area.col2 > 1 && area.row1 === area.row2;
    const first = oneRow ? spec.rows[area.row1 - 1]?.[0] : null;
    if (first) across.add(first);
  }
  const unbroken = new Map<OutCell, string>();
  for (const { cell, text } of spec.unbrokenHeaders ?? []) {
    const at = parseA1(cell);
    const header = at ? spec.rows[at.row - 1]?.[at.col - 1] : null;
    if (header) unbroken.set(header, text);
  }
  const flush = () => {
    if (block.some((row) => chartData.has(row))) {
      pendingHeadings = [];
      block = [];
      return;
    }
    const body = citysPart(block, across);
    const headings = [...pendingHeadings];
    while (body.length > 0 && isTitleRow(body[0])) {
      const cell = body.shift()!.find((c) => c && c.value !== null) ?? null;
      // `Målkoll – Indikatorer VB 2020` names the sheet, not a table of the report.
      if (cell?.style !== "title") headings.push(cellText(cell));
    }
    if (body.some(isHeaderRow)) {
      tables.push({ headings, rows: body, across, unbroken });
      pendingHeadings = [];
    } else {
      pendingHeadings = headings.slice(-2);
    }
    block = [];
  };
  for (const row of spec.rows) {
    if (isEmptyRow(row)) {
      if (block.length > 0) flush();
    } else {
      block.push(row);
    }
  }
  if (block.length > 0) flush();
  return tables;
}

/**
 * `KF:s mål för verksamhetsområdet: 1.1 I …` → `KF-mål 1.1 I …`; `Nämndmål: 1.3.1 …` → `Nämndmål 1.3.1 …`;
 * a goal without a number by its title alone (`Enhetsmål: Gruppen är …` → `Gruppen är …`): a unit's
 * goals are all Enhetsmål, and the word would fill what a 350 px list shows of each.
 */
export function shortHeading(heading: string): string {
  return heading
    .replace(/^KF:s mål för verksamhetsområdet:?\s*/i, "KF-mål ")
    .replace(/^KF:s inriktningsmål:?\s*/i, "Inriktningsmål ")
    .replace(/^(\p{L}+mål):\s*(?=\d)/u, "$1 ")
    .replace(/^\p{L}+mål:\s*(?=\S)/u, "");
}

export interface TableChoice {
  key: string;
  /** The generated sheet it is on (the list groups by it). */
  sheet: string;
  /** Short and distinct within the list: the sheet's kind, then the table's own heading. */
  label: string;
  /** The table's own heading in full (the label may leave words out), or null. */
  heading: string | null;
  table: SpecTable;
}

/**
 * The most characters two headings of one sheet may share at their start before a label leaves
 * them out: about what a 350 px pane shows of a label after the sheet's kind.
 */
const SHARED_START = 18;

/** The words `a` starts with that `b` starts with too, with the space after them (`Andel elever `). */
function sharedWords(a: string, b: string): string {
  let end = 0;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) if (a[i] === " ") end = i + 1;
  return a.slice(0, end);
}

/**
 * Every table of the generated sheets, labelled so that the start of the label tells them apart
 * in a 350 px pane: `Indikatorer · KF-mål 1.1 I Stockholm …`, `Driftbudget · Budgetindikatorer`.
 * Headings of one sheet that start with the same words past what the pane shows are labelled by
 * what follows them (`… arbetar kostnadseffektivt`, `… är innovativa`); the pane shows the chosen
 * one's heading in full.
 */
export function tableChoices(sheets: { name: string; spec: SheetSpec }[]): TableChoice[] {
  const seen = new Map<string, number>();
  return sheets.flatMap((sheet) => {
    const kind = sheet.name.replace(/^Målkoll\s+/, "");
    const tables = splitTables(sheet.spec);
    const owns = tables.map((table) => table.headings[table.headings.length - 1] ?? null);
    const headings = owns.map((own) => (own ? shortHeading(own) : null));
    return tables.map((table, i) => {
      let shown = headings[i];
      if (shown) {
        let shared = "";
        for (let k = 0; k < headings.length; k++) {
          const other = headings[k];
          if (k === i || !other || other === shown) continue;
          const words = sharedWords(shown, other);
          if (words.length > shared.length) shared = words;
        }
        if (shared.length > SHARED_START) shown = `… ${shown.slice(shared.length)}`;
      }
      const base = shown ? `${kind} · ${shown}` : kind;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return {
        key: `${sheet.name}#${i}`,
        sheet: sheet.name,
        label: n > 1 ? `${base} (${n})` : base,
        heading: owns[i],
        table,
      };
    });
  });
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A sheet's rule as a CSS border (a thin line is one pixel). */
const cssBorder = (line: BorderLine): string => `1px solid #${line.colour}`;

/**
 * HTML Word pastes as the table's headings, each a bold line of its own, over a table ruled as the
 * sheet is (a line under the header, one over each total, none between body rows), in its fonts:
 * bold header on the sheet's fill, totals and group names (Resultatenheter), italic indented `varav`
 * rows, each cell aligned as on the sheet (look.ts).
 */
export function tableToHtml(table: SpecTable): string {
  const width = table.rows.reduce((most, r) => Math.max(most, r.length), 0);
  const padding = "padding:2px 6px;";
  const rows = table.rows.map((row) => {
    const header = row.some((c) => c?.style === "header");
    // A total or varav row is bold or italic as a whole, whichever cells carry the style.
    const rowStyle = row.some((c) => c?.style === "total")
      ? "total"
      : row.some((c) => c?.style === "varav")
        ? "varav"
        : null;
    // A rule runs the table's width, as the sheet's does under its cells, empty ones included.
    const looks = row.map((c) => (c ? cellLook(c) : null));
    const top = looks.find((l) => l?.borderTop)?.borderTop;
    const bottom = looks.find((l) => l?.borderBottom)?.borderBottom;
    const rules =
      (top ? `border-top:${cssBorder(top)};` : "") + (bottom ? `border-bottom:${cssBorder(bottom)};` : "");
    const first = row[0];
    if (first && table.across?.has(first)) {
      const text = `<td colspan="${width}" style="${padding}${rules}text-align:left;">${escapeHtml(cellText(first))}</td>`;
      return `<tr>${text}</tr>`;
    }
    const cells = Array.from({ length: width }, (_, i) => {
      const cell = row[i] ?? null;
      const tag = header ? "th" : "td";
      // Aligned as on the sheet: a header right-aligned over its column's figures, as they are.
      const look = looks[i] ?? null;
      const styles = [
        padding,
        rules,
        `text-align:${look?.horizontal ?? "left"};vertical-align:${look?.vertical ?? "top"};`,
      ];
      if (look && look.font.size !== FONT_SIZE.normal) styles.push(`font-size:${look.font.size}pt;`);
      let content = escapeHtml(textIn(table, cell));
      const style = rowStyle ?? cell?.style;
      if (header || style === "total" || style === "group") content = `<b>${content}</b>`;
      if (style === "varav") {
        content = `<i>${content}</i>`;
        if (i === 0) styles.push("padding-left:14px;");
      }
      if (header && look?.fill) styles.push(`background:#${look.fill};`);
      return `<${tag} style="${styles.join("")}">${content}</${tag}>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  const headings = table.headings.map((heading) => `<p><b>${escapeHtml(heading)}</b></p>`).join("");
  return (
    `${headings}<table style="border-collapse:collapse;font-family:${FONT_NAME},Carlito,Arial,sans-serif;` +
    `font-size:${FONT_SIZE.normal}pt">${rows.join("")}</table>`
  );
}

/** Tab-separated text for pasting where HTML is not accepted. */
export function tableToText(table: SpecTable): string {
  const lines = table.rows.map((row) => row.map((cell) => textIn(table, cell)).join("\t"));
  return [...table.headings, ...lines].join("\n");
}

/** Puts the table on the clipboard as HTML and plain text. Throws when the browser refuses. */
export async function copyTableToClipboard(
  table: SpecTable,
  clipboard: Clipboard = navigator.clipboard,
): Promise<void> {
  const html = tableToHtml(table);
  const text = tableToText(table);
  if (typeof ClipboardItem !== "undefined" && clipboard.write) {
    await clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      }),
    ]);
    return;
  }
  await clipboard.writeText(text);
}
