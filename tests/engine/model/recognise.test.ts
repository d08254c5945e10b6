import { check } from "../../../src/engine";
import { recognise } from "../../../src/engine/recognise";
import { goalTableRole, headerKey } from "../../../src/engine/recognise/headers";
import { buildModel } from "../../../src/engine/model/build";
import type { SheetGrid } from "../../../src/engine/grid";
import { loadSeedFixture, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";
import { seedAtLines } from "../../helpers/seedAtLines";

function model(...sheets: SheetGrid[]) {
  const snapshot = snapshotOf(...sheets);
  return buildModel(snapshot, recognise(snapshot, []), { period: null, directions: [] });
}

describe("002 KF 1.1 with nämndmål 1.1.1 (lines 153–320)", () => {
  const { recognition, model: m } = model(seedAtLines("002-t2-kf-1.1"));
  const kf11 = m.goals.find((g) => g.number === "1.1")!;
  const nm111 = m.goals.find((g) => g.number === "1.1.1")!;

  test("goal headings, levels, numbers, assessments and parents", () => {
    expect(m.goals.map((g) => [g.level, g.number, g.statedAssessment])).toEqual([
      ["inriktningsmal", "1", "delvis"],
      ["kf-mal", "1.1", "delvis"],
      ["namndmal", "1.1.1", "delvis"],
    ]);
    expect(kf11.id).toBe("Uppföljning!A159");
    expect(kf11.parent).toBe("Uppföljning!A153");
    expect(nm111.parent).toBe(kf11.id);
    expect(kf11.assessmentCell).toBe("A161");
    // The inriktningsmål states its assessment in its first paragraph (line 155).
    expect(m.goals[0].assessmentCell).toBe("A155");
  });

  test("10 indicators and 4 activities, each under the right goal", () => {
    expect(m.indicators).toHaveLength(10);
    expect(m.activities).toHaveLength(4);
    expect(m.indicators.every((i) => i.goal === kf11.id)).toBe(true);
    expect(m.activities.map((a) => a.goal)).toEqual([kf11.id, nm111.id, nm111.id, nm111.id]);
  });

  test("the table split by a repeated header (lines 271 and 278) is one table", () => {
    const indicatorTables = recognition.tables.filter((t) => t.type === "indicators-followup");
    expect(indicatorTables).toHaveLength(1);
    expect(indicatorTables[0].repeatedHeaderRows).toEqual([278]);
    expect(indicatorTables[0].columns.map((c) => c.role)).toEqual([
      "name",
      "outcome",
      "outcomeMen",
      "outcomeWomen",
      "previous",
      "forecast",
      "target",
      "kfTarget",
      "period",
    ]);
  });

  test("values from the real rows", () => {
    const barn = m.indicators[0];
    expect(barn).toMatchObject({
      name: "Andel barn som lever i familjer som har ekonomiskt bistånd",
      row: 272,
      outcome: 4.1,
      previous: 3.7,
      forecast: 4,
      target: 3.3,
      kfTarget: 2.7,
      unit: "%",
      periodicity: "tertial",
    });
    expect(barn.analysis).toMatch(/^Förvaltningen ser ett ökat antal barn/);
    const feriejobb = m.indicators.find((i) => i.row === 285)!;
    expect(feriejobb).toMatchObject({
      outcome: 446,
      target: 800,
      targetKind: "value",
      kfTargetKind: "delegated",
      kfTargetText: "Tas fram av nämnd",
      unit: "st",
    });
    const stadens = m.indicators.find((i) => i.row === 290)!;
    expect(stadens).toMatchObject({ outcome: 864, outcomeMen: 415, outcomeWomen: 449, kfTarget: 9000 });
    expect(m.indicators.find((i) => i.row === 279)!.analysis).toMatch(/^I samband med pandemin/);
    expect(stadens.cells).toMatchObject({ name: "A290", outcome: "B290", target: "G290", kfTarget: "H290" });
  });

  test("activities with dates and no deviation", () => {
    expect(m.activities[1]).toMatchObject({
      start: "2021-01-01",
      end: "2021-12-31",
      deviation: false,
      row: 317,
    });
  });

  test("period read from the Period cells", () => {
    expect(m.period).toEqual({ kind: "T2", year: 2021, source: "cell" });
  });
});

describe("002 driftbudget (lines 1921–1986)", () => {
  const { recognition, model: m } = model(seedAtLines("002-t2-driftbudget", "Driftbudget"));
  test("7 whole-nämnd rows and 17 per-verksamhetsområde rows", () => {
    const namnd = m.budget.filter((b) => b.tableType === "driftbudget-namnd");
    const omrade = m.budget.filter((b) => b.tableType === "driftbudget-omrade");
    expect(namnd).toHaveLength(7);
    expect(omrade).toHaveLength(17);
    expect(namnd.map((b) => b.kind)).toEqual([
      "netto",
      "intakter",
      "kostnader",
      "disposition",
      "disposition",
      "disposition",
      "disposition",
    ]);
    expect(omrade.filter((b) => b.kind === "varav").map((b) => b.label)).toEqual([
      "varav socialpsykiatri",
      "varav vuxen",
      "varav barn och ungdom",
      "varav flykting",
    ]);
    expect(omrade[omrade.length - 1]).toMatchObject({
      kind: "total",
      label: "Totalt",
      budget: 2435.3,
      adjustments: 31.7,
      forecastBeforeTransfers: 2447.1,
      forecast: 2460.1,
      deviation: 6.9,
    });
  });
  test("whole-nämnd columns: budget, BJ, förändringar, prognos, avvikelse", () => {
    const netto = m.budget.find((b) => b.kind === "netto")!;
    expect(netto).toMatchObject({
      budget: 2435.3,
      adjustments: 15.2,
      changes: 16.5,
      forecast: 2447.1,
      deviation: 19.9,
      unit: "mnkr",
    });
    expect(netto.cells).toMatchObject({ budget: "B1926", deviation: "F1926" });
  });
  test("tables are named by their heading", () => {
    expect(recognition.tables[0].title).toBe("Uppföljning av driftbudget");
  });
});

describe("other budget tables", () => {
  test("resultatenheter (002 line 2242): group rows skipped, repeated header merged, Summa is a total", () => {
    const { model: m, recognition } = model(seedAtLines("002-t2-resultatenheter", "Resultatenheter"));
    expect(recognition.tables.map((t) => t.type)).toEqual(["resultatenheter"]);
    const rows = m.budget;
    expect(rows.find((r) => r.label === "Utförarenheten Socialpsykiatri")).toMatchObject({
      unit: "tkr",
      extra: expect.objectContaining({ grossBudget: 34343, carryOverTo: 2893 }),
    });
    expect(rows.find((r) => r.label === "Socialpsykiatri")).toBeUndefined();
    expect(rows.find((r) => r.label === "Årsta 3 förskolor")).toBeDefined();
    expect(rows[rows.length - 1]).toMatchObject({ kind: "total", label: "Summa resultatenheter" });
  });
  test("investeringar across a blank row (002 line 2298)", () => {
    const { model: m } = model(seedAtLines("002-t2-investeringar", "Investeringar"));
    const inv = m.budget.filter((b) => b.tableType === "investeringar");
    expect(inv.map((b) => b.label)).toContain("Trygghetsinvesteringar");
    expect(inv.find((b) => b.label === "Parkinvesteringar")).toMatchObject({
      budget: 6,
      forecast: 6,
      adjustments: 0,
      deviation: 0,
    });
  });
  test("VP Kostnader/Intäkter/Netto tables (003 line 1801)", () => {
    const { model: m } = model(seedAtLines("003-vp-budget", "Budget"));
    const vp = m.budget.filter((b) => b.tableType === "driftbudget-vp");
    expect(vp.filter((b) => b.kind === "netto").length).toBeGreaterThanOrEqual(10);
    const intakter1960 = vp.find((b) => b.row === 1960)!;
    expect(intakter1960.extra?.["Bokslut 2020"]).toBe(102.2);
    expect(m.period).toEqual({ kind: "VP", year: 2022, source: "plan" });
  });
});

describe("two budget tables under the same header (003 lines 1801–1819 and 1829–1832)", () => {
  test("the header repeated after a Totalt row opens a table of its own, even with no prose between", () => {
    // The seed has prose between them; a controller's sheet often has only blank rows.
    const lines = seedLines(loadSeedFixture("003-vp-budget.txt"));
    const perArea = lines.slice(4, 23);
    const nämnd = lines.slice(32, 36);
    expect([perArea[18].split("\t")[0], nämnd[0].split("\t")[0]]).toEqual(["Totalt", "Mnkr"]);
    const sheet = textToSheet("Budget", [...perArea, "", "", ...nämnd].join("\n"));
    const { recognition, model: m } = model(sheet);
    const tables = recognition.tables.filter((t) => t.type.startsWith("driftbudget"));
    expect(tables.map((t) => [t.headerRow, t.rows.length])).toEqual([
      [1, 18],
      [22, 3],
    ]);
    const kostnader = m.budget.find((b) => b.label === "Kostnader")!;
    const totalt = m.budget.find((b) => b.label === "Totalt")!;
    expect(kostnader.tableId).not.toBe(totalt.tableId);
  });

  test("a subtotal (`Summa kostnader`) before a page break's repeated header does not end the table", () => {
    const lines = seedLines(loadSeedFixture("003-vp-budget.txt"));
    const header = lines[4];
    const subtotal = "Summa kostnader\t3211,3\t3173,0\t3157,8\t3215,3\t3267,5";
    const sheet = textToSheet(
      "Budget",
      [...lines.slice(4, 10), subtotal, "", header, ...lines.slice(10, 23)].join("\n"),
    );
    const tables = model(sheet).recognition.tables.filter((t) => t.type.startsWith("driftbudget"));
    expect(tables.map((t) => [t.headerRow, t.rows.length])).toEqual([[1, 19]]);
  });

  test("a header repeated inside a table (a page break before its Totalt) still continues it", () => {
    const lines = seedLines(loadSeedFixture("003-vp-budget.txt"));
    const header = lines[4];
    const sheet = textToSheet(
      "Budget",
      [...lines.slice(4, 15), "", header, ...lines.slice(15, 23)].join("\n"),
    );
    const tables = model(sheet).recognition.tables.filter((t) => t.type.startsWith("driftbudget"));
    expect(tables.map((t) => [t.headerRow, t.rows.length])).toEqual([[1, 18]]);
  });
});

describe("header variants and ugly rows", () => {
  test("'Utfall kvinn or/ flicko r', 'Perio dens utfall VB 2019', 'Progno s helår' (004 line 395)", () => {
    const { recognition } = model(seedAtLines("004-vb-kf-3.2-sjukfranvaro"));
    const t = recognition.tables.find((x) => x.headerRow === 395)!;
    expect(t.columns.map((c) => c.role)).toEqual([
      "name",
      "outcome",
      "outcomeMen",
      "outcomeWomen",
      "previous",
      "forecast",
      "target",
      "kfTarget",
      "period",
    ]);
  });
  test("'Prognoss helår' (002 line 1032) and 'Arsmål' (002 line 1689)", () => {
    const a = model(seedAtLines("002-t2-nm-1.4.2")).recognition.tables.find(
      (t) => t.type === "indicators-followup",
    )!;
    expect(a.columns.find((c) => /Prognoss/.test(c.header))?.role).toBe("forecast");
    const b = model(seedAtLines("002-t2-kf-3.1")).recognition.tables.find((t) =>
      t.columns.some((c) => /^Arsmål/.test(c.header)),
    )!;
    expect(b.columns.find((c) => /^Arsmål/.test(c.header))?.role).toBe("target");
  });
  test.each([
    ["Resultat jan–aug", "outcome"],
    ["Utfall jan-aug 2021", "outcome"],
    ["Utfall januari–augusti 2021", "outcome"],
    ["Utfall t.o.m. augusti", "outcome"],
    ["Periodens resultat", "outcome"],
    ["Resultat föregående år", "previous"],
  ])("an outcome named by its months or as Resultat: %s is %s", (header, role) => {
    expect(goalTableRole(headerKey(header))).toBe(role);
  });
  test.each([
    ["Mål 2021", "target"],
    ["Mål för 2021", "target"],
    ["Mål", "goal"],
    ["Mäts", "periodicity"],
    ["Klart senast", "end"],
    ["Klart datum", "end"],
    // By its header; where its cells are `Ja`/`X`, recognition takes the role back (unitWordsReview).
    ["Klart", "end"],
  ])("an IFO unit's header %s is %s (the walk of December)", (header, role) => {
    expect(goalTableRole(header)).toBe(role);
  });
  test("a unit's key figures headed `Nyckeltal | Resultat jan–aug | Målvärde 2021` in a T2: judged, not a plan", () => {
    const sheet = textToSheet(
      "T2 2021",
      [
        "Nyckeltal\tResultat jan–aug\tMålvärde 2021\tKommentar",
        "Sjukfrånvaro personal\t9,1 %\t6,0 %\tHög korttidsfrånvaro under våren",
      ].join("\n"),
    );
    const result = check(snapshotOf(sheet), { period: { kind: "T2", year: 2021 } });
    expect(result.recognition.tables.map((t) => t.type)).toEqual(["indicators-followup"]);
    expect(result.model.indicators[0]).toMatchObject({ outcome: 9.1, target: 6, status: "not-met" });
  });
  test("of two outcomes by year the latest is the outcome, last year's the previous period's, in either order", () => {
    for (const headers of [
      "Nyckeltal\tUtfall jan–aug 2020\tUtfall jan–aug 2021\tMålvärde 2021",
      "Nyckeltal\tUtfall jan–aug 2021\tUtfall jan–aug 2020\tMålvärde 2021",
    ]) {
      const values = headers.includes("aug 2020\tUtfall") ? "9,1 %\t4,0 %" : "4,0 %\t9,1 %";
      const sheet = textToSheet("T2", [headers, `Sjukfrånvaro personal\t${values}\t6,0 %`].join("\n"));
      const result = check(snapshotOf(sheet), { period: { kind: "T2", year: 2021 } });
      expect(result.model.indicators[0]).toMatchObject({ outcome: 4, previous: 9.1, status: "met" });
    }
  });
  test.each(["Utfall jan–aug föreg. år", "Utfall jan–aug i fjol", "Utfall augustinummer"])(
    "a month's name must be the whole word: %s is no outcome of the period",
    (header) => expect(goalTableRole(headerKey(header))).not.toBe("outcome"),
  );
  test("key figures against a budget (Nyckeltal | Utfall jan–aug | Budget jan–aug) are no indicators without targets", () => {
    const sheet = textToSheet(
      "T2",
      ["Nyckeltal\tUtfall jan–aug 2021\tBudget jan–aug 2021\tAvvikelse", "Antal brukare\t210\t200\t10"].join(
        "\n",
      ),
    );
    const result = check(snapshotOf(sheet), { period: { kind: "T2", year: 2021 } });
    expect(result.model.indicators).toEqual([]);
    expect(result.findings.map((f) => f.code)).toContain("header-unrecognized");
  });
  test("a continuation row after a repeated header belongs to the row above (004 lines 396–399)", () => {
    const { model: m } = model(seedAtLines("004-vb-kf-3.2-sjukfranvaro"));
    const sjuk = m.indicators.find((i) => i.row === 396)!;
    expect(sjuk).toMatchObject({
      name: "Sjukfrånvaro",
      outcome: 12.4,
      target: 15,
      kfTargetKind: "delegated",
      kfTargetText: "Tas fram av nämnd/ styrelse",
    });
    expect(sjuk.analysis).toMatch(/^Sjukfrånvaron på en rullande/);
  });
  test("the Enhetsmål closing a unit's KF block owns the evidence above it (004 lines 389–470)", () => {
    const { model: m } = model(seedAtLines("004-vb-kf-3.2-sjukfranvaro"));
    const enhet = m.goals.find((g) => g.level === "enhetsmal")!;
    expect(enhet).toMatchObject({ statedAssessment: "helt", row: 464, assessmentCell: "A470" });
    expect(m.indicators.map((i) => i.goal)).toEqual([enhet.id, enhet.id]);
    expect(m.activities.every((a) => a.goal === enhet.id)).toBe(true);
    const kf = m.goals.find((g) => g.level === "kf-mal")!;
    expect(kf.statedAssessment).toBe("ingen");
    expect(enhet.parent).toBe(m.goals.find((g) => g.level === "namndmal")!.id);
  });
  test("a nämndmål whose Enhetsmål is left out keeps its own rows: the next nämndmål's Enhetsmål does not take them", () => {
    // 004's order (KF mål, its tables, nämndmål, its activities, the Enhetsmål closing it), with the
    // first nämndmål's Enhetsmål left out, as a unit that set no goal of its own there writes it.
    const sheet = textToSheet(
      "VB 2020",
      [
        "KF:s mål för verksamhetsområdet: 3.2. Stockholm använder skattemedlen effektivt till största nytta för stockholmarna",
        "Nämndmål: Stadsdelsnämnden är en attraktiv arbetsgivare som erbjuder en god arbetsmiljö",
        "Aktivitet\tStartdatum\tSlutdatum\tAvvikelse",
        " Allmän visstidsanställning minimeras.\t2020-01-01\t2020-12-31\t",
        "Nämndmål: Stadsdelsnämndens verksamheter är ekonomiskt hållbara",
        "Aktivitet\tStartdatum\tSlutdatum\tAvvikelse",
        " Budgetuppföljning varje månad.\t2020-01-01\t2020-12-31\t",
        "Enhetsmål:",
        "Enheten har en budget i balans",
        "Uppfylls helt",
      ].join("\n"),
    );
    const { model: m } = model(sheet);
    const [first, second] = m.goals.filter((g) => g.level === "namndmal");
    const enhet = m.goals.find((g) => g.level === "enhetsmal")!;
    expect(enhet.parent).toBe(second.id);
    expect(m.activities.map((a) => [a.name, a.goal])).toEqual([
      ["Allmän visstidsanställning minimeras.", first.id],
      ["Budgetuppföljning varje månad.", enhet.id],
    ]);
  });
  test("a KF mål's tables pass its first nämndmål, not a second: that one's Enhetsmål does not take them", () => {
    // 004's order (lines 389–470: KF mål 3.2, its Sjukfrånvaro table, nämndmål, Enhetsmål), with the
    // first nämndmål's Enhetsmål left out and a second nämndmål that has one.
    const lines = [
      "KF:s mål för verksamhetsområdet: 3.2. Stockholm använder skattemedlen effektivt till största nytta för stockholmarna",
      "— Ingen",
      "Indikator\tPeriodens utfall\tUtfall män/ pojkar\tUtfall kvinnor/ flickor\tPeriodens utfall VB 2019\tPrognos helår\tÅrsmål\tKF:s årsmål\tPeriod",
      "  Sjukfrånvaro \t12,4 %\t\t\t15,2 %\t\t15 %\tTas fram av nämnd/ styrelse\tVB 2020",
      "Nämndmål: Stadsdelsnämnden är en attraktiv arbetsgivare som erbjuder en god arbetsmiljö",
      "— Ingen",
      "Aktivitet\tStartdatum\tSlutdatum\tAvvikelse",
      " Allmän visstidsanställning minimeras.\t2020-01-01\t2020-12-31\t",
      "Nämndmål: Stadsdelsnämndens verksamheter arbetar kostnadseffektivt med fokus på kärnverksamheterna",
      "— Ingen",
      "Enhetsmål: Liljeholmens dagliga verksamheter är kostnadseffektiva",
      "● Uppfylls helt",
    ];
    const { model: m } = model(textToSheet("VB 2020", lines.join("\n")));
    const kf = m.goals.find((g) => g.level === "kf-mal")!;
    const [first] = m.goals.filter((g) => g.level === "namndmal");
    expect(m.indicators.map((i) => [i.name, i.goal])).toEqual([["Sjukfrånvaro", kf.id]]);
    expect(m.activities.map((a) => [a.name, a.goal])).toEqual([
      ["Allmän visstidsanställning minimeras.", first.id],
    ]);
    // With the first nämndmål's Enhetsmål written, it takes the KF mål's table (004's order).
    const withOwn = [...lines.slice(0, 8), "Enhetsmål: Enheten är en god arbetsgivare", ...lines.slice(8)];
    const { model: own } = model(textToSheet("VB 2020", withOwn.join("\n")));
    const enhet = own.goals.find((g) => g.level === "enhetsmal")!;
    expect(enhet.title).toBe("Enheten är en god arbetsgivare");
    expect(own.indicators.map((i) => i.goal)).toEqual([enhet.id]);
    expect(own.activities.map((a) => a.goal)).toEqual([enhet.id]);
  });
  test("two-row headings at every level (004 lines 69–126)", () => {
    const { model: m } = model(seedAtLines("004-vb-kf-1.1-tvaradsrubrik"));
    expect(m.goals.slice(0, 3).map((g) => [g.level, g.number, g.title.slice(0, 20), g.row])).toEqual([
      ["inriktningsmal", "1", "En modern storstad m", 69],
      ["kf-mal", "1.1", "I Stockholm är männi", 73],
      ["namndmal", null, "Invånarna i stadsdel", 84],
    ]);
  });
  test("plan indicator tables (003 line 462) with Periodicitet", () => {
    const { model: m, recognition } = model(seedAtLines("003-vp-kf-1.1"));
    expect(recognition.tables.find((t) => t.headerRow === 462)?.type).toBe("indicators-plan");
    const feriejobb = m.indicators.find((i) => i.name === "Antal tillhandahållna platser för feriejobb")!;
    expect(feriejobb).toMatchObject({
      target: 450,
      kfTargetKind: "delegated",
      kfTargetText: "Tas fram av nämnd/styrelse",
      periodicity: "tertial",
      outcome: null,
    });
  });
  test("a table drawn with dashes has no rows (000 line 263)", () => {
    const { model: m } = model(seedAtLines("000-vb-enhet-miljo-ekonomi"));
    expect(m.activities.some((a) => a.name === "")).toBe(false);
  });
  test("activities marked Avvikelse with their analysis (000 lines 196–199)", () => {
    const { model: m } = model(seedAtLines("000-vb-enhet-forskola"));
    const marked = m.activities.filter((a) => a.deviation);
    expect(marked.map((a) => a.row)).toEqual([196, 198]);
    expect(marked[0].analysis).toMatch(/^Under detta år/);
  });
});

describe("Excel tables and flat sheets", () => {
  test("a ListObject with extra columns in another order, and a Mål column", () => {
    const sheet: SheetGrid = {
      name: "Indikatorer",
      visibility: "visible",
      originRow: 3,
      originCol: 2,
      values: [
        ["Mål", "Indikator", "Riktning", "Årsmål", "Periodens utfall", "Kommentar", "Period"],
        [
          "1.1.1 Invånare försörjer sig själva",
          "Andel barn i familjer med ekonomiskt bistånd",
          "Lägre",
          0.033,
          0.041,
          "ok",
          "Tertial 1 2022",
        ],
        [
          "1.1.1 Invånare försörjer sig själva",
          "Antal feriejobb",
          "Högre",
          "800 st",
          "446 st",
          null,
          "Tertial 1 2022",
        ],
        ["Nämndmål: 2.1.1 Trygg stad", "Antal trygghetsvandringar", null, 12, 4, null, "Tertial 1 2022"],
      ],
      formats: [[], [null, null, null, "0.0 %", "0.0 %"], [], []],
      listObjects: [{ name: "Tabell1", range: "B3:H6" }],
    };
    const { model: m, recognition } = model(sheet);
    expect(recognition.tables).toHaveLength(1);
    expect(recognition.tables[0].fromListObject).toBe(true);
    expect(m.indicators).toHaveLength(3);
    expect(m.indicators[0]).toMatchObject({
      outcome: 4.1,
      target: 3.3,
      unit: "%",
      statedDirection: "lower",
      row: 4,
    });
    expect(m.goals.map((g) => [g.number, g.level])).toEqual([
      ["1.1.1", "namndmal"],
      ["2.1.1", "namndmal"],
    ]);
    expect(m.indicators[0].goal).toBe(m.indicators[1].goal);
    expect(m.indicators[2].goal).not.toBe(m.indicators[0].goal);
    expect(m.period).toMatchObject({ kind: "T1", year: 2022 });
  });
  test("a table whose columns can't be mapped is reported, not guessed", () => {
    const sheet = textToSheet("Data", "Indikator\tFärg\tStorlek\tVikt\nA\t1\t2\t3\n");
    sheet.listObjects = [{ name: "Okänd", range: "A1:D2" }];
    const { recognition } = model(sheet);
    expect(recognition.unrecognised).toEqual([
      expect.objectContaining({ sheet: "Data", cell: "A1", range: "A1:D2" }),
    ]);
  });
});

describe("the user's mapping corrections (stored in _malkoll)", () => {
  const text = "Indikator\tFärg\tÅrsmål\tPeriod\nAndel nöjda\t80 %\t85 %\tTertial 2 2021\n";
  test("a column's role can be set", () => {
    const snapshot = snapshotOf(textToSheet("Data", text));
    const plain = recognise(snapshot, []);
    expect(plain.tables[0].columns.map((c) => c.role)).toEqual(["name", null, "target", "period"]);
    const corrected = recognise(snapshot, [{ sheet: "Data", headerCell: "A1", columns: { B: "outcome" } }]);
    expect(corrected.tables[0].columns.map((c) => c.role)).toEqual(["name", "outcome", "target", "period"]);
    const m = buildModel(snapshot, corrected, { period: null, directions: [] }).model;
    expect(m.indicators[0]).toMatchObject({ outcome: 80, target: 85 });
  });
  test("a table's type can be forced or the table ignored", () => {
    const snapshot = snapshotOf(textToSheet("Data", text));
    expect(recognise(snapshot, [{ sheet: "Data", headerCell: "A1", tableType: "ignore" }]).tables).toEqual(
      [],
    );
    expect(
      recognise(snapshot, [{ sheet: "Data", headerCell: "A1", tableType: "indicators-plan" }]).tables[0].type,
    ).toBe("indicators-plan");
  });
  test("a block Målkoll took for a table it cannot read can be declared no table: it is no longer reported", () => {
    // tests/fixtures/foreign/libreoffice.xlsx: an Excel table `Enheter` listing units beside the
    // workbook's indicator table, reported under the pane's "Det här hindrar bedömningen".
    const lista = textToSheet("Lista", "Enhet\tAntal\nSkarpnäck\t12\nFarsta\t7\n");
    lista.listObjects = [{ name: "Enheter", range: "A1:B3" }];
    const snapshot = snapshotOf(textToSheet("Data", text), lista);
    expect(recognise(snapshot, []).unrecognised).toEqual([
      expect.objectContaining({ sheet: "Lista", cell: "A1", range: "A1:B3" }),
    ]);
    const declared = recognise(snapshot, [{ sheet: "Lista", headerCell: "A1", tableType: "ignore" }]);
    expect(declared.unrecognised).toEqual([]);
    expect(declared.tables.map((t) => t.sheet)).toEqual(["Data"]);
    const elsewhere = recognise(snapshot, [{ sheet: "Lista", headerCell: "A2", tableType: "ignore" }]);
    expect(elsewhere.unrecognised).toHaveLength(1);
  });
  test("a row that only looks like a header (a ledger's `Konto | Benämning | Belopp`) can be declared no table too", () => {
    const ledger = textToSheet(
      "Huvudbok",
      "Konto\tBenämning\tBelopp\n3010\tIntäkter\t1200\n4010\tKostnader\t-900\n",
    );
    const snapshot = snapshotOf(ledger);
    expect(recognise(snapshot, []).unrecognised).toEqual([
      expect.objectContaining({ sheet: "Huvudbok", cell: "A1" }),
    ]);
    expect(
      recognise(snapshot, [{ sheet: "Huvudbok", headerCell: "A1", tableType: "ignore" }]).unrecognised,
    ).toEqual([]);
  });
  test("a direction override for a row wins over the catalogue", () => {
    const snapshot = snapshotOf(seedAtLines("002-t2-kf-1.1"));
    const m = buildModel(snapshot, recognise(snapshot, []), {
      period: null,
      directions: [{ sheet: "Uppföljning", row: 272, direction: "higher" }],
    }).model;
    expect(m.indicators.find((i) => i.row === 272)!.statedDirection).toBe("higher");
  });
});

describe("a correction applies to the whole table, across its repeated headers", () => {
  // 002 lines 884–918: one indicator table whose header repeats at 899 and 914 (page breaks).
  const snapshot = snapshotOf(seedAtLines("002-t2-kf-1.4"));

  test("without corrections: one table of 19 rows", () => {
    const tables = recognise(snapshot, []).tables.filter((t) => t.headerRow === 884);
    expect(tables.map((t) => [t.rows.length, t.repeatedHeaderRows])).toEqual([[19, [899, 914]]]);
  });

  test("skipping column C keeps the 19 rows in one table, C skipped on every row", () => {
    const corrected = recognise(snapshot, [
      { sheet: "Uppföljning", headerCell: "A884", columns: { C: "ignore" } },
    ]).tables.filter((t) => t.type === "indicators-followup" && t.headerRow >= 884 && t.headerRow <= 918);
    expect(corrected.map((t) => [t.headerRow, t.rows.length, t.repeatedHeaderRows])).toEqual([
      [884, 19, [899, 914]],
    ]);
    expect(corrected[0].columns[2]).toEqual({ col: 3, header: "Utfall män/ pojkar", role: "ignore" });
    const m = buildModel(
      snapshot,
      recognise(snapshot, [{ sheet: "Uppföljning", headerCell: "A884", columns: { C: "ignore" } }]),
      { period: null, directions: [] },
    ).model;
    const rows = m.indicators.filter((i) => i.row > 884 && i.row <= 918);
    expect(rows).toHaveLength(19);
    expect(rows.every((i) => i.outcomeMen === null)).toBe(true);
  });
});

describe("a block the person points out (Läs in → Peka ut en tabell)", () => {
  // A ledger extract as a finance user keeps it: no table Målkoll knows.
  const ledger = textToSheet(
    "Huvudbok",
    [
      "Utdrag ur huvudboken, augusti",
      "",
      "Konto\tBenämning\tBelopp",
      "4010\tInköp av material\t125 000",
      "5410\tFörbrukningsinventarier\t48 200",
      "7010\tLöner\t1 450 000",
    ].join("\n"),
  );
  const snapshot = snapshotOf(ledger);

  test("Konto | Benämning | Belopp counts as table-like: header-unrecognized, not silence", () => {
    const recognition = recognise(snapshot, []);
    expect(recognition.tables).toEqual([]);
    expect(recognition.unrecognised).toEqual([
      { sheet: "Huvudbok", cell: "A3", range: "A3:C3", headers: ["Konto", "Benämning", "Belopp"] },
    ]);
  });

  test("stored as a mapping, the block becomes a table with the chosen kind and columns", () => {
    const recognition = recognise(snapshot, [
      {
        sheet: "Huvudbok",
        headerCell: "A3",
        tableType: "budget-other",
        columns: { A: "ignore", B: "name", C: "budget" },
      },
    ]);
    expect(recognition.unrecognised).toEqual([]);
    expect(recognition.tables.map((t) => [t.id, t.type, t.rows.map((r) => r.row)])).toEqual([
      ["Huvudbok!A3", "budget-other", [4, 5, 6]],
    ]);
    expect(recognition.tables[0].columns.map((c) => c.role)).toEqual(["ignore", "name", "budget"]);
    const m = buildModel(snapshot, recognition, { period: null, directions: [] }).model;
    expect(m.budget.map((b) => [b.label, b.budget, b.cells.budget])).toEqual([
      ["Inköp av material", 125000, "C4"],
      ["Förbrukningsinventarier", 48200, "C5"],
      ["Löner", 1450000, "C6"],
    ]);
  });

  test("without column choices the first column holds the labels", () => {
    const recognition = recognise(snapshot, [
      { sheet: "Huvudbok", headerCell: "B3", tableType: "budget-other" },
    ]);
    expect(recognition.tables[0].columns.map((c) => [c.header, c.role])).toEqual([
      ["Benämning", "name"],
      ["Belopp", null],
    ]);
  });
});
