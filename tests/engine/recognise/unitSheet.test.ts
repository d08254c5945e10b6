/**
 * A unit's own follow-up sheet, as a förskola or an äldreomsorg unit keeps it (walk of 7 December,
 * problems 1, 2 and 6: nothing of either was read, and the pane said all was well): one header over
 * all its goals, a `Nr` column first or a `Mål / Indikator` column, the goals' headings as rows
 * between the indicators (`KF:s mål 1.3 …`, `Nämndmål 1.3.1 …`), the unit's goal across its row
 * with its assessment beside it (`Enhetsmål:` | title | `Uppfylls helt`), and the period in a title
 * after the unit's name or in the sheet's name. The indicator rows are 002's and 004's.
 */
import { check } from "../../../src/engine";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

function sheet(name: string, values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { ...plainSheet(name, values), ...extra };
}

/** Rows 1–26 of the förskola's sheet `T2 2021` (columns A–I). */
function forskola(
  title: string | null = "Förskoleenheten Solrosen – uppföljning tertial 2 2021",
): CellValue[][] {
  const ind = (nr: number, name: string, ...rest: CellValue[]): CellValue[] => [nr, name, ...rest];
  return [
    [title],
    ["Enskede-Årsta-Vantörs stadsdelsförvaltning, avdelning förskola"],
    [],
    [
      "Nr",
      "Indikator",
      "Utfall T2 2021",
      "Utfall VB 2020",
      "Årsmål 2021",
      "KF:s årsmål",
      "Periodicitet",
      "id",
      "Analys / kommentar",
    ],
    [
      "KF:s mål 1.3 I Stockholm når barn sin fulla potential då Stockholms skolor och förskolor är de bästa i Sverige",
    ],
    ["Nämndmål 1.3.1 Barn utvecklas och lär i en hållbar och likvärdig förskola av hög pedagogisk kvalitet"],
    ind(
      1,
      "Andel legitimerade förskollärare av totalt antal anställda (årsarbetare)",
      0.363,
      0.339,
      0.33,
      0.33,
      "Tertial",
      "IND-0412",
    ),
    ind(2, "Antal barn per grupp", "15,2 barn/avd.", "15,5 barn/avd.", 16, 16, "Tertial", "IND-0414"),
    ind(
      3,
      "Andel vårdnadshavare som svarar på Förskoleundersökningen",
      "65 %",
      "68 %",
      "75 %",
      null,
      "År",
      "IND-0417",
    ),
    [
      "Enhetsmål:",
      "Alla barn på Solrosen möter en stimulerande lärmiljö varje dag",
      null,
      null,
      null,
      null,
      null,
      null,
      "Uppfylls helt",
    ],
    [],
    ["KF:s mål 3.2 Stockholm använder skattemedlen effektivt till största nytta för stockholmarna"],
    ["Nämndmål 3.2.2 Medarbetare i nämndens verksamheter har en bra arbetssituation"],
    ind(
      4,
      "Sjukfrånvaro",
      0.094,
      0.102,
      0.09,
      "Tas fram av nämnd/styrelse",
      "Tertial",
      "IND-0901",
      "Aktuella siffror visar på en fortsatt hög sjukfrånvaro.",
    ),
    ind(
      5,
      "Sjukfrånvaro dag 1-14",
      0.046,
      0.024,
      0.023,
      "Tas fram av nämnd/styrelse",
      "Tertial",
      "IND-0902",
      "Troligtvis beror detta på den pågående pandemin.",
    ),
    [
      "Enhetsmål:",
      "Solrosen är en attraktiv arbetsplats med god arbetsmiljö",
      null,
      null,
      null,
      null,
      null,
      null,
      "Uppfylls helt",
    ],
  ];
}

describe("a förskola's sheet: `Nr` first, goal headings between the rows, the period after the unit's name", () => {
  const result = check(snapshotOf(sheet("T2 2021", forskola(), { hiddenColumns: [8] })));
  const { model, findings } = result;

  test("the table is read, its `Nr` column passed over, its rows under their goals' headings", () => {
    const [table] = result.recognition.tables;
    expect(result.recognition.tables).toHaveLength(1);
    expect(table.columns.slice(0, 3).map((c) => [c.header, c.role])).toEqual([
      ["Nr", "ignore"],
      ["Indikator", "name"],
      ["Utfall T2 2021", "outcome"],
    ]);
    expect(model.indicators.map((i) => i.row)).toEqual([7, 8, 9, 14, 15]);
  });

  test("the period is the title's, after the unit's name", () => {
    expect([model.period.kind, model.period.year, model.period.source]).toEqual(["T2", 2021, "cell"]);
    expect(findings.filter((f) => f.code === "period-unknown")).toEqual([]);
  });

  test("each Enhetsmål across its row is a goal with its assessment, and owns the rows since the KF mål", () => {
    const units = model.goals.filter((g) => g.level === "enhetsmal");
    expect(units.map((g) => [g.row, g.title, g.statedAssessment])).toEqual([
      [10, "Alla barn på Solrosen möter en stimulerande lärmiljö varje dag", "helt"],
      [16, "Solrosen är en attraktiv arbetsplats med god arbetsmiljö", "helt"],
    ]);
    expect(model.goals.filter((g) => g.level === "kf-mal").map((g) => g.number)).toEqual(["1.3", "3.2"]);
    expect(model.indicators.map((i) => i.goal)).toEqual([
      "T2 2021!A10",
      "T2 2021!A10",
      "T2 2021!A10",
      "T2 2021!A16",
      "T2 2021!A16",
    ]);
  });

  test("a stated `Uppfylls helt` against an indicator not met is flagged at the assessment's cell", () => {
    const said = findings.filter((f) => f.code === "assessment-contradicts").map((f) => f.cell);
    expect(said).toEqual(["I10", "I16"]);
  });

  test("no goal heading is read as an indicator (none is told to set an Årsmål)", () => {
    expect(findings.filter((f) => f.code === "target-missing")).toEqual([]);
  });
});

