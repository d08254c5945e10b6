import { check } from "../../../src/engine";
import { reconcile, similarity } from "../../../src/engine/compare";
import { nameKey } from "../../../src/engine/compare/pairing";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { seedLineText, lineToRow } from "../../helpers/seedGrid";
import { seedAtLines } from "../../helpers/seedAtLines";

/**
 * The rules on 003's KF 1.1 plan block (lines 439–519): the plan as published, and a follow-up
 * made from the same rows with the changes a year brings, each at a known seed line.
 */

const PLAN_FILE = "vp-2022.xlsx";
const FOLLOWUP_FILE = "t1-2022.xlsx";

function followupOf(plan: SheetGrid): SheetGrid {
  const values = plan.values.map((row) => [...row]);
  const formats: (string | null)[][] = values.map(() => []);
  const at = (line: number) => line - plan.originRow;
  const set = (line: number, row: CellValue[]) => (values[at(line)] = row);
  // 463: the same target as a real percentage (0,027 shown as 2,7 %), and the name misspelt.
  set(463, [" Andel barn som lever i famlijer som har ekonomiskt bistand", 0.027, "2,7 %", "Tertial"]);
  formats[at(463)] = [null, "0.0 %"];
  // 467: Årsmål raised from 25 st to 30 st.
  values[at(467)][1] = "30 st";
  // 472 (blank in the plan): an indicator the plan does not have (003 line 1665, another goal's).
  set(472, lineToRow(seedLineText("003-vp-kf-3.2-indikatorer", 1665)));
  // 474: an activity dropped. 516: an activity moved from the nämndmål to KF 1.1's table (476).
  set(474, []);
  set(476, values[at(516)]);
  set(516, []);
  return { ...plan, name: "T1 2022", values, formats };
}

const planSheet = seedAtLines("003-vp-kf-1.1", "VP 2022");
const plan = check({ name: PLAN_FILE, sheets: [planSheet] });
const followup = check({ name: FOLLOWUP_FILE, sheets: [followupOf(planSheet)] });
const result = reconcile(
  { workbook: PLAN_FILE, model: plan.model },
  { workbook: FOLLOWUP_FILE, model: followup.model },
);

describe("reconcile: 003 KF 1.1 plan against a follow-up made from it", () => {
  it("reports each change once, at its cell, in the file it is in", () => {
    expect(result.findings.map((f) => [f.code, f.severity, f.workbook, `${f.sheet}!${f.cell}`])).toEqual([
      ["plan-target-changed", "warning", FOLLOWUP_FILE, "T1 2022!B467"],
      ["followup-unplanned", "info", FOLLOWUP_FILE, "T1 2022!A472"],
      ["plan-activity-missing", "warning", PLAN_FILE, "VP 2022!A474"],
      ["plan-goal-changed", "info", FOLLOWUP_FILE, "T1 2022!A476"],
    ]);
  });

  it("says what changed in words", () => {
    const [target, unplanned, missing, moved] = result.findings;
    expect(target.message).toBe(
      "Årsmål för ”Antal aspiranter som fått Stockholmsjobb” är ”30 st” i uppföljningen men ”25 st” i planen.",
    );
    expect(target.messageEn).toContain('is "30 st" in the follow-up but "25 st" in the plan');
    expect(unplanned.message).toBe(
      `Indikatorn ”Aktivt Medskapandeindex” finns inte i planen (${PLAN_FILE}).`,
    );
    expect(missing.message).toMatch(
      /^Planerad aktivitet saknas i uppföljningen: ”Kommunstyrelsen och arbetsmarknadsnämnden/,
    );
    expect(missing.message).toContain("(2022-01-01 – 2022-06-30)");
    expect(moved.message).toMatch(
      /^”Förvaltningen ska genomföra en nöjd-kund-undersökning på medborgarkontoret\.” låg i planen under ”Nämndmål: Invånarna i Hägersten-Älvsjö/,
    );
    expect(moved.message).toContain("men ligger nu under ”KF:s mål för verksamhetsområdet: 1.1 I Stockholm");
  });

  it("pairs a misspelt name and a target written as a real percentage without a finding", () => {
    const pair = result.matched.find((m) => m.plan === "VP 2022!A463");
    expect(pair).toEqual({ kind: "indicator", plan: "VP 2022!A463", followup: "T1 2022!A463" });
    expect(followup.model.indicators.find((i) => i.row === 463)).toMatchObject({ target: 2.7, unit: "%" });
  });

  it("pairs the goals: KF 1.1 by its number, the unnumbered nämndmål by its title", () => {
    expect(result.matched.filter((m) => m.kind === "goal")).toEqual([
      { kind: "goal", plan: "VP 2022!A439", followup: "T1 2022!A439" },
      { kind: "goal", plan: "VP 2022!A477", followup: "T1 2022!A477" },
    ]);
  });

  it("lists every plan indicator and activity, paired or not", () => {
    const kinds = (k: string) => result.matched.filter((m) => m.kind === k);
    expect(kinds("indicator")).toHaveLength(plan.model.indicators.length);
    expect(kinds("activity")).toHaveLength(plan.model.activities.length);
    expect(
      kinds("activity")
        .filter((m) => m.followup === null)
        .map((m) => m.plan),
    ).toEqual(["VP 2022!A474"]);
  });

  it("a workbook compared with itself has nothing to report", () => {
    const same = reconcile({ workbook: "a", model: plan.model }, { workbook: "b", model: plan.model });
    expect(same.findings).toEqual([]);
    expect(same.matched.every((m) => m.followup === m.plan)).toBe(true);
  });
});

