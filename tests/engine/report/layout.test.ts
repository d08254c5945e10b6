import type { ColumnSpec } from "../../../src/engine/report/layout";
import { SheetBuilder } from "../../../src/engine/report/layout";
import { INDENT_POINTS, textStyle } from "../../../src/engine/report/look";
import {
  breakLines,
  cellSpans,
  emptySpans,
  linePoints,
  TextParts,
  textPoints,
  wrappedLines,
  wrappedPartLines,
} from "../../../src/engine/report/measure";
import { formattedNumber } from "../../../src/engine/report/shownNumber";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";

/**
 * The page-aware layout: widths fitted to A4 landscape, heights for wrapped text, and page breaks
 * planned so that headings stay with their tables and long tables repeat their header row.
 * Page: 595 − 72 × (0,6 + 0,75) = 497,8 pt between the margins; 9 pt rows are 12 pt high.
 */

const header = (...labels: string[]): OutCell[] => labels.map((value) => ({ value, style: "header" }));

/** Sheet rows (1-based) that start a printed page: the first, then each break. */
function pageStarts(spec: SheetSpec): number[] {
  return [1, ...(spec.pageBreaks ?? [])];
}

/** Pages (1-based) that hold nothing but the sheet's title, its note and blank rows. */
function pagesWithoutContent(spec: SheetSpec): number[] {
  const starts = pageStarts(spec);
  return starts.flatMap((start, i) => {
    const end = (starts[i + 1] ?? spec.rows.length + 1) - 1;
    const content = spec.rows
      .slice(start - 1, end)
      .some((row) =>
        row.some((c) => c && c.value !== null && c.value !== "" && c.style !== "title" && c.style !== "note"),
      );
    return content ? [] : [i + 1];
  });
}

/** Points from `from` to `to` (1-based, inclusive). */
function height(spec: SheetSpec, from: number, to: number): number {
  return spec.rowHeights!.slice(from - 1, to).reduce((a, b) => a + b, 0);
}

