/**
 * A budget table's group label (`Äldreomsorgen`, `Förskolor` in Resultatenheter, 002 lines
 * 2242–2270) that the user hid. Hidden rows are not read, as in Excel's print; but a label holds no
 * amount, and it still says whose the rows under it are: the visible units under a hidden label are
 * its group's, not the group's above. A group hidden whole, label and units, is left out whole.
 */
import { check } from "../../../src/engine";
import type { CheckResult } from "../../../src/engine";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { snapshotOf } from "../../helpers/seedGrid";

const T2_2021 = { period: { kind: "T2" as const, year: 2021 } };

const HEADER = [
  "Resultatenhetens namn",
  "Resultatenheternas bruttobudget 2021",
  "Beräknat resultat 2021 Överskott (-) Underskott (+)",
  "Beräknad resultatöverföring till 2022 (max 10 %) Överskott (+) Underskott (-)",
];

/** Four units of 002's Resultatenheter (tkr) in two groups, and their Summa. */
const UNITS: CellValue[][] = [
  ["Äldreomsorgen"],
  ["Stureby hemtjänst", 28691, -566, 2869],
  ["Enskede hemtjänst", 41478, -1158, 4148],
  ["Förskolor"],
  ["Örby förskolor", 44471, -1711, 4309],
  ["Hagsätra förskolor", 38844, -219, 3884],
  ["Summa resultatenheter", 153484, -3654, 15210],
];

/** The sheet: a heading, an empty row, the header on row 3 and `rows` from row 4. */
function sheetOf(rows: CellValue[][], hiddenRows: number[] = []): SheetGrid {
  const sheet: SheetGrid = {
    name: "Resultatenheter",
    visibility: "visible",
    originRow: 1,
    originCol: 1,
    values: [["Resultatenheter"], [], HEADER, ...rows.map((r) => [...r])],
  };
  if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
  return sheet;
}

