/**
 * Outcome columns named by a year, against the period (the fritidsgård's VB walk of 7 December):
 * `Resultat helår` was not read, and `Utfall 2025` beside it became the outcome of VB 2026, so last
 * year's figures were judged and printed as the year's, and a missing outcome went unsaid.
 */
import { check } from "../../../src/engine";
import { catalogueDirection } from "../../../src/engine/evaluate";
import type { CellValue } from "../../../src/engine/grid";
import type { PeriodKind } from "../../../src/engine/model/types";
import { goalTableRole } from "../../../src/engine/recognise/headers";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

function read(kind: PeriodKind, year: number, header: string[], ...rows: CellValue[][]) {
  const result = check(snapshotOf(plainSheet("Mål 2", [header, ...rows])), { period: { kind, year } });
  const ind = result.model.indicators[0];
  return {
    outcome: ind.cells.outcome ?? null,
    previous: ind.cells.previous ?? null,
    values: [ind.outcome, ind.previous],
    codes: result.findings.map((f) => [f.code, f.cell]),
  };
}

describe("an outcome of the whole year", () => {
  test.each([
    "Resultat helår",
    "Utfall helår 2026",
    "Utfall helåret",
    "Helårsutfall 2026",
    "Årsutfall",
    "Årsresultat",
  ])("%s heads the outcome", (header) => expect(goalTableRole(header)).toBe("outcome"));

  test("`Prognos helår` stays the forecast", () => expect(goalTableRole("Prognos helår")).toBe("forecast"));

  test("`Resultat helår` is VB 2026's outcome and `Utfall 2025` the previous year's", () => {
    const row = read(
      "VB",
      2026,
      ["Indikator", "Resultat helår", "Mål 2026", "Utfall 2025"],
      ["Antal besök totalt", 13540, 14000, 13120],
    );
    expect([row.outcome, row.previous, row.values]).toEqual(["B2", "D2", [13540, 13120]]);
  });
});

describe("an outcome column of a year before the period's", () => {
  test("is the previous year's, and the outcome missing where no column holds the year's", () => {
    const row = read(
      "VB",
      2026,
      ["Indikator", "Siffror för året", "Mål 2026", "Utfall 2025"],
      ["Antal deltagare på sommarlovsaktiviteter", null, 400, 365],
    );
    expect([row.outcome, row.previous]).toEqual([null, "D2"]);
    expect(row.codes).toContainEqual(["outcome-missing", "A2"]);
  });

  test("gives way to the period's by its months (`Utfall 2019 | Utfall 2020 | Utfall april` in T1 2021)", () => {
    const row = read(
      "T1",
      2021,
      ["Indikator", "Utfall 2019", "Utfall 2020", "Utfall april", "Mål 2021"],
      ["Andel barn", "5 %", "4,5 %", "4,1 %", "3,3 %"],
    );
    expect([row.outcome, row.previous, row.values]).toEqual(["D2", "C2", [4.1, 4.5]]);
  });

  test("a dated whole year beside the months' outcome is last year's, the same months a year before the previous", () => {
    const row = read(
      "T2",
      2021,
      ["Indikator", "Utfall jan-aug", "Utfall helår 2020", "Utfall jan-aug 2020", "Mål 2021"],
      ["Andel barn", "4,1 %", "5 %", "4,5 %", "3,3 %"],
    );
    expect([row.outcome, row.previous]).toEqual(["B2", "D2"]);
  });

  test("a dated whole year beside the tertial's own outcome leaves it the outcome (the review of 7 December)", () => {
    for (const [kind, year, header] of [
      ["T2", 2021, ["Indikator", "Utfall T2 2021", "Utfall helår 2020", "Mål 2021"]],
      ["T1", 2026, ["Indikator", "Utfall T1 2026", "Utfall helår 2025", "Mål 2026"]],
    ] as const) {
      const row = read(kind, year, [...header], ["Andel barn", "4,1 %", "5 %", "3,3 %"]);
      expect([row.outcome, row.values[0]]).toEqual(["B2", 4.1]);
      expect(row.codes.filter(([code]) => code === "outcome-missing")).toEqual([]);
    }
  });

  test("the whole year beside a part of its own year is the VB's outcome (the second review)", () => {
    for (const part of ["Utfall T2 2021", "Utfall jan–aug 2021"]) {
      const row = read(
        "VB",
        2021,
        ["Indikator", part, "Utfall helår 2021", "Årsmål"],
        ["Sjukfrånvaro", "7,5 %", "5,5 %", "6 %"],
      );
      expect([row.outcome, row.values[0]]).toEqual(["C2", 5.5]);
    }
  });

  test("of the period's own year is the outcome", () => {
    const row = read(
      "VB",
      2026,
      ["Indikator", "Utfall 2026", "Mål 2026"],
      ["Antal besök totalt", 13540, 14000],
    );
    expect(row.outcome).toBe("B2");
  });
});

