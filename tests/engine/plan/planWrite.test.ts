import type { CheckResult } from "../../../src/engine/index";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../../src/engine/grid";
import { planWrite, inputChecksum } from "../../../src/engine/plan";
import {
  formulasAsPlanned,
  gridCells,
  matchesChecksum,
  sheetChecksum,
  specCells,
} from "../../../src/engine/plan/canonical";
import { isGeneratedSheetName, SheetNames } from "../../../src/engine/plan/naming";
import { buildReport } from "../../../src/engine/report";
import { OWNED_SHEET_TITLES, STATE_SHEET } from "../../../src/engine/report/spec";
import type { MalkollState } from "../../../src/engine/state";
import { decodeState } from "../../../src/engine/state";
import { MemoryPort } from "../../../src/ports/memory/memoryPort";
import { makeResult, makeSnapshot } from "../report/fixture";

const NOW = new Date("2021-09-15T10:00:00Z");
const LATER = new Date("2021-09-16T10:00:00Z");
const OPTS = { now: NOW, host: "cli" };

/** One run as the pipeline does it: read, report, plan, write. */
async function run(port: MemoryPort, now = NOW, patch: (r: CheckResult) => void = () => undefined) {
  const snapshot = await port.read();
  const result = makeResult({ state: decodeState(snapshot.sheets.find((s) => s.name === STATE_SHEET)) });
  patch(result);
  const output = buildReport(result, { generatedAt: "2021-09-15", snapshot });
  const plan = await planWrite(snapshot, result, output, { now, host: "cli" });
  await port.write(plan);
  const state = decodeState((await port.read()).sheets.find((s) => s.name === STATE_SHEET));
  return { snapshot, result, output, plan, state };
}

function stateOf(rows: CellValue[][]): MalkollState {
  return decodeState({
    name: STATE_SHEET,
    visibility: "veryHidden",
    originRow: 1,
    originCol: 1,
    values: rows,
  });
}

