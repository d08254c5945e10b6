/**
 * `forecast-missing`: a tertial indicator at T1/T2 whose table has a Prognos helår column and whose
 * row left it empty is judged on the period's outcome instead (the LSS walk of 7 December planted
 * one: `Korttidssjukfrånvaro` without a forecast, which nothing said). The rows are 002's (KF goal
 * 1.1 at lines 153–320, goal 3.1 at 1656–1709), where every tertial indicator has its forecast but
 * the budget's own figures, and the year indicators have none.
 */
import type { SheetGrid } from "../../../src/engine/grid";
import { check } from "../../../src/engine";
import type { PeriodKind } from "../../../src/engine/model/types";
import { seedAtLines } from "../../helpers/seedAtLines";
import { snapshotOf } from "../../helpers/seedGrid";
import { withCells } from "../../helpers/withCells";

function forecastFindings(sheet: SheetGrid, kind: PeriodKind = "T2") {
  const result = check(snapshotOf(sheet), { period: { kind, year: 2021 } });
  return result.findings.filter((f) => f.code === "forecast-missing");
}

// Line 284: "Antal aspiranter som fått Stockholmsjobb", 21 st in August, forecast 44 st (F284), Årsmål 44 st.
const goal11 = () => seedAtLines("002-t2-kf-1.1.txt");

describe("a tertial indicator without its full-year forecast", () => {
  it("is not flagged in the seed as published: each tertial row has its forecast, year rows need none", () => {
    expect(forecastFindings(goal11())).toEqual([]);
  });

  it("is flagged at the empty Prognos helår cell, with the outcome and target it was judged on instead", () => {
    const found = forecastFindings(withCells(goal11(), { F284: null }));
    expect(found.map((f) => [f.severity, f.sheet, f.cell])).toEqual([["warning", "Uppföljning", "F284"]]);
    expect(found[0].message).toBe(
      "Prognos helår saknas för ”Antal aspiranter som fått Stockholmsjobb”: statusen bedöms på periodens utfall, 21 st mot 44 st, inte på helåret.",
    );
    expect(found[0].messageEn).toBe(
      'Full-year forecast missing for "Antal aspiranter som fått Stockholmsjobb": its status is judged on the period\'s outcome, 21 st against 44 st, not on the full year.',
    );
    expect(found[0].goal).not.toBeNull();
  });

  it("quotes an `öka` target's previous figure, not the word", () => {
    // Line 285: feriejobb places, 446 against last year's 422 (E285), Årsmål set to `öka`.
    const found = forecastFindings(withCells(goal11(), { F285: null, G285: "öka" }));
    expect(found.map((f) => f.message)).toEqual([
      "Prognos helår saknas för ”Antal tillhandahållna platser för feriejobb”: statusen bedöms på periodens utfall, 446 mot föregående 422, inte på helåret.",
    ]);
  });

  it("is flagged at T1 too, and not at VB, where the outcome itself is judged", () => {
    const sheet = withCells(goal11(), { F284: null });
    expect(forecastFindings(sheet, "T1").map((f) => f.cell)).toEqual(["F284"]);
    expect(forecastFindings(sheet, "VB")).toEqual([]);
  });

  it("is not flagged where the cell says something: a dash or a reason is the unit's own", () => {
    expect(forecastFindings(withCells(goal11(), { F284: "-" }))).toEqual([]);
    expect(forecastFindings(withCells(goal11(), { F284: "Ej mätbart T2" }))).toEqual([]);
  });

  it("is not flagged where its outcome is missing too: outcome-missing says that", () => {
    const result = check(snapshotOf(withCells(goal11(), { B284: null, F284: null })), {
      period: { kind: "T2", year: 2021 },
    });
    expect(result.findings.filter((f) => f.cell === "B284").map((f) => f.code)).toEqual(["outcome-missing"]);
    expect(result.findings.filter((f) => f.code === "forecast-missing")).toEqual([]);
  });

  it("is not flagged where the forecast is a formula Excel never computed", () => {
    expect(forecastFindings(withCells(goal11(), { F284: null }, ["F284"]))).toEqual([]);
  });

  it("is not flagged on last year's forecast column, which is no forecast of the period", () => {
    // The review of 8 December: `Prognos helår 2020` kept in the T2 2021 tables.
    const sheet = withCells(goal11(), { F284: null });
    const values = sheet.values.map((row) =>
      row.map((v) => (v === "Prognos helår" ? "Prognos helår 2020" : v)),
    );
    const result = check(snapshotOf({ ...sheet, values }), { period: { kind: "T2", year: 2021 } });
    expect(result.findings.filter((f) => f.code === "forecast-missing")).toEqual([]);
    // Line 272: judged on its 4,1 % outcome, not on last year's forecast of 4 %.
    expect(result.model.indicators.find((i) => i.row === 272)).toMatchObject({
      forecast: null,
      statusBasis: "outcome",
    });
  });

  it("is not flagged for the budget's own figures, which are worked out from its forecast", () => {
    // Lines 1690–1691: budgetföljsamhet 99,7 % and 99,2 % at T2 with no forecast, as published.
    const goal31 = seedAtLines("002-t2-kf-3.1.txt");
    const result = check(snapshotOf(goal31), { period: { kind: "T2", year: 2021 } });
    const budgetRows = result.model.indicators.filter((i) => /budgetföljsamhet/.test(i.name));
    expect(budgetRows.map((i) => [i.periodicity, i.forecast, i.statusBasis])).toEqual([
      ["tertial", null, "outcome"],
      ["tertial", null, "outcome"],
    ]);
    expect(result.findings.filter((f) => f.code === "forecast-missing")).toEqual([]);
  });
});
