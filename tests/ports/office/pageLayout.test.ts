/**
 * Print setup runs in tests: the port is given a host with ExcelApi 1.9 (in Excel it asks
 * `Office.context.requirements`). The page is the one look.ts describes and the xlsx port writes:
 * A4 landscape, its margins and footer, the header row on every page, the planned page breaks.
 */
import { footerSections, fitScale } from "../../../src/ports/office/pageLayout";
import { createFakeExcel } from "../../helpers/fakeExcel";
import { emptyPlan, indicatorSpec, userSheet, webPort } from "./support";

const NAME = "Målkoll Indikatorer";
/** indicatorSpec(6): title, blank, header on row 3, six indicators on rows 4–9. */
const plan = emptyPlan({
  sheets: [{ spec: { ...indicatorSpec(6), pageBreaks: [6, 8] }, name: NAME, replaces: false }],
});

it("prints A4 landscape with the look's margins and footer, the header row on each page, breaks where planned", async () => {
  const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
  await webPort(context).write(plan);
  const sheet = workbook.sheet(NAME);
  // Columns of 40, 10, 10, 10, 16 and 60 units: 146 × 5,25 = 766,5 points, within A4 landscape's
  // 770 between margins of half an inch: printed at 100 %, as planned.
  expect(sheet.pageLayout).toEqual({
    orientation: "Landscape",
    paperSize: "A4",
    margins: { left: 36, right: 36, top: 43.2, bottom: 54, header: 21.6, footer: 21.6 },
    headersFooters: { leftFooter: "&08&A", centerFooter: "", rightFooter: "&08Sida &P av &N" },
    zoom: { scale: 100 },
    printTitleRows: "$3:$3",
  });
  expect(sheet.pageBreaks).toEqual([6, 8]);
  expect(sheet.showGridlines).toBe(false);
});

it("a sheet wider than the page is scaled down to fit, never fit-to-pages, with or without the Page Layout tab", async () => {
  const wide = emptyPlan({
    sheets: [{ spec: { ...indicatorSpec(2), columnWidths: [100, 100] }, name: NAME, replaces: false }],
  });
  for (const tabShown of [false, true]) {
    const { context, workbook } = createFakeExcel({ sheets: [userSheet] });
    workbook.pageLayoutTabShown = tabShown;
    await webPort(context).write(wide);
    // 100 + 100 + four columns at Excel's 8,43: 233,72 units, 1 227 points against 770.
    expect(workbook.sheet(NAME).pageLayout.zoom).toEqual({ scale: 62 });
  }
});

it("a host without ExcelApi 1.9 gets no print setup and no page breaks, and nothing fails", async () => {
  const { context, fake, workbook } = createFakeExcel({ sheets: [userSheet] });
  await webPort(context, { isSetSupported: (_set, version) => Number(version.split(".")[1]) < 9 }).write(
    plan,
  );
  expect(workbook.sheet(NAME).pageLayout).toEqual({});
  expect(workbook.sheet(NAME).pageBreaks).toEqual([]);
  expect(fake.actions.some((a) => a.includes("pageLayout") || a.includes("PageBreaks"))).toBe(false);
});

it("fits narrow tables at 100 % and very wide ones at no less than 10 %", () => {
  expect(fitScale([10, 10], 2)).toBe(100);
  expect(fitScale([], 5)).toBe(100);
  expect(fitScale(new Array(200).fill(30), 200)).toBe(10);
});

it("sets the footer's sections apart, font sizes in two digits as Excel's codes have them", () => {
  expect(footerSections("&L&8&A&R&8Sida &P av &N")).toEqual({
    left: "&08&A",
    center: "",
    right: "&08Sida &P av &N",
  });
  expect(footerSections("&CA && B&R&12&P")).toEqual({ left: "", center: "A && B", right: "&12&P" });
});
