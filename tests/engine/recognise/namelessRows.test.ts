/**
 * Rows with figures under an indicator table whose name cell is empty: a lost symbol took the name's
 * cell, so the name stands one column right, under `Periodens utfall` (004 lines 182–185, 002 lines
 * 652–655). They are not read (the outcome column holds a name), and each gets a `row-not-read`
 * warning saying where the name stands and where it goes. Text alone under a repeated header, or
 * under such a row, does not end the table when its rows go on below it.
 */
import { check } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { buildModel } from "../../../src/engine/model/build";
import { recognise } from "../../../src/engine/recognise";
import { loadSeedFixture, seedLines, snapshotOf } from "../../helpers/seedGrid";

/** Seed lines `from`–`to` of a fixture whose first seed line is `first`. */
function lines(file: string, first: number, from: number, to: number): string[] {
  return seedLines(loadSeedFixture(file)).slice(from - first, to - first + 1);
}

function sheetOf(rows: string[]): SheetGrid {
  const values = rows.map((row) => (row === "" ? [] : row.split("\t").map((c) => (c === "" ? null : c))));
  return { name: "VB 2020", visibility: "visible", originRow: 1, originCol: 1, values };
}

function read(rows: string[]) {
  const snapshot = snapshotOf(sheetOf(rows));
  const recognition = recognise(snapshot, []);
  const { findings } = check(snapshot, { period: { kind: "VB", year: 2020 } });
  const { model } = buildModel(snapshot, recognition, { period: null, directions: [] });
  return { recognition, findings, model };
}

/** 004 lines 174–199: KF 1.4's indicator table, repeated at 180 and 187, with HTML analysis text; its activities. */
const TABLE_004 = lines("004-vb-hela", 1, 174, 199);
/** Sheet row of 004 line `line` in TABLE_004. */
const row004 = (line: number) => line - 173;

describe("004's indicator table of KF 1.4 (lines 174–192)", () => {
  test("reads the indicator under the second repeated header (line 190) with its figures", () => {
    const { model } = read(TABLE_004);
    expect(model.indicators.map((i) => [i.row, i.name, i.previous, i.target, i.kfTarget])).toEqual([
      [
        row004(175),
        "Andel brukare inom omsorgen för personer med funktionsnedsättning som inte upplever diskriminering",
        65,
        92,
        null,
      ],
      [
        row004(176),
        "Andel brukare inom omsorgen för personer med funktionsnedsättning som inte upplever diskriminering",
        null,
        null,
        null,
      ],
      [
        row004(190),
        "Andel personer med insatser inom socialpsykiatri som är nöjda med sin insats",
        79,
        80,
        80,
      ],
    ]);
  });

  test("is one table, repeated at lines 180 and 187, ending at the activity header (193)", () => {
    const { recognition } = read(TABLE_004);
    expect(
      recognition.tables.map((t) => [t.type, t.headerRow, t.repeatedHeaderRows, t.rows.map((r) => r.row)]),
    ).toEqual([
      ["indicators-followup", 1, [row004(180), row004(187)], [row004(175), row004(176), row004(190)]],
      ["activities", row004(193), [], [row004(194), row004(196)]],
    ]);
  });

  test("does not give the earlier row the analyses of the rows it cannot read", () => {
    const { model } = read(TABLE_004);
    expect(model.indicators[1].analysis).toBe("Enheten Liljeholmens dagliga verksamhet");
  });

  test("each row whose name stands in column B gets a row-not-read warning at its name cell", () => {
    const { findings } = read(TABLE_004);
    const leftOut = findings.filter((f) => f.code === "row-not-read");
    expect(leftOut.map((f) => [f.severity, f.cell, f.range])).toEqual([
      ["warning", `A${row004(182)}`, `A${row004(182)}:I${row004(182)}`],
      ["warning", `A${row004(183)}`, `A${row004(183)}:I${row004(183)}`],
      ["warning", `A${row004(185)}`, `A${row004(185)}:I${row004(185)}`],
    ]);
    expect(leftOut[2].message).toBe(
      "Raden ”Andel personer med funktionsnedsättning som upplever att de kan påverka insatsen” under tabellen i A1 " +
        "läses inte: namnet står i B12 (Periodens utfall), inte i A12 under ”Indikator”, så radens värden kan inte " +
        "knytas till en rad i tabellen. Flytta namnet till A12 så läses raden.",
    );
    expect(leftOut[2].messageEn).toBe(
      'The row "Andel personer med funktionsnedsättning som upplever att de kan påverka insatsen" under the table at A1 ' +
        'is not read: its name stands in B12 (Periodens utfall), not in A12 under "Indikator", so its values cannot ' +
        "be tied to a row of the table. Move the name to A12 and the row is read.",
    );
  });

  test("with the names moved to column A, the three rows are read with their figures", () => {
    const fixed = TABLE_004.map((l) => l.replace(/^ \t([^\t]*)/, "$1\t"));
    const { model, findings } = read(fixed);
    const moved = model.indicators.filter((i) =>
      i.name.startsWith("Andel personer med funktionsnedsättning"),
    );
    expect(moved.map((i) => [i.row, i.previous, i.target, i.kfTarget])).toEqual([
      [row004(182), 91, 90, 90],
      [row004(183), null, null, 90],
      [row004(185), 78, 78, 78],
    ]);
    expect(findings.map((f) => f.code)).not.toContain("row-not-read");
  });
});

