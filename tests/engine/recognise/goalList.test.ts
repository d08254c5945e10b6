/**
 * A flat goal list as a follow-up system exports it (`Målnivå | Mål-id | Mål | Överordnat mål |
 * Bedömning | Analys`): each row is a goal with its level, number, parent, title and stated
 * assessment, and the indicator and activity tables' `Mål` columns name those goals by title or id
 * (walk 16, problem 2: the sheet was ignored without a word, so no goal had its assessment and a
 * goal `Uppfylls helt` with two activities marked Avvikelse went unflagged).
 */
import { check } from "../../../src/engine";
import { recognise } from "../../../src/engine/recognise";
import { buildReport } from "../../../src/engine/report";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { snapshotOf } from "../../helpers/seedGrid";

function sheet(name: string, values: CellValue[][]): SheetGrid {
  return { name, visibility: "visible", originRow: 1, originCol: 1, values };
}

const KF = "I Stockholm når barn sin fulla potential";
const N1 = "Alla barn i förskolan utvecklas och lär utifrån sina förmågor";
const E1 = "Varje barn möts av undervisningsmiljöer av hög kvalitet";
const N2 = "Stadsdelsnämnden är en attraktiv arbetsgivare med god arbetsmiljö";

const goalList = sheet("Mål", [
  ["Målnivå", "Mål-id", "Mål", "Överordnat mål", "Bedömning", "Analys"],
  ["KF:s mål för verksamhetsområdet", "1.3", KF, null, "Ingen", null],
  ["Nämndmål", "1.3.2", N1, "1.3", "Ingen", null],
  ["Enhetsmål", "E2", E1, "1.3.2", "● Uppfylls helt", "Arbetet har gått enligt plan."],
  ["Nämndmål", "3.2.1", N2, null, "Uppfylls delvis", null],
]);

const activities = (goalOf: (title: string) => string) =>
  sheet("Aktiviteter", [
    ["Målnivå", "Mål", "Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"],
    ["Enhetsmål", goalOf(E1), "Mäta antalet besökare", "2021-01-01", "2021-12-31", "Avvikelse"],
    ["Enhetsmål", goalOf(E1), "Genomföra brukarundersökning", "2021-01-01", "2021-12-31", "Avvikelse"],
    ["Nämndmål", goalOf(N1), "Utveckla kvalitetsarbetet", "2021-01-01", "2021-12-31", null],
  ]);

const indicators = sheet("Indikatorer", [
  ["Målnivå", "Mål", "Indikator", "Periodens utfall", "Årsmål", "Period"],
  ["Nämndmål", N2, "Index Bra arbetsgivare", 76, 84, "VB 2021"],
]);

describe("a goal list beside flat indicator and activity tables", () => {
  const result = check(
    snapshotOf(
      goalList,
      indicators,
      activities((t) => t),
    ),
  );
  const { goals } = result.model;
  const byTitle = (title: string) => goals.find((g) => g.title === title)!;

  test("each row is a goal with its level, number, parent, title and stated assessment", () => {
    expect(goals.map((g) => [g.id, g.level, g.number, g.title, g.statedAssessment])).toEqual([
      ["Mål!C2", "kf-mal", "1.3", KF, "ingen"],
      ["Mål!C3", "namndmal", "1.3.2", N1, "ingen"],
      ["Mål!C4", "enhetsmal", null, E1, "helt"],
      ["Mål!C5", "namndmal", "3.2.1", N2, "delvis"],
    ]);
    expect(goals.map((g) => g.parent)).toEqual([null, "Mål!C2", "Mål!C3", null]);
    expect(byTitle(E1).assessmentCell).toBe("E4");
  });

  test("the tables' rows join the list's goals by title: no goal of their own", () => {
    expect(result.model.activities.map((a) => a.goal)).toEqual(["Mål!C4", "Mål!C4", "Mål!C3"]);
    expect(result.model.indicators.map((i) => i.goal)).toEqual(["Mål!C5"]);
  });

  test("a goal stated met in full while two of its activities deviate is flagged at its Bedömning cell", () => {
    const contradicts = result.findings.filter((f) => f.code === "assessment-contradicts");
    expect(contradicts.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["Mål!E4"]);
    expect(contradicts[0].goal).toBe("Mål!C4");
  });
});

