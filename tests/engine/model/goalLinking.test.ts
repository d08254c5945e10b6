/**
 * A row's `Mål` cell names its goal by number or title (case and spacing aside), preferring the
 * goal met first and, when the row states a level, the goal at that level. A system export's goal
 * list has thousands of goals: the lookup must not compare each row with every goal (review 16: a
 * list of 10 000 goals with 10 000 indicators spent seconds comparing titles).
 */
import { assignGoals, type GoalCell } from "../../../src/engine/model/attach";
import { emptyCounts } from "../../../src/engine/model/goals";
import type { Activity, Goal, GoalLevel } from "../../../src/engine/model/types";

function goal(id: string, level: GoalLevel, number: string | null, title: string): Goal {
  return {
    id,
    parent: null,
    level,
    number,
    title,
    sheet: "Mål",
    row: 1,
    statedAssessment: null,
    suggestedAssessment: null,
    counts: emptyCounts(),
    assessmentCell: null,
  };
}

function activity(row: number): Activity {
  return {
    name: `A${row}`,
    sheet: "Aktiviteter",
    row,
    goal: null,
    start: null,
    end: null,
    deviation: false,
    status: null,
    statusText: null,
    analysis: null,
    cells: {},
  };
}

/** Links one activity per Mål cell; returns each activity's goal id and the goals afterwards. */
function link(
  goals: Goal[],
  cells: (string | [string, GoalLevel])[],
): { linked: (string | null)[]; goals: Goal[] } {
  const activities = cells.map((_, i) => activity(i + 2));
  const goalCells = new Map<Activity, GoalCell>();
  cells.forEach((c, i) => {
    const [text, level] = typeof c === "string" ? [c, undefined] : c;
    goalCells.set(
      activities[i],
      level ? { text, address: `B${i + 2}`, level } : { text, address: `B${i + 2}` },
    );
  });
  assignGoals(goals, [], activities, goalCells);
  return { linked: activities.map((a) => a.goal), goals };
}

test("a title names its goal whatever its case and spacing, a number its numbered goal", () => {
  const goals = [
    goal("g1", "namndmal", "1.1.1", "Barnen lär sig"),
    goal("g2", "namndmal", "1.1.2", "Tryggt"),
  ];
  expect(link(goals, ["barnen  LÄR sig", "1.1.2", "Nämndmål: 1.1.1"]).linked).toEqual(["g1", "g2", "g1"]);
});

test("a cell whose number and title name different goals links the one met first", () => {
  const a = goal("a", "namndmal", "1.1.1", "Barnen lär sig");
  const b = goal("b", "namndmal", "1.1.2", "Tryggt");
  expect(link([a, b], ["1.1.2 Barnen lär sig"]).linked).toEqual(["a"]);
  expect(link([b, a], ["1.1.2 Barnen lär sig"]).linked).toEqual(["b"]);
});

test("a name at two levels: the row's stated level picks, else the first; a level no goal has keeps the first", () => {
  const goals = [
    goal("n", "namndmal", "1.1.1", "Barnen lär sig"),
    goal("e1", "enhetsmal", null, "Barnen lär sig"),
    goal("e2", "enhetsmal", "1.1.1", "Barnen lär sig"),
  ];
  expect(
    link(goals, [
      ["Barnen lär sig", "enhetsmal"],
      "Barnen lär sig",
      ["Barnen lär sig", "kf-mal"],
      ["1.1.1", "enhetsmal"],
    ]).linked,
  ).toEqual(["e1", "n", "n", "e2"]);
});

test("a goal the cells make is named by later cells, and its parent found by number", () => {
  const { linked, goals } = link(
    [goal("kf", "kf-mal", "1.1", "Stockholm växer")],
    ["1.1.4 Nytt mål", "nytt MÅL", "1.1.4.2 Under det nya", "1.2.1 Utan förälder"],
  );
  expect(linked).toEqual(["Aktiviteter!B2", "Aktiviteter!B2", "Aktiviteter!B4", "Aktiviteter!B5"]);
  expect(goals.map((g) => [g.id, g.parent])).toEqual([
    ["kf", null],
    ["Aktiviteter!B2", "kf"],
    ["Aktiviteter!B4", "Aktiviteter!B2"],
    ["Aktiviteter!B5", null],
  ]);
});

test("each goal's title and number are read a few times, not once per row", () => {
  const n = 2000;
  let reads = 0;
  const goals = Array.from({ length: n }, (_, i) => {
    const g = goal(`g${i}`, "namndmal", `1.1.${i + 1}`, `Mål nummer ${i} om kvalitet`);
    const { title, number } = g;
    Object.defineProperty(g, "title", { get: () => (reads++, title) });
    Object.defineProperty(g, "number", { get: () => (reads++, number) });
    return g;
  });
  const cells = Array.from({ length: n }, (_, i) => `Mål nummer ${n - 1 - i} om kvalitet`);
  const { linked } = link(goals, cells);
  expect(linked[0]).toBe(`g${n - 1}`);
  expect(linked[n - 1]).toBe("g0");
  expect(reads).toBeLessThan(4 * n);
});
