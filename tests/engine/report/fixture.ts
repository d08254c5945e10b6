/**
 * A hand-built check result from real rows of the T2 2021 report (seed 002): KF mål 1.1 and its
 * nämndmål (lines 271–297), nämndmål 1.4.2's activities (lines 1038–1050), the hemtjänst
 * indicator with `Max 10 personer` (line 1156) and both operating-budget tables (lines 1925–1953).
 * Numbers are copied from the seed; sheet positions are made up for a plausible workbook.
 * Changes from the seed, for the tests' sake: the Missbruksvården activity has no analysis here.
 */
import { emptyRecognition } from "../../../src/engine/recognise";
import type { CheckResult } from "../../../src/engine/index";
import type { Finding } from "../../../src/engine/findings";
import { finding } from "../../../src/engine/findings";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../../src/engine/grid";
import type {
  Activity,
  BudgetKind,
  BudgetLine,
  Goal,
  GoalCounts,
  Indicator,
  Model,
} from "../../../src/engine/model/types";
import { emptyCounts } from "../../../src/engine/evaluate/goals";
import { DEFAULT_SETTINGS } from "../../../src/engine/settings";
import { emptyState } from "../../../src/engine/state";
import {
  activity as baseActivity,
  budgetLine,
  indicator as baseIndicator,
  SHEET,
} from "../evaluate/fixtures";

const counts = (c: Partial<GoalCounts> = {}): GoalCounts => ({ ...emptyCounts(), ...c });

const S = SHEET;

export const goals: Goal[] = [
  {
    id: `${S}!A2`,
    parent: null,
    level: "inriktningsmal",
    number: "1",
    title: "En modern storstad med möjligheter och valfrihet för alla",
    sheet: S,
    row: 2,
    statedAssessment: null,
    suggestedAssessment: null,
    counts: counts(),
    assessmentCell: null,
  },
  {
    id: `${S}!A4`,
    parent: `${S}!A2`,
    level: "kf-mal",
    number: "1.1",
    title: "I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
    sheet: S,
    row: 4,
    statedAssessment: "delvis",
    suggestedAssessment: "ej",
    counts: counts({ met: 1, notMet: 3, activities: 1 }),
    assessmentCell: "A5",
  },
  {
    id: `${S}!A20`,
    parent: `${S}!A4`,
    level: "namndmal",
    number: "1.1.1",
    title: "Invånare i stadsdelsområdet försörjer sig själva",
    sheet: S,
    row: 20,
    statedAssessment: "delvis",
    suggestedAssessment: "helt",
    counts: counts({ met: 1 }),
    assessmentCell: "A21",
  },
  {
    id: `${S}!A30`,
    parent: null,
    level: "namndmal",
    number: "1.4.2",
    title: "Barn, unga och vuxna i behov av stöd får insatser av hög kvalitet.",
    sheet: S,
    row: 30,
    statedAssessment: "helt",
    suggestedAssessment: "delvis",
    counts: counts({ activities: 3, activitiesWithDeviation: 2 }),
    assessmentCell: "A31",
  },
  {
    id: `${S}!A40`,
    parent: null,
    level: "kf-mal",
    number: "1.5",
    title: "I Stockholm har äldre en tillvaro som präglas av hög kvalitet, trygghet och självbestämmande",
    sheet: S,
    row: 40,
    statedAssessment: "helt",
    suggestedAssessment: null,
    counts: counts({ notMeasured: 1 }),
    assessmentCell: "A41",
  },
];

/** The evaluate tests' indicator, already evaluated as met and with all nine columns' cells. */
function indicator(p: Partial<Indicator> & Pick<Indicator, "name" | "row" | "goal">): Indicator {
  const r = p.row;
  return baseIndicator({
    direction: "higher",
    status: "met",
    kfStatus: "met",
    periodText: "Tertial 2 2021",
    cells: {
      name: `A${r}`,
      outcome: `B${r}`,
      outcomeMen: `C${r}`,
      outcomeWomen: `D${r}`,
      previous: `E${r}`,
      forecast: `F${r}`,
      target: `G${r}`,
      kfTarget: `H${r}`,
      period: `I${r}`,
    },
    ...p,
  });
}

