import { check } from "../../../src/engine";
import type { CheckResult } from "../../../src/engine";
import { reconcile } from "../../../src/engine/compare";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { lineToRow, seedLineText } from "../../helpers/seedGrid";
import { seedAtLines } from "../../helpers/seedAtLines";

/**
 * `plan-activity-dates-changed` on 003's KF 1.1 plan block (lines 439–519): its seven activities
 * (474, 475 under KF 1.1; 514–518 under the nämndmål, all 2022-01-01 – 2022-06-30 or – 2022-12-31)
 * against a T2 made from the same rows with the dates a year changes.
 */

const PLAN_FILE = "vp-2022.xlsx";
const FOLLOWUP_FILE = "t2-2022.xlsx";
const START = 1;
const END = 2;

/** The plan's sheet as the follow-up `T2 2022`, with `edit` applied to its rows by seed line. */
function followupOf(plan: SheetGrid, edit: (row: (line: number) => CellValue[]) => void): SheetGrid {
  const values = plan.values.map((row) => [...row]);
  edit((line) => values[line - plan.originRow]);
  return { ...plan, name: "T2 2022", values };
}

function checked(file: string, sheet: SheetGrid): CheckResult {
  return check({ name: file, sheets: [sheet] });
}

function reconciled(plan: CheckResult, followup: CheckResult) {
  return reconcile(
    { workbook: PLAN_FILE, model: plan.model, findings: plan.findings },
    { workbook: FOLLOWUP_FILE, model: followup.model, findings: followup.findings },
  );
}

const planSheet = seedAtLines("003-vp-kf-1.1", "VP 2022");
const plan = checked(PLAN_FILE, planSheet);

const followupSheet = followupOf(planSheet, (row) => {
  // 474: replaced by another KF:s uppdrag (002 line 295) with its own dates: no pair, so no dates compared.
  row(474).splice(0, row(474).length, ...lineToRow(seedLineText("002-t2-kf-1.1", 295)));
  // 475: the KF:s uppdrag postponed from 2022-06-30 to the year's end.
  row(475)[END] = "2022-12-31";
  // 514: started two months late, ends as planned.
  row(514)[START] = "2022-03-01";
  // 515: both dates moved, the end into the next year.
  row(515)[START] = "2022-02-01";
  row(515)[END] = "2023-06-30";
  // 516: moved to KF 1.1's table (row 476) and brought forward to 2022-09-30.
  row(476).splice(0, 0, ...row(516).slice(0, END), "2022-09-30");
  row(516).length = 0;
  // 517: the end date removed.
  row(517)[END] = null;
  // 518: the same end as an Excel date serial (44926 is 2022-12-31): not a change.
  row(518)[END] = 44926;
});
const followup = checked(FOLLOWUP_FILE, followupSheet);
const result = reconciled(plan, followup);
const datesChanged = result.findings.filter((f) => f.code === "plan-activity-dates-changed");