describe("first run", () => {
  it("writes every owned sheet under its title and records it with a checksum", async () => {
    const snapshot = makeSnapshot();
    const result = makeResult();
    const output = buildReport(result, { snapshot });
    const plan = await planWrite(snapshot, result, output, OPTS);
    expect(plan.renames).toEqual([]);
    expect(plan.findings).toEqual([]);
    expect(plan.sheets.map((s) => [s.name, s.replaces])).toEqual([
      ["Målkoll Indikatorer", false],
      ["Målkoll Måluppfyllelse", false],
      ["Målkoll Driftbudget", false],
      ["Målkoll Avvikelser", false],
      ["Målkoll Aktiviteter", false],
    ]);
    const state = stateOf(plan.state);
    expect(state.owned.map((o) => o.key)).toEqual([
      "indikatorer",
      "maluppfyllelse",
      "driftbudget",
      "avvikelser",
      "aktiviteter",
    ]);
    for (const o of state.owned) expect(o.checksum).toMatch(/^[0-9a-f]{64}(:[0-9a-f]{64}){3}$/);
    expect(state.owned[0].checksum).toBe(await sheetChecksum(specCells(output.sheets[0])));
  });

  it("applies the report's flags and records them per sheet; clears the previous run's", async () => {
    const snapshot = makeSnapshot();
    const result = makeResult();
    result.state.flags = [{ sheet: "Uppföljning", ranges: "C3" }];
    const plan = await planWrite(snapshot, result, buildReport(result, { snapshot }), OPTS);
    expect(plan.flags).toHaveLength(4);
    expect(plan.clearFlags).toEqual([{ sheet: "Uppföljning", ranges: "C3" }]);
    expect(stateOf(plan.state).flags).toEqual([
      { sheet: "Uppföljning", ranges: "B7,A34,A31" },
      { sheet: "Driftbudget", ranges: "F15" },
    ]);
  });

  it("flags no cell on a protected sheet, keeps an earlier run's flags there, and says so once per sheet", async () => {
    const snapshot = makeSnapshot();
    const budget = snapshot.sheets.find((s) => s.name === "Driftbudget");
    if (!budget) throw new Error("no Driftbudget sheet");
    budget.protected = true;
    const result = makeResult();
    result.state.flags = [
      { sheet: "Driftbudget", ranges: "F14,F20" },
      { sheet: "Uppföljning", ranges: "C3" },
    ];
    const plan = await planWrite(snapshot, result, buildReport(result, { snapshot }), OPTS);
    expect(plan.flags.map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      "Uppföljning!B7",
      "Uppföljning!A34",
      "Uppföljning!A31",
    ]);
    // Only the unprotected sheet's old flags are removed; the protected sheet's stay recorded.
    expect(plan.clearFlags).toEqual([{ sheet: "Uppföljning", ranges: "C3" }]);
    expect(stateOf(plan.state).flags).toEqual([
      { sheet: "Uppföljning", ranges: "B7,A34,A31" },
      { sheet: "Driftbudget", ranges: "F14,F20" },
    ]);
    expect(plan.findings).toEqual([
      expect.objectContaining({
        code: "protected-sheet-unflagged",
        severity: "info",
        sheet: "Driftbudget",
        cell: "A1",
        message:
          "Bladet ”Driftbudget” är skyddat, så Målkoll markerar inte dess cell med fynd (Excel tillåter ingen villkorsstyrd formatering på ett skyddat blad). Fynden finns i fyndlistan och i Målkoll Avvikelser. 2 markeringar från en tidigare körning står kvar tills skyddet tas bort. Ta bort bladskyddet och kör igen för att få markeringarna.",
      }),
    ]);
  });

  it("a protected sheet with only an earlier run's flags is named too", async () => {
    const snapshot = makeSnapshot();
    snapshot.sheets.push({
      name: "Instruktioner",
      visibility: "visible",
      originRow: 1,
      originCol: 1,
      values: [["Fyll i de gula cellerna"]],
      protected: true,
    });
    const result = makeResult();
    result.state.flags = [{ sheet: "Instruktioner", ranges: "A1" }];
    const plan = await planWrite(snapshot, result, buildReport(result, { snapshot }), OPTS);
    expect(plan.clearFlags).toEqual([]);
    expect(stateOf(plan.state).flags).toContainEqual({ sheet: "Instruktioner", ranges: "A1" });
    expect(plan.findings.map((f) => [f.sheet, f.messageEn])).toEqual([
      [
        "Instruktioner",
        'The sheet "Instruktioner" is protected (Excel allows no conditional formatting on a protected sheet), so Målkoll does not remove one mark from an earlier run. Unprotect the sheet and run again to get the marks right.',
      ],
    ]);
  });

  it("appends a run log entry and keeps the earlier ones", async () => {
    const snapshot = makeSnapshot();
    const result = makeResult();
    const earlier = [
      {
        at: "2021-05-10T08:00:00.000Z",
        period: "T1 2021",
        errors: 2,
        warnings: 5,
        infos: 0,
        inputChecksum: "abc",
        host: "excel",
      },
      {
        at: "2021-09-01T08:00:00.000Z",
        period: "T2 2021",
        errors: 1,
        warnings: 4,
        infos: 1,
        inputChecksum: "def",
        host: "cli",
      },
    ];
    result.state.log = earlier.map((e) => ({ ...e }));
    result.state.settings = { partlyMetTolerance: 0.2 };
    const plan = await planWrite(snapshot, result, buildReport(result, { snapshot }), OPTS);
    const state = stateOf(plan.state);
    expect(state.log.slice(0, 2)).toEqual(earlier);
    expect(state.log[2]).toEqual({
      at: "2021-09-15T10:00:00.000Z",
      period: "T2 2021",
      errors: 0,
      warnings: 4,
      infos: 0,
      inputChecksum: await inputChecksum(snapshot, result.state),
      host: "cli",
    });
    expect(state.log[2].inputChecksum).toMatch(/^[0-9a-f]{64}$/);
    expect(state.settings).toEqual({ partlyMetTolerance: 0.2 });
  });

  it("names an unknown period `okänd`", async () => {
    const snapshot = makeSnapshot();
    const result = makeResult();
    result.model.period = { kind: null, year: null, source: "none" };
    const plan = await planWrite(snapshot, result, buildReport(result), OPTS);
    expect(stateOf(plan.state).log[0].period).toBe("okänd");
  });
});

