import { MemoryPort, expandRanges } from "../../../src/ports/memory/memoryPort";
import type { WritePlan } from "../../../src/ports/port";
import { SheetHiddenError } from "../../../src/ports/port";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { decodeState, emptyState, encodeState } from "../../../src/engine/state";
import { cellAt } from "../../../src/engine/grid";
import type { WorkbookSnapshot } from "../../../src/engine/grid";
import * as fs from "fs";
import * as path from "path";
import { check } from "../../../src/engine";
import type { CheckResult } from "../../../src/engine";
import { planWrite } from "../../../src/engine/plan";
import { buildReport } from "../../../src/engine/report";
import { XlsxPort } from "../../../src/ports/xlsx";

function plan(partial: Partial<WritePlan>): WritePlan {
  return { renames: [], sheets: [], flags: [], clearFlags: [], state: [], findings: [], ...partial };
}

function workbook(): MemoryPort {
  return new MemoryPort({
    name: "test.xlsx",
    sheets: [
      {
        name: "Uppföljning",
        visibility: "visible",
        originRow: 3,
        originCol: 2,
        values: [
          ["Indikator", "Periodens utfall"],
          ["Andel barn", 0.041],
        ],
        formats: [
          [null, null],
          [null, "0.0 %"],
        ],
      },
    ],
  });
}

const spec: SheetSpec = {
  key: "driftbudget",
  columnWidths: [30, 10],
  rows: [
    [{ value: "Driftbudget", style: "title" }],
    [null, { value: "Budget", style: "header" }],
    [
      { value: "Totalt", style: "total" },
      { value: 2435.3, formula: "SUM(B5:B9)", format: "#,##0.0" },
    ],
    [{ value: "=not a formula" }],
  ],
};

