import { check } from "../../../src/engine";
import { loadSeedFixture, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";
import { seedAtLines } from "../../helpers/seedAtLines";
import { unitBudgetSheet } from "../../fixtures/workbooks/unitBudget";

describe("budget deviation messages (002 driftbudget)", () => {
  const large = check(snapshotOf(seedAtLines("002-t2-driftbudget", "Driftbudget"))).findings.filter(
    (f) => f.code === "budget-deviation-large",
  );
  test("which way it goes and a share of the budget where that says something", () => {
    const ifo = large.find((f) => f.message.includes("Individ- ochfamiljeomsorg"))!;
    expect(ifo.message).toBe(
      "Stor budgetavvikelse för ”Individ- ochfamiljeomsorg”: 25,6 mnkr (överskott, 8,8 % av budget).",
    );
    expect(ifo.messageEn).toBe(
      'Large budget deviation for "Individ- ochfamiljeomsorg": 25.6 mnkr (surplus, 8.8 % of budget).',
    );
  });
  test("against a near-zero budget, the budget instead of a share (002 line 1942: varav flykting, 36,0 on 0,5)", () => {
    const flykting = large.find((f) => f.message.includes("varav flykting"))!;
    expect(flykting.message).toBe(
      "Stor budgetavvikelse för ”varav flykting”: 36,0 mnkr (överskott, mot en budget på 0,5 mnkr).",
    );
    expect(flykting.messageEn).toBe(
      'Large budget deviation for "varav flykting": 36.0 mnkr (surplus, against a budget of 0.5 mnkr).',
    );
  });
  test("a budget that is near zero only with its adjustments is said to include them (Budget 5,0, BJ -4,5)", () => {
    const lines = seedLines(loadSeedFixture("002-t2-driftbudget")).map((l) =>
      l.includes("varav flykting") ? l.replace("0,5\t0,0\t", "5,0\t-4,5\t") : l,
    );
    const flykting = check(snapshotOf(textToSheet("Driftbudget", lines.join("\n"))))
      .findings.filter((f) => f.code === "budget-deviation-large")
      .find((f) => f.message.includes("varav flykting"))!;
    expect(flykting.message).toBe(
      "Stor budgetavvikelse för ”varav flykting”: 36,0 mnkr (överskott, mot en budget inkl. budgetjusteringar på 0,5 mnkr).",
    );
    expect(flykting.messageEn).toBe(
      'Large budget deviation for "varav flykting": 36.0 mnkr (surplus, against a budget including adjustments of 0.5 mnkr).',
    );
  });
  test("a varav row with a budget says its share as any row does (002 line 1941: -11,0 on 176,0)", () => {
    const barn = large.find((f) => f.message.includes("varav barn och ungdom"))!;
    expect(barn.message).toBe(
      "Stor budgetavvikelse för ”varav barn och ungdom”: -11,0 mnkr (underskott, 6,3 % av budget).",
    );
  });
  test("a negative deviation is a deficit (002 line 1941: varav barn och ungdom, -11,0 mnkr)", () => {
    const barn = large.find((f) => f.message.includes("varav barn och ungdom"))!;
    expect(barn.message).toMatch(
      /^Stor budgetavvikelse för ”varav barn och ungdom”: -11,0 mnkr \(underskott, /,
    );
    expect(barn.messageEn).toMatch(/: -11\.0 mnkr \(deficit, /);
  });
});

test("English messages write numbers the English way (002 line 279)", () => {
  const gender = check(snapshotOf(seedAtLines("002-t2-kf-1.1"))).findings.find(
    (f) => f.code === "gender-split-inconsistent",
  )!;
  expect(gender.message).toContain("2,13 %");
  expect(gender.messageEn).toContain("the total 2.13 % lies outside the men's 1.85 % and women's 1.96 %");
});

describe("a Netto row's large deviation (the walk's unit table, tkr)", () => {
  test("is said against its net budget, not as a share of it (it read 180,1 % av budget)", () => {
    const netto = check(snapshotOf(unitBudgetSheet()))
      .findings.filter((f) => f.code === "budget-deviation-large")
      .find((f) => f.message.includes("”Netto”"))!;
    expect(netto.message).toBe(
      "Stor budgetavvikelse för ”Netto”: 1\u00a0675 tkr (överskott, mot en nettobudget på 930 tkr).",
    );
    expect(netto.messageEn).toBe(
      'Large budget deviation for "Netto": 1,675 tkr (surplus, against a net budget of 930 tkr).',
    );
  });
});

describe("a budget deviation's missing analysis points where it is to be written (002 lines 17–34)", () => {
  // 002's per-area table as a controller keeps it: the published columns, then an Analys column.
  const withAnalysisColumn = seedLines(loadSeedFixture("002-t2-driftbudget")).map((l) =>
    l.startsWith("Mnkr\tBudget 2021 (netto") ? `${l}\tAnalys` : l,
  );
  const missing = (lines: string[]) =>
    check(snapshotOf(textToSheet("Driftbudget", lines.join("\n"))))
      .findings.filter((f) => f.code === "analysis-missing")
      .filter((f) => f.message.includes("Individ- ochfamiljeomsorg"));
  const rowOf = (lines: string[], start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;

  test("its row's empty Analys cell, not its name (a deviation has no cell: the row has)", () => {
    const [ifo] = missing(withAnalysisColumn);
    expect(ifo.cell).toBe(`G${rowOf(withAnalysisColumn, "Individ- ochfamiljeomsorg")}`);
    expect(ifo.message).toBe(
      "Budgetavvikelsen för ”Individ- ochfamiljeomsorg” (25,6 mnkr) saknar analys: radens cell i analyskolumnen är tom.",
    );
    expect(ifo.messageEn).toBe(
      `The budget deviation for "Individ- ochfamiljeomsorg" (25.6 mnkr) has no analysis: the row's cell in the analysis column is empty.`,
    );
  });

  test("an empty Analys label row under it (the next row is taken: the label's own cell)", () => {
    const lines = seedLines(loadSeedFixture("002-t2-driftbudget")).flatMap((l) =>
      l.startsWith("Individ- ochfamiljeomsorg") ? [l, "Analys"] : [l],
    );
    const [ifo] = missing(lines);
    expect(ifo.cell).toBe(`A${rowOf(lines, "Individ- ochfamiljeomsorg") + 1}`);
    // The table has no analysis column: it said the row's cell there was empty.
    expect(ifo.message).toBe(
      "Budgetavvikelsen för ”Individ- ochfamiljeomsorg” (25,6 mnkr) saknar analys: raden ”Analys” under den är tom.",
    );
    expect(ifo.messageEn).toBe(
      'The budget deviation for "Individ- ochfamiljeomsorg" (25.6 mnkr) has no analysis: the "Analys" row under it is empty.',
    );
  });

  test("the published table has no Analys column: the message says where one goes", () => {
    const lines = seedLines(loadSeedFixture("002-t2-driftbudget"));
    const [ifo] = missing(lines);
    expect(ifo.cell).toBe(`A${rowOf(lines, "Individ- ochfamiljeomsorg")}`);
    expect(ifo.message).toBe(
      "Budgetavvikelsen för ”Individ- ochfamiljeomsorg” (25,6 mnkr) saknar analys: tabellen har ingen kolumn " +
        "Analys (lägg till en, eller en rad ”Analys: …” under raden).",
    );
  });
});
