/**
 * A header's line never starts with a part that is only a unit or sign (`%)`, `(+)`, `(-)`,
 * `(+/-)`): it goes with the word before it, as the city's reports print `(max 10 %)` and
 * `Underskott (+)`. The Resultatenheter and Driftbudget tables of the T2 2021 report (seed 002,
 * lines 2241–2270 and 1925–1953).
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { breakLines } from "../../../src/engine/report/measure";
import { seedSheet, snapshotOf } from "../../helpers/seedGrid";

const UNIT_OR_SIGN = /^(%\)?|\(%\)|\([+-]\)|\(\+\/-\)|tkr|mnkr)$/;

/** The header cells with line breaks on the Driftbudget sheet of a workbook holding both tables, as its line texts. */
function headerLines(): string[][] {
  const snapshot = snapshotOf(
    seedSheet("002-t2-driftbudget", "Ekonomi"),
    seedSheet("002-t2-resultatenheter", "Resultatenheter"),
  );
  const report = buildReport(check(snapshot, { period: { kind: "T2", year: 2021 } }), { snapshot });
  const budget = report.sheets.find((s) => s.key === "driftbudget")!;
  const out: string[][] = [];
  for (const table of budget.tables ?? [])
    for (const cell of budget.rows[table.header - 1])
      if (cell && typeof cell.value === "string" && cell.value.includes("\n"))
        out.push(cell.value.split("\n"));
  return out;
}

it("starts no line of the Driftbudget sheet's headers with a unit or sign", () => {
  const headers = headerLines();
  expect(headers.length).toBeGreaterThan(8);
  const bad = headers.filter((lines) => lines.some((line) => UNIT_OR_SIGN.test(line.trim().split(" ")[0])));
  expect(bad).toEqual([]);
});

it("keeps every header as deep as the published ones: the city's tables four lines, Resultatenheter five", () => {
  const depths = headerLines().map((lines) => lines.length);
  expect(Math.max(...depths)).toBe(5);
  const resultatenheter = headerLines().filter((lines) =>
    lines.join(" ").includes("Beräknad resultatöverföring"),
  );
  expect(resultatenheter.map((lines) => lines.length)).toEqual([5]);
});

it("keeps `%)` and `(+)` with the word before them, and parts them only where the two are wider than a line", () => {
  const header = "Beräknad resultatöverföring till 2022 (max 10 %) Överskott (+) Underskott (-)";
  expect(breakLines(header, 72, 9, true)).toEqual([
    "Beräknad",
    "resultatöverföring",
    "till 2022 (max",
    "10 %)",
    "Överskott (+)",
    "Underskott (-)",
  ]);
  expect(breakLines("Beräknat resultat 2021 Överskott (-) Underskott (+)", 100, 9, true)).toEqual([
    "Beräknat resultat 2021",
    "Överskott (-)",
    "Underskott (+)",
  ]);
  // Narrower than `Överskott (-)`: the sign goes on a line of its own rather than be cut.
  expect(breakLines("Överskott (-) Underskott (+)", 48, 9, true)).toEqual([
    "Överskott",
    "(-)",
    "Underskott",
    "(+)",
  ]);
});
