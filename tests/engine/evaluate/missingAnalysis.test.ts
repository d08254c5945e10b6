/**
 * An indicator's and an activity's missing analysis say where it goes, in the words a budget row's
 * do (messages.test.ts): its empty cell in the analysis column, the empty `Analys` row under it, or
 * a table with neither. A unit manager sent to the indicator's name could not tell where to write.
 */
import { check } from "../../../src/engine";
import { analysisPlaceOf } from "../../../src/engine/evaluate/missingAnalysis";
import type { CellValue } from "../../../src/engine/grid";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

const INDICATOR_HEADER = ["Indikator", "Periodens utfall", "Prognos helår", "Årsmål", "Period"];
/** The walk's unit row (unitGoalsT2.ts): its forecast 6,5 % misses 5 %, lower being better. */
const INDICATOR = ["Sjukfrånvaro", "6,8 %", "6,5 %", "5 %", "Tertial 2 2021"];
const ACTIVITY_HEADER = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"];
const ACTIVITY = ["Förenkla språket i nämndens beslut", "2021-01-01", "2021-12-31", "Avvikelse"];

function missing(rows: CellValue[][]) {
  return check(snapshotOf(plainSheet("Uppföljning", rows)), {
    period: { kind: "T2", year: 2021 },
  }).findings.filter((f) => f.code === "analysis-missing");
}

const COLUMN = {
  sv: ": dess cell i analyskolumnen är tom.",
  en: ": its cell in the analysis column is empty.",
};
const ROW = { sv: ": raden ”Analys” under den är tom.", en: ': the "Analys" row under it is empty.' };
const ROWS = {
  sv: ": skriv en rad ”Analys: …” under raden, som under tabellens andra rader.",
  en: ': write an "Analys: …" row under it, as under the table\'s other rows.',
};
const NONE = {
  sv: ": tabellen har ingen kolumn Analys (lägg till en, eller en rad ”Analys: …” under raden).",
  en: ': the table has no Analys column (add one, or an "Analys: …" row under the row).',
};

describe.each([
  {
    kind: "an indicator",
    header: INDICATOR_HEADER,
    row: INDICATOR,
    sv: "”Sjukfrånvaro” avviker från målet enligt prognosen (Årsmål: uppfylls inte) men saknar analys",
    en: '"Sjukfrånvaro" deviates from its target on its forecast (annual target: not met) but has no analysis',
  },
  {
    kind: "an activity",
    header: ACTIVITY_HEADER,
    row: ACTIVITY,
    sv: "Aktiviteten ”Förenkla språket i nämndens beslut” är markerad med Avvikelse men saknar analys",
    en: 'The activity "Förenkla språket i nämndens beslut" is marked Avvikelse (deviation) but has no analysis',
  },
])("$kind's missing analysis says where it goes", ({ header, row, sv, en }) => {
  const analysisCol = String.fromCharCode(65 + header.length); // the column after the table's

  test("its empty cell in the table's Analys column, where the finding points", () => {
    const [found, ...more] = missing([
      [...header, "Analys"],
      [...row, null],
    ]);
    expect(more).toEqual([]);
    expect(found.cell).toBe(`${analysisCol}2`);
    expect([found.message, found.messageEn]).toEqual([sv + COLUMN.sv, en + COLUMN.en]);
  });

  test("the empty Analys row under it: the cell under the label, where the text goes", () => {
    const [found, ...more] = missing([header, row, ["Analys"]]);
    expect(more).toEqual([]);
    expect(found.cell).toBe("A4");
    expect([found.message, found.messageEn]).toEqual([sv + ROW.sv, en + ROW.en]);
  });

  test("an Analys label with only a source under it: the label's own cell", () => {
    const [found] = missing([header, row, ["Analys:"], ["Källa: SCB"]]);
    expect(found.cell).toBe("A3");
    expect(found.message).toBe(sv + ROW.sv);
  });

  test("an Analys row with text is the analysis: nothing is missing", () => {
    // Why no ending speaks of a filled Analys row: recognition reads it as the analysis.
    expect(missing([header, row, ["Analys: Fler hushåll har fått bistånd under pandemin."]])).toEqual([]);
    expect(missing([header, row, ["Analys"], ["Fler hushåll har fått bistånd under pandemin."]])).toEqual([]);
  });

  test("neither a column nor a row: the table has no Analys column, and what to add", () => {
    const [found, ...more] = missing([header, row]);
    expect(more).toEqual([]);
    expect(found.cell).toBe(header === ACTIVITY_HEADER ? "D2" : "A2");
    expect([found.message, found.messageEn]).toEqual([sv + NONE.sv, en + NONE.en]);
  });

  test("neither, in a table whose other rows have Analys rows: a row like theirs, not a new column", () => {
    // A shared workbook's layout (the walk's unit sheets, 002 KF 1.1 lines 280–286): a unit
    // manager is not to be sent to add a column to it.
    const other = [`Annan ${row[0]}`, ...row.slice(1)];
    const [found, ...more] = missing([header, other, ["Analys: Enligt plan."], row]);
    expect(more).toEqual([]);
    expect(found.cell).toBe(header === ACTIVITY_HEADER ? "D4" : "A4");
    expect([found.message, found.messageEn]).toEqual([sv + ROWS.sv, en + ROWS.en]);
    // A table of its own further down the sheet, without Analys rows, is not told so.
    const [apart] = missing([header, other, ["Analys: Enligt plan."], [], [], ["Rubrik"], header, row]);
    expect(apart.message).toBe(sv + NONE.sv);
  });
});

describe("analysisPlaceOf reads the place back from the message (the pane's hint asks it)", () => {
  const placeOf = (rows: CellValue[][]) => missing(rows).map(analysisPlaceOf);

  test.each([
    ["an indicator", INDICATOR_HEADER, INDICATOR],
    ["an activity", ACTIVITY_HEADER, ACTIVITY],
  ])("%s: column, row, rows and none", (_, header, row) => {
    expect(
      placeOf([
        [...header, "Analys"],
        [...row, null],
      ]),
    ).toEqual(["column"]);
    expect(placeOf([header, row, ["Analys"]])).toEqual(["row"]);
    const other = [`Annan ${row[0]}`, ...row.slice(1)];
    expect(placeOf([header, other, ["Analys: Enligt plan."], row])).toEqual(["rows"]);
    expect(placeOf([header, row])).toEqual(["none"]);
  });

  test("a budget row's (radens cell)", () => {
    const budget = (header: CellValue[], row: CellValue[]) => [
      ["Tkr", "Budget 2021", "Prognos 2021", "Avvikelse", ...header],
      ["Personalkostnader", 38400, 40400, -2000, ...row],
    ];
    expect(placeOf(budget(["Analys"], [null]))).toEqual(["column"]);
    expect(placeOf(budget([], []))).toEqual(["none"]);
  });

  test("another finding, or a message without the endings, has none", () => {
    const base = { message: "Analys saknas", messageEn: "Analysis missing" };
    expect(analysisPlaceOf({ code: "analysis-missing", ...base })).toBeNull();
    expect(analysisPlaceOf({ code: "outcome-missing", message: `x${NONE.sv}` })).toBeNull();
  });
});
