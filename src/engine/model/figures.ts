/**
 * Numbers and targets read from a row's cells with the format each is shown in; a value that
 * can't be read becomes a `value-unparseable` finding (a dash, or `Mäts ej`, is "no value" and no finding).
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import { truthText } from "../grid";
import { decimalsOf, parseQuantityCell, shownNumber, unitFromFormat } from "../parse/quantity";
import type { ParsedTarget } from "../parse/target";
import { parseTargetCell, renderNumber } from "../parse/target";
import type { TargetKind } from "../parse/types";
import { cellAddress, cellFormat, cellValue, hasCell } from "../recognise/tableRow";
import type { RecognisedRow } from "../recognise/types";
import { saysNoValue } from "../parse/dashes";
import type { FieldLabel } from "./labels";

/** Where a row's findings go and what they call the row. */
export interface RowContext {
  sheet: string;
  /** The row's name, as findings quote it. */
  subject: string;
  findings: Finding[];
}

/**
 * A `value-unparseable` finding. `value`: the cell's text, or its truth value, which is quoted as
 * Excel shows it (`SANT`, in English `TRUE`).
 */
export function unparseable(
  ctx: RowContext,
  address: string,
  what: FieldLabel,
  value: string | boolean,
): void {
  const sv = typeof value === "boolean" ? truthText(value) : value;
  const en = typeof value === "boolean" ? truthText(value, "en") : value;
  ctx.findings.push(
    finding({
      code: "value-unparseable",
      sheet: ctx.sheet,
      cell: address,
      message: `${what.sv} för ”${ctx.subject}” går inte att läsa som ett värde: ”${sv}”.`,
      messageEn: `${what.en} of "${ctx.subject}" cannot be read as a value: "${en}".`,
    }),
  );
}

/** What {@link unparseable} quotes of a cell: a truth value as such, else the parsed text. */
export function quoted(value: unknown, text: string): string | boolean {
  return typeof value === "boolean" ? value : text;
}

const NO_TARGET: ParsedTarget = { kind: "none", value: null, unit: null, text: null, decimals: 0 };

/**
 * One figure column of a table (`Periodens utfall`, `Prognos helår`, …) read row after row into its
 * own fields: a row's figures cost no object each. A dash is "no value"; anything else that can't be
 * read becomes a `value-unparseable` finding.
 */
export class FigureColumn {
  /** Whether the row last read holds a number here. */
  has = false;
  value = 0;
  unit: string | null = null;
  decimals = 0;

  constructor(
    /** Index into a row's cells (see TableCells.index), -1 for none. */
    readonly at: number,
    readonly label: FieldLabel,
  ) {}

  /** Reads the row's cell; false (and `has` false) when there is none, or it is empty, a dash or unreadable. */
  read(ctx: RowContext, row: RecognisedRow): boolean {
    this.has = false;
    const k = this.at;
    if (!hasCell(row, k)) return false;
    const value = cellValue(row, k);
    if (typeof value === "number" && Number.isFinite(value)) {
      const fmt = unitFromFormat(cellFormat(row, k));
      const shown = shownNumber(value, fmt);
      return this.hold(shown, fmt.unit, fmt.decimals ?? decimalsOf(shown));
    }
    // Only a finite number is read by its format: the format of anything else is not looked up.
    const parsed = parseQuantityCell(value);
    if (parsed.kind === "quantity") {
      const { quantity } = parsed;
      return this.hold(quantity.value, quantity.unit, quantity.decimals);
    }
    if (parsed.kind === "error" || (parsed.kind === "text" && !saysNoValue(parsed.text)))
      unparseable(ctx, cellAddress(row, k), this.label, quoted(value, parsed.text));
    return false;
  }

  /** The unit of the row last read, or null when it held no number. */
  get heldUnit(): string | null {
    return this.has ? this.unit : null;
  }

  private hold(value: number, unit: string | null, decimals: number): true {
    this.value = value;
    this.unit = unit;
    this.decimals = decimals;
    return (this.has = true);
  }
}

/**
 * An `Årsmål` or `KF:s årsmål` column read row after row into its own fields; unreadable text is kept
 * as the target's text, with a finding.
 */
export class TargetColumn {
  kind: TargetKind = "none";
  value: number | null = null;
  unit: string | null = null;
  decimals = 0;
  text: string | null = null;
  private readonly rendered = new RenderedNumbers();

  constructor(
    readonly at: number,
    readonly label: FieldLabel,
  ) {}

  read(ctx: RowContext, row: RecognisedRow): void {
    const k = this.at;
    if (!hasCell(row, k)) return this.hold(NO_TARGET);
    const value = cellValue(row, k);
    if (typeof value === "number" && Number.isFinite(value)) {
      const fmt = unitFromFormat(cellFormat(row, k));
      const shown = shownNumber(value, fmt);
      const decimals = fmt.decimals ?? decimalsOf(shown);
      this.kind = "value";
      this.value = shown;
      this.unit = fmt.unit;
      this.decimals = decimals;
      this.text = this.rendered.of(shown, fmt.unit, decimals);
      return;
    }
    // As in FigureColumn.read: only a finite number (above) is read by its format.
    const result = parseTargetCell(value);
    if (result.ok) return this.hold(result.target);
    unparseable(ctx, cellAddress(row, k), this.label, quoted(value, result.text));
    this.hold(NO_TARGET);
    this.text = result.text;
  }

  /** Whether the row last read holds a number here (the target, the band's half-width or the bound). */
  get has(): boolean {
    return this.value !== null;
  }

  private hold(target: ParsedTarget): void {
    this.kind = target.kind;
    this.value = target.value;
    this.unit = target.unit;
    this.decimals = target.decimals;
    this.text = target.text;
  }
}

/** Most numbers a column's texts are kept for at once; past this many they start over. */
const MAX_RENDERED = 4096;

/**
 * A numeric target's text (`43,3 %`) for each number of a column, rendered once: a column repeats
 * its targets, and one string per row was garbage, and a fresh key for each lookup by text
 * (evaluation's unit families). Kept for one unit and number of decimals at a time, as a column
 * formats its numbers alike.
 */
class RenderedNumbers {
  private readonly texts = new Map<number, string>();
  private unit: string | null = null;
  private decimals = 0;

  of(value: number, unit: string | null, decimals: number): string {
    if (unit !== this.unit || decimals !== this.decimals || this.texts.size >= MAX_RENDERED) {
      this.texts.clear();
      this.unit = unit;
      this.decimals = decimals;
    }
    let text = this.texts.get(value);
    if (text === undefined) this.texts.set(value, (text = renderNumber(value, unit, decimals)));
    return text;
  }
}
