import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { buildRollupFolder } from "../fixtures/workbooks/rollupFolder";
import { convertWithLibreOffice, libreOfficeAvailableOrSkip, parseCsv } from "../helpers/libreoffice";
import { csvAsShown, hasProgram, onlySheetPrinted, pdfInfo, pdfPageText, pdfToPng } from "./render";

/**
 * The roll-up workbook read back by LibreOffice (headless, sv-SE, recalculating every formula):
 * the totals' formulas give the counts, amounts show as `2 435,3`, and the Enheter sheet prints on
 * one landscape page width (its PNG is kept in artifacts/render/ for a look; the README shows it).
 */

const root = path.join(__dirname, "..", "..");
const outDir = path.join(root, "artifacts", "render");
const run = libreOfficeAvailableOrSkip();

function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, " ");
}

(run ? describe : describe.skip)("rollup → LibreOffice", () => {
  let work: string;
  let output: string;
  let shown: Map<string, string[][]>;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "malkoll-rollup-render-"));
    const { sample, units } = await buildRollupFolder(work);
    mkdirSync(outDir, { recursive: true });
    output = path.join(outDir, "sammanstallning.xlsx");
    let err = "";
    const code = await main(["rollup", sample, units, "-o", output], {
      out: () => undefined,
      err: (s) => void (err += s),
    });
    expect([code, err]).toEqual([1, ""]);
    const csv = csvAsShown(output, path.join(work, "csv"));
    shown = new Map([...csv].map(([sheet, file]) => [sheet, parseCsv(readFileSync(file, "utf8"))]));
  }, 180000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("Enheter as shown: units, counts and the totals LibreOffice recalculates", () => {
    const rows = shown.get("Enheter")!.map((r) => r.map(plainSpaces));
    const byUnit = (unit: string) => rows.find((r) => r[0] === unit)!;
    expect(byUnit("Resursenheten").slice(1, 8)).toEqual([
      "VB 2021",
      "enheter/resursenheten-vb-2021.xlsx",
      "5",
      "0",
      "0",
      "13",
      "3",
    ]);
    expect(byUnit("Enskede-Årsta-Vantörs stadsdelsnämnd (exempel)").slice(-2)).toEqual(["2 435,3", "6,9"]);
    expect(byUnit("krypterad")[3]).toMatch(/^Kunde inte läsas: krypterad\.xlsx är krypterad/);
    const totals = rows.find((r) => r[0] === "Totalt")!;
    // Fel (column S): the VP's two errors; budget: 2 435,3 + 2 838,2.
    expect([totals[18], totals[21]]).toEqual(["2", "5 273,5"]);
  });

  test("Budget as shown: per unit, with its total", () => {
    const rows = shown.get("Budget")!.map((r) => r.map(plainSpaces));
    expect(rows.find((r) => r[0] === "Hägersten-Älvsjö stadsdelsnämnd")!.slice(2, 3)).toEqual(["2 838,2"]);
    expect(rows.find((r) => r[0] === "Totalt")!.slice(2, 6)).toEqual(["5 273,5", "31,7", "2 460,1", "6,9"]);
  });

  const renderIt = run && hasProgram("pdftoppm") && hasProgram("pdftotext");
  (renderIt ? test : test.skip)(
    "Enheter prints landscape with every column on the page (PNG in artifacts/render)",
    async () => {
      const copy = path.join(outDir, "rollup-enheter.xlsx");
      writeFileSync(copy, await onlySheetPrinted(readFileSync(output), "Enheter"));
      const pdf = convertWithLibreOffice(copy, "pdf", { outDir: path.join(work, "pdf") }).files[0];
      const info = pdfInfo(pdf);
      expect(info.width).toBeGreaterThan(info.height);
      const pngs = pdfToPng(pdf, path.join(outDir, "rollup-enheter"), 110);
      expect(pngs.length).toBe(info.pages);
      const firstPage = plainSpaces(pdfPageText(pdf, 1)).replace(/\s+/g, " ");
      for (const word of ["Enheter", "Resursenheten", "Budget (mnkr)", "Avvikelse", "Totalt"])
        expect(firstPage).toContain(word);
    },
    180000,
  );
});
