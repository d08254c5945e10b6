/**
 * What every port draws a chart from: the values of a range on the sheet spec, and the whole-number
 * step of a count axis. Shared so the xlsx and Office charts step their axes alike.
 */
import { parseA1Range } from "../engine/grid";
import type { ChartSpec, SheetSpec } from "../engine/report/spec";

/** Values of a range on the spec, in reading order. */
export function rangeValues(spec: SheetSpec, range: string): (string | number | null)[] {
  const r = parseA1Range(range);
  if (!r) return [];
  const out: (string | number | null)[] = [];
  for (let row = r.row1; row <= r.row2; row++)
    for (let col = r.col1; col <= r.col2; col++) out.push(spec.rows[row - 1]?.[col - 1]?.value ?? null);
  return out;
}

/** A whole-number step for a count axis up to `max`, about five to ten steps. */
function countStep(max: number): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]) if (max / step <= 10) return step;
  return 10 ** Math.ceil(Math.log10(Math.max(1, max / 10)));
}

/** The largest bar: the sum of a category's values when stacked, else the largest value. */
function largestBar(chart: ChartSpec, spec: SheetSpec): number {
  const columns = chart.series.map((s) => rangeValues(spec, s.values));
  const n = Math.max(0, ...columns.map((c) => c.length));
  let max = 0;
  for (let i = 0; i < n; i++) {
    const values = columns.map((c) => (typeof c[i] === "number" ? (c[i] as number) : 0));
    max = Math.max(
      max,
      chart.kind === "stackedBar" ? values.reduce((a, b) => a + Math.max(0, b), 0) : Math.max(...values),
    );
  }
  return max;
}

/** The step of a chart's value axis: whole numbers for counts, null to let the host choose. */
export function axisStep(chart: ChartSpec, spec: SheetSpec): number | null {
  return chart.integerAxis ? countStep(largestBar(chart, spec)) : null;
}
