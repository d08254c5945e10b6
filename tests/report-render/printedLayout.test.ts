import type { OutCell, SheetSpec } from "../../src/engine/report/spec";
import type { Page, Word } from "./pdfPages";
import { pageBreakProblems, placeRows } from "./printedLayout";

/**
 * The page checker of printedPages.test.ts, on pages made by hand: it must find rows by their
 * first words and catch each way a page can break badly.
 */

const cell = (value: string, style?: OutCell["style"]): OutCell => ({ value, style });

/** Title, a heading, a header row and four data rows. */
const spec: SheetSpec = {
  key: "indikatorer",
  rows: [
    [cell("Målkoll – Indikatorer", "title")],
    [cell("KF:s mål 1.1", "heading")],
    [cell("Indikator", "header"), cell("Utfall", "header")],
    [cell("Andel barn")],
    [cell("Andel personer")],
    [cell("Antal aspiranter")],
    [cell("Antal ungdomar")],
  ],
  columnWidths: [30, 10],
  tables: [{ heading: 2, header: 3, first: 4, last: 7 }],
};

/** A page of lines, each line's words laid out left to right at its own height. */
function page(number: number, lines: string[]): Page {
  const words: Word[] = [];
  lines.forEach((line, i) =>
    line
      .split(" ")
      .forEach((text, j) =>
        words.push({ text, xMin: 36 + 40 * j, xMax: 70 + 40 * j, yMin: 40 + 14 * i, yMax: 51 + 14 * i }),
      ),
  );
  return { number, width: 842, height: 595, words };
}

const footer = (n: number) => `Målkoll Indikatorer Sida ${n} av 2`;

test("a well broken sheet: the second page starts with a copy of the header row", () => {
  const pages = [
    page(1, [
      "Målkoll – Indikatorer",
      "KF:s mål 1.1",
      "Indikator Utfall",
      "Andel barn 4,1 %",
      "Andel personer",
      footer(1),
    ]),
    page(2, ["Indikator Utfall", "Antal aspiranter", "Antal ungdomar", footer(2)]),
  ];
  const placement = placeRows(spec, pages);
  expect(placement.missing).toEqual([]);
  expect(placement.placed.map((p) => [p.row, p.page])).toEqual([
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 1],
    [5, 1],
    [6, 2],
    [7, 2],
  ]);
  expect(pageBreakProblems(spec, placement)).toEqual([]);
});

test("rows continued on a page without their header row are caught", () => {
  const pages = [
    page(1, [
      "Målkoll – Indikatorer",
      "KF:s mål 1.1",
      "Indikator Utfall",
      "Andel barn",
      "Andel personer",
      footer(1),
    ]),
    page(2, ["Antal aspiranter", "Antal ungdomar", footer(2)]),
  ];
  expect(pageBreakProblems(spec, placeRows(spec, pages))).toEqual([
    { page: 2, row: 6, problem: "table rows without their header row on the page" },
  ]);
});

test("a page ending with a heading, or a heading apart from its table, is caught", () => {
  const pages = [
    page(1, ["Målkoll – Indikatorer", "KF:s mål 1.1", footer(1)]),
    page(2, [
      "Indikator Utfall",
      "Andel barn",
      "Andel personer",
      "Antal aspiranter",
      "Antal ungdomar",
      footer(2),
    ]),
  ];
  expect(pageBreakProblems(spec, placeRows(spec, pages))).toEqual([
    { page: 1, row: 2, problem: "the page ends with a heading row" },
    { page: 1, row: 2, problem: "a heading apart from its table" },
  ]);
});

test("a table's last row alone under its repeated header on a continued page is caught", () => {
  const pages = [
    page(1, [
      "Målkoll – Indikatorer",
      "KF:s mål 1.1",
      "Indikator Utfall",
      "Andel barn",
      "Andel personer",
      "Antal aspiranter",
      footer(1),
    ]),
    page(2, ["Indikator Utfall", "Antal ungdomar", footer(2)]),
  ];
  expect(pageBreakProblems(spec, placeRows(spec, pages))).toEqual([
    { page: 2, row: 7, problem: "a table's last row alone on a continued page" },
  ]);
});

test("a row that is not printed is reported missing", () => {
  const pages = [
    page(1, ["Målkoll – Indikatorer", "KF:s mål 1.1", "Indikator Utfall", "Andel barn", footer(1)]),
  ];
  expect(placeRows(spec, pages).missing).toEqual([5, 6, 7]);
});

test("a row whose first cell wraps before its third word is found across its two lines", () => {
  const wrapped: SheetSpec = {
    ...spec,
    rows: [...spec.rows.slice(0, 3), [cell("Nämndmål: Stadsdelsnämndens verksamheter gör medvetna val")]],
    tables: [{ heading: 2, header: 3, first: 4, last: 4 }],
  };
  const printed = (second: string) => [
    page(1, [
      "Målkoll – Indikatorer",
      "KF:s mål 1.1",
      "Indikator Utfall",
      "Nämndmål: Stadsdelsnämndens — Ingen 0",
      second,
      footer(1),
    ]),
  ];
  expect(placeRows(wrapped, printed("verksamheter gör medvetna")).missing).toEqual([]);
  // Another row's words on the next line do not complete it.
  expect(placeRows(wrapped, printed("ekonomi och kärnverksamheten")).missing).toEqual([4]);
});