describe("regenerating", () => {
  it("replaces its own sheets and finds no edit when nothing was touched (twice)", async () => {
    const port = new MemoryPort(makeSnapshot());
    const first = await run(port);
    const second = await run(port, LATER);
    expect(second.plan.findings).toEqual([]);
    expect(second.plan.renames).toEqual([]);
    expect(second.plan.sheets.every((s) => s.replaces)).toBe(true);
    expect(second.plan.clearFlags).toEqual(first.state.flags);
    const third = await run(port, LATER);
    expect(third.plan.findings).toEqual([]);
    expect(third.state.log).toHaveLength(3);
    expect(third.state.log[1].inputChecksum).toBe(third.state.log[0].inputChecksum);
    expect(port.sheets.map((s) => s.name)).toEqual([
      "Uppföljning",
      "Driftbudget",
      "Målkoll Indikatorer",
      "Målkoll Måluppfyllelse",
      "Målkoll Driftbudget",
      "Målkoll Avvikelser",
      "Målkoll Aktiviteter",
      STATE_SHEET,
    ]);
  });

  it("is not fooled by what Excel does to a written sheet", async () => {
    const port = new MemoryPort(makeSnapshot());
    const { plan } = await run(port);
    const snapshot = await port.read();
    const owned = stateOf(plan.state).owned;
    const budget = snapshot.sheets.find((s) => s.name === "Målkoll Driftbudget")!;
    const record = owned.find((o) => o.key === "driftbudget")!;
    // Recalculation noise, unquoted sheet names, `=` and `$` in formulas, numbers typed as text,
    // a used range that no longer starts at A1 (empty first row trimmed) and ragged rows.
    const excelish: SheetGrid = {
      ...budget,
      values: budget.values.map((r) => r.map((v) => (typeof v === "number" ? v + v * 1e-15 : v))),
      formulas: budget.formulas!.map((r) =>
        r.map((f) => (f ? `=${f.replace(/'Driftbudget'!([A-Z]+)(\d+)/g, "Driftbudget!$$$1$$$2")}` : f)),
      ),
    };
    expect(excelish.formulas![5][1]).toBe("=Driftbudget!$B$4");
    expect(await matchesChecksum(excelish, record.checksum)).toBe(true);
    const indik = snapshot.sheets.find((s) => s.name === "Målkoll Indikatorer")!;
    const shifted: SheetGrid = { ...indik, originRow: 1, values: indik.values.map((r) => [...r, null, ""]) };
    expect(await matchesChecksum(shifted, owned[0].checksum)).toBe(true);
  });

  it("falls back to values when the port reports no formulas", async () => {
    const port = new MemoryPort(makeSnapshot());
    const { plan } = await run(port);
    const snapshot = await port.read();
    const budget = snapshot.sheets.find((s) => s.name === "Målkoll Driftbudget")!;
    const record = stateOf(plan.state).owned.find((o) => o.key === "driftbudget")!;
    const valuesOnly: SheetGrid = { ...budget, formulas: undefined };
    expect(await matchesChecksum(valuesOnly, record.checksum)).toBe(true);
    valuesOnly.values = valuesOnly.values.map((r) => [...r]);
    valuesOnly.values[5][5] = 20;
    expect(await matchesChecksum(valuesOnly, record.checksum)).toBe(false);
  });

  it("does not take a changed source for a hand edit: the live formulas stay the same", async () => {
    const port = new MemoryPort(makeSnapshot());
    await run(port);
    const source = port.sheet("Driftbudget")!;
    source.values[3][1] = 2500; // budget netto in the user's own table
    const snapshot = await port.read();
    const state = decodeState(snapshot.sheets.find((s) => s.name === STATE_SHEET));
    const budget = snapshot.sheets.find((s) => s.name === "Målkoll Driftbudget")!;
    budget.values[5][1] = 2500; // what Excel would show after recalculating
    expect(await matchesChecksum(budget, state.owned.find((o) => o.key === "driftbudget")!.checksum)).toBe(
      true,
    );
  });
});