describe("measuring text (Calibri metrics, checked against LibreOffice's Carlito)", () => {
  it("a 9 pt sentence is as wide as LibreOffice prints it, within 3 %", () => {
    // Measured in a PDF from LibreOffice 7.4: 217,2 pt and 45,9 pt.
    expect(textPoints("Andel barn som lever i familjer som har ekonomiskt bistånd", 9) / 217.2).toBeCloseTo(
      1,
      1,
    );
    expect(textPoints("0123456789", 9) / 45.94).toBeCloseTo(1.01, 1);
  });

  it("wraps at spaces and after hyphens and slashes, cutting only words longer than a line", () => {
    expect(breakLines("Utfall kvinnor/ flickor", 40, 9, true)).toEqual(["Utfall", "kvinnor/", "flickor"]);
    expect(breakLines("Prestations- och omslutningsförändringar", 110, 9)).toEqual([
      "Prestations- och",
      "omslutningsförändringar",
    ]);
    expect(breakLines("budget-justeringar", 50, 9)).toEqual(["budget-", "justeringar"]);
    expect(breakLines("begärda/förväntade", 50, 9)).toEqual(["begärda/", "förväntade"]);
    expect(breakLines("0".repeat(20), 46, 9)).toEqual(["0".repeat(9), "0".repeat(9), "00"]);
    expect(wrappedLines("rad ett\nrad två\n\nrad fyra", 200, 9)).toBe(4);
  });

  it("keeps JA / NEJ together and breaks no sign in parentheses after its hyphen or slash", () => {
    // Seed 002 line 2244: `handlande? JA` over `/ NEJ` once.
    expect(breakLines("handlande? JA / NEJ", 70, 9, true)).toEqual(["handlande?", "JA / NEJ"]);
    // `Överskott (-` over `)` once.
    expect(breakLines("Överskott (-) Underskott (+)", 48, 9, true)).toEqual([
      "Överskott",
      "(-)",
      "Underskott",
      "(+)",
    ]);
    expect(breakLines("Avvikelse (+/-)", 52, 9, true)).toEqual(["Avvikelse", "(+/-)"]);
  });

  it("breaks a word at a soft hyphen as the city's reports do, a hyphen shown only where a line ends", () => {
    expect(breakLines("Prestations- och omslutnings\u00ADförändringar", 70, 9, true)).toEqual([
      "Prestations- och",
      "omslutnings-",
      "förändringar",
    ]);
    expect(breakLines("omslutnings\u00ADförändringar", 120, 9, true)).toEqual(["omslutningsförändringar"]);
  });

  it("a long text's parts, kept while it is measured, wrap into the lines the text wraps into", () => {
    const parts = new TextParts();
    const lines = (text: string, width: number, bold = false): number => {
      const cell: OutCell = { value: text, style: bold ? "header" : "normal" };
      const style = textStyle(cell);
      const spans = cellSpans(cell, style, emptySpans(), 500, undefined, parts);
      return wrappedPartLines(parts, spans.partsFrom, spans.partsTo, width, style.size);
    };
    expect(lines("Utfall kvinnor/ flickor", 40, true)).toBe(3);
    expect(lines("Prestations- och omslutningsförändringar", 110)).toBe(2);
    expect(lines("budget-justeringar", 50)).toBe(2);
    expect(lines("0".repeat(20), 46)).toBe(3);
    expect(lines("rad ett\nrad två\n\nrad fyra", 200)).toBe(4);
    expect(lines("rad ett\r\nrad två", 200)).toBe(2);
    expect(lines("  ett  två  ", 200)).toBe(1);
    // Longer than the page, so measured only for its parts: 20 words of 2,77 digits and a space a line.
    expect(lines("ord ".repeat(300).trim(), 300)).toBe(15);
    // More parts than the store first holds (16 384): it grows to keep them all.
    expect(lines("ord ".repeat(17_000).trim(), 300)).toBe(850);
  });

  it("rows are Excel's height for the font: 12 pt at 9 pt, 15 pt at 11 pt, 11,25 pt at 8 pt", () => {
    expect([linePoints(9), linePoints(11), linePoints(8), linePoints(14)]).toEqual([12, 15, 11.25, 18.75]);
  });

  it("shows numbers as Swedish Excel does under the report's formats", () => {
    expect(formattedNumber(2435.3, "#,##0.0")).toBe("2 435,3");
    expect(formattedNumber(-489.4, "#,##0.0")).toBe("-489,4");
    expect(formattedNumber(0.041, "0.0 %")).toBe("4,1 %");
    expect(formattedNumber(9000, '#,##0 "st"')).toBe("9 000 st");
    expect(formattedNumber(10, '"Max "#,##0 "personer"')).toBe("Max 10 personer");
    expect(formattedNumber(44197, "yyyy-mm-dd")).toBe("2021-01-01");
  });
});

/** An indicator's name longer than a page is wide (about 1 000 pt in 9 pt Calibri). */
const LONG_NAME = Array.from(
  { length: 4 },
  () => "Andel invånare som själv upplever att insatsen hjälpt dem vidare",
).join(" och ");

