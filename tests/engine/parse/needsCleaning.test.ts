/**
 * cleanText decides whether a short text needs cleaning with a character loop, a long one with the
 * pattern below (a space other than U+0020, U+200B, two spaces in a row, or a space at an end).
 * Both must agree with the pattern for every UTF-16 unit in every position.
 */
import { cleanText, needsCleaning } from "../../../src/engine/parse/text";

const RULE = /[^\S ]|[\u200b]| {2}|^ | $/;

test("agrees with the pattern for every UTF-16 unit alone, inside, at either end and doubled", () => {
  const disagreeing: string[] = [];
  for (let code = 0; code < 0x10000; code++) {
    const c = String.fromCharCode(code);
    for (const text of [c, `x${c}`, `${c}x`, `x${c}y`, ` ${c}`, `${c} `, `a ${c}b`, `${c}${c}`])
      if (RULE.test(text) !== needsCleaning(text)) disagreeing.push(text);
  }
  expect(disagreeing).toEqual([]);
});

test("long texts agree with the pattern too, wherever the space is", () => {
  const name = "Andel barn som lever i familjer";
  for (const space of [" ", "  ", "\u00a0", "\t", "\u200b", "\u3000"]) {
    for (const text of [`${space}${name}`, `${name}${space}`, name.replace(" ", space), `x${name}`])
      expect([text, needsCleaning(text)]).toEqual([text, RULE.test(text)]);
  }
  expect(needsCleaning(name)).toBe(false);
  expect(needsCleaning(` ${name}`)).toBe(true);
  expect(needsCleaning(name.replace("barn ", "barn  "))).toBe(true);
});

test("clean texts are returned as they are; others are trimmed and collapsed", () => {
  expect(needsCleaning("Andel elever (1.4)")).toBe(false);
  expect(needsCleaning("")).toBe(false);
  expect(needsCleaning("  Andel")).toBe(true);
  expect(needsCleaning("4\u00a0435,3")).toBe(true);
  expect(needsCleaning("Prognos\u200bhelår")).toBe(true);
  expect(cleanText("  Andel  barn\u00a0som\tlever ")).toBe("Andel barn som lever");
});
