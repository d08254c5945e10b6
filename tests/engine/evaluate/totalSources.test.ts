import { evaluate } from "../../../src/engine/evaluate";
import { DEFAULT_SETTINGS } from "../../../src/engine/settings";
import type { BudgetLine } from "../../../src/engine/model/types";
import type { Finding } from "../../../src/engine/findings";
import { AREA_ROWS, budgetLine, model, namndBudget } from "./fixtures";

/** Rows of 002's per-area table (line 1936), by label, under a total of the given amounts. */
function areaTable(labels: string[], total: [number, number, number, number] | null): BudgetLine[] {
  const t = { tableType: "driftbudget-omrade" as const, tableId: "Ekonomi!A1936" };
  const lines = labels.map((label, i) => {
    const seed = AREA_ROWS.find((r) => r[1] === label);
    if (!seed) throw new Error(label);
    const [, , kind, budget, adjustments, , forecast, deviation] = seed;
    return budgetLine({ ...t, row: 1937 + i, label, kind, budget, adjustments, forecast, deviation });
  });
  if (total) {
    const [budget, adjustments, forecast, deviation] = total;
    const row = 1937 + labels.length;
    lines.push(
      budgetLine({ ...t, row, label: "Totalt", kind: "total", budget, adjustments, forecast, deviation }),
    );
  }
  return lines;
}

function findingsOf(lines: BudgetLine[]): Finding[] {
  return evaluate(model({ period: "T2", budget: lines }), DEFAULT_SETTINGS).findings;
}

function cellsOf(findings: Finding[], code: Finding["code"]): string[] {
  return findings.filter((f) => f.code === code).map((f) => f.cell);
}

/**
 * A line of a hand-made table (budget and deviation; the forecast follows from them), row `r`
 * with cells in columns A–F as `budgetLine` places them.
 */
function rowOf(tableType: BudgetLine["tableType"]) {
  return (r: number, label: string, kind: BudgetLine["kind"], budget: number, deviation: number) =>
    budgetLine({
      tableType,
      tableId: "Ekonomi!A1",
      row: r,
      label,
      kind,
      budget,
      forecast: budget - deviation,
      deviation,
    });
}

