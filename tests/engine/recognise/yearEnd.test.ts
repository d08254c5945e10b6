import ExcelJS from "exceljs";
import { check } from "../../../src/engine";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { XlsxPort } from "../../../src/ports/xlsx";
import { seedLineCells, seedLineText, snapshotOf, textToSheet } from "../../helpers/seedGrid";

/** A sheet from rows of cells, from A1. */
function sheet(name: string, rows: CellValue[][]): SheetGrid {
  return { name, visibility: "visible", originRow: 1, originCol: 1, values: rows };
}

const cellsOf = seedLineCells;

describe("VB budget table `Budget | Utfall | Avvikelse` (002 per-area rows, lines 1937–1951)", () => {
  // The T2 table's Budget, Prognos efter RÖ (the outcome's place at year-end) and Avvikelse columns.
  // Rows with no Begärda BJ keep Avvikelse = Budget − Utfall; Förskoleverksamhet (BJ −12,9) does not.
  const lines = [1937, 1938, 1939, 1940, 1941, 1942, 1946, 1949, 1950, 1951];
  const grid = sheet("VB 2021", [
    ["Period", "VB 2021"],
    [],
    ["Mnkr", "Budget 2021", "Utfall 2021", "Avvikelse"],
    ...lines.map((l) => cellsOf("002-t2-driftbudget", l, [0, 1, 4, 5])),
  ]);
  const result = check(snapshotOf(grid));
  const row = (label: string) => result.model.budget.find((b) => b.label.startsWith(label))!;

  it("reads Utfall where the forecast goes and recomputes each deviation", () => {
    expect(result.model.period).toMatchObject({ kind: "VB", year: 2021 });
    expect(result.model.budget).toHaveLength(10);
    expect(row("Individ")).toMatchObject({
      budget: 290.3,
      forecast: 264.7,
      deviation: 25.6,
      computedDeviation: 25.6,
      forecastIsOutcome: true,
      cells: expect.objectContaining({ forecast: "C5", deviation: "D5" }),
    });
    expect(row("varav flykting")).toMatchObject({ kind: "varav", computedDeviation: 36 });
    expect(row("Förskoleverksamhet")).toMatchObject({ computedDeviation: 8.2, deviation: -4.7 });
  });

  it("finds the one row whose deviation does not follow from its budget and outcome", () => {
    const mismatches = result.findings.filter((f) => f.code === "budget-deviation-mismatch");
    expect(mismatches.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["VB 2021!D10"]);
    expect(mismatches[0].message).toContain("budget − utfall = 8,2");
  });

  it("a T2 table keeps its forecast: Utfall beside Prognos stays an extra column", () => {
    const t2 = check(
      snapshotOf(
        sheet("T2", [
          ["Mnkr", "Budget 2021", "Prognos 2021", "Utfall 2020", "Avvikelse"],
          ["Nämnd och administration", 73.9, 73.9, 70.1, 0],
        ]),
      ),
    );
    expect(t2.model.budget[0]).toMatchObject({ forecast: 73.9, computedDeviation: 0 });
    expect(t2.model.budget[0].forecastIsOutcome).toBeUndefined();
    expect(t2.model.budget[0].extra).toEqual({ "Utfall 2020": 70.1 });
  });
});

