/**
 * A goal's number is written as its source writes it: the T2 2021 report writes `1.1 I Stockholm`
 * (seed 002 line 159) but `1.2. Stockholm är en trygg` (line 321), and the model keeps both
 * without a dot. A heading whose title stands on the row below (seed 004) is read there.
 */
import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { loadSeedFixture, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";

function sheets(text: string, period: "T2" | "VB"): SheetSpec[] {
  const snapshot = snapshotOf(textToSheet("Uppföljning", text));
  return buildReport(check(snapshot, { period: { kind: period, year: 2021 } }), { snapshot }).sheets;
}

function texts(spec: SheetSpec, start: string): string[] {
  return spec.rows.flatMap((r) =>
    r.filter((c) => typeof c?.value === "string" && c.value.includes(start)).map((c) => String(c!.value)),
  );
}

const kf = (file: string) => seedLines(loadSeedFixture(file)).join("\n");

it("writes `1.2.` with its dot and `1.1` without, as the T2 2021 report does, in every table", () => {
  const report = sheets(`${kf("002-t2-kf-1.1")}\n${kf("002-t2-kf-1.2")}`, "T2");
  const indicators = report.find((s) => s.key === "indikatorer")!;
  expect(texts(indicators, "KF:s mål för verksamhetsområdet: 1.")).toEqual([
    "KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
    "KF:s mål för verksamhetsområdet: 1.2. Stockholm är en trygg, säker och välskött stad att bo och vistas i",
  ]);
  const goals = report.find((s) => s.key === "maluppfyllelse")!;
  expect(texts(goals, "verksamhetsområdet: 1.2").map((t) => t.slice(0, 37))).toEqual([
    "KF:s mål för verksamhetsområdet: 1.2.",
  ]);
  // A nämndmål's number as written: `1.2.1`, and the inriktningsmål's `1.`.
  expect(texts(goals, "Nämndmål: 1.2.1 Stadsdels").length).toBe(1);
  expect(texts(goals, "KF:s inriktningsmål: 1. En modern storstad").length).toBe(1);
});

it("reads the number from the title under a heading that only names its level", () => {
  // Seed 004 lines 73–75 and 203–205: `KF:s mål för verksamhetsområdet:` over `1.1 I Stockholm …`
  // and over `2.2. Stockholm byggs …`.
  const report = sheets(kf("004-vb-hela"), "VB");
  const goals = report.find((s) => s.key === "maluppfyllelse")!;
  expect(texts(goals, "KF:s mål för verksamhetsområdet: 1.1 I Stockholm").length).toBe(1);
  expect(texts(goals, "KF:s mål för verksamhetsområdet: 2.2. Stockholm byggs").length).toBe(1);
  expect(texts(goals, "KF:s mål för verksamhetsområdet: 3.1. Stockholm har").length).toBe(1);
});
