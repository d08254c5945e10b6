/**
 * A unit's key figures under its goals' indicators (the LSS walk of 7 December): after a gap, the
 * row `Volymer | Budget 2026 | Utfall jan–aug 2026 | Prognos helår` names columns. It had been read as
 * an indicator `Volymer` with three unreadable values, the rows of figures under it as indicators.
 */
import { check } from "../../../src/engine";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

describe("a block's header right after a gap, without a title", () => {
  it("is no row of the indicator table above: the block is left to interpret", () => {
    const snapshot = snapshotOf(
      plainSheet("T2 2026", [
        ["Enhetsmål: Medarbetarna har en hållbar arbetssituation"],
        ["Indikator", "Utfall jan–aug 2026", "Målvärde 2026", "Prognos helår"],
        ["Sjukfrånvaro, total", "7,4 %", "6 %", "7 %"],
        [],
        ["Volymer", "Budget 2026", "Utfall jan–aug 2026", "Prognos helår"],
        ["Antal brukare gruppbostad", 24, 23, 24],
      ]),
    );
    const result = check(snapshot, { period: { kind: "T2", year: 2026 } });
    expect(result.model.indicators.map((i) => i.name)).toEqual(["Sjukfrånvaro, total"]);
    const codes = result.findings.map((f) => [f.code, f.cell]);
    expect(codes).toContainEqual(["header-unrecognized", "A5"]);
    expect(codes.filter(([code]) => code === "value-unparseable")).toEqual([]);
  });

  it("a row of figures after a gap still goes on the table, as before", () => {
    const snapshot = snapshotOf(
      plainSheet("T2 2026", [
        ["Indikator", "Utfall jan–aug 2026", "Målvärde 2026", "Prognos helår"],
        ["Sjukfrånvaro, total", "7,4 %", "6 %", "7 %"],
        [],
        ["Korttidssjukfrånvaro", "2,9 %", "2,5 %", "2,8 %"],
      ]),
    );
    const result = check(snapshot, { period: { kind: "T2", year: 2026 } });
    expect(result.model.indicators.map((i) => i.name)).toEqual([
      "Sjukfrånvaro, total",
      "Korttidssjukfrånvaro",
    ]);
  });
});
