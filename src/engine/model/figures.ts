/**
 * Numbers and targets read from a row's cells with the format each is shown in; a value that
 * can't be read becomes a `value-unparseable` finding (a dash is "no value" and no finding).
 */
import type { SourceCell } from "../grid";
import type { Finding } from "../findings";
import { finding } from "../findings";
import type { Quantity } from "../parse/quantity";
import { numberQuantity, parseQuantityCell } from "../parse/quantity";
import type { ParsedTarget } from "../parse/target";
import { parseTargetCell } from "../parse/target";
import { isDash } from "./dashes";
import type { FieldLabel } from "./labels";

/** Where a row's findings go and what they call the row. */
export interface RowContext {
  sheet: string;
  /** The row's name, as findings quote it. */
  subject: string;
  findings: Finding[];
}

export function unparseable(ctx: RowContext, cell: SourceCell, what: FieldLabel, text: string): void {
  ctx.findings.push(
    finding({
      code: "value-unparseable",
      sheet: ctx.sheet,
      cell: cell.address,
      message: `${what.sv} för ”${ctx.subject}” går inte att läsa som ett värde: ”${text}”.`,
      messageEn: `${what.en} of "${ctx.subject}" cannot be read as a value: "${text}".`,
    }),
  );
}

/** A number with its unit and the decimals it is shown with, or null (empty, a dash, or unreadable). */
export function readNumber(ctx: RowContext, cell: SourceCell | null, label: FieldLabel): Quantity | null {
  if (!cell) return null;
  if (typeof cell.value === "number") {
    const quantity = numberQuantity(cell.value, cell.format);
    if (quantity) return quantity;
  }
  const parsed = parseQuantityCell(cell.value, cell.format);
  if (parsed.kind === "quantity") return parsed.quantity;
  if (parsed.kind === "error" || (parsed.kind === "text" && !isDash(parsed.text)))
    unparseable(ctx, cell, label, parsed.text);
  return null;
}

const NO_TARGET: ParsedTarget = { kind: "none", value: null, unit: null, text: null, decimals: 0 };

/** An Årsmål or KF:s årsmål cell; unreadable text is kept as the target's text, with a finding. */
export function readTarget(ctx: RowContext, cell: SourceCell | null, label: FieldLabel): ParsedTarget {
  if (!cell) return NO_TARGET;
  const result = parseTargetCell(cell.value, cell.format);
  if (result.ok) return result.target;
  unparseable(ctx, cell, label, result.text);
  return { ...NO_TARGET, text: result.text };
}
