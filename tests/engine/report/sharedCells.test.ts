import { FigureCells, indicatorNumber } from "../../../src/engine/report/format";
import { SharedCells } from "../../../src/engine/report/spec";

describe("cells shared down a column", () => {
  it("gives one number cell per column, format and value", () => {
    const shared = new SharedCells();
    const a = shared.number(1, 4.1, "#,##0.0");
    expect(shared.number(1, 4.1, "#,##0.0")).toBe(a);
    expect(shared.number(2, 4.1, "#,##0.0")).not.toBe(a);
    expect(shared.number(1, 4.1, "0.0 %")).not.toBe(a);
    expect(shared.number(1, 4.2, "#,##0.0")).not.toBe(a);
    expect(a).toMatchObject({ value: 4.1, format: "#,##0.0", style: "normal", formula: undefined });
  });

  it("keeps -0 apart from 0 (a Map takes them for one key)", () => {
    const shared = new SharedCells();
    const zero = shared.number(1, 0, "#,##0");
    const minusZero = shared.number(1, -0, "#,##0");
    expect(minusZero).not.toBe(zero);
    expect(Object.is(minusZero.value, -0)).toBe(true);
    expect(Object.is(shared.number(1, 0, "#,##0").value, 0)).toBe(true);
  });
});

describe("figure cells", () => {
  it("gives one cell per column, unit, bound word, decimals shown and figure, as indicatorNumber makes it", () => {
    const figures = new FigureCells();
    const a = figures.get(1, 4.1, "%", null, 1);
    expect(figures.get(1, 4.1, "%", null, 1)).toBe(a);
    expect(figures.get(2, 4.1, "%", null, 1)).not.toBe(a);
    expect(figures.get(1, 4.1, "%", "Max", 1)).not.toBe(a);
    expect(figures.get(1, 4.1, "%", null, 2)).not.toBe(a);
    expect(a).toMatchObject({ value: 0.041, format: "0.0 %", style: "normal", formula: undefined });
    for (const [n, unit, kind, shown] of [
      [4.1, "%", null, 1],
      [0.30000000000000004, null, null, 1],
      [2.13, "st", "Minst", 0],
      [15.25, "barn/avd.", null, undefined],
      [1.5, "%", "Högst", undefined],
    ] as const)
      expect(figures.get(3, n, unit, kind, shown)).toMatchObject(indicatorNumber(n, unit, kind, shown));
  });

  it("finds figures of few digits (kept in an array) and of many alike, each in its unit and place", () => {
    const figures = new FigureCells();
    for (const [n, unit, shown] of [
      [0, "%", 1],
      [102.3, "%", 1],
      [102.4, "%", 1],
      [1023, "st", 0],
      [1024, "st", 0],
      [-1, "st", 0],
      [0.1, null, undefined],
    ] as const) {
      const cell = figures.get(4, n, unit, null, shown);
      expect(cell).toMatchObject(indicatorNumber(n, unit, null, shown));
      // Asked again, between figures of another unit and place in the column: the same cell.
      figures.get(4, n, "kr", "Max", 2);
      expect(figures.get(4, n, unit, null, shown)).toBe(cell);
      expect(figures.get(4, n, unit, "Minst", shown)).not.toBe(cell);
    }
  });

  it("keeps -0 apart from 0, as given without decimals (rounded to 0) and with them (kept)", () => {
    const figures = new FigureCells();
    expect(Object.is(figures.get(1, 0, null, null, 0).value, 0)).toBe(true);
    expect(Object.is(figures.get(1, -0, null, null, 0).value, -0)).toBe(true);
    expect(Object.is(figures.get(1, -0, null, null).value, indicatorNumber(-0, null).value)).toBe(true);
  });

  it("tells figures apart whose digits do not fit an int32 (2^31 and past it), and NaN", () => {
    const figures = new FigureCells();
    // 0.5 and 0.5 + 2^32 / 10^10 wrap to the same int32 at ten decimals.
    const wrapped = 0.5 + 2 ** 32 / 1e10;
    for (const [n, shown] of [
      [0.5, 10],
      [wrapped, 10],
      [2 ** 31, 0],
      [-(2 ** 31), 0],
      [2 ** 31 + 1, 0],
      [1e300, undefined],
      [NaN, undefined],
    ] as const)
      expect(figures.get(1, n, null, null, shown)).toMatchObject(indicatorNumber(n, null, null, shown));
    expect(figures.get(1, wrapped, null, null, 10).value).not.toBe(figures.get(1, 0.5, null, null, 10).value);
  });
});