describe("similarity of names", () => {
  it("folds diacritics and spacing, and counts OCR damage as edits", () => {
    expect(similarity(nameKey("Öppna förskolan"), nameKey("Oppna  forskolan"))).toBe(1);
    // 001 line 558 against 000 line 196: `méata`, `bestkare`.
    const score = similarity(
      nameKey("Resursenheten ska méata antalet bestkare pa introduktionsforskolans verksamhet"),
      nameKey("Resursenheten ska mäta antalet besökare på introduktionsförskolans verksamhet"),
    );
    expect(score).toBeGreaterThan(0.95);
    expect(score).toBeLessThan(1);
    expect(similarity(nameKey("Sjukfrånvaro"), nameKey("Sjukfrånvaro dag 1-14"))).toBe(0);
  });
});

describe("reconcile: a row copied under its goal is compared once", () => {
  // 003 line 463 written again at 472 (blank in the plan), as a copied row.
  const withCopy = (sheet: SheetGrid): SheetGrid => {
    const values = sheet.values.map((row) => [...row]);
    values[472 - sheet.originRow] = [...values[463 - sheet.originRow]];
    return { ...sheet, values };
  };
  const compared = (planGrid: SheetGrid, followupGrid: SheetGrid) =>
    reconcile(
      { workbook: PLAN_FILE, model: check({ name: PLAN_FILE, sheets: [planGrid] }).model },
      { workbook: FOLLOWUP_FILE, model: check({ name: FOLLOWUP_FILE, sheets: [followupGrid] }).model },
    );
  const sameSheet = { ...planSheet, name: "T1 2022" };

  it("a copy in the plan is not missing from a follow-up that has the row once: it is found where its row is", () => {
    const { findings, matched } = compared(withCopy(planSheet), sameSheet);
    expect(findings).toEqual([]);
    const indicators = matched.filter((m) => m.kind === "indicator");
    expect(indicators.every((m) => m.followup !== null)).toBe(true);
    expect(matched.find((m) => m.plan === "VP 2022!A472")).toEqual({
      kind: "indicator",
      plan: "VP 2022!A472",
      followup: "T1 2022!A463",
    });
  });

  it("a copy in the follow-up is not unplanned", () => {
    expect(compared(planSheet, withCopy(sameSheet)).findings).toEqual([]);
  });
});

describe("reconcile: copies still pair first, so what pairing finds is kept", () => {
  // Two nämndmål, each with an indicator table; `rows` gives each goal's indicators as [name, Årsmål].
  const workbook = (name: string, goals: [string, [string, number][]][]): SheetGrid => {
    const values: CellValue[][] = [];
    for (const [goal, rows] of goals) {
      values.push([`Nämndmål: ${goal}`], [], ["Indikator", "Årsmål", "Periodicitet"]);
      for (const [indicator, target] of rows) values.push([indicator, target, "Tertial"]);
      values.push([]);
    }
    return { name, visibility: "visible", originRow: 1, originCol: 1, values };
  };
  const codes = (
    planGoals: [string, [string, number][]][],
    followupGoals: [string, [string, number][]][],
  ) => {
    const planGrid = workbook("VP 2022", planGoals);
    const followupGrid = workbook("T1 2022", followupGoals);
    return reconcile(
      { workbook: PLAN_FILE, model: check({ name: PLAN_FILE, sheets: [planGrid] }).model },
      { workbook: FOLLOWUP_FILE, model: check({ name: FOLLOWUP_FILE, sheets: [followupGrid] }).model },
    ).findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`);
  };
  const G1 = "Alla barn lär sig";
  const G2 = "Alla är trygga";

  it("a plan row under another goal pairs with the follow-up's copy: the goal changed, nothing is missing", () => {
    expect(
      codes(
        [
          [G1, [["Andel nöjda", 80]]],
          [G2, [["Andel nöjda", 80]]],
        ],
        [
          [
            G1,
            [
              ["Andel nöjda", 80],
              ["Andel nöjda", 80],
            ],
          ],
          [G2, []],
        ],
      ),
    ).toEqual(["plan-goal-changed T1 2022!A5"]);
  });

  it("a plan copy whose target differs is compared with the follow-up's copy", () => {
    expect(
      codes(
        [
          [
            G1,
            [
              ["Andel nöjda", 80],
              ["Andel nöjda", 60],
            ],
          ],
        ],
        [
          [
            G1,
            [
              ["Andel nöjda", 80],
              ["Andel nöjda", 70],
            ],
          ],
        ],
      ),
    ).toEqual(["plan-target-changed T1 2022!B5"]);
  });
});
