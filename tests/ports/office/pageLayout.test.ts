/**
 * Print setup runs in tests: the port is given a host with ExcelApi 1.9 (in Excel it asks
 * `Office.context.requirements`), and the fake ignores fit-to-pages without the Page Layout tab, as
 * Excel does (OfficeDev/office-js#1860), so the scale the port sets first is what holds there.
 */
import { charactersToPoints } from "../../../src/ports/office/officePort";
import { fitScale } from "../../../src/ports/office/pageLayout";
import { createFakeExcel } from "../../helpers/fakeExcel";
import { emptyPlan, indicatorSpec, userSheet, webPort } from "./support";

const plan = emptyPlan({
  sheets: [{ spec: indicatorSpec(3), name: "Målkoll Indikatorer", replaces: false }],
});

it("prints landscape, one page wide at a scale that fits the columns, with the header row on every page", async () => {
  const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
  await webPort(context).write(plan);
  // Columns 40, 10, 10, 10, 16 and 60 characters: 789 points against A4 landscape's 741 printable.
  expect([40, 10, 10, 10, 16, 60].reduce((n, w) => n + charactersToPoints(w), 0)).toBe(789);
  expect(workbook.sheet("Målkoll Indikatorer").pageLayout).toEqual({
    orientation: "Landscape",
    zoom: { scale: 93 },
    printTitleRows: "$3:$3",
  });
});

it("where Excel applies fit-to-width (Page Layout tab showing), fit-to-width wins", async () => {
  const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
  workbook.pageLayoutTabShown = true;
  await webPort(context).write(plan);
  expect(workbook.sheet("Målkoll Indikatorer").pageLayout.zoom).toEqual({ horizontalFitToPages: 1 });
});

it("a host without ExcelApi 1.9 gets no print setup, and nothing fails", async () => {
  const { context, fake, workbook } = createFakeExcel({ sheets: [userSheet] });
  await webPort(context, { isSetSupported: (_set, version) => Number(version.split(".")[1]) < 9 }).write(
    plan,
  );
  expect(workbook.sheet("Målkoll Indikatorer").pageLayout).toEqual({});
  expect(fake.actions.some((a) => a.includes("pageLayout"))).toBe(false);
});

it("fits narrow tables at 100 % and very wide ones at no less than 10 %", () => {
  expect(fitScale([10, 10], 2)).toBe(100);
  expect(fitScale([], 5)).toBe(100);
  expect(fitScale(new Array(200).fill(30), 200)).toBe(10);
});
