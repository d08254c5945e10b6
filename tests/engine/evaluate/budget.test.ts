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
import type { CellValue } from "../../../src/engine/grid";
import { check } from "../../../src/engine";
import { plainSheet, seedSheet, snapshotOf } from "../../helpers/seedGrid";
import { resursenhetenBudgetSheet } from "../../fixtures/workbooks/resursenhetenBudget";
import { unitBudgetSheet } from "../../fixtures/workbooks/unitBudget";
import {
  AREA_ROWS,
  areaBudget,
  budgetLine,
  goal,
  model,
  namndBudget,
  resultUnits,
  SHEET,
  t1Budget,
} from "./fixtures";

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

describe("budgetföljsamhet from another budget table (a T1 `Mnkr | Budget | Begärda BJ | Prognos helår T1 | Avvikelse`)", () => {
  // 002's published figures (line 1691 and 1690): 99,2 % before, 99,7 % after transfers. By hand:
  // 2 447,1 / (2 435,3 + 31,7) = 2 447,1 / 2 467,0 = 0,99193 → 99,2 %;
  // (2 467,0 − 6,9) / 2 467,0 = 2 460,1 / 2 467,0 = 0,99720 → 99,7 %.
  const summary = (d: { key: string; value: number; met: boolean; sheet: string; cells: string[] }) => [
    d.key,
    d.value,
    d.met,
    d.sheet,
    d.cells,
  ];

  it("gives Budgetföljsamhet före resultatöverföringar from its Netto row: Prognos / (Budget + Begärda BJ)", () => {
    const { derived } = evaluate(model({ period: "T1", budget: t1Budget() }), DEFAULT_SETTINGS);
    expect(derived.map(summary)).toEqual([
      ["budgetfoljsamhet-fore", 99.2, true, "Ekonomi", ["D8", "B8", "C8"]],
    ]);
  });

  it("and efter resultatöverföringar from its row after resultatdisposition, as the whole-nämnd table does", () => {
    const { derived } = evaluate(
      model({ period: "T1", budget: t1Budget({ dispositions: true }) }),
      DEFAULT_SETTINGS,
    );
    expect(derived.map(summary)).toEqual([
      ["budgetfoljsamhet-fore", 99.2, true, "Ekonomi", ["D8", "B8", "C8"]],
      ["budgetfoljsamhet-efter", 99.7, true, "Ekonomi", ["B8", "C8", "E12"]],
    ]);
  });

  it("gives no prognossäkerhet: the table has no year-end outcome beside a T2 forecast", () => {
    const lines = t1Budget();
    const { derived } = evaluate(model({ period: "VB", budget: lines }), DEFAULT_SETTINGS);
    expect(derived.map((d) => d.key)).toEqual(["budgetfoljsamhet-fore"]);
  });

  it("reads a forecast named after resultatöverföringar as the figure after them, not before", () => {
    const lines = t1Budget();
    const netto = lines[2];
    netto.forecast = 2460.1; // 002 line 1953: Prognos efter RÖ
    netto.deviation = 6.9;
    for (const l of lines) l.forecastNamesAfterTransfers = true;
    const { derived } = evaluate(model({ period: "T1", budget: lines }), DEFAULT_SETTINGS);
    expect(derived.map((d) => [d.key, d.value])).toEqual([["budgetfoljsamhet-efter", 99.7]]);
  });

  it("takes a Totalt row where the table has no Netto row (002's per-area rows with Prognos före RÖ alone)", () => {
    const lines = areaBudget().map((l) => ({
      ...l,
      tableType: "budget-other" as const,
      forecast: null,
      cells: { ...l.cells, forecast: undefined },
    }));
    const { derived } = evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS);
    expect(derived.map(summary)).toEqual([
      ["budgetfoljsamhet-fore", 99.2, true, "Ekonomi", ["D1953", "B1953", "C1953"]],
    ]);
  });

  it("of several tables takes the largest netto, in mnkr: the nämnd's, not an area's above it (in tkr or mnkr)", () => {
    // 002 line 1946, Förskoleverksamhet: 575,0 / (588,7 − 12,9) = 575,0 / 575,8 = 99,9 %.
    const area = (unit: "mnkr" | "tkr", factor: number) =>
      budgetLine({
        tableType: "budget-other",
        tableId: "Ekonomi!A2",
        row: 3,
        label: "Netto",
        kind: "netto",
        unit,
        budget: 588.7 * factor,
        adjustments: -12.9 * factor,
        forecast: 575.0 * factor,
        deviation: 0.8 * factor,
      });
    const alone = evaluate(model({ period: "T1", budget: [area("mnkr", 1)] }), DEFAULT_SETTINGS);
    expect(alone.derived.map((d) => d.value)).toEqual([99.9]);
    for (const [unit, factor] of [
      ["mnkr", 1],
      ["tkr", 1000],
    ] as const) {
      const budget = [area(unit, factor), ...t1Budget({ header: 9 })];
      const { derived } = evaluate(model({ period: "T1", budget }), DEFAULT_SETTINGS);
      expect(derived.map(summary)).toEqual([
        ["budgetfoljsamhet-fore", 99.2, true, "Ekonomi", ["D12", "B12", "C12"]],
      ]);
    }
  });

  it("gives none from a table without a Netto or Totalt row (Kostnader and Intäkter alone, or Summa kostnader)", () => {
    const withoutNetto = t1Budget().filter((l) => l.kind !== "netto");
    expect(evaluate(model({ period: "T1", budget: withoutNetto }), DEFAULT_SETTINGS).derived).toEqual([]);
    const summaKostnader = t1Budget().map((l) =>
      l.kind === "netto" ? { ...l, kind: "total" as const, label: "Summa kostnader" } : l,
    );
    expect(evaluate(model({ period: "T1", budget: summaKostnader }), DEFAULT_SETTINGS).derived).toEqual([]);
  });

  it("gives none from a table without a Begärda BJ column: a unit's own table, whose netto is no nämnd's", () => {
    const lines = t1Budget().map((l) => ({
      ...l,
      adjustments: null,
      cells: { ...l.cells, adjustments: undefined },
    }));
    expect(evaluate(model({ period: "T1", budget: lines }), DEFAULT_SETTINGS).derived).toEqual([]);
  });

  it("gives none from a table whose heading names a unit, Begärda BJ or not", () => {
    const lines = t1Budget().map((l) => ({
      ...l,
      table: "Driftbudget Resursenheten 2021, prognos efter augusti",
    }));
    expect(evaluate(model({ period: "T1", budget: lines }), DEFAULT_SETTINGS).derived).toEqual([]);
  });

  it("gives none in a unit's workbook (one with an Enhetsmål, 000 line 307)", () => {
    const unitGoal = goal({
      id: `${SHEET}!A307`,
      level: "enhetsmal",
      title: "Resursenhetens budget är i balans",
    });
    const m = model({ period: "T1", goals: [unitGoal], budget: t1Budget() });
    expect(evaluate(m, DEFAULT_SETTINGS).derived).toEqual([]);
  });

  it("gives none from an investment table (002 lines 2292–2301: Totalt 41,3 of 41,3)", () => {
    const lines = [
      budgetLine({
        tableType: "investeringar",
        tableId: "Ekonomi!A2292",
        row: 2293,
        label: "Parkinvesteringar",
        kind: "row",
        budget: 6.0,
        adjustments: 0.0,
        forecast: 6.0,
        deviation: 0.0,
      }),
      budgetLine({
        tableType: "investeringar",
        tableId: "Ekonomi!A2292",
        row: 2301,
        label: "Totalt",
        kind: "total",
        budget: 41.3,
        adjustments: 0.0,
        forecast: 41.3,
        deviation: 0.0,
      }),
    ];
    expect(evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS).derived).toEqual([]);
  });

  it("gives way to the city's whole-nämnd table where the workbook has one", () => {
    const other = t1Budget({ header: 5 });
    other[2].forecast = 2480.0; // would be 100,5 %
    const { derived } = evaluate(
      model({ period: "T2", budget: [...namndBudget(), ...other] }),
      DEFAULT_SETTINGS,
    );
    expect(derived.map((d) => [d.key, d.value, d.cells[0]])).toEqual([
      ["budgetfoljsamhet-fore", 99.2, "E1926"],
      ["budgetfoljsamhet-efter", 99.7, "B1926"],
    ]);
  });

  it("is not met above 100 % (a deficit: 2 480,0 / 2 467,0 = 100,5 %)", () => {
    const lines = t1Budget();
    lines[2].forecast = 2480.0;
    const { derived } = evaluate(model({ period: "T1", budget: lines }), DEFAULT_SETTINGS);
    expect(derived.map((d) => [d.value, d.met])).toEqual([[100.5, false]]);
  });
});