describe("references Excel moved", () => {
  /** The written Målkoll Driftbudget, its record, and a copy with each formula changed by `move`. */
  async function moved(move: (formula: string) => string) {
    const port = new MemoryPort(makeSnapshot());
    const { plan } = await run(port);
    const budget = (await port.read()).sheets.find((s) => s.name === "Målkoll Driftbudget")!;
    const record = stateOf(plan.state).owned.find((o) => o.key === "driftbudget")!;
    const grid: SheetGrid = {
      ...budget,
      formulas: budget.formulas!.map((r) => r.map((f) => (f ? move(f) : f))),
    };
    return { port, budget, record, grid };
  }
  /** `'Driftbudget'!B4` as Excel writes it after a row inserted above row `at` of the source. */
  const rowInsertedAt = (at: number) => (f: string) =>
    f.replace(
      /'Driftbudget'!([A-Z]+)(\d+)/g,
      (_, col: string, row: string) => `Driftbudget!${col}${Number(row) >= at ? Number(row) + 1 : row}`,
    );

  it("a row inserted in the source sheet moves the formulas over it: no hand edit", async () => {
    const { budget, record, grid } = await moved(rowInsertedAt(1));
    expect(budget.formulas![5][1]).toBe("'Driftbudget'!B4");
    expect(grid.formulas![5][1]).toBe("Driftbudget!B5");
    expect(await matchesChecksum(grid, record.checksum)).toBe(true);
  });

  it("a source row deleted (#REF!) or a source column inserted: no hand edit either", async () => {
    const deleted = await moved((f) => f.replace(/'Driftbudget'!B4\b/, "Driftbudget!#REF!"));
    expect(deleted.grid.formulas!.flat()).toContain("Driftbudget!#REF!");
    expect(await matchesChecksum(deleted.grid, deleted.record.checksum)).toBe(true);
    const column = await moved((f) =>
      f.replace(
        /'Driftbudget'!([A-Z])(\d+)/g,
        (_, col: string, row: string) => `'Driftbudget'!${String.fromCharCode(col.charCodeAt(0) + 1)}${row}`,
      ),
    );
    expect(await matchesChecksum(column.grid, column.record.checksum)).toBe(true);
  });

  it("a formula typed over, a text changed or a cell emptied beside moved references is still an edit", async () => {
    const { grid, record } = await moved(rowInsertedAt(1));
    const typed = {
      ...grid,
      formulas: grid.formulas!.map((r) => [...r]),
      values: grid.values.map((r) => [...r]),
    };
    typed.formulas[5][1] = null;
    typed.values[5][1] = 2500;
    expect(await matchesChecksum(typed, record.checksum)).toBe(false);
    const sum = { ...grid, formulas: grid.formulas!.map((r) => [...r]) };
    sum.formulas[5][1] = "Driftbudget!B5+1";
    expect(await matchesChecksum(sum, record.checksum)).toBe(false);
    const text = { ...grid, values: grid.values.map((r) => [...r]) };
    // A row label of the table, beside the moved formulas.
    const label = text.values.findIndex(
      (r, i) => typeof r[0] === "string" && !!grid.formulas![i]?.some(Boolean),
    );
    text.values[label][0] = `${String(text.values[label][0])} (min not)`;
    expect(await matchesChecksum(text, record.checksum)).toBe(false);
  });

  it("a reference pointed elsewhere by hand is an edit, with or without a move: another cell, sheet or own cell", async () => {
    const port = new MemoryPort(makeSnapshot());
    const { plan } = await run(port);
    const budget = (await port.read()).sheets.find((s) => s.name === "Målkoll Driftbudget")!;
    const record = stateOf(plan.state).owned.find((o) => o.key === "driftbudget")!;
    const [r, c] = [5, 1];
    expect(budget.formulas![r][c]).toBe("'Driftbudget'!B4");
    const retargeted = (formula: string, move = (f: string) => f) => {
      const formulas = budget.formulas!.map((row) => row.map((f) => (f ? move(f) : f)));
      formulas[r][c] = formula;
      return { ...budget, formulas };
    };
    // Another cell the table points at (the next row's), one it does not, another sheet, its own.
    for (const formula of ["'Driftbudget'!B5", "'Driftbudget'!B40", "'Uppföljning'!B4", "B4"])
      expect(await matchesChecksum(retargeted(formula), record.checksum)).toBe(false);
    // The same after a row inserted above the source (B4 is then B5).
    for (const formula of ["Driftbudget!B6", "Driftbudget!B41", "Uppföljning!B5", "B5"])
      expect(await matchesChecksum(retargeted(formula, rowInsertedAt(1)), record.checksum)).toBe(false);
    // The same reference as Excel moves it, alone, is none.
    expect(await matchesChecksum(retargeted("Driftbudget!B5", rowInsertedAt(1)), record.checksum)).toBe(true);
  });

  it("a state from before the shape form (two hashes) still asks the formulas be as written", async () => {
    const { grid, budget, record } = await moved(rowInsertedAt(1));
    const older = record.checksum.split(":").slice(0, 2).join(":");
    expect(await matchesChecksum(budget, older)).toBe(true);
    expect(await matchesChecksum(grid, older)).toBe(false);
  });

  it("moved references are checked against the fresh report: cell by cell, or formula by formula where the cells differ", async () => {
    const port = new MemoryPort(makeSnapshot());
    const { output } = await run(port);
    const spec = output.sheets.find((s) => s.key === "driftbudget")!;
    const budget = (await port.read()).sheets.find((s) => s.name === "Målkoll Driftbudget")!;
    // The report points where the sheet's formulas point (as after Excel moved them with the source).
    expect(formulasAsPlanned(budget, spec)).toBe(true);
    const elsewhere = { ...budget, formulas: budget.formulas!.map((r) => [...r]) };
    elsewhere.formulas[5][1] = "'Driftbudget'!B9";
    expect(formulasAsPlanned(elsewhere, spec)).toBe(false);
    // Formulas in other cells (a source table lost a row, or gained one): each over the source must
    // be one the report writes, no more often than it does.
    const without = <T>(rows: T[]) => rows.filter((_, i) => i !== 5);
    const shorter = { ...budget, values: without(budget.values), formulas: without(budget.formulas!) };
    expect(formulasAsPlanned(shorter, spec)).toBe(true);
    const stray = {
      ...budget,
      values: [...budget.values, [null, 1]],
      formulas: [...budget.formulas!.map((r) => [...r]), [null, "'Driftbudget'!B40"]],
    };
    expect(formulasAsPlanned(stray, spec)).toBe(false);
    const twice = {
      ...budget,
      values: [...budget.values, [null, 1]],
      formulas: [...budget.formulas!.map((r) => [...r]), [null, budget.formulas![5][1]]],
    };
    expect(formulasAsPlanned(twice, spec)).toBe(false);
  });
});

