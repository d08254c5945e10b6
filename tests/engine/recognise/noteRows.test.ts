/**
 * A note under a table's row (`Källa: HR-underlag …`, `Not: …`) is the user's remark, not an
 * analysis: under an `Analys` label alone it does not take the label's place, so a deviation without
 * analysis is still flagged (at the label's cell, where the text goes); between a table's rows it
 * does not end the table. Seed rows (002) with the note of a walk's workbook
 * (`Källa: HR-underlag per 2021-08-31 …`, a grey row under an empty `Analys` row) or 002's own
 * `Not:` (line 1955, under the driftbudget table) spliced in.
 */
import { check } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { loadSeedFixture, seedLines, snapshotOf } from "../../helpers/seedGrid";

/** Seed lines `from`–`to` of a fixture whose first seed line is `first`. */
function lines(file: string, first: number, from: number, to: number): string[] {
  return seedLines(loadSeedFixture(file)).slice(from - first, to - first + 1);
}

function sheetOf(rows: string[]): SheetGrid {
  const values = rows.map((row) => (row === "" ? [] : row.split("\t").map((c) => (c === "" ? null : c))));
  return { name: "Uppföljning", visibility: "visible", originRow: 1, originCol: 1, values };
}

function read(rows: string[]) {
  return check(snapshotOf(sheetOf(rows)), { period: { kind: "T2", year: 2021 } });
}

const NOTE = "Källa: HR-underlag per 2021-08-31 (ska stämmas av med HR innan rapporten lämnas)";
/** 002 line 1955, under the driftbudget per verksamhetsområde. */
const SEED_NOTE = lines("002-t2-driftbudget", 1921, 1955, 1955)[0];

/** 002 lines 271–290: KF 1.1's indicators, `Analys` alone on 273 with its text on 274. */
const KF11 = (from: number, to: number) => lines("002-t2-kf-1.1", 153, from, to);
/** Sheet row of 002 line `line` in a sheet starting at line 271. */
const row = (line: number) => line - 270;

describe("an indicator's empty Analys row with a note under it (002 lines 271–290)", () => {
  // Line 274, the analysis, left out: the note stands where it was.
  const result = read([...KF11(271, 273), NOTE, ...KF11(275, 290)]);
  const first = result.model.indicators[0];

  test("the note is not the analysis: the deviation has none, at the label's cell", () => {
    expect(first.row).toBe(row(272));
    expect(first.analysis).toBeNull();
    expect(first.cells.analysis).toBe(`A${row(273)}`);
    const missing = result.findings.filter((f) => f.code === "analysis-missing" && f.cell === `A${row(273)}`);
    expect(missing).toHaveLength(1);
  });

  test("the table goes on under the note: the rows of lines 279–290, analyses and all", () => {
    const all = read(KF11(271, 290)).model.indicators;
    expect(result.model.indicators.map((i) => [i.row, i.name, i.analysis])).toEqual(
      all.map((i) => [i.row, i.name, i.row === row(272) ? null : i.analysis]),
    );
    expect(all).toHaveLength(10);
  });
});

describe("under an empty Analys label only a source is a note: other remark words start an analysis", () => {
  test.each([
    "Obs! Sjukfrånvaron har ökat under våren och vi förstärker bemanningen.",
    "Not: Enkäten hade låg svarsfrekvens, men nöjdheten minskade i alla grupper.",
  ])("%s", (text) => {
    const first = read([...KF11(271, 273), text, ...KF11(275, 290)]).model.indicators[0];
    expect(first.row).toBe(row(272));
    expect(first.analysis).toBe(text);
  });
});

describe("a note between a table's rows does not end the table", () => {
  test("under an indicator's analysis in its own cell (after 002 line 280)", () => {
    const all = read(KF11(278, 290)).model.indicators;
    const noted = read([...KF11(278, 280), NOTE, ...KF11(281, 290)]).model.indicators;
    expect(noted.map((i) => [i.name, i.analysis])).toEqual(all.map((i) => [i.name, i.analysis]));
    expect(noted).toHaveLength(9);
  });

  test("under an activity's analysis, and under an empty Analys row (002 lines 1038–1051)", () => {
    const acts = (rows: string[]) =>
      read(rows).model.activities.map((a) => [a.name, a.deviation, a.analysis]);
    const nm142 = (from: number, to: number) => lines("002-t2-nm-1.4.2", 989, from, to);
    const all = acts(nm142(1038, 1051));
    expect(all).toHaveLength(7);
    expect(acts([...nm142(1038, 1042), NOTE, ...nm142(1043, 1051)])).toEqual(all);
    // 1042, the analysis of 1040, left out: the note does not stand in for it.
    expect(acts([...nm142(1038, 1041), NOTE, ...nm142(1043, 1051)])).toEqual(
      all.map((a, k) => (k === 1 ? [a[0], a[1], null] : a)),
    );
  });

  test("in a budget table, where it is no group label either (002 line 1955 inside lines 1936–1953)", () => {
    const budget = lines("002-t2-driftbudget", 1921, 1936, 1953);
    // The note after Stadsmiljöverksamhet's rows (line 1945).
    const noted = read([...budget.slice(0, 10), SEED_NOTE, ...budget.slice(10)]);
    const plain = read(budget);
    const names = (r: typeof plain) => r.model.budget.map((b) => b.label);
    expect(names(noted)).toEqual(names(plain));
    expect(names(plain)).toContain("Totalt");
    expect(noted.recognition.tables.flatMap((t) => t.groupRows ?? [])).toEqual([]);
  });
});

test("`Kommentar:` under an empty Analys row is the analysis (the reports answer with it, 002 line 2765)", () => {
  const kommentar = `Kommentar: ${KF11(274, 274)[0].trim()}`;
  const [first] = read([...KF11(271, 273), kommentar, ...KF11(275, 290)]).model.indicators;
  expect(first.analysis).toBe(kommentar);
});
