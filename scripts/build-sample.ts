/**
 * Builds samples/malkoll-exempel.xlsx, the demo input, from the verbatim seed fixtures in
 * tests/fixtures/seeds: the T2 2021 goal follow-up (002), its driftbudget and its result units.
 *
 * Each fixture line becomes one sheet row and each tab the next column, as a report pasted into
 * Excel looks. To exercise both ways Excel holds values, some indicator rows store real numbers
 * with number formats (0.041 shown as `4,1 %`) while the rest keep their text (`4,1 %`); most
 * activity dates are real dates, the KF 3.x ones stay text.
 *
 * Run: `npm run build:cli && npm run sample` (writes it and the MORE_SAMPLES below), or import
 * `buildSampleWorkbook`.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, WorkbookSnapshot } from "../src/engine/grid";
import { lineToRow, loadSeedFixture, repoRoot, seedLines, sourceOf } from "../tests/helpers/seedGrid";
import { plan001Snapshot } from "../tests/fixtures/workbooks/plan001";
import { plan003Snapshot } from "../tests/fixtures/workbooks/plan003";
import {
  LILJEHOLMEN_VB_2020,
  reportSnapshot,
  RESURSENHETEN_VB_2021,
} from "../tests/fixtures/workbooks/reports";
import { workbookToXlsx } from "./bench/workbook";

export const SAMPLE_FILE = path.join("samples", "malkoll-exempel.xlsx");

/** Fixed document dates so a rebuild gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2021, 8, 30, 12, 0, 0));

/** Excel's default body font; a font object replaces the whole font, so name it every time. */
const BODY_FONT: Partial<ExcelJS.Font> = {
  name: "Calibri",
  family: 2,
  size: 11,
};

const PAGE_SETUP: Partial<ExcelJS.PageSetup> = { orientation: "landscape" };

export const SHEET_FOLLOW_UP = "Uppföljning";
export const SHEET_OPERATING_BUDGET = "Driftbudget";
export const SHEET_RESULT_UNITS = "Resultatenheter";

/** Rows above the first goal block on the follow-up sheet: a title, the period, a blank row. */
const FOLLOW_UP_PREAMBLE_ROWS = 3;
export const SAMPLE_PERIOD = "Tertial 2 2021";

interface BlockSpec {
  fixture: string;
  /** Activity dates as real Excel dates (otherwise the ISO text stays). */
  datesAsDates: boolean;
}

/** 002 lines 153–1052 (KF 1.1–1.4 with nämndmål) and 1656–1919 (KF 3.1–3.2), in order. */
const FOLLOW_UP_BLOCKS: BlockSpec[] = [
  { fixture: "002-t2-kf-1.1", datesAsDates: true },
  { fixture: "002-t2-kf-1.2", datesAsDates: true },
  { fixture: "002-t2-kf-1.3", datesAsDates: true },
  { fixture: "002-t2-kf-1.4", datesAsDates: true },
  { fixture: "002-t2-nm-1.4.2", datesAsDates: true },
  { fixture: "002-t2-kf-3.1", datesAsDates: false },
  { fixture: "002-t2-kf-3.2", datesAsDates: false },
];

/**
 * Indicators whose value cells (Periodens utfall … KF:s årsmål) are stored as numbers; every
 * other indicator keeps its text. Matched on the name without leading spaces and symbols.
 */
export const NUMERIC_INDICATORS = [
  "Andel barn som lever i familjer som har ekonomiskt bistånd",
  "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen",
  "Antal ungdomar som fått feriejobb i stadens regi",
  "Andel legitimerade förskollärare av totalt antal anställda (årsarbetare)",
  "Andel barn och unga som åter blir föremål för anmälan/ansökan efter avslutad utredning",
  "Nämndens budgetföljsamhet före resultatöverföringar",
  "Sjukfrånvaro",
];

/** Columns B–H of an indicator row: outcome, men, women, VB, forecast, Årsmål, KF:s årsmål. */
const INDICATOR_VALUE_COLS = { first: 2, last: 8 };

