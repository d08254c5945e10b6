/**
 * Removing flags by Målkoll's marker, per sheet: robust to rules that moved, rules a colleague's
 * run added, and user rules between Målkoll's (whose priorities shift with every deletion).
 */
import { flagRuleFormula, isMalkollRule } from "../../../src/ports/office/officePort";
import type { FakeRuleData } from "../../helpers/fakeExcel";
import { createFakeExcel } from "../../helpers/fakeExcel";
import { emptyPlan, stateRowsOf, userSheet, webPort } from "./support";

const ours = (id: string, areas: string[]): FakeRuleData => ({
  id,
  type: "Custom",
  areas,
  formula: flagRuleFormula("warning"),
  format: { "fill.color": "#FFEB9C" },
});
const theirs = (id: string, areas: string[]): FakeRuleData => ({
  id,
  type: "Custom",
  areas,
  formula: "=C4>0,05",
  format: { "fill.color": "#00FF00" },
});
const cellValue = (id: string, areas: string[]): FakeRuleData => ({
  id,
  type: "CellValue",
  areas,
  formula: null,
  format: {},
});

it("removes every Målkoll rule and only those, with user rules between them, on every sheet", async () => {
  const { context, workbook } = createFakeExcel({
    sheets: [
      {
        ...userSheet,
        // Priority order: Målkoll's rules interleaved with the user's.
        rules: [
          ours("m1", ["C4"]),
          theirs("u1", ["C4:C5"]),
          ours("m2", ["D5"]),
          cellValue("u2", ["D5"]),
          ours("m3", ["E4"]),
        ],
      },
      // A rule moved by an inserted row (not where the state says) and one a colleague's run added.
      {
        name: "Budget",
        values: [["x"]],
        rules: [ours("m4", ["B9"]), theirs("u3", ["A1"]), ours("m5", ["Z99"])],
      },
    ],
  });
  const port = webPort(context);
  await port.read();
  await port.clearFlags([{ sheet: "Uppföljning", ranges: "C4,D5" }], [["malkoll", 1]]);
  expect(workbook.sheet("Uppföljning").rules.map((r) => r.id)).toEqual(["u1", "u2"]);
  expect(workbook.sheet("Budget").rules.map((r) => r.id)).toEqual(["u3"]);
  expect(stateRowsOf(workbook)).toEqual([["malkoll", 1]]);
});

it("a rerun replaces old flags with new ones and leaves the user's rules in their order", async () => {
  const { context, workbook } = createFakeExcel({
    sheets: [{ ...userSheet, rules: [theirs("u1", ["C4:C5"]), cellValue("u2", ["D5"])] }],
  });
  await webPort(context).write(
    emptyPlan({ flags: [{ sheet: "Uppföljning", cell: "C4", severity: "error", message: "x" }] }),
  );
  expect(
    workbook
      .sheet("Uppföljning")
      .rules.filter((r) => isMalkollRule(r.formula))
      .map((r) => r.areas),
  ).toEqual([["C4"]]);
  await webPort(context).write(
    emptyPlan({
      clearFlags: [
        { sheet: "Uppföljning", ranges: "C4" },
        { sheet: "Borttagen", ranges: "A1" },
      ],
      flags: [
        { sheet: "Uppföljning", cell: "E5", severity: "warning", message: "y" },
        { sheet: "Borttagen", cell: "A1", severity: "warning", message: "z" },
      ],
    }),
  );
  expect(
    workbook
      .sheet("Uppföljning")
      .rules.map((r) => [r.id.startsWith("u") ? r.id : "malkoll", r.areas.join(",")]),
  ).toEqual([
    ["malkoll", "E5"],
    ["u1", "C4:C5"],
    ["u2", "D5"],
  ]);
});

it("saving settings (a state-only write) leaves the flags alone", async () => {
  const { context, workbook } = createFakeExcel({ sheets: [{ ...userSheet, rules: [ours("m1", ["C4"])] }] });
  const port = webPort(context);
  await port.read();
  await port.write(
    emptyPlan({
      state: [
        ["malkoll", 1],
        ["setting", "partlyMetTolerance", 0.2],
      ],
    }),
  );
  expect(workbook.sheet("Uppföljning").rules.map((r) => r.id)).toEqual(["m1"]);
  expect(stateRowsOf(workbook)).toEqual([
    ["malkoll", 1],
    ["setting", "partlyMetTolerance", 0.2],
  ]);
});

it("deleting by the loaded ids from the top, as the port once did, takes a user's rule: the fake shows it", async () => {
  const { context, workbook } = createFakeExcel({
    sheets: [{ ...userSheet, rules: [ours("m1", ["C4"]), theirs("u1", ["C4"]), ours("m2", ["C4"])] }],
  });
  const rules = context.workbook.worksheets.getItem("Uppföljning").getRange().conditionalFormats;
  rules.load("items/id,items/type,items/customOrNullObject/rule/formula");
  await context.sync();
  for (const rule of rules.items) if (isMalkollRule(rule.customOrNullObject.rule.formula)) rule.delete();
  await context.sync().catch(() => undefined);
  expect(workbook.sheet("Uppföljning").rules.map((r) => r.id)).not.toEqual(["u1"]);
});