describe("an äldreomsorg unit's sheet: `Mål / Indikator`, its activities' table between its goals", () => {
  const goalsAndRows: CellValue[][] = [
    ["Stureby vård- och omsorgsboende och hemtjänst"],
    ["Mål, indikatorer och aktiviteter – uppföljning 2021"],
    [],
    [
      "Mål / Indikator",
      "Periodicitet",
      "Utfall T1 2021",
      "Utfall T2 2021",
      "Prognos helår",
      "Årsmål",
      "KF:s årsmål",
      "Analys",
    ],
    [
      "KF:s mål för verksamhetsområdet: 1.5. I Stockholm har äldre en tillvaro som präglas av hög kvalitet, trygghet och självbestämmande",
    ],
    ["Nämndmål: 1.5.2 Äldre invånare får insatser av hög kvalitet"],
    [
      "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod",
      "Tertial",
      13,
      12,
      12,
      10,
      "Max 10 personer",
    ],
    [
      "Enhetsmål: De äldre på Stureby känner sig trygga och delaktiga i sin vardag",
      "Bedömning:",
      "Uppfylls helt",
    ],
    [],
    ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", null, null, null, "Analys"],
    [
      "Utbilda medarbetare i Klarspråk",
      44256,
      44255,
      null,
      null,
      null,
      null,
      "Två utbildningstillfällen genomförda.",
    ],
    [],
    [
      "KF:s mål för verksamhetsområdet: 3.2. Stockholm använder skattemedlen effektivt till största nytta för stockholmarna",
    ],
    ["Nämndmål: 3.2.2 Medarbetare i nämndens verksamheter har en bra arbetssituation"],
    ["Sjukfrånvaro", "Tertial", 0.101, 0.094, 0.092, 0.09, "Tas fram av nämnd/styrelse"],
    ["Sjukfrånvaro dag 1-14", "Tertial", 0.038, 0.033, 0.031, 0.03, "Tas fram av nämnd/styrelse"],
  ];
  const budget: CellValue[][] = [
    ["Driftbudget – prognos T2 2021 (mnkr)"],
    ["Verksamhet", "Budget", "Prognos", "Avvikelse"],
    ["Hemtjänst", 41, 40.2, 0.8],
  ];
  const result = check(snapshotOf(sheet("Uppföljning 2021", goalsAndRows), sheet("Budget", budget)));
  const { model } = result;

  test("every indicator is read, those after the activities' table too, in the one indicator table", () => {
    expect(model.indicators.map((i) => [i.row, i.name])).toEqual([
      [7, "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod"],
      [15, "Sjukfrånvaro"],
      [16, "Sjukfrånvaro dag 1-14"],
    ]);
    expect(result.recognition.tables.map((t) => [t.id, t.type])).toEqual([
      ["Uppföljning 2021!A4", "indicators-followup"],
      ["Uppföljning 2021!A10", "activities"],
      ["Budget!A2", "budget-other"],
    ]);
    expect(model.activities.map((a) => a.row)).toEqual([11]);
  });

  test("the Enhetsmål beside `Bedömning:` has its assessment, and the later rows their nämndmål", () => {
    const unit = model.goals.find((g) => g.level === "enhetsmal");
    expect([unit?.row, unit?.statedAssessment]).toEqual([8, "helt"]);
    expect(model.indicators.map((i) => i.goal)).toEqual([
      "Uppföljning 2021!A8",
      "Uppföljning 2021!A14",
      "Uppföljning 2021!A14",
    ]);
  });

  test("the period is the budget sheet's title's (`Driftbudget – prognos T2 2021 (mnkr)`)", () => {
    expect([model.period.kind, model.period.year]).toEqual(["T2", 2021]);
  });
});

describe("the period in a sheet's name", () => {
  const rows = forskola(null);

  test("a sheet named `T2 2021`, where no cell or title names one, gives it, and says so", () => {
    const { period } = check(snapshotOf(sheet("T2 2021", rows))).model;
    expect(period).toEqual({ kind: "T2", year: 2021, source: "sheet", yearSheet: "T2 2021" });
  });

  test("a unit's sheet per tertial gives the latest; a reference sheet beside an unnamed one gives none", () => {
    const both = check(snapshotOf(sheet("T1 2021", rows), sheet("T2 2021", rows))).model.period;
    expect([both.kind, both.year, both.source, both.yearSheet]).toEqual(["T2", 2021, "sheet", "T2 2021"]);
    // Last year's figures kept on `VB 2020` beside the report's own `Uppföljning` (review 7 December).
    const reference = check(snapshotOf(sheet("Uppföljning", rows), sheet("VB 2020", rows)));
    expect(reference.model.period.kind).toBeNull();
    expect(reference.findings.some((f) => f.code === "period-unknown")).toBe(true);
    // A hidden sheet's tables are not read, so its name does not count.
    const hidden = check(
      snapshotOf(sheet("T2 2021", rows), sheet("VB 2021", rows, { visibility: "hidden" })),
    );
    expect([hidden.model.period.kind, hidden.model.period.source]).toEqual(["T2", "sheet"]);
  });

  test("a title names it before the sheet's name does", () => {
    const titled = forskola("Förskoleenheten Solrosen – uppföljning tertial 1 2021");
    const { period } = check(snapshotOf(sheet("T2 2021", titled))).model;
    expect([period.kind, period.source]).toEqual(["T1", "cell"]);
  });
});