/** Where one fixture landed in the sample, so tests can find a seed line's row. */
export interface SampleBlock {
  sheet: string;
  fixture: string;
  seedFile: string;
  fromLine: number;
  toLine: number;
  /** Sheet row of `fromLine`. */
  firstRow: number;
}

/** Every fixture placed in the sample, sheet by sheet, top to bottom. */
export function sampleLayout(): SampleBlock[] {
  const blocks: SampleBlock[] = [];
  let row = FOLLOW_UP_PREAMBLE_ROWS + 1;
  for (const spec of FOLLOW_UP_BLOCKS) {
    blocks.push(placed(SHEET_FOLLOW_UP, spec.fixture, row));
    row += blocks[blocks.length - 1].toLine - blocks[blocks.length - 1].fromLine + 1;
  }
  blocks.push(placed(SHEET_OPERATING_BUDGET, "002-t2-driftbudget", 1));
  blocks.push(placed(SHEET_RESULT_UNITS, "002-t2-resultatenheter", 1));
  return blocks;
}

function placed(sheet: string, fixture: string, firstRow: number): SampleBlock {
  const source = sourceOf(loadSeedFixture(fixture));
  if (!source) throw new Error(`${fixture} has no source line`);
  return { sheet, fixture, ...source, firstRow };
}

/**
 * The sample's sheet and row holding a seed line; `seed` is the file name or its number
 * (`"002"`). Null when the line is not in the sample.
 */
export function sampleRowOfSeedLine(seed: string, line: number): { sheet: string; row: number } | null {
  for (const block of sampleLayout()) {
    if (block.seedFile !== seed && !block.seedFile.startsWith(`${seed}_`)) continue;
    if (line >= block.fromLine && line <= block.toLine) {
      return {
        sheet: block.sheet,
        row: block.firstRow + line - block.fromLine,
      };
    }
  }
  return null;
}

/* ---------- Swedish text to typed cells ---------- */

interface TypedValue {
  value: number | Date;
  numFmt?: string;
}

const SPACES = /[ \u00a0\u202f]/g;
const SWEDISH_NUMBER = /^(-?\d{1,3}(?:[ \u00a0\u202f]\d{3})*|-?\d+)(?:,(\d+))?$/;
const WITH_UNIT = /^(.*?)\s?(%|st)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseSwedishNumber(text: string): { value: number; decimals: number } | null {
  const m = SWEDISH_NUMBER.exec(text);
  if (!m) return null;
  const decimals = m[2]?.length ?? 0;
  const value = Number(`${m[1].replace(SPACES, "")}${decimals ? `.${m[2]}` : ""}`);
  return Number.isFinite(value) ? { value, decimals } : null;
}

/** `4,1 %` → 0.041 as `0.0 %`; `9 000 st` → 9000 as `#,##0 "st"`; `75` → 75. Else null. */
export function indicatorNumber(text: string): TypedValue | null {
  const trimmed = text.trim();
  const unit = WITH_UNIT.exec(trimmed);
  const parsed = parseSwedishNumber(unit ? unit[1] : trimmed);
  if (!parsed) return null;
  if (unit?.[2] === "%") {
    const numFmt = parsed.decimals ? `0.${"0".repeat(parsed.decimals)} %` : "0 %";
    return { value: Number((parsed.value / 100).toPrecision(12)), numFmt };
  }
  if (unit?.[2] === "st") return { value: parsed.value, numFmt: '#,##0 "st"' };
  return parsed.decimals
    ? { value: parsed.value, numFmt: `0.${"0".repeat(parsed.decimals)}` }
    : { value: parsed.value };
}

/** Budget amounts: `2 435,3` → 2435.3 as `#,##0.0` (mnkr); `4 162` → 4162 as `#,##0` (tkr). */
export function amountNumber(text: string): TypedValue | null {
  const parsed = parseSwedishNumber(text.trim());
  if (!parsed) return null;
  return {
    value: parsed.value,
    numFmt: parsed.decimals ? `#,##0.${"0".repeat(parsed.decimals)}` : "#,##0",
  };
}

