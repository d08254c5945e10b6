/**
 * A row after one or more blank rows under an indicator or activity table: part of the table only
 * when it reads as one of its rows (or a row of the table follows it directly, or it repeats the
 * header), else the blank row ended the table and the row is named in a `row-not-read` finding.
 *
 * In the five seeds, the sample workbooks and every fixture workbook, each blank gap inside an
 * indicator or activity table is followed by a repeated header (a page break); no data row follows a
 * blank row. The one row that did is the foreign corpus's note row (tests/fixtures/foreign/make-corpus.js).
 */
import { check } from "../../../src/engine";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { buildModel } from "../../../src/engine/model/build";
import { recognise } from "../../../src/engine/recognise";
import { loadSeedFixture, seedLines, snapshotOf } from "../../helpers/seedGrid";

/** Seed lines `from`–`to` of a fixture whose first seed line is `first`. */
function lines(file: string, first: number, from: number, to: number): string[] {
  return seedLines(loadSeedFixture(file)).slice(from - first, to - first + 1);
}

/** 002 lines 271–290: the indicator table of KF 1.1, split by a repeated header (278). */
const TABLE_002 = lines("002-t2-kf-1.1", 153, 271, 290);

/** The corpus's note row, as Excel holds it: a percent, an amount, a date and a truth value. */
const NOTE_ROW: { value: CellValue; format: string | null }[] = [
  { value: "Kontrollvärden", format: null },
  { value: 0.041, format: "0.0%" },
  { value: 2435.3, format: "#,##0.0" },
  { value: 44439, format: "yyyy-mm-dd" },
  { value: true, format: null },
];

type Row = string | { value: CellValue; format: string | null }[];

/** A sheet from A1: text lines split at tabs, or rows of cells with their formats. */
function sheetOf(rows: Row[], name = "Uppföljning"): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (const row of rows) {
    if (typeof row === "string") {
      values.push(row === "" ? [] : row.split("\t").map((c) => (c === "" ? null : c)));
      formats.push([]);
    } else {
      values.push(row.map((c) => c.value));
      formats.push(row.map((c) => c.format));
    }
  }
  return { name, visibility: "visible", originRow: 1, originCol: 1, values, formats };
}

function read(sheet: SheetGrid) {
  const snapshot = snapshotOf(sheet);
  return buildModel(snapshot, recognise(snapshot, []), { period: null, directions: [] });
}

const SEED_NAMES = TABLE_002.filter((l) => l.startsWith("  ")).map((l) => l.split("\t")[0].trim());

describe("a note row after a blank row under 002's indicator table (the foreign corpus's row)", () => {
  // Rows 1–20: seed lines 271–290; row 21 blank; row 22 the note.
  const sheet = sheetOf([...TABLE_002, "", NOTE_ROW]);

  test("is not read as an indicator; the seed's ten are", () => {
    const { model } = read(sheet);
    expect(model.indicators.map((i) => i.name)).toEqual(SEED_NAMES);
    expect(SEED_NAMES).toHaveLength(10);
  });

  test("gets no findings about its values, only one saying it was not read, at its first cell", () => {
    const { findings } = check(snapshotOf(sheet), { period: { kind: "T2", year: 2021 } });
    const onRow = findings.filter((f) => /^[A-Z]+22$/.test(f.cell));
    expect(onRow.map((f) => [f.code, f.severity, f.cell, f.range])).toEqual([
      ["row-not-read", "warning", "A22", "A22:I22"],
    ]);
    expect(onRow[0].message).toBe(
      "Raden ”Kontrollvärden” står efter en tom rad under tabellen i A1 och läses inte som en rad i den: " +
        "”2021-08-31” i D22 (Utfall kvinn or/ flickor) och ”SANT” i E22 (Periodens utfall VB 2020) går inte att läsa " +
        "som kolumnernas värden. Om raden hör till tabellen, ta bort den tomma raden ovanför den.",
    );
    expect(onRow[0].messageEn).toBe(
      'The row "Kontrollvärden" follows a blank row under the table at A1 and is not read as one of its rows: ' +
        '"2021-08-31" in D22 (Utfall kvinn or/ flickor) and "TRUE" in E22 (Periodens utfall VB 2020) cannot be read ' +
        "as those columns' values. If the row belongs to the table, delete the blank row above it.",
    );
  });

  test("written as text (a pasted copy) it is not read either", () => {
    const sheet = sheetOf([...TABLE_002, "", "Kontrollvärden\t4,1 %\t2 435,3\t2021-08-31\tSANT"]);
    const { model, findings } = read(sheet);
    expect(model.indicators.map((i) => i.name)).toEqual(SEED_NAMES);
    expect(findings.filter((f) => f.cell.endsWith("22")).map((f) => [f.code, f.cell])).toEqual([
      ["row-not-read", "A22"],
    ]);
  });

  test("with two blank rows before it, it is not read either", () => {
    const { model, findings } = read(sheetOf([...TABLE_002, "", "", NOTE_ROW]));
    expect(model.indicators).toHaveLength(10);
    const leftOut = findings.filter((f) => f.code === "row-not-read");
    expect(leftOut.map((f) => f.cell)).toEqual(["A23"]);
    expect(leftOut[0].message).toMatch(
      /^Raden ”Kontrollvärden” står efter 2 tomma rader under tabellen i A1 .* ta bort de tomma raderna ovanför den\.$/,
    );
    expect(leftOut[0].messageEn).toMatch(
      /^The row "Kontrollvärden" follows 2 blank rows .* delete the blank rows above it\.$/,
    );
  });

  test("with no blank row before it, it is a row of the table, as before", () => {
    const { model } = read(sheetOf([...TABLE_002, NOTE_ROW]));
    expect(model.indicators.map((i) => i.name)).toEqual([...SEED_NAMES, "Kontrollvärden"]);
  });

  test("in an Excel table whose range holds it, it is a row of the table", () => {
    const s = sheetOf([...TABLE_002, "", NOTE_ROW]);
    s.listObjects = [{ name: "Indikatorer", range: "A1:I22" }];
    const { model, findings } = read(s);
    expect(model.indicators.map((i) => i.name)).toContain("Kontrollvärden");
    expect(findings.map((f) => f.code)).not.toContain("row-not-read");
  });
});

