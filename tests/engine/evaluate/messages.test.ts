import { check } from "../../../src/engine";
import { snapshotOf } from "../../helpers/seedGrid";
import { seedAtLines } from "../../helpers/seedAtLines";

describe("budget deviation messages (002 driftbudget)", () => {
  const large = check(snapshotOf(seedAtLines("002-t2-driftbudget", "Driftbudget"))).findings.filter(
    (f) => f.code === "budget-deviation-large",
  );
  test("a share of the budget is given where it says something", () => {
    const ifo = large.find((f) => f.message.includes("Individ- ochfamiljeomsorg"))!;
    expect(ifo.message).toBe(
      "Stor budgetavvikelse för ”Individ- ochfamiljeomsorg”: 25,6 mnkr (8,8 % av budget).",
    );
    expect(ifo.messageEn).toBe(
      'Large budget deviation for "Individ- ochfamiljeomsorg": 25.6 mnkr (8.8 % of budget).',
    );
  });
  test("not against a near-zero budget (varav flykting: 36,0 on a budget of 0,5)", () => {
    const flykting = large.find((f) => f.message.includes("varav flykting"))!;
    expect(flykting.message).toBe("Stor budgetavvikelse för ”varav flykting”: 36,0 mnkr.");
  });
});
