/**
 * A recognised row reads its cells from the sheet when asked: by index for the model, or as
 * `cells` objects (value, format, address), and as JSON the plain row it stands for.
 */
import type { SheetGrid } from "../../../src/engine/grid";
import {
  cellAddress,
  cellFormat,
  cellValue,
  hasCell,
  TableRow,
  TableSpan,
} from "../../../src/engine/recognise/tableRow";

const sheet: SheetGrid = {
  name: "Uppföljning",
  visibility: "visible",
  originRow: 3,
  originCol: 2,
  values: [
    ["Indikator", "Periodens utfall", "Årsmål"],
    ["  Andel nöjda brukare", 0.041, "80 %"],
    ["Antal feriejobb", "863 st"],
  ],
  formats: [[], [null, "0.0 %", null]],
};
const span = new TableSpan(sheet, 2, 4);

test("cells by index: value, format and address; a ragged row's missing cells are empty", () => {
  const row = new TableRow(4, span);
  expect([cellValue(row, 0), cellValue(row, 1), cellFormat(row, 1), cellAddress(row, 1)]).toEqual([
    "  Andel nöjda brukare",
    0.041,
    "0.0 %",
    "C4",
  ]);
  const short = new TableRow(5, span);
  expect([cellValue(short, 2), cellFormat(short, 2), cellAddress(short, 2), hasCell(short, 2)]).toEqual([
    null,
    null,
    "D5",
    true,
  ]);
  expect([hasCell(short, -1), hasCell(short, 3), cellValue(short, 3)]).toEqual([false, false, null]);
});

test("cells as objects, changed in place (a continuation), and as JSON", () => {
  const row = new TableRow(5, span);
  expect(row.cells).toEqual([
    { value: "Antal feriejobb", format: null, address: "B5" },
    { value: "863 st", format: null, address: "C5" },
    { value: null, format: null, address: "D5" },
  ]);
  row.cells[0] = { ...row.cells[0], value: "Antal feriejobb i stadens regi" };
  expect(cellValue(row, 0)).toBe("Antal feriejobb i stadens regi");
  expect(JSON.parse(JSON.stringify(row))).toEqual({
    row: 5,
    cells: [
      { value: "Antal feriejobb i stadens regi", format: null, address: "B5" },
      { value: "863 st", format: null, address: "C5" },
      { value: null, format: null, address: "D5" },
    ],
    analysis: null,
    continuedFrom: [],
  });
});

test("plain rows (not read from a sheet) are read the same way", () => {
  const plain = {
    row: 7,
    cells: [{ value: 3, format: "0", address: "B7" }],
    analysis: null,
    continuedFrom: [],
  };
  expect([cellValue(plain, 0), cellFormat(plain, 0), cellAddress(plain, 0), hasCell(plain, 1)]).toEqual([
    3,
    "0",
    "B7",
    false,
  ]);
});
