/**
 * A canonical text form of a sheet's contents, the same whether it is computed from a spec about
 * to be written or from the grid a port reads back afterwards, and its SHA-256.
 *
 * - Cells by absolute position from A1; trailing empty cells and rows dropped; `""` is empty.
 * - Numbers rounded to 12 significant digits (Excel recomputes `B5+C5-D5` as 19.900000000000091
 *   where the engine cached 19.9); a number and the text of the same number are one token (Excel
 *   turns the text `2021` into the number 2021 unless told otherwise).
 * - Formula cells: by their formula, not their value, so a table of live formulas over the
 *   source does not look edited when the source changes. Formulas are compared without `=`,
 *   `$`, quotes and spaces, in upper case (Excel rewrites `'Driftbudget'!C5` as `Driftbudget!C5`).
 * - A second, values-only form serves ports that cannot report formulas.
 * - Two more forms keep a formula's text but not its references' addresses (references.ts): their
 *   ranks, and their shape. Excel moves a formula's references with the cells they point at (a row
 *   inserted in the source sheet, `#REF!` for one deleted), which is no hand edit of the table.
 */
import type { CellValue, SheetGrid } from "../grid";
import type { OutCell, SheetSpec } from "../report/spec";
import {
  formulaShapeToken,
  formulaToken,
  hasReferenceError,
  pointsElsewhereOnly,
  rankedFormulaTokens,
} from "./references";

export interface CanonicalCell {
  value: CellValue;
  formula: string | null;
}

/** Digits of a number's text from its first non-zero one, up to an exponent (`0.0120` → 3). */
function significantDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 101) break; // e
    if ((code >= 49 && code <= 57) || (code === 48 && digits > 0)) digits++;
  }
  return digits;
}

function numberToken(n: number): string {
  // An integer of at most 12 digits is its own 12-digit rounding (and -0 prints as 0).
  if (Number.isInteger(n) && Math.abs(n) < 1e12) return String(n);
  if (!Number.isFinite(n)) return String(n);
  // So is a number whose shortest text has at most 12 significant digits (most figures).
  const shortest = String(n);
  if (significantDigits(shortest) <= 12) return shortest;
  const rounded = Number(n.toPrecision(12));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function valueToken(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return numberToken(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const text = value.includes("\r") ? value.replace(/\r\n?/g, "\n") : value;
  // A text that starts with a letter or sign other than a digit or minus, and not with a space
  // (no white space is below U+1680 but these), is no number: most texts, without the test.
  const first = text.charCodeAt(0);
  if (first > 32 && first < 0x1680 && first !== 0xa0 && first !== 45 && (first < 48 || first > 57))
    return text;
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text.trim())) return numberToken(Number(text.trim()));
  return text;
}

/**
 * Which of a sheet's forms: formulas as written, values only, formulas with their references
 * ranked, or formulas without their references.
 */
export type CanonicalForm = "formulas" | "values" | "ranks" | "shapes";

/** Tokens for a sheet's formulas (in its cells' order) in a form. */
function formulaTokens(formulas: readonly string[], form: Exclude<CanonicalForm, "values">): string[] {
  if (form === "ranks") return rankedFormulaTokens(formulas);
  return formulas.map(form === "formulas" ? formulaToken : formulaShapeToken);
}

/** Rows of tokens in a form, trailing empties removed. */
function serialise(rows: CanonicalCell[][], form: CanonicalForm): string {
  const formulas: string[] = [];
  if (form !== "values")
    for (const row of rows) for (const c of row ?? []) if (c?.formula) formulas.push(c.formula);
  const tokens = form === "values" ? [] : formulaTokens(formulas, form);
  let next = 0;
  const out: string[][] = [];
  // for…of: a missing row is an empty one; map keeps the holes of a sparse row (JSON null).
  for (const row of rows)
    out.push(
      (row ?? []).map((c) =>
        c === undefined ? "" : form !== "values" && c.formula ? tokens[next++] : valueToken(c.value),
      ),
    );
  return finish(out);
}

/** Trailing empty tokens and rows dropped, as {@link serialise} does, then the JSON text. */
function finish(rows: string[][]): string {
  for (const tokens of rows) while (tokens.length && tokens[tokens.length - 1] === "") tokens.pop();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return JSON.stringify(rows);
}

