/**
 * A unit's plan as a förskola's manager wrote it (the walk of 8 December: VP 2027 with last year's
 * figures beside the targets, a cover saying `Verksamhetsplan 2027`, a budget in tkr with last
 * year's forecast beside it). Before, the period was unknown, the budget was read in mnkr (the
 * sign note under its title taken for the title) and measured against last year's forecast (a
 * "large deviation" on every row), `Löpande` was an unreadable date (an error) and `Skriv här`
 * went unnoticed. The rows are the walk's; the titles and amounts 002's and 003's where those have them.
 */
import { check } from "../../src/engine";
import type { CellValue } from "../../src/engine/grid";
import { findPlaceholders } from "../../src/engine/validate/placeholders";
import { loadSeedFixture, plainSheet, seedLineCells, seedLines, snapshotOf } from "../helpers/seedGrid";

const PLAN_TITLE = seedLines(loadSeedFixture("003-vp-titel"))[0]; // Verksamhetsplan 2022 för Hägersten-Älvsjö stadsdelsnämnd

const cover = (title: string) => plainSheet("Försättsblad", [[title], [], ["Underlag: uppföljning T2 2021"]]);

/** Indicators with targets for 2022 and last years' figures (`Utfall 2020`, `Utfall T2 2021`). */
const indicators = plainSheet("Mål och indikatorer", [
  [
    "Nr",
    "Mål / indikator",
    "Årsmål 2022",
    "KF:s årsmål 2022",
    "Utfall 2020",
    "Utfall T2 2021",
    "Mäts",
    "Kommentar",
  ],
  ["Enhetsmål 1.1.1: Barnen utvecklas och lär i trygga och stimulerande miljöer"],
  [1, "Andel nöjda föräldrar till barn i förskolan", 0.9, 0.88, 0.85, null, "År", "Förskoleundersökningen"],
  [2, "Sjukfrånvaro", 0.055, 0.06, 0.072, 0.068, "Tertial", "Skriv här"],
]);