/** In the model's (workbook's) order — deliberately not alphabetical. */
export const indicators: Indicator[] = [
  indicator({
    name: "Antal tillhandahållna platser för feriejobb",
    row: 6,
    goal: `${S}!A4`,
    unit: "st",
    outcome: 446,
    previous: 422,
    forecast: 500,
    target: 800,
    targetKind: "value",
    targetText: "800 st",
    kfTargetKind: "delegated",
    kfTargetText: "Tas fram av nämnd",
    status: "not-met",
    kfStatus: "no-target",
    analysis:
      "På grund av pandemin har feriejobb inte har kunnat erbjudas i förvaltningen inom äldreomsorgen och förskolan.",
  }),
  indicator({
    name: "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen",
    row: 7,
    goal: `${S}!A4`,
    unit: "%",
    outcome: 2.13,
    outcomeMen: 1.85,
    outcomeWomen: 1.96,
    previous: 2.03,
    forecast: 2.2,
    target: 1.8,
    targetKind: "value",
    targetText: "1,8 %",
    kfTarget: 1.5,
    kfTargetKind: "value",
    kfTargetText: "1,5 %",
    direction: "lower",
    status: "not-met",
    kfStatus: "not-met",
    analysis:
      "I samband med pandemin och de konsekvenser det fick på arbetsmarknaden hade förvaltningen en ökning av hushåll som behövde ekonomiskt bistånd.",
  }),
  indicator({
    name: "Andel barn som lever i familjer som har ekonomiskt bistånd",
    row: 9,
    goal: `${S}!A4`,
    unit: "%",
    outcome: 4.1,
    previous: 3.7,
    forecast: 4,
    target: 3.3,
    targetKind: "value",
    targetText: "3,3 %",
    kfTarget: 2.7,
    kfTargetKind: "value",
    kfTargetText: "2,7 %",
    direction: "lower",
    status: "not-met",
    kfStatus: "not-met",
    analysis: null,
  }),
  indicator({
    name: "Antal aspiranter som fått Stockholmsjobb",
    row: 11,
    goal: `${S}!A4`,
    unit: "st",
    outcome: 21,
    outcomeMen: 7,
    outcomeWomen: 14,
    previous: 30,
    forecast: 44,
    target: 44,
    targetKind: "value",
    targetText: "44 st",
    kfTarget: 800,
    kfTargetKind: "value",
    kfTargetText: "800 st",
    status: "met",
    kfStatus: "not-met",
    analysis: null,
  }),
  indicator({
    name: "Antal unga 20-29 år som varken arbetar eller studerar som nåtts av uppsökande verksamhet och tagit del av arbetsmarknadsinsatser",
    row: 22,
    goal: `${S}!A20`,
    unit: null,
    outcome: 58,
    outcomeMen: 39,
    outcomeWomen: 19,
    forecast: 70,
    target: 20,
    targetKind: "value",
    targetText: "20",
    kfTargetKind: "delegated",
    kfTargetText: "Tas fram av nämnd",
    status: "met",
    kfStatus: "no-target",
  }),
  indicator({
    name: "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod",
    row: 42,
    goal: `${S}!A40`,
    unit: "personer",
    previous: 12,
    target: 10,
    targetKind: "value",
    targetText: "10",
    kfTarget: 10,
    kfTargetKind: "max",
    kfTargetText: "Max 10 personer",
    periodicity: "year",
    periodText: "2021",
    direction: "max",
    status: "not-measured",
    kfStatus: "not-measured",
  }),
];

function activity(p: Partial<Activity> & Pick<Activity, "name" | "row" | "goal">): Activity {
  return baseActivity({
    cells: { name: `A${p.row}`, start: `B${p.row}`, end: `C${p.row}`, deviation: `D${p.row}` },
    ...p,
  });
}

export const activities: Activity[] = [
  activity({
    name: "Arbetsmarknadsnämnden och utbildningsnämnden ska i samråd med socialnämnden och stadsdelsnämnderna revidera riktlinjerna för det kommunala aktivitetsansvaret",
    row: 14,
    goal: `${S}!A4`,
  }),
  activity({
    name: "Missbruksvårdens öppenvård, Öppenvård sydost, ska under året starta samtalsgrupper med föräldrar som har barn under 18 år.",
    row: 34,
    goal: `${S}!A30`,
    deviation: true,
  }),
  activity({
    name: "Kollegial observation kommer att implementeras i verksamheter inom funktionsnedsättning och socialpsykiatri för att strukturerat arbeta med bemötandefrågor.",
    row: 33,
    goal: `${S}!A30`,
    deviation: true,
    analysis: "Kollegiala observationer har inte kunnat genomföras på grund av pandemin.",
  }),
  activity({
    name: "Inventering av vilken skriftlig information som kan innehålla ett mer enkelt språk inom ramen för förvaltningens ansvarsområde.",
    row: 32,
    goal: `${S}!A30`,
  }),
];

const B = "Driftbudget";

type Amounts = [number | null, number | null, number | null, number | null, number | null];

