/**
 * Rows the user hid inside a recognised table (by hand, in a collapsed group, or by a filter) are
 * not read: no indicator, activity, budget line or `Analys` text comes from them, nothing is judged
 * or counted by them, and one `rows-hidden` info per table says how many and which. Seed 002's KF
 * 1.1 indicator table (lines 271–290) and its Driftbudget per område (lines 1936–1953).
 */
import { check } from "../../../src/engine";
import type { CheckResult } from "../../../src/engine";
import type { Finding } from "../../../src/engine/findings";
import type { SheetGrid } from "../../../src/engine/grid";
import { snapshotOf } from "../../helpers/seedGrid";
import { seedAtLines } from "../../helpers/seedAtLines";

const T2_2021 = { period: { kind: "T2" as const, year: 2021 } };
const KF_11 = seedAtLines("002-t2-kf-1.1");

function checked(sheet: SheetGrid, hiddenRows?: number[]): CheckResult {
  return check(snapshotOf(hiddenRows ? { ...sheet, hiddenRows } : sheet), T2_2021);
}

function hiddenFindings(result: CheckResult): Finding[] {
  return result.findings.filter((f) => f.code === "rows-hidden");
}

const visible = checked(KF_11);
/** The goal KF 1.1 (its heading at seed line 159), whose counts the table's indicators make. */
const countsOf = (result: CheckResult) => result.model.goals.find((g) => g.row === 159)!.counts;

describe("a hidden indicator row (002 line 284, Antal aspiranter: met)", () => {
  const result = checked(KF_11, [284]);

  test("is not read: no indicator, no status, not counted for its goal", () => {
    expect(visible.model.indicators.find((i) => i.row === 284)?.status).toBe("met");
    expect(result.model.indicators.some((i) => i.row === 284)).toBe(false);
    expect(result.model.indicators).toHaveLength(visible.model.indicators.length - 1);
    expect(countsOf(result)).toEqual({ ...countsOf(visible), met: countsOf(visible).met - 1 });
  });

  test("gets one info at its name cell, saying which row and its name, Swedish first", () => {
    expect(hiddenFindings(result)).toEqual([
      {
        code: "rows-hidden",
        severity: "info",
        sheet: "Uppföljning",
        cell: "A284",
        range: "A284:I284",
        goal: null,
        message:
          "1 dold rad i tabellen i A271 läses inte (rad 284: ”Antal aspiranter som fått Stockholmsjobb”). Visa raden om den ska med.",
        messageEn:
          '1 hidden row in the table at A271 is not read (row 284: "Antal aspiranter som fått Stockholmsjobb"). Unhide the row if it belongs in the report.',
      },
    ]);
    // Nothing else changes: the one info is the only new finding.
    expect(result.findings.length).toBe(visible.findings.length + 1);
  });
});