describe("a total whose own large rows account for its deviation", () => {
  it("asks for the analysis at the rows, not again at the Totalt (002's IFO and Arbetsmarknadsåtgärder)", () => {
    // 25,6 + 2,0 + 0,0 = 27,6 on a budget of 354,4: large for the total too (1 % is 3,5).
    const lines = areaTable(
      ["Individ- ochfamiljeomsorg", "Arbetsmarknadsåtgärder", "Barn, kultur och fritid"],
      [354.4, 0, 326.8, 27.6],
    );
    const findings = findingsOf(lines);
    expect(cellsOf(findings, "budget-deviation-large")).toEqual(["F1937", "F1938", "F1940"]);
    expect(cellsOf(findings, "analysis-missing")).toEqual(["A1937", "A1938"]);
    const total = findings.find((f) => f.cell === "F1940")!;
    expect(total.message).toBe(
      "Stor budgetavvikelse för ”Totalt”: 27,6 mnkr (överskott, 7,8 % av budget). Den kommer från ”Individ- ochfamiljeomsorg” och ”Arbetsmarknadsåtgärder”, där analysen skrivs.",
    );
    expect(total.messageEn).toContain(
      'It comes from "Individ- ochfamiljeomsorg" and "Arbetsmarknadsåtgärder"',
    );
  });

  it("the rows' analyses written, nothing is asked for, and a total with its own analysis is not told where", () => {
    const lines = areaTable(["Individ- ochfamiljeomsorg", "Arbetsmarknadsåtgärder"], [315.2, 0, 287.6, 27.6]);
    lines[0].analysis = "Överskottet beror på färre placeringar.";
    lines[1].analysis = "Färre deltagare än planerat.";
    expect(cellsOf(findingsOf(lines), "analysis-missing")).toEqual([]);
    lines[2].analysis = "Nämnden prognostiserar ett överskott.";
    const total = findingsOf(lines).find((f) => f.cell === "F1939")!;
    expect(total.message).not.toContain("kommer från");
  });

  it("still asks the total when its deviation comes from many small ones", () => {
    // Three rows 0,45 under on 40 each (not large: 0,5 mnkr is the floor); the total's 1,35 on 120 is.
    const row = rowOf("driftbudget-omrade");
    const lines = ["Förskola", "Fritid", "Kultur"].map((label, i) => row(2 + i, label, "row", 40, -0.45));
    lines.push(row(5, "Summa", "total", 120, -1.35));
    const findings = findingsOf(lines);
    expect(cellsOf(findings, "budget-deviation-large")).toEqual(["F5"]);
    expect(cellsOf(findings, "analysis-missing")).toEqual(["A5"]);
  });

  it("still asks the total when its large rows leave a large part of it unaccounted for", () => {
    // IFO's +25,6, and ten areas 0,45 under on 10 each (not large: 0,5 mnkr is the floor): the
    // Totalt's 21,1 leaves −4,5 that no row explains, more than 1 % of its 390,3.
    const row = rowOf("driftbudget-omrade");
    const lines = [row(2, "Individ- ochfamiljeomsorg", "row", 290.3, 25.6)];
    for (let i = 1; i <= 10; i++) lines.push(row(2 + i, `Område ${i}`, "row", 10, -0.45));
    lines.push(row(13, "Totalt", "total", 390.3, 21.1));
    const findings = findingsOf(lines);
    expect(cellsOf(findings, "budget-deviation-large")).toEqual(["F2", "F13"]);
    expect(cellsOf(findings, "analysis-missing")).toEqual(["A2", "A13"]);
  });

  it("still asks the total when its one large row is small beside it (0,6 among six areas of 0,5: a review's table)", () => {
    const row = rowOf("driftbudget-omrade");
    const lines = [row(2, "Nämnd och administration", "row", 54.4, 0.6)];
    for (let i = 1; i <= 6; i++) lines.push(row(2 + i, `Område ${i}`, "row", 50, 0.5));
    lines.push(row(9, "Totalt", "total", 354.4, 3.6));
    const findings = findingsOf(lines);
    expect(cellsOf(findings, "budget-deviation-large")).toEqual(["F2", "F9"]);
    expect(cellsOf(findings, "analysis-missing")).toEqual(["A2", "A9"]);
  });

  it("blocks that each lead with their Netto pair it with the Kostnader and Intäkter after it", () => {
    const row = rowOf("driftbudget-namnd");
    const lines = [
      row(2, "Netto Avdelning A", "netto", 100, 10),
      row(3, "Intäkter", "intakter", -20, 0),
      row(4, "Kostnader", "kostnader", 120, 10),
      row(5, "Netto Avdelning B", "netto", 200, 5),
      row(6, "Intäkter", "intakter", -50, 0),
      row(7, "Kostnader", "kostnader", 250, 5),
    ];
    const findings = findingsOf(lines);
    expect(cellsOf(findings, "analysis-missing")).toEqual(["A4", "A7"]);
    expect(findings.find((f) => f.cell === "F5")!.message).toContain("Den kommer från ”Kostnader”");
  });

  it("still asks the total when its rows do not add up to it (a row not read, or the sum is wrong)", () => {
    const lines = areaTable(
      ["Individ- ochfamiljeomsorg", "Arbetsmarknadsåtgärder", "Barn, kultur och fritid"],
      [354.4, 0, 324.8, 29.6],
    );
    expect(cellsOf(findingsOf(lines), "analysis-missing")).toEqual(["A1937", "A1938", "A1940"]);
  });

  it("a Netto is its Kostnader and Intäkter (002 line 1926's rows with the costs 20,0 further over)", () => {
    const lines = namndBudget().slice(0, 3);
    const [netto, income, costs] = lines;
    costs.forecast = 2942.4;
    costs.deviation = 36.9;
    netto.forecast = 2427.1;
    netto.deviation = 39.9;
    // Kostnader (36,9 on 2 979,3) and Netto (39,9 on 2 467,0) are large, Intäkter's 3,0 is not.
    const findings = findingsOf([netto, income, costs]);
    expect(cellsOf(findings, "budget-deviation-large")).toEqual(["F1926", "F1928"]);
    expect(cellsOf(findings, "analysis-missing")).toEqual(["A1928"]);
    expect(findings.find((f) => f.cell === "F1926")!.message).toContain("Den kommer från ”Kostnader”");
  });

  it("a grand total read over all the rows above names those rows, not ones after it", () => {
    // Nested sub-totals (Summa A inside Summa AB) do not add up, so the Totalt is read over every
    // ordinary row above it: A1 and B1. C1 and its Summa C come after.
    const row = rowOf("driftbudget-omrade");
    const lines = [
      row(2, "A1", "row", 30, 5),
      row(3, "Summa A", "total", 30, 5),
      row(4, "B1", "row", 30, -3),
      row(5, "Summa AB", "total", 60, 2),
      row(6, "Totalt", "total", 60, 2),
      row(7, "C1", "row", 30, 4),
      row(8, "Summa C", "total", 30, 4),
    ];
    const total = findingsOf(lines).find((f) => f.code === "budget-deviation-large" && f.cell === "F6")!;
    expect(total.message).toContain("Den kommer från ”A1” och ”B1”, där analysen skrivs.");
  });

  it("a grand total over sub-totals comes from the sub-totals, each from its own rows", () => {
    const row = rowOf("driftbudget-omrade");
    const lines = [
      row(2, "Äldreomsorg", "row", 30, 5),
      row(3, "Förskola", "row", 20, 0.2),
      row(4, "Summa Avdelning Nord", "total", 50, 5.2),
      row(5, "Äldreomsorg", "row", 10, -3),
      row(6, "Förskola", "row", 10, 0),
      row(7, "Summa Avdelning Syd", "total", 20, -3),
      row(8, "Totalt", "total", 70, 2.2),
    ];
    const findings = findingsOf(lines);
    expect(cellsOf(findings, "budget-deviation-large")).toEqual(["F2", "F4", "F5", "F7", "F8"]);
    expect(cellsOf(findings, "analysis-missing")).toEqual(["A2", "A5"]);
    expect(findings.find((f) => f.cell === "F8")!.message).toContain(
      "Den kommer från ”Summa Avdelning Nord” och ”Summa Avdelning Syd”",
    );
  });
});
