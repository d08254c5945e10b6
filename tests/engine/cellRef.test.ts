import { cellRef } from "../../src/engine/grid";

describe("cellRef: a cell as Excel writes a reference to it", () => {
  test.each([
    ["Blad1", "B12", "Blad1!B12"],
    ["Måluppföljning", "A1", "Måluppföljning!A1"],
    ["T2 2021", "I123", "'T2 2021'!I123"],
    ["Kim's", "A1", "'Kim''s'!A1"],
    ["Drift-budget", "C3", "'Drift-budget'!C3"],
    ["2021", "A1", "'2021'!A1"],
    // Names that read as a cell are quoted too.
    ["AB12", "A1", "'AB12'!A1"],
    ["R1C1", "A1", "'R1C1'!A1"],
    ["Tab", "A1", "Tab!A1"],
  ])("%s %s → %s", (sheet, cell, ref) => {
    expect(cellRef(sheet, cell)).toBe(ref);
  });
});
