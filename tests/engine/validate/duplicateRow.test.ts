/**
 * A duplicated indicator row (the same row twice in a table) is said once, by duplicate-indicator at
 * the copy naming the first; the copy's findings that only repeat the first's are not said again.
 */
import { check } from "../../../src/engine";
import type { Finding } from "../../../src/engine/findings";
import { loadSeedFixture, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";

/** 002-t2-kf-1.1 with the row starting `name` written twice, the copy right under it (or `edit`ed). */
function withCopy(name: string, edit: (line: string) => string = (l) => l): Finding[] {
  const lines = seedLines(loadSeedFixture("002-t2-kf-1.1"));
  const at = lines.findIndex((l) => l.trimStart().startsWith(name));
  const copy = [...lines.slice(0, at + 1), edit(lines[at]), ...lines.slice(at + 1)];
  return check(snapshotOf(textToSheet("Uppföljning", copy.join("\n")))).findings;
}

/** The findings on rows `from`–`to` (1-based), as code and cell. */
function onRows(findings: Finding[], from: number, to: number): string[][] {
  return findings
    .filter((f) => {
      const row = Number(/\d+$/.exec(f.cell)![0]);
      return row >= from && row <= to;
    })
    .map((f) => [f.code, f.cell]);
}

// 002 line 279 (fixture row 127): a split outside the total, a target below KF's, and its Analys row
// (fixture row 128) under it.
const SPLIT = "Andel personer som har ekonomiskt bistånd";
// 002 line 283 (fixture row 131): not met against KF, a target below KF's, no analysis.
const LONG_TERM = "Andel vuxna med långvarigt ekonomiskt bistånd";

test("the copy of a row with its Analys under the copy: the duplicate once, the first row's findings once", () => {
  const findings = withCopy(SPLIT);
  expect(onRows(findings, 127, 129)).toEqual([
    ["gender-split-inconsistent", "B127"],
    ["target-less-ambitious", "G127"],
    ["duplicate-indicator", "A128"],
  ]);
  const duplicate = findings.find((f) => f.code === "duplicate-indicator")!;
  expect(duplicate.message).toBe(
    "”Andel personer som har ekonomiskt bistånd i förhållande till befolkningen” finns redan under samma mål (Uppföljning!A127).",
  );
});

test("the copy of a row without analysis: its repeated analysis-missing and target finding go", () => {
  expect(onRows(withCopy(LONG_TERM), 131, 132)).toEqual([
    ["analysis-missing", "A131"],
    ["target-less-ambitious", "G131"],
    ["duplicate-indicator", "A132"],
  ]);
});

test("a copy with other figures keeps what it says anew", () => {
  // The copy's Årsmål 1,0 % is KF's own: no target finding on it (the first's stays), and the copy
  // misses its own Årsmål, which the first row does not: that analysis-missing is new.
  const edited = withCopy(LONG_TERM, (l) => l.replace("\t1,3 %\t1,0 %\tTertial", "\t1,0 %\t1,0 %\tTertial"));
  expect(onRows(edited, 131, 132)).toEqual([
    ["analysis-missing", "A131"],
    ["target-less-ambitious", "G131"],
    ["analysis-missing", "A132"],
    ["duplicate-indicator", "A132"],
  ]);
  expect(edited.find((f) => f.code === "analysis-missing" && f.cell === "A132")!.message).toContain(
    "(Årsmål: uppfylls inte)",
  );
  // The copy's outcome written as text Målkoll can't read: that stands on the copy.
  const unreadable = withCopy(LONG_TERM, (l) =>
    l.replace(
      "bistånd jämfört med samtliga vuxna invånare\t1,3 %",
      "bistånd jämfört med samtliga vuxna invånare\tca 1,3",
    ),
  );
  expect(onRows(unreadable, 132, 132)).toEqual(
    expect.arrayContaining([
      ["value-unparseable", "B132"],
      ["duplicate-indicator", "A132"],
    ]),
  );
});

/** 002-t2-kf-1.1 with `extra` lines put after the line starting `after`. */
function withLines(after: string, extra: string[]): Finding[] {
  const lines = seedLines(loadSeedFixture("002-t2-kf-1.1"));
  const at = lines.findIndex((l) => l.trimStart().startsWith(after));
  const edited = [...lines.slice(0, at + 1), ...extra, ...lines.slice(at + 1)];
  return check(snapshotOf(textToSheet("Uppföljning", edited.join("\n")))).findings;
}

function lineOf(name: string): string {
  return seedLines(loadSeedFixture("002-t2-kf-1.1")).find((l) => l.trimStart().startsWith(name))!;
}

test("three copies of a row with its Analys under the last: the first row's analysis is not asked for", () => {
  const findings = withLines(SPLIT, [lineOf(SPLIT), lineOf(SPLIT)]);
  expect(onRows(findings, 127, 130)).toEqual([
    ["gender-split-inconsistent", "B127"],
    ["target-less-ambitious", "G127"],
    ["duplicate-indicator", "A128"],
    ["duplicate-indicator", "A129"],
  ]);
});

test("a copy elsewhere with an analysis of its own: the first row's missing analysis stands", () => {
  // Removing that copy, as duplicate-indicator asks, would not give the first row an analysis.
  const findings = withLines("Antal ungdomar som fått feriejobb", [
    lineOf(LONG_TERM),
    "Analys En egen analys.",
  ]);
  expect(onRows(findings, 131, 131)).toEqual([
    ["analysis-missing", "A131"],
    ["target-less-ambitious", "G131"],
  ]);
  expect(findings.filter((f) => f.code === "duplicate-indicator").map((f) => f.cell)).toEqual(["A139"]);
});

test("the first row is named as Excel writes a reference, its sheet quoted where it must be", () => {
  const lines = seedLines(loadSeedFixture("002-t2-kf-1.1"));
  const at = lines.findIndex((l) => l.trimStart().startsWith(SPLIT));
  const copy = [...lines.slice(0, at + 1), lines[at], ...lines.slice(at + 1)];
  const findings = check(snapshotOf(textToSheet("Anna's mål", copy.join("\n")))).findings;
  const duplicate = findings.find((f) => f.code === "duplicate-indicator")!;
  expect(duplicate.message).toMatch(/\('Anna''s mål'!A127\)\.$/);
  expect(duplicate.messageEn).toMatch(/\('Anna''s mål'!A127\)\.$/);
});
