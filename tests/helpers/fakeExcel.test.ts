/**
 * The fake is strict where Excel is: each limit below is one a careless Office.js port trips over in
 * real Excel, and the fake must trip it too, or the port tests prove nothing.
 */
import {
  contextFor,
  createFakeExcel,
  FakeOfficeError,
  FAKE_MAX_REQUEST_BYTES,
  MAX_CELL_CHARS,
  MAX_COLUMN_POINTS,
  MAX_HYPERLINKS,
} from "./fakeExcel";

const rule = (id: string, formula: string) => ({ id, type: "Custom", areas: ["A1:A3"], formula, format: {} });

async function rejection(promise: Promise<unknown>): Promise<FakeOfficeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FakeOfficeError);
  return error as FakeOfficeError;
}

describe("payload limits of Excel on the web (5 MB each way)", () => {
  it("refuses a request over 5 MB before any of its actions runs", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
    context.workbook.worksheets.add("Ny");
    context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [
      ["x".repeat(FAKE_MAX_REQUEST_BYTES)],
    ];
    const error = await rejection(context.sync());
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(workbook.find("Ny")).toBeUndefined();
  });

  it("refuses a response over 5 MB after the request ran, and nothing of it is loaded", async () => {
    const text = "å".repeat(30_000);
    const { context, fake } = createFakeExcel({
      sheets: [{ name: "Blad1", values: Array.from({ length: 100 }, () => [text]) }],
    });
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:A100");
    range.load("values");
    const error = await rejection(context.sync());
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(fake.syncs[0].responseBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
});

it("a cell holds at most 32 767 characters", async () => {
  const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
  const sheet = context.workbook.worksheets.getItem("Blad1");
  sheet.getRange("A1").values = [["a".repeat(MAX_CELL_CHARS)]];
  await context.sync();
  expect((workbook.sheet("Blad1").at("A1")?.value as string).length).toBe(MAX_CELL_CHARS);
  sheet.getRange("A2").values = [["a".repeat(MAX_CELL_CHARS + 1)]];
  expect((await rejection(context.sync())).code).toBe("InvalidArgument");
});

// "Hyperlinks in a worksheet: 65,530" (Excel specifications and limits).
it("a sheet holds at most 65 530 hyperlinks; relinking a linked cell adds none", async () => {
  const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }, { name: "Blad2" }] });
  const sheet = context.workbook.worksheets.getItem("Blad1");
  const link = { documentReference: "'Blad2'!A1" };
  sheet.getRange(`A1:A${MAX_HYPERLINKS}`).hyperlink = link;
  await context.sync();
  sheet.getRange("A1").hyperlink = { documentReference: "'Blad2'!B2" };
  await context.sync();
  expect(workbook.sheet("Blad1").at("A1")?.hyperlink).toEqual({ documentReference: "'Blad2'!B2" });
  sheet.getRange(`A${MAX_HYPERLINKS}:A${MAX_HYPERLINKS + 1}`).hyperlink = link;
  expect((await rejection(context.sync())).code).toBe("InvalidOperation");
  expect(workbook.sheet("Blad1").at(`A${MAX_HYPERLINKS + 1}`)).toBeUndefined();
  context.workbook.worksheets.getItem("Blad2").getRange("A1").hyperlink = link;
  await context.sync();
});

// Office.js sends the batch as JSON (`JSON.stringify(requestMessage.Body)` in @microsoft/office-js's
// runtime), where NaN and ±Infinity become null; "Use null in 2-D arrays to leave specific cells
// unchanged" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
it("NaN and ±Infinity written to a range reach Excel as null: the cells keep what they had", async () => {
  const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1", values: [[5, "x", 7]] }] });
  const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:D1");
  range.values = [[Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0 / 0]];
  range.numberFormat = [[Number.NaN, null, null, null]];
  await context.sync();
  expect(workbook.sheet("Blad1").valuesFromA1()).toEqual([[5, "x", 7]]);
  expect(workbook.sheet("Blad1").at("A1")?.format).toBeUndefined();
  range.load("values");
  await context.sync();
  expect(range.values).toEqual([[5, "x", 7, ""]]);
});

