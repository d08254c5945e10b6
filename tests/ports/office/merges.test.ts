/**
 * Merged header cells through the Office port: read where the host has ExcelApi 1.13, in the second
 * request (no extra sync), and judged as the xlsx port judges the same cells and merges; a sheet
 * with more areas than Excel answers is read without them, and costs the other sheets nothing.
 */
import ExcelJS from "exceljs";
import { runGenerate } from "../../../src/app/run";
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { areasWithoutSheet, mergesUnit } from "../../../src/ports/office/merges";
import { XlsxPort } from "../../../src/ports/xlsx";
import type { FakeSheetInit, SyncRecord } from "../../helpers/fakeExcel";
import { createFakeExcel, FakeOfficeError } from "../../helpers/fakeExcel";
import { seedLineCells } from "../../helpers/seedGrid";
import { NOW, stateOf, webPort } from "./support";

describe("areasWithoutSheet", () => {
  it("reads Excel's documented form, sheet name per area", () => {
    expect(areasWithoutSheet("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual(["A1:B4", "D1:D4"]);
    expect(areasWithoutSheet("Blad1!$B$3:$D$3,Blad1!$A$3:$A$4")).toEqual(["B3:D3", "A3:A4"]);
    expect(areasWithoutSheet("B3:D3")).toEqual(["B3:D3"]);
    expect(areasWithoutSheet("")).toEqual([]);
  });

  it("keeps spaces, apostrophes, commas and ! inside a quoted sheet name out of the areas", () => {
    expect(areasWithoutSheet("'Min flik'!B3:D3, 'Min flik'!A3:A4")).toEqual(["B3:D3", "A3:A4"]);
    expect(areasWithoutSheet("'Anna''s, 2021!'!$B$3:$D$3, 'Anna''s, 2021!'!E3:E4")).toEqual([
      "B3:D3",
      "E3:E4",
    ]);
    expect(areasWithoutSheet("'!,'''!A1:C1,'x, y'!AA10:AB12")).toEqual(["A1:C1", "AA10:AB12"]);
  });
});

describe("mergesUnit", () => {
  it("budgets a sheet's answer for the 512 longest areas Excel can send", () => {
    const name = "Bladets ''namn'', 31 tecken lån";
    const worksheet = { name } as Excel.Worksheet;
    const unit = mergesUnit(worksheet, { areas: null }, () => true);
    const area = `'${name.replace(/'/g, "''")}'!XFD1048575:XFD1048576`;
    const longest = Array.from({ length: 512 }, () => area).join(", ");
    expect(unit?.response).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(longest), "utf8"));
    expect(mergesUnit(worksheet, { areas: null }, (_set, version) => version !== "1.13")).toBeNull();
  });
});

/** The hand-kept layout of 002 lines 279, 283, 284: `Utfall` merged over `Totalt | Män | Kvinnor`. */
const TOP: CellValue[] = ["Indikator", "Utfall", null, null, "Prognos helår", "Årsmål", "KF:s årsmål"];
const SUB: CellValue[] = [null, "Totalt", "Män", "Kvinnor"];
const MERGES = ["B3:D3", "A3:A4", "E3:E4", "F3:F4", "G3:G4"];
const BODY = [279, 283, 284].map((line) => seedLineCells("002-t2-kf-1.1", line, [0, 1, 2, 3, 5, 6, 7]));

function mergedSheet(name: string, merges: string[] = MERGES): FakeSheetInit {
  return { name, values: [["Period", "Tertial 2 2021"], [], TOP, SUB, ...BODY], merges };
}

