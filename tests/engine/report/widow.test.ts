/**
 * A table continued onto a new page carries at least two of its rows there: its last row never
 * stands alone under the repeated header (the review's libreoffice.xlsx, Indikatorer page 9). The
 * rows are those of KF mål 1.1 in the T2 2021 report (seed 002, lines 284–290), the table made
 * longer by repeating them, so that some length leaves the last row alone on the old planner.
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { loadSeedFixture, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";

const HEADER =
  "Indikator\tPeriodens utfall\tUtfall män/ pojkar\tUtfall kvinnor/ flickor\tPeriodens utfall VB 2020\tPrognos helår\tÅrsmål\tKF:s årsmål\tPeriod";

/** Seed lines 284–290: seven indicator rows, one with its `Analys` in the row below. */
const ROWS = seedLines(loadSeedFixture("002-t2-kf-1.1")).slice(131, 138);

function indicatorSheet(count: number): SheetSpec {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) rows.push(ROWS[i % ROWS.length]);
  const text = [
    "KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande",
    HEADER,
    ...rows,
  ].join("\n");
  const snapshot = snapshotOf(textToSheet("Uppföljning", text));
  const report = buildReport(check(snapshot, { period: { kind: "T2", year: 2021 } }), { snapshot });
  return report.sheets.find((s) => s.key === "indikatorer")!;
}

/** The table rows a continued page holds, not counting `Analys` rows; by the break's row. */
function continuedPages(spec: SheetSpec): Map<number, number> {
  const pages = new Map<number, number>();
  const breaks = spec.pageBreaks ?? [];
  breaks.forEach((at, i) => {
    const table = spec.tables!.find((t) => at > t.header && at <= t.last);
    if (!table || spec.rows[at - 1][0]?.style !== "header") return;
    const end = Math.min(table.last, (breaks[i + 1] ?? Infinity) - 1);
    if (end < table.last) return; // the table goes on past this page
    let rows = 0;
    for (let r = at + 1; r <= end; r++)
      if (!String(spec.rows[r - 1][0]?.value ?? "").startsWith("Analys:")) rows++;
    pages.set(at, rows);
  });
  return pages;
}

it("never leaves a table's last row alone under its repeated header", () => {
  const alone: string[] = [];
  let continued = 0;
  for (let count = 20; count <= 60; count++) {
    const pages = continuedPages(indicatorSheet(count));
    for (const [at, rows] of pages) {
      continued++;
      if (rows < 2) alone.push(`${count} rows: page from row ${at} holds ${rows}`);
    }
  }
  expect(continued).toBeGreaterThan(20);
  expect(alone).toEqual([]);
});
