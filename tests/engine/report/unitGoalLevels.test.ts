/**
 * Måluppfyllelse in a unit's own workbook (the LSS walk of 7 December): the unit assesses its
 * Enhetsmål; the KF and nämnd goals above them are not assessed there, and the published unit
 * reports write `— Ingen` for them (DOMAIN, 004). `Saknas` told the unit manager an assessment
 * was missing that no one expects of the unit. The indicator rows are 004's.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

const header = ["Indikator", "Periodens utfall", "Årsmål", "KF:s årsmål", "Period", "Analys"];
const indicator: CellValue[] = [
  "Sjukfrånvaro dag 1-14",
  "2,1 %",
  "2,3 %",
  "Tas fram av nämnd",
  "Tertial 2 2021",
];

function assessments(rows: CellValue[][]): [string, unknown, unknown][] {
  const snapshot = snapshotOf(plainSheet("T2", [header, ...rows]));
  const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
  const spec = buildReport(result, { snapshot }).sheets.find((s) => s.key === "maluppfyllelse")!;
  return spec.rows
    .filter((r) => /^(KF:s mål|Nämndmål|Enhetsmål)/.test(String(r[0]?.value)) && r[1])
    .map((r) => [String(r[0]?.value).split(": ")[0], r[1]?.value, r[2]?.value]);
}

describe("goals above a unit's own in Måluppfyllelse", () => {
  it("state `— Ingen` where the unit states nothing, a suggestion beside it as beside a written one; the unit's goal says Saknas", () => {
    expect(
      assessments([
        ["KF-mål: Stockholm använder skattemedlen effektivt till största nytta för stockholmarna"],
        ["Nämndmål: Medarbetare har god hälsa och en bra arbetsmiljö"],
        ["Enhetsmål: Enhetens medarbetare är friska"],
        indicator,
      ]),
    ).toEqual([
      ["KF:s mål för verksamhetsområdet", "— Ingen", "● Uppfylls helt"],
      ["Nämndmål", "— Ingen", "● Uppfylls helt"],
      ["Enhetsmål", "Saknas", "● Uppfylls helt"],
    ]);
  });

  it("a goal with no unit goal under it keeps Saknas (the review of 7 December)", () => {
    expect(
      assessments([
        ["Nämndmål: Medarbetare har god hälsa och en bra arbetsmiljö"],
        ["Enhetsmål: Enhetens medarbetare är friska"],
        indicator,
        ["Nämndmål: Stadsdelsnämnden har en god ekonomisk hushållning"],
        ["Budgetföljsamhet", "100 %", "100 %", null, "Tertial 2 2021"],
      ]).map(([level, stated]) => [level, stated]),
    ).toEqual([
      ["Nämndmål", "— Ingen"],
      ["Enhetsmål", "Saknas"],
      ["Nämndmål", "Saknas"],
    ]);
  });

  it("show what the unit states above its goal, and a workbook without Enhetsmål keeps Saknas", () => {
    expect(
      assessments([
        ["Nämndmål: Medarbetare har god hälsa och en bra arbetsmiljö", "Uppfylls delvis"],
        ["Enhetsmål: Enhetens medarbetare är friska"],
        indicator,
      ]).map(([level, stated]) => [level, stated]),
    ).toEqual([
      ["Nämndmål", "◆ Uppfylls delvis"],
      ["Enhetsmål", "Saknas"],
    ]);
    expect(assessments([["Nämndmål: Medarbetare har god hälsa och en bra arbetsmiljö"], indicator])).toEqual([
      ["Nämndmål", "Saknas", "● Uppfylls helt"],
    ]);
  });
});
