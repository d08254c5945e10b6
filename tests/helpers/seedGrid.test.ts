import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  MORE_SAMPLES,
  SAMPLE_FILE,
  SHEET_FOLLOW_UP,
  SHEET_OPERATING_BUDGET,
  SHEET_RESULT_UNITS,
  amountNumber,
  buildMoreSampleBuffer,
  buildSampleBuffer,
  buildSampleWorkbook,
  indicatorNumber,
  isoDate,
  sampleLayout,
  sampleRowOfSeedLine,
} from "../../scripts/build-sample";
import { cellAt, lastCol, lastRow } from "../../src/engine/grid";
import {
  lineToRow,
  loadSeedFixture,
  repoRoot,
  rowOfSeedLine,
  seedFixtureDir,
  seedLines,
  seedSheet,
  snapshotOf,
  sourceOf,
  textToSheet,
} from "./seedGrid";

describe("textToSheet", () => {
  it("splits lines into rows and tabs into columns, from A1", () => {
    const sheet = textToSheet("S", "Indikator\tÅrsmål\tPeriod\n  Andel\t4,1 %\tTertial 2 2021\n");
    expect(sheet.name).toBe("S");
    expect(sheet.visibility).toBe("visible");
    expect(sheet.originRow).toBe(1);
    expect(sheet.originCol).toBe(1);
    expect(sheet.values).toEqual([
      ["Indikator", "Årsmål", "Period"],
      ["  Andel", "4,1 %", "Tertial 2 2021"],
    ]);
    expect(cellAt(sheet, 2, 2)).toBe("4,1 %");
  });

  it("keeps leading and trailing spaces and turns empty cells into null", () => {
    const sheet = textToSheet("S", " Sjukfrånvaro \t\t\t9 %\t\n");
    expect(sheet.values[0]).toEqual([" Sjukfrånvaro ", null, null, "9 %", null]);
  });

  it("gives an empty line an empty row and does not add a row for the final newline", () => {
    const sheet = textToSheet("S", "a\n\n \nb\n");
    expect(sheet.values).toEqual([["a"], [], [" "], ["b"]]);
    expect(lastRow(sheet)).toBe(4);
  });

  it("accepts Windows line ends", () => {
    expect(textToSheet("S", "a\tb\r\nc\r\n").values).toEqual([["a", "b"], ["c"]]);
  });

  it("drops `# source:` lines wherever they are", () => {
    const sheet = textToSheet("S", "# source: x.txt lines 1-2\na\n# source: x.txt lines 5-5\nb");
    expect(sheet.values).toEqual([["a"], ["b"]]);
  });

  it("places the text at another origin", () => {
    const sheet = textToSheet("S", "a\tb\nc\td", {
      originRow: 5,
      originCol: 3,
      visibility: "hidden",
    });
    expect(sheet.originRow).toBe(5);
    expect(sheet.originCol).toBe(3);
    expect(sheet.visibility).toBe("hidden");
    expect(cellAt(sheet, 5, 3)).toBe("a");
    expect(cellAt(sheet, 6, 4)).toBe("d");
    expect(cellAt(sheet, 1, 1)).toBeNull();
    expect(lastRow(sheet)).toBe(6);
    expect(lastCol(sheet)).toBe(4);
  });

  it("lineToRow splits a single line", () => {
    expect(lineToRow("Analys\t\t\t")).toEqual(["Analys", null, null, null]);
    expect(lineToRow("")).toEqual([]);
  });
});