describe("`Utfall T2 2021` beside Årsmål and Periodicitet", () => {
  const values: CellValue[][] = [
    ["Indikator", "Utfall T2 2021", "Årsmål", "Periodicitet"],
    ["Sjukfrånvaro", 0.094, 0.09, "Tertial"],
  ];

  test("on the sheet `T2 2021` it is that tertial's outcome, judged", () => {
    const { recognition, model } = check(snapshotOf(sheet("T2 2021", values)));
    expect(recognition.tables.map((t) => t.type)).toEqual(["indicators-followup"]);
    expect(model.indicators.map((i) => [i.outcome, i.status])).toEqual([[0.094, "partly-met"]]);
  });

  test("on a plan's sheet it is last autumn's figure beside the plan's targets, as before", () => {
    const { recognition, model } = check(snapshotOf(sheet("Verksamhetsplan 2022", values)));
    expect(recognition.tables.map((t) => t.type)).toEqual(["indicators-plan"]);
    expect(model.period.kind).toBe("VP");
  });
});

describe("a unit's budget under a blank labels' header (`` | Budget 2021 | Prognos helår | Avvikelse)", () => {
  const ekonomi = (labels: CellValue[]): SheetGrid =>
    sheet("Ekonomi", [
      ["Ekonomi T2 2021 (tkr)"],
      [],
      [null, "Budget 2021", "Prognos helår", "Avvikelse", "Kommentar"],
      [labels[0], -1850, -1920, 70],
      [labels[1], 14200, 14650, -450, "Vikarier under pandemin"],
      [labels[2], 1300, 1250, 50],
      [labels[3], 16550, 16880, -330],
    ]);

  test("is a budget table: its labels under the blank, its amounts in tkr, its Netto checked", () => {
    const labels = ["Intäkter (föräldraavgifter m.m.)", "Personalkostnader", "Övriga kostnader", "Netto"];
    const { recognition, model, findings } = check(snapshotOf(ekonomi(labels)));
    expect(recognition.tables.map((t) => [t.id, t.type, t.amountUnit])).toEqual([
      ["Ekonomi!A3", "budget-other", "tkr"],
    ]);
    expect(recognition.unrecognised).toEqual([]);
    expect(model.budget.map((l) => [l.label, l.budget, l.forecast])).toEqual([
      ["Intäkter (föräldraavgifter m.m.)", -1850, -1920],
      ["Personalkostnader", 14200, 14650],
      ["Övriga kostnader", 1300, 1250],
      ["Netto", 16550, 16880],
    ]);
    expect(findings.filter((f) => f.code === "header-unrecognized")).toEqual([]);
  });

  test("without labels under the blank (numbers there) it is no table, and is said to look like one", () => {
    const { recognition } = check(snapshotOf(ekonomi([1, 2, 3, 4])));
    expect(recognition.tables).toEqual([]);
    expect(recognition.unrecognised.map((u) => u.cell)).toEqual(["B3"]);
  });
});

test("without a period, `Utfall T2 2021` is said to be read once the period is T2 2021, not to be unmappable", () => {
  const { findings } = check(snapshotOf(sheet("Blad1", forskola(null), { hiddenColumns: [8] })));
  expect(findings.filter((f) => f.code === "column-unrecognized").map((f) => [f.cell, f.message])).toEqual([
    [
      "C4",
      "Kolumnen ”Utfall T2 2021” läses som periodens utfall när perioden är T2 2021, så dess värden (5 rader) bedöms inte nu. Ange period T2 2021 om det är den som följs upp.",
    ],
  ]);
});