describe("MemoryPort", () => {
  test("read returns the sheets anchored at A1 with their formats, and copies", async () => {
    const port = workbook();
    const snapshot = await port.read();
    const sheet = snapshot.sheets[0];
    expect(sheet.originRow).toBe(1);
    expect(cellAt(sheet, 3, 2)).toBe("Indikator");
    expect(cellAt(sheet, 4, 3)).toBe(0.041);
    expect(sheet.formats?.[3]?.[2]).toBe("0.0 %");
    sheet.values[2][1] = "changed";
    expect(cellAt((await port.read()).sheets[0], 3, 2)).toBe("Indikator");
  });

  test("write renders a spec into cell values, keeping formulas and styles apart", async () => {
    const port = workbook();
    await port.write(plan({ sheets: [{ name: "Målkoll Driftbudget", spec, replaces: false }] }));
    const sheet = port.sheet("Målkoll Driftbudget");
    expect(sheet).toBeDefined();
    expect(sheet!.values[2]).toEqual(["Totalt", 2435.3]);
    expect(sheet!.formulas[2][1]).toBe("SUM(B5:B9)");
    expect(sheet!.formats[2][1]).toBe("#,##0.0");
    expect(sheet!.styles.get("A3")).toEqual({ style: "total", tone: undefined });
    expect(sheet!.values[3][0]).toBe("=not a formula");
    expect(port.sheets.map((s) => s.name)).toEqual(["Uppföljning", "Målkoll Driftbudget"]);
  });

  test("renames keep the old sheet and its flags; replacing writes over the named sheet only", async () => {
    const port = workbook();
    await port.write(plan({ sheets: [{ name: "Målkoll Driftbudget", spec, replaces: false }] }));
    await port.write(
      plan({
        renames: [{ from: "Uppföljning", to: "Uppföljning (2)" }],
        sheets: [
          { name: "Målkoll Driftbudget", spec: { ...spec, rows: [[{ value: "ny" }]] }, replaces: true },
        ],
      }),
    );
    expect(port.sheets.map((s) => s.name)).toEqual(["Uppföljning (2)", "Målkoll Driftbudget"]);
    expect(port.sheet("Målkoll Driftbudget")!.values).toEqual([["ny"]]);
  });

  test("flags are applied, cleared by their records, and the state sheet is replaced", async () => {
    const port = workbook();
    const state = { ...emptyState(), flags: [{ sheet: "Uppföljning", ranges: "C4,B3:C3" }] };
    await port.write(
      plan({
        flags: [
          { sheet: "Uppföljning", cell: "C4", severity: "warning", message: "Analys saknas" },
          { sheet: "Uppföljning", cell: "B3", severity: "error", message: "x" },
          { sheet: "Uppföljning", cell: "B9", severity: "info", message: "kvar" },
        ],
        state: encodeState(state),
      }),
    );
    expect(port.flags).toHaveLength(3);
    const stateGrid = (await port.read()).sheets.find((s) => s.name === "_malkoll");
    expect(stateGrid?.visibility).toBe("veryHidden");
    expect(decodeState(stateGrid).flags).toEqual(state.flags);

    await port.clearFlags(state.flags, encodeState({ ...state, flags: [] }));
    expect(port.flags.map((f) => f.cell)).toEqual(["B9"]);
    expect(decodeState((await port.read()).sheets.find((s) => s.name === "_malkoll")).flags).toEqual([]);
  });

  test("select records the cell and notifies listeners until unsubscribed", async () => {
    const port = workbook();
    const events: string[] = [];
    const unsubscribe = port.subscribe((e) =>
      events.push(e.kind === "select" ? `${e.selection.sheet}!${e.selection.cell}` : e.kind),
    );
    await port.select("Uppföljning", "C4");
    expect(port.selection).toEqual({ sheet: "Uppföljning", cell: "C4" });
    await port.write(plan({}));
    unsubscribe();
    await port.select("Uppföljning", "B3");
    expect(events).toEqual(["Uppföljning!C4", "change"]);
    await expect(port.select("Saknas", "A1")).rejects.toThrow("Saknas");
  });

  test("select on a hidden sheet is refused as Excel refuses it, saying how the sheet is hidden", async () => {
    const port = workbook();
    port.sheet("Uppföljning")!.visibility = "veryHidden";
    const error = await port.select("Uppföljning", "C4").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetHiddenError);
    expect((error as SheetHiddenError).visibility).toBe("veryHidden");
    expect(port.selection).toBeNull();
  });

  test("expandRanges handles lists, ranges and junk", () => {
    expect(expandRanges("A1:B2, D4,junk")).toEqual(["A1", "B1", "A2", "B2", "D4"]);
    expect(expandRanges("A1:Z100000", 10)).toHaveLength(10);
  });
});

/**
 * The playground holds a picked workbook in a MemoryPort: what it reads back must judge as the
 * file does in the CLI, over every foreign file (Excel tables and sheet protection included).
 */
describe("a workbook held in memory is checked and planned as the file is", () => {
  const foreign = path.join(__dirname, "..", "..", "fixtures", "foreign");
  const files = fs.readdirSync(foreign).filter((f) => /\.xls[xm]$/.test(f));
  const now = new Date("2021-09-15T08:00:00Z");

  test.each(files)("%s", async (file) => {
    let fromFile;
    try {
      fromFile = await (await XlsxPort.open(path.join(foreign, file))).read();
    } catch {
      return; // a file the CLI refuses never reaches the playground's memory either
    }
    const inMemory = await new MemoryPort(fromFile).read();
    const direct = check(fromFile);
    const held = check(inMemory);
    expect(held.findings).toEqual(direct.findings);
    expect(JSON.stringify(held.model)).toBe(JSON.stringify(direct.model));
    const plan = async (snapshot: WorkbookSnapshot, result: CheckResult) =>
      planWrite(snapshot, result, buildReport(result, { snapshot, generatedAt: now }), {
        now,
        host: "browser",
      });
    const [a, b] = [await plan(inMemory, held), await plan(fromFile, direct)];
    expect(a.flags).toEqual(b.flags);
    expect(a.findings).toEqual(b.findings);
  });
});