test("titles written with other case and spacing in the tables still name the list's goals", () => {
  const sloppy = (title: string) => `  ${title.toUpperCase().replace(/ /g, "  ")} `;
  const result = check(snapshotOf(goalList, activities(sloppy)));
  expect(result.model.goals).toHaveLength(4);
  expect(result.model.activities.map((a) => a.goal)).toEqual(["Mål!C4", "Mål!C4", "Mål!C3"]);
});

test("a Mål-id column in the indicator table names the list's goal by its id", () => {
  const table = sheet("Indikatorer", [
    ["Mål-id", "Indikator", "Periodens utfall", "Årsmål", "Period"],
    ["E2", "Andel nöjda föräldrar", "81 %", "88 %", "VB 2021"],
    ["3.2.1", "Index Bra arbetsgivare", 76, 84, "VB 2021"],
  ]);
  const result = check(snapshotOf(goalList, table));
  expect(result.model.goals).toHaveLength(4);
  expect(result.model.indicators.map((i) => i.goal)).toEqual(["Mål!C4", "Mål!C5"]);
});

test("a list without Överordnat mål nests its goals by level; numbered titles give the number", () => {
  const list = sheet("Mål", [
    ["Mål", "Målnivå", "Bedömning"],
    ["1.3 " + KF, "KF:s mål för verksamhetsområdet", "Ingen"],
    ["1.3.2 " + N1, "Nämndmål", "Ingen"],
    [E1, "Enhetsmål", "Uppfylls ej"],
  ]);
  const { goals } = check(snapshotOf(list)).model;
  expect(goals.map((g) => [g.number, g.title, g.parent, g.statedAssessment])).toEqual([
    ["1.3", KF, null, "ingen"],
    ["1.3.2", N1, "Mål!A2", "ingen"],
    [null, E1, "Mål!A3", "ej"],
  ]);
});

test("an indicator table with a Mål column is no goal list; a Mål column with nothing beside it neither", () => {
  const result = check(
    snapshotOf(
      sheet("Blad1", [
        ["Mål", "Indikator", "Periodens utfall", "Årsmål"],
        [N2, "Index Bra arbetsgivare", 76, 84],
      ]),
      sheet("Blad2", [
        ["Mål", "Ansvarig"],
        [N1, "Rektor"],
      ]),
    ),
  );
  expect(result.model.goals.map((g) => g.id)).toEqual(["Blad1!A2"]);
});

describe("a table that is no goal list is not read as one (review 16)", () => {
  test("a `Mått` name column makes an indicator table: its Bedömning cells are no goals' assessments", () => {
    const result = check(
      snapshotOf(
        sheet("Indikatorer", [
          ["Mål", "Mått", "Resultat", "Målvärde", "Bedömning"],
          ["Barnen lär sig", "Andel nöjda", 0.8, 0.9, "Uppfylls delvis"],
          ["Barnen lär sig", "Andel glada", 0.95, 0.9, "Uppfylls helt"],
        ]),
      ),
    );
    const { goals, indicators } = result.model;
    expect(goals.map((g) => [g.id, g.title, g.statedAssessment])).toEqual([
      ["Indikatorer!A2", "Barnen lär sig", null],
    ]);
    expect(indicators.map((i) => [i.name, i.goal])).toEqual([
      ["Andel nöjda", "Indikatorer!A2"],
      ["Andel glada", "Indikatorer!A2"],
    ]);
  });

  test("a header with a column of a table's (Resultat, Period) is no goal list", () => {
    const { goals } = check(
      snapshotOf(
        sheet("Blad1", [
          ["Mål", "Resultat", "Bedömning"],
          ["Barnen lär sig", 0.8, "Uppfylls delvis"],
          ["Tryggt", 0.9, "Uppfylls helt"],
        ]),
        sheet("Blad2", [
          ["Målnivå", "Mål", "Period", "Bedömning"],
          ["Nämndmål", "Barnen lär sig", "VB 2021", "Uppfylls delvis"],
        ]),
      ),
    ).model;
    expect(goals).toEqual([]);
  });
});

