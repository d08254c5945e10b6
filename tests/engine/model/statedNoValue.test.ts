/**
 * A unit's words for an outcome not there this time (`Ej mätbart T2`, `Mäts ej`, `Redovisas i VB`;
 * the LSS walk of 7 December): no value, as a dash, and no `value-unparseable` error at the cell
 * (it had said FEL over what the unit wrote on purpose). Where the outcome is due, `outcome-missing`
 * says it is missing, at that cell. The rows are 004's.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

const header = ["Indikator", "Periodens utfall", "Prognos helår", "Årsmål", "KF:s årsmål", "Period"];

function run(...rows: CellValue[][]) {
  const result = check(snapshotOf(plainSheet("T2", [header, ...rows])), {
    period: { kind: "T2", year: 2026 },
  });
  return {
    indicators: result.model.indicators,
    codes: result.findings.map((f) => [f.code, f.cell]),
  };
}

describe("an outcome cell that says there is none", () => {
  it("is no value and no error, where the outcome comes at year-end", () => {
    const { indicators, codes } = run(
      [
        "Andel brukare som är nöjda med sitt boende",
        "Ej mätbart T2",
        null,
        "90 %",
        "Tas fram av nämnd",
        "År",
      ],
      ["Andel brukare med genomförandeplan", "Redovisas i VB", null, "95 %", null, "2026"],
    );
    expect(indicators.map((i) => [i.outcome, i.status])).toEqual([
      [null, "not-measured"],
      [null, "not-measured"],
    ]);
    expect(codes.filter(([code]) => code === "value-unparseable" || code === "outcome-missing")).toEqual([]);
  });

  it("is missing, at its cell, where the outcome is due this tertial", () => {
    const { codes } = run(["Sjukfrånvaro dag 1-14", "Mäts ej", null, "2,3 %", null, "Tertial 2 2026"]);
    expect(codes.filter(([code]) => code === "value-unparseable")).toEqual([]);
    expect(codes.filter(([code]) => code === "outcome-missing")).toEqual([["outcome-missing", "B2"]]);
  });

  it("says it comes later (`Kommer i VB`, `Inväntar resultat`): no value, but `Kommer att öka` is unreadable", () => {
    const { indicators, codes } = run(
      ["Andel brukare som är nöjda med sitt boende", "Kommer i VB", null, "90 %", null, "År"],
      ["Andel brukare med genomförandeplan", "Inväntar resultat", null, "95 %", null, "2026"],
      ["Andel nöjda anhöriga", "Kommer under hösten", null, "85 %", null, "2026"],
      ["Andel brukare med fast omsorgskontakt", "Kommer att öka", null, "95 %", null, "2026"],
      // The review of 8 December's wordings.
      ["Andel nöjda brukare i daglig verksamhet", "Kommer att redovisas i VB", null, "90 %", null, "2026"],
      ["Andel brukare som känner sig trygga", "Resultat kommer i VB", null, "90 %", null, "2026"],
      ["Andel brukare som får påverka", "Avvaktar SCB", null, "80 %", null, "2026"],
      ["Andel nöjda anhöriga i LSS", "Inväntar enkätsvar", null, "85 %", null, "2026"],
    );
    expect(indicators.map((i) => i.outcome)).toEqual([null, null, null, null, null, null, null, null]);
    expect(codes.filter(([code]) => code === "value-unparseable")).toEqual([["value-unparseable", "B5"]]);
  });

  it("written as a sentence is still an analysis in the wrong cell: unreadable", () => {
    const { codes } = run([
      "Sjukfrånvaro dag 1-14",
      "Ej mätbart T2 eftersom systemet byttes i maj och rapporten inte kunnat tas ut",
      null,
      "2,3 %",
      null,
      "Tertial 2 2026",
    ]);
    expect(codes).toContainEqual(["value-unparseable", "B2"]);
  });
});
