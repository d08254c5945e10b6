import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { evaluate, RULES_DOC } from "../../../src/engine/evaluate";
import { deviationTerms } from "../../../src/engine/evaluate/budget";
import {
  expectedDeviation,
  roundAmount,
  roundingTolerance,
  roundTo,
} from "../../../src/engine/evaluate/amounts";
import { DEFAULT_SETTINGS, resolveSettings } from "../../../src/engine/settings";
import type { BudgetLine } from "../../../src/engine/model/types";
import { AREA_ROWS, areaBudget, model, namndBudget, resultUnits } from "./fixtures";

describe("Avvikelse recomputed (002 lines 1925–1953)", () => {
  it("reproduces every per-area Avvikelse exactly: Budget + BJ − Prognos efter RÖ", () => {
    const lines = areaBudget();
    evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS);
    expect(lines.map((l) => [l.label, l.computedDeviation])).toEqual(
      AREA_ROWS.map(([, label, , , , , , deviation]) => [label, deviation]),
    );
  });

  it("reproduces the whole-nämnd rows: Budget + BJ + förändringar − Prognos", () => {
    const lines = namndBudget();
    evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS);
    expect(lines.slice(0, 3).map((l) => l.computedDeviation)).toEqual([19.9, 3.0, 16.9]);
  });

  it("chains the resultatdisposition: 19,9 before, 19,9 + 76,1 − 89,1 = 6,9 after", () => {
    const lines = namndBudget();
    evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS);
    const byLabel = (start: string) => lines.find((l) => l.label.startsWith(start))!;
    expect(byLabel("Prognos/avvikelse före").computedDeviation).toBe(19.9);
    expect(byLabel("Prognos/avvikelse efter").computedDeviation).toBe(6.9);
    // The överskott från/till rows are inputs: nothing to recompute.
    expect(byLabel("Resultatenheterna överskott från").computedDeviation).toBeNull();
  });

  it("recomputes from the cells, not by echoing the stated figure", () => {
    const lines = namndBudget();
    lines[0].forecast = 2440.0;
    lines[0].deviation = 19.9;
    evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS);
    expect(lines[0].computedDeviation).toBe(27.0);
    expect(lines[6].computedDeviation).toBe(14.0); // 27,0 + 76,1 − 89,1
  });
});

describe("budget arithmetic helpers", () => {
  it("rounds half away from zero without floating noise or -0", () => {
    expect(roundTo(0.05, 1)).toBe(0.1);
    expect(roundTo(-0.05, 1)).toBe(-0.1);
    expect(roundTo(2435.3 + 15.2 + 16.5 - 2447.1, 1)).toBe(19.9);
    expect(Object.is(roundTo(-0.01, 1), 0)).toBe(true);
    expect(roundAmount(1234.5, "tkr")).toBe(1235);
  });

  it("snaps floating noise at a half only, and large amounts to twelve digits", () => {
    expect(roundTo(1.0049999999999999, 2)).toBe(1.01); // 100.49999999999999 is 100.5 to 12 digits
    expect(roundTo(0.28499999999999998, 2)).toBe(0.29);
    expect(roundTo(2.4999999, 0)).toBe(2); // a real 2.4999999 is no noise
    expect(roundTo(123456789012.4, 0)).toBe(123456789012);
    expect(roundTo(1234567890123.4, 0)).toBe(1234567890120);
  });

  it("rounds as Math.round of the amount to twelve significant digits does", () => {
    const reference = (value: number, decimals: number): number => {
      const factor = 10 ** decimals;
      const rounded = Math.round(Number((Math.abs(value) * factor).toPrecision(12))) / factor;
      const signed = value < 0 ? -rounded : rounded;
      return signed === 0 ? 0 : signed;
    };
    const nearHalf = fc
      .tuple(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
      )
      .map(([whole, ulps, decimals]) => {
        const half = (whole + 0.5) / 10 ** decimals;
        return [half + ulps * Number.EPSILON * Math.abs(half), decimals] as const;
      });
    // Around the margin where twelve digits stop mattering: 5e-12 to 1e-11 of the amount.
    const nearMargin = fc
      .tuple(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.double({ noNaN: true, min: -2e-11, max: 2e-11 }),
        fc.integer({ min: 0, max: 2 }),
      )
      .map(([whole, share, decimals]) => {
        const half = (whole + 0.5) / 10 ** decimals;
        return [half * (1 + share), decimals] as const;
      });
    const anywhere = fc.tuple(
      fc.double({ noNaN: true, min: -1e15, max: 1e15 }),
      fc.integer({ min: 0, max: 2 }),
    );
    fc.assert(
      fc.property(fc.oneof(nearHalf, nearMargin, anywhere), ([value, decimals]) => {
        expect(roundTo(value, decimals)).toBe(reference(value, decimals));
      }),
      { numRuns: 20_000 },
    );
  });

  it("expectedDeviation needs a budget and a forecast", () => {
    const base: Pick<BudgetLine, "budget" | "adjustments" | "changes" | "forecast" | "unit"> = {
      budget: 100,
      adjustments: null,
      changes: null,
      forecast: null,
      unit: "mnkr",
    };
    expect(expectedDeviation(base)).toBeNull();
    expect(expectedDeviation({ ...base, forecast: 98.45 })).toBe(1.6);
  });

  it("rounding tolerance is half a unit per rounded term", () => {
    expect(deviationTerms({ adjustments: 15.2, changes: 16.5 })).toBe(4);
    expect(roundingTolerance("mnkr", 4)).toBeCloseTo(0.2, 6);
    expect(roundingTolerance("tkr", 2)).toBeCloseTo(1, 6);
  });
});