describe("budgetföljsamhet from a T1 sheet, recognised and read (check)", () => {
  /** 002's whole-nämnd figures in the T1 layout (see t1Budget), as text cells a pasted report holds. */
  const T1_ROWS: CellValue[][] = [
    ["Tertialrapport 1 år 2021 för Enskede-Årsta-Vantörs stadsdelsnämnd"],
    [],
    ["Uppföljning av driftbudget"],
    [],
    ["Mnkr", "Budget 2021", "Begärda BJ", "Prognos helår T1", "Avvikelse"],
    ["Kostnader", "2 924,7", "54,6", "2 962,4", "16,9"],
    ["Intäkter", "-489,4", "-22,9", "-515,3", "3,0"],
    ["Netto", "2 435,3", "31,7", "2 447,1", "19,9"],
    ["Prognos/avvikelse före resultatdisposition er", null, null, null, "19,9"],
    ["Resultatenheterna överskott från 2020", null, null, null, "76,1"],
    ["Resultatenheterna överskott till 2022", null, null, null, "-89,1"],
    ["Prognos/avvikelse efter resultatdisposition er", null, null, null, "6,9"],
  ];

  it("reads the table as another budget table and gives 99,2 % before and 99,7 % after transfers", () => {
    const result = check(snapshotOf(plainSheet("Ekonomi", T1_ROWS)));
    expect(new Set(result.model.budget.map((l) => l.tableType))).toEqual(new Set(["budget-other"]));
    expect(result.derived.map((d) => [d.key, d.value, d.met, d.cells])).toEqual([
      ["budgetfoljsamhet-fore", 99.2, true, ["D8", "B8", "C8"]],
      ["budgetfoljsamhet-efter", 99.7, true, ["B8", "C8", "E12"]],
    ]);
    expect(result.findings).toEqual([]);
  });

  it("is not moved by a unit's own tables and an investment table beside it, which give none alone", () => {
    // 004's unit in tkr, `Budget 2020 | Utfall 2020 | Avvikelse` (no Begärda BJ): Netto 930 against −745.
    const unit = snapshotOf(unitBudgetSheet("Enhet"));
    expect(check(unit).derived).toEqual([]);
    // The Resursenheten walk's T2 table in tkr, with Begärda budgetjusteringar under a heading naming
    // the unit: its Netto 22 810 / (22 680 + 600) would be 98,0 %, the unit's, not the nämnd's.
    const walk = check(snapshotOf(resursenhetenBudgetSheet()));
    expect(walk.model.budget.map((l) => l.tableType)).toContain("budget-other");
    expect(walk.derived).toEqual([]);
    const investments = snapshotOf(seedSheet("002-t2-investeringar", "Investeringar"));
    expect(check(investments).derived).toEqual([]);
    const all = check(
      snapshotOf(
        unitBudgetSheet("Enhet"),
        resursenhetenBudgetSheet(),
        seedSheet("002-t2-investeringar", "Investeringar"),
        plainSheet("Driftbudget", T1_ROWS),
      ),
    );
    expect(all.derived.map((d) => [d.key, d.value, d.sheet])).toEqual([
      ["budgetfoljsamhet-fore", 99.2, "Driftbudget"],
      ["budgetfoljsamhet-efter", 99.7, "Driftbudget"],
    ]);
  });

  it("takes the nämnd's Netto below an area's block of the same layout, as 003 sets a table under each area", () => {
    // 002 line 1946, Förskoleverksamhet: 575,0 / (588,7 − 12,9) = 99,9 %, were it taken.
    const area: CellValue[][] = [
      ["Förskoleverksamhet"],
      ["Mnkr", "Budget 2021", "Begärda BJ", "Prognos helår T1", "Avvikelse"],
      ["Netto", "588,7", "-12,9", "575,0", "0,8"],
      [],
    ];
    for (const between of [[["Uppföljning av driftbudget"]], []] as CellValue[][][]) {
      const rows = [...area, ...between, ...T1_ROWS.slice(4)];
      const result = check(snapshotOf(plainSheet("Ekonomi", rows)), { period: { kind: "T1", year: 2021 } });
      const netto = rows.findIndex((r) => r[0] === "Netto" && r[1] === "2 435,3") + 1;
      expect(result.derived.map((d) => [d.key, d.value, d.cells[0]])).toEqual([
        ["budgetfoljsamhet-fore", 99.2, `D${netto}`],
        ["budgetfoljsamhet-efter", 99.7, `B${netto}`],
      ]);
    }
  });

  it("reads `Prognos efter RÖ` alone as the forecast after transfers (002 line 1953's Totalt)", () => {
    const rows: CellValue[][] = [
      ["Mnkr", "Budget 2021", "Begärda BJ", "Prognos 2021 (efter resultatöverföringar)", "Avvikelse"],
      ["Netto", "2 435,3", "31,7", "2 460,1", "6,9"],
    ];
    const result = check(snapshotOf(plainSheet("Ekonomi", rows)), { period: { kind: "T2", year: 2021 } });
    expect(result.derived.map((d) => [d.key, d.value])).toEqual([["budgetfoljsamhet-efter", 99.7]]);
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

  /** A row of 10 000 tkr with `deviation`, in a table whose largest budget is `largest` tkr. */
  const tkrRows = (deviation: number, largest: number): BudgetLine[] => {
    const row = (r: number, label: string, budget: number, off: number): BudgetLine => ({
      sheet: "Ekonomi",
      row: r,
      table: "Tkr",
      kind: "row",
      label,
      unit: "tkr",
      budget,
      adjustments: null,
      changes: null,
      forecastBeforeTransfers: null,
      forecast: budget - off,
      deviation: off,
      computedDeviation: null,
      analysis: "x",
      cells: { deviation: `F${r}` },
      tableType: "budget-other",
      tableId: "Ekonomi!A9",
    });
    return [row(10, "Pandemi", 10000, deviation), row(11, "Personalkostnader", largest, 0)];
  };
  const largeCells = (lines: BudgetLine[]) =>
    evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS)
      .findings.filter((f) => f.code === "budget-deviation-large")
      .map((f) => f.cell);

  it("converts the minimum amount for tkr tables (0,5 mnkr = 500 tkr)", () => {
    expect(largeCells(tkrRows(450, 60000))).toEqual([]);
    expect(largeCells(tkrRows(-600, 60000))).toEqual(["F10"]);
  });

  it("in a unit's table under 50 mnkr the least large deviation is 1 % of its largest budget, not 0,5 mnkr", () => {
    // The förskola walk's Ekonomi (tkr): Personalkostnader −450 on 14 200 and Netto −330 on 16 550
    // were not large at 0,5 mnkr, 3,2 % and 2,0 % of the unit's budget.
    expect(largeCells(tkrRows(450, 16550))).toEqual(["F10"]);
    expect(largeCells(tkrRows(160, 16550))).toEqual([]); // under 1 % of 16 550, 165,5
    expect(largeCells(tkrRows(190, 16550))).toEqual(["F10"]);
  });

  it("a nämnd's small table keeps 0,5 mnkr: the scale is the workbook's, not the table's", () => {
    // 002's whole-nämnd rows (2 467 mnkr) beside an Investeringar table of 41,3 mnkr whose project
    // deviates 0,45 mnkr (1,1 %): large by its own table, not in the nämnd's report.
    const project = budgetLine({
      row: 2001,
      label: "Upprustning av parker",
      kind: "row",
      tableType: "investeringar",
      tableId: "Ekonomi!A2000",
      budget: 41.3,
      forecast: 40.85,
      deviation: 0.45,
      analysis: null,
    });
    expect(largeCells([project])).toEqual(["F2001"]);
    expect(largeCells([...namndBudget(), project])).not.toContain("F2001");
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
