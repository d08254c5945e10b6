import { check } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { yearFromSheetNames } from "../../../src/engine/model/period";
import { seedSheet, snapshotOf, textToSheet } from "../../helpers/seedGrid";

/** 003's plan table (Indikator | Årsmål | KF:s årsmål | Periodicitet; no VP column) on a sheet named `name`. */
const plan = (name: string, visibility: SheetGrid["visibility"] = "visible"): SheetGrid => ({
  ...seedSheet("003-vp-kf-3.2-indikatorer", name),
  visibility,
});

describe("the year a sheet's name gives a period", () => {
  const sheet = (name: string, visibility = "visible") => ({ name, visibility });

  test("one sheet named for the plan gives its year; a period of another kind gives none", () => {
    expect(yearFromSheetNames([sheet("Verksamhetsplan 2021")], "VP")).toEqual({
      year: 2021,
      sheet: "Verksamhetsplan 2021",
    });
    expect(yearFromSheetNames([sheet("Verksamhetsplan 2021")], "T2")).toBeNull();
    expect(yearFromSheetNames([sheet("Mål"), sheet("Budget")], "VP")).toBeNull();
    // Only a name that is a period, not one that mentions one.
    expect(yearFromSheetNames([sheet("Kopia av VP 2021 (2)")], "VP")).toBeNull();
  });

  test("sheet names naming two years give none; a hidden sheet's name does not count", () => {
    expect(yearFromSheetNames([sheet("VP 2021"), sheet("VP 2022")], "VP")).toBeNull();
    expect(yearFromSheetNames([sheet("VP 2021"), sheet("VP 2020", "hidden")], "VP")?.year).toBe(2021);
  });
});

describe("a plan whose year stands only in its sheet's name", () => {
  test("check reads the year from the sheet name and says which sheet gave it", () => {
    const r = check(snapshotOf(plan("Verksamhetsplan 2021")));
    expect(r.model.period).toEqual({
      kind: "VP",
      year: 2021,
      source: "plan",
      yearSheet: "Verksamhetsplan 2021",
    });
  });

  test("a plan that shows last autumn's tertial outcome (`Utfall T2 2021`) stays a plan", () => {
    const withTertial = textToSheet(
      "Verksamhetsplan 2022",
      [
        "Indikator\tUtfall T2 2021\tÅrsmål\tKF:s årsmål\tPeriodicitet",
        " Aktivt Medskapandeindex\t80\t81\t83\tÅr",
        " Sjukfrånvaro\t9,8 %\t9,5 %\tTas fram av nämnd/styrelse\tTertial",
      ].join("\n"),
    );
    const r = check(snapshotOf(withTertial));
    expect(r.recognition.tables.map((t) => t.type)).toEqual(["indicators-plan"]);
    expect(r.model.period).toEqual({
      kind: "VP",
      year: 2022,
      source: "plan",
      yearSheet: "Verksamhetsplan 2022",
    });
    expect(r.findings.filter((f) => f.code === "period-unknown")).toEqual([]);
  });

  test("--year and a VP column name the year before a sheet name does", () => {
    expect(check(snapshotOf(plan("Verksamhetsplan 2021")), { year: 2022 }).model.period).toEqual({
      kind: "VP",
      year: 2022,
      source: "plan",
    });
    const withColumn = textToSheet(
      "Verksamhetsplan 2021",
      ["Indikator\tVP 2022\tKF:s årsmål\tPeriodicitet", " Sjukfrånvaro\t9,5 %\t8 %\tTertial"].join("\n"),
    );
    expect(check(snapshotOf(withColumn)).model.period).toEqual({ kind: "VP", year: 2022, source: "plan" });
  });

  test("a forced period without a year takes the sheet name's; a hidden sheet or a plain name gives none", () => {
    expect(check(snapshotOf(plan("VP 2021")), { period: { kind: "VP", year: null } }).model.period).toEqual({
      kind: "VP",
      year: 2021,
      source: "flag",
      yearSheet: "VP 2021",
    });
    // A hidden sheet's name gives no year (and its tables are not read: the plan stands on Blad1).
    const hidden = snapshotOf(
      plan("Blad1"),
      textToSheet("VP 2021", "Anteckningar", { visibility: "hidden" }),
    );
    expect(check(hidden).model.period).toEqual({ kind: "VP", year: null, source: "plan" });
    expect(check(snapshotOf(plan("Blad1"))).model.period).toEqual({ kind: "VP", year: null, source: "plan" });
  });

  test("a Period cell without a year (`Tertial 2`) takes the year of a sheet named for that tertial", () => {
    const followUp = textToSheet(
      "T2 2021",
      [
        "Indikator\tPeriodens utfall\tÅrsmål\tKF:s årsmål\tPeriod",
        " Sjukfrånvaro\t8,1 %\t9,5 %\t8 %\tTertial 2",
      ].join("\n"),
    );
    expect(check(snapshotOf(followUp)).model.period).toEqual({
      kind: "T2",
      year: 2021,
      source: "cell",
      yearSheet: "T2 2021",
    });
  });
});
