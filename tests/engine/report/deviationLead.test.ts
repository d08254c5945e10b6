/**
 * Avvikelser's `Vad avviker` starts with the item's name and a colon. An activity's name is often a
 * sentence with its full stop (002 lines 1040 and 1044: `… för målgrupperna.`, `… med
 * bemötandefrågor.`): the colon after it printed `målgrupperna.: Analysen säger …`. A name that ends
 * a sentence is followed by the text alone.
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { seedSheet, snapshotOf } from "../../helpers/seedGrid";

function whatTexts(): string[] {
  const snapshot = snapshotOf(seedSheet("002-t2-nm-1.4.2", "Uppföljning"));
  const report = buildReport(check(snapshot, { period: { kind: "T2", year: 2021 } }), { snapshot });
  const deviations = report.sheets.find((s) => s.key === "avvikelser")!;
  return deviations.rows.map((r) => String(r[3]?.value ?? ""));
}

describe("Avvikelser's text for activities whose names end with a full stop (002 nämndmål 1.4.2)", () => {
  const texts = whatTexts();

  it("does not put a colon after the name's full stop", () => {
    expect(texts.filter((t) => /[.!?]:/.test(t))).toEqual([]);
  });

  it("reads on after the name: the unmarked deviation and the marked one without analysis", () => {
    expect(texts).toContainEqual(
      expect.stringMatching(
        / lämpliga för målgrupperna\. Analysen säger att aktiviteten inte genomförts som planerat/,
      ),
    );
    expect(texts).toContainEqual(
      expect.stringMatching(/ arbeta med bemötandefrågor\. Markerad med avvikelse\.$/),
    );
  });

  it("keeps the colon after a name that does not end a sentence", () => {
    expect(texts).toContainEqual(
      expect.stringMatching(/^Andel pojkar av totalt antal besökare hos kurator på ungdomsmottagning: /),
    );
  });
});