describe("the review of 7 December: what the new rules must not misread", () => {
  const header = ["Indikator", "Utfall T2 2021", "Prognos helår", "Årsmål", "Periodicitet", "Analys"];
  const sjuk: CellValue[] = ["Sjukfrånvaro", 0.094, 0.092, 0.09, "Tertial"];
  const dag: CellValue[] = ["Sjukfrånvaro dag 1-14", 0.046, 0.044, 0.023, "Tertial"];
  const read = (...rows: CellValue[][]) => check(snapshotOf(sheet("T2 2021", [header, ...rows])));

  test("a sentence on the goal, or an indicator not yet measured, between a heading and the rows", () => {
    const said = read(
      ["Nämndmål 3.2.2 Medarbetare i nämndens verksamheter har en bra arbetssituation"],
      ["Sjukfrånvaron har ökat under pandemin och följs upp varje månad."],
      sjuk,
      dag,
      ["Enhetsmål:", "Solrosen är en attraktiv arbetsplats", null, null, null, "Uppfylls helt"],
    );
    expect(said.model.indicators.map((i) => i.row)).toEqual([4, 5]);
    expect(said.findings.filter((f) => f.code === "assessment-contradicts").map((f) => f.cell)).toEqual([
      "F6",
    ]);
    const unmeasured = read(
      ["Nämndmål 3.2.2 Medarbetare …"],
      ["Andel medarbetare med friskvårdsbidrag"],
      sjuk,
    );
    expect(unmeasured.model.indicators.map((i) => i.row)).toEqual([4]);
  });

  test("a traffic light beside the assessment, or the assessment after its label in one cell", () => {
    for (const beside of [["🟢", "Uppfylls helt"], ["Bedömning: Uppfylls helt"]]) {
      const { model } = read(sjuk, ["Enhetsmål:", "Solrosen är en attraktiv arbetsplats", ...beside]);
      expect(model.goals.map((g) => [g.level, g.title, g.statedAssessment])).toEqual([
        ["enhetsmal", "Solrosen är en attraktiv arbetsplats", "helt"],
      ]);
      expect(model.indicators).toHaveLength(1);
    }
  });

  test("a goal's number in the `Nr` column before its heading, or between a label and its title", () => {
    const nr = ["Nr", ...header];
    const { model } = check(
      snapshotOf(
        sheet("T2 2021", [
          nr,
          ["3.2", "KF:s mål 3.2 Stockholm använder skattemedlen effektivt"],
          [1, ...sjuk],
          [null, "Nämndmål:", "3.2.2", "Medarbetare har en bra arbetssituation"],
          [2, ...dag],
        ]),
      ),
    );
    expect(model.goals.map((g) => [g.level, g.number, g.title])).toEqual([
      ["kf-mal", "3.2", "Stockholm använder skattemedlen effektivt"],
      ["namndmal", "3.2.2", "Medarbetare har en bra arbetssituation"],
    ]);
    expect(model.indicators.map((i) => [i.row, i.goal])).toEqual([
      [3, "T2 2021!A2"],
      [5, "T2 2021!B4"],
    ]);
  });

  test("`Nr` before a budget table's labels; an action plan `Nr | Aktivitet | Ansvarig | Status` is no table", () => {
    const { recognition, model } = check(
      snapshotOf(
        sheet("T2 2021", [
          ["Nr", "Verksamhet", "Budget 2021", "Prognos helår", "Avvikelse"],
          [1, "Hemtjänst", 41, 40.2, 0.8],
          [2, "Vård- och omsorgsboende", 62.4, 63.1, -0.7],
          [],
          [],
          [],
          [],
          ["Nr", "Aktivitet", "Ansvarig", "Status"],
          [1, "Utbilda medarbetare i Klarspråk", "Enhetschef", "Pågår"],
        ]),
      ),
    );
    expect(recognition.tables.map((t) => [t.id, t.type])).toEqual([["T2 2021!A1", "budget-other"]]);
    expect(model.budget.map((l) => l.label)).toEqual(["Hemtjänst", "Vård- och omsorgsboende"]);
    expect(model.activities).toEqual([]);
  });

  test("a blank labels' header over key figures, or over a second header row, is no budget table", () => {
    const keyFigures = check(
      snapshotOf(
        sheet("Nyckeltal", [
          [null, "Budget jan-aug", "Utfall jan-aug", "Avvikelse"],
          ["Antal barn", 52, 55, -3],
          ["Antal årsarbetare", 11.5, 11.8, -0.3],
          ["Kostnad per barn", 158, 152, 6],
        ]),
      ),
    );
    expect(keyFigures.recognition.tables).toEqual([]);
    const twoRows = check(
      snapshotOf(
        sheet("Budget", [
          [null, "Budget", "Prognos", "Avvikelse"],
          ["Mnkr", 2021, "helår", null],
          ["Intäkter", -12.1, -12.4, 0.3],
          ["Kostnader", 80.2, 81, -0.8],
        ]),
      ),
    );
    expect(twoRows.model.budget.map((l) => l.label)).not.toContain("Mnkr");
  });

  test("a note at the top naming a period, or a title comparing two, names no period", () => {
    for (const note of ["Källa: Bokslut 2020", "Bilaga 2 – T1 2021 (jämförelse med T2 2021)"]) {
      const { model } = check(snapshotOf(sheet("Blad1", [[note], [], header, sjuk])));
      expect([note, model.period.kind]).toEqual([note, null]);
    }
  });

  test("`Mål / Indikator`: a goal's row by its number and assessment, without a level word", () => {
    const { model } = check(
      snapshotOf(
        sheet("T2 2021", [
          ["Mål / Indikator", "Utfall T2 2021", "Årsmål", "Periodicitet", "Bedömning"],
          ["1.3.1 Barn utvecklas och lär i en likvärdig förskola", null, null, null, "Uppfylls helt"],
          ["Andel legitimerade förskollärare", 0.363, 0.33, "Tertial"],
        ]),
      ),
    );
    expect(model.goals.map((g) => [g.level, g.number, g.statedAssessment])).toEqual([
      ["namndmal", "1.3.1", "helt"],
    ]);
    expect(model.indicators.map((i) => [i.name, i.goal])).toEqual([
      ["Andel legitimerade förskollärare", "T2 2021!A2"],
    ]);
  });
});

