import ExcelJS from "exceljs";
import { check } from "../../../src/engine";
import { XlsxPort } from "../../../src/ports/xlsx";
import { seedLineCells } from "../../helpers/seedGrid";

/**
 * 002's indicator header (lines 278 and 398) as a hand-kept two-row header: `Utfall` merged over
 * `Periodens utfall | Utfall män/ pojkar | Utfall kvinnor/ flickor`, `Mål` merged over
 * `Årsmål | KF:s årsmål`, with year indicators of 1.2 (lines 399, 400, 403) and tertial
 * indicators of 1.1 (lines 284, 289) under it.
 */
async function groupedWorkbook(
  mergedDown: boolean,
  outcomeGroup = "Utfall",
  previous?: [string, string],
  outcomeSubHeader?: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Mål och indikatorer");
  ws.getCell("A1").value = "Period";
  ws.getCell("B1").value = "Tertial 2 2021";
  const header = seedLineCells("002-t2-kf-1.2", 398, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  ws.getRow(3).values = [header[0], outcomeGroup, null, null, header[4], header[5], "Mål", null, header[8]];
  ws.getRow(4).values = [
    null,
    outcomeSubHeader ?? header[1],
    header[2],
    header[3],
    null,
    null,
    header[6],
    header[7],
  ];
  ws.mergeCells("B3:D3");
  ws.mergeCells("G3:H3");
  if (mergedDown) for (const col of ["A", "F", "I"]) ws.mergeCells(`${col}3:${col}4`);
  if (previous) [ws.getCell("E3").value, ws.getCell("E4").value] = previous;
  else if (mergedDown) ws.mergeCells("E3:E4");
  const all = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  for (const line of [399, 400, 403]) ws.addRow(seedLineCells("002-t2-kf-1.2", line, all));
  for (const line of [284, 289]) ws.addRow(seedLineCells("002-t2-kf-1.1", line, all));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function checked(bytes: Uint8Array) {
  const port = await XlsxPort.fromBuffer(bytes, "sammanslagna.xlsx");
  return check(await port.read());
}

describe("a group label merged over sub-headers (Utfall over Periodens utfall, Mål over Årsmål)", () => {
  it.each([
    ["merged down and across", true],
    ["merged across only", false],
  ])("reads each sub-header under its group label (%s)", async (_label, mergedDown) => {
    const result = await checked(await groupedWorkbook(mergedDown));
    const table = result.recognition.tables[0];
    expect(table.type).toBe("indicators-followup");
    expect(table.columns.map((c) => [c.header, c.role])).toEqual([
      ["Indikator", "name"],
      ["Periodens utfall", "outcome"],
      ["Utfall Utfall män/ pojkar", "outcomeMen"],
      ["Utfall Utfall kvinnor/ flickor", "outcomeWomen"],
      ["Periodens utfall VB 2020", "previous"],
      ["Prognos helår", "forecast"],
      ["Årsmål", "target"],
      ["KF:s årsmål", "kfTarget"],
      ["Period", "period"],
    ]);
    expect(result.model.indicators.map((i) => [i.row, i.outcome, i.targetText, i.kfTargetText])).toEqual([
      [5, null, "79 %", "79 %"],
      [6, null, "90 %", "-"],
      [7, null, "88 %", "Tas fram av nämnd"],
      [8, 21, "44 st", "800 st"],
      [9, 58, "20", "Tas fram av nämnd"],
    ]);
    // Every row has a usable Årsmål and the tertial rows have their outcome.
    const codes = result.findings.map((f) => f.code);
    expect(codes).not.toContain("target-missing");
    expect(codes).not.toContain("outcome-missing");
    expect(codes).not.toContain("column-unrecognized");
  });

  it("reads `Periodens utfall` merged over `Totalt | män | kvinnor` as the outcome (a walk's workbook)", async () => {
    const result = await checked(await groupedWorkbook(true, "Periodens utfall", undefined, "Totalt"));
    const columns = result.recognition.tables[0].columns;
    expect(columns.slice(1, 4).map((c) => [c.header, c.role])).toEqual([
      ["Periodens utfall Totalt", "outcome"],
      ["Periodens utfall Utfall män/ pojkar", "outcomeMen"],
      ["Periodens utfall Utfall kvinnor/ flickor", "outcomeWomen"],
    ]);
    expect(result.model.indicators.map((i) => i.outcome)).toEqual([null, null, null, 21, 58]);
    const codes = result.findings.map((f) => f.code);
    expect(codes).not.toContain("outcome-missing");
    expect(codes).not.toContain("column-unrecognized");
  });

  it("keeps a group label that names no column in the header it shows", async () => {
    const result = await checked(await groupedWorkbook(true, "Uppföljning"));
    const columns = result.recognition.tables[0].columns;
    expect(columns.slice(1, 3).map((c) => [c.header, c.role])).toEqual([
      ["Uppföljning Periodens utfall", null],
      ["Uppföljning Utfall män/ pojkar", "outcomeMen"],
    ]);
    // Its outcomes (lines 284 and 289) are not read, and the finding says so at its header.
    const unread = result.findings.filter((f) => f.code === "column-unrecognized");
    expect(unread.map((f) => [f.severity, f.cell, f.range])).toEqual([["info", "B4", "B4:B9"]]);
    expect(unread[0].message).toContain("”Uppföljning Periodens utfall”");
    expect(unread[0].message).toContain("2 rader");
  });

  it("reads a label that qualifies the one under it from the bottom up (VB 2020 over Utfall)", async () => {
    const result = await checked(await groupedWorkbook(true, "Utfall", ["VB 2020", "Utfall"]));
    const columns = result.recognition.tables[0].columns;
    expect([columns[1].role, columns[4].header, columns[4].role]).toEqual([
      "outcome",
      "Utfall VB 2020",
      "previous",
    ]);
    expect(result.model.indicators.map((i) => i.previous)).toEqual([null, 83.83, null, 30, null]);
  });
});