describe("seed fixtures", () => {
  const files = fs.readdirSync(seedFixtureDir()).filter((f) => f.endsWith(".txt"));

  it("are all present and listed in the README", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    const readme = fs.readFileSync(`${seedFixtureDir()}/README.md`, "utf8");
    for (const f of files) expect(readme).toContain(f);
  });

  it.each(files)("%s starts with a source line whose range matches its length", (file) => {
    const text = loadSeedFixture(file);
    expect(text.startsWith("# source: ")).toBe(true);
    const source = sourceOf(text);
    expect(source).not.toBeNull();
    expect(source!.seedFile).toMatch(/^00[0-4]_[0-9a-f]+\.txt$/);
    expect(seedLines(text)).toHaveLength(source!.toLine - source!.fromLine + 1);
  });

  it("loads with or without the .txt ending", () => {
    expect(loadSeedFixture("002-t2-kf-1.1")).toBe(loadSeedFixture("002-t2-kf-1.1.txt"));
  });

  it("puts 002 line 279 (the gender-split error) where rowOfSeedLine says", () => {
    const text = loadSeedFixture("002-t2-kf-1.1");
    const row = rowOfSeedLine(text, 279);
    const sheet = textToSheet("Uppföljning", text);
    expect(cellAt(sheet, row, 1)).toBe(
      "  Andel personer som har ekonomiskt bistånd i förhållande till befolkningen",
    );
    expect([2, 3, 4].map((c) => cellAt(sheet, row, c))).toEqual(["2,13 %", "1,85 %", "1,96 %"]);
    expect(rowOfSeedLine(text, 279, 10)).toBe(row + 9);
    expect(() => rowOfSeedLine(text, 100)).toThrow(/outside/);
  });

  it("keeps the known ugly cases verbatim", () => {
    const vp = seedSheet("003-vp-budget");
    const intakter = rowOfSeedLine(loadSeedFixture("003-vp-budget"), 1960);
    expect(vp.values[intakter - 1]).toEqual(["Intäkter", "-94,0", "-93,2", "-97,2", "-97,2", "102,2"]);

    const unit = loadSeedFixture("004-vb-kf-3.2-sjukfranvaro");
    const sheet = textToSheet("VB", unit);
    const continuation = rowOfSeedLine(unit, 399);
    expect(sheet.values[continuation - 1]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "nämnd/ styrelse",
      null,
    ]);

    expect(loadSeedFixture("000-vb-enhet-forskola")).toContain("lärmiljöerXXXXX");
  });

  it("snapshotOf wraps sheets in a workbook snapshot", () => {
    const a = textToSheet("A", "x");
    const b = textToSheet("B", "y");
    const snap = snapshotOf(a, b);
    expect(snap.sheets.map((s) => s.name)).toEqual(["A", "B"]);
    expect(typeof snap.name).toBe("string");
  });
});

