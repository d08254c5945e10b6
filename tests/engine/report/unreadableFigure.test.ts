/**
 * A figure typed as text (`ca 40`) on the seeds' real rows: one finding at its cell, the text as
 * written in Målkoll Indikatorer with a status that says why, and listed by "Vad måste jag skriva?".
 */
import { check } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import type { OutCell } from "../../../src/engine/report/spec";
import { DEFAULT_FILTER, filterFindings } from "../../../src/taskpane/state/findings";
import { seedAtLines } from "../../helpers/seedAtLines";
import { snapshotOf } from "../../helpers/seedGrid";

const FERIEJOBB = "Antal tillhandahållna platser för feriejobb";

/** Writes `text` into the cell at seed line `line`, column `col` (0 = A) of a sheet made by seedAtLines. */
function write(sheet: SheetGrid, line: number, col: number, text: string): void {
  const row = sheet.values[line - sheet.originRow];
  while (row.length <= col) row.push(null);
  row[col] = text;
}

function indicatorRow(rows: (OutCell | null)[][], name: string): (OutCell | null)[] {
  const row = rows.find((r) => r[0]?.value === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

describe("004 line 80 (VB 2020, feriejobb) with `ca 40` as its outcome", () => {
  function run(outcome: string | null) {
    const sheet = seedAtLines("004-vb-kf-1.1-tvaradsrubrik");
    expect(String(sheet.values[80 - sheet.originRow][0]).trim()).toBe(FERIEJOBB);
    if (outcome !== null) write(sheet, 80, 1, outcome);
    const snapshot = snapshotOf(sheet);
    const result = check(snapshot);
    const indicator = result.model.indicators.find((i) => i.row === 80)!;
    const rows = buildReport(result, { snapshot }).sheets.find((s) => s.key === "indikatorer")!.rows;
    return { result, indicator, row: indicatorRow(rows, FERIEJOBB) };
  }

  it("gets one finding at B80, that the value can't be read, under the row's goal", () => {
    const { result, indicator } = run("ca 40");
    expect(result.model.period.kind).toBe("VB");
    expect(indicator.goal).not.toBeNull();
    expect(result.findings.filter((f) => f.cell === "B80").map((f) => [f.code, f.goal])).toEqual([
      ["value-unparseable", indicator.goal],
    ]);
  });

  it("left empty, as in the seed, the outcome is missing", () => {
    const { result } = run(null);
    expect(result.findings.filter((f) => f.cell === "B80").map((f) => f.code)).toEqual(["outcome-missing"]);
  });

  it("shows `ca 40` as written in Målkoll Indikatorer, and the status says it can't be read", () => {
    const { row } = run("ca 40");
    expect(row[1]?.value).toBe("ca 40");
    expect([row[10]?.value, row[10]?.tone]).toEqual(["▲ Värde oläsligt", "bad"]);
    // KF:s årsmål is `Tas fram av nämnd`: there is no KF target, readable outcome or not.
    expect(row[11]?.value).toBe("○ Inget mål");
    const { row: empty } = run(null);
    expect([empty[1], empty[10]?.value]).toEqual([null, "▲ Utfall saknas"]);
  });

  it("is listed by Vad måste jag skriva?, also within the goal's own scope", () => {
    const { result, indicator } = run("ca 40");
    const mustWrite = { ...DEFAULT_FILTER, mustWrite: true };
    const listed = (scope: string | null) =>
      filterFindings(result.findings, { ...mustWrite, scope }, result.model)
        .filter((f) => f.cell === "B80")
        .map((f) => f.code);
    expect(listed(null)).toEqual(["value-unparseable"]);
    expect(listed(`goal:${indicator.goal}`)).toEqual(["value-unparseable"]);
  });
});

describe("002 KF mål 1.1 (T2 2021) with figures typed as text", () => {
  const sheet = seedAtLines("002-t2-kf-1.1");
  write(sheet, 281, 5, "ca 80"); // Prognos helår of a row with no outcome yet (Mätperiod är i oktober)
  write(sheet, 285, 6, "ca 800 st"); // Årsmål of feriejobb, whose KF:s årsmål is `Tas fram av nämnd`
  write(sheet, 289, 2, "ca 39"); // men's outcome of a row judged on its forecast
  const snapshot = snapshotOf(sheet);
  const result = check(snapshot);
  const rows = buildReport(result, { snapshot }).sheets.find((s) => s.key === "indikatorer")!.rows;
  const startingWith = (name: string) => rows.find((r) => String(r[0]?.value).startsWith(name))!;

  it("shows each as written, in its own column", () => {
    expect(result.model.period.kind).toBe("T2");
    expect(startingWith("Andel personer som själv upplever")[5]?.value).toBe("ca 80");
    expect(indicatorRow(rows, FERIEJOBB)[6]?.value).toBe("ca 800 st");
    expect(startingWith("Antal unga 20-29 år")[2]?.value).toBe("ca 39");
  });

  it("says `Värde oläsligt` where the unreadable figure or target kept the status from being judged", () => {
    const upplever = startingWith("Andel personer som själv upplever");
    expect([upplever[10]?.value, upplever[10]?.tone]).toEqual(["▲ Värde oläsligt", "bad"]);
    const feriejobb = indicatorRow(rows, FERIEJOBB);
    expect([feriejobb[10]?.value, feriejobb[11]?.value]).toEqual(["▲ Värde oläsligt", "○ Inget mål"]);
    // Judged on its forecast 70 against 20: the men's figure does not decide the status.
    expect(startingWith("Antal unga 20-29 år")[10]?.value).toBe("● Uppfyllt (prognos)");
  });
});
