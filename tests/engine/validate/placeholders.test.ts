/**
 * Every kind of template leftover is still found behind the quick two-character pre-test, in any
 * case where the pattern allows it, and texts without one give nothing.
 */
import { findPlaceholders } from "../../../src/engine/validate/placeholders";
import type { CellValue } from "../../../src/engine/grid";

function leftovers(texts: CellValue[]): string[] {
  const snapshot = {
    name: "t.xlsx",
    sheets: [{ name: "Blad1", visibility: "visible" as const, originRow: 1, originCol: 1, values: [texts] }],
  };
  return findPlaceholders(snapshot, () => null).map((f) => `${f.cell} ${f.message}`);
}

test("each placeholder kind, in the cases its pattern takes", () => {
  expect(
    leftovers([
      "Analys: XXXXX",
      "TODO fyll på",
      "Klart TBD.",
      "LOREM IPSUM dolor",
      "Lorem Ipsum",
      "[ Fyll i analys ]",
      "[TEXT]",
      "[skriv här]",
      "Vad???",
      "<Skriv analys här>",
    ]),
  ).toEqual([
    "A1 Mallrest ”XXXXX” i texten: ”Analys: XXXXX…”.",
    "B1 Mallrest ”TODO” i texten: ”TODO fyll på…”.",
    "C1 Mallrest ”TBD” i texten: ”Klart TBD.…”.",
    "D1 Mallrest ”LOREM IPSUM” i texten: ”LOREM IPSUM dolor…”.",
    "E1 Mallrest i cellen: ”Lorem Ipsum”.",
    "F1 Mallrest i cellen: ”[ Fyll i analys ]”.",
    "G1 Mallrest i cellen: ”[TEXT]”.",
    "H1 Mallrest i cellen: ”[skriv här]”.",
    "I1 Mallrest ”???” i texten: ”Vad???…”.",
    "J1 Mallrest i cellen: ”<Skriv analys här>”.",
  ]);
});

test("near misses and ordinary text are no leftovers", () => {
  expect(
    leftovers([
      "XXX",
      "todo",
      "Totalt",
      "TBDX",
      "Tips om ipsum",
      "[1]",
      "Varför??",
      "Xx",
      42,
      null,
      "ab",
      "Andel < 5 %",
      "Anna <anna.a@stockholm.se>",
      "<p>Texten</p>",
    ]),
  ).toEqual([]);
});
