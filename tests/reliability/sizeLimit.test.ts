/**
 * Past MAX_SHEET_XML_BYTES a workbook is refused with exit 2 before it is parsed. (The
 * 1 000 000-row run, `check --json` in pieces and `generate` declining, is in `npm run bench`:
 * it is a measurement, and on a loaded machine no time limit in a test would hold.)
 */
import { buildXlsx, manyRowsSheetXml } from "../fixtures/hostile/build";
import { checkPackage } from "../../src/ports/xlsx";

test("a workbook whose sheets exceed the size limit is refused before parsing, with a clear message", async () => {
  const bytes = await buildXlsx([{ name: "Stor", rows: [] }], { sheetXml: { 0: manyRowsSheetXml(20_000) } });
  await expect(checkPackage(bytes, "stor.xlsx", { maxSheetXmlBytes: 100_000 })).rejects.toMatchObject({
    exitCode: 2,
    message: expect.stringMatching(/för stor för Målkoll/),
  });
  await expect(checkPackage(bytes, "stor.xlsx")).resolves.toBeDefined();
});
