/**
 * The review of December of the rules that read a unit's own words (`Mål 2021`, `Åtgärd`, `Klart`,
 * `Status`, goal headings not read): the layouts where they misread, each as the reviewer built it.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { plainSheet as sheet, snapshotOf } from "../../helpers/seedGrid";

const run = (name: string, ...rows: CellValue[][]) => check(snapshotOf(sheet(name, rows)));
const codes = (result: ReturnType<typeof check>, code: string) =>
  result.findings.filter((f) => f.code === code).map((f) => f.cell);
const TITLE = ["Uppföljning T2 2021 – Förskoleenheten Solrosen"];
const GOAL = "Alla barn utvecklas och lär sig";

describe("`Mål 2021` that names goals is the goal column, as `Mål` is", () => {
  test("its cells goal names: no unreadable targets, the goal kept", () => {
    const result = run(
      "Indikatorer",
      TITLE,
      ["Indikator", "Mål 2021", "Periodens utfall", "Periodicitet"],
      ["Andel nöjda föräldrar", GOAL, 0.91, "År"],
    );
    expect(result.model.goals.map((g) => g.title)).toEqual([GOAL]);
    expect(codes(result, "value-unparseable")).toEqual([]);
  });

  test.each([["Årsmål"], ["Målvärde"]])("beside %s, which stays the Årsmål", (target) => {
    const result = run(
      "Indikatorer",
      TITLE,
      ["Indikator", "Periodens utfall", target, "Mål 2021", "Periodicitet"],
      ["Andel nöjda föräldrar", 0.91, 0.9, GOAL, "År"],
    );
    expect(result.model.indicators.map((i) => [i.target, i.status])).toEqual([[0.9, "met"]]);
    expect(result.model.goals.map((g) => g.title)).toEqual([GOAL]);
  });

  test("in an activity table: the activities' goal", () => {
    const result = run(
      "Aktiviteter",
      TITLE,
      ["Aktivitet", "Mål 2021", "Startdatum", "Slutdatum"],
      ["Språkpromenader i alla grupper", GOAL, 44197, 44561],
    );
    expect(result.model.activities.map((a) => a.goal)).toEqual([result.model.goals[0].id]);
  });
});

describe("activities' words", () => {
  test("in a plan, `Ej påbörjad` is no deviation: nothing is due yet", () => {
    const plan = sheet("VP 2022", [
      ["Verksamhetsplan 2022 – Förskoleenheten Solrosen"],
      ["Aktivitet", "Startdatum", "Slutdatum", "Status"],
      ["Språkpromenader i alla grupper", 44562, 44742, "Ej påbörjad"],
    ]);
    const result = check(snapshotOf(plan), { period: { kind: "VP", year: 2022 } });
    expect(result.model.activities).toHaveLength(1);
    expect(codes(result, "analysis-missing")).toEqual([]);
    // At T2 2022 the same activity, due by 30 June, deviates.
    const followUp = check(snapshotOf(plan), { period: { kind: "T2", year: 2022 } });
    expect(codes(followUp, "analysis-missing")).toEqual(["D3"]);
  });

  test("at VB, `Ej påbörjad` without an end date was due by the year's end", () => {
    const result = run(
      "VB 2021",
      ["Verksamhetsberättelse 2021 – Förskoleenheten Solrosen"],
      ["Aktivitet", "Startdatum", "Slutdatum", "Status", "Kommentar"],
      ["Utemiljön rustas", 44197, null, "Ej påbörjad", null],
    );
    expect(codes(result, "analysis-missing")).toEqual(["E3"]);
  });

  test("a bare `Klart` of `Ja` is no end date; `Klart senast` is", () => {
    const bare = run(
      "U",
      TITLE,
      ["Aktivitet", "Startdatum", "Klart", "Slutdatum"],
      ["Språkpromenader", 44197, "Ja", 44377],
    );
    expect(codes(bare, "activity-dates")).toEqual([]);
    expect(bare.model.activities.map((a) => a.end)).toEqual(["2021-06-30"]);
  });

  test("a bare `Klart` of dates is the end date (the hemtjänst walk), alone or beside no Slutdatum", () => {
    const result = run(
      "U",
      TITLE,
      ["Aktivitet", "Start", "Klart", "Status"],
      ["Ellådcyklar ersätter bil", 44317, 44439, "Ej startad"],
    );
    expect(result.model.activities.map((a) => a.end)).toEqual(["2021-08-31"]);
    expect(codes(result, "analysis-missing")).toEqual(["D3"]);
  });

  test("an activity table's `Åtgärder` are steps planned, not its analysis", () => {
    const result = run(
      "U",
      TITLE,
      ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", "Åtgärder"],
      [
        "Språkprojekt i alla grupper",
        44197,
        44377,
        "Avvikelse",
        "Nya utbildningstillfällen bokas in under hösten för alla.",
      ],
    );
    expect(codes(result, "analysis-missing")).toEqual(["D3"]);
  });

  test("a Status column of traffic lights states no status: a column not read, as before", () => {
    const result = run(
      "U",
      TITLE,
      ["Aktivitet", "Startdatum", "Slutdatum", "Status"],
      ["Språkpromenader", 44197, 44377, "Grön"],
      ["Utemiljön", 44197, 44377, "Gul"],
    );
    expect(codes(result, "column-unrecognized")).toEqual(["D2"]);
  });

  test("an action plan `Målnr | Mål | Åtgärder` gives no goals", () => {
    const result = run(
      "Handlingsplan",
      ["Handlingsplan 2021"],
      ["Målnr", "Mål", "Åtgärder"],
      [1, GOAL, "Språkpromenader"],
      [2, "Alla barn känner sig trygga", "Ny rutin för inskolning"],
    );
    expect(result.model.goals).toEqual([]);
  });
});

test("`Utfall 2021` beside `Utfall april` names no months: not taken for last year's", () => {
  const result = run(
    "1.1",
    TITLE,
    ["Indikator", "Utfall april", "Utfall 2021", "Årsmål"],
    ["Andel barn", 0.041, 0.04, 0.033],
  );
  expect(result.model.indicators.map((i) => i.previous)).toEqual([null]);
});

test("`Enhetens bedömning:` labels a goal's assessment", () => {
  const result = run(
    "U",
    TITLE,
    [`Enhetsmål: ${GOAL}`, null, "Enhetens bedömning:", "Uppfylls helt"],
    ["Indikator", "Periodens utfall", "Årsmål", "Periodicitet"],
    ["Andel nöjda föräldrar", 0.7, 0.9, "Tertial"],
  );
  expect(result.model.goals.map((g) => g.statedAssessment)).toEqual(["helt"]);
});

describe("goal-heading-unread is said of a heading alone, not of a list's rows or a table of contents", () => {
  test("an action plan's rows, each a goal and its step, are no headings gone unread", () => {
    const result = run(
      "Handlingsplan",
      ["Handlingsplan 2021"],
      ["Mål", "Åtgärd", "Ansvarig", "Klart senast"],
      [`Enhetsmål: ${GOAL}`, "Språkpromenader i alla grupper", "Anna", 44377],
      ["Enhetsmål: Alla barn känner sig trygga", "Ny rutin för inskolning", "Bo", 44469],
    );
    expect(codes(result, "goal-heading-unread")).toEqual([]);
  });

  test.each([["sid 12"], ["s. 16"], ["12–15"]])("a table of contents' page %s", (page) => {
    const result = run(
      "Rapport",
      ["Innehåll"],
      ["KF:s mål för verksamhetsområdet: 1.3. I Stockholm når barn sin fulla potential", "......", page],
    );
    expect(codes(result, "goal-heading-unread")).toEqual([]);
  });

  test("a heading with its number after its title, or a short comment after its assessment, is read", () => {
    const result = run(
      "T2",
      ["Tertialrapport 2 år 2021"],
      ["Nämndmål: Invånare får stöd till egen försörjning", "1.1.1"],
      [],
      [`Enhetsmål: ${GOAL}`, "Uppfylls delvis", "Se analys nedan"],
    );
    expect(result.model.goals.map((g) => [g.number, g.title, g.statedAssessment])).toEqual([
      ["1.1.1", "Invånare får stöd till egen försörjning", null],
      [null, GOAL, "delvis"],
    ]);
    expect(codes(result, "goal-heading-unread")).toEqual([]);
  });
});

describe("the second review of December", () => {
  test("`Utfall 2020 | Utfall`: the undated one is the outcome, as before", () => {
    const result = run(
      "T2",
      TITLE,
      ["Indikator", "Utfall 2020", "Utfall", "Årsmål", "Periodicitet"],
      ["Andel nöjda föräldrar", 0.8, 0.91, 0.9, "Tertial"],
    );
    expect(result.model.indicators.map((i) => [i.outcome, i.previous])).toEqual([[0.91, 0.8]]);
  });

  test.each([
    [["88 %", "90 %"], "targets"],
    [["Minska", "Öka jämfört med 2020"], "target words"],
  ])("`Mål 2021` of %j (%s) makes no goals", (targets) => {
    const result = run(
      "T2",
      TITLE,
      ["Nämndmål: 1.1.1 Alla barn utvecklas och lär sig"],
      ["Indikator", "Periodens utfall", "Mål 2021", "Periodicitet"],
      ["Andel nöjda föräldrar", 0.91, targets[0], "Tertial"],
      ["Andel barn som läser", 0.5, targets[1], "Tertial"],
    );
    expect(result.model.goals.map((g) => g.number)).toEqual(["1.1.1"]);
  });

  test("two stacked headings with their assessments, neither read, are both said", () => {
    const result = run(
      "T1",
      TITLE,
      ["Nämndmål: 1.1.1 Alla barn utvecklas och lär sig", "Bedömning enligt nämnden:", "Uppfylls delvis"],
      ["Enhetsmål: Vi läser för barnen varje dag", "Bedömning enligt enheten:", "Uppfylls helt"],
    );
    expect(codes(result, "goal-heading-unread")).toEqual(["A2", "A3"]);
  });

  test("a figure after a heading's title is no goal number (0,046 as 4,6 %)", () => {
    const result = run("T1", TITLE, ["Enhetsmål: Korttidssjukfrånvaron ska minska", 0.046, "Uppfylls helt"]);
    expect(result.model.goals).toEqual([]);
    expect(codes(result, "goal-heading-unread")).toEqual(["A2"]);
  });

  test.each(["Pågår, ingen försening", "Klar, ej försenad"])("%j is no delay", (status) => {
    const result = run(
      "U",
      TITLE,
      ["Aktivitet", "Startdatum", "Slutdatum", "Status"],
      ["Språkpromenader", 44197, 44561, status],
    );
    expect(codes(result, "analysis-missing")).toEqual([]);
  });

  test("`Stadens mål` naming the city's goals is a column not read, not unreadable targets", () => {
    const result = run(
      "T2",
      TITLE,
      ["Indikator", "Periodens utfall", "Årsmål", "Periodicitet", "Stadens mål"],
      ["Andel ekologiska livsmedel", 0.5, 0.55, "Tertial", "Stockholm är en hållbar stad"],
      ["Andel nöjda föräldrar", 0.91, 0.9, "Tertial", "Stockholms förskolor är de bästa"],
    );
    expect(codes(result, "value-unparseable")).toEqual([]);
    expect(codes(result, "column-unrecognized")).toEqual(["E2"]);
  });

  test("a stamped note under a title leaves the title; `p.g.a.` is no sentence's end", () => {
    const budget = (note: string) =>
      run(
        "Ekonomi",
        ["Driftbudget T2 2021 (tkr)"],
        [note],
        [],
        ["Tkr", "Budget 2021", "Prognos helår", "Avvikelse"],
        ["Personal", 1200, 1100, 100],
      ).model.budget.map((l) => l.table);
    expect(budget("Prognosen uppdaterad 2021-08-31 efter dialog med controller")).toEqual([
      "Driftbudget T2 2021 (tkr)",
    ]);
    expect(
      run(
        "Ekonomi",
        ["Merkostnader p.g.a. Covid-19"],
        ["Tkr", "Budget 2021", "Prognos helår", "Avvikelse"],
        ["Personal", 1200, 1100, 100],
      ).model.budget.map((l) => l.table),
    ).toEqual(["Merkostnader p.g.a. Covid-19"]);
  });
});
