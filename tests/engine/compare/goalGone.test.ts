import { check } from "../../../src/engine";
import { reconcile } from "../../../src/engine/compare";
import type { SheetGrid } from "../../../src/engine/grid";
import { seedAtLines } from "../../helpers/seedAtLines";

/**
 * 000's förskola block: the Nämndmål's activities stand above the unit's Enhetsmål (”Gruppen är en
 * tillgång …”), which owns them. A follow-up that leaves the Enhetsmål out has the same activities
 * under the Nämndmål: they did not move, their goal is missing, and the message must say so.
 */
const PLAN_FILE = "plan-2021.xlsx";
const FOLLOWUP_FILE = "vb-2021.xlsx";
const ENHETSMAL = /^Enhetsmål: Gruppen är en tillgång/;

function withoutUnitGoal(sheet: SheetGrid): SheetGrid {
  const values = sheet.values.map((row) => (ENHETSMAL.test(String(row[0] ?? "")) ? [] : [...row]));
  return { ...sheet, values };
}

const sheet = seedAtLines("000-vb-enhet-forskola", "VB 2021");
const plan = check({ name: PLAN_FILE, sheets: [sheet] });
const followup = check({ name: FOLLOWUP_FILE, sheets: [withoutUnitGoal(sheet)] });
const result = reconcile(
  { workbook: PLAN_FILE, model: plan.model },
  { workbook: FOLLOWUP_FILE, model: followup.model },
);

describe("reconcile: a unit goal left out of the follow-up", () => {
  const moved = result.findings.filter((f) => f.code === "plan-goal-changed");

  it("finds the goal's activities elsewhere, not missing", () => {
    expect(result.matched.filter((m) => m.kind === "goal" && m.followup === null)).toHaveLength(1);
    expect(moved.length).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.code === "plan-activity-missing")).toEqual([]);
  });

  it("names the missing goal once, at the plan's heading cell, in the plan's file", () => {
    const gone = result.findings.filter((f) => f.code === "plan-goal-missing");
    const heading = sheet.values.findIndex((row) => ENHETSMAL.test(String(row[0] ?? "")));
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatchObject({
      severity: "warning",
      workbook: PLAN_FILE,
      sheet: "VB 2021",
      cell: `A${sheet.originRow + heading}`,
    });
    expect(gone[0].message).toMatch(
      // The heading ends its sentence: no second full stop after the quote.
      /^Planerat mål saknas i uppföljningen: ”Enhetsmål: Gruppen är en tillgång[^”]*på\.”$/,
    );
  });

  it("says the plan's goal is missing, not that the activity was moved", () => {
    for (const f of moved) {
      expect(f.message).toMatch(
        /låg i planen under ”Enhetsmål: Gruppen är en tillgång[^”]*”, som saknas i uppföljningen; där ligger den under ”/,
      );
      expect(f.message).not.toContain("ligger nu under");
      expect(f.messageEn).toContain("which is missing from the follow-up; there it is under");
    }
  });
});