describe("plan-activity-dates-changed: 003 KF 1.1 plan against a T2 with moved dates", () => {
  it("one info finding per moved pair, at the follow-up's changed date cell, after the pair's other findings", () => {
    expect(
      result.findings.map((f) => [f.code, f.severity, f.workbook, `${f.sheet}!${f.cell}`, f.range, f.goal]),
    ).toEqual([
      ["plan-activity-missing", "warning", PLAN_FILE, "VP 2022!A474", undefined, "VP 2022!A439"],
      ["plan-activity-dates-changed", "info", FOLLOWUP_FILE, "T2 2022!C475", undefined, "T2 2022!A439"],
      ["plan-activity-dates-changed", "info", FOLLOWUP_FILE, "T2 2022!B514", undefined, "T2 2022!A477"],
      ["plan-activity-dates-changed", "info", FOLLOWUP_FILE, "T2 2022!C515", "B515:C515", "T2 2022!A477"],
      ["plan-goal-changed", "info", FOLLOWUP_FILE, "T2 2022!A476", undefined, "T2 2022!A439"],
      ["plan-activity-dates-changed", "info", FOLLOWUP_FILE, "T2 2022!C476", undefined, "T2 2022!A439"],
      ["plan-activity-dates-changed", "info", FOLLOWUP_FILE, "T2 2022!C517", undefined, "T2 2022!A477"],
      ["followup-unplanned", "info", FOLLOWUP_FILE, "T2 2022!A474", undefined, "T2 2022!A439"],
    ]);
  });

  it("a later end is called postponed", () => {
    expect(datesChanged[0].message).toBe(
      "Slutdatum för ”Kommunstyrelsen ska i samarbete med arbetsmarknadsnämnden och i dialog med stadsdelsnämnderna, utifrån stadens strategi för arbetsmarknadsinsatser, föreslå hur helhetsansvaret för arbetsmarknadsinsatsen Stockholmsjobb, inklusive samordning och anställning, kan åläggas arbetsmarknadsnämnden” är 2022-12-31 i uppföljningen men 2022-06-30 i planen (senarelagt).",
    );
    expect(datesChanged[0].messageEn).toBe(
      'The end date of "Kommunstyrelsen ska i samarbete med arbetsmarknadsnämnden och i dialog med stadsdelsnämnderna, utifrån stadens strategi för arbetsmarknadsinsatser, föreslå hur helhetsansvaret för arbetsmarknadsinsatsen Stockholmsjobb, inklusive samordning och anställning, kan åläggas arbetsmarknadsnämnden" is 2022-12-31 in the follow-up but 2022-06-30 in the plan (postponed).',
    );
  });

  it("a moved start alone points at the start cell", () => {
    expect([datesChanged[1].message, datesChanged[1].messageEn]).toEqual([
      "Startdatum för ”De dagliga verksamheterna och sysselsättningsverksamheterna samt boenden förstärker arbetet med att ge brukare och deltagare stöd att komma ut på arbetsmarknaden.” är 2022-03-01 i uppföljningen men 2022-01-01 i planen.",
      'The start date of "De dagliga verksamheterna och sysselsättningsverksamheterna samt boenden förstärker arbetet med att ge brukare och deltagare stöd att komma ut på arbetsmarknaden." is 2022-03-01 in the follow-up but 2022-01-01 in the plan.',
    ]);
  });

  it("both dates moved: one finding naming both", () => {
    expect([datesChanged[2].message, datesChanged[2].messageEn]).toEqual([
      "Startdatum för ”Förvaltningen ska anordna temakvällar för nyanlända på medborgarkontoret tillsammans med civilsamhället.” är 2022-02-01 i uppföljningen men 2022-01-01 i planen; slutdatum är 2023-06-30 i uppföljningen men 2022-12-31 i planen (senarelagt).",
      'The start date of "Förvaltningen ska anordna temakvällar för nyanlända på medborgarkontoret tillsammans med civilsamhället." is 2022-02-01 in the follow-up but 2022-01-01 in the plan; the end date is 2023-06-30 in the follow-up but 2022-12-31 in the plan (postponed).',
    ]);
  });

  it("an end brought forward is a change but not a postponement, also for an activity that moved goal", () => {
    expect([datesChanged[3].message, datesChanged[3].messageEn]).toEqual([
      "Slutdatum för ”Förvaltningen ska genomföra en nöjd-kund-undersökning på medborgarkontoret.” är 2022-09-30 i uppföljningen men 2022-12-31 i planen.",
      'The end date of "Förvaltningen ska genomföra en nöjd-kund-undersökning på medborgarkontoret." is 2022-09-30 in the follow-up but 2022-12-31 in the plan.',
    ]);
  });

  it("a date removed in the follow-up is missing there", () => {
    expect([datesChanged[4].message, datesChanged[4].messageEn]).toEqual([
      "Slutdatum för ”Förvaltningen ska införa besöksräkning på medborgarkontoret.” saknas i uppföljningen men är 2022-12-31 i planen.",
      'The end date of "Förvaltningen ska införa besöksräkning på medborgarkontoret." is missing from the follow-up but is 2022-12-31 in the plan.',
    ]);
  });

  it("a date only the follow-up has is missing from the plan", () => {
    // The T2 as the plan and the VP as its follow-up: 517's end is now on the follow-up's side only.
    const swapped = reconciled(followup, plan).findings.find((f) => f.cell === "C517")!;
    expect([swapped.code, swapped.workbook, swapped.sheet, swapped.message, swapped.messageEn]).toEqual([
      "plan-activity-dates-changed",
      FOLLOWUP_FILE,
      "VP 2022",
      "Slutdatum för ”Förvaltningen ska införa besöksräkning på medborgarkontoret.” är 2022-12-31 i uppföljningen men saknas i planen.",
      'The end date of "Förvaltningen ska införa besöksräkning på medborgarkontoret." is 2022-12-31 in the follow-up but missing from the plan.',
    ]);
  });

  it("unchanged dates, also written as an Excel serial, give nothing", () => {
    expect(followup.model.activities.find((a) => a.row === 518)).toMatchObject({
      start: "2022-01-01",
      end: "2022-12-31",
    });
    expect(result.findings.filter((f) => /\d+$/.exec(f.cell)![0] === "518")).toEqual([]);
  });

  it("an end written as a month in the plan is the month's last day: no change against that day", () => {
    const monthPlan = checked(
      PLAN_FILE,
      followupOf(planSheet, (row) => {
        row(518)[END] = "2022-12";
      }),
    );
    expect(monthPlan.model.activities.find((a) => a.row === 518)?.end).toBe("2022-12-31");
    expect(reconciled(monthPlan, plan).findings).toEqual([]);
  });

  it("a follow-up whose tables have no Startdatum column compares only the end dates", () => {
    const noStart = checked(
      FOLLOWUP_FILE,
      followupOf(planSheet, (row) => {
        // The two activity tables' header rows (473, 513) and rows, without their second column.
        for (const line of [473, 474, 475, 513, 514, 515, 516, 517, 518]) row(line).splice(START, 1);
      }),
    );
    expect(noStart.model.activities.map((a) => [a.row, a.start, a.end])).toEqual([
      [474, null, "2022-06-30"],
      [475, null, "2022-06-30"],
      [514, null, "2022-12-31"],
      [515, null, "2022-12-31"],
      [516, null, "2022-12-31"],
      [517, null, "2022-12-31"],
      [518, null, "2022-12-31"],
    ]);
    expect(reconciled(plan, noStart).findings).toEqual([]);
  });

  it("a date the follow-up cannot read is left to activity-dates, not called missing", () => {
    const unreadable = checked(
      FOLLOWUP_FILE,
      followupOf(planSheet, (row) => {
        row(517)[END] = "vecka 50";
      }),
    );
    expect(unreadable.findings.map((f) => [f.code, f.cell])).toEqual([["activity-dates", "C517"]]);
    expect(reconciled(plan, unreadable).findings).toEqual([]);
  });
});
