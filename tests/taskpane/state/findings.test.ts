import {
  DEFAULT_FILTER,
  filterFindings,
  goalAndDescendants,
  groupFindings,
  scopeOptions,
} from "../../../src/taskpane/state/findings";
import { finding } from "../../../src/engine/findings";
import type { FindingCode } from "../../../src/engine/findings";
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

  test("the scope list nests a goal only under the goals its choice includes", () => {
    // A unit's VB over two sheets: the first has inriktningsmål 1 above KF 1.1; the second starts
    // at KF 3.2 with nothing above it. Indented by level, 3.2 sat under inriktningsmål 1, whose
    // choice leaves out 3.2's findings.
    const goals = [
      goal("Mål!A3", null, "inriktningsmal", "1", "En modern storstad"),
      goal("Mål!A5", "Mål!A3", "kf-mal", "1.1", "Självförsörjande"),
      goal("Mål!A23", "Mål!A5", "enhetsmal", null, "Brukarna förbereds"),
      goal("Personal!A1", null, "kf-mal", "3.2", "Skattemedlen effektivt"),
      goal("Personal!A10", "Personal!A1", "namndmal", null, "Attraktiv arbetsgivare"),
      goal("Personal!A16", "Personal!A10", "enhetsmal", null, "God arbetsgivare"),
    ];
    const options = scopeOptions({ ...MODEL, goals }).goals;
    expect(options.map((o) => [o.label, o.depth])).toEqual([
      ["1 En modern storstad", 0],
      ["1.1 Självförsörjande", 1],
      ["Brukarna förbereds", 2],
      ["3.2 Skattemedlen effektivt", 0],
      ["Attraktiv arbetsgivare", 1],
      ["God arbetsgivare", 2],
    ]);
    // Each option indented deeper than the one before is inside that one's scope.
    for (let i = 1; i < options.length; i++) {
      if (options[i].depth <= options[i - 1].depth) continue;
      const above = options[i - 1].value.slice("goal:".length);
      expect(goalAndDescendants(goals, above).has(options[i].value.slice("goal:".length))).toBe(true);
    }
    const cyclic = [goal("S!A1", "S!A2", "kf-mal", null, "a"), goal("S!A2", "S!A1", "namndmal", null, "b")];
    expect(scopeOptions({ ...MODEL, goals: cyclic }).goals.map((o) => o.depth)).toEqual([1, 1]);
  });

  test("the scope list puts each goal right under its parent, also one on another sheet", () => {
    // A nämnd's goals on Mål, a unit's own goals on Enhet under a KF mål on Mål. In model order
    // the unit's nämndmål came after Enhet's root and, indented by its two goals above, sat under
    // that unrelated root.
    const goals = [
      goal("Mål!A3", null, "inriktningsmal", "1", "En modern storstad"),
      goal("Mål!A5", "Mål!A3", "kf-mal", "1.1", "Självförsörjande"),
      goal("Mål!A9", null, "inriktningsmal", "2", "En hållbar stad"),
      goal("Mål!A11", "Mål!A9", "kf-mal", "2.1", "Klimatsmart"),
      goal("Enhet!A1", null, "kf-mal", "3.2", "Skattemedlen effektivt"),
      goal("Enhet!A4", "Mål!A5", "namndmal", null, "Fler i arbete"),
      goal("Enhet!A8", "Enhet!A4", "enhetsmal", null, "Brukarna förbereds"),
      goal("Enhet!A12", "Mål!A3", "kf-mal", "1.2", "Trygg stad"),
      goal("Enhet!A15", "Saknas!A1", "namndmal", null, "Förälder som inte lästes"),
    ];
    const options = scopeOptions({ ...MODEL, goals }).goals;
    expect(options.map((o) => [o.label, o.depth])).toEqual([
      ["1 En modern storstad", 0],
      ["1.1 Självförsörjande", 1],
      ["Fler i arbete", 2],
      ["Brukarna förbereds", 3],
      ["1.2 Trygg stad", 1],
      ["2 En hållbar stad", 0],
      ["2.1 Klimatsmart", 1],
      ["3.2 Skattemedlen effektivt", 0],
      ["Förälder som inte lästes", 0],
    ]);
    // Whatever the order: the nearest option above with one step less indentation is the parent.
    const byValue = new Map(goals.map((g) => [`goal:${g.id}`, g]));
    options.forEach((o, i) => {
      if (o.depth === 0) return;
      const above = options
        .slice(0, i)
        .reverse()
        .find((p) => p.depth === o.depth - 1);
      expect(above && byValue.get(above.value)?.id).toBe(byValue.get(o.value)?.parent);
    });
    // Goals in a cycle reach no root and are still offered, each once.
    const cyclic = [
      goal("S!A1", "S!A2", "kf-mal", null, "a"),
      goal("S!A3", null, "kf-mal", null, "c"),
      goal("S!A2", "S!A1", "namndmal", null, "b"),
    ];
    expect(scopeOptions({ ...MODEL, goals: cyclic }).goals.map((o) => o.label)).toEqual(["c", "a", "b"]);
  });

  test("grouped by goal, the goals' groups follow the tree as the scope list does", () => {
    const goals = [
      goal("Mål!A3", null, "inriktningsmal", "1", "En modern storstad"),
      goal("Mål!A9", null, "inriktningsmal", "2", "En hållbar stad"),
      goal("Enhet!A4", "Mål!A3", "namndmal", null, "Fler i arbete"),
    ];
    const on = (g: string) =>
      finding({
        code: "analysis-missing",
        sheet: "Enhet",
        cell: "A5",
        goal: g,
        message: "m",
        messageEn: "m",
      });
    const groups = groupFindings([on("Mål!A9"), on("Enhet!A4"), on("Mål!A3")], "goal", goals);
    expect(groups.map((g) => g.key)).toEqual(["Mål!A3", "Enhet!A4", "Mål!A9"]);
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

  test("grouping by goal puts notes about the workbook or a sheet apart from Utan mål, last", () => {
    const about = (code: FindingCode, goal: string | null = null) =>
      finding({ code, sheet: "Uppföljning", cell: "A9", goal, message: "m", messageEn: "m" });
    const groups = groupFindings(
      [
        about("rows-hidden"),
        ...FINDINGS,
        about("sheet-hidden"),
        about("rows-hidden", "Uppföljning!A40"),
        about("period-unknown"),
        about("header-unrecognized"),
        about("formula-not-calculated"),
      ],
      "goal",
      GOALS,
    );
    expect(groups.map((g) => [g.key, g.findings.map((f) => f.code)])).toEqual([
      ["Uppföljning!A1", ["target-less-ambitious", "direction-unknown"]],
      ["Uppföljning!A20", ["analysis-missing"]],
      ["Uppföljning!A40", ["outcome-missing", "rows-hidden"]],
      ["none", ["budget-sign"]],
      [
        "workbook",
        ["rows-hidden", "sheet-hidden", "period-unknown", "header-unrecognized", "formula-not-calculated"],
      ],
    ]);
  });
});
