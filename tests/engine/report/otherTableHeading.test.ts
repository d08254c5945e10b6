/**
 * A budget table in none of the city's layouts is headed by its own title in the generated
 * Driftbudget sheet, and the pane's Word list names it by that heading. A system export has no title
 * row (walk 16: `Tkr | Budget 2021 | Utfall 2021 | Avvikelse | Kommentar` in row 1 of `Ekonomi`), and
 * the table was headed `Tkr`, its header's first cell: it is headed by its sheet's name.
 */
import { check } from "../../../src/engine";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import { tableChoices } from "../../../src/taskpane/state/wordTable";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

const BODY: CellValue[][] = [
  ["Tkr", "Budget 2021", "Utfall 2021", "Avvikelse", "Kommentar"],
  ["Intäkter", -1300, -1412, 112, null],
  ["Kostnader", 12140, 12030, 110, null],
  ["Netto", 10840, 10618, 222, null],
];

function driftbudget(...sheets: SheetGrid[]) {
  const snapshot = snapshotOf(...sheets);
  const result = check(snapshot, { period: { kind: "VB", year: 2021 } });
  const sheet = buildReport(result, { snapshot }).sheets.find((s) => s.key === "driftbudget")!;
  const headings = sheet.rows.filter((r) => r[0]?.style === "heading").map((r) => r[0]?.value);
  const words = tableChoices([{ name: "Målkoll Driftbudget", spec: sheet }]).map((c) => c.label);
  return { headings, words };
}

describe("the heading of a budget table in none of the city's layouts", () => {
  test("no title row: the sheet's name, not the header's Tkr", () => {
    expect(driftbudget(plainSheet("Ekonomi", BODY))).toEqual({
      headings: ["Ekonomi"],
      words: ["Driftbudget · Ekonomi"],
    });
  });

  test("only a note on the unit above it (`Belopp i tkr`): the sheet's name", () => {
    expect(driftbudget(plainSheet("Ekonomi", [["Belopp i tkr"], [], ...BODY])).headings).toEqual(["Ekonomi"]);
  });

  test("a title above it stays its heading", () => {
    expect(
      driftbudget(plainSheet("Ekonomi", [["Budgetuppföljning Resursenheten VB 2021"], [], ...BODY])).headings,
    ).toEqual(["Budgetuppföljning Resursenheten VB 2021"]);
  });

  test("a sheet named as Excel names a new one names nothing: the title stays as it was", () => {
    expect(driftbudget(plainSheet("Blad1", BODY)).headings).toEqual(["Tkr"]);
  });
});