describe("an action plan is no goal list (review 16)", () => {
  const plan = sheet("Handlingsplan", [
    ["Nr", "Mål", "Åtgärd", "Ansvarig", "Klart"],
    ["1", "Barnen lär sig", "Utbilda personal", "Anna", "2021-06"],
    ["2", "Barnen lär sig", "Köpa böcker", "Bo", "2021-09"],
    ["3", "Tryggt", "Belysning", "Cia", "2021-10"],
  ]);

  test("`Nr | Mål | Åtgärd | Ansvarig | Klart` makes no goals, and Målkoll says it recognised nothing", () => {
    const result = check(snapshotOf(sheet("Information", [["Rapport", "VB 2021"]]), plan));
    expect(result.model.goals).toEqual([]);
    expect(result.findings.map((f) => f.code)).toContain("nothing-recognised");
  });

  test("a column no table reads (Ansvarig) makes a header no goal list without a level, parent or assessment with id", () => {
    const { goals } = check(
      snapshotOf(
        sheet("Blad1", [
          ["Mål", "Bedömning", "Ansvarig"],
          ["Barnen lär sig", "Uppfylls delvis", "Anna"],
        ]),
        sheet("Blad2", [
          ["Mål-id", "Mål", "Ansvarig"],
          ["1.1", "Barnen lär sig", "Anna"],
        ]),
      ),
    ).model;
    expect(goals).toEqual([]);
  });

  test("a bare Nr is a Mål-id beside a level column only; without one it is no goal number", () => {
    const { goals } = check(
      snapshotOf(
        sheet("Mål", [
          ["Nr", "Mål", "Bedömning"],
          ["1", "Barnen lär sig", "Uppfylls delvis"],
          ["2", "Tryggt", "Uppfylls helt"],
        ]),
        sheet("Mål2", [
          ["Målnivå", "Nr", "Mål", "Bedömning"],
          ["Nämndmål", "1.1.1", "Barnen lär sig", "Uppfylls delvis"],
        ]),
      ),
    ).model;
    expect(goals.map((g) => [g.id, g.level, g.number, g.statedAssessment])).toEqual([
      ["Mål!B2", "namndmal", null, "delvis"],
      ["Mål!B3", "namndmal", null, "helt"],
      ["Mål2!C2", "namndmal", "1.1.1", "delvis"],
    ]);
  });

  test("a list naming one goal twice at the same level is a table of something else, no goal list", () => {
    const { goals } = check(
      snapshotOf(
        sheet("Mål", [
          ["Mål", "Bedömning"],
          ["Barnen lär sig", "Uppfylls delvis"],
          ["Barnen lär sig", "Uppfylls helt"],
        ]),
      ),
    ).model;
    expect(goals).toEqual([]);
  });
});

test("a goal list ends at a table's header right under it: the table's rows are no goals (review 16)", () => {
  const result = check(
    snapshotOf(
      sheet("Mål", [
        ["Målnivå", "Mål", "Bedömning"],
        ["Nämndmål", "Barnen lär sig", "Uppfylls delvis"],
        ["Mål", "Indikator", "Periodens utfall", "Årsmål", "Period"],
        ["Barnen lär sig", "Andel nöjda", 0.8, 0.9, "VB 2021"],
      ]),
    ),
  );
  const { goals, indicators } = result.model;
  expect(goals.map((g) => [g.id, g.title, g.statedAssessment])).toEqual([
    ["Mål!B2", "Barnen lär sig", "delvis"],
  ]);
  expect(indicators.map((i) => [i.name, i.goal])).toEqual([["Andel nöjda", "Mål!B2"]]);
});

test("a goal list ends at the next goal list's header", () => {
  const { goals } = check(
    snapshotOf(
      sheet("Mål", [
        ["Målnivå", "Mål", "Bedömning"],
        ["Nämndmål", "Barnen lär sig", "Uppfylls delvis"],
        ["Målnivå", "Mål-id", "Mål", "Överordnat mål"],
        ["Enhetsmål", "E1", "Enheten lär sig", "Barnen lär sig"],
      ]),
    ),
  ).model;
  expect(goals.map((g) => [g.id, g.level, g.title])).toEqual([
    ["Mål!B2", "namndmal", "Barnen lär sig"],
    ["Mål!C4", "enhetsmal", "Enheten lär sig"],
  ]);
});

