import * as fs from "fs";
import { cellAt, lastCol, lastRow } from "../../src/engine/grid";
import {
  lineToRow,
  loadSeedFixture,
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
    const sheet = textToSheet("S", "a\tb\nc\td", { originRow: 5, originCol: 3, visibility: "hidden" });
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
    expect(cellAt(sheet, row, 1)).toBe("  Andel personer som har ekonomiskt bistånd i förhållande till befolkningen");
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
    expect(sheet.values[continuation - 1]).toEqual([null, null, null, null, null, null, null, "nämnd/ styrelse", null]);

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