describe("hand edits", () => {
  it("renames an edited sheet with the date, writes a fresh one and says so", async () => {
    const port = new MemoryPort(makeSnapshot());
    await run(port);
    const edited = port.sheet("Målkoll Indikatorer")!;
    edited.values[6][1] = 0.05;
    edited.formulas[6][1] = null;
    const second = await run(port, LATER);
    expect(second.plan.renames).toEqual([
      { from: "Målkoll Indikatorer", to: "Indikatorer (red 2021-09-16)" },
    ]);
    expect(second.plan.findings).toHaveLength(1);
    expect(second.plan.findings[0]).toMatchObject({
      code: "generated-table-edited",
      severity: "warning",
      sheet: "Indikatorer (red 2021-09-16)",
      cell: "A1",
    });
    expect(second.plan.findings[0].message).toContain("Målkoll Indikatorer");
    const write = second.plan.sheets.find((s) => s.spec.key === "indikatorer")!;
    expect(write).toMatchObject({ name: "Målkoll Indikatorer", replaces: false });
    expect(second.plan.sheets.filter((s) => s.replaces)).toHaveLength(4);
    // The user's copy survives with the edit, is no longer Målkoll's, and the fresh one is clean.
    expect(port.sheet("Indikatorer (red 2021-09-16)")!.values[6][1]).toBe(0.05);
    expect(port.sheet("Målkoll Indikatorer")!.values[6][1]).toBe(0.041);
    expect(second.state.owned.map((o) => o.name)).not.toContain("Indikatorer (red 2021-09-16)");
    expect(second.state.log[1].warnings).toBe(5);
    expect(second.plan.flags).toContainEqual(
      expect.objectContaining({ sheet: "Indikatorer (red 2021-09-16)", cell: "A1" }),
    );
    const third = await run(port, LATER);
    expect(third.plan.findings).toEqual([]);
    expect(third.plan.renames).toEqual([]);
  });

  it("detects an emptied cell and an added row", async () => {
    const port = new MemoryPort(makeSnapshot());
    const first = await run(port);
    const snapshot = await port.read();
    const owned = stateOf(first.plan.state).owned;
    const avv = snapshot.sheets.find((s) => s.name === "Målkoll Avvikelser")!;
    const record = owned.find((o) => o.key === "avvikelser")!;
    const emptied = { ...avv, values: avv.values.map((r) => [...r]) };
    emptied.values[4][4] = null;
    expect(await matchesChecksum(emptied, record.checksum)).toBe(false);
    const added = { ...avv, values: [...avv.values, ["min egen rad"]] };
    expect(await matchesChecksum(added, record.checksum)).toBe(false);
    expect(await matchesChecksum(avv, record.checksum)).toBe(true);
    expect(await matchesChecksum(avv, "")).toBe(true);
  });
});

