/**
 * Found by the million-row test: `out.push(...list)` passes every item as an argument, and a list
 * of a few hundred thousand findings overflows the call stack ("Maximum call stack size
 * exceeded"). 200 000 rows of one indicator name give ~400 000 findings and must simply be checked.
 */
import { check } from "../../src/engine";
import type { CellValue } from "../../src/engine/grid";

test("200 000 rows of the same indicator: every duplicate is reported, nothing overflows", () => {
  const values: CellValue[][] = [["Indikator", "Periodens utfall", "Årsmål", "Period"]];
  for (let i = 0; i < 200_000; i++) values.push(["Antal besök", "3 st", "4 st", "Tertial 2 2021"]);
  const result = check({
    name: "dubbletter.xlsx",
    sheets: [{ name: "Blad1", visibility: "visible", originRow: 1, originCol: 1, values }],
  });
  expect(result.model.indicators).toHaveLength(200_000);
  expect(result.findings.filter((f) => f.code === "duplicate-indicator").length).toBeGreaterThanOrEqual(
    199_999,
  );
}, 60_000);
