/**
 * An outcome that is due and missing (every one at VB, a tertial one at T1 and T2; 004, VB 2020)
 * keeps its goal from a suggested `Uppfylls helt`, and Måluppfyllelse says why; a year-end
 * indicator not measured at T2 does not.
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { seedAtLines } from "../../helpers/seedAtLines";
import { snapshotOf } from "../../helpers/seedGrid";

/**
 * 004 lines 380–484: KF 3.2's block down to its Enhetsmål, marked Uppfylls helt. Sjukfrånvaro
 * (12,4 % against 15 %) is met; Sjukfrånvaro dag 1-14 (line 402) has its outcome taken away.
 */
function run(period?: { kind: "T2"; year: number }, periodText?: string) {
  const sheet = seedAtLines("004-vb-kf-3.2-sjukfranvaro");
  const shortTerm = sheet.values[402 - sheet.originRow];
  expect(String(shortTerm[0]).trim()).toBe("Sjukfrånvaro dag 1-14");
  shortTerm[1] = null;
  if (periodText) shortTerm[8] = periodText;
  const snapshot = snapshotOf(sheet);
  const result = check(snapshot, period ? { period } : {});
  const sheetSpec = buildReport(result, { snapshot }).sheets.find((s) => s.key === "maluppfyllelse")!;
  const unitGoal = result.model.goals.find((g) => g.level === "enhetsmal")!;
  const row = sheetSpec.rows.find((r) =>
    String(r[0]?.value ?? "").startsWith("Enhetsmål: Enheten är en god"),
  )!;
  return { result, unitGoal, row };
}

describe("004's Sjukfrånvaro dag 1-14 without an outcome in VB 2020", () => {
  it("keeps its goals from a suggested Uppfylls helt: one met, one without an outcome, no suggestion", () => {
    const { result, unitGoal } = run();
    expect(result.model.period.kind).toBe("VB");
    expect(unitGoal.counts).toMatchObject({ met: 1, notMet: 0, notMeasured: 1 });
    expect(unitGoal.statedAssessment).toBe("helt");
    expect(result.model.goals.map((g) => g.suggestedAssessment)).toEqual([null, null, null]);
  });

  it("Måluppfyllelse shows ▲ Utfall saknas as the suggestion, beside the unit's own Uppfylls helt", () => {
    const { row } = run();
    expect(row[1]?.value).toBe("● Uppfylls helt");
    expect([row[2]?.value, row[2]?.tone]).toEqual(["▲ Utfall saknas", "bad"]);
  });

  it("the same rows read as a T2 still suggest Uppfylls helt: a year-end figure is not due yet", () => {
    const { result, row } = run({ kind: "T2", year: 2020 });
    expect(result.model.goals.map((g) => g.suggestedAssessment)).toEqual(["helt", "helt", "helt"]);
    expect(row[2]?.value).toBe("● Uppfylls helt");
  });

  it("at T2 a tertial indicator whose outcome is due and missing keeps them from helt too", () => {
    const { result, row } = run({ kind: "T2", year: 2020 }, "Tertial 2 2020");
    expect(result.findings.some((f) => f.code === "outcome-missing" && f.cell === "B402")).toBe(true);
    expect(result.model.goals.map((g) => g.suggestedAssessment)).toEqual([null, null, null]);
    expect([row[2]?.value, row[2]?.tone]).toEqual(["▲ Utfall saknas", "bad"]);
  });
});
