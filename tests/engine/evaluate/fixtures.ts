/**
 * Hand-built model pieces from REAL seed rows (numbers copied from the seed reports; tests never
 * read /work/shared). Line numbers refer to the seed files named in each block.
 */
import type {
  Activity,
  BudgetLine,
  Goal,
  Indicator,
  Model,
  PeriodKind,
  TargetKind,
} from "../../../src/engine/model/types";
import { emptyCounts } from "../../../src/engine/evaluate/goals";

export const SHEET = "Uppföljning";

export function goal(partial: Partial<Goal> & Pick<Goal, "id" | "level">): Goal {
  const cell = partial.id.slice(partial.id.lastIndexOf("!") + 1);
  return {
    parent: null,
    number: null,
    title: "",
    sheet: SHEET,
    row: Number(cell.replace(/^[A-Z]+/, "")),
    statedAssessment: null,
    suggestedAssessment: null,
    counts: emptyCounts(),
    assessmentCell: null,
    ...partial,
  };
}

export function indicator(partial: Partial<Indicator> & Pick<Indicator, "name" | "row">): Indicator {
  return {
    sheet: SHEET,
    goal: null,
    outcome: null,
    outcomeMen: null,
    outcomeWomen: null,
    previous: null,
    forecast: null,
    target: null,
    targetKind: "none",
    targetText: null,
    kfTarget: null,
    kfTargetKind: "none",
    kfTargetText: null,
    unit: null,
    periodicity: "tertial",
    direction: "unknown",
    status: "unknown",
    kfStatus: "unknown",
    analysis: null,
    cells: {
      name: `A${partial.row}`,
      outcome: `B${partial.row}`,
      forecast: `F${partial.row}`,
      target: `G${partial.row}`,
      kfTarget: `H${partial.row}`,
    },
    ...partial,
  };
}

export function activity(partial: Partial<Activity> & Pick<Activity, "name" | "row">): Activity {
  return {
    sheet: SHEET,
    goal: null,
    start: "2021-01-01",
    end: "2021-12-31",
    deviation: false,
    status: null,
    statusText: null,
    analysis: null,
    cells: { name: `A${partial.row}`, deviationFlag: `D${partial.row}` },
    ...partial,
  };
}

export function model(partial: Partial<Omit<Model, "period">> & { period?: PeriodKind | null }): Model {
  const { period, ...rest } = partial;
  return {
    workbook: "test.xlsx",
    goals: [],
    indicators: [],
    activities: [],
    budget: [],
    ...rest,
    period: { kind: period ?? null, year: 2021, source: period ? "cell" : "none" },
  };
}

const value = (target: number | null, text: string | null, kind: TargetKind = "value") => ({
  target,
  text,
  kind,
});

/** 002 lines 153–165, 271–319: KF 1.1, its nämndmål 1.1.1 and the inriktningsmål above. */
export const KF11 = {
  inriktning: `${SHEET}!A153`,
  kf: `${SHEET}!A159`,
  namnd: `${SHEET}!A297`,
};

export function kf11Goals(): Goal[] {
  return [
    goal({
      id: KF11.inriktning,
      level: "inriktningsmal",
      number: "1",
      title: "En modern storstad med möjligheter och valfrihet för alla",
      statedAssessment: "delvis",
    }),
    goal({
      id: KF11.kf,
      level: "kf-mal",
      parent: KF11.inriktning,
      number: "1.1",
      title: "I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
      statedAssessment: "delvis",
      assessmentCell: "A161",
    }),
    goal({
      id: KF11.namnd,
      level: "namndmal",
      parent: KF11.kf,
      number: "1.1.1",
      title: "Invånare i stadsdelsområdet försörjer sig själva",
      statedAssessment: "delvis",
      assessmentCell: "A299",
    }),
  ];
}

type Row = [
  name: string,
  row: number,
  outcome: number | null,
  men: number | null,
  women: number | null,
  previous: number | null,
  forecast: number | null,
  target: { target: number | null; text: string | null; kind: TargetKind },
  kf: { target: number | null; text: string | null; kind: TargetKind },
  unit: string | null,
  analysis: string | null,
];

const DELEGATED = value(null, "Tas fram av nämnd", "delegated");
const NONE = value(null, null, "none");