// Excel keeps only a merged area's upper-left value (Microsoft's "Merge and unmerge cells"; VBA's
// Range.Merge: "The value of a merged range is specified in the cell of the range's upper-left
// corner"); Office.js's Range.merge says no more than "Merge the range cells into one region".
describe("merging keeps only the upper-left value of each merged area", () => {
  it("clears the other cells' values and formulas, and unmerging does not bring them back", async () => {
    const { context, workbook } = createFakeExcel({
      sheets: [
        {
          name: "Blad1",
          values: [
            ["Rubrik", "b", "c", "utanför"],
            ["d", 2, 3],
          ],
        },
      ],
    });
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRange("C2").formulas = [["=1+1"]];
    sheet.getRange("A1:C2").merge(false);
    await context.sync();
    sheet.getRange("A1:C2").unmerge();
    await context.sync();
    expect(workbook.sheet("Blad1").valuesFromA1()).toEqual([["Rubrik", null, null, "utanför"]]);
    expect(workbook.sheet("Blad1").at("C2")?.formula).toBeUndefined();
  });

  it("across, each row is its own merged area and keeps its first value", async () => {
    const { context, workbook } = createFakeExcel({
      sheets: [
        {
          name: "Blad1",
          values: [
            ["a", "b"],
            ["c", "d"],
          ],
        },
      ],
    });
    context.workbook.worksheets.getItem("Blad1").getRange("A1:B2").merge(true);
    await context.sync();
    expect(workbook.sheet("Blad1").merges).toEqual(["A1:B1", "A2:B2"]);
    expect(workbook.sheet("Blad1").valuesFromA1()).toEqual([["a"], ["c"]]);
  });
});

describe("conditional formats have no stable key: an item's id is its priority now", () => {
  it("deleting the first two items of a load deletes the first and the third rule", async () => {
    const { context, workbook } = createFakeExcel({
      sheets: [{ name: "Blad1", rules: [rule("A", "=1"), rule("B", "=2"), rule("C", "=3")] }],
    });
    const rules = context.workbook.worksheets.getItem("Blad1").getRange().conditionalFormats;
    rules.load("items/id");
    await context.sync();
    expect(rules.items.map((r) => r.id)).toEqual(["0", "1", "2"]);
    rules.items[0].delete();
    rules.items[1].delete(); // by now priority 1 is C
    await context.sync();
    expect(workbook.sheet("Blad1").rules.map((r) => r.id)).toEqual(["B"]);
  });

  it("deleting from the lowest priority up deletes exactly the rules meant", async () => {
    const { context, workbook } = createFakeExcel({
      sheets: [{ name: "Blad1", rules: [rule("A", "=1"), rule("B", "=2"), rule("C", "=3")] }],
    });
    const rules = context.workbook.worksheets.getItem("Blad1").getRange().conditionalFormats;
    rules.load("items/id");
    await context.sync();
    rules.items[1].delete();
    rules.items[0].delete();
    await context.sync();
    expect(workbook.sheet("Blad1").rules.map((r) => r.id)).toEqual(["C"]);
  });

  it("a new rule goes to the top priority", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1", rules: [rule("A", "=1")] }] });
    context.workbook.worksheets.getItem("Blad1").getRange("B2").conditionalFormats.add("Custom");
    await context.sync();
    expect(workbook.sheet("Blad1").rules.map((r) => r.areas)).toEqual([["B2"], ["A1:A3"]]);
  });
});

it("unfreeze() throws on a hidden sheet (OfficeDev/office-js#1463) and works on a visible one", async () => {
  const { context, workbook } = createFakeExcel({
    sheets: [{ name: "Synlig" }, { name: "Dold", visibility: "VeryHidden" }],
  });
  workbook.sheet("Synlig").frozenRows = 2;
  context.workbook.worksheets.getItem("Synlig").freezePanes.unfreeze();
  await context.sync();
  expect(workbook.sheet("Synlig").frozenRows).toBe(0);
  context.workbook.worksheets.getItem("Dold").freezePanes.unfreeze();
  expect((await rejection(context.sync())).code).toBe("GeneralException");
});

