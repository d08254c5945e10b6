/**
 * A system export writes each row's goal in two columns: `Målnivå` (`Nämndmål`, `Enhetsmål`) and
 * `Mål` (the title). The level column is the goal's level, the `Mål` column names it: rows naming
 * the same goal share one goal (walk 16, problem 1: the level column was read as the goal, so every
 * row became a goal of its own without a title).
 */
import { check } from "../../../src/engine";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { parseGoalLevel } from "../../../src/engine/recognise/goals";
import { columnRolesOf } from "../../../src/engine/recognise/types";
import { snapshotOf } from "../../helpers/seedGrid";

function sheet(name: string, values: CellValue[][]): SheetGrid {
  return { name, visibility: "visible", originRow: 1, originCol: 1, values };
}

const A = "Alla barn i förskolan utvecklas och lär utifrån sina förmågor";
const B = "Stadsdelsnämnden är en attraktiv arbetsgivare med god arbetsmiljö";
const E = "Varje barn möts av undervisningsmiljöer av hög kvalitet";

const indicators = (level: string) =>
  sheet("Indikatorer", [
    [level, "Mål", "Indikator", "Periodens utfall", "Årsmål", "Period"],
    ["Nämndmål", A, "Andel nöjda föräldrar", "81 %", "88 %", "VB 2021"],
    ["Nämndmål", A, "Antal barn per anställd", "4,9 st", "4,9 st", "VB 2021"],
    ["Nämndmål", B, "Sjukfrånvaro", "5,8 %", "6,0 %", "VB 2021"],
  ]);

const activities = sheet("Aktiviteter", [
  ["Målnivå", "Mål", "Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"],
  ["Enhetsmål", E, "Mäta antalet besökare", "2021-01-01", "2021-12-31", "Avvikelse"],
  ["Enhetsmål", E, "Genomföra brukarundersökning", "2021-01-01", "2021-12-31", null],
  ["Nämndmål", A, "Utveckla det systematiska kvalitetsarbetet", "2021-01-01", "2021-12-31", null],
]);

describe.each(["Målnivå", "Nivå", "Måltyp"])("a `%s | Mål` pair", (level) => {
  const result = check(snapshotOf(indicators(level), activities));
  const { goals, indicators: rows, activities: acts } = result.model;

  test("names one goal per title, at the level the level column states", () => {
    expect(goals.map((g) => [g.level, g.title])).toEqual([
      ["namndmal", A],
      ["namndmal", B],
      ["enhetsmal", E],
    ]);
    expect(rows.map((i) => goals.find((g) => g.id === i.goal)?.title)).toEqual([A, A, B]);
    // The activity under A joins the goal the indicator table named first.
    expect(acts.map((a) => goals.find((g) => g.id === a.goal)?.title)).toEqual([E, E, A]);
  });

  test("reads both columns: neither is reported as not read", () => {
    expect(result.findings.filter((f) => f.code === "column-unrecognized")).toEqual([]);
    const table = result.recognition.tables.find((t) => t.sheet === "Indikatorer")!;
    expect(table.columns.slice(0, 2).map((c) => c.role)).toEqual(["goalLevel", "goal"]);
  });
});

test("a level column without a goal column makes no goal, and says its values link nothing", () => {
  const table = sheet("Indikatorer", [
    ["Målnivå", "Indikator", "Periodens utfall", "Årsmål", "Period"],
    ["Nämndmål", "Andel nöjda föräldrar", "81 %", "88 %", "VB 2021"],
    ["Nämndmål", "Sjukfrånvaro", "5,8 %", "6,0 %", "VB 2021"],
  ]);
  const result = check(snapshotOf(table));
  expect(result.model.indicators).toHaveLength(2);
  expect(result.model.goals).toEqual([]);
  expect(result.model.indicators.map((i) => i.goal)).toEqual([null, null]);
  const unread = result.findings.filter((f) => f.code === "column-unrecognized");
  expect(unread.map((f) => [f.cell, f.range])).toEqual([["A1", "A1:A3"]]);
  expect(unread[0].message).toMatch(
    /^Kolumnen ”Målnivå” anger målnivå, men tabellen har ingen kolumn med målens namn/,
  );
});

test("a level text the vocabulary does not know leaves the level to the goal's number", () => {
  const table = sheet("Indikatorer", [
    ["Målnivå", "Mål", "Indikator", "Periodens utfall", "Årsmål"],
    ["Avdelningsmål", "1.3 Förskolorna är de bästa", "Andel nöjda föräldrar", "81 %", "88 %"],
  ]);
  const { goals } = check(snapshotOf(table)).model;
  expect(goals.map((g) => [g.level, g.number, g.title])).toEqual([
    ["kf-mal", "1.3", "Förskolorna är de bästa"],
  ]);
});

