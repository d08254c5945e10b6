/**
 * A unit's analysis written under its budget table (the LSS walk of 7 December): the label names
 * what it analyses (`Analys ekonomi:`, `Analys av ekonomin`) and the text stands on the row under
 * it. The label's words had been read as the analysis (`ekonomi:`), the text passed over; and a row
 * the text names (`Personalkostnaderna överskrids …`) was still asked for an analysis of its own.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

const TEXT =
  "Enheten prognostiserar ett underskott på ca 585 000 kr. Personalkostnaderna överskrids med 620 000 kr på grund av utökad nattbemanning.";

function run(label: string, text: CellValue = TEXT) {
  const snapshot = snapshotOf(
    plainSheet("T2 2026", [
      ["Budgetuppföljning jan–aug 2026 (kr)"],
      ["Kostnadsslag", "Budget helår", "Prognos helår", "Avvikelse"],
      ["Intäkter", -2450000, -2420000, -30000],
      ["Personalkostnader", 14800000, 15420000, -620000],
      ["Lokalkostnader", 2100000, 2085000, 15000],
      ["Totalt netto", 14450000, 15085000, -635000],
      [],
      [label],
      [text],
    ]),
  );
  const result = check(snapshot, { period: { kind: "T2", year: 2026 } });
  return {
    analyses: result.model.budget.map((b) => [b.label, b.analysis]),
    missing: result.findings.filter((f) => f.code === "analysis-missing").map((f) => f.cell),
  };
}

describe("an `Analys:` row's text, however short", () => {
  test("is the analysis (`se ovan`, `ej klar`): only words with no colon after Analys can name it", () => {
    const snapshot = snapshotOf(
      plainSheet("T2 2026", [
        ["Indikator", "Periodens utfall", "Årsmål", "Period"],
        ["Sjukfrånvaro", "7 %", "5 %", "Tertial 2 2026"],
        ["Analys: se ovan"],
        ["Korttidssjukfrånvaro", "3 %", "2 %", "Tertial 2 2026"],
        ["Analys: ej klar"],
      ]),
    );
    const result = check(snapshot, { period: { kind: "T2", year: 2026 } });
    expect(result.model.indicators.map((i) => i.analysis)).toEqual(["se ovan", "ej klar"]);
  });
});

describe("an analysis under a budget table, its label naming it", () => {
  test.each(["Analys ekonomi:", "Analys av ekonomin", "Analys:", "Analys budget 2026"])(
    "`%s` over the text: the text is the total's analysis, and speaks for the rows it names",
    (label) => {
      const { analyses, missing } = run(label);
      expect(analyses.find(([name]) => name === "Totalt netto")?.[1]).toBe(TEXT);
      expect(missing).toEqual([]);
    },
  );

  test("another row's analysis naming a row does not speak for it (the review of 7 December)", () => {
    const snapshot = snapshotOf(
      plainSheet("T2 2026", [
        ["Budgetuppföljning jan–aug 2026 (kr)"],
        ["Kostnadsslag", "Budget helår", "Prognos helår", "Avvikelse"],
        ["Intäkter", -2450000, -3450000, 1000000],
        ["Analys: Fler platser såldes. Det påverkar inte personalkostnaderna."],
        ["Personalkostnader", 14800000, 15420000, -620000],
        ["Totalt netto", 12350000, 11970000, 380000],
      ]),
    );
    const result = check(snapshot, { period: { kind: "T2", year: 2026 } });
    expect(result.findings.filter((f) => f.code === "analysis-missing").map((f) => f.cell)).toContain("A5");
  });

  test("a row the text does not name is still asked for its own", () => {
    const { missing } = run("Analys ekonomi:", "Enheten prognostiserar ett underskott på ca 585 000 kr.");
    expect(missing).toEqual(["A4"]);
  });
});