describe("budgetföljsamhet (002: 99,2 % before, 99,7 % after transfers)", () => {
  it("comes from the whole-nämnd netto row and the row after resultatdisposition", () => {
    const m = model({ period: "T2", budget: namndBudget() });
    const { derived } = evaluate(m, DEFAULT_SETTINGS);
    expect(derived.map((d) => [d.key, d.value, d.target, d.met])).toEqual([
      ["budgetfoljsamhet-fore", 99.2, 100, true],
      ["budgetfoljsamhet-efter", 99.7, 100, true],
    ]);
    expect(derived[0].sheet).toBe("Ekonomi");
    expect(derived[0].cells).toEqual(["E1926", "B1926", "C1926", "D1926"]);
  });

  it("falls back to the per-area Totalt row (Prognos före/efter RÖ over Budget + BJ)", () => {
    const { derived } = evaluate(model({ period: "T2", budget: areaBudget() }), DEFAULT_SETTINGS);
    expect(derived.map((d) => [d.key, d.value])).toEqual([
      ["budgetfoljsamhet-fore", 99.2],
      ["budgetfoljsamhet-efter", 99.7],
    ]);
  });

  it("is not met above 100 % (a deficit)", () => {
    const lines = namndBudget();
    lines[0].forecast = 2480.0;
    const { derived } = evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS);
    expect(derived[0]).toMatchObject({ value: 100.5, met: false });
  });

  it("adds prognossäkerhet at VB when the row carries the year-end outcome", () => {
    const lines = namndBudget();
    lines[0].extra = { "Bokslut 2021": 2441.0 };
    lines[0].cells.outcome = "G1926";
    const { derived } = evaluate(model({ period: "VB", budget: lines }), DEFAULT_SETTINGS);
    const accuracy = derived.find((d) => d.key === "prognossakerhet");
    // (2 441,0 − 2 447,1) / 2 467,0 = −0,25 %
    expect(accuracy).toMatchObject({ value: -0.2, target: 1, targetKind: "band", met: true });
    const t2 = evaluate(model({ period: "T2", budget: namndBudget() }), DEFAULT_SETTINGS);
    expect(t2.derived.find((d) => d.key === "prognossakerhet")).toBeUndefined();
  });
});

