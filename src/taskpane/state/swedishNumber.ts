/** A number as a Swedish spreadsheet shows it, for the pane's own texts (settings, the playground's grid). */

/** No line break inside a number or between it and its unit. */
export const NBSP = "\u00a0";

/**
 * A number as the Swedish report prints it: `2 435,3`, `-489,4`, `4,1 %`. Decimals and grouping
 * come from the cell's (locale-invariant) Excel format code; a `%` format shows value × 100.
 */
export function formatSwedishNumber(value: number, format?: string): string {
  const code = format ?? "";
  const percent = code.includes("%");
  const decimalsMatch = /\.(0+)/.exec(code);
  const decimals = decimalsMatch ? decimalsMatch[1].length : code ? 0 : null;
  const grouped = /#,##|0,0/.test(code);
  const shown = percent ? value * 100 : value;
  let text: string;
  if (decimals === null) {
    // General: as many decimals as the value has, without float noise.
    text = String(Number(shown.toPrecision(12)));
  } else {
    text = shown.toFixed(decimals);
  }
  if (/^-0(\.0+)?$/.test(text)) text = text.slice(1);
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.slice(1) : text).split(".");
  const wholeText = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) : whole;
  const out = (negative ? "-" : "") + wholeText + (fraction ? `,${fraction}` : "");
  return percent ? `${out}${NBSP}%` : out;
}
