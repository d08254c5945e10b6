/**
 * samples/plan/hagersten-alvsjo-vp-2022.xlsx, the 003 plan fixtures as a workbook (its bytes are
 * checked with the other samples in tests/helpers/seedGrid.test.ts).
 */
import * as path from "path";
import { runCheck } from "../../src/app/run";
import { XlsxPort } from "../../src/ports/xlsx";
import { PLAN_SAMPLE_FILE } from "../../scripts/build-sample";

const file = path.join(__dirname, "..", "..", PLAN_SAMPLE_FILE);

test("it reads as a plan (VP 2022): two KF mål, the nämndmål, 16 indicators, the budget tables", async () => {
  const { result } = await runCheck(await XlsxPort.open(file));
  const { model } = result;
  expect(model.period).toEqual({ kind: "VP", year: 2022, source: "plan" });
  expect(model.goals.map((g) => [g.level, g.number])).toEqual([
    ["kf-mal", "1.1"],
    ["namndmal", null],
    ["kf-mal", "3.2"],
  ]);
  expect(model.indicators).toHaveLength(16);
  // 003 lines 1801–1819: 18 rows of the per-area table; then 13 Kostnader/Intäkter/Netto tables.
  expect(model.budget.filter((b) => b.tableType === "driftbudget-vp")).toHaveLength(18 + 13 * 3);
  // The plan's known errors: Intäkter 102,2 without its minus sign (003 line 1960), and two
  // Årsmål less ambitious than KF's (lines 1665, 1669).
  expect(result.findings.map((f) => f.code)).toEqual(
    expect.arrayContaining(["budget-sign", "target-less-ambitious", "target-less-ambitious"]),
  );
});
