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

/**
 * As Excel inserts a row above 1-based row `at` of `sheetName` (`change` 1) or deletes row `at`
 * (`change` -1): the cells below move, references follow them, and references to a deleted row
 * become `#REF!`.
 */
function changeRowsAsExcel(workbook: FakeWorkbook, sheetName: string, at: number, change: 1 | -1): void {
  /** Where 1-based row `row` goes; null when it is deleted. */
  const moved = (row: number): number | null =>
    change === -1 && row === at ? null : row > at || (change === 1 && row === at) ? row + change : row;
  const source = workbook.sheet(sheetName);
  const cells = [...source.cells];
  source.cells.clear();
  for (const [key, cell] of cells) {
    const [r, c] = key.split(",").map(Number);
    const to = moved(r + 1);
    if (to !== null) source.cells.set(`${to - 1},${c}`, cell);
  }
  const reference = new RegExp(`('${sheetName}'|${sheetName})!(\\$?[A-Z]+)(\\$?)(\\d+)`, "g");
  for (const sheet of workbook.sheets)
    for (const cell of sheet.cells.values())
      if (cell.formula)
        cell.formula = cell.formula.replace(
          reference,
          (_, name: string, col: string, abs: string, row: string) => {
            const to = moved(Number(row));
            return to === null ? `${sheetName}!#REF!` : `${name}!${col}${abs}${to}`;
          },
        );
}

const insertRowAsExcel = (workbook: FakeWorkbook, sheetName: string, at: number) =>
  changeRowsAsExcel(workbook, sheetName, at, 1);
const deleteRowAsExcel = (workbook: FakeWorkbook, sheetName: string, at: number) =>
  changeRowsAsExcel(workbook, sheetName, at, -1);

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

it("a reference pointed by hand into rows nothing points at, after a row inserted, is a hand edit: not where the report points", async () => {
  const workbook = await generatedOnce();
  insertRowAsExcel(workbook, "Driftbudget", 1);
  // A formula alone on its source row, with the row under it pointed at by nothing: its rank
  // would not change if it pointed there instead.
  const cells = [...workbook.sheet("Målkoll Driftbudget").cells.values()].filter((c) => c.formula);
  const rowOf = (f: string) => Number(/'?Driftbudget'?!\$?[A-Z]+\$?(\d+)$/.exec(f)?.[1] ?? NaN);
  const rows = cells.map((c) => rowOf(c.formula!)).filter((r) => !Number.isNaN(r));
  const count = (r: number) => rows.filter((x) => x === r).length;
  const alone = cells.find((c) => {
    const r = rowOf(c.formula!);
    return count(r) === 1 && count(r + 1) === 0 && rows.some((x) => x > r + 1);
  })!;
  expect(alone).toBeDefined();
  alone.formula = alone.formula!.replace(/(\d+)$/, (r) => String(Number(r) + 1));
  const { plan } = await runGenerate(webPort(contextFor(workbook).context), { host: "excel", now: NOW });
  expect(plan.renames).toEqual([
    { from: "Målkoll Driftbudget", to: expect.stringMatching(/^Driftbudget \(red /) },
  ]);
});

it("a referenced source row deleted (#REF!) is no hand edit, but an own formula changed or a source reference pointed elsewhere beside it is", async () => {
  const deleted = async (edit: "none" | "own" | "source") => {
    const workbook = await generatedOnce();
    const first = formulasOf(workbook, "Målkoll Driftbudget").find((f) => /Driftbudget'?!/.test(f))!;
    deleteRowAsExcel(workbook, "Driftbudget", Number(/(\d+)$/.exec(first)![1]));
    expect(formulasOf(workbook, "Målkoll Driftbudget")).toContain("=Driftbudget!#REF!");
    if (edit === "source") {
      // Another source reference pointed at the row under it (beside the #REF!, in the same sitting).
      const other = [...workbook.sheet("Målkoll Driftbudget").cells.values()].find(
        (c) =>
          /^='?Driftbudget'?!\$?[A-Z]+\$?\d+$/.test(c.formula ?? "") && c.formula !== "=Driftbudget!#REF!",
      )!;
      other.formula = other.formula!.replace(/(\d+)$/, (r) => String(Number(r) + 1));
    }
    if (edit === "own") {
      // One of the chart block's formulas over the sheet's own Avvikelse cells (`=F16`).
      const own = [...workbook.sheet("Målkoll Driftbudget").cells.values()].find((c) =>
        /^=[A-Z]+\d+$/.test(c.formula ?? ""),
      )!;
      own.formula = own.formula!.replace(/\d+$/, (r) => String(Number(r) + 1));
    }
    return (await runGenerate(webPort(contextFor(workbook).context), { host: "excel", now: NOW })).plan
      .renames;
  };
  const red = [{ from: "Målkoll Driftbudget", to: expect.stringMatching(/^Driftbudget \(red /) }];
  expect(await deleted("none")).toEqual([]);
  expect(await deleted("own")).toEqual(red);
  expect(await deleted("source")).toEqual(red);
});
