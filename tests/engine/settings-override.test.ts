/** Rules are data: a workbook's own overrides change the outcome (issue 4). */
import { check } from "../../src/engine";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";
import { encodeState, emptyState } from "../../src/engine/state";
import { plainSheet, snapshotOf } from "../helpers/seedGrid";
import { seedAtLines } from "../helpers/seedAtLines";

const barn = (r: ReturnType<typeof check>) =>
  r.model.indicators.find((i) => i.name.startsWith("Andel barn som lever"))!;

describe("per-workbook rule overrides", () => {
  test("defaults: 4 % forecast against 3,3 % is not-met with a 10 % tolerance", () => {
    const r = check(snapshotOf(seedAtLines("002-t2-kf-1.1")));
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(barn(r).status).toBe("not-met");
  });
  test("the Målkoll state sheet's setting rows override the default (tolerance 25 % → partly-met)", () => {
    const state = { ...emptyState(), settings: { partlyMetTolerance: 0.25 } };
    const r = check(
      snapshotOf(seedAtLines("002-t2-kf-1.1"), {
        ...plainSheet("_malkoll", encodeState(state)),
        visibility: "veryHidden",
      }),
    );
    expect(r.settings.partlyMetTolerance).toBe(0.25);
    expect(barn(r).status).toBe("partly-met");
  });
  test("a visible 'Målkoll inställningar' sheet works too, and is not read as data", () => {
    const r = check(
      snapshotOf(
        seedAtLines("002-t2-kf-1.1"),
        plainSheet("Målkoll inställningar", [
          ["partlyMetTolerance", "0,25"],
          ["budgetDeviationMinMnkr", 5],
          ["okänd", 1],
        ]),
      ),
    );
    expect(r.settings).toMatchObject({ partlyMetTolerance: 0.25, budgetDeviationMinMnkr: 5 });
    expect(barn(r).status).toBe("partly-met");
    expect(r.findings.some((f) => f.sheet === "Målkoll inställningar")).toBe(false);
  });
  test("out-of-range values are ignored", () => {
    const r = check(
      snapshotOf(
        seedAtLines("002-t2-kf-1.1"),
        plainSheet("Målkoll inställningar", [["partlyMetTolerance", 7]]),
      ),
    );
    expect(r.settings.partlyMetTolerance).toBe(DEFAULT_SETTINGS.partlyMetTolerance);
  });
});
