import { textCell } from "../../../src/engine/report/spec";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { renderOwnedSheet } from "../../../src/ports/xlsx/ownedSheet";
import { StyleBook } from "../../../src/ports/xlsx/styles";

const STYLES =
  '<styleSheet xmlns="x"><fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>';

test("a group row's name gets its own (bold) cell format, not that of an unstyled text under the sheet's first number format", () => {
  // Resultatenheter's `Äldreomsorgen` (style `group`, the tenth style code) once packed to the same
  // key as a style-less text cell under format 1, and took that cell's look.
  const unstyled = { ...textCell("ca 40"), style: undefined, format: "#,##0" };
  const spec = {
    name: "Driftbudget",
    rows: [[unstyled], [textCell("Äldreomsorgen", "group")]],
    columnWidths: [20],
    rowHeights: [15, 15],
  } as unknown as SheetSpec;
  const xml = renderOwnedSheet(spec, new StyleBook(STYLES));
  const [a1, a2] = xml.match(/<c r="A\d" s="\d+"/g) ?? [];
  expect(a1).toBeDefined();
  expect(a2?.slice(a2.indexOf(" s="))).not.toBe(a1?.slice(a1.indexOf(" s=")));
});