describe("a header row shared by a sheet's tables", () => {
  /** A sheet of three tables under one header, each given `header()` (its own copy, or one shared row). */
  function sheetOfTables(header: () => OutCell[]): SheetSpec {
    const sheet = new SheetBuilder("indikatorer", [
      { kind: "text", min: 100 },
      { kind: "fit" },
      { kind: "label", max: 40 },
    ]);
    sheet.heading("Titel", "Not");
    for (let t = 0; t < 3; t++) {
      sheet.tableHeading(`Mål ${t + 1}`);
      sheet.startTable(header());
      for (let i = 0; i < 40; i++)
        sheet.add([
          // One name longer than the page: the text column takes all the width the others leave.
          { value: i === 0 ? LONG_NAME : `Indikator ${t}.${i}` },
          { value: 1000 * t + i, format: "#,##0" },
          { value: "Tertial 2 2021" },
        ]);
      sheet.endTable();
    }
    return sheet.build();
  }

  const labels = () => [
    { value: "Indikator", style: "header" as const },
    { value: "Begärda budget\u00ADjusteringar", style: "header" as const },
    { value: "Periodens utfall/prognos", style: "header" as const },
  ];

  it("gives the sheet its copies would: widths, breaks, heights, pages and the words broken in each", () => {
    const shared = labels();
    const once = sheetOfTables(() => shared);
    const copies = sheetOfTables(labels);
    expect(once).toEqual(copies);
    // The header is broken in a word in each table, and said so for each.
    expect(copies.unbrokenHeaders?.length).toBeGreaterThanOrEqual(3);
    expect(once.rows[4][1]?.value).toContain("\n");
  });
});