describe("a unit's VB with `Mål nr | Mål / indikator | … | Kommentar | Bedömning` (004's rows; walk of 7 December)", () => {
  const values: CellValue[][] = [
    [
      "Mål nr",
      "Mål / indikator",
      "Utfall 2020",
      "Utfall 2019",
      "Årsmål",
      "KF:s årsmål",
      "Period",
      "Kommentar",
      "Bedömning",
    ],
    [
      "3.2",
      "KF:s mål: Stockholm använder skattemedlen effektivt till största nytta för stockholmarna",
      null,
      null,
      null,
      null,
      null,
      null,
      "Ingen",
    ],
    [
      null,
      "Sjukfrånvaro *",
      "12,4 %",
      "15,2 %",
      "15 %",
      "Tas fram av nämnd/styrelse",
      "VB 2020",
      "Sjukfrånvaron för enheten totalt är 12,4%.",
    ],
    [
      null,
      "Sjukfrånvaro dag 1-14 *",
      "4,6 %",
      "2,4 %",
      "2,3 %",
      "Tas fram av nämnd/styrelse",
      "VB 2020",
      null,
    ],
    [
      null,
      "Totalt köpt energi i stadens verksamheter",
      "0 GWh",
      "3,13 GWh",
      "3,3 GWh",
      "1945 GWh",
      "VB 2020",
      "Verksamheten har varit stängd.",
    ],
    [
      "E4",
      "Enhetsmål: Enheten är en god arbetsgivare och dess verksamheter präglas av god arbetsmiljö",
      null,
      null,
      null,
      null,
      null,
      "Den samlade bilden av medarbetarsamtalen är god.",
      "Uppfylls helt",
    ],
    [null, "Summa indikatorer", "3", null, null, null, null, "varav 2 uppfyllda"],
    [],
    ["* Sjukfrånvaro avser rullande 12 månader"],
  ];
  const { model, findings } = check(snapshotOf(sheet("Mål och indikatorer", values)));

  test("the goals are headings, numbered from their own column; the Enhetsmål has its Bedömning", () => {
    expect(model.goals.map((g) => [g.level, g.number, g.statedAssessment])).toEqual([
      ["kf-mal", "3.2", "ingen"],
      ["enhetsmal", null, "helt"],
    ]);
  });

  test("the indicators are read, `Totalt köpt energi` too, not the count under them", () => {
    expect(model.indicators.map((i) => [i.row, i.goal])).toEqual([
      [3, "Mål och indikatorer!A6"],
      [4, "Mål och indikatorer!A6"],
      [5, "Mål och indikatorer!A6"],
    ]);
  });

  test("a Kommentar of a sentence is the analysis where there is no Analys; the known contradiction is flagged", () => {
    const codes = findings.map((f) => [f.code, f.cell]);
    // Row 3's comment is a sentence: its analysis. Row 4 (4,6 % against 2,3 %) has none.
    expect(model.indicators.map((i) => i.analysis)).toEqual([
      "Sjukfrånvaron för enheten totalt är 12,4%.",
      null,
      null,
    ]);
    // At the row's empty Kommentar cell, where its analysis is read (the hemtjänst walk: it had
    // said the table has no Analys column, and pointed at the name).
    expect(codes.filter(([code]) => code === "analysis-missing")).toEqual([["analysis-missing", "H4"]]);
    expect(codes).toContainEqual(["assessment-contradicts", "I6"]);
    expect(codes.filter(([code]) => code === "target-missing")).toEqual([]);
  });
});

