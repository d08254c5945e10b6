/**
 * KF:s årsmål `öka` is judged against the previous period's figure (DOMAIN: "`öka` means above the
 * previous period"). Avvikelser said only `Prognos 93 % mot öka.`, which leaves finance to find what
 * 93 % should have risen from; it now names it: `mot öka (föregående period 93 %)`.
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { seedSheet, snapshotOf } from "../../helpers/seedGrid";

function deviationText(name: string): string {
  const snapshot = snapshotOf(seedSheet("002-t2-kf-1.4", "Uppföljning"));
  const report = buildReport(check(snapshot, { period: { kind: "T2", year: 2021 } }), { snapshot });
  const rows = report.sheets.find((s) => s.key === "avvikelser")!.rows;
  const texts = rows.map((r) => String(r[3]?.value ?? "")).filter((t) => t.startsWith(`${name}:`));
  expect(texts).toHaveLength(1);
  return texts[0];
}

describe("an `öka` target in Avvikelser (002 KF 1.4, line 218: VB 2020 93 %, prognos 93, KF:s årsmål öka)", () => {
  it("names the previous period's figure the forecast was judged against", () => {
    expect(deviationText("Andel brukare inom socialpsykiatri som inte upplever diskriminering")).toMatch(
      / mot KF:s årsmål: Prognos 93 % mot öka \(föregående period 93 %\)\./,
    );
  });
});
