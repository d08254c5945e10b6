/**
 * Two layouts of the äldreomsorg walk of 7 December. A unit's goal list numbered by its own ids: `Nr | Mål |
 * Bedömning | Kommentar` with `E1`, `E2`, and indicators naming them in a `Mål nr` column. The `Nr`
 * was taken for row numbers, so the indicators made three goals `E1`, `E2`, `E3` of their own and
 * the list's goals, their assessments unchallenged, had none.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

function run(ids: CellValue[]) {
  const goals = plainSheet("Mål", [
    ["Enhetens mål 2026"],
    [],
    ["Nr", "Mål", "Bedömning", "Kommentar"],
    [ids[0], "De boende har en meningsfull och trygg vardag", "Uppfyllt", null],
    [ids[1], "Medarbetarna har en god arbetsmiljö", "Delvis uppfyllt", null],
  ]);
  const indicators = plainSheet("Indikatorer", [
    ["Indikator", "Mål nr", "Utfall 2026", "Årsmål 2026"],
    ["Andel boende som är nöjda med måltiderna", ids[0], "66 %", "80 %"],
    ["Sjukfrånvaro", ids[1], "7,9 %", "7,5 %"],
  ]);
  return check(snapshotOf(goals, indicators), { period: { kind: "VB", year: 2026 } });
}

describe("a unit's budget under `Konto | Benämning`", () => {
  it("passes over the accounts and reads the labels (the äldreomsorg walk: the sheet was not read)", () => {
    const snapshot = snapshotOf(
      plainSheet("Ekonomi", [
        ["Ekonomi – utfall 2026"],
        ["Konto", "Benämning", "Budget 2026", "Utfall 2026", "Avvikelse", "Förklaring"],
        ["30–39", "Intäkter (hyror, avgifter, ersättningar)", -6850, 6720, -130, null],
        ["50–59", "Personalkostnader", 38400, 39650, -1250, "Extravak för två boende."],
        ["61", "Lokalkostnader", 7900, 7900, 0, null],
        [null, "Summa", 39450, 54270, -1380, null],
      ]),
    );
    const result = check(snapshot, { period: { kind: "VB", year: 2026 } });
    expect(result.model.budget.map((b) => b.label)).toEqual([
      "Intäkter (hyror, avgifter, ersättningar)",
      "Personalkostnader",
      "Lokalkostnader",
      "Summa",
    ]);
    // The planted sign: Intäkter's outcome written positive.
    expect(result.findings.map((f) => [f.code, f.cell])).toContainEqual(["budget-sign", "D3"]);
  });

  it("reads an `Analys:` written from the sheet's first column, under the accounts (the second review)", () => {
    const snapshot = snapshotOf(
      plainSheet("Ekonomi", [
        ["Konto", "Benämning", "Budget 2026", "Prognos helår", "Avvikelse"],
        ["3000", "Intäkter", -12400, -12300, -100],
        ["5000", "Personalkostnader", 38200, 39450, -1250],
        [null, "Netto", 25800, 27150, -1350],
        ["Analys: Personalkostnaderna överskrids på grund av vikarier under sommaren."],
      ]),
    );
    const result = check(snapshot, { period: { kind: "T2", year: 2026 } });
    expect(result.model.budget.find((b) => b.label === "Netto")?.analysis).toBe(
      "Personalkostnaderna överskrids på grund av vikarier under sommaren.",
    );
    expect(result.findings.filter((f) => f.code === "analysis-missing")).toEqual([]);
  });
});

describe("a goal list's Nr of goal ids", () => {
  it("is the list's id column: the indicators' `Mål nr` names its goals", () => {
    const result = run(["E1", "E2"]);
    // The letter says no level (`E` may be Ekonomi, the second review found): a list's title column
    // headed `Enhetsmål` does (below).
    expect(result.model.goals.map((g) => [g.id, g.level, g.title])).toEqual([
      ["Mål!B4", "namndmal", "De boende har en meningsfull och trygg vardag"],
      ["Mål!B5", "namndmal", "Medarbetarna har en god arbetsmiljö"],
    ]);
    expect(result.model.indicators.map((i) => i.goal)).toEqual(["Mål!B4", "Mål!B5"]);
    // `Uppfyllt` over a missed target is now seen.
    expect(result.findings.map((f) => [f.code, f.cell])).toContainEqual(["assessment-contradicts", "C4"]);
  });

  it("an action plan's `Nr` of `A1`, `A2` beside `Åtgärd` makes no goal list (the second review)", () => {
    const snapshot = snapshotOf(
      plainSheet("Plan", [
        ["Nr", "Mål", "Åtgärd", "Bedömning"],
        ["A1", "Färre fall", "Införa fallriskbedömning", "Uppfyllt"],
        ["A2", "Färre fall", "Utbilda personalen", "Delvis uppfyllt"],
      ]),
    );
    const result = check(snapshot, { period: { kind: "VB", year: 2026 } });
    expect(result.model.goals).toEqual([]);
  });

  it("a title column headed `Enhetsmål` makes unit goals, whatever their numbers (`1.1`)", () => {
    const snapshot = snapshotOf(
      plainSheet("Mål", [
        ["Nr", "Enhetsmål", "Bedömning"],
        ["1.1", "Barnen utvecklas och lär", "Uppfyllt"],
        ["2.1", "Medarbetarna trivs", "Delvis uppfyllt"],
      ]),
    );
    const result = check(snapshot, { period: { kind: "VB", year: 2026 } });
    expect(result.model.goals.map((g) => g.level)).toEqual(["enhetsmal", "enhetsmal"]);
  });

  it("a Nr of 1, 2 numbers rows, as before: no id", () => {
    const result = run([1, 2]);
    expect(result.model.goals.filter((g) => g.sheet === "Mål").map((g) => g.level)).toEqual([
      "namndmal",
      "namndmal",
    ]);
  });
});
