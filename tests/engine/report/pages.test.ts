import { makeShift, shiftFormula, shiftRange } from "../../../src/engine/report/pages";

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