describe("a plan whose cover names it and whose tables carry last year's figures", () => {
  it("is VP of the cover's year, not a period nobody could read", () => {
    const result = check(snapshotOf(cover(PLAN_TITLE), indicators));
    expect(result.model.period).toEqual({ kind: "VP", year: 2022, source: "cell" });
    expect(result.findings.map((f) => f.code)).not.toContain("period-unknown");
    expect(result.model.indicators.map((i) => i.status)).toEqual(["not-measured", "not-measured"]);
  });

  it("is not a plan where a table holds an outcome of no earlier year: the period is asked for", () => {
    const copied = plainSheet("Mål och indikatorer", [
      ["Indikator", "Periodens utfall", "Årsmål 2022", "KF:s årsmål 2022", "Period"],
      ["Sjukfrånvaro", 0.061, 0.055, 0.06, "Tertial"],
    ]);
    const result = check(snapshotOf(cover(PLAN_TITLE), copied));
    expect(result.model.period.kind).toBeNull();
    const unknown = result.findings.find((f) => f.code === "period-unknown");
    // The choices include the plan's (the walk's message offered T1, T2 or VB only).
    expect(unknown?.message).toContain("Ange period (T1, T2 eller VB för en uppföljning, VP för en plan)");
  });

  it("asks for a direction for what a plan uses it for: the comparison with KF, or the follow-up", () => {
    // (the förskola and nämnd walks of 8 December)
    const unknownDirections = plainSheet("Mål och indikatorer", [
      ...indicators.values,
      [3, "Genomsnittlig vistelsetid (timmar per vecka)", 30, 32, 31, 31, "År", null],
      [4, "Antal förskolor med Grön Flagg", 4, 120, 3, 3, "År", "KF:s mål gäller hela staden"],
      [5, "Totalt antal inskrivna barn", 310, null, 298, 305, "Tertial", null],
    ]);
    const result = check(snapshotOf(cover(PLAN_TITLE), unknownDirections));
    const asked = result.findings.filter((f) => f.code === "direction-unknown");
    expect(asked.map((f) => [f.cell, f.message.slice(f.message.indexOf("Ange riktning"))])).toEqual([
      ["B5", "Ange riktning (kolumnen Riktning eller i Målkoll) så kan årsmålet jämföras med KF:s årsmål."],
      // KF's 120 is the whole city's (the nämnd walk): nothing to compare the 4 with.
      ["B6", "Ange riktning (kolumnen Riktning eller i Målkoll) så kan status beräknas i uppföljningen."],
      ["B7", "Ange riktning (kolumnen Riktning eller i Målkoll) så kan status beräknas i uppföljningen."],
    ]);
  });

  it("is not a plan where its tertial's outcome is of the plan's year: asked, and then of that year", () => {
    // The review of 8 December: a T1 follow-up built on the plan, its cover kept.
    const followUp = plainSheet("Mål och indikatorer", [
      [
        "Indikator",
        "Utfall T1 2022",
        "Årsmål 2022",
        "KF:s årsmål 2022",
        "Utfall 2021",
        "Prognos helår",
        "Period",
      ],
      ["Sjukfrånvaro", 0.071, 0.055, 0.06, 0.068, null, "Tertial"],
    ]);
    expect(check(snapshotOf(cover(PLAN_TITLE), followUp)).model.period.kind).toBeNull();
    const chosen = check(snapshotOf(cover(PLAN_TITLE), followUp), { period: { kind: "T1", year: null } });
    expect(chosen.model.period).toMatchObject({ kind: "T1", year: 2022 });
    expect(chosen.model.indicators.map((i) => [i.outcome, i.previous])).toEqual([[0.071, 0.068]]);
  });

  it("stays the follow-up a title of a tertial names, the plan's cover beside it", () => {
    const followUp = plainSheet("T2", [["Tertialrapport 2 år 2021"], ...indicators.values]);
    const result = check(snapshotOf(cover(PLAN_TITLE), followUp));
    expect(result.model.period).toMatchObject({ kind: "T2", year: 2021 });
  });

  it("finds the template's prompt left in a Kommentar cell, and not a sentence that goes on", () => {
    const result = check(snapshotOf(cover(PLAN_TITLE), indicators));
    const leftovers = result.findings.filter((f) => f.code === "placeholder-text");
    expect(leftovers.map((f) => [f.sheet, f.cell, f.message])).toEqual([
      ["Mål och indikatorer", "H4", "Mallrest i cellen: ”Skriv här”."],
    ]);
    // Not an instruction or a form's label (the review of 8 December: an Instruktioner sheet, a cover).
    const texts: CellValue[] = [
      "Fyll i analys här…",
      "Skriv kommentar här…",
      "Skriv här nedan vad som har gjorts under året.",
      "Vi behöver skriva här om bemanningen.",
      "Ange enhet här:",
      "Fyll i de gula cellerna här.",
      "Klicka eller tryck här för att ange text.",
      "Skriv in era siffror här:",
    ];
    const found = findPlaceholders(
      {
        name: "t.xlsx",
        sheets: [
          {
            name: "B",
            visibility: "visible",
            originRow: 1,
            originCol: 1,
            values: texts.map((text) => [text]),
          },
        ],
      },
      () => null,
    );
    expect(found.map((f) => f.cell)).toEqual(["A1", "A2", "A7"]);
    // A form's label with its answer beside it (the review's cover: `Skriv datum här` | `2026-11-30`).
    const form = findPlaceholders(
      {
        name: "t.xlsx",
        sheets: [
          {
            name: "Försättsblad",
            visibility: "visible",
            originRow: 1,
            originCol: 1,
            values: [
              ["Skriv datum här", "2026-11-30"],
              ["Skriv datum här", null],
            ],
          },
        ],
      },
      () => null,
    );
    expect(form.map((f) => f.cell)).toEqual(["A2"]);
  });
});