describe("002's WKI rows with their first cell empty (lines 644–655)", () => {
  const TABLE_002 = lines("002-t2-kf-1.3", 454, 644, 656);
  const row002 = (line: number) => line - 643;

  test("are not read, and each gets a row-not-read warning naming column B", () => {
    const { model, findings } = read(TABLE_002);
    expect(model.indicators.map((i) => i.row)).toEqual([row002(645)]);
    const leftOut = findings.filter((f) => f.code === "row-not-read");
    expect(leftOut.map((f) => f.cell)).toEqual([652, 653, 654, 655].map((l) => `A${row002(l)}`));
    expect(leftOut[0].message).toContain(`namnet står i B${row002(652)} (Periodens utfall)`);
  });
});

describe("text alone still ends a table where no row of it follows", () => {
  test("prose under 004's table of KF 1.4 ends it: the activity table below is its own", () => {
    const prose = TABLE_004[row004(181) - 1];
    const rows = [...TABLE_004.slice(0, row004(176)), prose, "", ...TABLE_004.slice(row004(193) - 1)];
    const { recognition, findings } = read(rows);
    expect(recognition.tables.map((t) => [t.headerRow, t.rows.length])).toEqual([
      [1, 2],
      [row004(176) + 3, 2],
    ]);
    expect(findings.map((f) => f.code)).not.toContain("row-not-read");
  });

  test("prose right under a repeated header with nothing of the table after it ends the table", () => {
    const rows = [...TABLE_004.slice(0, row004(181)), "", "Aktivitet\tStartdatum\tSlutdatum\tAvvikelse"];
    const { recognition } = read(rows);
    expect(recognition.tables[0].rows.map((r) => r.row)).toEqual([row004(175), row004(176)]);
    expect(recognition.tables[0].repeatedHeaderRows).toEqual([row004(180)]);
  });
});

describe("a row with figures and no name at all", () => {
  test("under 004's table of KF 1.4 it is not read and gets a row-not-read warning", () => {
    const nameless = TABLE_004[row004(190) - 1].replace(/^[^\t]*/, "");
    const rows = [...TABLE_004.slice(0, row004(176)), nameless];
    const { model, findings } = read(rows);
    expect(model.indicators).toHaveLength(2);
    const leftOut = findings.filter((f) => f.code === "row-not-read");
    expect(leftOut.map((f) => [f.cell, f.message])).toEqual([
      [
        "A4",
        "Raden A4:I4 under tabellen i A1 har värden men inget namn i A4 under ”Indikator” och läses inte. " +
          "Skriv radens namn i A4 så läses den.",
      ],
    ]);
  });
});

describe("after an empty row under the table, a row without a name is something else", () => {
  const tableRows = TABLE_004.slice(0, row004(176));
  test("a check-sum row (figures, no name) ends the table quietly, as before", () => {
    const checksum = TABLE_004[row004(190) - 1].replace(/^[^\t]*/, "");
    const { model, findings } = read([...tableRows, "", checksum]);
    expect(model.indicators).toHaveLength(2);
    expect(findings.filter((f) => f.code === "row-not-read")).toEqual([]);
  });
  test("a side table one column in is not told to move its header into column A", () => {
    const { findings } = read([...tableRows, "", "\tEnhet\t2019\t2020", "\tSöder\t5\t6"]);
    expect(findings.filter((f) => f.code === "row-not-read")).toEqual([]);
  });
});

describe("004's `<p>Analys</p>` row, as a web export left it (lines 265–268)", () => {
  const rows = lines("004-vb-hela", 1, 265, 268);

  test("is the analysis of the row above, and the indicator under it is read", () => {
    const { model, findings } = read(rows);
    expect(model.indicators.map((i) => [i.row, i.name, i.outcome, i.target])).toEqual([
      [
        2,
        "Andel inköpta ekologiska måltider och livsmedel i staden i kronor av totala värdet av inköpta måltider och livsmedel",
        22.85,
        60,
      ],
      [4, "Totalt köpt energi i stadens verksamheter", 0, 3.3],
    ]);
    expect(model.indicators[0].analysis).toMatch(
      /^<p>Enheten Liljeholmens dagliga verksamhet<\/p> <p>Nedan finns/,
    );
    expect(findings.filter((f) => f.code === "analysis-missing")).toEqual([]);
  });
});