describe("sample workbook (scripts/build-sample.ts)", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await buildSampleWorkbook();
  });

  const cellOf = (sheet: string, row: number, col: number) =>
    workbook.getWorksheet(sheet)!.getRow(row).getCell(col);
  const rowOf = (seed: string, line: number) => {
    const at = sampleRowOfSeedLine(seed, line);
    if (!at) throw new Error(`${seed} line ${line} is not in the sample`);
    return at;
  };

  it("has the three sheets and a Period cell", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      SHEET_FOLLOW_UP,
      SHEET_OPERATING_BUDGET,
      SHEET_RESULT_UNITS,
    ]);
    expect(cellOf(SHEET_FOLLOW_UP, 2, 1).value).toBe("Period");
    expect(cellOf(SHEET_FOLLOW_UP, 2, 2).value).toBe("Tertial 2 2021");
  });

  it("lays the goal blocks out line by line, headings in column A", () => {
    const heading = rowOf("002", 321);
    expect(heading.sheet).toBe(SHEET_FOLLOW_UP);
    expect(cellOf(heading.sheet, heading.row, 1).value).toBe(
      "KF:s mål för verksamhetsområdet: 1.2. Stockholm är en trygg, säker och välskött stad att bo och vistas i",
    );
    const nm = rowOf("002", 1846);
    expect(cellOf(nm.sheet, nm.row, 1).value).toBe(
      "Nämndmål: 3.2.1 Stadsdelsnämndens verksamheter är ändamålsenliga",
    );
    const blocks = sampleLayout().filter((b) => b.sheet === SHEET_FOLLOW_UP);
    for (let i = 1; i < blocks.length; i += 1) {
      const prev = blocks[i - 1];
      expect(blocks[i].firstRow).toBe(prev.firstRow + prev.toLine - prev.fromLine + 1);
    }
  });

  it("stores some indicator rows as numbers with formats and keeps others as text", () => {
    const split = rowOf("002", 279);
    expect([2, 3, 4].map((c) => cellOf(split.sheet, split.row, c).value)).toEqual([0.0213, 0.0185, 0.0196]);
    expect(cellOf(split.sheet, split.row, 2).numFmt).toBe("0.00 %");
    expect(cellOf(split.sheet, split.row, 9).value).toBe("Tertial 2 2021");
    const summer = rowOf("002", 290);
    expect(cellOf(summer.sheet, summer.row, 2).value).toBe(864);
    expect(cellOf(summer.sheet, summer.row, 2).numFmt).toBe('#,##0 "st"');
    expect(cellOf(summer.sheet, summer.row, 8).value).toBe(9000);
    const aspirants = rowOf("002", 284);
    expect(cellOf(aspirants.sheet, aspirants.row, 2).value).toBe("21 st");
    const longTerm = rowOf("002", 283);
    expect(cellOf(longTerm.sheet, longTerm.row, 2).value).toBe("1,3 %");
    expect(cellOf(longTerm.sheet, longTerm.row, 1).value).toMatch(/^ {2}Andel vuxna/);
    const sick = rowOf("002", 1834);
    expect(cellOf(sick.sheet, sick.row, 2).value).toBe(0.094);
    expect(cellOf(sick.sheet, sick.row, 8).value).toBe("Tas fram av nämnd/styrelse");
    const shortSick = rowOf("002", 1836);
    expect(cellOf(shortSick.sheet, shortSick.row, 2).value).toBe("3,3 %");
  });

  it("writes KF 1.x activity dates as dates and KF 3.x ones as text", () => {
    const notDone = rowOf("002", 1040);
    const start = cellOf(notDone.sheet, notDone.row, 2);
    expect(start.value).toEqual(new Date(Date.UTC(2021, 0, 1)));
    expect(start.numFmt).toBe("yyyy-mm-dd");
    expect(cellOf(notDone.sheet, notDone.row, 4).value).toBeNull();
    const later = rowOf("002", 1909);
    expect(cellOf(later.sheet, later.row, 2).value).toBe("2021-01-01");
  });

  it("keeps text that starts with a minus sign as text", () => {
    const bullet = rowOf("002", 1760);
    const cell = cellOf(bullet.sheet, bullet.row, 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(String(cell.value).startsWith("- En ramavtalsupphandling")).toBe(true);
  });

  it("writes both driftbudget tables with amounts as numbers and varav rows in italics", () => {
    const netto = rowOf("002", 1926);
    expect(netto.sheet).toBe(SHEET_OPERATING_BUDGET);
    expect([2, 3, 4, 5, 6].map((c) => cellOf(netto.sheet, netto.row, c).value)).toEqual([
      2435.3, 15.2, 16.5, 2447.1, 19.9,
    ]);
    expect(cellOf(netto.sheet, netto.row, 2).numFmt).toBe("#,##0.0");
    const after = rowOf("002", 1932);
    expect(cellOf(after.sheet, after.row, 6).value).toBe(6.9);
    const varav = rowOf("002", 1939);
    expect(cellOf(varav.sheet, varav.row, 1).value).toBe("varav socialpsykiatri");
    expect(cellOf(varav.sheet, varav.row, 1).font?.italic).toBe(true);
    const total = rowOf("002", 1953);
    expect(cellOf(total.sheet, total.row, 1).value).toBe("Totalt");
    expect(cellOf(total.sheet, total.row, 5).value).toBe(2460.1);
    const pandemic = rowOf("002", 1976);
    expect(cellOf(pandemic.sheet, pandemic.row, 12).value).toBe(20138);
    expect(cellOf(pandemic.sheet, pandemic.row, 12).numFmt).toBe("#,##0");
  });

  it("writes the result units in tkr, keeping empty cells empty", () => {
    const vantor = rowOf("002", 2255);
    expect(vantor.sheet).toBe(SHEET_RESULT_UNITS);
    expect(cellOf(vantor.sheet, vantor.row, 2).value).toBe(43184);
    expect(cellOf(vantor.sheet, vantor.row, 4).value).toBeNull();
    expect(cellOf(vantor.sheet, vantor.row, 6).value).toBe("ja");
  });

  it("rebuilds to the same bytes, which are the committed sample", async () => {
    const first = await buildSampleBuffer();
    const second = await buildSampleBuffer();
    expect(first.equals(second)).toBe(true);
    const committed = fs.readFileSync(path.join(repoRoot(), SAMPLE_FILE));
    expect(committed.equals(first)).toBe(true);
  });

  it("the other bundled samples (rollup, compare, a plan) rebuild to their committed bytes", async () => {
    expect(MORE_SAMPLES.map((s) => s.file.split(path.sep).join("/"))).toEqual([
      "samples/enheter/resursenheten-vb-2021.xlsx",
      "samples/enheter/liljeholmens-dagliga-verksamhet-vb-2020.xlsx",
      "samples/plan/resursenheten-plan-2021.xlsx",
      "samples/plan/hagersten-alvsjo-vp-2022.xlsx",
    ]);
    for (const sample of MORE_SAMPLES) {
      const built = await buildMoreSampleBuffer(sample);
      expect(built.equals(await buildMoreSampleBuffer(sample))).toBe(true);
      expect([sample.file, fs.readFileSync(path.join(repoRoot(), sample.file)).equals(built)]).toEqual([
        sample.file,
        true,
      ]);
    }
  });

  it("reads back from .xlsx with leading spaces and formats intact", async () => {
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await buildSampleBuffer()) as unknown as ArrayBuffer);
    const split = rowOf("002", 279);
    const sheet = again.getWorksheet(SHEET_FOLLOW_UP)!;
    expect(sheet.getRow(split.row).getCell(1).value).toBe(
      "  Andel personer som har ekonomiskt bistånd i förhållande till befolkningen",
    );
    expect(sheet.getRow(split.row).getCell(2).numFmt).toBe("0.00 %");
    expect(again.created).toEqual(new Date(Date.UTC(2021, 8, 30, 12)));
  });
});