describe("a unit's own shares of what it has done are better higher", () => {
  test.each([
    ["Andel medarbetare som haft medarbetarsamtal", "higher"],
    ["Andel besökare som känner till trivselreglerna", "higher"],
    ["Andel brukare med aktuell genomförandeplan", "higher"],
    ["Andel medarbetare som genomgått utbildning i lågaffektivt bemötande", "higher"],
    // The äldreomsorg walk.
    ["Andel boende med riskbedömning i Senior alert", "higher"],
    ["Andel boende som fått en läkemedelsgenomgång", "higher"],
    ["Andel tillsvidareanställda undersköterskor med skyddad yrkestitel", "higher"],
    ["Antal fall med skada", "lower"],
    // The second review: what the words around the keyword say.
    ["Andel brukare som saknar genomförandeplan", undefined],
    ["Andel genomförandeplaner som är äldre än sex månader", undefined],
    ["Andel brukare som väntat mer än 14 dagar på individuell plan", undefined],
    ["Andel boende med risk för trycksår som har en åtgärdsplan", undefined],
    ["Andel fallskadeförebyggande åtgärder som genomförts", undefined],
    // The review of 7 December: what was not done, and counts, which build up over the year.
    ["Andel brukare som inte känner till sin kontaktperson", undefined],
    ["Andel genomförandeplaner som inte följts upp", undefined],
    ["Andel deltagare som avbryter insatsen i förtid", undefined],
    ["Antal besök totalt", undefined],
    ["Antal missade besök per månad", undefined],
    ["Antal inställda arrangemang", undefined],
    ["Andel flickor bland besökarna", undefined],
  ])("%s", (name, direction) => expect(catalogueDirection(name)?.direction).toBe(direction));
});

describe("a unit's table without a Period column, beside last year's figure of the same tertial", () => {
  const header = ["Indikator", "Utfall jan–aug 2026", "Utfall T2 2025", "Målvärde 2026"];

  test("a row measured at T2 last year is due now: its empty outcome is missing, and says why", () => {
    // The LSS walk: a training share with 45 % at T2 2025 and no outcome went unsaid.
    const result = check(
      snapshotOf(
        plainSheet("T2 2026", [
          header,
          ["Andel medarbetare som genomgått utbildning i lågaffektivt bemötande", null, "45 %", "100 %"],
          ["Andel brukare som har en meningsfull sysselsättning", "Ej mätbart T2", "92 %", "90 %"],
          ["Andel brukare med genomförandeplan", null, null, "95 %"],
          ["Andel brukare som är nöjda med maten", null, "81 %", "85 %"],
          ["Analys: Mätningen genomförs i oktober."],
          // An analysis of other things leaves it missing (the LSS walk's training row).
          ["Andel medarbetare med introduktion", null, "70 %", "90 %"],
          ["Analys: Utbildningen pågår, tre av fyra grupper är klara."],
        ]),
      ),
      { period: { kind: "T2", year: 2026 } },
    );
    // The last row's analysis says why it has none: the unit knows (the review of 7 December).
    expect(result.model.indicators.map((i) => i.periodicity)).toEqual([
      "tertial",
      null,
      null,
      null,
      "tertial",
    ]);
    const missing = result.findings.filter((f) => f.code === "outcome-missing");
    expect(missing.map((f) => f.cell)).toEqual(["B2", "B7"]);
    expect(missing.slice(0, 1).map((f) => [f.cell, f.message])).toEqual([
      [
        "B2",
        "Utfall saknas för ”Andel medarbetare som genomgått utbildning i lågaffektivt bemötande” (den har utfall för samma period förra året; står det inget nu, skriv varför i cellen eller analysen, t.ex. ”Mäts i oktober”).",
      ],
    ]);
  });
});