describe("a workbook with goal headings reads no goal list: a summary `Mål | Bedömning` adds no goals (review 16)", () => {
  const report = (summary: CellValue[][]) =>
    sheet("Uppföljning", [
      ["Nämndmål: Barnen lär sig"],
      ["Indikator", "Periodens utfall", "Årsmål", "Period"],
      ["Andel nöjda", 0.8, 0.9, "VB 2021"],
      [],
      ["Nämndmål: Tryggt"],
      ["Indikator", "Periodens utfall", "Årsmål", "Period"],
      ["Andel trygga", 0.95, 0.9, "VB 2021"],
      [],
      ...summary,
    ]);
  const summary: CellValue[][] = [
    ["Sammanfattning"],
    ["Mål", "Bedömning"],
    ["Barnen lär sig", "Förvaltningen bedömer att nämndmålet uppfylls delvis."],
    ["Tryggt", "Förvaltningen bedömer att målet uppfylls helt."],
  ];

  test("on the headings' sheet", () => {
    const { goals, indicators } = check(snapshotOf(report(summary))).model;
    expect(goals.map((g) => [g.id, g.title, g.statedAssessment])).toEqual([
      ["Uppföljning!A1", "Barnen lär sig", null],
      ["Uppföljning!A5", "Tryggt", null],
    ]);
    expect(indicators.map((i) => i.goal)).toEqual(["Uppföljning!A1", "Uppföljning!A5"]);
  });

  test("on a sheet of its own", () => {
    const { goals } = check(snapshotOf(report([]), sheet("Sammanfattning", summary.slice(1)))).model;
    expect(goals.map((g) => g.id)).toEqual(["Uppföljning!A1", "Uppföljning!A5"]);
  });

  test("says so once, an info at the list's header cell, and prints no row in Avvikelser", () => {
    const exported = sheet("Mål", [
      ["Målnivå", "Mål-id", "Mål", "Bedömning"],
      ["Nämndmål", "1.1", "Barnen lär sig", "Uppfylls delvis"],
      ["Nämndmål", "1.2", "Tryggt", "Uppfylls helt"],
    ]);
    const snapshot = snapshotOf(report([]), exported);
    const result = check(snapshot);
    const notes = result.findings.filter((f) => f.code === "goal-list-unread");
    expect(notes.map((f) => [f.severity, f.sheet, f.cell, f.range])).toEqual([
      ["info", "Mål", "A1", "A1:D1"],
    ]);
    expect(notes[0].message).toBe(
      "Mållistan i A1 (2 mål) läses inte: arbetsbokens mål läses från dess målrubriker, och listan skulle ge målen en gång till. " +
        "Ska listans mål läsas i stället, kontrollera en kopia av arbetsboken där målrubrikerna är borttagna.",
    );
    expect(notes[0].messageEn).toContain("is not read: the workbook's goals are read from its goal headings");
    const avvikelser = buildReport(result, { snapshot }).sheets.find((s) => s.key === "avvikelser")!;
    const texts = avvikelser.rows.flatMap((r) => r.map((c) => String(c?.value ?? "")));
    expect(texts.some((t) => t.includes("Mållistan"))).toBe(false);
    // A summary `Mål | Bedömning` under the report's headings is no export's list: nothing is said.
    const summarised = check(snapshotOf(report(summary)));
    expect(summarised.findings.filter((f) => f.code === "goal-list-unread")).toEqual([]);
    // Without goal headings the list is read, and nothing is said.
    const alone = check(snapshotOf(exported));
    expect(alone.model.goals.map((g) => g.title)).toEqual(["Barnen lär sig", "Tryggt"]);
    expect(alone.findings.filter((f) => f.code === "goal-list-unread")).toEqual([]);
  });
});

test("an Överordnat mål cell names its parent by id, number or title; one that names none, or the row itself, leaves the list's nesting (review 16)", () => {
  const { goals } = check(
    snapshotOf(
      sheet("Mål", [
        ["Målnivå", "Mål-id", "Mål", "Överordnat mål", "Bedömning"],
        ["Nämndmål", "1.1.1", "Barnen lär sig", "9.9", "Uppfylls delvis"],
        ["Nämndmål", "1.1.2", "Tryggt", null, "Uppfylls delvis"],
        ["Enhetsmål", "E1", "Enheten lär sig", "X7", "Uppfylls helt"],
        ["Enhetsmål", "E2", "Enheten trygg", "  barnen LÄR  sig ", "Uppfylls helt"],
        ["Enhetsmål", "E3", "Självrefererande", "E3", "Uppfylls helt"],
        ["Enhetsmål", "E4", "Egen", "egen", "Uppfylls helt"],
        ["Enhetsmål", "E5", "Numrerad", "1.1.1", "Uppfylls helt"],
      ]),
    ),
  ).model;
  expect(goals.map((g) => [g.title, g.parent])).toEqual([
    ["Barnen lär sig", null],
    ["Tryggt", null],
    ["Enheten lär sig", "Mål!C3"],
    ["Enheten trygg", "Mål!C2"],
    ["Självrefererande", "Mål!C3"],
    ["Egen", "Mål!C3"],
    ["Numrerad", "Mål!C2"],
  ]);
});