describe("columns fitted to the page", () => {
  it("numbers get their width, text wraps in what is left, within A4 landscape", () => {
    const sheet = new SheetBuilder("indikatorer", [
      { kind: "text", min: 100 },
      { kind: "fit" },
      { kind: "fit" },
    ]);
    sheet.heading("Titel", "Not");
    sheet.startTable(header("Indikator", "Periodens utfall", "Årsmål"));
    const name = "Antal unga 20-29 år som varken arbetar eller studerar som nåtts av uppsökande verksamhet";
    sheet.add([{ value: name }, { value: 2435.3, format: "#,##0.0" }, { value: 0.033, format: "0.0 %" }]);
    const spec = sheet.build();
    const [text, number, percent] = spec.columnWidths;
    // 770 pt of paper at LibreOffice's 5,55 pt per unit, at most.
    expect((text + number + percent) * 5.55).toBeLessThanOrEqual(770.1);
    // `2 435,3` needs about 35 pt, `Periodens` (bold) about 47 pt + padding: neither is cut.
    expect(number * 5.25).toBeGreaterThan(textPoints("Periodens", 9, true) + 3.75);
    // The name fits one line: the text column needs no more than its longest text.
    expect(text * 5.25).toBeGreaterThanOrEqual(textPoints(name, 9) + 3.75);
    expect(text * 5.25).toBeLessThan(textPoints(name, 9) + 20);
    // The header over numbers is right-aligned; with room left on the page, on one line.
    expect(spec.rows[3][1]).toMatchObject({ value: "Periodens utfall", align: "right", wrap: true });
  });

  it("a page without room breaks a header over its numbers where it wraps", () => {
    const sheet = new SheetBuilder("indikatorer", [{ kind: "text", min: 100 }, { kind: "fit" }]);
    sheet.startTable(header("Indikator", "Periodens utfall"));
    sheet.add([{ value: LONG_NAME }, { value: 2435.3, format: "#,##0.0" }]);
    expect(sheet.build().rows[0][1]).toMatchObject({ value: "Periodens\nutfall", align: "right" });
  });

  it("a deep header over a figure gets half its line before a long label gets the rest", () => {
    const sheet = new SheetBuilder("driftbudget", [
      { kind: "text", max: 150 },
      { kind: "fit" },
      { kind: "label" },
    ]);
    const deep = "Avvikelse (+/-) (inkl. begärda BJ och prestationsförändringar)";
    sheet.startTable(header("Mnkr", deep, "Kommentar"));
    const comment = Array.from({ length: 6 }, () => "enligt nämndens beslut om budgetjusteringar").join(", ");
    sheet.add([{ value: "Äldreomsorg" }, { value: -1.9, format: "#,##0.0" }, { value: comment }]);
    for (let i = 0; i < 10; i++)
      sheet.add([{ value: `Område ${i}` }, { value: i, format: "#,##0.0" }, { value: "Ja" }]);
    const widths = sheet.build().columnWidths;
    expect(widths[1] * 5.25).toBeGreaterThanOrEqual(textPoints(deep, 9, true) / 2);
  });

  it("width the text leaves goes to a label its cap wrapped, then to headers over figures, up to one line each", () => {
    const build = (name: string) => {
      const sheet = new SheetBuilder("indikatorer", [
        { kind: "text", min: 100 },
        { kind: "fit" },
        { kind: "label" },
      ]);
      sheet.startTable(header("Indikator", "VP 2022", "KF:s årsmål"));
      sheet.add([
        { value: name },
        { value: 3211.3, format: "#,##0.0" },
        { value: "Tas fram av nämnd/styrelse" },
      ]);
      return sheet.build();
    };
    const roomy = build("Sjukfrånvaro");
    // 003's plan: `Tas fram av nämnd/styrelse` on one line, `VP 2022` over `3 211,3` too.
    expect(roomy.columnWidths[2] * 5.25).toBeGreaterThanOrEqual(
      textPoints("Tas fram av nämnd/styrelse", 9) + 3.75,
    );
    expect(roomy.rows[0][1]).toMatchObject({ value: "VP 2022" });
    expect(roomy.rowHeights![1]).toBe(linePoints(9));
    // Where the text takes the page, the label keeps its cap (80 pt) and wraps.
    const full = build(LONG_NAME);
    expect(full.columnWidths[2] * 5.25).toBeLessThan(textPoints("Tas fram av nämnd/styrelse", 9));
    expect(full.rowHeights![1]).toBeGreaterThan(linePoints(9));
  });

  it("text right after a column of numbers is indented, so the two never read as one", () => {
    const sheet = new SheetBuilder("indikatorer", [{ kind: "text" }, { kind: "label" }, { kind: "label" }]);
    sheet.startTable(header("Indikator", "KF:s årsmål", "Period"));
    sheet.add([{ value: "Andel" }, { value: 0.027, format: "0.0 %" }, { value: "Tertial 2 2021" }]);
    sheet.add([{ value: "Antal" }, { value: "Tas fram av nämnd" }, { value: "2021" }]);
    const spec = sheet.build();
    expect(spec.rows[1][2]).toMatchObject({ indent: 1 });
    expect(spec.rows[0][2]).toMatchObject({ indent: 1 });
    // Text in a column of numbers aligns with them.
    expect(spec.rows[2][1]).toMatchObject({ align: "right" });
  });

  it("a column of numbers is as wide as its widest number, whatever the order (a minus sign counts; General's decimals too)", () => {
    const width = (values: number[], format?: string): number => {
      const sheet = new SheetBuilder("driftbudget", [{ kind: "text" }, { kind: "fit" }]);
      sheet.startTable(header("Rad", "B"));
      for (const value of values) sheet.add([{ value: "Rad" }, { value, format }]);
      return sheet.build().columnWidths[1];
    };
    const widest = width([-99999], "#,##0");
    expect(width([12345, -1, 5, -99999], "#,##0")).toBe(widest);
    expect(width([-99999, 12345, -1], "#,##0")).toBe(widest);
    expect(width([-99999], "#,##0")).toBeGreaterThan(width([12345], "#,##0"));
    expect(width([999999, -999999], "#,##0")).toBe(width([-999999], "#,##0"));
    expect(width([-999999], "#,##0")).toBeGreaterThan(width([999999], "#,##0"));
    // Under General a smaller number can show more digits: 0,125 is wider than 3.
    expect(width([3, 0.125])).toBe(width([0.125]));
    expect(width([0.125])).toBeGreaterThan(width([3]));
  });

  it("a column holds numbers when any body row has one, also the last; an Analys row's number does not count", () => {
    const sheet = new SheetBuilder("indikatorer", [{ kind: "text" }, { kind: "label" }, { kind: "label" }]);
    sheet.startTable(header("Indikator", "KF:s årsmål", "Period"));
    sheet.add([{ value: "Antal" }, { value: "Tas fram av nämnd" }, { value: "2021" }]);
    sheet.attach([{ value: "Analys" }, { value: "Ingen" }, { value: 7 }]);
    sheet.add([{ value: "Andel" }, { value: 0.027, format: "0.0 %" }, { value: "Tertial 2 2021" }]);
    const spec = sheet.build();
    expect(spec.rows[1][1]).toMatchObject({ align: "right" });
    expect(spec.rows[1][2]).toMatchObject({ indent: 1 });
    expect(spec.rows[0][2]).toMatchObject({ indent: 1 });
    // The third column is text in every body row: nothing after it is indented, its header not right-aligned.
    expect(spec.rows[0][2]?.align).toBeUndefined();
  });
  it("a table with its own columns aligns by its own cells, not by another layout's numbers above it", () => {
    const sheet = new SheetBuilder("driftbudget", [{ kind: "text" }, { kind: "fit" }, { kind: "fit" }]);
    sheet.startTable(header("Mnkr", "Budget", "Avvikelse"));
    sheet.add([{ value: "Netto" }, { value: 2435.3, format: "#,##0.0" }, { value: 19.9, format: "#,##0.0" }]);
    sheet.endTable();
    sheet.startTable(header("Indikator", "Utfall", "Status"), { ownColumns: true });
    sheet.add([{ value: "Budgetföljsamhet" }, { value: 0.992, format: "0.0 %" }, { value: "● Uppfyllt" }]);
    sheet.endTable();
    sheet.startTable(header("Mnkr", "Budget", "Kommentar"));
    sheet.add([{ value: "Netto" }, { value: 12, format: "#,##0.0" }, { value: "Enligt plan" }]);
    const spec = sheet.build();
    const own = spec.tables![1].header - 1;
    expect(spec.rows[own][2]).toMatchObject({ indent: 1 });
    expect(spec.rows[own][2]?.align).toBeUndefined();
    expect(spec.rows[own + 1][2]).toMatchObject({ indent: 1 });
    expect(spec.rows[own + 1][2]?.align).toBeUndefined();
    expect(spec.rows[own][1]).toMatchObject({ align: "right" });
    // Tables without their own columns share them: text under the first table's numbers aligns with them.
    const shared = spec.tables![2].header - 1;
    expect(spec.rows[shared + 1][2]).toMatchObject({ align: "right" });
  });
});

