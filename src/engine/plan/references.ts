/**
 * The cell references in a generated sheet's formulas, for telling a hand edit from what Excel
 * does to them. Excel (and LibreOffice) moves a reference with the cell it points at when a row or
 * column is inserted or deleted in the source sheet, rewrites a deleted cell's as `#REF!`, and
 * renames the sheet in it with the sheet; a person retargets one. Two forms tell them apart:
 *
 * - the shape: each reference to another sheet, sheet and all, as `@` (what is left when the
 *   source's references are taken out; a deleted source cell leaves only that);
 * - the ranks: each reference as its sheet's place among the sheets referenced (first met first),
 *   its column's rank among that sheet's referenced columns and its row's among its rows. An
 *   inserted or deleted row or column that nothing points at, or a renamed sheet, keeps every rank;
 *   a reference pointed elsewhere by hand changes one.
 */

/** A formula compared without `=`, `$`, quotes and spaces, in upper case (Excel rewrites `'Driftbudget'!C5` as `Driftbudget!C5`). */
export function formulaToken(formula: string): string {
  return `=${formula
    .replace(/^=/, "")
    .replace(/['$\s]/g, "")
    .toUpperCase()}`;
}

/** A sheet before a reference: quoted (`'Mål och budget'!`) or not (`Driftbudget!`). */
const SHEET_PREFIX = String.raw`(?:'(?:[^']|'')+'|[^\s'!(),+\-*/^&=<>:;"{}]+)!`;

/**
 * A cell reference in a formula with its sheet, if any: `C5`, `$C$5`, `Driftbudget!C5`, but not
 * the `LOG10` of `LOG10(` nor the end of a name; or what is left of a deleted cell's, `#REF!` (as
 * LibreOffice writes it) or `Driftbudget!#REF!` (as Excel does). Groups: the sheet with its `!`,
 * `#REF!`, the column letters, the row.
 */
const CELL_REFERENCE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.'])(${SHEET_PREFIX})?(?:(#REF!)|\$?([A-Za-z]{1,3})\$?([0-9]+)(?![A-Za-z0-9_(]))`,
  "g",
);

/**
 * {@link formulaToken} with every reference to another sheet, and every `#REF!`, as `@`; a
 * reference to the sheet's own cells stays as written (nothing in another sheet moves it).
 */
export function formulaShapeToken(formula: string): string {
  return formulaToken(
    rewriteReferences(formula, (r, text) => (r.sheet === "" && r.col !== null ? text : "@")),
  );
}

/** The formula with each of its references replaced by what `token` makes of it (and of its text). */
function rewriteReferences(
  formula: string,
  token: (reference: Reference, text: string) => string,
  references = referencesOf(formula),
): string {
  let text = "";
  let at = 0;
  for (const reference of references) {
    text += formula.slice(at, reference.from) + token(reference, formula.slice(reference.from, reference.to));
    at = reference.to;
  }
  return text + formula.slice(at);
}

/** Whether a formula points only at other sheets' cells (at least one), none of the sheet's own. */
export function pointsElsewhereOnly(formula: string): boolean {
  const references = referencesOf(formula);
  return references.length > 0 && references.every((r) => r.sheet !== "" || r.col === null);
}

/** Whether a formula points at a deleted cell. */
export function hasReferenceError(formula: string): boolean {
  return formula.toUpperCase().includes("#REF!");
}

/** A sheet's name as a key: quotes and `!` off, upper case; "" for the formula's own sheet. */
function sheetKey(prefix: string | undefined): string {
  if (!prefix) return "";
  const name = prefix.slice(0, -1);
  return (name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name).toUpperCase();
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

interface Reference {
  /** Where it stands in the formula. */
  from: number;
  to: number;
  /** Its sheet (see {@link sheetKey}): a range's end, written without one, is on its start's. */
  sheet: string;
  /** Column and row; null for `#REF!`. */
  col: number | null;
  row: number | null;
}

/** The references of a formula, in order. */
function referencesOf(formula: string): Reference[] {
  const out: Reference[] = [];
  for (const m of formula.matchAll(CELL_REFERENCE)) {
    const [text, prefix, error, letters, row] = m;
    const from = m.index;
    const last = out[out.length - 1];
    const rangeEnd = !prefix && last !== undefined && last.to === from - 1 && formula[from - 1] === ":";
    out.push({
      from,
      to: from + text.length,
      sheet: rangeEnd ? last.sheet : sheetKey(prefix),
      col: error ? null : columnNumber(letters),
      row: error ? null : Number(row),
    });
  }
  return out;
}

interface Referenced {
  index: number;
  columns: Set<number>;
  rows: Set<number>;
}

/** Each value's rank (1 for the smallest) among the set's. */
function ranks(values: Set<number>): Map<number, number> {
  return new Map([...values].sort((a, b) => a - b).map((v, i) => [v, i + 1]));
}

/**
 * The {@link formulaToken}s of a sheet's formulas, in its cells' order, with each reference to
 * another sheet as `S<sheet>C<column rank>R<row rank>` (see above). `#REF!` stays, and so does a
 * reference to the sheet's own cells: nothing in another sheet moves those.
 */
export function rankedFormulaTokens(formulas: readonly string[]): string[] {
  const references = formulas.map(referencesOf);
  const sheets = new Map<string, Referenced>();
  for (const reference of references.flat()) {
    if (reference.sheet === "") continue;
    let sheet = sheets.get(reference.sheet);
    if (!sheet)
      sheets.set(reference.sheet, (sheet = { index: sheets.size, columns: new Set(), rows: new Set() }));
    if (reference.col === null || reference.row === null) continue;
    sheet.columns.add(reference.col);
    sheet.rows.add(reference.row);
  }
  const ranked = new Map(
    [...sheets].map(([key, s]) => [key, { index: s.index, col: ranks(s.columns), row: ranks(s.rows) }]),
  );
  return formulas.map((formula, i) =>
    formulaToken(
      rewriteReferences(
        formula,
        ({ sheet, col, row }, text) => {
          const target = ranked.get(sheet);
          if (col === null || row === null) return "#REF!";
          return target ? `S${target.index}C${target.col.get(col)}R${target.row.get(row)}` : text;
        },
        references[i],
      ),
    ),
  );
}