describe("a plan's budget beside last year's forecast, in tkr said in its title", () => {
  // 002's Intäkter and Kostnader rows (lines 1927–1928), as a unit keeps them in tkr.
  const label = (line: number) => seedLineCells("002-t2-driftbudget", line, [0])[0];
  const budget = (headers: string[]) =>
    plainSheet("Budget 2022", [
      ["Budget 2022 – Hägersten-Älvsjö (tkr)"],
      ["Intäkter anges med minustecken, kostnader utan."],
      [],
      ["Kostnadsslag", ...headers, "Kommentar"],
      [label(1927), -515_300, -489_400, -512_300],
      [label(1928), 2_962_400, 2_924_700, 2_945_500],
    ]);

  it("is in tkr, as its title says over the sign note, and has no deviations from 2021's forecast", () => {
    const result = check(
      snapshotOf(cover(PLAN_TITLE), budget(["Budget 2022", "Budget 2021", "Prognos helår 2021 (T2)"])),
    );
    expect(result.model.budget.map((b) => [b.table, b.unit, b.label, b.budget, b.forecast])).toEqual([
      ["Budget 2022 – Hägersten-Älvsjö (tkr)", "tkr", "Intäkter", -515_300, null],
      ["Budget 2022 – Hägersten-Älvsjö (tkr)", "tkr", "Kostnader", 2_962_400, null],
    ]);
    expect(
      result.findings.filter((f) => f.code.startsWith("budget-") || f.code === "analysis-missing"),
    ).toEqual([]);
  });

  it("measures the deviation against a forecast of the budget's own year", () => {
    const result = check(snapshotOf(budget(["Budget 2022", "Budget 2021", "Prognos helår 2022"])), {
      period: { kind: "T2", year: 2022 },
    });
    expect(result.model.budget.map((b) => [b.forecast, b.computedDeviation])).toEqual([
      [-512_300, -3_000],
      [2_945_500, 16_900],
    ]);
  });
});

describe("a row under the budget's `Intäkter` group that lost its minus", () => {
  // The walk's rows: income written negative, as its note says, one of them without its minus.
  const unitBudget = (income: number[], costs: number[] = [48_600, -9_850]) =>
    plainSheet("Budget 2022", [
      ["Budget 2022 – Förskolorna i Årsta (tkr)"],
      [],
      ["Kostnadsslag", "Budget 2022", "Budget 2021", "Kommentar"],
      ["Intäkter"],
      ["Föräldraavgifter", income[0], -5_260],
      ["Statsbidrag maxtaxa", income[1], -1_340],
      ["Övriga intäkter", income[2], -200],
      ["Summa intäkter", income[0] + income[1] + income[2], -6_800],
      ["Kostnader"],
      ["Personalkostnader", costs[0], 46_900],
      ["Återbetalning av lokalhyra", costs[1], 9_600],
      ["Summa kostnader", costs[0] + costs[1], 56_500],
    ]);
  const signs = (sheet: ReturnType<typeof unitBudget>) =>
    check(snapshotOf(cover(PLAN_TITLE), sheet)).findings.filter((f) => f.code === "budget-sign");

  it("is an error at its cell, where the group's other rows are negative", () => {
    const found = signs(unitBudget([-5_420, 1_380, -210]));
    expect(found.map((f) => [f.severity, f.cell, f.message])).toEqual([
      [
        "error",
        "B6",
        "”Statsbidrag maxtaxa” (Budget) står under Intäkter, som tabellen anger med minustecken, men är 1\u00a0380 tkr.",
      ],
    ]);
  });

  it("is none where the table writes its income positive, or too few rows say how it writes it", () => {
    expect(signs(unitBudget([5_420, 1_380, 210]))).toEqual([]);
    expect(signs(unitBudget([-5_420, 1_380, 210]))).toEqual([]);
    // The review of 8 December: income positive with two small corrections is no negative table.
    expect(signs(unitBudget([5_420, -150, -20]))).toEqual([]);
  });

  it("is none for a small positive amount or a row that takes income back", () => {
    expect(signs(unitBudget([-5_420, 150, -210]))).toEqual([]);
    const repaid = unitBudget([-5_420, 1_380, -210]);
    repaid.values[5][0] = "Återbetalning av statsbidrag";
    expect(signs(repaid)).toEqual([]);
  });

  it("is none for a group that runs on into the costs without its sum, or is labelled for both", () => {
    const open = plainSheet("Budget 2022", [
      ["Budget 2022 – Förskolorna i Årsta (tkr)"],
      [],
      ["Kostnadsslag", "Budget 2022", "Kommentar"],
      ["Intäkter"],
      ["Föräldraavgifter", -5_420],
      ["Statsbidrag maxtaxa", -1_380],
      ["Övriga intäkter", -210],
      ["Personalkostnader", 48_600],
      ["Lokalkostnader", 9_850],
      ["Netto", 51_440],
    ]);
    expect(signs(open)).toEqual([]);
    const both = unitBudget([-5_420, 1_380, -210]);
    both.values[3][0] = "Intäkter och kostnader";
    expect(signs(both)).toEqual([]);
  });
});