describe("a cell repeated down its column (one object, as SharedCells makes them)", () => {
  it("wraps to the same height in every row it stands in", () => {
    const sheet = new SheetBuilder("avvikelser", [{ kind: "label" }, { kind: "text", max: 120 }]);
    sheet.startTable(header("Typ", "Mål"));
    const goal: OutCell = {
      value:
        "1.1.7 Invånare i stadsdelsområdet försörjer sig själva och har goda förutsättningar till arbete",
    };
    for (let i = 0; i < 3; i++) sheet.add([{ value: "Indikator" }, goal]);
    const spec = sheet.build();
    const lines = wrappedLines(String(goal.value), spec.columnWidths[1] * 5.25 - 3.75, 9);
    expect(lines).toBeGreaterThan(1);
    expect(spec.rowHeights!.slice(1)).toEqual([1, 2, 3].map(() => lines * linePoints(9)));
  });

  /** `period` in a table without numbers, then in one with its own columns and a number before it. */
  function twoTables(period: OutCell, periodColumn: ColumnSpec = { kind: "label" }): SheetSpec {
    const sheet = new SheetBuilder("driftbudget", [{ kind: "text" }, { kind: "label" }, periodColumn]);
    sheet.startTable(header("Indikator", "Kommentar", "Period"));
    sheet.add([{ value: LONG_NAME }, { value: "Tas fram av nämnd" }, period]);
    sheet.endTable();
    sheet.startTable(header("Indikator", "KF:s årsmål", "Period"), { ownColumns: true });
    sheet.add([{ value: "Andel" }, { value: 0.027, format: "0.0 %" }, period]);
    return sheet.build();
  }

  it("is indented after a column of numbers in a table with its own columns, though met above without one", () => {
    const spec = twoTables({ value: "Tertial 2 2021" });
    expect(spec.rows[spec.tables![1].first - 1][2]).toMatchObject({ value: "Tertial 2 2021", indent: 1 });
  });

  it("keeps the row above tall enough for the indent it takes below", () => {
    // One object in both tables: indented for the second, it is written indented in the first too.
    const period: OutCell = {
      value: "Tertial 2 2021 enligt nämndens beslut om uppföljning av verksamhetsplanen",
    };
    const spec = twoTables(period, { kind: "label", max: 20 });
    const first = spec.tables![0].first - 1;
    expect(spec.rows[first][2]).toMatchObject({ indent: 1 });
    const usable = spec.columnWidths[2] * 5.25 - 3.75 - INDENT_POINTS;
    const lines = wrappedLines(String(period.value), usable, 9);
    expect(lines).toBeGreaterThan(1);
    expect(spec.rowHeights![first]).toBeGreaterThanOrEqual(lines * linePoints(9));
  });

  it("is measured anew below a merged row that made it wrap", () => {
    const sheet = new SheetBuilder("indikatorer", [{ kind: "fit" }, { kind: "text" }]);
    sheet.startTable(header("Rubrik", "Text"));
    const lines: OutCell = { value: "rad ett\nrad två\nrad tre" };
    sheet.add([lines, { value: "x" }]);
    sheet.attach([lines], 1);
    sheet.add([lines, { value: "y" }]);
    const spec = sheet.build();
    // Wrapped by the merged row, the one object breaks its three lines in the body row below it.
    expect(spec.rows[3][0]).toMatchObject({ wrap: true });
    expect(spec.rowHeights![3]).toBe(3 * linePoints(9));
  });
});

