/**
 * `budget-netto-mismatch` where Kostnader or Intäkter is itself wrong: the Netto is often right, and
 * the finding must not lead a controller to "fix" it. It says which part to correct first and what
 * the sum then is, and covers the cells it sums (code and severity unchanged, docs/CONTRACT.md).
 */
import { check } from "../../../src/engine";
import type { CheckOptions } from "../../../src/engine";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import type { Finding } from "../../../src/engine/findings";
import { resursenhetenBudgetSheet } from "../../fixtures/workbooks/resursenhetenBudget";
import { seedAtLines } from "../../helpers/seedAtLines";
import { lineToRow, plainSheet, seedLineText, snapshotOf } from "../../helpers/seedGrid";

const T2: CheckOptions = { period: { kind: "T2", year: 2021 } };
const budgetFindings = (sheet: SheetGrid, options: CheckOptions = T2): Finding[] =>
  check(snapshotOf(sheet), options).findings.filter((f) => f.code.startsWith("budget-"));
const netto = (findings: Finding[]) => findings.filter((f) => f.code === "budget-netto-mismatch");

describe("a Netto mismatch caused by a part that is wrong itself", () => {
  test("the walk: Kostnader's E6 says 320 for 310, and the right E8 (470) is not to be changed", () => {
    const findings = budgetFindings(resursenhetenBudgetSheet());
    expect(findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["budget-deviation-mismatch", "error", "E6"],
      ["budget-netto-mismatch", "error", "E8"],
      // 310 and 470 tkr are over 1 % of a unit's table whose largest budget is 25 430 tkr.
      ["budget-deviation-large", "warning", "E6"],
      ["budget-deviation-large", "warning", "E8"],
    ]);
    const [found] = netto(findings);
    expect(found.range).toBe("E5:E8");
    expect(found.message).toBe(
      "”Netto” (Avvikelse): netto 470 tkr ≠ kostnader 320 tkr + intäkter 160 tkr = 480 tkr. " +
        "Kostnader i E6 stämmer inte heller med sin budget och prognos, som ger 310 tkr: rätta den först; " +
        "då blir summan 470 tkr, samma som netto.",
    );
    expect(found.messageEn).toBe(
      '"Netto" (Deviation): net 470 tkr ≠ costs 320 tkr + income 160 tkr = 480 tkr. ' +
        "Costs in E6 do not match their own budget and forecast either, which give 310 tkr: correct that cell first; " +
        "the sum is then 470 tkr, the same as the net.",
    );
  });

  test("002's whole-nämnd rows (lines 1925–1928) closing with Netto, Kostnader's 16,9 written 17,9", () => {
    const line = (n: number) => lineToRow(seedLineText("002-t2-driftbudget", n));
    const kostnader = line(1928);
    kostnader[5] = "17,9";
    const rows: CellValue[][] = [line(1925), line(1927), kostnader, line(1926)];
    const [found] = netto(budgetFindings(plainSheet("Ekonomi", rows)));
    expect(found).toMatchObject({ cell: "F4", range: "F2:F4" });
    expect(found.message).toBe(
      "”Anslag för nämndens verksamhet (netto)” (Avvikelse): netto 19,9 mnkr ≠ kostnader 17,9 mnkr + intäkter 3,0 mnkr = 20,9 mnkr. " +
        "Kostnader i F3 stämmer inte heller med sin budget och prognos, som ger 16,9 mnkr: rätta den först; " +
        "då blir summan 19,9 mnkr, samma som netto.",
    );
  });

  test("003 line 1960 writes Intäkter 102,2 without its minus: Netto 509,3 (line 1961) is right", () => {
    const findings = budgetFindings(seedAtLines("003-vp-budget", "Ekonomi"), {
      period: { kind: "VP", year: 2022 },
    });
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ["budget-sign", "F1960"],
      ["budget-netto-mismatch", "F1961"],
    ]);
    const [found] = netto(findings);
    expect(found.range).toBe("F1959:F1961");
    expect(found.message).toBe(
      "”Netto” (Bokslut 2020): netto 509,3 mnkr ≠ kostnader 611,5 mnkr + intäkter 102,2 mnkr = 713,7 mnkr. " +
        "Intäkter i F1960 har fel tecken och ska vara -102,2 mnkr: rätta den först; då blir summan 509,3 mnkr, samma som netto.",
    );
    expect(found.messageEn).toBe(
      '"Netto" (Bokslut 2020): net 509.3 mnkr ≠ costs 611.5 mnkr + income 102.2 mnkr = 713.7 mnkr. ' +
        "Income in F1960 has the wrong sign and should be -102.2 mnkr: correct that cell first; the sum is then 509.3 mnkr, the same as the net.",
    );
  });

  test("with its parts right, a wrong Netto gets the message it had, and the range", () => {
    const sheet = resursenhetenBudgetSheet((rows) => {
      rows[5][4] = 310; // Kostnader right
      rows[7][4] = 460; // Netto wrong
    });
    const [found] = netto(budgetFindings(sheet));
    expect(found).toMatchObject({ cell: "E8", range: "E5:E8" });
    expect(found.message).toBe(
      "”Netto” (Avvikelse): netto 460 tkr ≠ kostnader 310 tkr + intäkter 160 tkr = 470 tkr.",
    );
  });
});

