import {
  MAX_PAGE_BREAKS,
  makeShift,
  planPages,
  shiftFormula,
  shiftRange,
} from "../../../src/engine/report/pages";
import type { RowInfo, TableRows } from "../../../src/engine/report/rows";

/** Header copies inserted before original rows 3 and 10 (0-based): rows from 4 move one down, from 11 two. */
const shift = makeShift([{ before: 3 }, { before: 10 }]);

describe("references follow their rows when header copies are inserted", () => {
  it("maps original rows past each insert", () => {
    expect([1, 3, 4, 10, 11, 40].map(shift)).toEqual([1, 3, 5, 11, 13, 42]);
  });

  it("shifts the references of the sums Målkoll writes", () => {
    expect(shiftFormula("F12", shift)).toBe("F14");
    expect(shiftFormula("B5+C5-E5", shift)).toBe("B6+C6-E6");
    expect(shiftFormula("C2+C40", shift)).toBe("C2+C42");
    // Up to three capitals are a column; the expression takes the last three of a longer run.
    expect(shiftFormula("ABCD5", shift)).toBe("ABCD6");
    expect(shiftFormula("5+B5", shift)).toBe("5+B6");
  });

  it("leaves references to other sheets and keeps absolute markers", () => {
    expect(shiftFormula("'Ekonomi 2021'!F12", shift)).toBe("'Ekonomi 2021'!F12");
    expect(shiftFormula("Ekonomi!F12+F12", shift)).toBe("Ekonomi!F12+F14");
    expect(shiftFormula("SUM($B$5:B12)", shift)).toBe("SUM($B$6:B14)");
    expect(shiftRange("A5:A21", shift)).toBe("A6:A23");
  });
});

describe("a table that runs past a page", () => {
  /** A heading, a header and 80 body rows of 15 pt: longer than a page. */
  function longTable(chartData: boolean) {
    const info: RowInfo[] = [
      { role: "heading", table: 0 },
      { role: "header", table: 0 },
      ...Array.from({ length: 80 }, (): RowInfo => ({ role: "body", table: 0 })),
    ];
    const heights = info.map(() => 15);
    const tables: TableRows[] = [{ heading: 0, header: 1, last: 81, chartData }];
    return planPages(info, heights, tables, [], false);
  }

  it("gets a copy of its header row after each break", () => {
    const plan = longTable(false);
    expect(plan.breaks.length).toBeGreaterThan(0);
    expect(plan.inserts.map((i) => i.before)).toEqual(plan.breaks.map((b) => b.row));
  });

  it("but a chart's data block does not: a copy would sit inside the chart's range as a bar", () => {
    const plan = longTable(true);
    expect(plan.breaks.length).toBeGreaterThan(0);
    expect(plan.inserts).toEqual([]);
    expect(plan.breaks.every((b) => !b.copy)).toBe(true);
  });
});

describe("a sheet longer than Excel's page breaks (the bench's 10 000 indicators planned 1 043)", () => {
  it("gets at most 1 024 breaks, and no header copy after the last: Excel paginates the rest", () => {
    const rows = 60_000;
    const info: RowInfo[] = [
      { role: "heading", table: 0 },
      { role: "header", table: 0 },
      ...Array.from({ length: rows }, (): RowInfo => ({ role: "body", table: 0 })),
    ];
    const tables: TableRows[] = [{ heading: 0, header: 1, last: rows + 1, chartData: false }];
    const plan = planPages(
      info,
      info.map(() => 15),
      tables,
      [],
      false,
    );
    expect(MAX_PAGE_BREAKS).toBe(1024);
    expect(plan.breaks).toHaveLength(1024);
    const last = plan.breaks[plan.breaks.length - 1].row;
    expect(plan.inserts.every((i) => i.before <= last)).toBe(true);
    // Without the cap the same rows plan about 1 700 pages.
    expect(last).toBeLessThan(rows * 0.7);
  });
});
