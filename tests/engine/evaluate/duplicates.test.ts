/**
 * Duplicate indicators are found by a hash of the ends of each name's matchKey, computed without
 * building the key. The hash must be exactly that of the key's ends (or a duplicate could be
 * missed), and names whose hashes meet (by chance, or by sharing their ends) must still be told
 * apart by their keys.
 */
import fc from "fast-check";
import type { Finding } from "../../../src/engine/findings";
import { matchKey } from "../../../src/engine/parse/text";
import type { Indicator } from "../../../src/engine/model/types";
import { duplicatePairs, hashText, keyEnds, keyEndsHash } from "../../../src/engine/evaluate/duplicates";
import { duplicateIndicators } from "../../../src/engine/validate/duplicates";
import { indicator } from "./fixtures";

const GOAL = "Uppföljning!A7";

/** The `duplicate-indicator` findings of the duplicates found among `indicators`. */
function findingsOf(indicators: Indicator[]): Finding[] {
  const out: Finding[] = [];
  duplicateIndicators(duplicatePairs(indicators), out);
  return out;
}

function duplicatesOf(names: string[]): Finding[] {
  return findingsOf(names.map((name, k) => indicator({ name, row: 10 + k, goal: GOAL })));
}

/** Characters of names as written, and any UTF-16 unit at all (lone surrogate halves included). */
const nameUnit = fc.oneof(
  fc.constantFrom(..."Aa Zz09%-.:/()åÅäÄöÖéÉüßǆİı\u00a0\u00ad\u0301"),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
);

test("a key's ends are its first and last twelve characters", () => {
  expect(keyEnds("andelnojda")).toBe("andelnojdaandelnojda");
  expect(keyEnds("andelbarnsomleverifamiljersomharekonomisktbistand11")).toBe("andelbarnsomsktbistand11");
  expect(keyEnds("")).toBe("");
});

test("the hash of a name is the hash of its matchKey's ends, for any text", () => {
  fc.assert(
    fc.property(fc.string({ unit: nameUnit, maxLength: 60 }), fc.string({ maxLength: 12 }), (name, goal) => {
      const seed = hashText(goal);
      expect(keyEndsHash(name, seed)).toBe(hashText(keyEnds(matchKey(name)), seed));
    }),
    { numRuns: 2000 },
  );
  expect(keyEndsHash("Andel nöjda (Å-Ö)")).toBe(hashText("andelnojdaaoandelnojdaao"));
});

test("names that differ only in case, spaces and marks are duplicates of the first", () => {
  const found = duplicatesOf(["Antal besök", "Antal  besok", "antal besök.", "Antal besök i veckan"]);
  expect(found.map((f) => [f.cell, f.message])).toEqual([
    ["A11", "”Antal  besok” finns redan under samma mål (Uppföljning!A10)."],
    ["A12", "”antal besök.” finns redan under samma mål (Uppföljning!A10)."],
  ]);
});

test("names without a letter or digit key alike, with a goal or without", () => {
  expect(duplicatesOf(["–", "…", "Antal"]).map((f) => f.cell)).toEqual(["A11"]);
  const found = findingsOf([
    indicator({ name: "", row: 10, goal: null }),
    indicator({ name: " - ", row: 11, goal: null }),
  ]);
  expect(found.map((f) => f.cell)).toEqual(["A11"]);
});

test("the same name under another goal is no duplicate", () => {
  const found = findingsOf([
    indicator({ name: "Antal besök", row: 10, goal: GOAL }),
    indicator({ name: "Antal besök", row: 11, goal: "Uppföljning!A20" }),
    indicator({ name: "Antal besök", row: 12, goal: null }),
    indicator({ name: "Antal besök", row: 13, goal: null }),
  ]);
  expect(found.map((f) => f.cell)).toEqual(["A13"]);
});

test("two different names with the same hash are told apart, and each one's copies found", () => {
  // Found by a search: different keys, one FNV-1a hash of their ends under this goal.
  const seed = hashText(GOAL);
  const [a, b] = ["Antal nvjdaa", "Antal caueaa"];
  expect(matchKey(a)).not.toBe(matchKey(b));
  expect(keyEndsHash(a, seed)).toBe(keyEndsHash(b, seed));
  expect(duplicatesOf([a, b]).map((f) => f.cell)).toEqual([]);
  expect(duplicatesOf([a, b, "ANTAL CAUEAA", "antal nvjdaa"]).map((f) => f.message)).toEqual([
    "”ANTAL CAUEAA” finns redan under samma mål (Uppföljning!A11).",
    "”antal nvjdaa” finns redan under samma mål (Uppföljning!A10).",
  ]);
});

test("names that share their ends but differ in the middle are no duplicates", () => {
  const nine = "Andel elever i årskurs 9 som är nöjda med skolan";
  const six = "Andel elever i årskurs 6 som är nöjda med skolan";
  expect(keyEndsHash(nine, hashText(GOAL))).toBe(keyEndsHash(six, hashText(GOAL)));
  expect(
    duplicatesOf([nine, six, "Andel elever i årskurs 6 som är nöjda med skolan."]).map((f) => f.cell),
  ).toEqual(["A12"]);
});