describe("a plan's table of KF:s uppdrag under its own header (the nämnd walk of 8 December)", () => {
  it("is an activity table, each assignment under the goal its row names", () => {
    // 002 line 295's assignment (KF goal 1.1) with the nämnd's number column.
    const [assignment, start, end] = seedLineCells("002-t2-kf-1.1", 295, [0, 1, 2]);
    const sheet = plainSheet("Aktiviteter", [
      ["Uppdrag från kommunfullmäktige i budget 2022"],
      ["Nr", "KF:s uppdrag", "Nämndmål", "Startdatum", "Slutdatum", "Ansvarig"],
      ["U1", assignment, "1.1.1", start, end, "Avd. arbetsmarknad"],
    ]);
    const result = check(snapshotOf(cover(PLAN_TITLE), indicators, sheet));
    expect(result.recognition.tables.find((t) => t.sheet === "Aktiviteter")?.type).toBe("activities");
    expect(result.model.activities.map((a) => [a.name, a.goal, a.start, a.end])).toEqual([
      [String(assignment).trim(), "Mål och indikatorer!A2", "2021-01-01", "2021-12-31"],
    ]);
  });
});

describe("an activity's end a plan leaves open", () => {
  const activities = (end: CellValue, start: CellValue = "2022-01-11") =>
    plainSheet("Aktiviteter", [
      ["Aktivitet", "Mål", "Start", "Slut", "Kommentar"],
      ["Införa veckovis matsvinnsmätning i köken", "1.1.1", start, end, "Tillsammans med kostenheten"],
    ]);

  it("with neither date, in a plan, is asked for its dates; in a follow-up, or with `Löpande`, not", () => {
    // The nämnd walk of 8 December: a KF:s uppdrag without dates, which nothing said.
    const missing = (sheet: ReturnType<typeof activities>, period?: { kind: "T2"; year: number }) =>
      check(snapshotOf(cover(PLAN_TITLE), indicators, sheet), period ? { period } : {}).findings.filter(
        (f) => f.code === "activity-dates-missing",
      );
    const found = missing(activities(null, null));
    expect(found.map((f) => [f.severity, f.cell, f.range, f.goal])).toEqual([
      ["warning", "C2", "C2:D2", "Mål och indikatorer!A2"],
    ]);
    expect(found[0].message).toBe(
      "Aktiviteten ”Införa veckovis matsvinnsmätning i köken” saknar start- och slutdatum: planen anger när varje aktivitet görs.",
    );
    expect(missing(activities(null, null), { kind: "T2", year: 2022 })).toEqual([]);
    expect(missing(activities("Löpande", null))).toEqual([]);
    expect(missing(activities(null))).toEqual([]);
  });

  it.each([
    "Löpande",
    "Tills vidare",
    "pågående",
    "Tillsvidare",
    "Pågår",
    "Löpande under året",
    "Löpande.",
    "Hela 2022",
  ])("%s is no date and no error", (end) => {
    const result = check(snapshotOf(cover(PLAN_TITLE), activities(end)));
    expect(result.model.activities.map((a) => [a.start, a.end])).toEqual([["2022-01-11", null]]);
    expect(result.findings.filter((f) => f.code === "activity-dates")).toEqual([]);
  });

  it("a date written day first is still unreadable, under the goal its row names", () => {
    const result = check(snapshotOf(cover(PLAN_TITLE), indicators, activities("2022-31-10")));
    const dates = result.findings.filter((f) => f.code === "activity-dates");
    expect(dates.map((f) => [f.cell, f.goal])).toEqual([["D2", "Mål och indikatorer!A2"]]);
  });
});

