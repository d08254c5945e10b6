/**
 * Before year-end a status is judged on the full-year forecast (Prognos helår): every message that
 * quotes or rests on the judged figure says when it is the forecast, so a unit manager can tell
 * 6,5 % (forecast) from the 6,8 % outcome beside it.
 */
import { check } from "../../../src/engine";
import type { CheckResult } from "../../../src/engine";
import type { Finding } from "../../../src/engine/findings";
import type { PeriodKind } from "../../../src/engine/model/types";
import { buildReport } from "../../../src/engine/report";
import { summaryText } from "../../../src/cli/summary";
import { loadSeedFixture, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";
import { checkSeed } from "../../helpers/seedAtLines";
import { UNIT_GOALS_T2_ROW, unitGoalsT2Sheet } from "../../fixtures/workbooks/unitGoalsT2";

function checkUnit(kind: PeriodKind): CheckResult {
  return check(snapshotOf(unitGoalsT2Sheet()), { period: { kind, year: 2021 } });
}

/** The one finding of `code` at `cell`, or about the indicator named `cell` (`”Name”`). */
function only(result: CheckResult, code: string, at: string): Finding {
  const found = result.findings.filter(
    (f) => f.code === code && (f.cell === at || f.message.startsWith(`”${at}”`)),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

/** A generated sheet's cell texts, row by row. */
function texts(result: CheckResult, key: string): string[] {
  const sheet = buildReport(result, { snapshot: snapshotOf(unitGoalsT2Sheet()) }).sheets.find(
    (s) => s.key === key,
  )!;
  return sheet.rows.flatMap((r) => r.map((c) => String(c?.value ?? "")));
}

describe("a unit's T2 (the walk's Mål T2: Sjukfrånvaro 6,8 % outcome, 6,5 % forecast, target 5 %)", () => {
  const result = checkUnit("T2");
  const { klimat, arbetsmiljoAssessment } = UNIT_GOALS_T2_ROW;

  it("assessment-contradicts quotes the forecast it judged and says it is the forecast", () => {
    const found = only(result, "assessment-contradicts", `A${arbetsmiljoAssessment}`);
    expect(found.message).toBe(
      "Målet ”Resursenheten har en välfungerande arbetsmiljö.” bedöms ”Uppfylls helt” men 1 indikator uppfyller inte målet (”Sjukfrånvaro”: prognos 6,5 % mot 5 %).",
    );
    expect(found.messageEn).toContain('("Sjukfrånvaro": forecast 6,5 % against 5 %)');
    expect(found.severity).toBe("warning");
  });

  it("analysis-missing says a deviation judged on the forecast is the forecast's", () => {
    const found = only(result, "analysis-missing", "Sjukfrånvaro");
    expect(found.message).toBe(
      "”Sjukfrånvaro” avviker från målet enligt prognosen (Årsmål: uppfylls inte) men saknar analys: raden ”Analys” under den är tom.",
    );
    expect(found.messageEn).toBe(
      '"Sjukfrånvaro" deviates from its target on its forecast (annual target: not met) but has no analysis: the "Analys" row under it is empty.',
    );
  });

  it("a yearly indicator with only a forecast (no outcome at T2) deviates on its forecast", () => {
    const found = only(result, "analysis-missing", `A${klimat}`);
    expect(found.message).toBe(
      "”Klimatpåverkan från upphandlade livsmedel och måltider” avviker från målet enligt prognosen (Årsmål: uppfylls delvis) men saknar analys: tabellen har ingen kolumn Analys (lägg till en, eller en rad ”Analys: …” under raden).",
    );
  });

  it("counts that indicator as judged, as the reports count on forecasts (002 line 1436), and the summary says how many", () => {
    const klimatInd = result.model.indicators.find((i) => i.row === klimat)!;
    expect([klimatInd.status, klimatInd.statusBasis]).toEqual(["partly-met", "forecast"]);
    const goal = result.model.goals.find((g) => g.title.startsWith("Resursenheten gör medvetna val"))!;
    expect(goal.counts).toMatchObject({ partlyMet: 1, notMeasured: 0 });
    expect(summaryText("walk.xlsx", result)).toContain(
      "Indikatorer mot årsmål: 0 uppfyllda, 1 delvis, 1 ej, 0 ej mätta, 0 utan årsmål, 0 okända; 2 av 2 bedömda enligt prognos helår\n",
    );
  });

  it("Avvikelser and Måluppfyllelse say the same: the forecast, named", () => {
    const deviations = texts(result, "avvikelser");
    expect(deviations).toContain(
      "Sjukfrånvaro: ▲ Ej uppfyllt mot årsmål: Prognos 6,5 % mot 5 %. Avviker från målet enligt prognosen (Årsmål: uppfylls inte) men saknar analys: raden ”Analys” under den är tom.",
    );
    expect(texts(result, "maluppfyllelse")).toContain(
      "Kommentar: Målet bedöms ”Uppfylls helt” men 1 indikator uppfyller inte målet (”Sjukfrånvaro”: prognos 6,5 % mot 5 %).",
    );
  });
});

describe("the same rows at VB: judged on the outcome, quoted as it is", () => {
  const result = checkUnit("VB");

  it("assessment-contradicts quotes the outcome 6,8 %, not the forecast beside it", () => {
    const found = only(result, "assessment-contradicts", `A${UNIT_GOALS_T2_ROW.arbetsmiljoAssessment}`);
    expect(found.message).toContain("(”Sjukfrånvaro”: 6,8 % mot 5 %)");
    expect(found.messageEn).toContain('("Sjukfrånvaro": 6,8 % against 5 %)');
  });

  it("analysis-missing names no forecast, and the summary counts none", () => {
    const found = only(result, "analysis-missing", "Sjukfrånvaro");
    expect(found.message).toBe(
      "”Sjukfrånvaro” avviker från målet (Årsmål: uppfylls inte) men saknar analys: raden ”Analys” under den är tom.",
    );
    expect(summaryText("walk.xlsx", result)).not.toContain("prognos");
  });
});

describe("002 T2 2021 seed rows", () => {
  it("KF 1.1 line 283 (1,3 % forecast against KF:s 1,0 %, no Analys) deviates on its forecast", () => {
    const result = checkSeed("002-t2-kf-1.1", { period: { kind: "T2", year: 2021 } });
    const found = only(result, "analysis-missing", "A283");
    // The rows above and below it have `Analys` rows (lines 280, 286): it is told to write one too.
    expect(found.message).toBe(
      "”Andel vuxna med långvarigt ekonomiskt bistånd jämfört med samtliga vuxna invånare” avviker från målet enligt prognosen (KF:s årsmål: uppfylls inte) men saknar analys: skriv en rad ”Analys: …” under raden, som under tabellens andra rader.",
    );
    expect(found.messageEn).toContain("deviates from its target on its forecast (KF target: not met)");
  });

  it("nämndmål 1.4.2's miss has no forecast (line 1034: 15 % outcome): the outcome, unnamed", () => {
    const result = checkSeed("002-t2-nm-1.4.2", { period: { kind: "T2", year: 2021 } });
    const [found] = result.findings.filter((f) => f.code === "assessment-contradicts");
    expect(found.message).toContain(
      "(”Andel pojkar av totalt antal besökare hos kurator på ungdomsmottagning”: 15 % mot 23 %)",
    );
  });

  it("inriktningsmål 3 (`Uppfylls helt`, line 1656) names the consultants' forecast 3,5 %, not their 3,69 % outcome (line 1828)", () => {
    const text = ["002-t2-kf-3.1", "002-t2-kf-3.2"]
      .map((f) => seedLines(loadSeedFixture(f)).join("\n"))
      .join("\n");
    const result = check(snapshotOf(textToSheet("Uppföljning", text, { originRow: 1656 })), {
      period: { kind: "T2", year: 2021 },
    });
    const found = result.findings.filter((f) => f.code === "assessment-contradicts");
    expect(found.map((f) => f.message)).toContain(
      "Målet ”3 En ekonomiskt hållbar och innovativ storstad för framtiden” bedöms ”Uppfylls helt” men 1 indikator uppfyller inte målet (”Andel av personalkostnader inom socialtjänstens myndighetsutövning som är för externa konsulter”: prognos 3,5 % mot 2 %).",
    );
  });
});