/** 002 lines 272–295 (Period `Tertial 2 2021` on every row). */
const KF11_ROWS: Row[] = [
  [
    "Andel barn som lever i familjer som har ekonomiskt bistånd",
    272,
    4.1,
    null,
    null,
    3.7,
    4,
    value(3.3, "3,3 %"),
    value(2.7, "2,7 %"),
    "%",
    "Förvaltningen ser ett ökat antal barn i hushåll med ekonomiskt bistånd.",
  ],
  [
    "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen",
    279,
    2.13,
    1.85,
    1.96,
    2.03,
    2.2,
    value(1.8, "1,8 %"),
    value(1.5, "1,5 %"),
    "%",
    "I samband med pandemin och de konsekvenser det fick på arbetsmarknaden hade förvaltningen en ökning av hushåll som behövde ekonomiskt bistånd.",
  ],
  [
    "Andel personer som själv upplever att de får en förbättrad situation av insatsen/insatserna de fått från socialtjänsten (ekonomiskt bistånd)",
    281,
    null,
    null,
    null,
    null,
    null,
    value(75, "75"),
    NONE,
    null,
    "Mätperiod är i oktober. Resultatet redovisas i verksamhetsberättelsen.",
  ],
  [
    "Andel vuxna med långvarigt ekonomiskt bistånd jämfört med samtliga vuxna invånare",
    283,
    1.3,
    1.23,
    1.37,
    1.25,
    1.3,
    value(1.3, "1,3 %"),
    value(1.0, "1,0 %"),
    "%",
    null,
  ],
  [
    "Antal aspiranter som fått Stockholmsjobb",
    284,
    21,
    7,
    14,
    30,
    44,
    value(44, "44 st"),
    value(800, "800 st"),
    "st",
    null,
  ],
  [
    "Antal tillhandahållna platser för feriejobb",
    285,
    446,
    null,
    null,
    422,
    500,
    value(800, "800 st"),
    DELEGATED,
    "st",
    "På grund av pandemin har feriejobb inte har kunnat erbjudas i förvaltningen inom äldreomsorgen och förskolan.",
  ],
  [
    "Antal tillhandahållna platser för Stockholmsjobb",
    287,
    48,
    null,
    null,
    60,
    80,
    value(80, "80 st"),
    DELEGATED,
    "st",
    null,
  ],
  [
    "Antal tillhandahållna praktikplatser för högskolestuderande samt platser för verksamhetsförlagd utbildning",
    288,
    153,
    null,
    null,
    272,
    180,
    value(180, "180"),
    DELEGATED,
    null,
    null,
  ],
  [
    "Antal unga 20-29 år som varken arbetar eller studerar som nåtts av uppsökande verksamhet och tagit del av arbetsmarknadsinsatser",
    289,
    58,
    39,
    19,
    null,
    70,
    value(20, "20"),
    DELEGATED,
    null,
    null,
  ],
  [
    "Antal ungdomar som fått feriejobb i stadens regi",
    290,
    864,
    415,
    449,
    785,
    900,
    value(800, "800 st"),
    value(9000, "9 000 st"),
    "st",
    null,
  ],
];

export function kf11Indicators(): Indicator[] {
  return KF11_ROWS.map(([name, row, outcome, men, women, previous, forecast, t, kf, unit, analysis]) =>
    indicator({
      name,
      row,
      goal: KF11.kf,
      outcome,
      outcomeMen: men,
      outcomeWomen: women,
      previous,
      forecast,
      target: t.target,
      targetKind: t.kind,
      targetText: t.text,
      kfTarget: kf.target,
      kfTargetKind: kf.kind,
      kfTargetText: kf.text,
      unit,
      periodicity: "tertial",
      periodText: "Tertial 2 2021",
      analysis,
    }),
  );
}

/** 002 line 295 (KF 1.1 uppdrag) and lines 317–319 (nämndmål 1.1.1), none marked Avvikelse. */
export function kf11Activities(): Activity[] {
  return [
    activity({
      name: "Arbetsmarknadsnämnden och utbildningsnämnden ska i samråd med socialnämnden och stadsdelsnämnderna revidera riktlinjerna för det kommunala aktivitetsansvaret",
      row: 295,
      goal: KF11.kf,
    }),
    activity({
      name: "Inom ramen för samhällsvägledning för nyanlända, utveckla arbetssätt och aktivt vägleda de nyanlända i bostadsfrågor.",
      row: 317,
      goal: KF11.namnd,
    }),
    activity({
      name: "Inom ramen för samhällsvägledning för nyanlända, utveckla samarbete med representanter för civilsamhället och/eller andra aktörer avseende etableringsfrämjande aktiviteter för nyanlända kvinnor, män, flickor och pojkar.",
      row: 318,
      goal: KF11.namnd,
    }),
    activity({
      name: "Utveckla arbetssätt för att nå nyanlända kvinnor och män (egenbosatta, anhöriga och kommunanvisade) med erbjudande om samhällsvägledning.",
      row: 319,
      goal: KF11.namnd,
    }),
  ];
}

