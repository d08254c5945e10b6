/**
 * The 1904 date system in Excel: `range.values` gives a date cell's serial in the workbook's own
 * system, 1 462 days fewer than the 1900 system's for the same day. Office.js has no released
 * property that says which system a workbook counts in; the port asks Excel for DATE(1904;1;2)
 * (1 in a 1904 book) in a request it sends anyway, reads such a book's dates as 1900 serials, and
 * writes its own date cells back in the book's system. The workbook is the foreign corpus's
 * XlsxWriter 1904 book, opened in the recording fake as Excel would hold it.
 */
import { readFileSync } from "fs";
import JSZip from "jszip";
import * as path from "path";
import type { SheetGrid, WorkbookSnapshot } from "../../../src/engine/grid";
import { a1, cellAt } from "../../../src/engine/grid";
import { runCheck, runGenerate } from "../../../src/app/run";
import { XlsxPort } from "../../../src/ports/xlsx";
import { createFakeExcel } from "../../helpers/fakeExcel";
import type { FakeWorkbook } from "../../helpers/fakeExcel";
import { NOW, webPort } from "./support";

const BOOK_1904 = path.join(__dirname, "..", "..", "fixtures", "foreign", "xlsxwriter-1904.xlsx");
const ACTIVITIES = "Målkoll Aktiviteter";

/** The numbers of the book's sheet as its XML stores them (1904 serials for its dates), by A1. */
async function storedNumbers(): Promise<Map<string, number>> {
  const xml = await (
    await JSZip.loadAsync(readFileSync(BOOK_1904))
  )
    .file("xl/worksheets/sheet1.xml")!
    .async("string");
  const numbers = new Map<string, number>();
  for (const [, ref, attributes, value] of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><v>([^<]*)<\/v><\/c>/g))
    if (!/\bt="/.test(attributes)) numbers.set(ref, Number(value));
  return numbers;
}

/**
 * The book open in Excel: its texts and formats as the xlsx port reads them, its numbers as the
 * file stores them (Excel hands `range.values` the stored serials); in a 1900 book, the same days.
 */
async function openInExcel(date1904: boolean) {
  const snapshot = await (await XlsxPort.open(BOOK_1904)).read();
  const stored = await storedNumbers();
  expect(stored.get("D24")).toBe(42977); // 2021-08-31 counted from 1904-01-01
  const excel = createFakeExcel({
    name: snapshot.name,
    date1904,
    sheets: snapshot.sheets.map((s) => ({
      name: s.name,
      origin: a1(s.originRow, s.originCol),
      values: s.values.map((row, r) =>
        row.map((value, c) =>
          date1904 && typeof value === "number"
            ? (stored.get(a1(s.originRow + r, s.originCol + c)) ?? value)
            : value,
        ),
      ),
      formats: s.formats,
    })),
  });
  return { ...excel, fromFile: snapshot };
}

function sheet(snapshot: WorkbookSnapshot, name: string): SheetGrid {
  const found = snapshot.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The numbers of a sheet Målkoll wrote, row by row, as the fake workbook holds them. */
function numbersIn(workbook: FakeWorkbook, name: string): number[] {
  return workbook
    .sheet(name)
    .valuesFromA1()
    .flat()
    .filter((v): v is number => typeof v === "number");
}

test("the fake holds the book's dates as Excel does: 1904 serials, and DATE() answers in that system", async () => {
  const { context, workbook } = await openInExcel(true);
  expect(workbook.sheet("Uppföljning").get(23, 3)?.value).toBe(42977); // D24: 2021-08-31
  const day = context.workbook.functions.date(1904, 1, 2);
  day.load("value");
  expect(() => day.value).toThrow(/not available/);
  await context.sync();
  expect(day.value).toBe(1);
});

test("read gives the date cells of a 1904 book as 1900 serials, as the xlsx port does, in as many requests", async () => {
  const in1904 = await openInExcel(true);
  const snapshot = await webPort(in1904.context).read();
  const data = sheet(snapshot, "Uppföljning");
  expect(cellAt(data, 24, 4)).toBe(44439); // 2021-08-31
  expect(cellAt(data, 28, 2)).toBe(44197); // 2021-01-01
  expect(cellAt(data, 29, 3)).toBe(44530); // 2021-11-30
  expect(cellAt(data, 24, 2)).toBe(0.041); // a number under a percent format is left as it is
  expect(data.values).toEqual(sheet(in1904.fromFile, "Uppföljning").values);

  const in1900 = await openInExcel(false);
  await webPort(in1900.context).read();
  expect(in1904.fake.syncCount).toBe(in1900.fake.syncCount);
});

test("check reads the activities' dates as the days the workbook shows", async () => {
  const { context } = await openInExcel(true);
  const { result } = await runCheck(webPort(context));
  expect(result.model.activities.map((a) => [a.start, a.end])).toEqual([
    ["2021-01-01", "2021-12-31"],
    ["2021-03-15", "2021-11-30"],
  ]);
});

test("generate writes the activities' dates in the book's own system, so Excel shows the same days", async () => {
  const in1904 = await openInExcel(true);
  await runGenerate(webPort(in1904.context), { now: NOW, host: "excel" });
  // 2021-01-01, 2021-12-31, 2021-03-15, 2021-11-30 counted from 1904-01-01.
  expect(numbersIn(in1904.workbook, ACTIVITIES)).toEqual([42735, 43099, 42808, 43068]);

  const in1900 = await openInExcel(false);
  await runGenerate(webPort(in1900.context), { now: NOW, host: "excel" });
  expect(numbersIn(in1900.workbook, ACTIVITIES)).toEqual([44197, 44561, 44270, 44530]);

  // Read back, the book's own tables are the days they were generated from.
  const again = await webPort(in1904.context).read();
  expect(
    sheet(again, ACTIVITIES)
      .values.flat()
      .filter((v) => typeof v === "number"),
  ).toEqual([44197, 44561, 44270, 44530]);
});

test("a second generate on the 1904 book finds its own tables unedited", async () => {
  const { context, workbook } = await openInExcel(true);
  await runGenerate(webPort(context), { now: NOW, host: "excel" });
  const names = workbook.sheets.map((s) => s.name);
  const { result } = await runGenerate(webPort(context), { now: NOW, host: "excel" });
  expect(result.findings.map((f) => f.code)).not.toContain("generated-table-edited");
  expect(workbook.sheets.map((s) => s.name)).toEqual(names);
});