test("Rätta tolkning offers the level role for indicator and activity tables, not budget tables", () => {
  expect(columnRolesOf("indicators-followup")).toContain("goalLevel");
  expect(columnRolesOf("indicators-plan")).toContain("goalLevel");
  expect(columnRolesOf("activities")).toContain("goalLevel");
  expect(columnRolesOf("driftbudget-namnd")).not.toContain("goalLevel");
});

describe("parseGoalLevel", () => {
  test.each([
    ["Nämndmål", "namndmal"],
    ["Enhetsmål", "enhetsmal"],
    ["KF:s mål för verksamhetsområdet", "kf-mal"],
    ["KF:s inriktningsmål", "inriktningsmal"],
    ["Inriktningsmål", "inriktningsmal"],
    ["KF-mål", "kf-mal"],
    ["Stadsdelsnämndens mål", "namndmal"],
    ["Mål för verksamhetsområdet", "kf-mal"],
  ])("reads the goal level %s", (text, level) => {
    expect(parseGoalLevel(text)).toBe(level);
  });

  // A `Nivå` column of organisation levels: none of them names a goal.
  test.each(["Enhet", "Stadsdel", "Stad", "Verksamhetsområde", "Nämnd", "KF", "Hög"])(
    "reads no goal level in %s",
    (text) => {
      expect(parseGoalLevel(text)).toBeNull();
    },
  );
});

test("a Nivå column of organisation levels sets no goal's level", () => {
  const table = sheet("Indikatorer", [
    ["Nivå", "Mål", "Indikator", "Periodens utfall", "Årsmål", "Period"],
    ["Enhet", "Barnen lär sig", "Andel nöjda", 0.8, 0.9, "VB 2021"],
    ["Verksamhetsområde", "Tryggt", "Andel trygga", 0.5, 0.9, "VB 2021"],
  ]);
  const { goals } = check(snapshotOf(table)).model;
  expect(goals.map((g) => [g.level, g.title])).toEqual([
    ["namndmal", "Barnen lär sig"],
    ["namndmal", "Tryggt"],
  ]);
});

describe("a Nivå column whose values are no goal levels is a column not read", () => {
  const unreadMessages = (values: CellValue[][]) =>
    check(snapshotOf(sheet("Indikatorer", values)))
      .findings.filter((f) => f.code === "column-unrecognized")
      .map((f) => [f.cell, f.message]);

  test("without a Mål column (Hög/Låg): the message says it could not be mapped, not that it states levels", () => {
    expect(
      unreadMessages([
        ["Indikator", "Nivå", "Periodens utfall", "Årsmål", "Period"],
        ["Andel nöjda", "Hög", 0.8, 0.9, "VB 2021"],
        ["Andel glada", "Låg", 0.95, 0.9, "VB 2021"],
      ]),
    ).toEqual([
      [
        "B1",
        "Kolumnen ”Nivå” kunde inte tolkas, så dess värden (2 rader) läses inte. Ange kolumnens roll under Läs in → Rätta tolkning om den behövs.",
      ],
    ]);
  });

  test("beside a Mål column (Enhet/Stadsdel/Stad): reported as not read, and its one level-like cell sets no level", () => {
    const values: CellValue[][] = [
      ["Nivå", "Mål", "Indikator", "Periodens utfall", "Årsmål", "Period"],
      ["Enhet", "Barnen lär sig", "Andel nöjda", 0.8, 0.9, "VB 2021"],
      ["Stadsdel", "Tryggt", "Andel glada", 0.95, 0.9, "VB 2021"],
      ["Enhetsmål", "Glada barn", "Andel trygga", 0.5, 0.9, "VB 2021"],
    ];
    expect(unreadMessages(values)).toEqual([
      [
        "A1",
        "Kolumnen ”Nivå” kunde inte tolkas, så dess värden (3 rader) läses inte. Ange kolumnens roll under Läs in → Rätta tolkning om den behövs.",
      ],
    ]);
    const { goals } = check(snapshotOf(sheet("Indikatorer", values))).model;
    expect(goals.map((g) => g.level)).toEqual(["namndmal", "namndmal", "namndmal"]);
  });

  test("a level column most of whose cells are levels is read, its odd cell setting no level", () => {
    const values: CellValue[][] = [
      ["Nivå", "Mål", "Indikator", "Periodens utfall", "Årsmål", "Period"],
      ["Enhetsmål", "Barnen lär sig", "Andel nöjda", 0.8, 0.9, "VB 2021"],
      ["Enhetsmål", "Tryggt", "Andel glada", 0.95, 0.9, "VB 2021"],
      ["Enhet", "Glada barn", "Andel trygga", 0.5, 0.9, "VB 2021"],
    ];
    expect(unreadMessages(values)).toEqual([]);
    const { goals } = check(snapshotOf(sheet("Indikatorer", values))).model;
    expect(goals.map((g) => g.level)).toEqual(["enhetsmal", "enhetsmal", "namndmal"]);
  });
});