async function xlsxOfMergedSheet(name: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = "Period";
  ws.getCell("B1").value = "Tertial 2 2021";
  ws.getRow(3).values = TOP as ExcelJS.CellValue[];
  ws.getRow(4).values = SUB as ExcelJS.CellValue[];
  for (const range of MERGES) ws.mergeCells(range);
  for (const row of BODY) ws.addRow(row as ExcelJS.CellValue[]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function readOnHost(excelApi: string, sheets: FakeSheetInit[]) {
  const { context, fake } = createFakeExcel({ sheets, excelApi });
  const port = webPort(context, { isSetSupported: fake.isSetSupported });
  const snapshot = await port.read();
  return { snapshot, fake, port };
}

/** Each sync's outcome, in order: `ok`, or `refused` where Excel failed it (GeneralException). */
const outcomes = (syncs: SyncRecord[]) =>
  syncs.map((s) => (s.error === "GeneralException" ? "refused" : (s.error ?? "ok"))).join(" ");
/** `count` merged areas of two cells each, below the sheet's table. */
const manyAreas = (count: number) => Array.from({ length: count }, (_, i) => `J${10 + 2 * i}:K${10 + 2 * i}`);

const MERGED_COLUMNS = [
  ["Indikator", "name"],
  ["Utfall Totalt", "outcome"],
  ["Utfall Män", "outcomeMen"],
  ["Utfall Kvinnor", "outcomeWomen"],
  ["Prognos helår", "forecast"],
  ["Årsmål", "target"],
  ["KF:s årsmål", "kfTarget"],
];

describe("merged header cells read through the Office port", () => {
  const SHEET = "Anna's, T2!";

  it("on an ExcelApi 1.13 host: the header it shows, as the xlsx port reads it", async () => {
    const { snapshot, fake } = await readOnHost("1.13", [mergedSheet(SHEET)]);
    expect(snapshot.sheets[0].merges).toEqual(MERGES);
    const office = check(snapshot);
    const xlsx = check(await (await XlsxPort.fromBuffer(await xlsxOfMergedSheet(SHEET), "t2.xlsx")).read());
    for (const result of [office, xlsx]) {
      const table = result.recognition.tables[0];
      expect(table.columns.map((c) => [c.header, c.role])).toEqual(MERGED_COLUMNS);
      expect(result.model.indicators.map((i) => [i.row, i.outcome, i.outcomeMen, i.outcomeWomen])).toEqual([
        [5, 2.13, 1.85, 1.96],
        [6, 1.3, 1.23, 1.37],
        [7, 21, 7, 14],
      ]);
      expect(
        result.findings.filter((f) => f.code === "gender-split-inconsistent").map((f) => f.cell),
      ).toEqual(["B5"]);
    }
    expect(office.findings.map((f) => [f.code, f.cell])).toEqual(xlsx.findings.map((f) => [f.code, f.cell]));
    // Sheet list; shapes, tables and merges; cells.
    expect(fake.syncCount).toBe(3);
    expect(fake.syncs[1].actions.filter((a) => a.includes("getMergedAreasOrNullObject"))).toHaveLength(1);
  });

  it("on an ExcelApi 1.9 host: no merges asked for, the header read as a plain row, as before", async () => {
    const { snapshot, fake } = await readOnHost("1.9", [mergedSheet(SHEET)]);
    expect(snapshot.sheets[0].merges).toBeUndefined();
    expect(fake.actions.some((a) => a.includes("getMergedAreasOrNullObject"))).toBe(false);
    expect(fake.syncCount).toBe(3);
    // Today's reading: `Utfall` alone over column B, the sub-header row ends the table before its rows.
    const result = check(snapshot);
    expect(result.recognition.tables.map((t) => t.columns.map((c) => [c.header, c.role]))).toEqual([
      [
        ["Indikator", "name"],
        ["Utfall", "outcome"],
        ["Prognos helår", "forecast"],
        ["Årsmål", "target"],
        ["KF:s årsmål", "kfTarget"],
      ],
    ]);
    expect(result.model.indicators).toEqual([]);
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([["nothing-recognised", "A1"]]);
  });

  it("a sheet without merges has none, beside one with merges", async () => {
    const plain: FakeSheetInit = {
      name: "Utan",
      values: [
        ["Indikator", "Utfall"],
        ["Andel", 0.5],
      ],
    };
    const { snapshot, fake } = await readOnHost("1.13", [plain, mergedSheet("Med")]);
    expect(snapshot.sheets.map((s) => [s.name, s.merges])).toEqual([
      ["Utan", undefined],
      ["Med", MERGES],
    ]);
    expect(fake.syncCount).toBe(3);
  });

  it("more merged areas than Excel answers (512): the sheet is read without merges", async () => {
    const { snapshot, fake } = await readOnHost("1.13", [
      mergedSheet("Många", [...MERGES, ...manyAreas(513)]),
    ]);
    // Sheet list; shapes with merges (refused); shapes alone; the merges alone (refused); cells.
    expect(outcomes(fake.syncs)).toBe("ok refused ok refused ok");
    expect(snapshot.sheets[0].merges).toBeUndefined();
    expect(snapshot.sheets[0].values[3].slice(0, 4)).toEqual(SUB);
  });

  it("a sheet Excel refuses merges for costs only its own: the other sheets keep theirs", async () => {
    const report: FakeSheetInit = {
      name: "Rapport",
      values: Array.from({ length: 40 }, (_, i) => [`Rad ${i + 1}`, i]),
      merges: manyAreas(600),
    };
    const plain: FakeSheetInit = {
      name: "Utan",
      values: [
        ["Indikator", "Utfall"],
        ["Andel", 0.5],
      ],
    };
    const { snapshot, fake } = await readOnHost("1.13", [
      mergedSheet("Med"),
      mergedSheet("Många", [...MERGES, ...manyAreas(513)]),
      plain,
      report,
    ]);
    expect(snapshot.sheets.map((s) => [s.name, s.merges])).toEqual([
      ["Med", MERGES],
      ["Många", undefined],
      ["Utan", undefined],
      ["Rapport", undefined],
    ]);
    // Asked apart, smallest used ranges first: Utan (4 cells), Med (49), Många (49), the report (80).
    // All four (refused); Utan and Med; Många and the report (refused); Många (refused); the report
    // (refused). Then the cells.
    expect(outcomes(fake.syncs)).toBe("ok refused ok refused ok refused refused refused ok");
    // Judged as in a workbook of Med alone: its merged header read.
    expect(
      check(snapshot)
        .model.indicators.filter((i) => i.sheet === "Med")
        .map((i) => i.outcomeMen),
    ).toEqual([1.85, 1.23, 7]);
  });
});

describe("sheets named as Målkoll's report sheets", () => {
  /** The sheets whose merged areas each sync asked for. */
  const mergesAsked = (syncs: SyncRecord[]) =>
    syncs.map((s) =>
      s.actions.flatMap(
        (a) => /^worksheet\((.*)\)\.getRange\(\)\.getMergedAreasOrNullObject/.exec(a)?.[1] ?? [],
      ),
    );
  const codes = (result: ReturnType<typeof check>) => result.findings.map((f) => [f.code, f.sheet, f.cell]);
  /** `count` indicators with an analysis each: the report merges an Analys row under each. */
  function followUp(count: number): FakeSheetInit {
    const values: CellValue[][] = [
      ["Period", "Tertial 2 2021"],
      [],
      ["Indikator", "Utfall", "Årsmål", "Analys"],
    ];
    for (let i = 1; i <= count; i++)
      values.push([`Andel elever ${i}`, 0.041, 0.05, `Lägre än väntat (${i}).`]);
    return { name: "Uppföljning", values };
  }
  /** A merged header sheet with 300 rows of notes below it: more than the probe reads. */
  function longMergedSheet(name: string, merges: string[] = MERGES): FakeSheetInit {
    const sheet = mergedSheet(name, merges);
    const notes = Array.from({ length: 300 }, (_, i) => [`Anteckning ${i + 1}`]);
    return { ...sheet, values: [...(sheet.values ?? []), [], ...notes] };
  }

  it("after a generate on a large workbook: Målkoll's merges are not asked, nothing is refused", async () => {
    const { context, fake, workbook } = createFakeExcel({ sheets: [followUp(600), mergedSheet("Med")] });
    const generated = await runGenerate(webPort(context), { host: "excel", now: NOW });
    // More merged areas than Excel answers, on a sheet `_malkoll` records as Målkoll's.
    expect(workbook.sheet("Målkoll Indikatorer").merges.length).toBeGreaterThan(512);
    expect(stateOf(workbook).owned.map((o) => o.name)).toContain("Målkoll Indikatorer");

    const before = fake.syncCount;
    const snapshot = await webPort(context).read();
    const read = fake.syncs.slice(before);
    // Sheet list; shapes with the user's merges; probes with `_malkoll`; the rest of the cells.
    // (Asking every sheet's merges took 12, five refused: with the shapes, then apart in halves.)
    expect(outcomes(read)).toBe("ok ok ok ok");
    expect(mergesAsked(read)).toEqual([[], ["Uppföljning", "Med"], [], []]);
    expect(snapshot.sheets.find((s) => s.name === "Med")?.merges).toEqual(MERGES);
    // Judged as the generate judged the workbook before it had report sheets.
    const again = check(snapshot);
    expect(codes(again)).toEqual(codes(generated.result));
    expect(again.model.indicators).toHaveLength(603);
  });

  it("a user's own sheet by a report's name, not recorded in _malkoll: its merges read, judged as the CLI", async () => {
    const SHEET = "Målkoll Indikatorer";
    const { context, fake, workbook } = createFakeExcel({ sheets: [mergedSheet(SHEET)] });
    await runGenerate(webPort(context), { host: "excel", now: NOW });
    const owned = stateOf(workbook).owned.map((o) => o.name);
    expect(owned).toContain("Målkoll Indikatorer (2)");
    expect(owned).not.toContain(SHEET);

    const before = fake.syncCount;
    const snapshot = await webPort(context).read();
    const read = fake.syncs.slice(before);
    expect(snapshot.sheets.find((s) => s.name === SHEET)?.merges).toEqual(MERGES);
    // No sheet has rows beyond its probe, so its merges take a request of their own (3 before).
    expect(outcomes(read)).toBe("ok ok ok ok");
    expect(mergesAsked(read)).toEqual([[], [], [], [SHEET]]);
    const office = check(snapshot);
    const xlsx = check(await (await XlsxPort.fromBuffer(await xlsxOfMergedSheet(SHEET), "t2.xlsx")).read());
    expect(office.recognition.tables.map((t) => t.columns.map((c) => [c.header, c.role]))).toEqual([
      MERGED_COLUMNS,
    ]);
    expect(office.model.indicators.map((i) => [i.sheet, i.outcomeMen])).toEqual([
      [SHEET, 1.85],
      [SHEET, 1.23],
      [SHEET, 7],
    ]);
    expect(codes(office)).toEqual(codes(xlsx));
  });

  it("no _malkoll at all: the sheet is the user's, its merges ride with the rest of the cells", async () => {
    const { snapshot, fake } = await readOnHost("1.13", [longMergedSheet("Målkoll Indikatorer")]);
    expect(snapshot.sheets[0].merges).toEqual(MERGES);
    // Sheet list; shapes; probes; the rest of the cells with the merges: as many requests as before.
    expect(outcomes(fake.syncs)).toBe("ok ok ok ok");
    expect(mergesAsked(fake.syncs)).toEqual([[], [], [], ["Målkoll Indikatorer"]]);
  });

  it("one with more areas than Excel answers: read without them, the cells read again whole", async () => {
    const { snapshot, fake } = await readOnHost("1.13", [
      longMergedSheet("målkoll indikatorer (2)", [...MERGES, ...manyAreas(513)]),
      mergedSheet("Med"),
    ]);
    // Sheet list; shapes with Med's merges; probes; the rest with the merges (refused); the rest
    // again; the merges alone (refused). (8 before, three refused.)
    expect(outcomes(fake.syncs)).toBe("ok ok ok refused ok refused");
    expect(snapshot.sheets.map((s) => [s.name, s.merges])).toEqual([
      ["målkoll indikatorer (2)", undefined],
      ["Med", MERGES],
    ]);
    expect(snapshot.sheets[0].values).toHaveLength(308);
    expect(snapshot.sheets[0].values[307][0]).toBe("Anteckning 300");
  });
});

describe("the fake's Range.getMergedAreasOrNullObject", () => {
  it("answers Excel's address form, load before read, null object without merges", async () => {
    const { context, fake } = createFakeExcel({
      sheets: [mergedSheet("Min 'flik'", ["B3:D3", "A3:A4"]), { name: "Tom", values: [["x"]] }],
    });
    const withMerges = context.workbook.worksheets
      .getItem("Min 'flik'")
      .getRange()
      .getMergedAreasOrNullObject();
    const without = context.workbook.worksheets.getItem("Tom").getRange().getMergedAreasOrNullObject();
    withMerges.load("address");
    without.load("address");
    const unloaded = context.workbook.worksheets
      .getItem("Min 'flik'")
      .getRange()
      .getMergedAreasOrNullObject();
    await context.sync();
    expect(withMerges.isNullObject).toBe(false);
    expect(withMerges.address).toBe("'Min ''flik'''!B3:D3, 'Min ''flik'''!A3:A4");
    expect(without.isNullObject).toBe(true);
    expect(() => unloaded.address).toThrow(FakeOfficeError);
    expect(fake.syncCount).toBe(1);
  });

  it("fails the sync with ApiNotFound on a host older than ExcelApi 1.13", async () => {
    const { context, fake } = createFakeExcel({ sheets: [mergedSheet("Blad1")], excelApi: "1.12" });
    context.workbook.worksheets.getItem("Blad1").getRange().getMergedAreasOrNullObject().load("address");
    await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(fake.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.13")).toBe(false);
  });
});