/** 004 lines 389–470: KF 3.2 (— Ingen), the nämndmål (— Ingen), the unit goal marked Uppfylls helt. */
export const U004 = {
  kf: `${SHEET}!A389`,
  namnd: `${SHEET}!A406`,
  enhet: `${SHEET}!A464`,
};

export function unit004(): Model {
  const goals = [
    goal({
      id: U004.kf,
      level: "kf-mal",
      number: "3.2",
      title: "Stockholm använder skattemedlen effektivt till största nytta för stockholmarna",
      statedAssessment: "ingen",
      assessmentCell: "A393",
    }),
    goal({
      id: U004.namnd,
      level: "namndmal",
      parent: U004.kf,
      title: "Stadsdelsnämnden är en attraktiv arbetsgivare som erbjuder en god arbetsmiljö",
      statedAssessment: "ingen",
      assessmentCell: "A410",
    }),
    goal({
      id: U004.enhet,
      level: "enhetsmal",
      parent: U004.namnd,
      title: "Enheten är en god arbetsgivare och dess verksamheter erbjuder en god arbetsmiljö",
      statedAssessment: "helt",
      assessmentCell: "A470",
    }),
  ];
  const delegated = {
    kfTarget: null,
    kfTargetKind: "delegated" as const,
    kfTargetText: "Tas fram av nämnd/ styrelse",
  };
  const indicators = [
    indicator({
      name: "Sjukfrånvaro",
      row: 396,
      goal: U004.kf,
      outcome: 12.4,
      previous: 15.2,
      target: 15,
      targetKind: "value",
      targetText: "15 %",
      ...delegated,
      unit: "%",
      periodicity: null,
      periodText: "VB 2020",
      analysis:
        "Sjukfrånvaron på en rullande 12 månaders period (baserad på oktobers resultat) för enheten totalt är 12,4%.",
    }),
    indicator({
      name: "Sjukfrånvaro dag 1-14",
      row: 402,
      goal: U004.kf,
      outcome: 4.6,
      previous: 2.4,
      target: 2.3,
      targetKind: "value",
      targetText: "2,3 %",
      ...delegated,
      unit: "%",
      periodicity: null,
      periodText: "VB 2020",
      analysis: "Enheten har en högre korttidsfrånvaro än vanligtvis.",
    }),
  ];
  const activities = [
    activity({
      name: "Alla enheter ska utifrån medarbetarundersökningens resultat göra en handlingsplan som åtgärdas och följs upp under året.",
      row: 451,
      goal: U004.namnd,
      start: "2020-01-01",
      end: "2020-12-31",
      analysis: "Resultatet av medarbetarundersökningen skickas till biträdande chefer i slutet av mars.",
    }),
    activity({
      name: "Allmän visstidsanställning minimeras.",
      row: 453,
      goal: U004.namnd,
      start: "2020-01-01",
      end: "2020-12-31",
      analysis:
        "Inom verksamheten används allmän visstidsanställning för att täcka upp vid exempelvis längre sjukskrivningar.",
    }),
    activity({
      name: "Förbättra förutsättningarna för att anställa personer med funktionsnedsättning.",
      row: 459,
      goal: U004.namnd,
      start: "2020-01-01",
      end: "2020-12-31",
      analysis: "Inga nya tillsvidare anställningar har gjorts inom enheten under perioden.",
    }),
    activity({
      name: "Förvaltningen säkerställer att samtliga hot- och våld-incidenter riktade mot förvaltningens medarbetare registreras i IA och följs upp med avseende på att den utsatte upplever tillräckligt stöd från staden som arbetsgivare.",
      row: 461,
      goal: U004.namnd,
      start: "2020-01-01",
      end: "2020-12-31",
      analysis:
        "I den verksamhet inom enheten som har flest avvikelser rapporterade avvikelser kring hot och våld har avvikelserna analyserats.",
    }),
  ];
  return model({ period: "VB", goals, indicators, activities });
}

export function budgetLine(
  partial: Partial<BudgetLine> & Pick<BudgetLine, "row" | "label" | "kind" | "tableType" | "tableId">,
): BudgetLine {
  const r = partial.row;
  return {
    sheet: "Ekonomi",
    table: "Mnkr",
    unit: "mnkr",
    budget: null,
    adjustments: null,
    changes: null,
    forecastBeforeTransfers: null,
    forecast: null,
    deviation: null,
    computedDeviation: null,
    analysis: null,
    cells: {
      label: `A${r}`,
      budget: `B${r}`,
      adjustments: `C${r}`,
      changes: `D${r}`,
      forecast: `E${r}`,
      deviation: `F${r}`,
    },
    ...partial,
  };
}

