/**
 * A figure's cell shows a unit only where its source cell showed one: text with the unit, or a
 * number format that shows it. The check judges a figure written without one in its row's unit
 * (`446` against `800 st`), but the tables are pasted beside the published report and write what
 * the source shows. Rows from the T2 2021 report (seed 002, lines 284–290, 598–599, 894 and 907).
 */
import { check } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import type { OutCell } from "../../../src/engine/report/spec";
import { loadSeedFixture, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";

/** Lines `from`–`to` of a seed fixture file (1-based, its `# source:` line being line 1). */
function lines(file: string, from: number, to: number): string[] {
  return seedLines(loadSeedFixture(file)).slice(from - 2, to - 1);
}

const HEADER =
  "Indikator\tPeriodens utfall\tUtfall män/ pojkar\tUtfall kvinnor/ flickor\tPeriodens utfall VB 2020\tPrognos helår\tÅrsmål\tKF:s årsmål\tPeriod";

function sheetOf(rows: string[]): SheetGrid {
  return textToSheet(
    "Uppföljning",
    ["KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande", HEADER, ...rows].join(
      "\n",
    ),
  );
}

function reportRows(sheet: SheetGrid): (OutCell | null)[][] {
  const snapshot = snapshotOf(sheet);
  const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
  return buildReport(result, { snapshot }).sheets[0].rows;
}

/** The figure cells of row `name`: utfall, män, kvinnor, VB, prognos, årsmål, KF:s årsmål. */
function figures(rows: (OutCell | null)[][], name: string): ([unknown, string | undefined] | null)[] {
  const row = rows.find((r) => typeof r[0]?.value === "string" && r[0].value === name);
  if (!row) throw new Error(`no row ${name}`);
  return [1, 2, 3, 4, 5, 6, 7].map((c) => {
    const cell = row[c];
    return cell ? [cell.value, cell.format] : null;
  });
}

// 002-t2-kf-1.1 lines 133–139 are seed lines 284–290.
const KF_1_1 = lines("002-t2-kf-1.1", 133, 139);

it("writes figures written without a unit without one, beside a target that has one", () => {
  const rows = reportRows(sheetOf(KF_1_1));
  // `446 | 422 | 500 | 800 st`: only the Årsmål carries `st`; KF:s årsmål is text.
  expect(figures(rows, "Antal tillhandahållna platser för feriejobb")).toEqual([
    [446, "#,##0"],
    null,
    null,
    [422, "#,##0"],
    [500, "#,##0"],
    [800, '#,##0 "st"'],
    ["Tas fram av nämnd", undefined],
  ]);
  expect(figures(rows, "Antal tillhandahållna platser för Stockholmsjobb").slice(0, 6)).toEqual([
    [48, "#,##0"],
    null,
    null,
    [60, "#,##0"],
    [80, "#,##0"],
    [80, '#,##0 "st"'],
  ]);
  // `864 st | 415 st | 449 st | 785 st | 900 | 800 st | 9 000 st`: the forecast alone has none.
  expect(figures(rows, "Antal ungdomar som fått feriejobb i stadens regi")).toEqual([
    [864, '#,##0 "st"'],
    [415, '#,##0 "st"'],
    [449, '#,##0 "st"'],
    [785, '#,##0 "st"'],
    [900, "#,##0"],
    [800, '#,##0 "st"'],
    [9000, '#,##0 "st"'],
  ]);
  // Every figure with its `st`, the men's and women's too.
  expect(figures(rows, "Antal aspiranter som fått Stockholmsjobb").map((c) => c?.[1])).toEqual(
    Array(7).fill('#,##0 "st"'),
  );
});

it("keeps a figure's own unit and adds none to its neighbours (`15,2 barn/avd.` | `16 st` | `16`)", () => {
  // 002-t2-kf-1.3 lines 146–147 are seed lines 598–599.
  const rows = reportRows(sheetOf(lines("002-t2-kf-1.3", 146, 147)));
  expect(figures(rows, "Antal barn per grupp")).toEqual([
    [15.2, '#,##0.0 "barn/avd."'],
    null,
    null,
    [15.5, '#,##0.0 "barn/avd."'],
    [16, '#,##0 "st"'],
    [16, "#,##0"],
    [16, "#,##0"],
  ]);
  expect(figures(rows, "Antal förskolebarn per anställd (årsarbetare)").slice(5)).toEqual([
    [4.9, "#,##0.0"],
    [4.9, "#,##0.0"],
  ]);
});

it("writes `66,67` and `71,62` in a row of `%` as plain numbers, its `%` figures as percent", () => {
  // 002-t2-kf-1.4 lines 220 and 233 are seed lines 894 and 907.
  const rows = reportRows(sheetOf(lines("002-t2-kf-1.4", 220, 220).concat(lines("002-t2-kf-1.4", 233, 233))));
  expect(
    figures(rows, "Andel familjehemsplacerade barn i skolåldern som klarar målen i kärnämnen i grundskolan"),
  ).toEqual([
    [66.67, "#,##0.00"],
    [0.4444, "0.00 %"],
    [0.8889, "0.00 %"],
    [66.67, "#,##0.00"],
    [75, "#,##0"],
    [0.75, "0 %"],
    [0.75, "0 %"],
  ]);
  expect(figures(rows, "Andel utredningar av barn och unga i vilka skola/förskola vidtalas")[0]).toEqual([
    71.62,
    "#,##0.00",
  ]);
});

it("shows a unit a number format shows: 0.041 under `0.0 %` stays a percent, 900 in General gets none", () => {
  const sheet = sheetOf(["Antal ungdomar som fått feriejobb i stadens regi"]);
  // Seed line 272's 4,1 % and seed line 290's figures as numbers with the formats a workbook has.
  sheet.values[2] = [
    "Andel barn som lever i familjer som har ekonomiskt bistånd",
    0.041,
    0.02,
    null,
    0.037,
    0.04,
    0.033,
    0.027,
    "Tertial 2 2021",
  ];
  sheet.values[3] = [
    "Antal ungdomar som fått feriejobb i stadens regi",
    864,
    415,
    449,
    785,
    900,
    800,
    9000,
    "Tertial 2 2021",
  ];
  sheet.formats = [
    [],
    [],
    [null, "0.0 %", "0 %", null, "0.0 %", "0 %", "0.0 %", "0.0 %"],
    [null, '#,##0 "st"', '#,##0 "st"', null, '#,##0 "st"', "General", '#,##0 "st"', '#,##0 "st"'],
  ];
  const rows = reportRows(sheet);
  expect(figures(rows, "Andel barn som lever i familjer som har ekonomiskt bistånd")).toEqual([
    [0.041, "0.0 %"],
    [0.02, "0 %"],
    null,
    [0.037, "0.0 %"],
    [0.04, "0 %"],
    [0.033, "0.0 %"],
    [0.027, "0.0 %"],
  ]);
  expect(figures(rows, "Antal ungdomar som fått feriejobb i stadens regi").map((c) => c?.[1])).toEqual([
    '#,##0 "st"',
    '#,##0 "st"',
    // D is General: 449 shows no unit.
    "#,##0",
    '#,##0 "st"',
    "#,##0",
    '#,##0 "st"',
    '#,##0 "st"',
  ]);
});