describe("the second review of 7 December", () => {
  const header = [
    "Indikator",
    "Periodens utfall",
    "Prognos helår",
    "Årsmål",
    "KF:s årsmål",
    "Period",
    "Kommentar",
  ];
  const dag: CellValue[] = [
    "Sjukfrånvaro dag 1-14",
    "4,6 %",
    "4,6 %",
    "2,3 %",
    "Tas fram av nämnd",
    "Tertial 2 2021",
  ];
  const read = (...rows: CellValue[][]) => check(snapshotOf(sheet("Uppföljning", [header, ...rows])));

  test("a note in Kommentar is no analysis, and an Analys row under the row stays its analysis", () => {
    const note = read([...dag, "Källa: HR-rapport"]);
    expect(note.model.indicators[0].analysis).toBeNull();
    expect(note.findings.map((f) => f.code)).toContain("analysis-missing");
    const withRow = read(
      [...dag, "Kolla med Anna"],
      ["Analys", "Korttidsfrånvaron har ökat under pandemin."],
    );
    expect(withRow.model.indicators[0].analysis).toBe("Korttidsfrånvaron har ökat under pandemin.");
  });

  test("`KF:s mål: 55 % nås inte …` alone on a row is a sentence, not a heading", () => {
    const { model } = read(
      ["Andel ekologiska livsmedel", "22,85 %", null, "60 %", "55 %", "VB 2020"],
      ["Analys"],
      ["KF:s mål: 55 % nås inte i år eftersom leverantören bytts under hösten."],
    );
    expect(model.goals).toEqual([]);
    expect(model.indicators[0].analysis).toBe(
      "KF:s mål: 55 % nås inte i år eftersom leverantören bytts under hösten.",
    );
  });

  test("a unit's short KF label alone on its row (`KF-mål:`, `KF mål 3.2:`, `Kommunfullmäktiges mål:`) heads a KF mål", () => {
    // The LSS walk of 7 December: `KF-mål: …` over `Nämndmål: …` was passed over without a word.
    const title = "Stockholm är en stad där människor med funktionsnedsättning har goda livsvillkor";
    for (const [label, number] of [
      ["KF-mål:", null],
      ["KF:s mål:", null],
      ["Kommunfullmäktiges mål:", null],
      ["KF mål 3.2:", "3.2"],
    ] as const) {
      const { model } = read(
        [`${label} ${title}`],
        ["Nämndmål: Brukare får stöd utifrån individuella behov"],
        dag,
      );
      expect(model.goals.map((g) => [g.level, g.number, g.title])).toEqual([
        ["kf-mal", number, title],
        ["namndmal", null, "Brukare får stöd utifrån individuella behov"],
      ]);
      expect(model.goals[1].parent).toBe(model.goals[0].id);
    }
    // A statement after the label is no title: an assessment, or a sentence.
    for (const text of ["KF-mål: Uppfylls helt", "KF mål: Nås inte i år eftersom mätningen flyttats."])
      expect(read([text], dag).model.goals).toEqual([]);
  });

  test("a line of a goal's text that starts with a KF label is no heading (the review of 7 December)", () => {
    const unit = "Enhetsmål: Brukarna förbereds för att närma sig arbetsmarknaden";
    for (const [line, ...after] of [
      // In the unit goal's analysis, over an indicator row or over a higher heading.
      ["KF-mål: Enheten bidrar genom samarbetet med Jobbtorg Stockholm", dag],
      ["KF:s mål: Ej aktuellt för enheten", ["KF:s inriktningsmål: 3. En ekonomiskt hållbar storstad"]],
      ["Kommunfullmäktiges mål: Alla ska ges möjlighet att arbeta", dag],
      ["KF-mål 3.2 och 3.1 redovisas inte av förskolan utan av nämnden", dag],
      // The second review: stacked over the next goal's heading, it is still the analysis' last line.
      [
        "KF-mål: Enheten bidrar genom samarbetet med Jobbtorg Stockholm",
        [],
        ["Enhetsmål: Brukarna har en meningsfull vardag"],
      ],
    ] as const) {
      const { model } = read([unit], dag, [line], ...after.map((row) => [...row]));
      expect(model.goals.filter((g) => g.level === "kf-mal")).toEqual([]);
    }
  });

  test("`KF:s mål: I Stockholm …` alone over a table is its KF mål (the second review's gap)", () => {
    const { model } = read(["KF:s mål: I Stockholm når barn och elever sin fulla potential"], dag, [
      "Nämndmål: Förskolan ger barn en god start",
    ]);
    expect(model.goals.map((g) => g.level)).toEqual(["kf-mal", "namndmal"]);
    expect(model.indicators[0].goal).toBe(model.goals[0].id);
  });

  test("a unit's assessment words beside its goal (`Uppnås delvis`, `Ej uppfyllt`) are its assessment", () => {
    // The LSS walk: `Uppnås delvis` beside `Bedömning:` made the row an unread heading.
    const { model, findings } = read(
      ["Enhetsmål: Brukarna är delaktiga i sin vardag", null, null, "Bedömning:", "Uppnås delvis"],
      dag,
      ["Enhetsmål: Medarbetarna är friska", "Ej uppfyllt"],
      dag,
    );
    expect(model.goals.map((g) => g.statedAssessment)).toEqual(["delvis", "ej"]);
    expect(findings.map((f) => f.code)).not.toContain("goal-heading-unread");
  });

  test("a page (`sid 6`) or a figure (`3,6 GWh`) beside a heading makes no heading of its row", () => {
    const contents = check(snapshotOf(sheet("Innehåll", [["Nämndmål: 1.1.1 Invånare har arbete", "sid 6"]])));
    expect(contents.model.goals).toEqual([]);
    const figure = read([
      "Enhetsmål: Enhetens energiförbrukning minskar",
      "3,6 GWh",
      null,
      "3,3 GWh",
      null,
      "VB 2020",
    ]);
    expect(figure.model.goals).toEqual([]);
    expect(figure.model.indicators).toHaveLength(1);
  });

  test("`Nämndmål: 3.2.2` | title, and `Enhetsmål:` | `E1` | title: the title is the next cell's", () => {
    const { model } = read(["Nämndmål: 3.2.2", "Medarbetare har god hälsa och en bra arbetsmiljö"], dag, [
      "Enhetsmål:",
      "E1",
      "Medarbetarna trivs",
      null,
      null,
      null,
      "Uppfylls helt",
    ]);
    expect(model.goals.map((g) => [g.level, g.number, g.title])).toEqual([
      ["namndmal", "3.2.2", "Medarbetare har god hälsa och en bra arbetsmiljö"],
      ["enhetsmal", null, "Medarbetarna trivs"],
    ]);
  });

  test("`Totalt` over women and men is an indicator; a count (`Summa indikatorer: 3`) is skipped, not an end", () => {
    const { model } = read(
      ["Sjukfrånvaro kvinnor", "8 %", "8 %", "7 %", null, "Tertial 2 2021"],
      ["Totalt", "7,5 %", "7,5 %", "7 %", null, "Tertial 2 2021"],
      ["Summa indikatorer: 2"],
      ["Summa indikatorer", 2],
      ["Medarbetarindex", 78, 80, 80, null, "Tertial 2 2021"],
    );
    expect(model.indicators.map((i) => i.name)).toEqual([
      "Sjukfrånvaro kvinnor",
      "Totalt",
      "Medarbetarindex",
    ]);
  });
});