it("a very hidden sheet cannot be deleted (Worksheet.delete's documentation); made hidden first, it can", async () => {
  const { context, workbook } = createFakeExcel({
    sheets: [{ name: "Synlig" }, { name: "_malkoll~1~1", visibility: "VeryHidden" }],
  });
  const scratch = () => context.workbook.worksheets.getItem("_malkoll~1~1");
  scratch().delete();
  expect((await rejection(context.sync())).code).toBe("InvalidOperation");
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Synlig", "_malkoll~1~1"]);
  scratch().visibility = "Hidden";
  scratch().delete();
  await context.sync();
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Synlig"]);
});

it.each(["Hidden", "VeryHidden"] as const)(
  "a %s sheet can be neither activated nor have a range selected (Excel refuses both)",
  async (visibility) => {
    const { context, workbook } = createFakeExcel({
      sheets: [{ name: "Synlig" }, { name: "Dold", visibility }],
    });
    const hidden = () => context.workbook.worksheets.getItem("Dold");
    hidden().getRange("B2").select();
    expect((await rejection(context.sync())).code).toBe("InvalidOperation");
    hidden().activate();
    expect((await rejection(context.sync())).code).toBe("InvalidOperation");
    expect(workbook.selection).toBeNull();
    // The same calls on a visible sheet go through.
    context.workbook.worksheets.getItem("Synlig").activate();
    context.workbook.worksheets.getItem("Synlig").getRange("B2").select();
    await context.sync();
    expect(workbook.activeSheet).toBe("Synlig");
    expect(workbook.selection).toEqual({ sheet: "Synlig", address: "B2" });
  },
);

describe("a failing sync keeps what ran before the failure, as Excel does", () => {
  it("fails a chosen sync after its first N actions; the rest never run", async () => {
    const { context, fake, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
    fake.failSync(0, { code: "GeneralException", afterActions: 2 });
    const sheets = context.workbook.worksheets;
    sheets.add("Ett");
    sheets.add("Två");
    sheets.add("Tre");
    await rejection(context.sync());
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Blad1", "Ett", "Två"]);
    sheets.add("Fyra");
    await context.sync();
    expect(workbook.find("Fyra")).toBeDefined();
  });

  it("a dead connection fails every later sync and applies nothing", async () => {
    const { context, fake, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
    fake.failSync(0, { code: "GeneralException", afterActions: Infinity, dead: true });
    context.workbook.worksheets.add("Ett");
    await rejection(context.sync());
    expect(workbook.find("Ett")).toBeDefined();
    context.workbook.worksheets.add("Två");
    expect((await rejection(context.sync())).code).toBe("RequestAborted");
    expect(workbook.find("Två")).toBeUndefined();
    // A new Excel.run (a new context) over the same workbook works again.
    const again = contextFor(workbook);
    again.context.workbook.worksheets.add("Tre");
    await again.context.sync();
    expect(workbook.find("Tre")).toBeDefined();
  });
});

it("fit-to-pages zoom is ignored unless the Page Layout tab shows (OfficeDev/office-js#1860); a scale holds", async () => {
  const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
  const layout = context.workbook.worksheets.getItem("Blad1").pageLayout;
  layout.zoom = { scale: 70 };
  layout.zoom = { horizontalFitToPages: 1 };
  await context.sync();
  expect(workbook.sheet("Blad1").pageLayout.zoom).toEqual({ scale: 70 });
  workbook.pageLayoutTabShown = true;
  layout.zoom = { horizontalFitToPages: 1 };
  await context.sync();
  expect(workbook.sheet("Blad1").pageLayout.zoom).toEqual({ horizontalFitToPages: 1 });
});

describe("sizes and pages as Excel takes them", () => {
  it("refuses a row taller than 409 points, and the actions before it stay applied", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRanges("A1:A2,A5").format.rowHeight = 24;
    sheet.getRange("A3").format.rowHeight = 410;
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    expect([...workbook.sheet("Blad1").rowHeights]).toEqual([
      [0, 24],
      [1, 24],
      [4, 24],
    ]);
  });

  // "Column width: 255 characters" (Excel specifications and limits); columnWidth is in points
  // (OfficeDev/office-js#187). Whether Excel clamps or refuses a wider one is not documented: the fake refuses.
  it("refuses a column wider than 255 characters (1 342.5 points), and one of no finite width", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRange("A:A").format.columnWidth = MAX_COLUMN_POINTS;
    await context.sync();
    expect(workbook.sheet("Blad1").columnWidths.get(0)).toBe(1342.5);
    sheet.getRange("B:B").format.columnWidth = MAX_COLUMN_POINTS + 0.75;
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    sheet.getRange("C:C").format.columnWidth = Number.NaN;
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    expect([...workbook.sheet("Blad1").columnWidths.keys()]).toEqual([0]);
  });

  it("useStandardHeight and useStandardWidth take rows and columns back to the standard size", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRange("A1:B3").format.rowHeight = 30;
    sheet.getRange("B:B").format.columnWidth = 80;
    await context.sync();
    sheet.getRange().format.useStandardHeight = true;
    sheet.getRange().format.useStandardWidth = true;
    await context.sync();
    expect(workbook.sheet("Blad1").rowHeights.size).toBe(0);
    expect(workbook.sheet("Blad1").columnWidths.size).toBe(0);
  });

  it("records manual page breaks by the row they start, once each, and removes them all", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
    const breaks = context.workbook.worksheets.getItem("Blad1").horizontalPageBreaks;
    breaks.add("A30");
    breaks.add(context.workbook.worksheets.getItem("Blad1").getRange("C12:D14"));
    breaks.add("A30");
    await context.sync();
    expect(workbook.sheet("Blad1").pageBreaks).toEqual([12, 30]);
    breaks.removePageBreaks();
    await context.sync();
    expect(workbook.sheet("Blad1").pageBreaks).toEqual([]);
  });

  it("holds at most 1 026 horizontal page breaks a sheet (VBA's HPageBreaks), as Excel does", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
    const breaks = context.workbook.worksheets.getItem("Blad1").horizontalPageBreaks;
    for (let i = 1; i <= 1026; i++) breaks.add(`A${i * 10}`);
    await context.sync();
    expect(workbook.sheet("Blad1").pageBreaks).toHaveLength(1026);
    breaks.add("A20000");
    expect((await rejection(context.sync())).code).toBe("InvalidOperation");
  });

  it("refuses a print scale outside 10–400 % and a paper size Excel does not have", async () => {
    const { context } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
    const layout = context.workbook.worksheets.getItem("Blad1").pageLayout;
    layout.zoom = { scale: 5 };
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    (layout as { paperSize: string }).paperSize = "A7";
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
  });

  it("page-layout settings cannot be read without a load", () => {
    const { context } = createFakeExcel({ sheets: [{ name: "Blad1" }] });
    const layout = context.workbook.worksheets.getItem("Blad1").pageLayout;
    expect(() => layout.leftMargin).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    expect(() => layout.headersFooters.defaultForAllPages.leftFooter).toThrow(/not loaded/);
  });
});

