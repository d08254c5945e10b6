/**
 * A ceiling or floor is printed in the Indikatorer table with the word the unit wrote. The walk of
 * 7 December: a unit's `Högst 4` came out `Max 4`, where the published reports print what the unit
 * wrote. The cell stays a number; its format carries the word (`"Högst "0`).
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { formattedNumber } from "../../../src/engine/report/shownNumber";
import type { OutCell } from "../../../src/engine/report/spec";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

const TARGETS = ["Högst 4", "Max 4", "Minst 90 %", "högst 5 %", "Lägst 3", "Max. 10 personer", "Maximalt 2"];

function targetCells(): Map<string, OutCell | null> {
  const sheet = plainSheet("Mål 2", [
    ["Indikator", "Resultat helår", "Årsmål"],
    ...TARGETS.map((target, i) => [`Indikator ${i + 1}`, "3", target]),
  ]);
  const snapshot = snapshotOf(sheet);
  const result = check(snapshot, { period: { kind: "VB", year: 2026 } });
  const report = buildReport(result, { snapshot });
  const indicators = report.sheets.find((s) => s.key === "indikatorer")!;
  const header = indicators.rows.find((r) => r.some((c) => c?.value === "Årsmål"))!;
  const at = header.findIndex((c) => c?.value === "Årsmål");
  return new Map(
    TARGETS.map((_, i) => {
      const row = indicators.rows.find((r) => r[0]?.value === `Indikator ${i + 1}`)!;
      return [TARGETS[i], row[at]];
    }),
  );
}

describe("a bound target is printed with the source's own word", () => {
  const cells = targetCells();

  test.each(TARGETS)("%s", (target) => {
    const cell = cells.get(target)!;
    expect(typeof cell.value).toBe("number");
    expect(formattedNumber(cell.value as number, cell.format)).toBe(target);
  });

  test("the word is in the number format, quoted", () => {
    expect(cells.get("Högst 4")).toMatchObject({ value: 4, format: '"Högst "#,##0' });
    expect(cells.get("Minst 90 %")).toMatchObject({ value: 0.9, format: '"Minst "0 %' });
  });
});
