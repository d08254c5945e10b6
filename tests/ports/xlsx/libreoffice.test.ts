import { mkdtempSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { XlsxPort } from "../../../src/ports/xlsx";
import { convertWithLibreOffice, libreOfficeAvailableOrSkip, parseCsv } from "../../helpers/libreoffice";
import { buildRichWorkbook } from "./fixture";
import { richPlan } from "./plans";
import { partText } from "./zipUtil";
import { cli } from "../../reliability/cli";

/** LibreOffice as an independent reader: the written file opens, recalculates and shows text as text. */

const run = libreOfficeAvailableOrSkip();

(run ? describe : describe.skip)("LibreOffice opens Målkoll's output", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "malkoll-lo-test-"));
  const outFile = path.join(dir, "utdata.xlsx");
  let csvBySheet: Map<string, string[][]>;

  beforeAll(async () => {
    const plan = richPlan(false);
    // Cached results deliberately wrong: only a real recalculation gives the right numbers.
    const check: SheetSpec = {
      key: "avvikelser",
      rows: [
        [
          { value: "Kontroll", style: "header" },
          { value: "Värde", style: "header" },
        ],
        [{ value: "Summa Data" }, { value: 0, formula: "SUM('Data'!B2:B3)" }],
        [{ value: "Utfall besök" }, { value: 0, formula: "'Uppföljning'!B3*2" }],
        [{ value: "=SUM(B2:B3)" }, { value: "-1" }],
      ],
      columnWidths: [20, 12],
    };
    plan.sheets.push({ spec: check, name: "Målkoll Avvikelser", replaces: false });
    const input = path.join(dir, "indata.xlsx");
    writeFileSync(input, await buildRichWorkbook());
    const port = await XlsxPort.open(input);
    await port.write(plan);
    await port.saveAs(outFile);
    const result = convertWithLibreOffice(outFile, "csv", { allSheets: true, outDir: path.join(dir, "csv") });
    csvBySheet = new Map(
      result.files.map((f) => [
        path.basename(f, ".csv").replace(/^utdata-/, ""),
        parseCsv(readFileSync(f, "utf8")),
      ]),
    );
  }, 120000);

  test("every sheet, the user's and Målkoll's, is there", () => {
    expect([...csvBySheet.keys()].sort()).toEqual(
      [
        "Uppföljning",
        "Data",
        "Pivot",
        "Bild",
        "Diagram",
        "Gömd",
        "Målkoll Indikatorer",
        "Målkoll Driftbudget",
        "Målkoll Avvikelser",
        "_malkoll",
      ].sort(),
    );
  });

  test("formulas over the source cells compute (recalculated, not the cached 0)", () => {
    const rows = csvBySheet.get("Målkoll Avvikelser")!;
    expect(rows[1]).toEqual(["Summa Data", "30"]);
    expect(rows[2]).toEqual(["Utfall besök", "2469"]);
    // sv-SE profile: decimal comma (LibreOffice quotes the field).
    const budget = csvBySheet.get("Målkoll Driftbudget")!;
    expect(budget[4]).toEqual(["Netto", "-100,4", "-98,3"]);
  });

  test("text that looks like a formula stays text", () => {
    expect(csvBySheet.get("Målkoll Avvikelser")![3]).toEqual(["=SUM(B2:B3)", "-1"]);
    const ind = csvBySheet.get("Målkoll Indikatorer")!;
    expect(ind[4][2]).toBe("=1+1");
    expect(ind[6][2]).toBe('@hemma <&> "citat" ok');
  });

  test("the user's sheets show their original values", () => {
    expect(csvBySheet.get("Data")).toEqual([
      ["Enhet", "Belopp"],
      ["Norr", "10"],
      ["Söder", "20"],
    ]);
    expect(csvBySheet.get("Uppföljning")![3].slice(0, 2)).toEqual(["Länk", "1234,541"]);
  });

  test("the whole workbook renders to PDF", () => {
    const pdf = convertWithLibreOffice(outFile, "pdf", { outDir: path.join(dir, "pdf") }).files[0];
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(statSync(pdf).size).toBeGreaterThan(5000);
  }, 120000);
});

(run ? describe : describe.skip)("a workbook LibreOffice saved after a run", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "malkoll-lo-resave-"));
  const corpus = path.join(__dirname, "..", "..", "fixtures", "foreign", "xlsxwriter.xlsx");

  /** The user's sheet's `<conditionalFormatting>` blocks. */
  async function flagBlocks(file: string): Promise<string[]> {
    const sheet = await partText(readFileSync(file), "xl/worksheets/sheet1.xml");
    return sheet.match(/<conditionalFormatting [^>]*>/g) ?? [];
  }

  test("gets its flags replaced on the next run, not doubled (LibreOffice writes AND(TRUE,…) as AND(1,…))", async () => {
    const first = path.join(dir, "forsta.xlsx");
    expect((await cli(["generate", corpus, "-o", first])).code).toBeLessThan(2);
    const resaved = convertWithLibreOffice(first, "xlsx", { outDir: path.join(dir, "lo") }).files[0];
    const marked = await partText(readFileSync(resaved), "xl/worksheets/sheet1.xml");
    expect(marked).toContain("AND(1,&quot;malkoll&quot;=&quot;malkoll&quot;)");
    const second = path.join(dir, "andra.xlsx");
    expect((await cli(["generate", resaved, "-o", second])).code).toBeLessThan(2);
    expect(await flagBlocks(second)).toEqual(await flagBlocks(first));
  }, 120000);
});
