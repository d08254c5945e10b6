/**
 * Numbers and targets read from a row's cells with the format each is shown in; a value that
 * can't be read becomes a `value-unparseable` finding (a dash is "no value" and no finding).
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import type { Quantity } from "../parse/quantity";
import { numberQuantity, parseQuantityCell } from "../parse/quantity";
import type { ParsedTarget } from "../parse/target";
import { parseTargetCell } from "../parse/target";
import { cellAddress, cellFormat, cellValue, hasCell } from "../recognise/tableRow";
import type { RecognisedRow } from "../recognise/types";
import { isDash } from "./dashes";
import type { FieldLabel } from "./labels";

/** Where a row's findings go and what they call the row. */
export interface RowContext {
  sheet: string;
  /** The row's name, as findings quote it. */
  subject: string;
  findings: Finding[];
}

export function unparseable(ctx: RowContext, address: string, what: FieldLabel, text: string): void {
  ctx.findings.push(
    finding({
      code: "value-unparseable",
      sheet: ctx.sheet,
      cell: address,
      message: `${what.sv} för ”${ctx.subject}” går inte att läsa som ett värde: ”${text}”.`,
      messageEn: `${what.en} of "${ctx.subject}" cannot be read as a value: "${text}".`,
    }),
  );
}

/**
 * The row's k-th cell as a number with its unit and the decimals it is shown with, or null (no such
 * cell, empty, a dash, or unreadable).
 */
export function readNumber(
  ctx: RowContext,
  row: RecognisedRow,
  k: number,
  label: FieldLabel,
): Quantity | null {
  if (!hasCell(row, k)) return null;
  const value = cellValue(row, k);
  const format = cellFormat(row, k);
  if (typeof value === "number") {
    const quantity = numberQuantity(value, format);
    if (quantity) return quantity;
  }
  const parsed = parseQuantityCell(value, format);
  if (parsed.kind === "quantity") return parsed.quantity;
  if (parsed.kind === "error" || (parsed.kind === "text" && !isDash(parsed.text)))
    unparseable(ctx, cellAddress(row, k), label, parsed.text);
  return null;
}

const NO_TARGET: ParsedTarget = { kind: "none", value: null, unit: null, text: null, decimals: 0 };

/** The row's k-th cell as an Årsmål or KF:s årsmål; unreadable text is kept as the target's text, with a finding. */
export function readTarget(ctx: RowContext, row: RecognisedRow, k: number, label: FieldLabel): ParsedTarget {
  if (!hasCell(row, k)) return NO_TARGET;
  const result = parseTargetCell(cellValue(row, k), cellFormat(row, k));
  if (result.ok) return result.target;
  unparseable(ctx, cellAddress(row, k), label, result.text);
  return { ...NO_TARGET, text: result.text };
}
