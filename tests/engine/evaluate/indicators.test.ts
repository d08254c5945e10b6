import { evaluate } from "../../../src/engine/evaluate";
import fc from "fast-check";
import {
  DIRECTION_CATALOGUE,
  catalogueDirection,
  resolveDirection,
} from "../../../src/engine/evaluate/direction";
import { compareToTarget } from "../../../src/engine/evaluate/indicators";
import { DEFAULT_SETTINGS, resolveSettings } from "../../../src/engine/settings";
import { indicator, kf11Goals, kf11Indicators, kf11Activities, model } from "./fixtures";

function byName(m: ReturnType<typeof model>, start: string) {
  const found = m.indicators.find((i) => i.name.startsWith(start));
  if (!found) throw new Error(`no indicator ${start}`);
  return found;
}

describe("KF 1.1 indicators (002 lines 271–290, T2 2021)", () => {
  const m = model({
    period: "T2",
    goals: kf11Goals(),
    indicators: kf11Indicators(),
    activities: kf11Activities(),
  });
  const result = evaluate(m, DEFAULT_SETTINGS);

  it("judges each row on its full-year forecast against Årsmål and KF:s årsmål", () => {
    const expected: [string, string, string, string][] = [
      ["Andel barn som lever", "lower", "not-met", "not-met"], // 4 % vs 3,3 % / 2,7 %
      ["Andel personer som har ekonomiskt", "lower", "not-met", "not-met"], // 2,2 vs 1,8 / 1,5
      ["Andel personer som själv upplever", "higher", "not-measured", "no-target"], // no outcome yet
      ["Andel vuxna med långvarigt", "lower", "met", "not-met"], // 1,3 vs 1,3 / 1,0
      ["Antal aspiranter", "higher", "met", "not-comparable"], // 44 vs 44 / 800 city-wide
      ["Antal tillhandahållna platser för feriejobb", "higher", "not-met", "no-target"], // 500 vs 800
      ["Antal tillhandahållna platser för Stockholmsjobb", "higher", "met", "no-target"],
      ["Antal tillhandahållna praktikplatser", "higher", "met", "no-target"],
      ["Antal unga 20-29", "higher", "met", "no-target"], // 70 vs 20
      ["Antal ungdomar som fått feriejobb", "higher", "met", "not-comparable"], // 900 vs 800 / 9 000 city-wide
    ];
    for (const [name, direction, status, kfStatus] of expected) {
      const ind = byName(m, name);
      expect([name, ind.direction, ind.status, ind.kfStatus]).toEqual([name, direction, status, kfStatus]);
    }
  });

  it("reports the Tertial indicator without outcome as outcome-missing on its outcome cell", () => {
    const missing = result.findings.filter((f) => f.code === "outcome-missing");
    expect(missing.map((f) => f.cell)).toEqual(["B281"]);
    expect(missing[0].severity).toBe("warning");
    expect(missing[0].goal).toBe(m.goals[1].id);
  });

  it("asks for an analysis only where a deviating row has none", () => {
    const cells = result.findings.filter((f) => f.code === "analysis-missing").map((f) => f.cell);
    // Row 283 misses KF:s årsmål (1,3 % against 1,0 %) and has no Analys; 272, 279 and 285 have
    // one. Rows 284 and 290 miss only KF's city-wide counts (800 st, 9 000 st): not comparable.
    expect(cells.sort()).toEqual(["A283"]);
  });

  it("names the missed target's status in words in both languages, not as its code", () => {
    const [finding] = result.findings.filter((f) => f.code === "analysis-missing");
    expect(finding.message).toContain("(KF:s årsmål: uppfylls inte)");
    expect(finding.messageEn).toContain("(KF target: not met)");
  });

  it("says which figure each status was judged on: the forecast where there is one", () => {
    expect(byName(m, "Andel barn som lever").statusBasis).toBe("forecast");
    expect(byName(m, "Antal aspiranter").statusBasis).toBe("forecast");
    // No outcome and no forecast: nothing was judged.
    expect(byName(m, "Andel personer som själv upplever").statusBasis).toBeNull();
  });

  it("does not guess directions for these rows (the catalogue knows them)", () => {
    expect(result.findings.filter((f) => f.code === "direction-unknown")).toEqual([]);
  });

  it("a tolerance override changes a status: 4 % vs 3,3 % is partly met with 25 %", () => {
    const loose = model({ period: "T2", indicators: kf11Indicators() });
    evaluate(loose, resolveSettings({ partlyMetTolerance: "0,25" }));
    expect(byName(loose, "Andel barn som lever").status).toBe("partly-met");
    const strict = model({ period: "T2", indicators: kf11Indicators() });
    evaluate(strict, DEFAULT_SETTINGS);
    expect(byName(strict, "Andel barn som lever").status).toBe("not-met");
  });
});

