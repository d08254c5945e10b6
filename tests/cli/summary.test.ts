/**
 * `check`'s summary counts an indicator row copied under its goal once, as the goals' counts do:
 * Liljeholmen's VB 2020 (004, whose line 176 copies line 175's indicator, sheet row 178), and 003's
 * plan of KF mål 1.1 with a row copied under itself.
 */
import { check } from "../../src/engine";
import { summaryText } from "../../src/cli/summary";
import { LILJEHOLMEN_VB_2020, reportSnapshot } from "../fixtures/workbooks/reports";
import { loadSeedFixture, seedLines, snapshotOf, textToSheet } from "../helpers/seedGrid";

describe("check's summary of a workbook with an indicator row copied under its goal", () => {
  it("Liljeholmen VB 2020: 7 indicators, the copy (no Årsmål) not counted utan årsmål", () => {
    const result = check(reportSnapshot(LILJEHOLMEN_VB_2020));
    expect(result.model.indicators).toHaveLength(8);
    const text = summaryText(LILJEHOLMEN_VB_2020.file, result);
    expect(text).toContain(
      "\nHittade: 24 mål, 7 indikatorer (och 1 rad som upprepar en av dem), 14 aktiviteter, 0 budgetrader\n",
    );
    expect(text).toContain(
      "\nIndikatorer mot årsmål: 2 uppfyllda, 0 delvis, 2 ej, 3 ej mätta, 0 utan årsmål, 0 okända\n",
    );
  });

  it("003's plan: the targets a copied row carries are counted once", () => {
    const lines = seedLines(loadSeedFixture("003-vp-kf-1.1"));
    const at = lines.findIndex((l) =>
      l.trimStart().startsWith("Andel vuxna med långvarigt ekonomiskt bistånd"),
    );
    const plan = (text: string[]) =>
      summaryText(
        "plan.xlsx",
        check(snapshotOf(textToSheet("VP", text.join("\n"))), { period: { kind: "VP", year: 2021 } }),
      );
    const original = plan(lines);
    const copied = plan([...lines.slice(0, at + 1), lines[at], ...lines.slice(at + 1)]);
    const counted = (text: string) =>
      text.split("\n").filter((l) => /^(Hittade|Indikatorer i planen):/.test(l));
    const [found, targets] = counted(original);
    expect(targets).toBe("Indikatorer i planen: 9 med årsmål, 5 med KF:s årsmål");
    expect(counted(copied)).toEqual([
      found.replace(" indikatorer,", " indikatorer (och 1 rad som upprepar en av dem),"),
      targets,
    ]);
  });
});
