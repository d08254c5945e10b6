/**
 * Måluppfyllelse's chart data names a goal as the chart's axis does. It cut every name to 42
 * characters, so that a Mål column wide enough for the whole name (a finance walk's workbook) still
 * showed `2.5. Stockholm är en hållbar stad med en…`: the name is now whole where the column holds it
 * on one line, cut to that line where it does not, and never to fewer than 42 characters. On real
 * rows: 002's KF mål 1.1 (lines 271–418), under the name of 000's KF mål 2.5 (line 241) and under a
 * longer one, wider than the column.
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { CELL_PADDING_POINTS, WIDTH_UNIT_POINTS } from "../../../src/engine/report/look";
import { textPoints } from "../../../src/engine/report/measure";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { seedSheet, snapshotOf } from "../../helpers/seedGrid";

const KF = "KF:s mål för verksamhetsområdet: ";
/** The size of the report's body text. */
const SIZE = 9;
/** One printed line of it, in points. */
const LINE = 12;

/** 002's KF mål 1.1 under the name `name` (its number included). */
function goalSheet(name: string): SheetSpec {
  const sheet = seedSheet("002-t2-kf-1.1", "Uppföljning");
  const at = sheet.values.findIndex((r) => String(r[0]).startsWith(`${KF}1.1`));
  sheet.values[at] = [`${KF}${name}`];
  const snapshot = snapshotOf(sheet);
  const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
  return buildReport(result, { snapshot }).sheets.find((s) => s.key === "maluppfyllelse")!;
}

/** The goal's row in the chart data (under its `Diagramunderlag` heading), 0-based. */
function chartRow(spec: SheetSpec, name: string): number {
  const heading = spec.rows.findIndex((r) =>
    String(r[0]?.value).startsWith(`Diagramunderlag: ${KF.slice(0, -2)}`),
  );
  return spec.rows.findIndex((r, i) => i > heading && String(r[0]?.value).startsWith(name.slice(0, 20)));
}

/** Points the Mål column gives its text on one line. */
function usable(spec: SheetSpec): number {
  return spec.columnWidths![0] * WIDTH_UNIT_POINTS.narrow - CELL_PADDING_POINTS;
}

describe("Måluppfyllelse's chart data names a goal", () => {
  it("whole where the Mål column holds the name on one line", () => {
    const name = "2.5. Stockholm är en hållbar stad med en god livsmiljö";
    const spec = goalSheet(name);
    expect(name.length).toBeGreaterThan(42);
    expect(textPoints(name, SIZE)).toBeLessThan(usable(spec));
    const row = chartRow(spec, name);
    expect(spec.rows[row][0]?.value).toBe(name);
    expect(spec.rowHeights![row]).toBe(LINE);
  });

  it("cut with … to what the column holds on one line where the name is longer", () => {
    const name = "1.1 Stockholm är en hållbar stad där det är enkelt att leva och verka för alla";
    const spec = goalSheet(name);
    const row = chartRow(spec, name);
    const shown = String(spec.rows[row][0]?.value);
    expect(textPoints(name, SIZE)).toBeGreaterThan(usable(spec));
    expect(shown.endsWith("…")).toBe(true);
    expect(name.startsWith(shown.slice(0, -1))).toBe(true);
    expect(shown.length).toBeGreaterThan(42);
    expect(textPoints(shown, SIZE)).toBeLessThanOrEqual(usable(spec));
    expect(spec.rowHeights![row]).toBe(LINE);
    // One more character would not fit: the cut is where the line ends, not before.
    const longer = `${name.slice(0, shown.length).trimEnd()}…`;
    expect(textPoints(longer, SIZE)).toBeGreaterThan(usable(spec));
  });
});