describe("KF:s årsmål of another scope (not-comparable)", () => {
  it("a count whose KF target is at least five times the nämnd's is a city-wide figure", () => {
    // 002 line 284: 44 st against Årsmål 44 st and KF:s årsmål 800 st.
    const aspiranter = indicator({
      name: "Antal aspiranter som fått Stockholmsjobb",
      row: 284,
      outcome: 21,
      forecast: 44,
      target: 44,
      targetKind: "value",
      targetText: "44 st",
      kfTarget: 800,
      kfTargetKind: "value",
      kfTargetText: "800 st",
      unit: "st",
    });
    // Four times is still the nämnd's own scale: it stays comparable (and not met).
    const fourTimes = indicator({
      ...aspiranter,
      row: 400,
      target: 200,
      targetText: "200 st",
      forecast: 210,
    });
    evaluate(model({ period: "T2", indicators: [aspiranter, fourTimes] }), DEFAULT_SETTINGS);
    expect([aspiranter.status, aspiranter.kfStatus]).toEqual(["met", "not-comparable"]);
    expect([fourTimes.status, fourTimes.kfStatus]).toEqual(["met", "not-met"]);
  });

  it("a unit's energy against the city's (004 line 268: 3,3 GWh and 1 945 GWh) is another scope too", () => {
    const energi = indicator({
      name: "Totalt köpt energi i stadens verksamheter",
      row: 268,
      outcome: 3.13,
      target: 3.3,
      targetKind: "value",
      targetText: "3,3 GWh",
      kfTarget: 1945,
      kfTargetKind: "value",
      kfTargetText: "1945 GWh",
      unit: "GWh",
      direction: "lower",
    });
    // Kronor per invånare is a rate: its KF target stays comparable however large.
    const perInvanare = indicator({
      ...energi,
      name: "Kostnad per invånare",
      row: 269,
      outcome: 900,
      target: 100,
      targetText: "100 kr/invånare",
      kfTarget: 1000,
      kfTargetText: "1000 kr/invånare",
      unit: "kr/invånare",
    });
    evaluate(model({ period: "VB", indicators: [energi, perInvanare] }), DEFAULT_SETTINGS);
    expect([energi.status, energi.kfStatus]).toEqual(["met", "not-comparable"]);
    expect(perInvanare.kfStatus).not.toBe("not-comparable");
  });

  it("`4,9` against `4,9` children per staff stays comparable, and so does a share", () => {
    // 002 line 599: Antal förskolebarn per anställd 4,9 st, Årsmål 4,9 st, KF 4,9 st.
    const barn = indicator({
      name: "Antal förskolebarn per anställd (årsarbetare)",
      row: 599,
      outcome: 4.9,
      forecast: 4.9,
      target: 4.9,
      targetKind: "value",
      targetText: "4,9 st",
      kfTarget: 4.9,
      kfTargetKind: "value",
      kfTargetText: "4,9 st",
      unit: "st",
      direction: "lower",
    });
    // A share ten times lower than KF's is a real miss, not another scope.
    const share = indicator({
      name: "Andel vuxna med långvarigt ekonomiskt bistånd",
      row: 283,
      forecast: 10,
      target: 1,
      targetKind: "value",
      kfTarget: 10,
      kfTargetKind: "value",
      unit: "%",
    });
    evaluate(model({ period: "T2", indicators: [barn, share] }), DEFAULT_SETTINGS);
    expect(barn.kfStatus).toBe("met");
    expect(share.kfStatus).not.toBe("not-comparable");
  });

  it("an `Antal …` written without any unit counts as a count", () => {
    // 002 line 290 with its units stripped: 900 against 800 and 9 000.
    const ungdomar = indicator({
      name: "Antal ungdomar som fått feriejobb i stadens regi",
      row: 290,
      outcome: 864,
      forecast: 900,
      target: 800,
      targetKind: "value",
      kfTarget: 9000,
      kfTargetKind: "value",
    });
    const result = evaluate(model({ period: "T2", indicators: [ungdomar] }), DEFAULT_SETTINGS);
    expect(ungdomar.kfStatus).toBe("not-comparable");
    expect(result.findings.filter((f) => f.code === "analysis-missing")).toEqual([]);
  });

  it("at VB the status is judged on the outcome, and says so", () => {
    const ind = indicator({
      name: "Antal aspiranter som fått Stockholmsjobb",
      row: 284,
      outcome: 21,
      forecast: 44,
      target: 44,
      targetKind: "value",
      unit: "st",
    });
    evaluate(model({ period: "VB", indicators: [ind] }), DEFAULT_SETTINGS);
    expect([ind.status, ind.statusBasis]).toEqual(["not-met", "outcome"]);
  });
});