describe("budget-deviation-large", () => {
  it("flags the per-area rows beyond 1 % of budget and 0,5 mnkr, varav rows included", () => {
    const lines = areaBudget();
    const { findings } = evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS);
    const large = findings.filter((f) => f.code === "budget-deviation-large");
    expect(large.map((f) => f.cell)).toEqual(["F1938", "F1941", "F1942", "F1948", "F1950", "F1951"]);
    expect(large[0].message).toContain("25,6 mnkr");
    // None of these rows carries an analysis in the table, so each also asks for one.
    expect(findings.filter((f) => f.code === "analysis-missing").map((f) => f.cell)).toEqual([
      "A1938",
      "A1941",
      "A1942",
      "A1948",
      "A1950",
      "A1951",
    ]);
  });

  it("does not ask for an analysis that is there, and skips disposition rows", () => {
    const lines = namndBudget();
    const { findings } = evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS);
    expect(findings).toEqual([]); // 19,9 is 0,8 % of 2 467,0; the 76,1/−89,1 transfers are not deviations
    const area = areaBudget();
    area[1].analysis = "Prognosen för individ- och familjeomsorg visar ett överskott.";
    const again = evaluate(model({ period: "T2", budget: area }), DEFAULT_SETTINGS);
    expect(again.findings.filter((f) => f.code === "analysis-missing").map((f) => f.cell)).not.toContain(
      "A1938",
    );
  });

  it("a threshold override changes what is large (Förskoleverksamhet −4,7 on 575,8)", () => {
    const { findings } = evaluate(
      model({ period: "T2", budget: areaBudget() }),
      resolveSettings({ budgetDeviationShare: 0.005 }),
    );
    expect(findings.filter((f) => f.code === "budget-deviation-large").map((f) => f.cell)).toContain("F1946");
  });

  it("converts the minimum amount for tkr tables (0,5 mnkr = 500 tkr)", () => {
    const row = (deviation: number): BudgetLine => ({
      sheet: "Ekonomi",
      row: 10,
      table: "Tkr",
      kind: "row",
      label: "Pandemi",
      unit: "tkr",
      budget: 20000,
      adjustments: null,
      changes: null,
      forecastBeforeTransfers: null,
      forecast: 20000 - deviation,
      deviation,
      computedDeviation: null,
      analysis: "x",
      cells: { deviation: "F10" },
      tableType: "budget-other",
      tableId: "Ekonomi!A9",
    });
    const small = evaluate(model({ period: "T2", budget: [row(450)] }), DEFAULT_SETTINGS);
    expect(small.findings).toEqual([]);
    const big = evaluate(model({ period: "T2", budget: [row(-600)] }), DEFAULT_SETTINGS);
    expect(big.findings.map((f) => [f.code, f.cell])).toEqual([["budget-deviation-large", "F10"]]);
  });
});

describe("result-unit-cap (002 lines 2242–2270, tkr)", () => {
  it("no unit exceeds 10 % of its gross budget beyond rounding (10 396 of 103 955 is 10,0 %)", () => {
    const { findings } = evaluate(model({ period: "T2", budget: resultUnits() }), DEFAULT_SETTINGS);
    expect(findings).toEqual([]);
  });

  it("a 9 % cap flags the units above it (Årsta 2: 5 458 of 56 880 = 9,6 %), on the carry-over cell, never the Summa row", () => {
    const { findings } = evaluate(
      model({ period: "T2", budget: resultUnits() }),
      resolveSettings({ resultUnitCap: 0.09 }),
    );
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ["result-unit-cap", "G2247"],
      ["result-unit-cap", "G2248"],
      ["result-unit-cap", "G2249"],
      ["result-unit-cap", "G2251"],
      ["result-unit-cap", "G2255"],
      ["result-unit-cap", "G2260"],
      ["result-unit-cap", "G2262"],
      ["result-unit-cap", "G2263"],
    ]);
    expect(findings[0].message).toContain("Gruppboendestäder");
  });
});

describe("rules documentation", () => {
  it("the README carries RULES_DOC verbatim", () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../../src/engine/evaluate/README.md"), "utf8");
    expect(readme).toContain(RULES_DOC);
  });
});
