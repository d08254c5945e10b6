/**
 * matchKey walks a text once, character by character; its definition is over the whole text:
 * lower case, å/ä → a, ö → o, NFD with the diacritics dropped, only a-z, 0-9 and % kept. The two
 * must agree for every text.
 */
import fc from "fast-check";
import { keyPart, matchKey } from "../../../src/engine/parse/text";

/** The definition, over the whole text at once. */
function keyByDefinition(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9%]/g, "");
}

test("header words and their OCR and typing variants", () => {
  expect(matchKey("Utfall kvinn or/ flicko r")).toBe("utfallkvinnorflickor");
  expect(matchKey("Arsmål")).toBe("arsmal");
  expect(matchKey("KF:s årsmål")).toBe("kfsarsmal");
  expect(matchKey("Prognos 2021 (efter resultat- överföringar)")).toBe(
    "prognos2021efterresultatoverforingar",
  );
  expect(matchKey("Éva Ørsted 4,1 %")).toBe("evarsted41%");
  expect(matchKey("İstanbul ΣΑΣ")).toBe("istanbul");
});

test("every character of the Basic Multilingual Plane keys as the definition says", () => {
  const differing: string[] = [];
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const text = `A${String.fromCharCode(code)}z`;
    if (matchKey(text) !== keyByDefinition(text)) differing.push(code.toString(16));
  }
  expect(differing).toEqual([]);
});

test("no character keys to more than one character (recognise/headers' kronor pattern and validate/duplicates' key ends rely on it)", () => {
  const longer: string[] = [];
  for (let code = 128; code < 0x10000; code++) if (keyPart(code).length > 1) longer.push(code.toString(16));
  expect(longer).toEqual([]);
});

test("any text keys as the definition says", () => {
  const mixed = fc.string({
    unit: fc.constantFrom(..."aZ9% åäöÅÄÖéüñßİıΣσ\u00a0\u0301\u030a\u212a\u212b–-:/\u{1F7E2}\u{10400}"),
    maxLength: 20,
  });
  fc.assert(
    fc.property(
      fc.oneof(mixed, fc.string({ unit: "grapheme", maxLength: 30 }), fc.string({ unit: "binary" })),
      (text) => {
        expect(matchKey(text)).toBe(keyByDefinition(text));
      },
    ),
    { numRuns: 3000 },
  );
});
