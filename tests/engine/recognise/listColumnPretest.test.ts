/**
 * A goal list's header test rules out most cells by their first character before its pattern runs:
 * it must answer as the pattern does for every first character, spaces of any kind included.
 */
import { MAY_NAME_LIST_COLUMN, mayNameListColumn } from "../../../src/engine/recognise/goalList";

test("the first-character test answers as the pattern for every first character up to U+3000", () => {
  const tails = ["ål", "al", "edöm", "ämndmål", "nhetsmål", "Mål", "", "x"];
  const differ: string[] = [];
  for (let code = 0; code <= 0x3000; code++) {
    const first = String.fromCharCode(code);
    for (const tail of tails) {
      const text = first + tail;
      if (mayNameListColumn(text) !== MAY_NAME_LIST_COLUMN.test(text)) differ.push(text);
    }
  }
  expect(differ).toEqual([]);
  expect(mayNameListColumn("  Mål")).toBe(true);
  expect(mayNameListColumn("Bedömning")).toBe(true);
  expect(mayNameListColumn("Indikator")).toBe(false);
});
