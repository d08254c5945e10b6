/**
 * A unit's activities listed after all its goals, under its `Volymer` (the LSS walk of 7 December):
 * they had gone to the last goal above, whose tally then counted another goal's deviating activity.
 * A budget table or a block of key figures between a goal's heading and a table ends the goal's part.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

const goalBlock: CellValue[][] = [
  ["Enhetsmål: Medarbetarna har en hållbar arbetssituation"],
  ["Indikator", "Utfall jan–aug 2026", "Målvärde 2026", "Prognos helår"],
  ["Sjukfrånvaro, total", "7,4 %", "6 %", "7 %"],
  [],
];
const activities: CellValue[][] = [
  ["Aktiviteter"],
  ["Aktivitet", "Startdatum", "Slutdatum", "Status"],
  ["Revidera rutinen för brukarråd", "2026-03-01", "2026-05-31", "Ej påbörjad"],
];

function goalsOf(...between: CellValue[][]) {
  const result = check(snapshotOf(plainSheet("T2 2026", [...goalBlock, ...between, ...activities])), {
    period: { kind: "T2", year: 2026 },
  });
  return { activity: result.model.activities[0].goal, indicator: result.model.indicators[0].goal };
}

describe("a block of another kind between a goal and a table", () => {
  test("a Volymer block of key figures: the activities after it are no goal's", () => {
    const { activity, indicator } = goalsOf(
      ["Volymer"],
      ["Volymer", "Budget 2026", "Utfall jan–aug 2026", "Prognos helår"],
      ["Antal brukare gruppbostad", 24, 23, 24],
      ["Antal platser gruppbostad", 24, 24, 24],
      [],
    );
    expect(indicator).toBe("T2 2026!A1");
    expect(activity).toBeNull();
  });

  test("a block's header right after the gap, without a title, is no row of the table above", () => {
    const snapshot = snapshotOf(
      plainSheet("T2 2026", [
        ...goalBlock,
        ["Volymer", "Budget 2026", "Utfall jan–aug 2026", "Prognos helår"],
        ["Antal brukare gruppbostad", 24, 23, 24],
        [],
        ...activities,
      ]),
    );
    const result = check(snapshot, { period: { kind: "T2", year: 2026 } });
    // It had been read as an indicator `Volymer` with three unreadable values.
    expect(result.model.indicators.map((i) => i.name)).toEqual(["Sjukfrånvaro, total"]);
    const codes = result.findings.map((f) => [f.code, f.cell]);
    expect(codes).toContainEqual(["header-unrecognized", "A5"]);
    expect(codes.filter(([code]) => code === "value-unparseable")).toEqual([]);
    expect(result.model.activities[0].goal).toBeNull();
  });

  test("a budget table: likewise", () => {
    const { activity } = goalsOf(
      ["Kostnadsslag", "Budget helår", "Prognos helår", "Avvikelse"],
      ["Personalkostnader", 14800000, 15420000, -620000],
      ["Lokalkostnader", 2100000, 2085000, 15000],
      [],
    );
    expect(activity).toBeNull();
  });

  test("nothing between: the activities are the goal's, as before", () => {
    expect(goalsOf().activity).toBe("T2 2026!A1");
  });
});
