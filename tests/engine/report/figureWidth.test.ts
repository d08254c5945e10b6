/**
 * A figure column is planned as wide as its widest figure, with nothing to spare: a number that does
 * not fit its cell prints as `###`. Checked against Carlito's advance widths (Calibri's metrics, the
 * font LibreOffice prints the sheets in) at Excel's column unit, the narrower of the two hosts: 7 px
 * a unit for Calibri 11 at 96 dpi, of which 5 px are the cell's margins and grid line.
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { formattedNumber } from "../../../src/engine/report/shownNumber";
import { seedSheet, snapshotOf } from "../../helpers/seedGrid";

/** Carlito Regular's advance widths in font units (2048 to the em), from its hmtx table. */
const CARLITO_ADVANCE: Record<string, number> = {
  " ": 463,
  "%": 1464,
  ",": 511,
  "-": 627,
  ".": 517,
  "/": 791,
  ...Object.fromEntries([..."0123456789"].map((digit) => [digit, 1038])),
  M: 1751,
  a: 981,
  b: 1076,
  d: 1076,
  e: 1019,
  i: 470,
  n: 1076,
  o: 1080,
  p: 1076,
  r: 714,
  s: 801,
  t: 686,
  v: 925,
  x: 887,
};

function carlitoPoints(text: string, size: number): number {
  let units = 0;
  for (const ch of text) {
    const advance = CARLITO_ADVANCE[ch];
    if (advance === undefined) throw new Error(`no Carlito width for '${ch}' in '${text}'`);
    units += advance;
  }
  return (units / 2048) * size;
}

/** The points a column `width` units wide leaves its text in Excel (ECMA-376 §18.3.1.13's pixels, less 5 px). */
function excelTextPoints(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return (pixels - 5) * 0.75;
}

describe("figure columns are as wide as their figures print (Carlito at Excel's 7 px unit)", () => {
  // KF mål 1.3 and 1.4 of the T2 2021 report (seed 002): `15,2 barn/avd.` (line 146), `44,44 %` (line 220).
  const snapshot = snapshotOf(seedSheet("002-t2-kf-1.3", "KF 1.3"), seedSheet("002-t2-kf-1.4", "KF 1.4"));
  const spec = buildReport(check(snapshot), { snapshot }).sheets.find((s) => s.key === "indikatorer")!;

  it("every figure on Indikatorer fits its column, a percentage's % sign included", () => {
    const cut: string[] = [];
    let figures = 0;
    for (const row of spec.rows)
      row.forEach((cell, c) => {
        if (typeof cell?.value !== "number" || c >= spec.columnWidths.length) return;
        figures++;
        const shown = formattedNumber(cell.value, cell.format);
        const need = carlitoPoints(shown, 9);
        const room = excelTextPoints(spec.columnWidths[c]);
        if (need > room) cut.push(`${shown}: ${need.toFixed(2)} pt in ${room.toFixed(2)} pt`);
      });
    expect(figures).toBeGreaterThan(50);
    expect(cut).toEqual([]);
  });

  it("the rows this is about are there: a count per group and a percentage with two decimals", () => {
    const shown = spec.rows.flatMap((row) =>
      row.flatMap((cell) =>
        typeof cell?.value === "number" ? [formattedNumber(cell.value, cell.format)] : [],
      ),
    );
    expect(shown).toContain("15,2 barn/avd.");
    expect(shown).toContain("44,44 %");
  });
});