/**
 * The four forms of a spec in one pass over its cells, without building {@link specCells}:
 * [formulas, values, ranks, shapes], the texts {@link serialise} gives for `specCells(spec)`.
 */
function specTexts(spec: SheetSpec): [string, string, string, string] {
  const valuesOnly: string[][] = [];
  /** Where each formula stands: its row in `valuesOnly` and its column. */
  const at: [number, number][] = [];
  const formulas: string[] = [];
  for (let r = 0; r < spec.rows.length; r++) {
    // map, as specCells and serialise use, keeps holes of sparse rows (JSON null) where they were;
    // a missing row is an empty one.
    const row = r in spec.rows ? spec.rows[r] : [];
    valuesOnly.push(row.map((cell: OutCell | null) => valueToken(cell?.value ?? null)));
    row.forEach((cell: OutCell | null, c) => {
      if (!cell?.formula) return;
      at.push([r, c]);
      formulas.push(cell.formula);
    });
  }
  if (formulas.length === 0) {
    const values = finish(valuesOnly);
    return [values, values, values, values];
  }
  // Rows without formulas are one array in every form; a row with them gets a copy per form. All
  // are made before finish trims rows in place (a shared row is trimmed alike for every form).
  const withTokens = (tokens: string[]): string[][] => {
    const rows = valuesOnly.slice();
    at.forEach(([r, c], i) => {
      if (rows[r] === valuesOnly[r]) rows[r] = valuesOnly[r].slice();
      rows[r][c] = tokens[i];
    });
    return rows;
  };
  const forms = [
    withTokens(formulaTokens(formulas, "formulas")),
    valuesOnly,
    withTokens(formulaTokens(formulas, "ranks")),
    withTokens(formulaTokens(formulas, "shapes")),
  ];
  const [withFormulas, values, ranked, shaped] = forms.map(finish);
  return [withFormulas, values, ranked, shaped];
}

/** The values form of a grid: `canonicalText(gridCells(grid), false)` without the cell objects. */
export function gridValuesText(grid: SheetGrid): string {
  const rows: string[][] = [];
  for (let r = 0; r < grid.originRow - 1; r++) rows.push([]);
  // forEach, as gridCells uses: holes in the grid are skipped, not kept.
  grid.values.forEach((values) => {
    const tokens: string[] = [];
    for (let c = 0; c < grid.originCol - 1; c++) tokens.push("");
    (values ?? []).forEach((value) => tokens.push(valueToken(value ?? null)));
    rows.push(tokens);
  });
  return finish(rows);
}

/** A spec's cells as the port will show them (formula cells with their cached value). */
export function specCells(spec: SheetSpec): CanonicalCell[][] {
  return spec.rows.map((row) =>
    row.map((cell: OutCell | null) => ({ value: cell?.value ?? null, formula: cell?.formula ?? null })),
  );
}

/** A grid's cells re-anchored at A1. */
export function gridCells(grid: SheetGrid): CanonicalCell[][] {
  const rows: CanonicalCell[][] = [];
  for (let r = 0; r < grid.originRow - 1; r++) rows.push([]);
  grid.values.forEach((values, r) => {
    const row: CanonicalCell[] = [];
    for (let c = 0; c < grid.originCol - 1; c++) row.push({ value: null, formula: null });
    (values ?? []).forEach((value, c) => {
      const formula = grid.formulas?.[r]?.[c];
      row.push({
        value: value ?? null,
        formula: typeof formula === "string" && formula.trim() !== "" ? formula : null,
      });
    });
    rows.push(row);
  });
  return rows;
}

/** Whether the port reported formulas for this grid at all. */
export function gridHasFormulas(grid: SheetGrid): boolean {
  return grid.formulas !== undefined;
}

