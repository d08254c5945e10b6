import type { SheetSpec } from "../../src/engine/report/spec";
import { OfficePort } from "../../src/ports/office/officePort";
import type { WritePlan } from "../../src/ports/port";
import { createFakeExcel } from "../helpers/fakeExcel";

/** The Office port renders OutCell.indent as the xlsx port does, grouped with the other looks. */

const spec: SheetSpec = {
  key: "maluppfyllelse",
  rows: [
    [
      { value: "Mål", style: "header" },
      { value: "Belopp", style: "header" },
    ],
    [{ value: "Inriktningsmål" }, { value: 1 }],
    [
      { value: "KF-mål A", indent: 1 },
      { value: 2, indent: 1 },
    ],
    [{ value: "KF-mål B", indent: 1 }, { value: 3 }],
    [{ value: "Nämndmål", indent: 2 }, null],
    [
      { value: "varav del", style: "varav" },
      { value: 4, style: "varav" },
    ],
  ],
  columnWidths: [20, 10],
};

const plan: WritePlan = {
  renames: [],
  sheets: [{ spec, name: "Målkoll Måluppfyllelse", replaces: false }],
  flags: [],
  clearFlags: [],
  state: [],
  findings: [],
};

test("indent levels: text from the left, numbers from the right, varav labels one level, varav amounts none", async () => {
  const { context, fake, workbook } = createFakeExcel({ sheets: [{ name: "Uppföljning", values: [["a"]] }] });
  await new OfficePort(context).write(plan);
  const out = workbook.sheet("Målkoll Måluppfyllelse");
  expect(out.at("A2")?.style?.indentLevel).toBeUndefined();
  expect(out.at("A3")?.style).toMatchObject({ indentLevel: 1, horizontalAlignment: "Left" });
  expect(out.at("A4")?.style).toMatchObject({ indentLevel: 1, horizontalAlignment: "Left" });
  expect(out.at("B3")?.style).toMatchObject({ indentLevel: 1, horizontalAlignment: "Right" });
  expect(out.at("B4")?.style?.indentLevel).toBeUndefined();
  expect(out.at("A5")?.style).toMatchObject({ indentLevel: 2 });
  expect(out.at("A6")?.style).toMatchObject({ indentLevel: 1, "font.italic": true });
  expect(out.at("B6")?.style).toMatchObject({ "font.italic": true });
  expect(out.at("B6")?.style?.indentLevel).toBeUndefined();
  // Grouped by look: five indented cells, four looks (A3 and A4 share one), four assignments.
  expect(fake.actions.filter((a) => a.endsWith(".format.indentLevel"))).toHaveLength(4);
});
