/**
 * Issue 4: the computed tallies against the tallies the 002 report states in its own words. The
 * report's classification is a person's judgement; where the tally differs, the test names the
 * indicators and why, rather than tuning the tolerance to the report.
 */
import { ownCounts, parseStatedTally } from "../../../src/engine/evaluate";
import type { StatedTally } from "../../../src/engine/evaluate/tally";
import { textOf } from "../../../src/engine/grid";
import { check } from "../../../src/engine";
import { snapshotOf } from "../../helpers/seedGrid";
import { seedAtLines } from "../../helpers/seedAtLines";

function run(fixture: string) {
  const sheet = seedAtLines(fixture);
  const result = check(snapshotOf(sheet));
  const kf = result.model.goals.find((g) => g.level === "kf-mal")!;
  let stated: StatedTally | null = null;
  for (let i = kf.row - sheet.originRow; i < sheet.values.length && !stated; i++) {
    stated = parseStatedTally(textOf(sheet.values[i][0] ?? null));
  }
  const own = result.model.indicators.filter((x) => x.goal === kf.id);
  return { result, kf, stated: stated!, counts: ownCounts(result.model, kf.id), own };
}

describe("computed tallies vs the report's own (002 T2 2021)", () => {
  test("KF 3.2 (line 1716): 'två … helt, fyra … delvis och en inte alls' – computed the same", () => {
    const { stated, counts } = run("002-t2-kf-3.2");
    expect(stated).toMatchObject({ met: 2, partlyMet: 4, notMet: 1 });
    expect([counts.met, counts.partlyMet, counts.notMet]).toEqual([2, 4, 1]);
  });

  test("KF 1.3: 'tre indikatorer uppfylls helt och två delvis' – computed the same", () => {
    const { stated, counts } = run("002-t2-kf-1.3");
    expect(stated).toMatchObject({ met: 3, partlyMet: 2 });
    expect([counts.met, counts.partlyMet, counts.notMet]).toEqual([3, 2, 0]);
  });

  test("KF 1.1 (line 165): report says 6 helt, 1 delvis, 2 inte alls; computed 6, 0, 3 – one judgement call differs", () => {
    const { stated, counts, own } = run("002-t2-kf-1.1");
    expect(stated).toMatchObject({ met: 6, partlyMet: 1, notMet: 2 });
    expect([counts.met, counts.partlyMet, counts.notMet]).toEqual([6, 0, 3]);
    // The three the evidence puts below target by more than the 10 % tolerance; the report calls one
    // of them "delvis" without saying which. Forecasts are judged before year-end:
    //  - barn i familjer med ekonomiskt bistånd: prognos 4 % vs årsmål 3,3 % (lower is better, 21 % over)
    //  - personer med ekonomiskt bistånd: prognos 2,2 % vs 1,8 % (22 % over)
    //  - platser för feriejobb: prognos 500 vs 800 (38 % short; the pandemic closed placements)
    expect(own.filter((i) => i.status === "not-met").map((i) => i.name)).toEqual([
      "Andel barn som lever i familjer som har ekonomiskt bistånd",
      "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen",
      "Antal tillhandahållna platser för feriejobb",
    ]);
  });
});
