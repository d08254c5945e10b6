/**
 * No data lost: generating twice gives the same output, every input cell survives, and a
 * generated sheet the user edited by hand is kept (renamed) before regeneration writes a new one.
 */
import JSZip from "jszip";
import { runGenerate } from "../../src/app/run";
import type { WorkbookSnapshot } from "../../src/engine/grid";
import { cellAt, lastCol, lastRow } from "../../src/engine/grid";
import { OWNED_SHEET_TITLES, STATE_SHEET } from "../../src/engine/report/spec";
import { XlsxPort } from "../../src/ports/xlsx";
import { generateWorkbook, workbookToXlsx } from "../../scripts/bench/workbook";
import { loadSeedFixture, textToSheet } from "../helpers/seedGrid";
import { sheetParts } from "./xlsxParts";

const NOW = new Date("2021-09-15T08:00:00Z");
const INDICATORS = OWNED_SHEET_TITLES.indikatorer;

/** Real seed rows (002 KF 1.1 and the driftbudget) plus a generated block, as one .xlsx. */
async function inputWorkbook(): Promise<Buffer> {
  const generated = generateWorkbook({ indicators: 60, activities: 12, budgetRows: 20 });
  const seeds: WorkbookSnapshot = {
    name: "in.xlsx",
    sheets: [
      textToSheet("KF 1.1", loadSeedFixture("002-t2-kf-1.1")),
      textToSheet("Driftbudget", loadSeedFixture("002-t2-driftbudget"), { originRow: 3, originCol: 2 }),
      ...generated.sheets,
    ],
  };
  return workbookToXlsx(seeds);
}

async function generate(bytes: Uint8Array, now = NOW) {
  const port = await XlsxPort.fromBuffer(bytes, "in.xlsx");
  const { result, plan } = await runGenerate(port, { host: "cli", now });
  return { bytes: port.buffer, result, plan, snapshot: await port.read() };
}

/** All sheets' values, without the run log's timestamped rows. */
function comparable(snapshot: WorkbookSnapshot): unknown {
  return snapshot.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    values: s.name === STATE_SHEET ? s.values.filter((r) => r[0] !== "log") : s.values,
    formats: s.formats,
    formulas: s.formulas,
  }));
}

let input: Buffer;
let first: Awaited<ReturnType<typeof generate>>;
beforeAll(async () => {
  input = await inputWorkbook();
  first = await generate(input);
});

test("generating twice from the same input at the same time gives the same workbook, byte for byte", async () => {
  const again = await generate(input);
  expect(comparable(again.snapshot)).toEqual(comparable(first.snapshot));
  expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  expect(first.plan.sheets.map((s) => s.name)).toContain(INDICATORS);
});

test("regenerating on the output replaces the owned sheets in place: same values, no edit findings", async () => {
  const second = await generate(first.bytes);
  expect(second.plan.renames).toEqual([]);
  expect(second.plan.sheets.every((s) => s.replaces)).toBe(true);
  expect(
    second.result.findings.filter(
      (f) => f.code === "generated-table-edited" || f.code === "owned-name-clash",
    ),
  ).toEqual([]);
  expect(comparable(second.snapshot)).toEqual(comparable(first.snapshot));
});

test("every cell value of the input's sheets survives generate", async () => {
  const before = await (await XlsxPort.fromBuffer(input, "in.xlsx")).read();
  let compared = 0;
  for (const sheet of before.sheets) {
    const after = first.snapshot.sheets.find((s) => s.name === sheet.name);
    expect(after).toBeDefined();
    for (let r = sheet.originRow; r <= lastRow(sheet); r++)
      for (let c = sheet.originCol; c <= lastCol(sheet); c++) {
        const value = cellAt(sheet, r, c);
        if (value === null) continue;
        expect({ at: `${sheet.name}!${r}:${c}`, value: cellAt(after!, r, c) }).toEqual({
          at: `${sheet.name}!${r}:${c}`,
          value,
        });
        compared++;
      }
  }
  expect(compared).toBeGreaterThan(1000);
});

/** Replaces one cell's text in a sheet part, by XML edit only (as a user's save in Excel would). */
async function editCell(
  bytes: Uint8Array,
  sheetName: string,
  oldText: string,
  newText: string,
): Promise<Buffer> {
  const sheet = (await sheetParts(bytes)).find((s) => s.name === sheetName)!;
  expect(sheet.xml).toContain(`>${oldText}<`);
  const zip = await JSZip.loadAsync(bytes);
  zip.file(sheet.part, sheet.xml.replace(`>${oldText}<`, `>${newText}<`));
  return zip.generateAsync({ type: "nodebuffer" });
}

test("a hand-edited generated sheet is renamed and kept, with a generated-table-edited finding", async () => {
  const indicator = first.result.model.indicators[0].name;
  const edited = await editCell(first.bytes, INDICATORS, indicator, "Ändrad för hand");
  const next = await generate(edited);

  expect(next.plan.renames).toHaveLength(1);
  const { from, to } = next.plan.renames[0];
  expect(from).toBe(INDICATORS);
  expect(to).not.toBe(INDICATORS);
  const finding = next.result.findings.find((f) => f.code === "generated-table-edited");
  expect(finding).toBeDefined();
  expect([from, to]).toContain(finding!.sheet);

  const kept = next.snapshot.sheets.find((s) => s.name === to)!;
  expect(kept.values.flat()).toContain("Ändrad för hand");
  const fresh = next.snapshot.sheets.find((s) => s.name === INDICATORS)!;
  expect(fresh.values.flat()).not.toContain("Ändrad för hand");
  expect(fresh.values.flat()).toContain(indicator);
});
