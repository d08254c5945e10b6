import { emptyRecognition } from "../../src/engine/recognise";
import type { CheckResult } from "../../src/engine";
import { DEFAULT_SETTINGS } from "../../src/engine/settings";
import { emptyState } from "../../src/engine/state";
import type { Finding } from "../../src/engine/findings";
import { finding } from "../../src/engine/findings";
import { emptyCounts } from "../../src/engine/model/goals";
import type { BudgetLine, Goal } from "../../src/engine/model/types";
import { MemoryPort } from "../../src/ports/memory/memoryPort";
import type { WorkbookSnapshot } from "../../src/engine/grid";
import { check } from "../../src/engine";
import { plainSheet, seedSheet, snapshotOf } from "../helpers/seedGrid";
import { seedAtLines } from "../helpers/seedAtLines";

const counts = emptyCounts();

export function goal(
  id: string,
  parent: string | null,
  level: Goal["level"],
  number: string | null,
  title: string,
): Goal {
  const [sheet, cell] = id.split("!");
  return {
    id,
    parent,
    level,
    number,
    title,
    sheet,
    row: Number(cell.replace(/\D/g, "")),
    statedAssessment: null,
    suggestedAssessment: null,
    counts,
    assessmentCell: null,
  };
}

export const GOALS: Goal[] = [
  goal("Uppföljning!A1", null, "kf-mal", "1.1", "Självförsörjning"),
  goal("Uppföljning!A20", "Uppföljning!A1", "namndmal", "1.1.1", "Invånare försörjer sig själva"),
  goal("Uppföljning!A40", null, "kf-mal", "1.2", "Trygg stad"),
];

export const FINDINGS: Finding[] = [
  finding({
    code: "budget-sign",
    sheet: "Ekonomi",
    cell: "B3",
    message: "Intäkter ska vara negativa",
    messageEn: "Income should be negative",
  }),
  finding({
    code: "analysis-missing",
    sheet: "Uppföljning",
    cell: "A25",
    goal: "Uppföljning!A20",
    message: "Analys saknas",
    messageEn: "Analysis missing",
  }),
  finding({
    code: "target-less-ambitious",
    sheet: "Uppföljning",
    cell: "G5",
    goal: "Uppföljning!A1",
    message: "Årsmålet är mindre ambitiöst",
    messageEn: "Less ambitious",
  }),
  finding({
    code: "outcome-missing",
    sheet: "Uppföljning",
    cell: "B45",
    goal: "Uppföljning!A40",
    message: "Utfall saknas",
    messageEn: "Outcome missing",
  }),
  finding({
    code: "direction-unknown",
    sheet: "Uppföljning",
    cell: "A6",
    goal: "Uppföljning!A1",
    message: "Riktning okänd",
    messageEn: "Direction unknown",
  }),
];

export function result(partial: Partial<CheckResult> = {}): CheckResult {
  return {
    model: {
      workbook: "t.xlsx",
      period: { kind: "T2", year: 2021, source: "cell" },
      goals: GOALS,
      indicators: [],
      activities: [],
      budget: [],
    },
    findings: FINDINGS,
    derived: [],
    duplicates: [],
    settings: { ...DEFAULT_SETTINGS },
    state: emptyState(),
    recognition: emptyRecognition(),
    ...partial,
  };
}

const line = (sheet: string, row: number, label: string, tableType: BudgetLine["tableType"]): BudgetLine => ({
  sheet,
  row,
  table: tableType,
  kind: "row",
  label,
  unit: tableType === "resultatenheter" ? "tkr" : "mnkr",
  budget: 1,
  adjustments: null,
  changes: null,
  forecastBeforeTransfers: null,
  forecast: 1,
  deviation: 0,
  computedDeviation: 0,
  analysis: null,
  cells: {},
  tableType,
  tableId: `${sheet}!A1`,
});

/** The fixture goals plus a nämnd's areas (Ekonomi) and a result unit (Resultatenheter). */
export const MODEL_WITH_UNITS = {
  ...result().model,
  budget: [
    line("Ekonomi", 3, "Äldreomsorg", "driftbudget-omrade"),
    line("Ekonomi", 4, "Individ- och familjeomsorg", "driftbudget-omrade"),
    { ...line("Ekonomi", 9, "Totalt", "driftbudget-omrade"), kind: "total" as const },
    line("Resultatenheter", 6, "Hemtjänst Årsta", "resultatenheter"),
  ],
};

/** A plan's indicator table (resursenheten-plan-2021.xlsx rows 590–595), without a year in it, on sheet `sheet`. */
export function planWithoutYear(sheet = "Blad1"): MemoryPort {
  return new MemoryPort({
    name: "resursenheten-plan-2021.xlsx",
    sheets: [
      {
        name: sheet,
        visibility: "visible",
        originRow: 1,
        originCol: 1,
        values: [
          ["KF:s mal for verksamhetsomradet:", null, null, null],
          ["2.5. Stockholm ar en hallbar stad med en god livsmiljo", null, null, null],
          [null, null, null, null],
          ["Indikator", "Arsmal", "KF:s arsmal", "Periodicitet"],
          [
            "U Klimatpaverkan fran upphandlade livsmedel och maltider",
            null,
            "1,8 kg CO2 per kg livsmedel",
            "Ar",
          ],
          ["U Totalt kdpt energi i stadens verksamheter", null, "1945 GWh", "Ar"],
        ],
      },
    ],
  });
}

/**
 * A nämnd's shared workbook where unit managers each own a sheet, from the seeds: 002's KF 1.1
 * with row 284 hidden (its rows-hidden note), a side list Målkoll cannot read (openpyxl-features'
 * `Lista`: only an unreadable block), 002's Driftbudget, 000's förskola unit under a name with a
 * space, an apostrophe and Å, 003's budget (errors, so its findings sort before the rest) and a
 * hidden sheet (000's miljö and ekonomi: its sheet-hidden note). Check it as T2 2021 (SHARED_PERIOD).
 */
export function sharedWorkbook(): WorkbookSnapshot {
  return snapshotOf(
    { ...seedAtLines("002-t2-kf-1.1"), hiddenRows: [284] },
    {
      ...plainSheet("Lista", [
        ["Enhet", "Antal"],
        ["Skarpnäck", 12],
        ["Farsta", 7],
      ]),
      listObjects: [{ name: "Tabell1", range: "A1:B3" }],
    },
    seedSheet("002-t2-driftbudget", "Ekonomi"),
    seedSheet("000-vb-enhet-forskola", "Förskolan Åkern's mål 2021"),
    seedSheet("003-vp-budget", "Budget"),
    seedSheet("000-vb-enhet-miljo-ekonomi", "Miljö", { visibility: "hidden" }),
  );
}

export const SHARED_PERIOD = { period: { kind: "T2" as const, year: 2021 } };

export function checkShared(snapshot: WorkbookSnapshot = sharedWorkbook()): CheckResult {
  return check(snapshot, SHARED_PERIOD);
}
