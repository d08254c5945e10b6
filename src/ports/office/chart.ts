/** A native Excel chart from a ChartSpec: one unit with every action of the chart. */
import { a1, parseA1 } from "../../engine/grid";
import type { ChartSpec } from "../../engine/report/spec";
import type { Unit } from "./batch";
import { ACTION_BYTES, actionBytes } from "./batch";

export function chartUnit(sheet: () => Excel.Worksheet, spec: ChartSpec): Unit | null {
  const [first, ...rest] = spec.series;
  if (!first) return null;
  return {
    request: actionBytes(spec) + (6 + 3 * rest.length) * ACTION_BYTES,
    queue() {
      const worksheet = sheet();
      const type = spec.kind === "stackedBar" ? "BarStacked" : "BarClustered";
      const chart = worksheet.charts.add(type, worksheet.getRange(first.values), "Columns");
      chart.title.text = spec.title;
      const categories = worksheet.getRange(spec.categories);
      const firstSeries = chart.series.getItemAt(0);
      firstSeries.name = first.name;
      firstSeries.setXAxisValues(categories);
      for (const more of rest) {
        const series = chart.series.add(more.name);
        series.setValues(worksheet.getRange(more.values));
        series.setXAxisValues(categories);
      }
      const anchor = parseA1(spec.anchor.cell);
      if (anchor) {
        const end = a1(
          anchor.row + Math.max(1, spec.anchor.heightRows) - 1,
          anchor.col + Math.max(1, spec.anchor.widthCols) - 1,
        );
        chart.setPosition(spec.anchor.cell, end);
      }
    },
  };
}
