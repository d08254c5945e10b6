/**
 * An indicator or activity table with both `Mål-id` and `Mål` columns: the id column is the goal's
 * id (`goalId`), the title column its title. The row links by the id first (a goal list's id, or a
 * goal number), then by the title, and `Mål` is not reported as a column not read (it was: "Kolumnen
 * ”Mål” kunde inte tolkas", though it is the same goal's title).
 */
import { check } from "../../../src/engine";
import { buildModel } from "../../../src/engine/model/build";
import { recognise } from "../../../src/engine/recognise";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { snapshotOf } from "../../helpers/seedGrid";

function sheet(name: string, values: CellValue[][]): SheetGrid {
  return { name, visibility: "visible", originRow: 1, originCol: 1, values };
}

const unreadHeaders = (findings: { code: string; message: string }[]) =>
  findings.filter((f) => f.code === "column-unrecognized").map((f) => f.message);

describe("a Mål-id column beside a Mål column", () => {
  test("links rows to a goal list's goals by the id, though the title is written otherwise", () => {
    const result = check(
      snapshotOf(
        sheet("Mål", [
          ["Målnivå", "Mål-id", "Mål", "Bedömning"],
          ["Nämndmål", "N1", "Alla barn utvecklas och lär", "Uppfylls delvis"],
          ["Enhetsmål", "E1", "Undervisningsmiljöer av hög kvalitet", "Uppfylls helt"],
        ]),
        sheet("Aktiviteter", [
          ["Mål-id", "Mål", "Aktivitet", "Startdatum", "Slutdatum"],
          ["E1", "Undervisningsmiljöer (hög kvalitet)", "Fortbilda pedagoger", "2021-01-01", "2021-12-31"],
          ["N1", "Alla barn", "Läsfrämjande insatser", "2021-01-01", "2021-12-31"],
        ]),
      ),
    );
    const { goals, activities } = result.model;
    expect(goals.map((g) => g.id)).toEqual(["Mål!C2", "Mål!C3"]);
    expect(activities.map((a) => [a.name, a.goal])).toEqual([
      ["Fortbilda pedagoger", "Mål!C3"],
      ["Läsfrämjande insatser", "Mål!C2"],
    ]);
    expect(unreadHeaders(result.findings)).toEqual([]);
    const table = result.recognition.tables[0];
    expect(table.columns.slice(0, 2).map((c) => c.role)).toEqual(["goalId", "goal"]);
  });

  test("without a goal list, a numeric id numbers the goal the title names; Mål is read, not reported", () => {
    const result = check(
      snapshotOf(
        sheet("Indikatorer", [
          ["Mål", "Mål-id", "Indikator", "Periodens utfall", "Årsmål"],
          ["Barnen lär sig", "1.2", "Andel nöjda", 80, 90],
          ["Barnen lär sig", "1.2", "Andel glada", 95, 90],
          ["Tryggt", "1.3", "Andel trygga", 70, 90],
        ]),
      ),
    );
    const { goals, indicators } = result.model;
    expect(goals.map((g) => [g.number, g.title])).toEqual([
      ["1.2", "Barnen lär sig"],
      ["1.3", "Tryggt"],
    ]);
    expect(indicators.map((i) => i.goal)).toEqual(["Indikatorer!A2", "Indikatorer!A2", "Indikatorer!A4"]);
    expect(unreadHeaders(result.findings)).toEqual([]);
  });

  test("a Mål-id column alone stays the goal column", () => {
    const result = check(
      snapshotOf(
        sheet("Indikatorer", [
          ["Mål-id", "Indikator", "Periodens utfall", "Årsmål"],
          ["1.2", "Andel nöjda", 80, 90],
        ]),
      ),
    );
    expect(result.recognition.tables[0].columns[0].role).toBe("goal");
    expect(result.model.goals.map((g) => g.number)).toEqual(["1.2"]);
  });

  test("a column a person sets to Mål-id in a table without a Mål column names the goal", () => {
    const snapshot = snapshotOf(
      sheet("Indikatorer", [
        ["Kod", "Indikator", "Periodens utfall", "Årsmål"],
        ["1.2", "Andel nöjda", 80, 90],
      ]),
    );
    const recognition = recognise(snapshot, [
      { sheet: "Indikatorer", headerCell: "A1", tableType: "indicators-followup", columns: { A: "goalId" } },
    ]);
    expect(recognition.tables[0].columns[0].role).toBe("goalId");
    const { model, findings } = buildModel(snapshot, recognition, { period: null, directions: [] });
    expect(model.goals.map((g) => g.number)).toEqual(["1.2"]);
    expect(model.indicators[0].goal).toBe(model.goals[0].id);
    expect(unreadHeaders(findings)).toEqual([]);
  });
});