/** 002 lines 1925–1932: driftbudget, whole nämnd, with resultatdisposition. */
export function namndBudget(): BudgetLine[] {
  const t = { tableType: "driftbudget-namnd" as const, tableId: "Ekonomi!A1925" };
  const row = (
    row: number,
    label: string,
    kind: BudgetLine["kind"],
    budget: number,
    adjustments: number,
    changes: number,
    forecast: number,
    deviation: number,
  ) => budgetLine({ ...t, row, label, kind, budget, adjustments, changes, forecast, deviation });
  const disposition = (row: number, label: string, deviation: number) =>
    budgetLine({ ...t, row, label, kind: "disposition", deviation });
  return [
    row(1926, "Anslag för nämndens verksamhet (netto)", "netto", 2435.3, 15.2, 16.5, 2447.1, 19.9),
    row(1927, "Intäkter", "intakter", -489.4, 0.0, -22.9, -515.3, 3.0),
    row(1928, "Kostnader", "kostnader", 2924.7, 15.2, 39.4, 2962.4, 16.9),
    disposition(1929, "Prognos/avvikelse före resultatdisposition er", 19.9),
    disposition(1930, "Resultatenheterna överskott från 2020", 76.1),
    disposition(1931, "Resultatenheterna överskott till 2022", -89.1),
    disposition(1932, "Prognos/avvikelse efter resultatdisposition er", 6.9),
  ];
}

/** 002 lines 1936–1953: driftbudget per verksamhetsområde (Budget, BJ, Prognos före/efter RÖ, Avvikelse). */
export const AREA_ROWS: [number, string, BudgetLine["kind"], number, number, number, number, number][] = [
  [1937, "Nämnd och administration", "row", 73.9, 0.0, 73.9, 73.9, 0.0],
  [1938, "Individ- ochfamiljeomsorg", "row", 290.3, 0.0, 265.5, 264.7, 25.6],
  [1939, "varav socialpsykiatri", "varav", 66.4, 0.0, 66.6, 65.8, 0.6],
  [1940, "varav vuxen", "varav", 47.4, 0.0, 47.4, 47.4, 0.0],
  [1941, "varav barn och ungdom", "varav", 176.0, 0.0, 187.0, 187.0, -11.0],
  [1942, "varav flykting", "varav", 0.5, 0.0, -35.5, -35.5, 36.0],
  [1943, "Stadsmiljöverksamhet", "row", 27.3, 1.4, 28.7, 28.7, 0.0],
  [1944, "avskrivningar", "row", 15.1, 2.6, 17.7, 17.7, 0.0],
  [1945, "internräntor", "row", 0.6, 0.4, 1.0, 1.0, 0.0],
  [1946, "Förskoleverksamhet", "row", 588.7, -12.9, 575.0, 580.5, -4.7],
  [1947, "Äldreomsorg", "row", 762.6, 0.8, 758.7, 765.3, -1.9],
  [1948, "Stöd och service till personer med funktionsnedsättning", "row", 451.5, 39.4, 497.3, 499.0, -8.1],
  [1949, "Barn, kultur och fritid", "row", 39.2, 0.0, 39.2, 39.2, 0.0],
  [1950, "Arbetsmarknadsåtgärder", "row", 24.9, 0.0, 22.9, 22.9, 2.0],
  [1951, "Ekonomiskt bistånd", "row", 161.3, 0.0, 167.3, 167.3, -6.0],
  [1952, "Övrig verksamhet", "row", 0.0, 0.0, 0.0, 0.0, 0.0],
  [1953, "Totalt", "total", 2435.3, 31.7, 2447.1, 2460.1, 6.9],
];

export function areaBudget(): BudgetLine[] {
  return AREA_ROWS.map(([row, label, kind, budget, adjustments, before, after, deviation]) =>
    budgetLine({
      tableType: "driftbudget-omrade",
      tableId: "Ekonomi!A1936",
      row,
      label,
      kind,
      budget,
      adjustments,
      forecastBeforeTransfers: before,
      forecast: after,
      deviation,
      cells: {
        label: `A${row}`,
        budget: `B${row}`,
        adjustments: `C${row}`,
        forecastBeforeTransfers: `D${row}`,
        forecast: `E${row}`,
        deviation: `F${row}`,
      },
    }),
  );
}