describe("name clashes", () => {
  function withUserSheet(name: string): WorkbookSnapshot {
    const snapshot = makeSnapshot();
    snapshot.sheets.push({
      name,
      visibility: "visible",
      originRow: 1,
      originCol: 1,
      values: [["Min egen indikatorlista"]],
    });
    return snapshot;
  }

  it("never writes over a user's sheet with an owned name: writes to `(2)` and says so", async () => {
    const port = new MemoryPort(withUserSheet("målkoll indikatorer"));
    const first = await run(port);
    const write = first.plan.sheets.find((s) => s.spec.key === "indikatorer")!;
    expect(write).toMatchObject({ name: "Målkoll Indikatorer (2)", replaces: false });
    expect(first.plan.findings).toEqual([
      expect.objectContaining({
        code: "owned-name-clash",
        sheet: "målkoll indikatorer",
        cell: "A1",
        severity: "warning",
      }),
    ]);
    expect(first.plan.renames).toEqual([]);
    expect(port.sheet("målkoll indikatorer")!.values).toEqual([["Min egen indikatorlista"]]);
    expect(first.state.owned.find((o) => o.key === "indikatorer")!.name).toBe("Målkoll Indikatorer (2)");

    const second = await run(port, LATER);
    expect(second.plan.sheets.find((s) => s.spec.key === "indikatorer")).toMatchObject({
      name: "Målkoll Indikatorer (2)",
      replaces: true,
    });
    expect(second.plan.findings.map((f) => f.code)).toEqual(["owned-name-clash"]);
    expect(port.sheet("målkoll indikatorer")!.values).toEqual([["Min egen indikatorlista"]]);
  });

  it("skips names already taken when counting up", () => {
    const names = new SheetNames(["Målkoll Indikatorer", "Målkoll Indikatorer (2)"]);
    expect(names.freeOwnedName(OWNED_SHEET_TITLES.indikatorer)).toBe("Målkoll Indikatorer (3)");
    expect(names.freeOwnedName(OWNED_SHEET_TITLES.avvikelser)).toBe("Målkoll Avvikelser");
  });

  it("tells the names generate gives its sheets from others, in any case", () => {
    for (const name of [
      "Målkoll Indikatorer",
      "MÅLKOLL INDIKATORER (3)",
      "Målkoll Aktiviteter (12)",
      "Målkoll Måluppfylle (123456789)", // cut to 31 characters, as freeOwnedName cuts it
    ])
      expect([name, isGeneratedSheetName(name)]).toEqual([name, true]);
    for (const name of [
      "Målkoll Indikatorer (1)",
      "Målkoll Indikatorer (02)",
      "Målkoll Indikatorer (2) ",
      "Målkoll Indikatorerna",
      "Målkoll Indikatorer (redigerad 2021-09-16)",
      "Målkoll Måluppfyllelse (123456789)",
      // The roll-up's sheets live in a workbook of their own.
      "Budget",
      "Enheter",
      "Fynd",
    ])
      expect([name, isGeneratedSheetName(name)]).toEqual([name, false]);
  });

  it("keeps edited names within Excel's 31 characters and unique", () => {
    const names = new SheetNames(["Måluppfyllelse (red 2021-09-16)"]);
    const a = names.editedName("Målkoll Måluppfyllelse", "2021-09-16");
    const b = names.editedName("Målkoll Måluppfyllelse", "2021-09-16");
    expect(a.length).toBeLessThanOrEqual(31);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(new Set([a, b, "Måluppfyllelse (red 2021-09-16)"]).size).toBe(3);
    expect(new SheetNames([]).editedName("Egen", "2021-09-16")).toBe("Egen (redigerad 2021-09-16)");
  });
});