function namndLine(
  row: number,
  kind: BudgetKind,
  label: string,
  [budget, adjustments, changes, forecast, deviation]: Amounts,
): BudgetLine {
  return budgetLine({
    sheet: B,
    row,
    kind,
    label,
    budget,
    adjustments,
    changes,
    forecast,
    deviation,
    computedDeviation:
      budget === null || forecast === null
        ? null
        : Math.round((budget + (adjustments ?? 0) + (changes ?? 0) - forecast) * 10) / 10,
    tableType: "driftbudget-namnd",
    tableId: `${B}!A3`,
  });
}

function omradeLine(
  row: number,
  kind: BudgetKind,
  label: string,
  [budget, adjustments, before, after, deviation]: Amounts,
): BudgetLine {
  return budgetLine({
    sheet: B,
    row,
    kind,
    label,
    budget,
    adjustments,
    forecastBeforeTransfers: before,
    forecast: after,
    deviation,
    computedDeviation: Math.round(((budget ?? 0) + (adjustments ?? 0) - (after ?? 0)) * 10) / 10,
    cells: {
      label: `A${row}`,
      budget: `B${row}`,
      adjustments: `C${row}`,
      forecastBeforeTransfers: `D${row}`,
      forecast: `E${row}`,
      deviation: `F${row}`,
    },
    tableType: "driftbudget-omrade",
    tableId: `${B}!A13`,
  });
}

/** Seed 002 lines 1925–1932: the whole nämnd. */
export const namndRows: [BudgetKind, string, Amounts][] = [
  ["netto", "Anslag för nämndens verksamhet (netto)", [2435.3, 15.2, 16.5, 2447.1, 19.9]],
  ["intakter", "Intäkter", [-489.4, 0.0, -22.9, -515.3, 3.0]],
  ["kostnader", "Kostnader", [2924.7, 15.2, 39.4, 2962.4, 16.9]],
  ["disposition", "Prognos/avvikelse före resultatdispositioner", [null, null, null, null, 19.9]],
  ["disposition", "Resultatenheterna överskott från 2020", [null, null, null, null, 76.1]],
  ["disposition", "Resultatenheterna överskott till 2022", [null, null, null, null, -89.1]],
  ["disposition", "Prognos/avvikelse efter resultatdispositioner", [null, null, null, null, 6.9]],
];

/** Seed 002 lines 1936–1953: per verksamhetsområde. */
export const omradeRows: [BudgetKind, string, Amounts][] = [
  ["row", "Nämnd och administration", [73.9, 0.0, 73.9, 73.9, 0.0]],
  ["row", "Individ- och familjeomsorg", [290.3, 0.0, 265.5, 264.7, 25.6]],
  ["varav", "varav socialpsykiatri", [66.4, 0.0, 66.6, 65.8, 0.6]],
  ["varav", "varav vuxen", [47.4, 0.0, 47.4, 47.4, 0.0]],
  ["varav", "varav barn och ungdom", [176.0, 0.0, 187.0, 187.0, -11.0]],
  ["varav", "varav flykting", [0.5, 0.0, -35.5, -35.5, 36.0]],
  ["row", "Stadsmiljöverksamhet", [27.3, 1.4, 28.7, 28.7, 0.0]],
  ["row", "avskrivningar", [15.1, 2.6, 17.7, 17.7, 0.0]],
  ["row", "internräntor", [0.6, 0.4, 1.0, 1.0, 0.0]],
  ["row", "Förskoleverksamhet", [588.7, -12.9, 575.0, 580.5, -4.7]],
  ["row", "Äldreomsorg", [762.6, 0.8, 758.7, 765.3, -1.9]],
  ["row", "Stöd och service till personer med funktionsnedsättning", [451.5, 39.4, 497.3, 499.0, -8.1]],
  ["row", "Barn, kultur och fritid", [39.2, 0.0, 39.2, 39.2, 0.0]],
  ["row", "Arbetsmarknadsåtgärder", [24.9, 0.0, 22.9, 22.9, 2.0]],
  ["row", "Ekonomiskt bistånd", [161.3, 0.0, 167.3, 167.3, -6.0]],
  ["row", "Övrig verksamhet", [0.0, 0.0, 0.0, 0.0, 0.0]],
  ["total", "Totalt", [2435.3, 31.7, 2447.1, 2460.1, 6.9]],
];

export const budget: BudgetLine[] = [
  ...namndRows.map(([kind, label, amounts], i) => namndLine(4 + i, kind, label, amounts)),
  ...omradeRows.map(([kind, label, amounts], i) => omradeLine(14 + i, kind, label, amounts)),
];