describe("the IFO unit's walk (December): one sheet per goal area, its own words", () => {
  const header = ["Indikator", "Utfall april", "Mål 2021", "Mäts", "Åtgärd"];
  const bistand: CellValue[] = [
    "Andel barn som lever i familjer som har ekonomiskt bistånd",
    0.041,
    0.033,
    "Tertial",
    null,
  ];
  const read = (...rows: CellValue[][]) =>
    check(
      snapshotOf(
        sheet("1.1 Självförsörjning", [
          ["Uppföljning T1 2021 – Barn och unga myndighet"],
          [],
          header,
          ...rows,
        ]),
      ),
    );

  test.each([["Bedömning T1:"], ["Bedömning tertial 1 2021:"], ["Samlad bedömning:"]])(
    "a unit goal beside `%s` | `Uppfylls helt` is read, and its missed target contradicts it",
    (label) => {
      const { model, findings } = read(["KF:s mål 1.1 I Stockholm är människor självförsörjande"], bistand, [
        "Enhetsmål: Barnfamiljer med ekonomiskt bistånd får stöd mot egen försörjning",
        null,
        null,
        label,
        "Uppfylls helt",
      ]);
      const unit = model.goals.find((g) => g.level === "enhetsmal");
      expect([unit?.row, unit?.statedAssessment]).toEqual([6, "helt"]);
      expect(findings.filter((f) => f.code === "assessment-contradicts").map((f) => f.cell)).toEqual(["E6"]);
    },
  );

  test("a sentence in `Åtgärd` is the deviating indicator's analysis; without one, analysis is missing", () => {
    const said = "Fler familjer har fått budgetrådgivning och arbetet med försörjningsplaner fortsätter.";
    const analysisMissing = (text: string | null) =>
      read(["KF:s mål 1.1 I Stockholm är människor självförsörjande"], [...bistand.slice(0, 4), text])
        .findings.filter((f) => f.code === "analysis-missing")
        .map((f) => f.cell);
    expect(analysisMissing(said)).toEqual([]);
    expect(analysisMissing(null)).toEqual(["E5"]);
  });

  test("`Utfall april 2020` beside `Utfall april` is last year's, the previous period's figure", () => {
    const dated = ["Indikator", "Utfall april 2020", "Utfall april", "Mål 2021", "Mäts"];
    const { model } = check(
      snapshotOf(
        sheet("1.1", [
          ["Uppföljning T1 2021 – Barn och unga"],
          dated,
          ["Andel barn", 0.045, 0.041, 0.033, "Tertial"],
        ]),
      ),
    );
    expect(model.indicators.map((i) => [i.outcome, i.previous, i.target])).toEqual([[0.041, 0.045, 0.033]]);
  });

  test("`Mål 2021` is the indicator's Årsmål, not a goal; `Mäts` its periodicity; the title its period", () => {
    const { model } = read(["KF:s mål 1.1 I Stockholm är människor självförsörjande"], bistand);
    expect([model.period.kind, model.period.year]).toEqual(["T1", 2021]);
    expect(model.goals.map((g) => g.title)).toEqual(["I Stockholm är människor självförsörjande"]);
    expect(model.indicators.map((i) => [i.target, i.periodicity, i.status])).toEqual([
      [0.033, "tertial", "not-met"],
    ]);
  });
});

describe("an activity table's Status column (the IFO walk: `Ej påbörjad` was an unread column)", () => {
  const header = ["Aktivitet", "Ansvarig", "Start", "Klart senast", "Status", "Kommentar"];
  const due = ["Uppsökande arbete med ungdomar i årskurs 3", "Enhetschef", 44197, 44316]; // 2021-01-01 – 04-30
  const later = ["Arbetsmarknadsinsatser för barnfamiljer", "Gruppledare EB", 44197, 44561]; // – 12-31
  const run = (rows: CellValue[][], extraHeader: CellValue[] = []) =>
    check(
      snapshotOf(
        sheet("1.1 Självförsörjning", [
          ["Uppföljning T1 2021 – Barn och unga myndighet"],
          [
            "Enhetsmål: Barnfamiljer får stöd mot egen försörjning",
            null,
            null,
            "Bedömning T1:",
            "Uppfylls helt",
          ],
          [...header, ...extraHeader],
          ...rows,
        ]),
      ),
    );

  test("`Ej påbörjad` past its end deviates: the goal's tally, its missing analysis, no unread column", () => {
    const { model, findings } = run([
      [...due, "Ej påbörjad", null],
      [...later, "Ej påbörjad", null],
    ]);
    expect(model.activities.map((a) => [a.status, a.end])).toEqual([
      ["not-started", "2021-04-30"],
      ["not-started", "2021-12-31"],
    ]);
    expect(model.goals[0].counts).toMatchObject({ activities: 2, activitiesWithDeviation: 1 });
    expect(findings.filter((f) => f.code === "assessment-contradicts").map((f) => f.cell)).toEqual(["E2"]);
    expect(findings.filter((f) => f.code === "analysis-missing").map((f) => [f.cell, f.message])).toEqual([
      [
        "F4",
        "Aktiviteten ”Uppsökande arbete med ungdomar i årskurs 3” har status ”Ej påbörjad” fast den skulle ha varit klar senast 2021-04-30 men saknar analys: dess cell i analyskolumnen är tom.",
      ],
    ]);
    expect(findings.filter((f) => f.code === "column-unrecognized").map((f) => f.cell)).toEqual(["B3"]);
  });

  test("`Klar` outweighs a delay the comment tells of; beside an Avvikelse column, a deviating status unmarked is said", () => {
    const done = run([[...due, "Klar", "Har skjutits upp en månad men genomfördes i april."]]);
    expect(done.model.goals[0].counts.activitiesWithDeviation).toBe(0);
    const { findings } = run([[...due, "Försenad", "Vi väntar på lokaler.", null]], ["Avvikelse"]);
    expect(
      findings.filter((f) => f.code === "activity-deviation-unmarked").map((f) => [f.cell, f.message]),
    ).toEqual([
      [
        "G4",
        "Aktiviteten ”Uppsökande arbete med ungdomar i årskurs 3” har status ”Försenad”, men den är inte markerad med Avvikelse.",
      ],
    ]);
  });

  test("a `Status` in an indicator table is still a column not read", () => {
    const { findings } = check(
      snapshotOf(
        sheet("T1 2021", [
          ["Indikator", "Utfall april", "Årsmål", "Periodicitet", "Status"],
          ["Sjukfrånvaro", 0.094, 0.09, "Tertial", "Pågår"],
        ]),
      ),
    );
    expect(findings.filter((f) => f.code === "column-unrecognized").map((f) => f.cell)).toEqual(["E1"]);
  });
});