describe("a Mål column holding goal numbers (002 KF 1.1 and nämndmål 1.4.2 rows)", () => {
  const headings = textToSheet("Mål", `${seedLineText("002-t2-kf-1.1", 159)}\n`);
  const indicator = (line: number, file = "002-t2-kf-1.1") => cellsOf(file, line, [0, 1, 5, 6, 7, 8]);
  const flat = sheet("Indikatorer", [
    ["Mål", "Indikator", "Periodens utfall", "Prognos helår", "Årsmål", "KF:s årsmål", "Period"],
    [1.1, ...indicator(272)],
    ["1.4.2", ...cellsOf("002-t2-nm-1.4.2", 1034, [0, 1, 5, 6, 7, 8])],
    ["1.1", ...indicator(283)],
    ["1.4.2.", ...cellsOf("002-t2-nm-1.4.2", 1033, [0, 1, 5, 6, 7, 8])],
    ["1.4", ...indicator(284)],
  ]);
  const result = check(snapshotOf(headings, flat));
  const goalOf = (row: number) =>
    result.model.goals.find((g) => g.id === result.model.indicators.find((i) => i.row === row)!.goal)!;

  it("recognises the table although the Mål column comes before the names", () => {
    expect(result.model.indicators.map((i) => [i.row, i.name.slice(0, 22)])).toEqual([
      [2, "Andel barn som lever i"],
      [3, "Andel pojkar av totalt"],
      [4, "Andel vuxna med långva"],
      [5, "♀ Andel flickor/kvinno"],
      [6, "Antal aspiranter som f"],
    ]);
  });

  it("links a number to the heading with that number (the numeric cell 1.1 and the text 1.1)", () => {
    expect(goalOf(2)).toMatchObject({ id: "Mål!A1", level: "kf-mal", number: "1.1" });
    expect(goalOf(4).id).toBe("Mål!A1");
  });

  it("makes one goal per number with no heading: the level from its depth, the id its first cell", () => {
    expect(goalOf(3)).toMatchObject({ id: "Indikatorer!A3", level: "namndmal", number: "1.4.2", title: "" });
    expect(goalOf(5).id).toBe("Indikatorer!A3");
    expect(goalOf(6)).toMatchObject({ id: "Indikatorer!A6", level: "kf-mal", number: "1.4" });
    // 1.4 came after 1.4.2 in the column; it still becomes its parent.
    expect(goalOf(3).parent).toBe("Indikatorer!A6");
    expect(result.model.goals).toHaveLength(3);
  });

  it("an activity table may lead with a Mål column too", () => {
    const acts = check(
      snapshotOf(
        sheet("Aktiviteter", [
          ["Mål", "Aktivitet", "Startdatum", "Slutdatum"],
          ["1.1.1", "Förvaltningen ska erbjuda feriejobb", "2021-01-01", "2021-12-31"],
        ]),
      ),
    );
    expect(acts.model.activities).toHaveLength(1);
    expect(acts.model.goals[0]).toMatchObject({ number: "1.1.1", level: "namndmal" });
  });
});

describe("merged header cells (a hand-kept layout of 002 lines 279, 283 and 284)", () => {
  async function mergedWorkbook(groupOnly: boolean): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Uppföljning");
    ws.getCell("A1").value = "Period";
    ws.getCell("B1").value = "Tertial 2 2021";
    const top = ["Indikator", "Utfall", null, null, "Prognos helår", "Årsmål", "KF:s årsmål"];
    ws.getRow(3).values = top;
    ws.getRow(4).values = [null, "Totalt", "Män", "Kvinnor"];
    ws.mergeCells("B3:D3");
    if (!groupOnly) for (const col of ["A", "E", "F", "G"]) ws.mergeCells(`${col}3:${col}4`);
    for (const line of [279, 283, 284]) ws.addRow(cellsOf("002-t2-kf-1.1", line, [0, 1, 2, 3, 5, 6, 7]));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it.each([
    ["merged down and across", false],
    ["merged across only", true],
  ])("reads the header it shows (%s)", async (_label, groupOnly) => {
    const port = await XlsxPort.fromBuffer(await mergedWorkbook(groupOnly), "sammanslagen.xlsx");
    const result = check(await port.read());
    const table = result.recognition.tables[0];
    expect(table.columns.map((c) => [c.header, c.role])).toEqual([
      ["Indikator", "name"],
      ["Utfall Totalt", "outcome"],
      ["Utfall Män", "outcomeMen"],
      ["Utfall Kvinnor", "outcomeWomen"],
      ["Prognos helår", "forecast"],
      ["Årsmål", "target"],
      ["KF:s årsmål", "kfTarget"],
    ]);
    expect(result.model.indicators.map((i) => [i.row, i.outcome, i.outcomeMen, i.outcomeWomen])).toEqual([
      [5, 2.13, 1.85, 1.96],
      [6, 1.3, 1.23, 1.37],
      [7, 21, 7, 14],
    ]);
    // The gender split of 002 line 279 is found on the merged layout too.
    const split = result.findings.filter((f) => f.code === "gender-split-inconsistent");
    expect(split.map((f) => f.cell)).toEqual(["B5"]);
  });
});