describe("target forms from the seeds", () => {
  it("`Tas fram av nämnd` is no-target", () => {
    const ind = indicator({
      name: "Antal tillhandahållna platser för Stockholmsjobb",
      row: 287,
      forecast: 80,
      outcome: 48,
      kfTargetKind: "delegated",
      kfTargetText: "Tas fram av nämnd",
    });
    evaluate(model({ period: "T2", indicators: [ind] }), DEFAULT_SETTINGS);
    expect(ind.status).toBe("no-target");
    expect(ind.kfStatus).toBe("no-target");
  });

  it("`+/- 1 %` is a band around zero (002 line 1692, prognossäkerhet 0 %)", () => {
    const row = () =>
      indicator({
        name: "Nämndens prognossäkerhet T2",
        row: 1692,
        outcome: 0,
        previous: 0,
        target: 1,
        targetKind: "band",
        targetText: "+/- 1 %",
        kfTarget: 1,
        kfTargetKind: "band",
        kfTargetText: "+/- 1 %",
        unit: "%",
        periodicity: "year",
      });
    const zero = row();
    evaluate(model({ period: "VB", indicators: [zero] }), DEFAULT_SETTINGS);
    expect([zero.direction, zero.status, zero.kfStatus]).toEqual(["band", "met", "met"]);
    for (const [value, status] of [
      [-1, "met"],
      [1.05, "partly-met"],
      [-1.1, "partly-met"],
      [1.5, "not-met"],
    ] as const) {
      const ind = row();
      ind.outcome = value;
      evaluate(model({ period: "VB", indicators: [ind] }), DEFAULT_SETTINGS);
      expect([value, ind.status]).toEqual([value, status]);
    }
  });

  it("`Max 10 personer` is a ceiling (002 line 1156)", () => {
    const row = (outcome: number | null) =>
      indicator({
        name: "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod",
        row: 1156,
        outcome,
        previous: 12,
        target: 10,
        targetKind: "value",
        targetText: "10",
        kfTarget: 10,
        kfTargetKind: "max",
        kfTargetText: "Max 10 personer",
        periodicity: "year",
      });
    const atCeiling = row(10);
    const slightlyOver = row(11);
    const wellOver = row(12);
    evaluate(model({ period: "VB", indicators: [atCeiling, slightlyOver, wellOver] }), DEFAULT_SETTINGS);
    expect([atCeiling.direction, atCeiling.status, atCeiling.kfStatus]).toEqual(["lower", "met", "met"]);
    // The ceiling gets the value targets' band: 11 is within 10 % of 10, as it is of the Årsmål.
    expect([slightlyOver.status, slightlyOver.kfStatus]).toEqual(["partly-met", "partly-met"]);
    expect([wellOver.status, wellOver.kfStatus]).toEqual(["not-met", "not-met"]);
  });

  it("`högst` is a ceiling and `Minst` a floor, each with the tolerance band", () => {
    const judged = (targetText: string, kind: "max" | "min", target: number, outcome: number) => {
      const ind = indicator({
        name: "Något mått med gräns",
        row: 10,
        outcome,
        target,
        targetKind: kind,
        targetText,
        unit: "%",
        periodicity: "year",
      });
      evaluate(model({ period: "VB", indicators: [ind] }), DEFAULT_SETTINGS);
      return ind.status;
    };
    expect(judged("högst 5 %", "max", 5, 5)).toBe("met");
    expect(judged("högst 5 %", "max", 5, 5.5)).toBe("partly-met");
    expect(judged("högst 5 %", "max", 5, 5.6)).toBe("not-met");
    expect(judged("Minst 90 %", "min", 90, 91)).toBe("met");
    expect(judged("Minst 90 %", "min", 90, 81)).toBe("partly-met");
    expect(judged("Minst 90 %", "min", 90, 80.9)).toBe("not-met");
  });

  it("`öka` compares with the previous period (002 lines 891–892)", () => {
    const up = indicator({
      name: "Andel brukare inom omsorgen för personer med funktionsnedsättning som inte upplever diskriminering",
      row: 891,
      previous: 88,
      forecast: 90,
      target: 90,
      targetKind: "value",
      targetText: "90 %",
      kfTargetKind: "increase",
      kfTargetText: "öka",
      unit: "%",
      periodicity: "year",
    });
    const same = indicator({
      name: "Andel brukare inom socialpsykiatri som inte upplever diskriminering",
      row: 892,
      previous: 93,
      forecast: 93,
      target: 93,
      targetKind: "value",
      targetText: "93 %",
      kfTargetKind: "increase",
      kfTargetText: "öka",
      unit: "%",
      periodicity: "year",
    });
    const down = indicator({
      name: "Andel brukare inom socialpsykiatri som inte upplever diskriminering",
      row: 893,
      previous: 93,
      forecast: 90,
      kfTargetKind: "increase",
      kfTargetText: "öka",
      unit: "%",
      periodicity: "year",
    });
    evaluate(model({ period: "T2", indicators: [up, same, down] }), DEFAULT_SETTINGS);
    expect([up.direction, up.kfStatus, same.kfStatus, down.kfStatus]).toEqual([
      "higher",
      "met",
      "partly-met",
      "not-met",
    ]);
  });

  it("an År indicator without outcome in T2 is not-measured, not missing (002 line 441)", () => {
    const ind = indicator({
      name: "Andel stockholmare som upplever trygghet i den stadsdel där man bor",
      row: 441,
      target: 79,
      targetKind: "value",
      targetText: "79 %",
      kfTarget: 79,
      kfTargetKind: "value",
      kfTargetText: "79 %",
      periodicity: "year",
      periodText: "2021",
    });
    const result = evaluate(model({ period: "T2", indicators: [ind] }), DEFAULT_SETTINGS);
    expect([ind.status, ind.kfStatus]).toEqual(["not-measured", "not-measured"]);
    expect(result.findings).toEqual([]);
  });

  it("at VB the same row without outcome is outcome-missing", () => {
    const ind = indicator({
      name: "Andel stockholmare som upplever trygghet i den stadsdel där man bor",
      row: 441,
      target: 79,
      targetKind: "value",
      targetText: "79 %",
      periodicity: "year",
    });
    const result = evaluate(model({ period: "VB", indicators: [ind] }), DEFAULT_SETTINGS);
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([["outcome-missing", "B441"]]);
  });

  it("a Tertial indicator without outcome cell falls back to the name cell", () => {
    const ind = indicator({
      name: "Andel trygga omsorgstagare i hemtjänsten",
      row: 700,
      target: 90,
      targetKind: "value",
      targetText: "90 %",
      periodicity: "tertial",
    });
    ind.cells = { name: "B700" };
    const result = evaluate(model({ period: "T1", indicators: [ind] }), DEFAULT_SETTINGS);
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([["outcome-missing", "B700"]]);
    // Nothing is to be written in a cell: the table lacks the column, and the message says so.
    expect(result.findings[0].message).toBe(
      "Utfall saknas för ”Andel trygga omsorgstagare i hemtjänsten”: tabellen har ingen kolumn som läses som periodens utfall. Lägg till kolumnen Periodens utfall eller ange en kolumns roll under Läs in → Rätta tolkning.",
    );
    expect(result.findings[0].messageEn).toBe(
      "Outcome missing for \"Andel trygga omsorgstagare i hemtjänsten\": the table has no column read as the period's outcome. Add a Periodens utfall column or set a column's role under Read → Correct mapping.",
    );
  });

  it("plan (VP) has nothing measured and unknown period leaves statuses unknown", () => {
    const vp = indicator({
      name: "Index Bra arbetsgivare",
      row: 10,
      target: 84,
      targetKind: "value",
      targetText: "84",
    });
    evaluate(model({ period: "VP", indicators: [vp] }), DEFAULT_SETTINGS);
    expect(vp.status).toBe("not-measured");
    const unknown = indicator({
      name: "Index Bra arbetsgivare",
      row: 10,
      outcome: 81,
      target: 84,
      targetKind: "value",
      targetText: "84",
      kfTargetKind: "none",
    });
    const result = evaluate(model({ period: null, indicators: [unknown] }), DEFAULT_SETTINGS);
    expect([unknown.status, unknown.kfStatus]).toEqual(["unknown", "no-target"]);
    expect(result.findings).toEqual([]);
  });

  it("different units (% against st) give unknown rather than a comparison", () => {
    const ind = indicator({
      name: "Antal aspiranter som fått Stockholmsjobb",
      row: 5,
      outcome: 21,
      forecast: 44,
      target: 44,
      targetKind: "value",
      targetText: "44 %",
      unit: "st",
    });
    evaluate(model({ period: "T2", indicators: [ind] }), DEFAULT_SETTINGS);
    expect(ind.status).toBe("unknown");
  });
});