export function canonicalText(rows: CanonicalCell[][], form: CanonicalForm): string {
  return serialise(rows, form);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** SHA-256 (hex) through WebCrypto, available in browsers and Node 20. */
export async function sha256(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error("WebCrypto (crypto.subtle) is not available");
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  let out = "";
  for (const byte of new Uint8Array(digest)) out += HEX[byte];
  return out;
}

/**
 * The checksum stored for an owned sheet: the hashes of its forms, `<formulas>:<values>:<ranks>:
 * <shapes>`. A stored checksum with a single hash (older state) is taken as the formula form; one
 * with two (before 2026-12) has no other.
 */
export async function sheetChecksum(rows: CanonicalCell[][]): Promise<string> {
  return checksumOf([
    canonicalText(rows, "formulas"),
    canonicalText(rows, "values"),
    canonicalText(rows, "ranks"),
    canonicalText(rows, "shapes"),
  ]);
}

/** {@link sheetChecksum} of `specCells(spec)`, computed straight from the spec. */
export async function specChecksum(spec: SheetSpec): Promise<string> {
  return checksumOf(specTexts(spec));
}

async function checksumOf(texts: string[]): Promise<string> {
  // A sheet without formulas has one text for all its forms: it is hashed once.
  const hashes = new Map(
    await Promise.all([...new Set(texts)].map(async (t) => [t, await sha256(t)] as const)),
  );
  return texts.map((t) => hashes.get(t)).join(":");
}

/**
 * How a sheet as read back compares with the checksum stored when it was written: `same` (its
 * formulas as written), `moved` (their references moved as Excel moves them: every rank kept, as
 * when rows or columns are inserted or deleted in the source; or, where a source cell they pointed
 * at was deleted, `#REF!`, only the references to other sheets changed), or `edited`. An empty
 * stored checksum cannot tell, and counts as `same`.
 */
export async function compareWithChecksum(
  grid: SheetGrid,
  stored: string,
): Promise<"same" | "moved" | "edited"> {
  const [storedFormulas, storedValues, storedRanks, storedShapes] = stored.trim().split(":");
  if (!storedFormulas) return "same";
  const cells = gridCells(grid);
  if (!gridHasFormulas(grid) && storedValues)
    return (await sha256(canonicalText(cells, "values"))) === storedValues ? "same" : "edited";
  if ((await sha256(canonicalText(cells, "formulas"))) === storedFormulas) return "same";
  if (!storedRanks || !storedShapes || !gridHasFormulas(grid)) return "edited";
  if ((await sha256(canonicalText(cells, "ranks"))) === storedRanks) return "moved";
  const deleted = cells.some((row) => row.some((c) => !!c.formula && hasReferenceError(c.formula)));
  return deleted && (await sha256(canonicalText(cells, "shapes"))) === storedShapes ? "moved" : "edited";
}

/** Whether a sheet as read back is as written, or moved only as Excel moves it ({@link compareWithChecksum}). */
export async function matchesChecksum(grid: SheetGrid, stored: string): Promise<boolean> {
  return (await compareWithChecksum(grid, stored)) !== "edited";
}

/**
 * Whether the formulas of a sheet whose references moved ({@link compareWithChecksum}) point where
 * the fresh report points: Excel moves a reference to where its source cell went, and the report
 * finds the source's rows there too. Where both hold formulas in the same cells, cell by cell.
 * Elsewhere (a source table gained or lost a row), each formula over other sheets (`#REF!` aside)
 * must be one the report writes, no more often than it does. A reference pointed elsewhere by hand
 * is not where the report points.
 */
export function formulasAsPlanned(grid: SheetGrid, spec: SheetSpec): boolean {
  const read = new Map<string, string>();
  gridCells(grid).forEach((row, r) =>
    row.forEach((c, col) => {
      if (c.formula) read.set(`${r},${col}`, formulaToken(c.formula));
    }),
  );
  const planned = new Map<string, string>();
  spec.rows.forEach((row, r) =>
    row.forEach((cell: OutCell | null, col) => {
      if (cell?.formula) planned.set(`${r},${col}`, formulaToken(cell.formula));
    }),
  );
  if (read.size === planned.size && [...planned.keys()].every((key) => read.has(key)))
    return [...planned].every(([key, formula]) => read.get(key) === formula);
  const left = new Map<string, number>();
  for (const formula of planned.values()) left.set(formula, (left.get(formula) ?? 0) + 1);
  for (const formula of read.values()) {
    if (hasReferenceError(formula) || !pointsElsewhereOnly(formula)) continue;
    const count = left.get(formula) ?? 0;
    if (count === 0) return false;
    left.set(formula, count - 1);
  }
  return true;
}