describe("input checksum", () => {
  it("follows the user's values, not Målkoll's own sheets or state", async () => {
    const snapshot = makeSnapshot();
    const state = makeResult().state;
    const base = await inputChecksum(snapshot, state);
    expect(await inputChecksum(makeSnapshot(), state)).toBe(base);

    const withOwned = makeSnapshot();
    withOwned.sheets.push({
      name: "Målkoll Indikatorer",
      visibility: "visible",
      originRow: 1,
      originCol: 1,
      values: [["x"]],
    });
    withOwned.sheets.push({
      name: STATE_SHEET,
      visibility: "veryHidden",
      originRow: 1,
      originCol: 1,
      values: [["log", "y"]],
    });
    expect(
      await inputChecksum(withOwned, {
        ...state,
        owned: [{ key: "indikatorer", name: "Målkoll Indikatorer", checksum: "" }],
      }),
    ).toBe(base);

    const changed = makeSnapshot();
    changed.sheets[0].values[6][1] = 2.14;
    expect(await inputChecksum(changed, state)).not.toBe(base);
  });

  it("reads grids the same wherever their used range starts", () => {
    const a: SheetGrid = { name: "x", visibility: "visible", originRow: 3, originCol: 2, values: [[1, "a"]] };
    const b: SheetGrid = {
      name: "x",
      visibility: "visible",
      originRow: 1,
      originCol: 1,
      values: [[], [], [null, 1, "a", null]],
    };
    expect(JSON.stringify(gridCells(a).map((r) => r.map((c) => c.value)))).toBe(
      JSON.stringify(
        gridCells(b)
          .map((r) => r.map((c) => c.value))
          .map((r) => r.slice(0, 3)),
      ),
    );
  });
});