describe("sample value typing", () => {
  it("reads Swedish indicator values", () => {
    expect(indicatorNumber("4,1 %")).toEqual({ value: 0.041, numFmt: "0.0 %" });
    expect(indicatorNumber("90%")).toEqual({ value: 0.9, numFmt: "0 %" });
    expect(indicatorNumber("9 000 st")).toEqual({
      value: 9000,
      numFmt: '#,##0 "st"',
    });
    expect(indicatorNumber("66,67")).toEqual({ value: 66.67, numFmt: "0.00" });
    expect(indicatorNumber("75")).toEqual({ value: 75 });
    for (const text of ["Tas fram av nämnd", "+/- 1 %", "öka", "15,2 barn/avd.", "1945 GWh", "-"]) {
      expect(indicatorNumber(text)).toBeNull();
    }
  });

  it("reads budget amounts and ISO dates", () => {
    expect(amountNumber("2 435,3")).toEqual({
      value: 2435.3,
      numFmt: "#,##0.0",
    });
    expect(amountNumber("-489,4")).toEqual({
      value: -489.4,
      numFmt: "#,##0.0",
    });
    expect(amountNumber("1 040 008")).toEqual({
      value: 1040008,
      numFmt: "#,##0",
    });
    expect(amountNumber("ja")).toBeNull();
    expect(isoDate("2021-06-30")).toEqual({
      value: new Date(Date.UTC(2021, 5, 30)),
      numFmt: "yyyy-mm-dd",
    });
    expect(isoDate("2021-13-01")).not.toBeNull(); // Date.UTC rolls over; only the shape is checked
    expect(isoDate("1 april")).toBeNull();
  });
});