describe("real rows after a blank row still belong to the table", () => {
  test("002's indicators with a blank row between lines 284 and 285 are all read, with their values", () => {
    const split = [...TABLE_002.slice(0, 14), "", ...TABLE_002.slice(14)];
    const { model, findings } = read(sheetOf(split));
    expect(model.indicators.map((i) => i.name)).toEqual(SEED_NAMES);
    const feriejobb = model.indicators.find((i) => i.name === "Antal tillhandahållna platser för feriejobb")!;
    expect([feriejobb.row, feriejobb.outcome, feriejobb.targetKind, feriejobb.kfTargetKind]).toEqual([
      16,
      446,
      "value",
      "delegated",
    ]);
    expect(findings.map((f) => f.code)).not.toContain("row-not-read");
  });

  test.each([
    { line: 285, at: 14, outcome: "446", below: "its Analys row (286)" },
    { line: 287, at: 16, outcome: "48", below: "line 288, a row of the table" },
  ])(
    "a block after a blank row whose first row (line $line) has a slip is read: under it is $below",
    ({ at, outcome }) => {
      const slipped = TABLE_002[at].replace(`\t${outcome}\t`, `\tca ${outcome}\t`);
      const split = [...TABLE_002.slice(0, at), "", slipped, ...TABLE_002.slice(at + 1)];
      const { model, findings } = read(sheetOf(split));
      expect(model.indicators.map((i) => i.name)).toEqual(SEED_NAMES);
      expect(findings.filter((f) => f.cell === `B${at + 2}`).map((f) => f.code)).toEqual([
        "value-unparseable",
      ]);
      expect(findings.map((f) => f.code)).not.toContain("row-not-read");
    },
  );

  test("a slipped row after a blank row with nothing of the table under it is not read", () => {
    const slipped = TABLE_002[19].replace("\t864 st\t", "\tca 864 st\t");
    const { model, findings } = read(sheetOf([...TABLE_002.slice(0, 19), "", slipped]));
    expect(model.indicators.map((i) => i.name)).toEqual(SEED_NAMES.slice(0, -1));
    expect(findings.filter((f) => f.code === "row-not-read").map((f) => f.cell)).toEqual(["A21"]);
  });

  test("004's row with only a tail after a repeated header (lines 395–404) is still merged", () => {
    const rows = lines("004-vb-kf-3.2-sjukfranvaro", 380, 395, 404);
    const { model } = read(sheetOf(rows));
    expect(model.indicators.map((i) => [i.name, i.kfTargetText])).toEqual([
      ["Sjukfrånvaro", "Tas fram av nämnd/ styrelse"],
      ["Sjukfrånvaro dag 1-14", "Tas fram av nämnd/ styrelse"],
    ]);
  });

  test("003's plan activities with a blank row between them (lines 473–475) are both read", () => {
    const plan = lines("003-vp-kf-1.1", 439, 473, 475);
    const { model, findings } = read(sheetOf([plan[0], plan[1], "", plan[2]]));
    expect(model.activities.map((a) => [a.row, a.start, a.end])).toEqual([
      [2, "2022-01-01", "2022-06-30"],
      [4, "2022-01-01", "2022-06-30"],
    ]);
    expect(findings.map((f) => f.code)).not.toContain("row-not-read");
  });
});

describe("a row after a blank row that holds nothing the table reads", () => {
  test("under 003's plan indicators (lines 462–471), a row with only a comment column filled is not read", () => {
    const plan = lines("003-vp-kf-1.1", 439, 462, 471);
    const header = `${plan[0]}\tKommentar`;
    const { model, findings } = read(
      sheetOf([header, ...plan.slice(1), "", "Källa\t\t\t\tStadens ledningssystem ILS"]),
    );
    expect(model.indicators.map((i) => i.name)).not.toContain("Källa");
    const leftOut = findings.filter((f) => f.code === "row-not-read");
    expect(leftOut.map((f) => f.cell)).toEqual([`A${plan.length + 2}`]);
    expect(leftOut[0].message).toContain("har inget värde i tabellens kolumner");
  });
});