describe("a row that starts as a goal heading and is not read as one is said (goal-heading-unread)", () => {
  const header = ["Indikator", "Utfall april", "Mål 2021", "Mäts"];
  const run = (...rows: CellValue[][]) =>
    check(snapshotOf(sheet("1.1", [["Uppföljning T1 2021 – Barn och unga"], header, ...rows])));

  test("an assessment's label the row cannot place: the goal would vanish without a word", () => {
    const { model, findings } = run(
      ["Andel barn i familjer med ekonomiskt bistånd", 0.041, 0.033, "Tertial"],
      [
        "Enhetsmål: Barnfamiljer får stöd mot egen försörjning",
        null,
        "Bedömning enligt enheten:",
        "Uppfylls helt",
      ],
    );
    expect(model.goals).toEqual([]);
    expect(
      findings
        .filter((f) => f.code === "goal-heading-unread")
        .map((f) => [f.severity, f.cell, f.range, f.message]),
    ).toEqual([
      [
        "warning",
        "A4",
        "A4:D4",
        "Raden börjar som en målrubrik (”Enhetsmål: Barnfamiljer får stöd mot egen försörjning”) men läses inte som ett mål: bredvid den står ”Bedömning enligt enheten:”, ”Uppfylls helt”. En målrubriks rad har bara titeln och bredvid den bedömningen (”Uppfylls helt”, gärna efter ”Bedömning:”) och en kommentar; skriv raden så, annars läses varken målet eller dess bedömning.",
      ],
    ]);
  });

  test("a heading read, a table of contents' row with its page, and a flat list's level are none", () => {
    const { findings } = run(
      ["KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande", 6],
      ["Enhetsmål: Barnfamiljer får stöd", null, "Bedömning:", "Uppfylls helt"],
      ["Nämndmål", "Invånare får stöd till egen försörjning", "Andel", 0.5],
    );
    expect(findings.filter((f) => f.code === "goal-heading-unread")).toEqual([]);
  });
});

describe("the hemtjänst walk (December): a unit's own words for its budget and its analyses", () => {
  test("`Konto/område | Årsbudget | … | Förklaring` is a budget table, its Förklaring the analysis", () => {
    const { model, findings } = check(
      snapshotOf(
        sheet("Ekonomi", [
          ["Ekonomisk uppföljning T2 2021 (tkr)"],
          [],
          [
            "Konto/område",
            "Årsbudget",
            "Utfall t.o.m. aug",
            "Prognos 2021",
            "Avvikelse mot budget",
            "Förklaring",
          ],
          ["Ersättning utförda timmar", -41000, -27900, -42100, 1100, "Fler utförda timmar än budgeterat."],
          ["Personalkostnader", 34600, 24300, 36100, -1500, null],
          ["Resultat", -6400, -3600, -6000, -400, null],
        ]),
      ),
    );
    expect(model.budget.map((l) => [l.label, l.budget, l.deviation])).toEqual([
      ["Ersättning utförda timmar", -41000, 1100],
      ["Personalkostnader", 34600, -1500],
      ["Resultat", -6400, -400],
    ]);
    expect(findings.filter((f) => f.code === "analysis-missing").map((f) => f.cell)).toEqual(["F5"]);
  });

  test("`Kommentar/analys` is the analysis column; a status quotes the cell's own words", () => {
    const { model, findings } = check(
      snapshotOf(
        sheet("Mål och uppföljning", [
          ["Enskede hemtjänst – uppföljning T2 2021"],
          ["Nyckeltal", "Utfall jan–aug", "Mål 2021", "Mätperiod", "Kommentar/analys"],
          ["Sjukfrånvaro", 0.112, 0.09, "Tertial", "Kort."],
          [],
          ["Aktivitet", "Start", "Klart senast", "Status", "Kommentar"],
          ["Ellådcyklar ersätter bil vid varutransporter", 44317, 44439, "Ej startad", null],
        ]),
      ),
    );
    expect(model.indicators[0].analysis).toBe("Kort.");
    expect(findings.filter((f) => f.code === "analysis-missing").map((f) => [f.cell, f.message])).toEqual([
      [
        "E6",
        "Aktiviteten ”Ellådcyklar ersätter bil vid varutransporter” har status ”Ej startad” fast den skulle ha varit klar senast 2021-08-31 men saknar analys: dess cell i analyskolumnen är tom.",
      ],
    ]);
  });
});

test("`Enhetens mål:` heads a goal as `Enhetsmål:` does, and `Stadens mål` is KF:s årsmål (the walk's variants)", () => {
  const { model } = check(
    snapshotOf(
      sheet("1.1", [
        ["Uppföljning T1 2021 – Barn och unga"],
        ["Indikator", "Utfall april", "Mål 2021", "Stadens mål", "Mäts"],
        ["Andel barn i familjer med ekonomiskt bistånd", 0.041, 0.033, 0.027, "Tertial"],
        ["Enhetens mål: Barnfamiljer får stöd mot egen försörjning", null, "Bedömning T1:", "Uppfylls helt"],
        [],
        ["Enhetens mål är att alla barnfamiljer ska få stöd."],
      ]),
    ),
  );
  expect(model.goals.map((g) => [g.level, g.title, g.statedAssessment])).toEqual([
    ["enhetsmal", "Barnfamiljer får stöd mot egen försörjning", "helt"],
  ]);
  expect(model.indicators.map((i) => [i.target, i.kfTarget])).toEqual([[0.033, 0.027]]);
});