describe("the last read of 8 December", () => {
  const budgetSheet = (headers: string[], rows: (string | number)[][]) =>
    plainSheet("Budget", [["Budget 2022 (tkr)"], [], ["Kostnadsslag", ...headers], ...rows]);

  it("measures a plan's stated Avvikelse against neither last year's forecast nor an older outcome", () => {
    const sheet = budgetSheet(
      ["Budget 2022", "Utfall 2020", "Prognos helår 2021", "Avvikelse"],
      [
        ["Personal", 48_600, 48_100, 48_400, 200],
        ["Lokaler", 9_850, 9_500, 9_600, 250],
      ],
    );
    const result = check(snapshotOf(cover(PLAN_TITLE), sheet));
    expect(result.model.period.kind).toBe("VP");
    expect(result.findings.filter((f) => f.code.startsWith("budget-"))).toEqual([]);
  });

  it("takes a budget's forecast or outcome of the plan's year for a follow-up's: the period is asked", () => {
    const sheet = budgetSheet(
      ["Budget 2022", "Prognos helår 2022", "Avvikelse"],
      [
        ["Personal", 48_600, 48_400, 200],
        ["Lokaler", 9_850, 9_600, 250],
      ],
    );
    expect(check(snapshotOf(cover(PLAN_TITLE), sheet)).model.period.kind).toBeNull();
  });

  it("reads a table headed `Kommunfullmäktiges uppdrag`", () => {
    const sheet = plainSheet("Aktiviteter", [
      ["Kommunfullmäktiges uppdrag", "Nämndmål", "Startdatum", "Slutdatum"],
      ["Stadsdelsnämnderna ska inrätta äldreombud", "1.1.1", "2022-01-01", "2022-12-31"],
    ]);
    expect(check(snapshotOf(cover(PLAN_TITLE), indicators, sheet)).model.activities).toHaveLength(1);
  });

  it("finds a prompt inside a table whatever stands in the next column, in any case", () => {
    const sheet = plainSheet("Mål", [
      ["Indikator", "Årsmål 2022", "KF:s årsmål 2022", "Periodicitet", "Kommentar", "Bedömning"],
      ["Sjukfrånvaro", 0.055, 0.06, "Tertial", "Skriv analys här", "Uppfylls delvis"],
      ["Andel nöjda föräldrar", 0.9, 0.88, "År", "SKRIV ANALYS HÄR", null],
    ]);
    const found = check(snapshotOf(cover(PLAN_TITLE), sheet)).findings.filter(
      (f) => f.code === "placeholder-text",
    );
    expect(found.map((f) => f.cell)).toEqual(["E2", "E3"]);
  });

  it("asks for no dates where the end date is a formula Excel never computed", () => {
    const sheet = {
      ...plainSheet("Aktiviteter", [
        ["Aktivitet", "Mål", "Start", "Slut"],
        ["Utreda nya lokaler", "1.1.1", null, null],
      ]),
      uncalculated: ["D2"],
    };
    const found = check(snapshotOf(cover(PLAN_TITLE), indicators, sheet)).findings;
    expect(found.filter((f) => f.code === "activity-dates-missing")).toEqual([]);
  });
});
