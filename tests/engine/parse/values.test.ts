import { parseNumberText, parseQuantityCell, unitFromFormat } from "../../../src/engine/parse/quantity";
import { parseTargetCell } from "../../../src/engine/parse/target";
import { parseDateCell, serialToIso } from "../../../src/engine/parse/date";
import { parsePeriodText, parsePeriodicity } from "../../../src/engine/parse/period";
import { parseAssessment, parseAssessmentInProse } from "../../../src/engine/parse/assessment";
import { saysNoValue } from "../../../src/engine/parse/dashes";
import { seedLineText } from "../../helpers/seedGrid";

describe("Swedish number text (seed cells)", () => {
  test.each([
    ["4,1 %", 4.1, "%", 1],
    ["4,1%", 4.1, "%", 1],
    ["2,13 %", 2.13, "%", 2],
    ["66,67", 66.67, null, 2],
    ["21 st", 21, "st", 0],
    ["9 000 st", 9000, "st", 0],
    ["9\u00a0000 st", 9000, "st", 0],
    ["2 435,3", 2435.3, null, 1],
    ["-489,4", -489.4, null, 1],
    ["\u2212489,4", -489.4, null, 1],
    ["1945 GWh", 1945, "GWh", 0],
    ["0,4 kg CO2e", 0.4, "kg CO2e", 1],
    ["15,2 barn/avd.", 15.2, "barn/avd.", 1],
    ["1 070,4", 1070.4, null, 1],
    ["858,60", 858.6, null, 2],
  ])("%s", (text, value, unit, decimals) => {
    expect(parseNumberText(text)).toEqual({ value, unit, decimals });
  });

  test.each(["Tas fram av nämnd", "2021-01-01", "öka", "", "Tertial 2 2021"])(
    "%s is not a number",
    (text) => {
      expect(parseNumberText(text)).toBeNull();
    },
  );
});

describe("numeric cells with number formats", () => {
  test("0.041 formatted as percent is 4,1 %", () => {
    expect(parseQuantityCell(0.041, "0.0 %")).toEqual({
      kind: "quantity",
      quantity: { value: 4.1, unit: "%", decimals: 1 },
    });
  });
  test('a count formatted #,##0 "st" is 864 st', () => {
    expect(parseQuantityCell(864, '#,##0 "st"')).toEqual({
      kind: "quantity",
      quantity: { value: 864, unit: "st", decimals: 0 },
    });
  });
  test("no floating noise from percent scaling", () => {
    const r = parseQuantityCell(0.0213, "0.00%");
    expect(r.kind === "quantity" && r.quantity.value).toBe(2.13);
  });
  test.each(["#REF!", "#N/A", "#DIV/0!"])("Excel error %s is an error, not a number", (err) => {
    expect(parseQuantityCell(err)).toEqual({ kind: "error", text: err });
  });
  test("format units", () => {
    expect(unitFromFormat("#,##0.0")).toEqual({ unit: null, percent: false, decimals: 1 });
    expect(unitFromFormat('0.0 "kg CO2e"').unit).toBe("kg CO2e");
  });
});