test("a header row a person declared a table's (Läs in) heads no goal list, and ends one above it", () => {
  const list = sheet("Mål", [
    ["Målnivå", "Mål", "Bedömning"],
    ["Nämndmål", "Barnen lär sig", "Uppfylls delvis"],
    ["Målnivå", "Mål", "Bedömning"],
    ["Nämndmål", "Tryggt", "Uppfylls helt"],
  ]);
  const declared = (headerCell: string) =>
    recognise(snapshotOf(list), [{ sheet: "Mål", headerCell, tableType: "activities" }]).goals.map(
      (g) => g.id,
    );
  expect(declared("A1")).toEqual(["Mål!B4"]);
  expect(declared("A3")).toEqual(["Mål!B2"]);
  expect(declared("A9")).toEqual(["Mål!B2", "Mål!B4"]);
});

describe("an export's goal list with columns Målkoll has no use for (Ansvarig, Senast ändrad, Status)", () => {
  test("beside a level, a parent, or an assessment with Mål-id, they are passed over and the list is read", () => {
    const result = check(
      snapshotOf(
        sheet("Nivå", [
          ["Målnivå", "Mål", "Bedömning", "Ansvarig", "Senast ändrad", "Status"],
          ["Nämndmål", "Barnen lär sig", "Uppfylls delvis", "Anna", "2021-12-01", "Publicerad"],
        ]),
        sheet("Förälder", [
          ["Mål", "Överordnat mål", "Ansvarig"],
          ["Tryggt", null, "Bo"],
          ["Trygga lekplatser", "Tryggt", "Cia"],
        ]),
        sheet("Id", [
          ["Mål-id", "Mål", "Status", "Bedömning"],
          ["3.1", "Attraktiv arbetsgivare", "Publicerad", "Uppfylls helt"],
        ]),
      ),
    );
    const { goals } = result.model;
    expect(goals.map((g) => [g.id, g.title, g.statedAssessment])).toEqual([
      ["Nivå!B2", "Barnen lär sig", "delvis"],
      ["Förälder!A2", "Tryggt", null],
      ["Förälder!A3", "Trygga lekplatser", null],
      ["Id!B2", "Attraktiv arbetsgivare", "helt"],
    ]);
    expect(goals[2].parent).toBe("Förälder!A2");
    // Their values are not read: an info each, at the header cell, as a table's unread column gets.
    const unread = result.findings.filter((f) => f.code === "column-unrecognized");
    expect(unread.map((f) => [f.severity, f.sheet, f.cell, f.range])).toEqual([
      ["info", "Nivå", "D1", "D1:D2"],
      ["info", "Nivå", "E1", "E1:E2"],
      ["info", "Nivå", "F1", "F1:F2"],
      ["info", "Förälder", "C1", "C1:C3"],
      ["info", "Id", "C1", "C1:C2"],
    ]);
    expect(unread[3].message).toBe(
      "Kolumnen ”Ansvarig” i mållistan läses inte (2 rader): listans mål läses med nivå, id, överordnat mål och bedömning, men den kolumnen har Målkoll ingen användning för.",
    );
  });

  test("a column some table kind reads (Startdatum, Budget) still makes the header none", () => {
    const { goals } = check(
      snapshotOf(
        sheet("Blad1", [
          ["Målnivå", "Mål", "Ansvarig", "Startdatum"],
          ["Nämndmål", "Barnen lär sig", "Anna", "2021-01-01"],
        ]),
        sheet("Blad2", [
          ["Målnivå", "Mål", "Ansvarig", "Budget"],
          ["Nämndmål", "Tryggt", "Bo", 100],
        ]),
      ),
    ).model;
    expect(goals).toEqual([]);
  });
});