export function makeModel(): Model {
  return {
    workbook: "Tertialrapport 2 2021.xlsx",
    period: { kind: "T2", year: 2021, source: "cell" },
    goals: structuredClone(goals),
    indicators: structuredClone(indicators),
    activities: structuredClone(activities),
    budget: structuredClone(budget),
  };
}

export function makeFindings(): Finding[] {
  return [
    finding({
      code: "gender-split-inconsistent",
      sheet: S,
      cell: "B7",
      range: "B7:D7",
      goal: `${S}!A4`,
      message: "Totalen 2,13 % ligger utanför männens och kvinnornas utfall (1,85 % och 1,96 %).",
      messageEn: "The total lies outside the men's and women's outcomes.",
    }),
    finding({
      code: "analysis-missing",
      sheet: S,
      cell: "A34",
      goal: `${S}!A30`,
      message: "Aktiviteten är markerad med avvikelse men saknar analys.",
      messageEn: "The activity is marked as deviating but has no analysis.",
    }),
    finding({
      code: "assessment-contradicts",
      sheet: S,
      cell: "A31",
      goal: `${S}!A30`,
      message: "Målet bedöms uppfyllas helt men två aktiviteter har avvikelse.",
      messageEn: "The goal is assessed as fully met but two activities deviate.",
    }),
    finding({
      code: "budget-deviation-large",
      sheet: B,
      cell: "F15",
      goal: null,
      message: "Avvikelsen 25,6 mnkr är större än tröskeln.",
      messageEn: "The deviation 25.6 SEK m exceeds the threshold.",
    }),
  ];
}

export function makeResult(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    model: makeModel(),
    findings: makeFindings(),
    duplicates: [],
    derived: [
      {
        key: "budgetfoljsamhet-efter",
        labelSv: "Budgetföljsamhet efter resultatöverföringar",
        labelEn: "Budget adherence after transfers",
        value: 99.7,
        target: 100,
        targetKind: "value",
        met: true,
        sheet: B,
        cells: ["B30", "C30", "E30"],
      },
      {
        key: "prognossakerhet",
        labelSv: "Prognossäkerhet",
        labelEn: "Forecast accuracy",
        value: 0,
        target: 1,
        targetKind: "band",
        met: true,
        sheet: B,
        cells: [],
      },
    ],
    settings: DEFAULT_SETTINGS,
    state: emptyState(),
    recognition: emptyRecognition(),
    ...overrides,
  };
}

/**
 * The workbook behind the model: the budget sheet holds real numbers except the Intäkter row,
 * written as text the way a pasted PDF table arrives (`-489,4`).
 */
export function makeSnapshot(): WorkbookSnapshot {
  const budgetRows: CellValue[][] = [
    [],
    [],
    ["Mnkr", "Budget 2021", "Begärda BJ", "Förändringar", "Prognos", "Avvikelse"],
  ];
  namndRows.forEach(([kind, label, amounts]) => {
    const row: CellValue[] = [label, ...amounts];
    if (kind === "intakter")
      budgetRows.push([label, ...amounts.map((a) => (a === null ? null : String(a).replace(".", ",")))]);
    else budgetRows.push(row);
  });
  while (budgetRows.length < 12) budgetRows.push([]);
  budgetRows.push([
    "Mnkr",
    "Budget 2021",
    "Begärda budgetjusteringar",
    "Prognos före",
    "Prognos efter",
    "Avvikelse",
  ]);
  for (const [, label, amounts] of omradeRows) budgetRows.push([label, ...amounts]);

  const follow: CellValue[][] = [];
  const put = (row: number, values: CellValue[]): void => {
    while (follow.length < row) follow.push([]);
    follow[row - 1] = values;
  };
  // As the seed writes them: `1. En modern storstad` (line 153), `1.1 I Stockholm` (line 159).
  for (const g of goals) put(g.row, [`${g.number}${g.number?.includes(".") ? "" : "."} ${g.title}`]);
  for (const i of indicators)
    put(i.row, [
      i.name,
      i.outcome,
      i.outcomeMen,
      i.outcomeWomen,
      i.previous,
      i.forecast,
      i.targetText,
      i.kfTargetText,
      i.periodText ?? null,
    ]);
  for (const a of activities) put(a.row, [a.name, a.start, a.end, a.deviation ? "Avvikelse" : null]);

  const sheet = (name: string, values: CellValue[][]): SheetGrid => ({
    name,
    visibility: "visible",
    originRow: 1,
    originCol: 1,
    values,
  });
  return { name: "Tertialrapport 2 2021.xlsx", sheets: [sheet(S, follow), sheet(B, budgetRows)] };
}