/** The sheet row of the first row of `rows` labelled `label`. */
function rowOf(rows: CellValue[][], label: string): number {
  const i = rows.findIndex((r) => r[0] === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i + 4;
}

function checked(snapshot: WorkbookSnapshot): CheckResult {
  return check(snapshot, T2_2021);
}

function driftbudget(snapshot: WorkbookSnapshot, result = checked(snapshot)): SheetSpec {
  return buildReport(result, { snapshot, generatedAt: new Date("2021-09-15T10:00:00Z") }).sheets.find(
    (s) => s.key === "driftbudget",
  )!;
}

/** The generated table's rows from its first group on: a group as `# label` (`## ` one level in), a unit as its label. */
function printed(spec: SheetSpec): string[] {
  const out: string[] = [];
  for (const row of spec.rows) {
    const cell = row[0];
    if (!cell || typeof cell.value !== "string") continue;
    if (cell.style === "group") out.push(`${"#".repeat((cell.indent ?? 0) + 1)} ${cell.value}`);
    else if (out.length > 0 && (cell.style === "normal" || cell.style === "total")) out.push(cell.value);
  }
  return out;
}

const codes = (result: CheckResult, code: string) => result.findings.filter((f) => f.code === code);

describe("a hidden group label with its units shown (Förskolor, row 7)", () => {
  const snapshot = snapshotOf(sheetOf(UNITS, [rowOf(UNITS, "Förskolor")]));
  const result = checked(snapshot);
  const visible = checked(snapshotOf(sheetOf(UNITS)));

  test("the generated Resultatenheter table files its units under Förskolor, not under Äldreomsorgen", () => {
    expect(printed(driftbudget(snapshot, result))).toEqual([
      "# Äldreomsorgen",
      "Stureby hemtjänst",
      "Enskede hemtjänst",
      "# Förskolor",
      "Örby förskolor",
      "Hagsätra förskolor",
      "Summa resultatenheter",
    ]);
  });

  test("the units are read as before, and the label, which holds no amount, is read as their group's", () => {
    const lines = (r: CheckResult) => r.model.budget.map((l) => [l.row, l.label, l.kind]);
    expect(lines(result)).toEqual(lines(visible));
    expect(result.recognition.tables[0].groupRows).toEqual(visible.recognition.tables[0].groupRows);
    expect(codes(result, "rows-hidden")).toEqual([]);
  });

  test("the Summa is still checked: a wrong one is found as with the label shown", () => {
    const wrong = UNITS.map((r) => (r[0] === "Summa resultatenheter" ? [r[0], 163484, r[2], r[3]] : r));
    const hid = checked(snapshotOf(sheetOf(wrong, [rowOf(wrong, "Förskolor")])));
    const shown = checked(snapshotOf(sheetOf(wrong)));
    expect(codes(shown, "budget-total-mismatch").map((f) => f.cell)).toEqual(["B10"]);
    expect(codes(hid, "budget-total-mismatch")).toEqual(codes(shown, "budget-total-mismatch"));
  });
});

describe("a hidden group label over a group inside it, an empty row between (002's Resultatenheter, a page break)", () => {
  // Äldreomsorgen › (empty row) › Hemtjänst, and the header repeated over the last two units, as
  // 002's page break repeats it over Blåsut Dalens and Årsta 3 förskolor (line 2267).
  const rows: CellValue[][] = [
    ["Äldreomsorgen"],
    [],
    ["Hemtjänst"],
    ["Stureby hemtjänst", 28691, -566, 2869],
    ["Enskede hemtjänst", 41478, -1158, 4148],
    ["Förskolor"],
    ["Örby förskolor", 44471, -1711, 4309],
    [],
    HEADER,
    ["Hagsätra förskolor", 38844, -219, 3884],
    ["Östberga förskolor", 37191, -1301, 3461],
    ["Summa resultatenheter", 190675, -4955, 18671],
  ];
  const hidden = [rowOf(rows, "Äldreomsorgen")];
  const snapshot = snapshotOf(sheetOf(rows, hidden));
  const result = checked(snapshot);
  const visible = checked(snapshotOf(sheetOf(rows)));

  test("the table goes on past the empty row: one table, every unit read, as with the label shown", () => {
    expect(result.recognition.tables.map((t) => t.id)).toEqual(["Resultatenheter!A3"]);
    expect(result.model.budget.map((l) => l.label)).toEqual(visible.model.budget.map((l) => l.label));
    expect(result.model.budget).toHaveLength(6);
  });

  test("no Summa mismatch from a table cut in two (the Summa against the two units after the page break)", () => {
    expect(codes(visible, "budget-total-mismatch")).toEqual([]);
    expect(codes(result, "budget-total-mismatch")).toEqual([]);
  });

  test("the generated table prints Hemtjänst inside Äldreomsorgen, as with the label shown", () => {
    expect(printed(driftbudget(snapshot, result))).toEqual(printed(driftbudget(snapshotOf(sheetOf(rows)))));
    expect(printed(driftbudget(snapshot, result)).slice(0, 3)).toEqual([
      "# Äldreomsorgen",
      "## Hemtjänst",
      "Stureby hemtjänst",
    ]);
  });
});

test("a hidden label between two group labels keeps the inner one inside it", () => {
  // Äldreomsorgen › Särskilt boende (hidden) › Vård- och omsorgsboenden.
  const rows: CellValue[][] = [
    ["Äldreomsorgen"],
    ["Särskilt boende"],
    ["Vård- och omsorgsboenden"],
    ["Stureby Vård- och omsorgsboende", 72281, -383, 7228],
    ["Förskolor"],
    ["Örby förskolor", 44471, -1711, 4309],
    ["Summa resultatenheter", 116752, -2094, 11537],
  ];
  const snapshot = snapshotOf(sheetOf(rows, [rowOf(rows, "Särskilt boende")]));
  expect(printed(driftbudget(snapshot))).toEqual([
    "# Äldreomsorgen",
    "## Särskilt boende",
    "### Vård- och omsorgsboenden",
    "Stureby Vård- och omsorgsboende",
    "# Förskolor",
    "Örby förskolor",
    "Summa resultatenheter",
  ]);
});

describe("a group hidden whole, its label and its units (Förskolor, rows 7–9)", () => {
  const hidden = [7, 8, 9];
  const snapshot = snapshotOf(sheetOf(UNITS, hidden));
  const result = checked(snapshot);

  test("nothing of it is read or printed: no unit, no label over the Summa", () => {
    expect(result.model.budget.map((l) => l.label)).toEqual([
      "Stureby hemtjänst",
      "Enskede hemtjänst",
      "Summa resultatenheter",
    ]);
    expect(result.recognition.tables[0].groupRows?.map((g) => g.label)).toEqual(["Äldreomsorgen"]);
    expect(printed(driftbudget(snapshot, result))).toEqual([
      "# Äldreomsorgen",
      "Stureby hemtjänst",
      "Enskede hemtjänst",
      "Summa resultatenheter",
    ]);
  });

  test("the info names all three rows, and the Summa, which counts them, is not checked against the rest", () => {
    expect(codes(result, "rows-hidden").map((f) => [f.cell, f.range, f.message])).toEqual([
      [
        "A7",
        "A7:D9",
        "3 dolda rader i tabellen i A3 läses inte (rad 7–9: ”Förskolor” …). Visa raderna om de ska med.",
      ],
    ]);
    expect(codes(result, "budget-total-mismatch")).toEqual([]);
  });
});

test("a group hidden whole takes no level from a shown label inside it", () => {
  // Äldreomsorgen (hidden) › Hemtjänst (shown), its units hidden: Hemtjänst is no group of Socialpsykiatri's.
  const rows: CellValue[][] = [
    ["Socialpsykiatri"],
    ["Utförarenheten Socialpsykiatri", 34343, 800, 2893],
    ["Äldreomsorgen"],
    ["Hemtjänst"],
    ["Stureby hemtjänst", 28691, -566, 2869],
    ["Förskolor"],
    ["Örby förskolor", 44471, -1711, 4309],
    ["Summa resultatenheter", 107505, -1477, 10071],
  ];
  const hidden = [rowOf(rows, "Äldreomsorgen"), rowOf(rows, "Stureby hemtjänst")];
  const result = checked(snapshotOf(sheetOf(rows, hidden)));
  expect(result.recognition.tables[0].groupRows).toEqual([
    { row: 4, label: "Socialpsykiatri" },
    { row: 7, label: "Hemtjänst" },
    { row: 9, label: "Förskolor" },
  ]);
  expect(codes(result, "rows-hidden").map((f) => f.range)).toEqual(["A6:D8"]);
});