describe("page breaks", () => {
  /** A sheet of tables of `sizes` one-line rows each, every table under a heading. */
  function tables(sizes: number[], freeze = false): SheetSpec {
    const sheet = new SheetBuilder("aktiviteter", [{ kind: "text" }, { kind: "fit" }]);
    sheet.heading("Målkoll – Aktiviteter", "Skapad av Målkoll");
    sizes.forEach((size, t) => {
      sheet.tableHeading(`Mål ${t + 1}`);
      const h = sheet.startTable(header("Aktivitet", "Belopp"));
      if (freeze) sheet.freezeRows(h);
      for (let i = 0; i < size; i++)
        sheet.add([{ value: `Aktivitet ${t + 1}.${i + 1}` }, { value: i, format: "#,##0" }]);
      sheet.endTable();
    });
    return sheet.build();
  }

  it("every row has a planned height; a short sheet is one page", () => {
    const spec = tables([3]);
    expect(spec.rowHeights).toHaveLength(spec.rows.length);
    expect(spec.rowHeights![0]).toBe(18.75); // the 14 pt title
    expect(spec.rowHeights![5]).toBe(12);
    expect(spec.pageBreaks).toBeUndefined();
  });

  it("a table that fits a page but not the rest of this one starts on a new page, with its heading", () => {
    // Title block 42 pt; table 1: heading 15 + header 12 + 30 rows × 12 = 387; table 2 the same.
    const spec = tables([30, 30]);
    const heading2 = spec.tables![1].heading!;
    expect(spec.rows[heading2 - 1][0]?.value).toBe("Mål 2");
    expect(pageStarts(spec)).toEqual([1, heading2]);
    expect(height(spec, 1, heading2 - 1)).toBeLessThanOrEqual(497.8);
  });

  it("the sheet's title never stands alone: a table that fits a page but not under the title starts under it", () => {
    // Title block 42 pt + heading 15 + header 12 + 37 rows × 12 = 513 > 491,8; the table alone
    // (471) would fit a fresh page, but page 1 would then hold only the title and its note.
    for (const freeze of [false, true]) {
      const spec = tables([37], freeze);
      const table = spec.tables![0];
      expect(pagesWithoutContent(spec)).toEqual([]);
      const starts = pageStarts(spec);
      expect(starts).toHaveLength(2);
      // The heading, header row and first rows are on page 1; the break comes inside the table.
      expect(starts[1]).toBeGreaterThan(table.header + 1);
      expect(starts[1]).toBeLessThanOrEqual(table.last);
      expect(height(spec, 1, starts[1] - 1)).toBeLessThanOrEqual(497.8);
      // Page 2 repeats the header row: a copy, or on a one-table sheet the print title.
      if (freeze) expect(spec.freezeRows).toBe(table.header);
      else expect(spec.rows[starts[1] - 1].map((c) => c?.value)).toEqual(["Aktivitet", "Belopp"]);
    }
  });

  it("a page never holds only a blank row: a table after one at the top of a page starts right there", () => {
    // Title 42 + table 1 (15 + 12 + 35 × 12 = 447) leave 2,8 pt: its closing blank row opens page 2,
    // and table 2 (15 + 12 + 38 × 12 = 483) fits a page but not under that blank row.
    const spec = tables([35, 38]);
    expect(pagesWithoutContent(spec)).toEqual([]);
    const second = spec.tables![1];
    const starts = pageStarts(spec);
    expect(starts).toHaveLength(3);
    expect(starts[1]).toBe(second.heading! - 1);
    expect(spec.rows[starts[1] - 1]).toEqual([]);
    expect(starts[2]).toBeGreaterThan(second.header + 1);
    expect(spec.rows[starts[2] - 1].map((c) => c?.value)).toEqual(["Aktivitet", "Belopp"]);
  });

  it("a table longer than a page repeats its header row after each break, and no page ends with a heading", () => {
    const spec = tables([100]);
    const table = spec.tables![0];
    const starts = pageStarts(spec);
    expect(starts.length).toBe(3);
    for (const start of starts.slice(1)) {
      // Each later page starts with a copy of the header row.
      expect(spec.rows[start - 1].map((c) => c?.value)).toEqual(["Aktivitet", "Belopp"]);
      expect(start).toBeGreaterThan(table.header);
      expect(start).toBeLessThanOrEqual(table.last);
    }
    // Each page holds no more than the page does.
    for (let i = 0; i < starts.length; i++) {
      const end = (starts[i + 1] ?? spec.rows.length + 1) - 1;
      expect(height(spec, starts[i], end)).toBeLessThanOrEqual(497.8);
    }
    // 100 data rows and 2 copies of the header in the table.
    expect(table.last - table.header).toBe(102);
  });

  it("a heading that would end a page moves to the next with its header row and first data row", () => {
    // 491,8 pt are planned per page (6 kept back). Title block 42 + table 1 (15 + 12 + 33 × 12) +
    // a blank 12 leave 14,8 pt: heading 15 + header 12 + first row 12 = 39 do not fit. Table 2
    // is longer than a page, so it starts here only if that start fits.
    const spec = tables([33, 50]);
    const second = spec.tables![1];
    expect(pageStarts(spec)[1]).toBe(second.heading);
    const spare = tables([30, 50]);
    // With 50,8 pt left the heading, header row and first row fit: table 2 starts on page 1.
    expect(pageStarts(spare)[1]).toBeGreaterThan(spare.tables![1].header + 1);
  });

  it("a one-table sheet repeats its header as the print title instead of copies", () => {
    const spec = tables([100], true);
    expect(spec.freezeRows).toBe(spec.tables![0].header);
    const starts = pageStarts(spec);
    expect(starts.length).toBeGreaterThan(1);
    for (const start of starts.slice(1)) expect(spec.rows[start - 1][0]?.style).toBeUndefined();
    // The print title takes its height on every later page.
    const title = spec.rowHeights![spec.tables![0].header - 1];
    const end = (starts[2] ?? spec.rows.length + 1) - 1;
    expect(height(spec, starts[1], end) + title).toBeLessThanOrEqual(497.8);
  });

  it("formulas, charts and merges follow their rows when header copies are inserted above them", () => {
    const sheet = new SheetBuilder("driftbudget", [{ kind: "text" }, { kind: "fit" }, { kind: "fit" }]);
    sheet.startTable(header("Mnkr", "Budget", "Avvikelse"));
    const rows: number[] = [];
    for (let i = 0; i < 60; i++) {
      const r = sheet.nextRow;
      rows.push(r);
      sheet.add([
        { value: `Område ${i}` },
        { value: i, format: "#,##0.0" },
        { value: i, formula: `B${r}`, format: "#,##0.0" },
      ]);
    }
    sheet.endTable();
    const total = sheet.add([
      { value: "Totalt", style: "total" },
      null,
      { value: 1770, formula: `C${rows[0]}+C${rows[59]}` },
    ]);
    sheet.chart(
      {
        title: "Avvikelse",
        kind: "bar",
        categories: `A${rows[50]}:A${rows[59]}`,
        series: [{ name: "Avvikelse", values: `C${rows[50]}:C${rows[59]}` }],
      },
      200,
    );
    const spec = sheet.build();
    expect(spec.pageBreaks!.length).toBeGreaterThan(0);
    // Each formula still points at its own row's Budget cell, whatever was inserted above it.
    spec.rows.forEach((row, r) => {
      const f = row[2]?.formula;
      if (f && /^B\d+$/.test(f)) expect(f).toBe(`B${r + 1}`);
    });
    const totalRow = spec.rows.findIndex((row) => row[0]?.value === "Totalt");
    expect(totalRow + 1).toBeGreaterThan(total);
    const [first, last] = spec.rows[totalRow][2]!.formula!.split("+").map((ref) => Number(ref.slice(1)));
    expect(spec.rows[first - 1][0]?.value).toBe("Område 0");
    expect(spec.rows[last - 1][0]?.value).toBe("Område 59");
    const chart = spec.charts![0];
    const [c0, c1] = chart.categories.split(":").map((a) => Number(a.slice(1)));
    expect([spec.rows[c0 - 1][0]?.value, spec.rows[c1 - 1][0]?.value]).toEqual(["Område 50", "Område 59"]);
  });
});