describe("targets", () => {
  const target = (v: string | number | null, f?: string) => {
    const r = parseTargetCell(v, f);
    if (!r.ok) throw new Error(`unparseable ${v}`);
    return r.target;
  };
  test("numbers with units", () => {
    expect(target("3,3 %")).toMatchObject({ kind: "value", value: 3.3, unit: "%" });
    expect(target("800 st")).toMatchObject({ kind: "value", value: 800, unit: "st" });
    expect(target(0.9, "0 %")).toMatchObject({ kind: "value", value: 90, unit: "%" });
  });
  test.each(["+/- 1 %", "+/-1 %", "±1 %"])("%s is a band of half-width 1", (t) => {
    expect(target(t)).toMatchObject({ kind: "band", value: 1, unit: "%", text: t });
  });
  test("Max 10 personer is a ceiling", () => {
    expect(target("Max 10 personer")).toMatchObject({ kind: "max", value: 10, unit: "personer" });
  });
  test("öka is an increase", () => {
    expect(target("öka")).toMatchObject({ kind: "increase", value: null });
  });
  test.each(["Tas fram av nämnd", "Tas fram av nämnd/styrelse", "Tas fram av nämnd/ styrelse"])(
    "%s is delegated",
    (t) => {
      expect(target(t)).toMatchObject({ kind: "delegated", text: t });
    },
  );
  test("'-' and empty are none", () => {
    expect(target("-")).toMatchObject({ kind: "none" });
    expect(target(null)).toMatchObject({ kind: "none", text: null });
  });
  test("junk is reported, not thrown", () => {
    expect(parseTargetCell("Tas fram av")).toEqual({
      ok: true,
      target: expect.objectContaining({ kind: "delegated" }),
    });
    expect(parseTargetCell("bra")).toEqual({ ok: false, text: "bra" });
    expect(parseTargetCell("#N/A")).toEqual({ ok: false, text: "#N/A" });
  });
});

describe("dates", () => {
  test("ISO text, month text, Excel serials", () => {
    expect(parseDateCell("2021-01-01")).toEqual({ kind: "date", iso: "2021-01-01" });
    expect(parseDateCell("2022-01")).toEqual({ kind: "date", iso: "2022-01-01" });
    // As an end date a month means its last day (a leap year's February too).
    expect(parseDateCell("2022-12", true)).toEqual({ kind: "date", iso: "2022-12-31" });
    expect(parseDateCell("2024-02", true)).toEqual({ kind: "date", iso: "2024-02-29" });
    expect(parseDateCell("2022-13", true)).toEqual({ kind: "error", text: "2022-13" });
    expect(parseDateCell("2022-12-01", true)).toEqual({ kind: "date", iso: "2022-12-01" });
    expect(parseDateCell(44197)).toEqual({ kind: "date", iso: "2021-01-01" });
    expect(serialToIso(44561)).toBe("2021-12-31");
  });
  test("unreadable dates are errors", () => {
    expect(parseDateCell("2021-02-30")).toEqual({ kind: "error", text: "2021-02-30" });
    expect(parseDateCell("snart")).toEqual({ kind: "error", text: "snart" });
    expect(parseDateCell("#REF!")).toEqual({ kind: "error", text: "#REF!" });
  });
});

describe("periods", () => {
  test.each([
    ["Tertial 1 2021", { kind: "T1", year: 2021 }],
    ["Tertial 2 2021", { kind: "T2", year: 2021 }],
    ["T2", { kind: "T2", year: null }],
    ["T2 2021", { kind: "T2", year: 2021 }],
    ["VB 2021", { kind: "VB", year: 2021 }],
    ["VB 2020", { kind: "VB", year: 2020 }],
  ])("%s", (text, expected) => {
    expect(parsePeriodText(text)).toEqual(expected);
  });
  test("periodicity", () => {
    expect(parsePeriodicity("Tertial")).toBe("tertial");
    expect(parsePeriodicity("Tertial 2 2021")).toBe("tertial");
    expect(parsePeriodicity("År")).toBe("year");
    expect(parsePeriodicity("2021")).toBe("year");
    expect(parsePeriodicity("VB 2020")).toBe("year");
  });
});

