/**
 * A sheet repeats its table headers for each goal (002: `Indikator | Periodens utfall | …` under
 * every mål). Recognition reads a header whose texts it has read before on the sheet as that header
 * (the tables share its columns); a header that opens with the same text but holds other columns,
 * or the same columns in another order, is read for itself.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { recognise } from "../../../src/engine/recognise";
import { plainSheet, seedLineCells, snapshotOf } from "../../helpers/seedGrid";

const SEED = "002-t2-kf-1.1";
const ALL = [0, 1, 2, 3, 4, 5, 6, 7, 8];
/** Periodens utfall and Årsmål change places. */
const SWAPPED = [0, 6, 2, 3, 4, 5, 1, 7, 8];

/** 002 line 278 (the header) and line 284 (`Antal aspiranter som fått Stockholmsjobb`), columns picked. */
function table(pick: number[]): CellValue[][] {
  return [seedLineCells(SEED, 278, pick), seedLineCells(SEED, 284, pick)];
}

/** More blank rows than a table spans: each header opens a table of its own. */
const GAP: CellValue[][] = [[], [], [], []];

const grid = plainSheet("Uppföljning", [
  ...table(ALL),
  ...GAP,
  ...table(ALL),
  ...GAP,
  ...table(SWAPPED),
  ...GAP,
  ...table(ALL),
]);

describe("a header repeated for each goal's table (002 lines 278 and 284)", () => {
  const recognition = recognise(snapshotOf(grid));
  const roles = recognition.tables.map((t) => t.columns.map((c) => c.role));

  it("reads each table's columns from its own header", () => {
    expect(recognition.tables.map((t) => t.headerRow)).toEqual([1, 7, 13, 19]);
    const plain = [
      "name",
      "outcome",
      "outcomeMen",
      "outcomeWomen",
      "previous",
      "forecast",
      "target",
      "kfTarget",
      "period",
    ];
    expect(roles[0]).toEqual(plain);
    expect(roles[1]).toEqual(plain);
    expect(roles[2]).toEqual([
      "name",
      "target",
      "outcomeMen",
      "outcomeWomen",
      "previous",
      "forecast",
      "outcome",
      "kfTarget",
      "period",
    ]);
    expect(roles[3]).toEqual(plain);
  });

  it("reads the same figures from the swapped columns", () => {
    const indicators = check(snapshotOf(grid)).model.indicators;
    expect(indicators).toHaveLength(4);
    for (const indicator of indicators) {
      expect(indicator).toMatchObject({ outcome: 21, target: 44, kfTarget: 800, forecast: 44, unit: "st" });
    }
    expect(indicators.map((i) => [i.cells.outcome, i.cells.target])).toEqual([
      ["B2", "G2"],
      ["B8", "G8"],
      ["G14", "B14"],
      ["B20", "G20"],
    ]);
  });
});