describe("direction", () => {
  it("an unknown name with a plain numeric target gets direction-unknown (info) and status unknown", () => {
    const ind = indicator({
      name: "Antal personer som utsatts för våld i nära relation som är kända av socialtjänsten",
      row: 920,
      outcome: 300,
      target: 640,
      targetKind: "value",
      targetText: "640 st",
      kfTargetKind: "delegated",
      periodicity: "year",
    });
    const result = evaluate(model({ period: "VB", indicators: [ind] }), DEFAULT_SETTINGS);
    expect(ind.direction).toBe("unknown");
    expect(ind.status).toBe("unknown");
    expect(result.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["direction-unknown", "info", "A920"],
    ]);
  });

  it("a stated Riktning wins over the catalogue", () => {
    const ind = indicator({
      name: "Sjukfrånvaro",
      row: 1,
      outcome: 12,
      target: 10,
      targetKind: "value",
      targetText: "10 %",
      statedDirection: "higher",
    });
    expect(resolveDirection(ind)).toEqual({ direction: "higher", source: "stated" });
    evaluate(model({ period: "VB", indicators: [ind] }), DEFAULT_SETTINGS);
    expect(ind.status).toBe("met");
  });

  it("the target's form decides when the catalogue does not know the name", () => {
    const ind = indicator({ name: "Något nytt mått", row: 1, targetKind: "max", target: 3 });
    expect(resolveDirection(ind)).toEqual({ direction: "max", source: "target" });
  });

  it("a share's target at the end of its scale decides: 100 % higher, 0 lower", () => {
    // The LSS walk: a training share aimed at 100 % was `? Okänd`. The review: not other figures.
    const at = (name: string, target: number, unit: string | null, kf = false) =>
      resolveDirection(
        indicator({
          name,
          row: 1,
          unit,
          ...(kf ? { kfTargetKind: "value", kfTarget: target } : { targetKind: "value", target }),
        }),
      ).direction;
    const share = "Andel brukare med ett eget mått";
    expect(at(share, 100, "%")).toBe("higher");
    expect(at(share, 100, "%", true)).toBe("higher");
    expect(at(share, 0, "%")).toBe("lower");
    // A count's 0 may stand for no target (`Antal nya deltagare` aimed at 0, the review's).
    expect(at("Antal nya deltagare i öppna förskolan", 0, "st")).toBe("unknown");
    expect(at(share, 95, "%")).toBe("unknown");
    expect(at("Antal platser", 100, "%")).toBe("unknown");
    expect(at("Ekonomiskt resultat (tkr)", 0, null)).toBe("unknown");
    expect(at("Utfall i förhållande till budget", 100, "%")).toBe("unknown");
    expect(at("Nettoinflyttning", 0, null)).toBe("unknown");
    expect(
      resolveDirection(indicator({ name: share, row: 1, unit: "%", targetKind: "value", target: 100 })),
    ).toEqual({
      direction: "higher",
      source: "target",
    });
  });

  it("catalogues the seed names with the specific wording before the broad one", () => {
    const cases: [string, string | null][] = [
      ["Andel barn som lever i familjer som har ekonomiskt bistånd", "lower"],
      [
        "Andel personer som själv upplever att de får en förbättrad situation av insatsen/insatserna de fått från socialtjänsten (ekonomiskt bistånd)",
        "higher",
      ],
      ["Sjukfrånvaro dag 1-14", "lower"],
      ["Andel barn och unga som åter blir föremål för anmälan/ansökan efter avslutad utredning", "lower"],
      ["Andel koldioxidekvivalenter (kg CO2e) på den gemensamma lunchmatsedel i förskolan.", "lower"],
      ["Totalt köpt energi i stadens verksamheter", "lower"],
      ["Antal barn per grupp", "lower"],
      ["Antal förskolebarn per anställd (årsarbetare)", "lower"],
      [
        "Andel av personalkostnader inom socialtjänstens myndighetsutövning som är för externa konsulter",
        "lower",
      ],
      ["Antal vräkningar som berör barn", "lower"],
      [
        "Andel avhysningar som kunnat avvärjas efter inkommet meddelande till förvaltningen från kronofogdemyndigheten",
        "higher",
      ],
      ["Andel brukare inom socialpsykiatri som inte upplever diskriminering", "higher"],
      ["Andel ungdomar som i stockholmsenkäten uppger att de inte blivit utsatta för hot och våld", "higher"],
      ["Andelen nöjda omsorgstagare i hemtjänst", "higher"],
      ["Aktivt Medskapandeindex", "higher"],
      ["Nämndens budgetföljsamhet efter resultatöverföringar", "max"],
      ["Nämndens prognossäkerhet T2", "band"],
      ["Antal personer som utsatts för våld i nära relation som är kända av socialtjänsten", null],
      // A unit's wording of 002's `Andel legitimerade förskollärare …` (the förskola walk of 8 December).
      ["Andel förskollärare av pedagogisk personal", "higher"],
      ["Antal förskollärare som slutat", null],
      ["Matsvinn (gram per portion)", "lower"],
      ["Andel kök som minskat matsvinnet", null],
      // The nämnd walk's wordings of the city's indicators.
      ["Andel barn 1–5 år som är inskrivna i förskola", "higher"],
      // Not a share of förskollärare that is a loss (the review of 8 December).
      ["Andel förskollärare som slutat sin anställning", null],
      ["Andel förskollärare bland de anställda", "higher"],
      ["Andel förskollärare av personalen som är långtidssjukskrivna", null],
      ["Andel förskollärare av personalen som avslutat sin anställning", null],
      ["Matsvinnet i gram per portion", "lower"],
      ["Aktivt medarbetarskapsindex (AMI)", "higher"],
      ["Andel medarbetare som rekommenderar sin arbetsplats", "higher"],
      ["Antal besök på fritidsgårdar", null],
    ];
    for (const [name, direction] of cases) {
      expect([name, catalogueDirection(name)?.direction ?? null]).toEqual([name, direction]);
    }
  });

  it("picks the first rule that matches, as a rule-by-rule search does, for names matching several", () => {
    // Rules are tested a group at a time; names made of wordings from several rules must still get
    // the earliest rule in the catalogue.
    const wordings = [
      "Andel",
      "som inte upplever",
      "kunnat avvärjas",
      "upplever en förbättrad situation",
      "budgetföljsamhet",
      "prognossäkerhet",
      "som har ekonomiskt bistånd",
      "sjukfrånvaro",
      "kwh",
      "barn per grupp",
      "timanställda",
      "vräkningar",
      "akutboende",
      "nöjda",
      "index",
      "upplever att det är bra",
      "självförsörjning",
      "praktikplatser",
      "digital",
      "i  stadsdelen\t",
    ];
    const firstRule = (name: string) =>
      DIRECTION_CATALOGUE.find((rule) => rule.pattern.test(name.replace(/\s+/g, " ").trim())) ?? null;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...wordings), { minLength: 1, maxLength: 5 }), (parts) => {
        const name = parts.join(" ");
        expect(catalogueDirection(name)).toBe(firstRule(name));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("compareToTarget", () => {
  const base = { previous: null, tolerance: 0.1 } as const;
  it("higher: met at the target, partly within 10 % short, else not met", () => {
    expect(compareToTarget({ ...base, value: 800, target: 800, kind: "value", direction: "higher" })).toBe(
      "met",
    );
    expect(compareToTarget({ ...base, value: 720, target: 800, kind: "value", direction: "higher" })).toBe(
      "partly-met",
    );
    expect(compareToTarget({ ...base, value: 719, target: 800, kind: "value", direction: "higher" })).toBe(
      "not-met",
    );
  });
  it("lower: met at or under, partly within 10 % over (floating sums compare exactly)", () => {
    expect(
      compareToTarget({ ...base, value: 0.1 + 0.2, target: 0.3, kind: "value", direction: "lower" }),
    ).toBe("met");
    expect(compareToTarget({ ...base, value: 2.53, target: 2.3, kind: "value", direction: "lower" })).toBe(
      "partly-met",
    );
    expect(compareToTarget({ ...base, value: 4.6, target: 2.3, kind: "value", direction: "lower" })).toBe(
      "not-met",
    );
  });
  it("a target of 0 has no partly zone", () => {
    expect(compareToTarget({ ...base, value: 0, target: 0, kind: "value", direction: "lower" })).toBe("met");
    expect(compareToTarget({ ...base, value: 6, target: 0, kind: "value", direction: "lower" })).toBe(
      "not-met",
    );
  });
  it("min acts as a floor whatever the direction", () => {
    expect(compareToTarget({ ...base, value: 5, target: 4, kind: "min", direction: "unknown" })).toBe("met");
  });
  it("unknown direction with a plain value is unknown", () => {
    expect(compareToTarget({ ...base, value: 5, target: 4, kind: "value", direction: "unknown" })).toBe(
      "unknown",
    );
  });
});
