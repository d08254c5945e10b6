import { excelFixed } from "../../engine/report/shownNumber";

/** No line break inside a number or between it and its unit. */
export const NBSP = "\u00a0";

/**
 * A number for the pane's own texts (a setting, a cell in the playground's grid), as Swedish Excel
 * shows it: `2 435,3`, `-489,4`, `4,1 %`. Decimals and grouping come from the cell's
 * (locale-invariant) format code; a `%` format shows value × 100; without one, as many decimals as
 * the value has. The report's cells are written by `formattedNumber` (engine/report/shownNumber).
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
    text = excelFixed(value, decimals, percent ? 2 : 0);
  }
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.slice(1) : text).split(".");
  const wholeText = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) : whole;
  const out = (negative ? "-" : "") + wholeText + (fraction ? `,${fraction}` : "");
  return percent ? `${out}${NBSP}%` : out;
}