test("several hidden rows: one info per table, counting them, runs of neighbours joined", () => {
  const result = checked(KF_11, [281, 283, 284, 287]);
  const [only] = hiddenFindings(result);
  expect(hiddenFindings(result)).toHaveLength(1);
  expect(only).toMatchObject({ cell: "A281", range: "A281:I287" });
  expect(only.message).toBe(
    "4 dolda rader i tabellen i A271 läses inte (rad 281, 283–284, 287: ”Andel personer som själv upplever att de får en förbättrad situation av insatsen…” …). Visa raderna om de ska med.",
  );
  expect(only.messageEn).toMatch(
    /^4 hidden rows in the table at A271 are not read \(rows 281, 283–284, 287: "/,
  );
  expect(result.model.indicators.map((i) => i.row).filter((r) => r >= 271 && r <= 290)).toEqual([
    272, 279, 285, 288, 289, 290,
  ]);
});

test("the Analys row under a hidden indicator is its own, not the row above's", () => {
  // 285 (feriejobb) hidden, its Analys (286) shown: 284 above it has no analysis of its own.
  const result = checked(KF_11, [285]);
  expect(result.model.indicators.find((i) => i.row === 284)?.analysis).toBeNull();
  expect(result.model.indicators.some((i) => i.row === 285)).toBe(false);
  expect(hiddenFindings(result).map((f) => f.cell)).toEqual(["A285"]);
});

test("a hidden Analys row is not read either, and is listed", () => {
  const result = checked(KF_11, [280]);
  expect(visible.model.indicators.find((i) => i.row === 279)?.analysis).toMatch(/^I samband med pandemin/);
  expect(result.model.indicators.find((i) => i.row === 279)?.analysis).toBeNull();
  expect(hiddenFindings(result).map((f) => [f.cell, f.message.slice(0, 71)])).toEqual([
    ["A280", "1 dold rad i tabellen i A271 läses inte (rad 280: ”Analys I samband med"],
  ]);
});

test("a hidden header row still heads its table: its rows are read", () => {
  const result = checked(KF_11, [271]);
  expect(hiddenFindings(result)).toEqual([]);
  expect(result.model.indicators.map((i) => i.row)).toEqual(visible.model.indicators.map((i) => i.row));
});

test("a table hidden whole is read as a table without rows, and said once", () => {
  const rows = Array.from({ length: 20 }, (_, k) => 271 + k);
  const result = checked(KF_11, rows);
  expect(result.model.indicators.filter((i) => i.row >= 271 && i.row <= 290)).toEqual([]);
  expect(hiddenFindings(result).map((f) => f.message)).toEqual([
    "15 dolda rader i tabellen i A271 läses inte (rad 272–274, 279–290: ”Andel barn som lever i familjer som har ekonomiskt bistånd” …). Visa raderna om de ska med.",
  ]);
  expect(countsOf(result)).toMatchObject({ met: 0, partlyMet: 0, notMet: 0, notMeasured: 0 });
});

test("a leftover in a hidden row is not reported", () => {
  const values = KF_11.values.map((row) => [...row]);
  values[284 - KF_11.originRow][0] = "Antal aspiranter som fått Stockholmsjobb XXXXX";
  const sheet = { ...KF_11, values };
  expect(checked(sheet).findings.some((f) => f.code === "placeholder-text" && f.cell === "A284")).toBe(true);
  expect(checked(sheet, [284]).findings.some((f) => f.code === "placeholder-text")).toBe(false);
});

describe("a hidden row in Driftbudget per område (002 lines 1936–1953)", () => {
  const budget = seedAtLines("002-t2-driftbudget");
  const plain = checked(budget);
  const lineAt = (result: CheckResult, row: number) => result.model.budget.find((l) => l.row === row);

  test("Förskoleverksamhet hidden: no line, and the total over it is not checked against the rest", () => {
    const result = checked(budget, [1946]);
    expect(lineAt(plain, 1946)?.label).toBe("Förskoleverksamhet");
    expect(lineAt(result, 1946)).toBeUndefined();
    expect(result.findings.filter((f) => f.code === "budget-total-mismatch")).toEqual(
      plain.findings.filter((f) => f.code === "budget-total-mismatch"),
    );
    expect(hiddenFindings(result).map((f) => [f.cell, f.message])).toEqual([
      [
        "A1946",
        "1 dold rad i tabellen i A1936 läses inte (rad 1946: ”Förskoleverksamhet”). Visa raden om den ska med.",
      ],
    ]);
  });

  test("its varav rows hidden (a collapsed group): left out, and said once for the table", () => {
    const result = checked(budget, [1939, 1940, 1941, 1942]);
    expect([1939, 1940, 1941, 1942].map((row) => lineAt(result, row))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(hiddenFindings(result).map((f) => f.message)).toEqual([
      "4 dolda rader i tabellen i A1936 läses inte (rad 1939–1942: ”<i>varav socialpsykiatri</i>” …). Visa raderna om de ska med.",
    ]);
  });
});
