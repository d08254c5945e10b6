/**
 * A native Excel chart from a ChartSpec, as the xlsx port draws it: series in the look's colours,
 * the look's font and text sizes, categories top down with every label shown, whole-number steps
 * for counts, the legend below. One unit with every action of the chart.
 */
import { a1, parseA1 } from "../../engine/grid";
import { CHART_TEXT, COLOURS, FONT_NAME } from "../../engine/report/look";
import type { ChartSpec, SheetSpec } from "../../engine/report/spec";
import { axisStep } from "../chartData";
import type { Unit } from "./batch";
import { ACTION_BYTES, actionBytes } from "./batch";
import { htmlColour } from "./styles";

/** The xlsx port's `c:gapWidth` (per cent of a bar's width between categories). */
const GAP_WIDTH = 80;

const points = (hundredths: number): number => hundredths / 100;

export function chartUnit(sheet: () => Excel.Worksheet, spec: ChartSpec, sheetSpec: SheetSpec): Unit | null {
  const first = spec.series[0];
  if (!first) return null;
  const stacked = spec.kind === "stackedBar";
  const step = axisStep(spec, sheetSpec);
  return {
    request: actionBytes(spec) + (24 + 5 * spec.series.length) * ACTION_BYTES,
    queue() {
      const worksheet = sheet();
      const chart = worksheet.charts.add(
        stacked ? "BarStacked" : "BarClustered",
        worksheet.getRange(first.values),
        "Columns",
      );
      chart.format.font.name = FONT_NAME;
      chart.format.font.size = points(CHART_TEXT.labels);
      chart.format.font.color = htmlColour(COLOURS.text);
      chart.title.text = spec.title;
      chart.title.format.font.size = points(CHART_TEXT.title);
      chart.title.format.font.bold = true;
      const categories = worksheet.getRange(spec.categories);
      spec.series.forEach((entry, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(entry.name);
        if (i === 0) series.name = entry.name;
        else series.setValues(worksheet.getRange(entry.values));
        series.setXAxisValues(categories);
        if (entry.colour) series.format.fill.setSolidColor(htmlColour(entry.colour));
      });
      const bars = chart.series.getItemAt(0);
      bars.gapWidth = GAP_WIDTH;
      if (stacked) bars.overlap = 100;
      // Categories from the top down, every label shown, the value axis at the foot.
      const categoryAxis = chart.axes.categoryAxis;
      categoryAxis.reversePlotOrder = true;
      categoryAxis.tickLabelSpacing = 1;
      categoryAxis.position = "Maximum";
      if (step !== null) {
        const valueAxis = chart.axes.valueAxis;
        valueAxis.minimum = 0;
        valueAxis.majorUnit = step;
        valueAxis.numberFormat = "0";
      }
      chart.legend.position = "Bottom";
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
