import { formulaShapeToken, rankedFormulaTokens } from "../../../src/engine/plan/references";

/** Formulas over a source, as Målkoll writes them, and as Excel leaves them after an edit of the source. */
const written = ["'Driftbudget'!B4", "'Driftbudget'!C4", "'Driftbudget'!B5", "'Driftbudget'!C5", "B6+C6-D6"];

describe("references by rank", () => {
  test("a row or column inserted in the source, or the sheet renamed, keeps every rank", () => {
    const ranked = rankedFormulaTokens(written);
    expect(ranked[0]).toBe("=S0C1R1");
    expect(
      rankedFormulaTokens([
        "Driftbudget!$B$5",
        "Driftbudget!C5",
        "Driftbudget!B7",
        "Driftbudget!C7",
        "B6+C6-D6",
      ]),
    ).toEqual(ranked);
    expect(
      rankedFormulaTokens([
        "Driftbudget!C4",
        "Driftbudget!D4",
        "Driftbudget!C5",
        "Driftbudget!D5",
        "B6+C6-D6",
      ]),
    ).toEqual(ranked);
    expect(
      rankedFormulaTokens([
        "'Drift 2021'!B4",
        "'Drift 2021'!C4",
        "'Drift 2021'!B5",
        "'Drift 2021'!C5",
        "B6+C6-D6",
      ]),
    ).toEqual(ranked);
  });

  test("a reference pointed elsewhere changes a rank, even to a cell the sheet points at already", () => {
    const ranked = rankedFormulaTokens(written);
    for (const [i, other] of [
      [0, "'Driftbudget'!B5"],
      [0, "'Driftbudget'!C4"],
      [1, "'Driftbudget'!C9"],
      [2, "'Uppföljning'!B5"],
      [4, "B6+C6-E6"],
    ] as const) {
      const edited = [...written];
      edited[i] = other;
      expect(rankedFormulaTokens(edited)).not.toEqual(ranked);
    }
  });

  test("quoted names with an apostrophe, absolute references, ranges and functions", () => {
    expect(rankedFormulaTokens(["SUM('Kim''s kostn.'!$C$5:C9)", "LOG10(A1)"])).toEqual([
      "=SUM(S0C1R1:S0C1R2)",
      "=LOG10(A1)", // the sheet's own cell: kept as written
    ]);
  });

  test("a deleted cell's reference is #REF!, with its sheet (Excel) or without (LibreOffice); the shape keeps only what is not a reference", () => {
    expect(rankedFormulaTokens(["Driftbudget!#REF!", "#REF!+B2"])).toEqual(["=#REF!", "=#REF!+B2"]);
    expect(formulaShapeToken("Driftbudget!#REF!")).toBe(formulaShapeToken("'Driftbudget'!B4"));
    expect(formulaShapeToken("#REF!")).toBe("=@");
    // The sheet's own references stay: nothing in another sheet moves them.
    expect(formulaShapeToken("B8+C8+D8-E8")).toBe("=B8+C8+D8-E8");
    expect(formulaShapeToken("Driftbudget!B5-E8")).toBe("=@-E8");
    expect(formulaShapeToken("BUDGET2021!C5")).toBe("=@");
  });
});
