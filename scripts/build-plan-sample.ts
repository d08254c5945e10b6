/**
 * Builds samples/malkoll-plan-exempel.xlsx, a Verksamhetsplan (VP 2022) made of the verbatim 003
 * seed fixtures: KF mål 1.1 with its indicators and activities, the KF 3.2 plan indicators and the
 * plan's budget tables. `malkoll generate samples/malkoll-plan-exempel.xlsx -o ut.xlsx` gives the
 * plan's own tables (`Indikator | Årsmål | KF:s årsmål | Periodicitet`, the budget by VP year).
 *
 * Indicator values stay text, as pasted from the plan document; budget amounts are numbers.
 * Run: `npm run build:cli && node lib/scripts/build-plan-sample.js`.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { lineToRow, loadSeedFixture, repoRoot, seedLines } from "../tests/helpers/seedGrid";
import { amountNumber, isoDate } from "./build-sample";

export const PLAN_SAMPLE_FILE = path.join("samples", "malkoll-plan-exempel.xlsx");
export const SHEET_PLAN = "Verksamhetsplan";
export const SHEET_PLAN_BUDGET = "Ekonomi";

const FIXED_DATE = new Date(Date.UTC(2021, 11, 15, 12, 0, 0));
/** KF 1.1 with its nämndmål; KF 3.2's heading (003 line 1600) above its plan indicators (1660–1679). */
const PLAN_BLOCKS = [["003-vp-kf-1.1"], ["003-vp-kf-3.2-rubrik", "003-vp-kf-3.2-indikatorer"]];

function addLines(sheet: ExcelJS.Worksheet, fixture: string, firstRow: number, amounts: boolean): number {
  let rowNumber = firstRow;
  for (const line of seedLines(loadSeedFixture(fixture))) {
    lineToRow(line).forEach((value, index) => {
      if (value === null) return;
      const cell = sheet.getCell(rowNumber, index + 1);
      const typed =
        typeof value !== "string" || index === 0 ? null : amounts ? amountNumber(value) : isoDate(value);
      cell.value = typed ? typed.value : value;
      if (typed?.numFmt) cell.numFmt = typed.numFmt;
    });
    rowNumber += 1;
  }
  return rowNumber;
}

/** The plan workbook, built in memory from the 003 fixtures. */
export async function buildPlanWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Målkoll";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.title = "Målkoll – exempel (Verksamhetsplan 2022)";
  const plan = workbook.addWorksheet(SHEET_PLAN, { pageSetup: { orientation: "landscape" } });
  plan.getCell("A1").value = "Verksamhetsplan 2022 – Hägersten-Älvsjö stadsdelsnämnd (exempel)";
  plan.getCell("A1").font = { name: "Calibri", size: 14, bold: true };
  let row = 3;
  for (const block of PLAN_BLOCKS) {
    for (const fixture of block) row = addLines(plan, fixture, row, false);
    row += 1;
  }
  plan.getColumn(1).width = 80;
  for (let col = 2; col <= 4; col += 1) plan.getColumn(col).width = 16;
  const budget = workbook.addWorksheet(SHEET_PLAN_BUDGET, { pageSetup: { orientation: "landscape" } });
  addLines(budget, "003-vp-budget", 1, true);
  budget.getColumn(1).width = 50;
  for (let col = 2; col <= 6; col += 1) budget.getColumn(col).width = 16;
  return workbook;
}

/** The plan sample as .xlsx bytes, with fixed zip dates so a rebuild gives the same file. */
export async function buildPlanBuffer(): Promise<Buffer> {
  const raw = await (await buildPlanWorkbook()).xlsx.writeBuffer();
  const source = await JSZip.loadAsync(raw as ArrayBuffer);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

export async function writePlanSample(
  target: string = path.join(repoRoot(), PLAN_SAMPLE_FILE),
): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, await buildPlanBuffer());
  return target;
}

if (require.main === module) {
  writePlanSample(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
    .then((file) => console.log(`Skrev ${path.relative(process.cwd(), file) || file}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
