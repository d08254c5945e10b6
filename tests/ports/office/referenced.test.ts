/**
 * A generated sheet the user's own formulas refer to is rewritten in place, not swapped: a deleted
 * sheet would turn those formulas into #REF!, changing the user's cells.
 */
import { runGenerate } from "../../../src/app/run";
import { a1 } from "../../../src/engine/grid";
import { contextFor, createFakeExcel } from "../../helpers/fakeExcel";
import { seedAtLines } from "../../helpers/seedAtLines";
import { NOW, webPort } from "./support";

it("keeps the sheet a user formula points at, rewrites it, and swaps the others", async () => {
  const grid = seedAtLines("002-t2-kf-1.1.txt", "Uppföljning");
  const { workbook } = createFakeExcel({
    sheets: [{ name: grid.name, origin: a1(grid.originRow, grid.originCol), values: grid.values }],
  });
  await runGenerate(webPort(contextFor(workbook).context), { host: "excel", now: NOW });
  const referenced = workbook.sheet("Målkoll Indikatorer");
  const other = workbook.sheet("Målkoll Aktiviteter");
  const summary = workbook.sheet("Uppföljning");
  summary.ensure(2, 12).formula = "='Målkoll Indikatorer'!B5";
  summary.ensure(2, 12).value = 0.5;
  const values = JSON.stringify(referenced.valuesFromA1());
  const planned = {
    breaks: [...referenced.pageBreaks],
    heights: [...referenced.rowHeights],
    widths: [...referenced.columnWidths],
  };
  expect(planned.heights.length).toBeGreaterThan(10);
  // What the old sheet had beyond the new plan must not survive its rewrite.
  referenced.pageBreaks.push(900);
  referenced.rowHeights.set(899, 60);
  referenced.columnWidths.set(30, 200);

  const rerun = contextFor(workbook);
  await runGenerate(webPort(rerun.context), { host: "excel", now: NOW });
  expect(workbook.sheet("Målkoll Indikatorer")).toBe(referenced);
  expect(referenced.deleted).toBe(false);
  expect(rerun.fake.actions).toContain("worksheet(Målkoll Indikatorer).getRange().clear(All)");
  expect(JSON.stringify(referenced.valuesFromA1())).toBe(values);
  expect(referenced.pageBreaks).toEqual(planned.breaks);
  expect([...referenced.rowHeights].sort(([a], [b]) => a - b)).toEqual(
    planned.heights.sort(([a], [b]) => a - b),
  );
  expect([...referenced.columnWidths].sort(([a], [b]) => a - b)).toEqual(
    planned.widths.sort(([a], [b]) => a - b),
  );
  expect(referenced.visibility).toBe("Visible");
  expect(workbook.sheet("Målkoll Aktiviteter")).not.toBe(other);
  expect(other.deleted).toBe(true);
  expect(summary.at("M3")).toMatchObject({ formula: "='Målkoll Indikatorer'!B5" });
});