describe("a 1904-system workbook counts its dates from 1904-01-01", () => {
  it("answers DATE() and stores typed dates in its own system, and shows them as the same days", async () => {
    const { context, workbook } = createFakeExcel({ sheets: [{ name: "Blad1" }], date1904: true });
    const secondDay = context.workbook.functions.date(1904, 1, 2);
    const beforeEpoch = context.workbook.functions.date(1903, 12, 31);
    const shortYear = context.workbook.functions.date(121, 8, 31);
    secondDay.load("value");
    beforeEpoch.load("value,error");
    shortYear.load("value");
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1");
    range.values = [["2021-08-31"]];
    await context.sync();
    expect(secondDay.value).toBe(1);
    expect(beforeEpoch.error).toBe("#NUM!");
    expect(shortYear.value).toBe(42977); // as Excel: year 121 is 2021, so 2021-08-31 as typed below
    expect(workbook.sheet("Blad1").at("A1")?.value).toBe(42977);
    range.numberFormat = [["yyyy-mm-dd"]];
    range.load("text");
    await context.sync();
    expect(range.text).toEqual([["2021-08-31"]]);
  });

  it("a 1900 workbook answers 1 463 for the same day, and refuses to render a format it does not know", async () => {
    const { context } = createFakeExcel({
      sheets: [{ name: "Blad1", values: [[0.5]], formats: [["0.0 %"]] }],
    });
    const secondDay = context.workbook.functions.date(1904, 1, 2);
    secondDay.load("value");
    await context.sync();
    expect(secondDay.value).toBe(1463);
    context.workbook.worksheets.getItem("Blad1").getRange("A1").load("text");
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
  });
});
