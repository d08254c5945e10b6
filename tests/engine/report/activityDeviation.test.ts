/**
 * Aktiviteter's `Avvikelse` is one of the city's columns, which are pasted into the tertial report:
 * it prints as the report prints it, plain text (seed 002 line 442, `… 2021-12-31 Avvikelse`), not
 * in Målkoll's status colours. Målkoll's own column, apart after a blank one, keeps its colour.
 */
import { check } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import type { OutCell } from "../../../src/engine/report/spec";
import { seedSheet, snapshotOf } from "../../helpers/seedGrid";

function activityRows(sheet: SheetGrid): (OutCell | null)[][] {
  const snapshot = snapshotOf(sheet);
  const report = buildReport(check(snapshot, { period: { kind: "T2", year: 2021 } }), { snapshot });
  const activities = report.sheets.find((s) => s.key === "aktiviteter")!;
  return activities.rows.filter((r) => r[3]?.value === "Avvikelse" && r[0]?.style === "normal");
}

const MVP = "Förvaltningen ska fortsätta sitt samarbete mellan skola och socialtjänst";

it("writes the city's Avvikelse as plain text", () => {
  const rows = activityRows(seedSheet("002-t2-kf-1.2", "Uppföljning"));
  expect(rows.map((r) => String(r[0]?.value).slice(0, MVP.length))).toEqual([MVP]);
  expect(rows[0][3]).toMatchObject({ value: "Avvikelse", style: "normal" });
  expect(rows[0].slice(0, 4).map((cell) => cell?.tone)).toEqual([undefined, undefined, undefined, undefined]);
  // Its analysis follows (seed lines 443–444): Målkoll has nothing to say.
  expect(rows[0][5] ?? null).toBeNull();
});

it("keeps the colour of Målkoll's own column: the same activity without its analysis", () => {
  const sheet = seedSheet("002-t2-kf-1.2", "Uppföljning");
  const at = sheet.values.findIndex((r) =>
    String(r[0] ?? "")
      .trim()
      .startsWith(MVP),
  );
  // Seed lines 443–444, `Analys` and its text, left out.
  sheet.values[at + 1] = [];
  sheet.values[at + 2] = [];
  const [row] = activityRows(sheet);
  expect(row[3]?.tone).toBeUndefined();
  expect(row[5]).toMatchObject({ value: "▲ Analys saknas", tone: "bad" });
});

/** The report's row of the activity whose name starts with `name`. */
function reportRow(sheet: SheetGrid, name: string): (OutCell | null)[] {
  const snapshot = snapshotOf(sheet);
  const report = buildReport(check(snapshot, { period: { kind: "T2", year: 2021 } }), { snapshot });
  const activities = report.sheets.find((s) => s.key === "aktiviteter")!;
  return activities.rows.find((r) => String(r[0]?.value ?? "").startsWith(name))!;
}

/** 002 line 1040: not marked Avvikelse, while its analysis (1041–1042) says it could not be done. */
const FOCUS_GROUPS = "Förvaltningen kommer att bjuda in till fokusgrupper";

it("says in Målkoll's column that an activity its analysis says was not done is not marked Avvikelse", () => {
  const row = reportRow(seedSheet("002-t2-nm-1.4.2", "Uppföljning"), FOCUS_GROUPS);
  expect(row[3] ?? null).toBeNull();
  expect(row[5]).toMatchObject({ value: "▲ Avvikelse ej markerad", tone: "bad" });
});

it("says so after wrong dates on the same activity", () => {
  const sheet = seedSheet("002-t2-nm-1.4.2", "Uppföljning");
  const at = sheet.values.findIndex((r) => String(r[0] ?? "").includes(FOCUS_GROUPS));
  // Its Slutdatum (2021-12-31) before its Startdatum.
  sheet.values[at][2] = "2020-12-31";
  const row = reportRow(sheet, FOCUS_GROUPS);
  expect(row[5]).toMatchObject({ value: "▲ Datum fel, ▲ Avvikelse ej markerad", tone: "bad" });
});
