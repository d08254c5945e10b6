/**
 * Måluppfyllelse's comment on a contradicted assessment, on real rows: 002's KF mål 1.1 (lines
 * 271–418) stated `Uppfylls helt` instead of the seed's `Uppfylls delvis`, so that the comment names
 * three missed indicators with their figures, as a goal in a large workbook's does. In a column of
 * its own (some 25 characters wide) that comment made the goal's row 17 lines deep: the bench
 * workbook's 555 goals took 257 pages. Under the goal, across the table, it takes a few lines.
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { seedSheet, snapshotOf } from "../../helpers/seedGrid";

/** One printed line of 9 pt text, in points. */
const LINE = 12;

function goalSheet(): SheetSpec {
  const sheet = seedSheet("002-t2-kf-1.1", "Uppföljning");
  const at = sheet.values.findIndex((r) => String(r[0]).startsWith("KF:s mål för verksamhetsområdet: 1.1"));
  const stated = sheet.values.findIndex((r, i) => i > at && /Uppfylls/.test(String(r[0])));
  sheet.values[stated] = ["● Uppfylls helt"];
  const snapshot = snapshotOf(sheet);
  const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
  return buildReport(result, { snapshot }).sheets.find((s) => s.key === "maluppfyllelse")!;
}

describe("Måluppfyllelse's comment where a goal stated Uppfylls helt misses three indicators", () => {
  const spec = goalSheet();
  const kf = spec.rows.findIndex((r) =>
    String(r[0]?.value).startsWith("KF:s mål för verksamhetsområdet: 1.1"),
  );
  const header = spec.rows.findIndex((r) => r[0]?.value === "Mål" && r[0]?.style === "header");

  it("stands on the row under the goal, across the city's columns, and names the indicators", () => {
    const comment = spec.rows[kf + 1];
    expect(comment).toHaveLength(1);
    expect(comment[0]).toMatchObject({ tone: "bad" });
    expect(comment[0]?.value).toMatch(
      /^Kommentar: Målet bedöms ”Uppfylls helt” men \d+ indikatorer uppfyller inte målet \(”/,
    );
    const lastCity = spec.rows[header].findIndex((c) => c?.value === "Med\navvikelse");
    expect(spec.merges).toContain(`A${kf + 2}:${String.fromCharCode(65 + lastCity)}${kf + 2}`);
    expect(spec.rows[header].map((c) => c?.value)).not.toContain("Kommentar");
  });

  it("keeps the goal and its comment within six printed lines", () => {
    const next = spec.rows.findIndex((r, i) => i > kf && String(r[0]?.value).startsWith("Nämndmål:"));
    const rows = spec.rows.slice(kf, next);
    const comment = rows.flat().find((c) => String(c?.value).includes("Målet bedöms"));
    expect(String(comment?.value).length).toBeGreaterThan(300);
    const height = spec.rowHeights!.slice(kf, next).reduce((a, b) => a + b, 0);
    expect(height).toBeLessThanOrEqual(6 * LINE);
  });
});