describe("assessments", () => {
  test.each([
    ["◆ Uppfylls delvis", "delvis"],
    [" Uppfylls delvis", "delvis"],
    ["● Uppfylls helt", "helt"],
    ["Uppfylls helt", "helt"],
    ["✓ Uppfylls ej", "ej"],
    ["— Ingen", "ingen"],
    [" Ingen", "ingen"],
    ["Uppfylls helt och hållet enligt plan", null],
    // A unit's own words (the LSS and fritidsgård walks of 7 December).
    ["Uppfyllt", "helt"],
    ["Delvis uppfyllt", "delvis"],
    ["Ej uppfyllt", "ej"],
    ["Inte uppfyllt", "ej"],
    ["Uppnås", "helt"],
    ["Uppnås delvis", "delvis"],
    ["Uppnås ej", "ej"],
    ["Uppnås inte", "ej"],
    ["🟢 Uppnått", "helt"],
    ["Delvis uppnått", "delvis"],
    ["Ej uppnått", "ej"],
    ["Uppnås i december", null],
    ["Uppfyllt enligt plan", null],
  ])("%s", (text, expected) => {
    expect(parseAssessment(text)).toBe(expected);
  });
});

describe("a unit's words for a figure not there this time", () => {
  test.each([
    "Ej mätbart T2",
    "Ej mätbar",
    "Mäts ej",
    "Mäts inte T2",
    "Mäts i oktober",
    "Redovisas i VB",
    "Rapporteras helår",
    "Ingen mätning 2026",
    "Inget utfall",
    "Mätning sker hösten 2026",
    "Utfall saknas",
    "Uppgift saknas",
    "saknas",
    "–",
  ])("%s is no value", (text) => {
    expect(saysNoValue(text)).toBe(true);
  });

  test.each([
    "ca 40",
    "Tas fram av nämnd",
    "Ej mätbart T2 eftersom enkäten flyttades till oktober och svaren därför inte hunnit sammanställas",
    "Mätningen visade att 40 % av brukarna är nöjda",
    "Kommentar saknas",
    // The review of 7 December: a forecast written in the outcome cell is no reason for none.
    "Kommer att öka när de nya planerna är klara",
    "Öka",
  ])("%s is not", (text) => {
    expect(saysNoValue(text)).toBe(false);
  });

  test("a target that says none is no target, its words kept", () => {
    expect(parseTargetCell("Ej fastställt")).toEqual({
      ok: true,
      target: { kind: "none", value: null, unit: null, decimals: 0, text: "Ej fastställt" },
    });
  });
});

describe("an assessment stated in a goal's first paragraph (KF:s inriktningsmål carry it so)", () => {
  test.each([
    ["002-t2-kf-1.1", 155, "delvis"],
    ["002-t2-kf-3.1", 1658, "helt"],
    // Its second paragraph judges the nämndmål, in a later sentence: not this goal's assessment.
    ["002-t2-kf-1.1", 157, null],
    ["002-t2-kf-3.1", 1660, null], // "Bedömningen grundar sig på analys …": no verdict
  ])("%s line %i", (file, line, expected) => {
    expect(parseAssessmentInProse(seedLineText(file, line))).toBe(expected);
  });

  test.each([
    // 002 line 89, from the report's summary.
    [
      "Förvaltningens bedömning är att det arbete som genomförts under perioden kommer att bidra till att inriktningsmålet uppnås delvis.",
      "delvis",
    ],
    ["Nämnden bedömer att målet inte uppfylls.", "ej"],
    ["Förvaltningen bedömer att inriktningsmålet inte kommer att uppnås.", "ej"],
    ["Förvaltningen bedömer att inriktningsmål 1.2 uppfylls delvis. Tre av fem mål uppfylls helt.", "delvis"],
    ["Förvaltningen bedömer att målet uppfylls helt, men att ett av nämndmålen inte uppnås.", "helt"],
    // Not fully: partly or not at all, the words don't say which.
    ["Förvaltningen bedömer att målet inte uppfylls helt.", null],
    ["Förvaltningen bedömer att inriktningsmålet uppfylls inte fullt ut.", null],
    ["Förvaltningen bedömer att arbetet fortsätter helt enligt plan.", null],
    ["Inriktningsmålet uppfylls helt.", null], // a claim, not a judgement
    ["Analys", null],
  ])("%s", (text, expected) => {
    expect(parseAssessmentInProse(text)).toBe(expected);
  });
});
