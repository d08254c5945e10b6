/**
 * A figure keeps the decimals its source shows, from the cell to the generated table: 002's
 * indicator rows (lines 271–272 and 283) as a controller types them (`4 %`, `1,0 %`) and as Excel
 * stores them (0.04 under `0.0 %`, shown `4,0 %`). `4,0 %` is written `4,0 %`, never `4 %`; `4 %`
 * stays `4 %`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { check } from "../../src/engine";
import { XlsxPort } from "../../src/ports/xlsx";
import { lineToRow, seedLineText } from "../helpers/seedGrid";

const SEED = "002-t2-kf-1.1";
const BARN = "Andel barn som lever i familjer som har ekonomiskt bistånd";
const VUXNA = "Andel vuxna med långvarigt ekonomiskt bistånd jämfört med samtliga vuxna invånare";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-decimals-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Seed lines 271 (header), 272 and 283 in rows 271–273; `stored` turns 272's figures into numbers. */
async function seedWorkbook(stored: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Uppföljning");
  [271, 272, 283].forEach((line, i) => {
    const row = lineToRow(seedLineText(SEED, line));
    row.forEach((value, c) => {
      if (value !== null) ws.getCell(271 + i, c + 1).value = value;
    });
  });
  if (stored) {
    // 272 as Excel keeps it: fractions under a one-decimal percent format (Prognos helår 4,0 %).
    const figures: [string, number][] = [
      ["B", 0.041],
      ["E", 0.037],
      ["F", 0.04],
      ["G", 0.033],
      ["H", 0.027],
    ];
    for (const [col, value] of figures) {
      const cell = ws.getCell(`${col}272`);
      cell.value = value;
      cell.numFmt = "0.0 %";
    }
  }
  const file = path.join(dir, stored ? "lagrad.xlsx" : "skriven.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await main(args, { out: (s) => void (out += s), err: () => undefined });
  return { code, out };
}

/** The generated Indikatorer sheet's row for an indicator: each figure's value and number format. */
async function writtenRow(file: string, name: string): Promise<Record<string, [unknown, string]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Målkoll Indikatorer")!;
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === name) found = row;
  });
  if (!found) throw new Error(`no row for ${name}`);
  const out: Record<string, [unknown, string]> = {};
  for (const col of ["B", "E", "F", "G", "H"]) {
    const cell = found.getCell(col);
    out[col] = [cell.value, cell.numFmt];
  }
  return out;
}

describe("a figure keeps the decimals its source shows", () => {
  test("Excel's 0.04 under `0.0 %` (shown 4,0 %): one decimal in the model, `4,0 %` in the table", async () => {
    const input = await seedWorkbook(true);
    const port = await XlsxPort.open(input);
    const { model } = check(await port.read());
    const barn = model.indicators.find((i) => i.name === BARN)!;
    expect(barn).toMatchObject({ outcome: 4.1, previous: 3.7, forecast: 4, target: 3.3, kfTarget: 2.7 });
    expect(barn.unit).toBe("%");
    expect(barn.decimals).toEqual({ outcome: 1, previous: 1, forecast: 1, target: 1, kfTarget: 1 });

    // check --json: the numbers in the unit shown, and no field the contract lacks.
    const json = JSON.parse((await run(["check", input, "--json"])).out);
    const row = json.indicators.find((i: { name: string }) => i.name === BARN);
    expect(row).toMatchObject({ outcome: 4.1, previous: 3.7, forecast: 4, target: 3.3, unit: "%" });
    expect(row).not.toHaveProperty("decimals");

    const output = path.join(dir, "ut.xlsx");
    expect((await run(["generate", input, "-o", output])).code).toBeLessThan(2);
    expect(await writtenRow(output, BARN)).toEqual({
      B: [0.041, "0.0 %"],
      E: [0.037, "0.0 %"],
      F: [0.04, "0.0 %"],
      G: [0.033, "0.0 %"],
      H: [0.027, "0.0 %"],
    });
  });

  test("typed text: `1,0 %` stays `1,0 %` and `4 %` stays `4 %`", async () => {
    const input = await seedWorkbook(false);
    const port = await XlsxPort.open(input);
    const { model } = check(await port.read());
    const barn = model.indicators.find((i) => i.name === BARN)!;
    const vuxna = model.indicators.find((i) => i.name === VUXNA)!;
    expect(barn.decimals).toEqual({ outcome: 1, previous: 1, forecast: 0, target: 1, kfTarget: 1 });
    expect(vuxna).toMatchObject({ forecast: 1.3, target: 1.3, kfTarget: 1 });
    expect(vuxna.decimals?.kfTarget).toBe(1);

    const output = path.join(dir, "ut.xlsx");
    expect((await run(["generate", input, "-o", output])).code).toBeLessThan(2);
    expect(await writtenRow(output, BARN)).toEqual({
      B: [0.041, "0.0 %"],
      E: [0.037, "0.0 %"],
      F: [0.04, "0 %"],
      G: [0.033, "0.0 %"],
      H: [0.027, "0.0 %"],
    });
    const written = await writtenRow(output, VUXNA);
    expect(written.F).toEqual([0.013, "0.0 %"]);
    expect(written.H).toEqual([0.01, "0.0 %"]);
  });
});
