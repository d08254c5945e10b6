/**
 * A long text repeated down a sheet (an analysis pasted into every row, a shared string Excel keeps
 * once) is not a header: every row is tried as a repeated header, and a text longer than a header
 * cell holds is turned away by its length, not scanned for a key in each row. Before, one 1 MB text
 * in 12 000 cells took `malkoll check` 24 s, nearly all of it in that scan.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import * as headers from "../../../src/engine/recognise/headers";
import { MAX_HEADER_CELL } from "../../../src/engine/recognise/tables";
import { plainSheet, seedLineCells, snapshotOf } from "../../helpers/seedGrid";

/** 002 line 278 (the header) and line 284 (`Antal aspiranter som fått Stockholmsjobb`). */
const HEADER = seedLineCells("002-t2-kf-1.1", 278, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
const ROW = seedLineCells("002-t2-kf-1.1", 284, [0, 1, 2, 3, 4, 5, 6, 7, 8]);

const long = "Analys av utfallet. ".repeat(5_000);

afterEach(() => jest.restoreAllMocks());

test("a text longer than a header cell is never scanned as a header's first text", () => {
  const rows: CellValue[][] = [HEADER, ROW, []];
  for (let r = 0; r < 500; r++)
    rows.push([null, null, null, null, null, null, null, null, null, null, long, long]);
  const scanned: number[] = [];
  const real = headers.mayOpenHeader;
  jest.spyOn(headers, "mayOpenHeader").mockImplementation((text) => {
    scanned.push(text.length);
    return real(text);
  });

  const { model } = check(snapshotOf(plainSheet("Uppföljning", rows)));

  expect(scanned.length).toBeGreaterThan(0);
  expect(scanned.filter((length) => length > MAX_HEADER_CELL)).toEqual([]);
  expect(model.indicators.map((i) => i.name)).toEqual(["Antal aspiranter som fått Stockholmsjobb"]);
});

test("a header padded with spaces past that length still opens its table (it is judged trimmed)", () => {
  const padded = [`${" ".repeat(MAX_HEADER_CELL)}${String(HEADER[0])}`, ...HEADER.slice(1)];
  const { model } = check(snapshotOf(plainSheet("Uppföljning", [padded, ROW])));
  expect(model.indicators.map((i) => i.name)).toEqual(["Antal aspiranter som fått Stockholmsjobb"]);
});
