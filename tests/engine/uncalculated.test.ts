/**
 * Formula cells the port marks as uncalculated (`SheetGrid.uncalculated`): the check reads them as
 * empty, says so once per sheet, and draws no conclusion from their stored values. Seed rows of 002
 * (the driftbudget table at lines 1921–1986, KF goal 1.1's indicators at lines 153–320), with cells
 * as a script would have saved them as formulas.
 */
import { cellAt } from "../../src/engine/grid";
import { check } from "../../src/engine";
import { seedAtLines } from "../helpers/seedAtLines";
import { snapshotOf } from "../helpers/seedGrid";
import { withCells } from "../helpers/withCells";

const budgetSheet = () => seedAtLines("002-t2-driftbudget.txt", "Ekonomi");
const at = (code: string, findings: { code: string; cell: string }[]) =>
  findings.filter((f) => f.code === code).map((f) => f.cell);

describe("a driftbudget whose formulas XlsxWriter saved as 0", () => {
  // Intäkter's Avvikelse (seed: 3,0) and the netto row (2 435,3 15,2 16,5 2 447,1 19,9) as formulas.
  const zeros = { F1927: 0, B1926: 0, C1926: 0, D1926: 0, E1926: 0, F1926: 0 };
  const formulaCells = ["B1926", "C1926", "D1926", "E1926", "F1926", "F1927"];

  test("trusted, the 0s are errors Excel would not show (what the marks prevent)", () => {
    const { findings } = check(snapshotOf(withCells(budgetSheet(), zeros, [])));
    expect(at("budget-deviation-mismatch", findings)).toContain("F1927");
  });

  test("marked, they are read as empty: one finding at the first, no budget error", () => {
    const { findings, model } = check(snapshotOf(withCells(budgetSheet(), zeros, formulaCells)));
    const notCalculated = findings.filter((f) => f.code === "formula-not-calculated");
    expect(notCalculated).toHaveLength(1);
    expect(notCalculated[0]).toMatchObject({ severity: "warning", sheet: "Ekonomi", cell: "B1926" });
    expect(notCalculated[0].message).toContain(": 6 på bladet ”Ekonomi”, den första i B1926.");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const intakter = model.budget.find((b) => b.label === "Intäkter");
    expect(intakter).toMatchObject({ deviation: null, computedDeviation: 3 });
    // The netto row's figures are all formulas: nothing of it can be read.
    expect(model.budget.map((b) => b.row)).not.toContain(1926);
  });

  test("the grid the port handed over keeps its stored values", () => {
    const sheet = withCells(budgetSheet(), zeros, formulaCells);
    check(snapshotOf(sheet));
    expect(cellAt(sheet, 1927, 6)).toBe(0);
  });
});

describe("an indicator whose outcome is a formula openpyxl saved without a value", () => {
  // B272: the outcome of "Andel barn som lever i familjer som har ekonomiskt bistånd" (seed: 4,1 %).
  const indicatorSheet = (uncalculated: string[]) =>
    withCells(seedAtLines("002-t2-kf-1.1.txt"), { B272: null }, uncalculated);

  test("unmarked, an empty outcome is missing", () => {
    const { findings } = check(snapshotOf(indicatorSheet([])));
    expect(at("outcome-missing", findings)).toContain("B272");
  });

  test("marked, it is not called missing; one finding says why", () => {
    const { findings, model } = check(snapshotOf(indicatorSheet(["B272"])));
    expect(at("outcome-missing", findings)).not.toContain("B272");
    // The seed's own empty outcome (B281) is still missing.
    expect(at("outcome-missing", findings)).toContain("B281");
    // Judged on what was written: the forecast (F272, 4 %), not the formula's missing value.
    expect(model.indicators.find((i) => i.row === 272)).toMatchObject({
      outcome: null,
      statusBasis: "forecast",
    });
    const notCalculated = findings.filter((f) => f.code === "formula-not-calculated");
    expect(notCalculated.map((f) => [f.sheet, f.cell])).toEqual([["Uppföljning", "B272"]]);
    expect(notCalculated[0].message).toMatch(
      /^Formler i arbetsboken saknar beräknade värden \(filen är sparad av ett program som inte räknar om formler\): 1 på bladet ”Uppföljning”, den första i B272\. Öppna och spara den i Excel eller LibreOffice /,
    );
    expect(notCalculated[0].messageEn).toMatch(
      /^Formulas in the workbook have no calculated values \(the file was saved by a program that does not recalculate formulas\): 1 on the sheet "Uppföljning"/,
    );
  });
});
