/**
 * A row's figures read one way: a figure written in the row's own unit, spelled otherwise than the
 * row's `Enhet` column (`12,4 %` in a row of `procent`, `16 st` in a row of `st.`), is shown as
 * the row spells it; only a figure in another unit (`16 st` in a row of `barn/avd.`) keeps its own.
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { snapshotOf, textToSheet } from "../../helpers/seedGrid";

// Seed 004 line 424 (`Sjukfrånvaro dag 1-14`) and seed 002 line 146 (`Antal barn per grupp`), with
// the `Enhet` column a nämnd's own template has.
const SHEET = [
  "KF:s mål för verksamhetsområdet:",
  "3.2. Stockholm använder skattemedlen effektivt till största nytta för stockholmarna",
  "Indikator\tEnhet\tPeriodens utfall\tPrognos helår\tÅrsmål\tKF:s årsmål\tPeriod",
  "Sjukfrånvaro dag 1-14\tprocent\t4,6 %\t4,4\t2,3 %\t2,3\tTertial 2 2021",
  "Antal barn per grupp\tst.\t15,2\t16 st\t16\t16 st\tTertial 2 2021",
  "Antal barn per avdelning\tbarn/avd.\t15,2 barn/avd.\t16 st\t16\t16\tTertial 2 2021",
].join("\n");

function row(name: string): (string | null)[] {
  const snapshot = snapshotOf(textToSheet("Uppföljning", SHEET));
  const spec = buildReport(check(snapshot, { period: { kind: "T2", year: 2021 } }), { snapshot }).sheets[0];
  const cells = spec.rows.find((r) => r[0]?.value === name)!;
  // Utfall, Prognos helår, Årsmål, KF:s årsmål.
  return [1, 5, 6, 7].map((c) => cells[c]?.format ?? null);
}

it("shows `%` written in a row of `procent` as the row's `procent`, in every figure alike", () => {
  expect(row("Sjukfrånvaro dag 1-14")).toEqual([
    '#,##0.0 "procent"',
    '#,##0.0 "procent"',
    '#,##0.0 "procent"',
    '#,##0.0 "procent"',
  ]);
});

it("shows `st` written in a row of `st.` as `st.`", () => {
  expect(row("Antal barn per grupp")).toEqual(['#,##0.0 "st."', '#,##0 "st."', '#,##0 "st."', '#,##0 "st."']);
});

it("keeps a figure written in another unit than the row's in its own", () => {
  expect(row("Antal barn per avdelning")).toEqual([
    '#,##0.0 "barn/avd."',
    '#,##0 "st"',
    '#,##0 "barn/avd."',
    '#,##0 "barn/avd."',
  ]);
});
