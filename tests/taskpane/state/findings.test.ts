import {
  DEFAULT_FILTER,
  filterFindings,
  goalAndDescendants,
  groupFindings,
} from "../../../src/taskpane/state/findings";
import { FINDINGS, GOALS, goal, result } from "../fixtures";

const MODEL = result().model;

describe("findings filter and grouping", () => {
  test("a goal's scope includes the goals below it, and cycles end", () => {
    expect([...goalAndDescendants(GOALS, "Uppföljning!A1")].sort()).toEqual([
      "Uppföljning!A1",
      "Uppföljning!A20",
    ]);
    const cyclic = [goal("S!A1", "S!A2", "kf-mal", null, "a"), goal("S!A2", "S!A1", "namndmal", null, "b")];
    expect(goalAndDescendants(cyclic, "S!A1").size).toBe(2);
  });

  test("a goal scope keeps the goal's and its children's findings only", () => {
    const shown = filterFindings(FINDINGS, { ...DEFAULT_FILTER, scope: "goal:Uppföljning!A1" }, MODEL);
    expect(shown.map((f) => f.cell)).toEqual(["A25", "G5", "A6"]);
  });

  test("Vad måste jag skriva? keeps analyses, outcomes and targets to write", () => {
    const shown = filterFindings(FINDINGS, { ...DEFAULT_FILTER, mustWrite: true }, MODEL);
    expect(shown.map((f) => f.code)).toEqual(["analysis-missing", "outcome-missing"]);
    const both = filterFindings(
      FINDINGS,
      { ...DEFAULT_FILTER, mustWrite: true, scope: "goal:Uppföljning!A40" },
      MODEL,
    );
    expect(both.map((f) => f.code)).toEqual(["outcome-missing"]);
  });

  test("grouping by severity drops empty groups and keeps order", () => {
    const groups = groupFindings(FINDINGS, "severity", GOALS);
    expect(groups.map((g) => [g.key, g.findings.length])).toEqual([
      ["error", 1],
      ["warning", 3],
      ["info", 1],
    ]);
  });

  test("grouping by goal follows the goals' order and puts goal-less findings last", () => {
    const groups = groupFindings(FINDINGS, "goal", GOALS);
    expect(groups.map((g) => g.key)).toEqual([
      "Uppföljning!A1",
      "Uppföljning!A20",
      "Uppföljning!A40",
      "none",
    ]);
    expect(groups[3].findings.map((f) => f.code)).toEqual(["budget-sign"]);
  });
});