describe("blocks that lead with their Netto (a review's table of two avdelningar)", () => {
  const sheet = () =>
    plainSheet("Driftbudget", [
      ["Mnkr", "Budget 2021", "Budgetförändringar", "Prognos 2021", "Avvikelse"],
      ["Netto Avdelning A", 100, 0, 90, 10],
      ["Intäkter", -20, 0, -20, 0],
      ["Kostnader", 120, 0, 110, 10],
      ["Netto Avdelning B", 200, 0, 195, 5],
      ["Intäkter", -50, 0, -50, 0],
      ["Kostnader", 250, 0, 245, 5],
    ]);

  test("each Netto is checked against its own block's Kostnader and Intäkter: no finding where they add up", () => {
    expect(netto(budgetFindings(sheet()))).toEqual([]);
  });

  test("a wrong Netto B is found against block B's parts (200 ≠ 250 − 50 = 190 once B's costs are 240)", () => {
    const wrong = sheet();
    wrong.values[6][1] = 240;
    const found = netto(budgetFindings(wrong));
    expect(found.map((f) => f.cell)).toEqual(["B5"]);
    expect(found[0].message).toContain(
      "netto 200,0 mnkr ≠ kostnader 240,0 mnkr + intäkter -50,0 mnkr = 190,0 mnkr",
    );
  });
});

describe("Nettos paired one by one (the second review's tables)", () => {
  const budget = (rows: [string, number][]) =>
    budgetFindings(
      plainSheet("Driftbudget", [
        ["Mnkr", "Budget 2021", "Budgetförändringar", "Prognos 2021", "Avvikelse"],
        ...rows.map(([label, amount]) => [label, amount, 0, amount, 0] as CellValue[]),
      ]),
    );

  test("a table mixing a leading Netto with trailing ones: each block's own, and C's real error found", () => {
    const found = netto(
      budget([
        ["Netto Avdelning A", 100],
        ["Intäkter", -20],
        ["Kostnader", 120],
        ["Intäkter", -50],
        ["Kostnader", 250],
        ["Netto Avdelning B", 200],
        ["Intäkter", -100],
        ["Kostnader", 200],
        ["Netto Avdelning C", 150],
      ]),
    );
    expect([...new Set(found.map((f) => f.cell.replace(/[A-Z]+/, "")))]).toEqual(["10"]);
  });

  test("a summary Netto at the top, over trailing blocks, is no block's: no finding", () => {
    const found = netto(
      budget([
        ["Netto nämnden", 300],
        ["Intäkter", -20],
        ["Kostnader", 120],
        ["Netto Avdelning A", 100],
        ["Intäkter", -50],
        ["Kostnader", 250],
        ["Netto Avdelning B", 200],
      ]),
    );
    expect(found).toEqual([]);
  });
});

test("a Summa kostnader that is its cost rows' sum, under an Intäkter row, is no mismatch (the second review's)", () => {
  const found = budgetFindings(
    plainSheet("Driftbudget", [
      ["Mnkr", "Budget 2021", "Budgetförändringar", "Prognos 2021", "Avvikelse"],
      ["Intäkter", -50, 0, -50, 0],
      ["Personalkostnader", 100, 0, 100, 0],
      ["Summa kostnader", 100, 0, 100, 0],
      ["Netto", 50, 0, 50, 0],
    ]),
  );
  expect(found.filter((f) => f.code === "budget-total-mismatch")).toEqual([]);
});
