import { emptyState, decodeState, refuseForeignStateSheet } from "../../../src/engine/state";
import type { SheetGrid } from "../../../src/engine/grid";
import { Refusal } from "../../../src/engine/refusal";
import { plainSheet } from "../../helpers/seedGrid";
import { MemoryPort } from "../../../src/ports/memory/memoryPort";
import {
  stateOnlyPlan,
  updateStoredState,
  withColumnRoles,
  withDirection,
  withMapping,
  withSettings,
} from "../../../src/taskpane/state/storedState";

describe("stored state changes", () => {
  test("a mapping replaces the earlier one for the same table; an empty one removes it", () => {
    let s = withMapping(emptyState(), { sheet: "A", headerCell: "A5", tableType: "activities" });
    s = withMapping(s, { sheet: "B", headerCell: "A1", columns: { C: "outcome" } });
    s = withMapping(s, { sheet: "A", headerCell: "A5", tableType: "ignore", columns: {} });
    expect(s.mappings).toEqual([
      { sheet: "B", headerCell: "A1", columns: { C: "outcome" } },
      { sheet: "A", headerCell: "A5", tableType: "ignore" },
    ]);
    expect(withMapping(s, { sheet: "B", headerCell: "A1" }).mappings).toHaveLength(1);
  });

  test("a column's role joins its table's stored correction, or starts one", () => {
    const s = withColumnRoles(
      withMapping(emptyState(), {
        sheet: "Mål",
        headerCell: "A68",
        tableType: "activities",
        columns: { E: "comment" },
      }),
      [
        { sheet: "Mål", headerCell: "A68", column: "B", role: "ignore" },
        { sheet: "Mål", headerCell: "A128", column: "B", role: "ignore" },
      ],
    );
    expect(s.mappings).toEqual([
      { sheet: "Mål", headerCell: "A68", tableType: "activities", columns: { E: "comment", B: "ignore" } },
      { sheet: "Mål", headerCell: "A128", columns: { B: "ignore" } },
    ]);
  });

  test("directions are set per row and removed with null; settings are replaced", () => {
    let s = withDirection(emptyState(), "U", 12, "lower");
    s = withDirection(s, "U", 12, "higher");
    s = withDirection(s, "U", 13, "band");
    expect(s.directions).toEqual([
      { sheet: "U", row: 12, direction: "higher" },
      { sheet: "U", row: 13, direction: "band" },
    ]);
    expect(withDirection(s, "U", 12, null).directions).toEqual([{ sheet: "U", row: 13, direction: "band" }]);
    expect(
      withSettings({ ...s, settings: { resultUnitCap: 0.2 } }, { partlyMetTolerance: 0.05 }).settings,
    ).toEqual({ partlyMetTolerance: 0.05 });
  });

  test("the plan writes only state rows", () => {
    const plan = stateOnlyPlan(emptyState());
    expect(plan.sheets).toEqual([]);
    expect(plan.flags).toEqual([]);
    expect(plan.clearFlags).toEqual([]);
    expect(plan.state[0][0]).toBe("malkoll");
  });

  test("updates start from what the workbook holds now and keep its flags and owned sheets", async () => {
    const port = new MemoryPort({
      name: "t",
      sheets: [{ name: "U", visibility: "visible", originRow: 1, originCol: 1, values: [["x"]] }],
    });
    await port.write({
      ...stateOnlyPlan({
        ...emptyState(),
        flags: [{ sheet: "U", ranges: "A1" }],
        owned: [{ key: "indikatorer", name: "Målkoll Indikatorer", checksum: "abc" }],
      }),
      flags: [{ sheet: "U", cell: "A1", severity: "warning", message: "m" }],
    });
    await updateStoredState(port, (s) => withDirection(s, "U", 4, "lower"));
    const state = decodeState((await port.read()).sheets.find((s) => s.name === "_malkoll"));
    expect(state.directions).toEqual([{ sheet: "U", row: 4, direction: "lower" }]);
    expect(state.flags).toEqual([{ sheet: "U", ranges: "A1" }]);
    expect(state.owned).toHaveLength(1);
    expect(port.flags).toHaveLength(1);
    expect(port.sheets.map((s) => s.name)).toEqual(["U", "_malkoll"]);
  });

  test("a user's own sheet named _malkoll is refused, not overwritten with settings", async () => {
    const notes = [
      ["Mina anteckningar", null],
      [null, 42],
    ];
    const port = new MemoryPort({
      name: "t",
      sheets: [plainSheet("U", [["x"]]), plainSheet("_malkoll", notes)],
    });
    const error = await updateStoredState(port, (s) => withDirection(s, "U", 4, "lower")).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Refusal);
    expect((error as Refusal).messageSv).toMatch(/Bladet "_malkoll" är inte Målkolls.*Inget ändrades/);
    expect((await port.read()).sheets.find((s) => s.name === "_malkoll")?.values).toEqual(notes);
  });

  test("Målkoll's own _malkoll passes: its rows, a lease row alone (a write under way), or nothing", () => {
    const ok = (values: SheetGrid["values"]) => () =>
      refuseForeignStateSheet({ name: "t", sheets: [plainSheet("_malkoll", values)] });
    expect(
      ok([["malkoll", 1, "Målkolls tillstånd – ändra inte / Målkoll state – do not edit"]]),
    ).not.toThrow();
    expect(ok([[], [], ["lease", "run-1", "2026-12-05T10:00:00Z", "Excel", "PC", "{}"]])).not.toThrow();
    expect(ok([[null], [""]])).not.toThrow();
    expect(ok([["Anteckning"]])).toThrow(Refusal);
    expect(() =>
      refuseForeignStateSheet({ name: "t", sheets: [plainSheet("Blad1", [["Anteckning"]])] }),
    ).not.toThrow();
  });
});
