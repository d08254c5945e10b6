/**
 * mayOpenHeader rejects a row label as a table's first header without building its key: only a
 * short key (years aside), a key starting with an amount unit, or one naming kronor may open one.
 */
import fc from "fast-check";
import { matchKey } from "../../../src/engine/parse/text";
import { mayOpenHeader } from "../../../src/engine/recognise/headers";

/** The rule over the whole key at once: at most 25 letters (digits aside), a unit first, or kronor. */
function byDefinition(text: string): boolean {
  const key = matchKey(text);
  return (
    key.replace(/[0-9]/g, "").length <= 25 ||
    key.startsWith("mnkr") ||
    key.startsWith("mkr") ||
    key.startsWith("tkr") ||
    key.includes("kronor")
  );
}

test("first headers of indicator, activity and budget tables may open a header", () => {
  for (const text of [
    "Indikator",
    "Aktiviteter",
    "Mål",
    "Nämndmål 2021",
    "Mnkr",
    "Tkr, netto",
    "Resultatenhetens namn",
    "Verksamhetsområde",
    "  Kronor ",
  ])
    expect([text, mayOpenHeader(text)]).toEqual([text, true]);
});

test("an amount unit first, or kronor anywhere, opens a header however long the text", () => {
  expect(mayOpenHeader("Mnkr, netto inklusive godkända budgetjusteringar 2021")).toBe(true);
  expect(mayOpenHeader("Mkr (nettobudget för hela nämnden)")).toBe(true);
  expect(mayOpenHeader("Belopp i miljoner kronor för verksamheten")).toBe(true);
  expect(mayOpenHeader("Belopp i tusental KRO-NOR för verksamheten")).toBe(true);
  // Characters from 128 on key to a letter (ö → o, the Kelvin sign → k) or to nothing (a combining accent).
  expect(mayOpenHeader("Belopp i miljoner krönor för verksamheten")).toBe(true);
  expect(mayOpenHeader("Belopp i miljoner \u212aronor för verksamheten")).toBe(true);
  expect(mayOpenHeader("Belopp i miljoner kro\u0301nor för verksamheten")).toBe(true);
  expect(mayOpenHeader("Belopp i miljoner kro\u0301nar för verksamheten")).toBe(false);
});

test("row labels longer than any first header are rejected", () => {
  expect(mayOpenHeader("  Andel barn som lever i familjer som har ekonomiskt bistånd (1.1)")).toBe(false);
  expect(mayOpenHeader("Stöd och service till personer med funktionsnedsättning 1.6")).toBe(false);
  expect(mayOpenHeader("Antal kronor per invånare")).toBe(true);
  expect(mayOpenHeader("Antal krono per invånare i stadsdelen")).toBe(false);
});

test("agrees with the rule over the whole key for any text", () => {
  const pieces = fc.constantFrom(
    "k",
    "K",
    "r",
    "o",
    "ö",
    "n",
    "Ñ",
    "mnkr",
    "Mkr",
    "tkr",
    "kronor",
    " ",
    "-",
    "2021",
    "å",
    "ķ",
    "\u212a",
    "\u0301",
    "x",
    "Ab",
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
      const text = parts.join("");
      expect(mayOpenHeader(text)).toBe(byDefinition(text));
    }),
    { numRuns: 3000 },
  );
});
