/**
 * A budget finding's words fit the table it is about. A unit's own `Kostnadsslag | Budget 2026 |
 * Utfall 2026 | Avvikelse` has no column of budgetjusteringar and no varav rows, and its findings
 * said `budget + justeringar − utfall` and `(varav-rader räknas inte)` all the same (the walk of
 * 7 December). The city's Driftbudget tables (002), with Begärda BJ and varav rows, keep those words.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import type { Finding } from "../../../src/engine/findings";
import { plainSheet, snapshotOf, seedSheet, textToSheet } from "../../helpers/seedGrid";
import { AREA_TABLE_WITH_VARAV } from "./areaTable";

const summary = (fs: Finding[], code: string) =>
  fs.filter((f) => f.code === code).map((f) => [f.cell, f.message, f.messageEn]);

describe("a unit's table without adjustments or varav rows", () => {
  const rows: CellValue[][] = [
    ["Driftbudget (tkr)"],
    ["Kostnadsslag", "Budget 2026", "Utfall 2026", "Avvikelse"],
    ["Personalkostnader", 4200, 4150, 50],
    // Budget − utfall is −40: the unit wrote it without its minus sign.
    ["Lokalkostnader", 900, 940, 40],
    ["Övriga kostnader", 300, 280, 20],
    // The budget column's rows add up to 5 400.
    ["Summa", 5500, 5370, 30],
  ];
  const found = check(snapshotOf(plainSheet("Ekonomi", rows)), {
    period: { kind: "VB", year: 2026 },
  }).findings;

  test("the deviation is budget − utfall, without justeringar", () => {
    expect(summary(found, "budget-deviation-mismatch")[0]).toEqual([
      "D4",
      "”Lokalkostnader”: avvikelsen 40 tkr stämmer inte med budget − utfall = -40 tkr.",
      '"Lokalkostnader": the deviation 40 tkr does not equal budget − outcome = -40 tkr.',
    ]);
  });

  test("a wrong total says nothing of varav rows the table does not have", () => {
    const total = summary(found, "budget-total-mismatch").filter(([cell]) => cell === "B6");
    expect(total).toEqual([
      [
        "B6",
        "”Summa” (Budget): 5\u00a0500 tkr är inte summan av raderna ovan, 5\u00a0400 tkr.",
        '"Summa" (Budget): 5,500 tkr is not the sum of the rows above, 5,400 tkr.',
      ],
    ]);
  });

  test("with a forecast column the deviation is budget − prognos", () => {
    const forecast = rows.map((r, i) =>
      i === 1 ? ["Kostnadsslag", "Budget 2026", "Prognos 2026", "Avvikelse"] : r,
    );
    const fs = check(snapshotOf(plainSheet("Ekonomi", forecast)), {
      period: { kind: "T2", year: 2026 },
    }).findings;
    expect(summary(fs, "budget-deviation-mismatch")[0]).toEqual([
      "D4",
      "”Lokalkostnader”: avvikelsen 40 tkr stämmer inte med budget − prognos = -40 tkr.",
      '"Lokalkostnader": the deviation 40 tkr does not equal budget − forecast = -40 tkr.',
    ]);
  });
});

describe("the city's Driftbudget tables keep their words", () => {
  test("with Begärda BJ and varav rows (002's area table): budget + justeringar, varav rows not counted", () => {
    const text = AREA_TABLE_WITH_VARAV;
    const found = check(snapshotOf(textToSheet("Driftbudget", text))).findings;
    expect(summary(found, "budget-deviation-mismatch")).toEqual([
      [
        "F3",
        expect.stringContaining("stämmer inte med budget + justeringar − prognos = "),
        expect.stringContaining("does not equal budget + adjustments − forecast = "),
      ],
    ]);
    const total = summary(found, "budget-total-mismatch");
    expect(total.map(([cell]) => cell)).toEqual(["B5", "F5"]);
    for (const [, sv, en] of total) {
      expect(sv).toContain(" (varav-rader räknas inte).");
      expect(en).toContain(" (varav rows not counted).");
    }
  });

  test("the seed's nämnd table (Begärda BJ and förändringar) says budget + justeringar", () => {
    const sheet = seedSheet("002-t2-driftbudget.txt", "Driftbudget");
    // Kostnader's Avvikelse 16,9 made 61,9: 2 924,7 + 15,2 + 39,4 − 2 962,4 is 16,9.
    sheet.values = sheet.values.map((row) => (row[0] === "Kostnader" ? [...row.slice(0, 5), "61,9"] : row));
    const found = check(snapshotOf(sheet), { period: { kind: "T2", year: 2021 } }).findings;
    expect(summary(found, "budget-deviation-mismatch")).toEqual([
      [
        "F8",
        "”Kostnader”: avvikelsen 61,9 mnkr stämmer inte med budget + justeringar − prognos = 16,9 mnkr.",
        '"Kostnader": the deviation 61.9 mnkr does not equal budget + adjustments − forecast = 16.9 mnkr.',
      ],
    ]);
  });
});

test("the seed's area table with a wrong Totalt: its varav rows are not counted, and the message says so", () => {
  const sheet = seedSheet("002-t2-driftbudget.txt", "Driftbudget");
  sheet.values = sheet.values.map((row) =>
    row[0] === "Totalt" ? [row[0], "2 436,3", ...row.slice(2)] : row,
  );
  const found = check(snapshotOf(sheet), { period: { kind: "T2", year: 2021 } }).findings;
  expect(summary(found, "budget-total-mismatch")).toEqual([
    [
      "B33",
      "”Totalt” (Budget): 2\u00a0436,3 mnkr är inte summan av raderna ovan, 2\u00a0435,4 mnkr (varav-rader räknas inte).",
      '"Totalt" (Budget): 2,436.3 mnkr is not the sum of the rows above, 2,435.4 mnkr (varav rows not counted).',
    ],
  ]);
});
