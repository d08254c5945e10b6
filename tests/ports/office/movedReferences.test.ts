/**
 * Over the Office port: a row inserted in the user's Driftbudget sheet between two runs. Excel
 * moves the cells below it and the references of every formula that points at them, Målkoll
 * Driftbudget's among them; that is no hand edit, and the next run rewrites the sheet in place. A number typed over one of their formulas still is one.
 */
import { runGenerate } from "../../../src/app/run";
import { a1 } from "../../../src/engine/grid";
import { contextFor, createFakeExcel } from "../../helpers/fakeExcel";
import type { FakeWorkbook } from "../../helpers/fakeExcel/model";
import { seedAtLines } from "../../helpers/seedAtLines";
import { NOW, webPort } from "./support";

/** As Excel inserts a row above 1-based row `at` of `sheetName`: cells move down, references follow. */
function insertRowAsExcel(workbook: FakeWorkbook, sheetName: string, at: number): void {
  const source = workbook.sheet(sheetName);
  const cells = [...source.cells];
  source.cells.clear();
  for (const [key, cell] of cells) {
    const [r, c] = key.split(",").map(Number);
    source.cells.set(`${r + 1 >= at ? r + 1 : r},${c}`, cell);
  }
  const reference = new RegExp(`('${sheetName}'|${sheetName})!(\\$?[A-Z]+)(\\$?)(\\d+)`, "g");
  for (const sheet of workbook.sheets)
    for (const cell of sheet.cells.values())
      if (cell.formula)
        cell.formula = cell.formula.replace(
          reference,
          (_, name: string, col: string, abs: string, row: string) =>
            `${name}!${col}${abs}${Number(row) >= at ? Number(row) + 1 : Number(row)}`,
        );
}

async function generatedOnce() {
  const grid = seedAtLines("002-t2-driftbudget.txt", "Driftbudget");
  // The seed's figures as the workbook holds them: numbers (the text has `2 435,3`).
  const values = grid.values.map((row) =>
    row.map((v) =>
      typeof v === "string" && /^-?\d{1,3}( \d{3})*(,\d+)?$/.test(v)
        ? Number(v.replace(/ /g, "").replace(",", "."))
        : v,
    ),
  );
  const { workbook } = createFakeExcel({
    sheets: [{ name: grid.name, origin: a1(grid.originRow, grid.originCol), values }],
  });
  await runGenerate(webPort(contextFor(workbook).context), { host: "excel", now: NOW });
  return workbook;
}

/** Formulas of a sheet, in its cells' order. */
const formulasOf = (workbook: FakeWorkbook, name: string) =>
  [...workbook.sheet(name).cells.values()].map((c) => c.formula).filter((f): f is string => !!f);

it("a row inserted above the source table: the formulas Excel moved are no hand edit, and the tables are made again", async () => {
  const workbook = await generatedOnce();
  const before = formulasOf(workbook, "Målkoll Driftbudget");
  expect(before.filter((f) => /Driftbudget'?!/.test(f)).length).toBeGreaterThan(10);
  insertRowAsExcel(workbook, "Driftbudget", 1);
  const moved = formulasOf(workbook, "Målkoll Driftbudget");
  expect(moved).not.toEqual(before);

  const { plan, result } = await runGenerate(webPort(contextFor(workbook).context), {
    host: "excel",
    now: NOW,
  });
  expect(plan.renames).toEqual([]);
  expect([...result.findings, ...plan.findings].map((f) => f.code)).not.toContain("generated-table-edited");
  expect(workbook.sheets.map((s) => s.name).filter((n) => n.includes("(red "))).toEqual([]);
  // Made again over the source as it stands: what Excel moved them to.
  expect(formulasOf(workbook, "Målkoll Driftbudget")).toEqual(moved);
});

it("a number typed over one of Målkoll Driftbudget's formulas is a hand edit: kept under another name", async () => {
  const workbook = await generatedOnce();
  insertRowAsExcel(workbook, "Driftbudget", 1);
  const cell = [...workbook.sheet("Målkoll Driftbudget").cells.values()].find((c) => c.formula)!;
  delete cell.formula;
  cell.value = 12345;
  const { plan } = await runGenerate(webPort(contextFor(workbook).context), { host: "excel", now: NOW });
  expect(plan.renames).toEqual([
    { from: "Målkoll Driftbudget", to: expect.stringMatching(/^Driftbudget \(red /) },
  ]);
  expect(plan.findings.map((f) => f.code)).toContain("generated-table-edited");
});