/** 002 lines 2244–2270: result units (tkr), gross budget and carry-over to 2022 (max 10 %). */
export const RESULT_UNIT_ROWS: [number, string, number, number][] = [
  [2245, "Utförarenheten Socialpsykiatri", 34343, 2893],
  [2247, "Gruppboendestäder Enskede-Årsta-Vantör", 103955, 10396],
  [2248, "Assistansenheten", 61489, 6149],
  [2249, "Daglig verksamhet", 22454, 2245],
  [2251, "Stureby Vård- och omsorgsboende", 72281, 7228],
  [2252, "Högdalens vård- och omsorgsboende", 119243, 10668],
  [2255, "Stureby hemtjänst", 28691, 2869],
  [2256, "Vantörs kommunala hemtjänst", 43184, 1371],
  [2260, "Örby förskolor", 44471, 4309],
  [2262, "Hagsätra förskolor", 38844, 3884],
  [2263, "Årsta 2 förskolor", 56880, 5458],
  [2268, "Årsta 3 förskolor", 39402, 753],
];

export function resultUnits(): BudgetLine[] {
  const lines = RESULT_UNIT_ROWS.map(([row, label, gross, carry]) =>
    budgetLine({
      tableType: "resultatenheter",
      tableId: "Ekonomi!A2243",
      unit: "tkr",
      row,
      label,
      kind: "row",
      extra: { grossBudget: gross, carryOverTo: carry },
      cells: { label: `A${row}`, grossBudget: `B${row}`, carryOverTo: `G${row}` },
    }),
  );
  lines.push(
    budgetLine({
      tableType: "resultatenheter",
      tableId: "Ekonomi!A2243",
      unit: "tkr",
      row: 2270,
      label: "Summa resultatenheter",
      kind: "total",
      extra: { grossBudget: 1040008, carryOverFrom: -76135, estimatedResult: -17168, carryOverTo: 89057 },
    }),
  );
  return lines;
}

/**
 * A nämnd's T1 table of none of the city's two layouts, `Mnkr | Budget 2021 | Begärda BJ | Prognos
 * helår T1 | Avvikelse` (columns B–E, header on row 5), with 002's whole-nämnd figures (lines
 * 1925–1932): the seeds hold no T1 table. Its Begärda BJ hold 002's BJ and förändringar together,
 * as 002's per-area table does (line 1955): Kostnader 15,2 + 39,4 = 54,6, Intäkter 0,0 − 22,9 =
 * −22,9, Netto 15,2 + 16,5 = 31,7 (the per-area Totalt's 31,7, line 1953). Each row's Avvikelse is
 * 002's (16,9, 3,0, 19,9). `dispositions` adds 002's rows before and after resultatdisposition
 * (19,9 + 76,1 − 89,1 = 6,9) on rows 9–12.
 */
export function t1Budget(
  options: { dispositions?: boolean; sheet?: string; header?: number } = {},
): BudgetLine[] {
  const header = options.header ?? 5;
  const t = {
    tableType: "budget-other" as const,
    tableId: `${options.sheet ?? "Ekonomi"}!A${header}`,
    sheet: options.sheet ?? "Ekonomi",
    table: "Uppföljning av driftbudget",
  };
  const cells = (r: number) => ({
    label: `A${r}`,
    budget: `B${r}`,
    adjustments: `C${r}`,
    forecast: `D${r}`,
    deviation: `E${r}`,
  });
  const row = (
    offset: number,
    label: string,
    kind: BudgetLine["kind"],
    budget: number,
    adjustments: number,
    forecast: number,
    deviation: number,
  ) => {
    const r = header + offset;
    return budgetLine({
      ...t,
      row: r,
      label,
      kind,
      budget,
      adjustments,
      forecast,
      deviation,
      cells: cells(r),
    });
  };
  const disposition = (offset: number, label: string, deviation: number) => {
    const r = header + offset;
    return budgetLine({
      ...t,
      row: r,
      label,
      kind: "disposition",
      deviation,
      cells: { label: `A${r}`, deviation: `E${r}` },
    });
  };
  const lines = [
    row(1, "Kostnader", "kostnader", 2924.7, 54.6, 2962.4, 16.9),
    row(2, "Intäkter", "intakter", -489.4, -22.9, -515.3, 3.0),
    row(3, "Netto", "netto", 2435.3, 31.7, 2447.1, 19.9),
  ];
  if (options.dispositions)
    lines.push(
      disposition(4, "Prognos/avvikelse före resultatdisposition er", 19.9),
      disposition(5, "Resultatenheterna överskott från 2020", 76.1),
      disposition(6, "Resultatenheterna överskott till 2022", -89.1),
      disposition(7, "Prognos/avvikelse efter resultatdisposition er", 6.9),
    );
  return lines;
}