export function isoDate(text: string): TypedValue | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? null : { value: date, numFmt: "yyyy-mm-dd" };
}

/** The indicator name of a row: column A without leading spaces and symbols (◆ ● ♀ …). */
function indicatorName(cell: CellValue): string {
  return typeof cell === "string" ? cell.replace(/^[^\p{L}\p{N}]+/u, "").trim() : "";
}

/* ---------- writing ---------- */

type RowTyper = (row: CellValue[], col: number, text: string) => TypedValue | null;

function writeRow(sheet: ExcelJS.Worksheet, rowNumber: number, cells: CellValue[], typer: RowTyper): void {
  const row = sheet.getRow(rowNumber);
  cells.forEach((value, index) => {
    if (value === null) return;
    const col = index + 1;
    const cell = row.getCell(col);
    const typed = typeof value === "string" ? typer(cells, col, value) : null;
    if (typed) {
      cell.value = typed.value;
      if (typed.numFmt) cell.numFmt = typed.numFmt;
    } else {
      // Plain strings are written as shared strings: `- text` or `=x` never becomes a formula.
      cell.value = value;
    }
  });
  const first = typeof cells[0] === "string" ? cells[0].trim() : "";
  if (
    /^(KF:s |Nämndmål:|Indikator$|Aktivitet$|Mnkr|Resultatenhetens namn|Pandemi$|Uppföljning av)/.test(first)
  ) {
    row.font = { ...BODY_FONT, bold: true };
  }
}

function followUpTyper(datesAsDates: boolean): RowTyper {
  return (row, col, text) => {
    if (datesAsDates && (col === 2 || col === 3)) {
      const date = isoDate(text);
      if (date) return date;
    }
    if (col < INDICATOR_VALUE_COLS.first || col > INDICATOR_VALUE_COLS.last) return null;
    const name = indicatorName(row[0]);
    return NUMERIC_INDICATORS.includes(name) ? indicatorNumber(text) : null;
  };
}

const amountTyper: RowTyper = (_row, col, text) => (col >= 2 ? amountNumber(text) : null);

const ITALIC_TAGS = /^<i>(.*)<\/i>$/s;

function addFollowUpSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(SHEET_FOLLOW_UP, {
    pageSetup: PAGE_SETUP,
  });
  sheet.getCell("A1").value = "Tertialrapport 2 2021 – Enskede-Årsta-Vantörs stadsdelsnämnd (exempel)";
  sheet.getCell("A1").font = { ...BODY_FONT, bold: true, size: 14 };
  sheet.getCell("A2").value = "Period";
  sheet.getCell("B2").value = SAMPLE_PERIOD;
  let rowNumber = FOLLOW_UP_PREAMBLE_ROWS + 1;
  for (const spec of FOLLOW_UP_BLOCKS) {
    const typer = followUpTyper(spec.datesAsDates);
    for (const line of seedLines(loadSeedFixture(spec.fixture))) {
      writeRow(sheet, rowNumber, lineToRow(line), typer);
      rowNumber += 1;
    }
  }
  sheet.getColumn(1).width = 80;
  for (let col = 2; col <= 9; col += 1) sheet.getColumn(col).width = 15;
}

