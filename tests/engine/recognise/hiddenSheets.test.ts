/**
 * A sheet the user hid is left out as a hidden row is: none of its goals, tables or period texts
 * is read, and one `sheet-hidden` info says so where it holds tables. Seed 002's KF 1.1 indicator
 * table (lines 271–290) beside its Driftbudget per område (lines 1936–1953).
 */
import { check } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { snapshotOf } from "../../helpers/seedGrid";
import { seedAtLines } from "../../helpers/seedAtLines";

const T2_2021 = { period: { kind: "T2" as const, year: 2021 } };
const KF_11 = seedAtLines("002-t2-kf-1.1", "Uppföljning");
const BUDGET = seedAtLines("002-t2-driftbudget", "Driftbudget");
const hiddenAs = (sheet: SheetGrid, visibility: SheetGrid["visibility"]): SheetGrid => ({
  ...sheet,
  visibility,
});

describe("a hidden sheet with tables (002's Driftbudget hidden beside KF 1.1)", () => {
  const visible = check(snapshotOf(KF_11, BUDGET), T2_2021);
  const result = check(snapshotOf(KF_11, hiddenAs(BUDGET, "hidden")), T2_2021);

  test("gives no budget lines and none of their findings; the visible sheet is read as before", () => {
    expect(visible.model.budget.length).toBeGreaterThan(10);
    expect(result.model.budget).toEqual([]);
    expect(result.findings.filter((f) => f.sheet === "Driftbudget").map((f) => f.code)).toEqual([
      "sheet-hidden",
    ]);
    expect(result.model.indicators).toEqual(visible.model.indicators);
  });

  test("one info at its first table's header, saying how many tables and what to do", () => {
    const [note] = result.findings.filter((f) => f.code === "sheet-hidden");
    const tables = new Set(visible.model.budget.map((b) => b.tableId)).size;
    expect(tables).toBeGreaterThan(1);
    expect(note).toMatchObject({ severity: "info", sheet: "Driftbudget" });
    expect(note.message).toBe(
      `Bladet ”Driftbudget” är dolt, så dess ${tables} tabeller läses inte. Visa bladet (högerklicka på en bladflik, Ta fram…) om de ska med.`,
    );
    expect(note.messageEn).toBe(
      `The sheet "Driftbudget" is hidden, so its ${tables} tables are not read. Unhide the sheet (right-click a sheet tab, Unhide…) if they belong in the report.`,
    );
    const firstTable = visible.model.budget[0].tableId.split("!")[1];
    expect(note.cell).toBe(firstTable);
  });

  test("a very hidden sheet is left out too, and the message does not send the user to Visa", () => {
    const very = check(snapshotOf(KF_11, hiddenAs(BUDGET, "veryHidden")), T2_2021);
    expect(very.model.budget).toEqual([]);
    const [note] = very.findings.filter((f) => f.code === "sheet-hidden");
    expect(note.message).toMatch(
      /^Bladet ”Driftbudget” är mycket dolt \(Excels Ta fram… listar det inte\), så dess \d+ tabeller läses inte\.$/,
    );
  });

  test("a hidden sheet's goals are not read either, and a hidden sheet without tables says nothing", () => {
    const onlyHidden = check(snapshotOf(hiddenAs(KF_11, "hidden")), T2_2021);
    expect(onlyHidden.model.goals).toEqual([]);
    expect(onlyHidden.model.indicators).toEqual([]);
    expect(onlyHidden.findings.filter((f) => f.code === "sheet-hidden")).toHaveLength(1);
    const notes: SheetGrid = {
      ...KF_11,
      name: "Anteckningar",
      values: [["Att göra: ring ekonomen"]],
      visibility: "hidden",
    };
    expect(check(snapshotOf(KF_11, notes), T2_2021).findings.some((f) => f.code === "sheet-hidden")).toBe(
      false,
    );
  });
});

describe("a hidden sheet is not checked either", () => {
  test("its template leftovers, statement sums and uncomputed formulas give no finding", () => {
    // 002's KF 1.1 on a hidden data sheet, with a leftover `XXXXX`, a wrong sum and a formula Excel never computed.
    const data: SheetGrid = {
      ...KF_11,
      name: "Data",
      visibility: "hidden",
      values: [
        ...KF_11.values,
        [],
        ["XXXXX"],
        ["Summa tillgångar", 400],
        ["Anläggningstillgångar", 100],
        ["Omsättningstillgångar", 200],
      ],
      // Summa tillgångar's 400 as a formula Excel never computed.
      formulas: KF_11.values.map((): (string | null)[] => []).concat([[], [], [null, "SUM(B1:B2)"], [], []]),
    };
    const result = check(snapshotOf(KF_11, data), T2_2021);
    expect(result.findings.filter((f) => f.sheet === "Data").map((f) => f.code)).toEqual(["sheet-hidden"]);
    const shown = check(snapshotOf(KF_11, { ...data, visibility: "visible" }), T2_2021);
    expect(shown.findings.filter((f) => f.sheet === "Data").map((f) => f.code)).toEqual(
      expect.arrayContaining(["placeholder-text"]),
    );
  });
});
