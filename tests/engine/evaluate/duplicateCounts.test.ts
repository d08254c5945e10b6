/**
 * A goal counts a duplicated indicator row once, as its first row: 002's KF mål 1.1 (and 003's plan
 * of it) with an indicator row copied under itself counts as the table without the copy, in the
 * check's goals and in Måluppfyllelse.
 */
import { check } from "../../../src/engine";
import type { CheckResult } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { loadSeedFixture, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";

/** The fixture's lines with the row starting `name` written `copies` more times right under it, each `edit`ed. */
function withCopies(
  fixture: string,
  name: string,
  copies = 1,
  edit: (line: string) => string = (l) => l,
): string {
  const lines = seedLines(loadSeedFixture(fixture));
  const at = lines.findIndex((l) => l.trimStart().startsWith(name));
  if (at < 0) throw new Error(`No row ${name} in ${fixture}`);
  const copied = Array.from({ length: copies }, () => edit(lines[at]));
  return [...lines.slice(0, at + 1), ...copied, ...lines.slice(at + 1)].join("\n");
}

function checked(text: string, period: "T2" | "VP"): CheckResult {
  return check(snapshotOf(textToSheet("Uppföljning", text)), { period: { kind: period, year: 2021 } });
}

const KF_11 = "KF:s mål för verksamhetsområdet: 1.1";

function kfCounts(result: CheckResult) {
  return result.model.goals.find((g) => g.title.startsWith("I Stockholm är människor självförsörjande"))!
    .counts;
}

/** Måluppfyllelse's row for KF mål 1.1, its cells' values from the second on. */
function goalRow(result: CheckResult): unknown[] {
  const spec = buildReport(result, {}).sheets.find((s) => s.key === "maluppfyllelse")!;
  const row = spec.rows.find((r) => String(r[0]?.value).startsWith(KF_11))!;
  return row.slice(1).map((c) => c?.value ?? null);
}

// 002 line 283: met against its Årsmål 1,3 % (not against KF's 1,0 %).
const LONG_TERM = "Andel vuxna med långvarigt ekonomiskt bistånd";
// 002 line 272: 4 % forecast against Årsmål 3,3 %, lower is better: not met.
const CHILDREN = "Andel barn som lever i familjer som har ekonomiskt bistånd";

describe("002 KF mål 1.1 with an indicator row copied under itself", () => {
  const original = checked(seedLines(loadSeedFixture("002-t2-kf-1.1")).join("\n"), "T2");
  const counts = {
    met: 6,
    partlyMet: 0,
    notMet: 3,
    notMeasured: 1,
    notJudged: 0,
    activitiesWithDeviation: 0,
    activities: 4,
  };

  it("counts as the table without the copy (the fixture's own counts)", () => {
    expect(kfCounts(original)).toEqual(counts);
  });

  it.each([
    ["a met row copied once", LONG_TERM, 1],
    ["a not-met row copied twice", CHILDREN, 2],
  ])("%s: the goal and the inriktningsmål above it count it once", (_, name, copies) => {
    const result = checked(withCopies("002-t2-kf-1.1", name, copies), "T2");
    expect(result.findings.filter((f) => f.code === "duplicate-indicator")).toHaveLength(copies);
    expect(kfCounts(result)).toEqual(counts);
    const inriktning = result.model.goals.find((g) => g.level === "inriktningsmal")!;
    expect(inriktning.counts).toEqual(counts);
    expect(result.model.goals.map((g) => g.suggestedAssessment)).toEqual(
      original.model.goals.map((g) => g.suggestedAssessment),
    );
  });

  it("counts the first row where a copy's figures differ: the copy missing its target adds no miss", () => {
    // The copy's forecast 1,5 % against its Årsmål 1,3 %, lower is better: not met.
    const result = checked(
      withCopies("002-t2-kf-1.1", LONG_TERM, 1, (l) =>
        l.replace("1,25 %\t1,3 %\t1,3 %", "1,25 %\t1,5 %\t1,3 %"),
      ),
      "T2",
    );
    const copy = result.model.indicators.filter((i) => i.name.startsWith(LONG_TERM))[1];
    expect([copy.forecast, copy.status]).toEqual([1.5, "not-met"]);
    expect(kfCounts(result)).toEqual(counts);
  });

  it("Måluppfyllelse shows the goal's counts without the copy", () => {
    const result = checked(withCopies("002-t2-kf-1.1", CHILDREN, 2), "T2");
    expect(goalRow(result)).toEqual(goalRow(original));
    // Angiven, föreslagen, then Uppfyllda, Delvis, Ej uppfyllda, Ej mätta, Aktiviteter, Med avvikelse.
    expect(goalRow(result).slice(2, 8)).toEqual([6, 0, 3, 1, 4, 0]);
  });
});

describe("003's plan of KF mål 1.1 with an indicator row copied under itself", () => {
  it("Måluppfyllelse's Indikatorer counts the goal's indicator once", () => {
    const original = checked(seedLines(loadSeedFixture("003-vp-kf-1.1")).join("\n"), "VP");
    const result = checked(withCopies("003-vp-kf-1.1", LONG_TERM), "VP");
    expect(result.findings.filter((f) => f.code === "duplicate-indicator")).toHaveLength(1);
    expect(result.model.indicators).toHaveLength(original.model.indicators.length + 1);
    expect(goalRow(result)).toEqual(goalRow(original));
  });
});