/** Budget sheets: amounts as numbers; `<i>varav …</i>` labels lose their tags and turn italic. */
function addAmountSheet(workbook: ExcelJS.Workbook, name: string, fixture: string, widths: number[]): void {
  const sheet = workbook.addWorksheet(name, { pageSetup: PAGE_SETUP });
  let rowNumber = 1;
  for (const line of seedLines(loadSeedFixture(fixture))) {
    const cells = lineToRow(line);
    const label = typeof cells[0] === "string" ? ITALIC_TAGS.exec(cells[0]) : null;
    if (label) cells[0] = label[1];
    writeRow(sheet, rowNumber, cells, amountTyper);
    if (label) sheet.getCell(rowNumber, 1).font = { ...BODY_FONT, italic: true };
    if (cells.length > 2 && /^(Mnkr|Resultatenhetens namn)/.test(String(cells[0] ?? ""))) {
      // Column titles of the budget tables are long: wrap them in a tall header row.
      const header = sheet.getRow(rowNumber);
      header.alignment = { wrapText: true, vertical: "top" };
      header.height = 90;
    }
    rowNumber += 1;
  }
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

/** The sample workbook, built in memory from the fixtures. */
export async function buildSampleWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Målkoll";
  workbook.lastModifiedBy = "Målkoll";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.title = "Målkoll – exempel (Tertialrapport 2 2021)";
  addFollowUpSheet(workbook);
  addAmountSheet(
    workbook,
    SHEET_OPERATING_BUDGET,
    "002-t2-driftbudget",
    [48, 18, 18, 18, 18, 18, 12, 12, 12, 12, 12, 14],
  );
  addAmountSheet(workbook, SHEET_RESULT_UNITS, "002-t2-resultatenheter", [44, 18, 18, 18, 18, 18, 18]);
  return workbook;
}

/**
 * The sample as .xlsx bytes. ExcelJS stamps each zip entry with the current time; the entries
 * are re-zipped with a fixed date so the same fixtures always give the same file.
 */
export async function buildSampleBuffer(): Promise<Buffer> {
  return withFixedDates(await (await buildSampleWorkbook()).xlsx.writeBuffer());
}

/** An .xlsx package re-zipped with every entry dated FIXED_DATE. */
async function withFixedDates(raw: ArrayBuffer | Uint8Array): Promise<Buffer> {
  const source = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async("uint8array"), {
      date: FIXED_DATE,
      createFolders: false,
    });
  }
  return out.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

export async function writeSample(target: string = path.join(repoRoot(), SAMPLE_FILE)): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, await buildSampleBuffer());
  return target;
}

/** The bundled sample of a nämnd's plan (003). */
export const PLAN_SAMPLE_FILE = path.join("samples", "plan", "hagersten-alvsjo-vp-2022.xlsx");

/**
 * The other bundled samples, for `malkoll rollup` and `malkoll compare`: two units' VB as their
 * workbooks (000, 004) and the 001 plan laid out from its OCR text; and for `generate --period VP`,
 * the nämnd's 003 plan (its own tables: `Indikator | Årsmål | KF:s årsmål | Periodicitet`, the
 * budget by VP year).
 */
export const MORE_SAMPLES: { file: string; snapshot: () => WorkbookSnapshot }[] = [
  {
    file: path.join("samples", "enheter", RESURSENHETEN_VB_2021.file),
    snapshot: () => reportSnapshot(RESURSENHETEN_VB_2021),
  },
  {
    file: path.join("samples", "enheter", LILJEHOLMEN_VB_2020.file),
    snapshot: () => reportSnapshot(LILJEHOLMEN_VB_2020),
  },
  { file: path.join("samples", "plan", "resursenheten-plan-2021.xlsx"), snapshot: () => plan001Snapshot() },
  { file: PLAN_SAMPLE_FILE, snapshot: () => plan003Snapshot() },
];

export async function buildMoreSampleBuffer(sample: (typeof MORE_SAMPLES)[number]): Promise<Buffer> {
  return withFixedDates(await workbookToXlsx(sample.snapshot(), FIXED_DATE));
}

async function writeAllSamples(target?: string): Promise<string[]> {
  const written = [await writeSample(target)];
  if (target) return written;
  for (const sample of MORE_SAMPLES) {
    const file = path.join(repoRoot(), sample.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await buildMoreSampleBuffer(sample));
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  writeAllSamples(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
    .then((files) =>
      files.forEach((file) => console.log(`Skrev ${path.relative(process.cwd(), file) || file}`)),
    )
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
