/**
 * A row's periodicity comes from its Periodicitet column when the table has one. A system export
 * (walk 16, tests/fixtures/poi) writes the report in Period on every row (`VB 2021`, `T2 2021`)
 * beside `Tertial` or `År` in Periodicitet; the periodicity was read from Period, so every row got
 * the report's (`year` at VB, `tertial` at T1/T2), and at T1/T2 whether an outcome is due
 * (outcome-missing) followed the report, not the indicator.
 */
import { check } from "../../../src/engine";
import type { CheckOptions } from "../../../src/engine";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";
import type { CellValue } from "../../../src/engine/grid";

const T2: CheckOptions = { period: { kind: "T2", year: 2021 } };

function run(rows: CellValue[][], options: CheckOptions = T2) {
  const r = check(snapshotOf(plainSheet("Indikatorer", rows)), options);
  return {
    periodicity: Object.fromEntries(r.model.indicators.map((i) => [i.name, i.periodicity])),
    periodText: Object.fromEntries(r.model.indicators.map((i) => [i.name, i.periodText])),
    missing: r.findings.filter((f) => f.code === "outcome-missing").map((f) => f.cell),
  };
}

const HEADER = ["Indikator", "Periodens utfall", "Årsmål", "Period", "Periodicitet", "Analys"];

describe("periodicity from the Periodicitet column", () => {
  test("a T2 export whose Period says T2 2021 on every row: a yearly indicator's outcome is not due", () => {
    const r = run([
      HEADER,
      ["Sjukfrånvaro", null, "8 %", "T2 2021", "Tertial", "Ökar."],
      ["Aktivt Medskapandeindex", null, 81, "T2 2021", "År", "Mäts i december."],
    ]);
    expect(r.periodicity).toEqual({ Sjukfrånvaro: "tertial", "Aktivt Medskapandeindex": "year" });
    // The row's own Period text is kept as written.
    expect(r.periodText).toEqual({ Sjukfrånvaro: "T2 2021", "Aktivt Medskapandeindex": "T2 2021" });
    expect(r.missing).toEqual(["B2"]);
  });

  test("a T2 export whose Period says the year: a tertial indicator's outcome is due", () => {
    const r = run([
      HEADER,
      ["Sjukfrånvaro", null, "8 %", "2021", "Tertial", "Ökar."],
      ["Aktivt Medskapandeindex", null, 81, "2021", "År", "Mäts i december."],
    ]);
    expect(r.periodicity).toEqual({ Sjukfrånvaro: "tertial", "Aktivt Medskapandeindex": "year" });
    expect(r.missing).toEqual(["B2"]);
  });

  test("an empty or unreadable Periodicitet falls back on the Period text", () => {
    const r = run([
      HEADER,
      ["Sjukfrånvaro", null, "8 %", "Tertial 2 2021", null, "Ökar."],
      ["Kostnad per barn", null, 100, "2021", "Vid behov", null],
    ]);
    expect(r.periodicity).toEqual({ Sjukfrånvaro: "tertial", "Kostnad per barn": "year" });
    expect(r.missing).toEqual(["B2"]);
  });

  test("a table with Periodicitet alone reads it as before", () => {
    const r = run([
      ["Indikator", "Periodens utfall", "Årsmål", "Periodicitet"],
      ["Sjukfrånvaro", null, "8 %", "Tertial"],
      ["Aktivt Medskapandeindex", null, 81, "År"],
    ]);
    expect(r.periodicity).toEqual({ Sjukfrånvaro: "tertial", "Aktivt Medskapandeindex": "year" });
    expect(r.periodText).toEqual({ Sjukfrånvaro: "Tertial", "Aktivt Medskapandeindex": "År" });
    expect(r.missing).toEqual(["B2"]);
  });
});