describe("a sheet with more links than Excel holds (65 530 hyperlinks a worksheet)", () => {
  it("links its first 65 530 cells, and the rest keep their text without a link", () => {
    const sheet = new SheetBuilder("avvikelser", [{ kind: "fit" }, { kind: "text", min: 100 }]);
    sheet.heading("Titel", "Not");
    sheet.startTable(header("Var", "Vad"));
    for (let i = 1; i <= 66_000; i++)
      sheet.add([{ value: `Blad!B${i}`, link: { sheet: "Blad", cell: `B${i}` } }, { value: "Avvikelse" }]);
    sheet.endTable();
    const spec = sheet.build();
    const linked = spec.rows.flat().filter((c) => c?.link).length;
    expect(linked).toBe(65_530);
    const last = spec.rows.find((row) => row[0]?.value === "Blad!B66000")!;
    expect(last[0]?.link).toBeUndefined();
    expect(spec.rows.find((row) => row[0]?.value === "Blad!B65530")![0]?.link).toEqual({
      sheet: "Blad",
      cell: "B65530",
    });
  });
});

it("no column is wider than Excel's 255 characters, however long a word in a fit column", () => {
  const sheet = new SheetBuilder("avvikelser", [{ kind: "fit" }, { kind: "text", min: 100 }]);
  sheet.heading("Titel", "Not");
  sheet.startTable(header("Var", "Vad"));
  sheet.add([{ value: `https://stockholm.se/${"a".repeat(2000)}` }, { value: "Avvikelse" }]);
  sheet.endTable();
  const spec = sheet.build();
  expect(spec.columnWidths[0]).toBe(255);
});
