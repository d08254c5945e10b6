/**
 * A large, realistic follow-up workbook for the benchmark: the layout of the seed reports (goal
 * headings with an assessment line, indicator tables, activity tables, driftbudget tables), with
 * Swedish values, scaled to any number of indicators, activities and budget rows.
 *
 * Deterministic (a seeded generator): two calls with the same sizes give the same grids.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../src/engine/grid";

export interface WorkbookSize {
  indicators: number;
  activities: number;
  budgetRows: number;
  /** When set, indicator tables get an Analys column holding this many characters a row. */
  analysisChars?: number;
}

/** Swedish analysis text of `chars` characters, different per row. */
function analysisText(chars: number, row: number): string {
  const text = `Rad ${row}: förvaltningen ser ett ökat antal barn i hushåll med ekonomiskt bistånd och följer utvecklingen månad för månad. `;
  return text.repeat(Math.ceil(chars / text.length)).slice(0, chars);
}

/** Small xorshift generator so figures are reproducible run to run. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const INDICATOR_HEADER = [
  "Indikator",
  "Periodens utfall",
  "Utfall män/ pojkar",
  "Utfall kvinnor/ flickor",
  "Periodens utfall VB 2020",
  "Prognos helår",
  "Årsmål",
  "KF:s årsmål",
  "Period",
];
const ACTIVITY_HEADER = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"];
const BUDGET_HEADER = [
  "Mnkr",
  "Budget 2021 (netto, inkl. godkända BJ)",
  "Begärda budgetjusteringar",
  "Prognos 2021 (före resultat- överföringar, inkl. begärda BJ)",
  "Prognos 2021 (efter resultat- överföringar, inkl. begärda BJ)",
  "Avvikelse (+/-) (inkl. begärda BJ)",
];

const SUBJECTS = [
  "barn som lever i familjer som har ekonomiskt bistånd",
  "personer som har ekonomiskt bistånd i förhållande till befolkningen",
  "vuxna med långvarigt ekonomiskt bistånd jämfört med samtliga vuxna invånare",
  "elever i årskurs 9 som är behöriga till gymnasiet",
  "brukare som är nöjda med sitt särskilda boende",
  "föräldrar som är nöjda med förskolan",
  "medarbetare som rekommenderar sin arbetsplats",
  "invånare som känner sig trygga i sitt närområde",
];
const COUNTS = [
  "aspiranter som fått Stockholmsjobb",
  "tillhandahållna platser för feriejobb",
  "ungdomar som fått feriejobb i stadens regi",
  "besök på Medborgarkontoret",
  "hushåll som fått budget- och skuldrådgivning",
];
const ACTIVITIES = [
  "Utveckla arbetssätt för att nå nyanlända kvinnor och män med erbjudande om samhällsvägledning",
  "Revidera riktlinjerna för det kommunala aktivitetsansvaret i samråd med utbildningsnämnden",
  "Genomföra trygghetsvandringar tillsammans med civilsamhället och polisen",
  "Erbjuda förskolans medarbetare kompetensutveckling om barn i behov av särskilt stöd",
  "Införa digital tillsyn inom hemtjänsten för de brukare som önskar det",
];
const AREAS = [
  "Nämnd och administration",
  "Individ- och familjeomsorg",
  "Stadsmiljöverksamhet",
  "Förskoleverksamhet",
  "Äldreomsorg",
  "Stöd och service till personer med funktionsnedsättning",
  "Barn, kultur och fritid",
  "Arbetsmarknadsåtgärder",
  "Ekonomiskt bistånd",
];
const ASSESSMENTS = ["● Uppfylls helt", "◆ Uppfylls delvis", " Uppfylls helt", "— Ingen"];

/** Swedish decimal text: 4.1 → `4,1`, 2435.3 → `2 435,3`. */
export function svNumber(value: number, decimals: number): string {
  const [int, frac] = Math.abs(value).toFixed(decimals).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${value < 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly formats: (string | null)[][] = [];
  row(cells: CellValue[], formats?: (string | null)[]): void {
    this.values.push(cells);
    this.formats.push(formats ?? []);
  }
  blank(): void {
    this.row([]);
  }
  grid(name: string): SheetGrid {
    return {
      name,
      visibility: "visible",
      originRow: 1,
      originCol: 1,
      values: this.values,
      formats: this.formats,
    };
  }
}

/** Goal sheet: nämndmål blocks, each with indicator and activity tables, under KF headings. */
function goalSheet(size: WorkbookSize, rnd: () => number): SheetGrid {
  const sheet = new SheetBuilder();
  const perGoal = 20;
  const goals = Math.max(1, Math.ceil(size.indicators / perGoal));
  let indicatorsLeft = size.indicators;
  for (let g = 0; g < goals; g++) {
    const kfArea = Math.floor(g / 100) + 1;
    const kfGoal = (Math.floor(g / 10) % 10) + 1;
    const namnd = (g % 10) + 1;
    if (g % 100 === 0) {
      sheet.row([
        `KF:s inriktningsmål: ${kfArea}. En modern storstad med möjligheter och valfrihet för alla`,
      ]);
      sheet.blank();
    }
    if (g % 10 === 0) {
      sheet.row([
        `KF:s mål för verksamhetsområdet: ${kfArea}.${kfGoal} I Stockholm är människor självförsörjande`,
      ]);
      sheet.blank();
      sheet.row(["◆ Uppfylls delvis"]);
      sheet.blank();
    }
    sheet.row([
      `Nämndmål: ${kfArea}.${kfGoal}.${namnd} Invånare i stadsdelsområdet försörjer sig själva (${g + 1})`,
    ]);
    sheet.blank();
    sheet.row([ASSESSMENTS[g % ASSESSMENTS.length]]);
    sheet.blank();
    sheet.row(["Analys"]);
    sheet.row([
      "Förvaltningen bedömer att nämndmålet uppfylls delvis. Bedömningen bygger på att planerade aktiviteter genomförs.",
    ]);
    sheet.blank();
    const analysis = size.analysisChars ?? 0;
    sheet.row(analysis > 0 ? [...INDICATOR_HEADER, "Analys"] : INDICATOR_HEADER);
    const count = Math.min(perGoal, indicatorsLeft);
    indicatorsLeft -= count;
    for (let i = 0; i < count; i++) {
      const percent = i % 3 !== 2;
      if (percent) {
        const outcome = Math.round(rnd() * 900) / 10;
        const target = Math.round(rnd() * 900) / 10;
        const asNumbers = i % 2 === 0;
        // Half the rows hold numbers with a percent format, half the text the reports carry.
        const cell = (v: number): CellValue => (asNumbers ? v / 100 : `${svNumber(v, 1)} %`);
        const fmt = asNumbers ? "0.0 %" : null;
        sheet.row(
          [
            `  Andel ${SUBJECTS[(g + i) % SUBJECTS.length]} (${g + 1}.${i + 1})`,
            cell(outcome),
            cell(Math.max(0, outcome - 0.3)),
            cell(outcome + 0.2),
            cell(Math.round(rnd() * 900) / 10),
            cell(outcome),
            cell(target),
            i % 4 === 0 ? "Tas fram av nämnd" : cell(target),
            "Tertial 2 2021",
            ...(analysis > 0 ? [analysisText(analysis, g * perGoal + i)] : []),
          ],
          [null, fmt, fmt, fmt, fmt, fmt, fmt, i % 4 === 0 ? null : fmt, null],
        );
        if (outcome < target && i % 5 === 0)
          sheet.row(["Analys Förvaltningen ser ett ökat antal barn i hushåll med ekonomiskt bistånd."]);
      } else {
        const outcome = Math.round(rnd() * 900);
        sheet.row([
          `  Antal ${COUNTS[(g + i) % COUNTS.length]} (${g + 1}.${i + 1})`,
          `${svNumber(outcome, 0)} st`,
          `${svNumber(Math.floor(outcome / 2), 0)} st`,
          `${svNumber(Math.ceil(outcome / 2), 0)} st`,
          `${svNumber(Math.round(rnd() * 900), 0)} st`,
          svNumber(outcome + 20, 0),
          `${svNumber(800, 0)} st`,
          "Tas fram av nämnd",
          "Tertial 2 2021",
          ...(analysis > 0 ? [analysisText(analysis, g * perGoal + i)] : []),
        ]);
      }
    }
    sheet.blank();
    const activities =
      Math.floor(((g + 1) * size.activities) / goals) - Math.floor((g * size.activities) / goals);
    if (activities > 0) {
      sheet.row(ACTIVITY_HEADER);
      for (let a = 0; a < activities; a++) {
        const deviation = (g + a) % 7 === 0;
        sheet.row([
          ` ${ACTIVITIES[(g + a) % ACTIVITIES.length]} (${g + 1}.${a + 1})`,
          "2021-01-01",
          "2021-12-31",
          deviation ? "Avvikelse" : null,
        ]);
        if (deviation) sheet.row(["Analys Aktiviteten har skjutits upp till hösten på grund av pandemin."]);
      }
      sheet.blank();
    }
  }
  return sheet.grid("Uppföljning");
}

/** Driftbudget tables of ten areas plus a Totalt row; deviations and totals add up. */
function budgetSheet(size: WorkbookSize, rnd: () => number): SheetGrid {
  const sheet = new SheetBuilder();
  sheet.row(["Uppföljning av ekonomi"]);
  sheet.blank();
  let left = size.budgetRows;
  let table = 0;
  while (left > 0) {
    table++;
    const rows = Math.min(left, 10);
    left -= rows;
    sheet.row([`Uppföljning av driftbudget, avdelning ${table}`]);
    sheet.blank();
    sheet.row(BUDGET_HEADER);
    const sum = [0, 0, 0, 0, 0];
    for (let r = 0; r < rows; r++) {
      // Work in tenths of a mnkr so every printed figure adds up exactly.
      const budget = Math.round(rnd() * 8000);
      const adjustment = Math.round((rnd() - 0.5) * 100);
      const before = budget + adjustment + Math.round((rnd() - 0.5) * 60);
      const after = before + Math.round((rnd() - 0.5) * 20);
      const deviation = budget + adjustment - after;
      const tenths = [budget, adjustment, before, after, deviation];
      tenths.forEach((v, i) => (sum[i] += v));
      sheet.row([`${AREAS[r % AREAS.length]} ${table}.${r + 1}`, ...tenths.map((v) => svNumber(v / 10, 1))]);
    }
    sheet.row(["Totalt", ...sum.map((v) => svNumber(v / 10, 1))]);
    sheet.blank();
    sheet.blank();
  }
  return sheet.grid("Ekonomi");
}

export function generateWorkbook(size: WorkbookSize, name = "bench.xlsx"): WorkbookSnapshot {
  const rnd = random(20210831);
  return { name, sheets: [goalSheet(size, rnd), budgetSheet(size, rnd)] };
}

/**
 * The same workbook as an .xlsx package, written with ExcelJS (numbers keep their formats, hidden
 * rows and columns stay hidden).
 */
export async function workbookToXlsx(snapshot: WorkbookSnapshot, date?: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (date) {
    wb.created = date;
    wb.modified = date;
  }
  for (const grid of snapshot.sheets) {
    const ws = wb.addWorksheet(grid.name);
    grid.values.forEach((row, r) => {
      if (row.length === 0) return;
      const xlRow = ws.getRow(grid.originRow + r);
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = xlRow.getCell(grid.originCol + c);
        cell.value = value;
        const fmt = grid.formats?.[r]?.[c];
        if (fmt) cell.numFmt = fmt;
      });
    });
    for (const row of grid.hiddenRows ?? []) ws.getRow(row).hidden = true;
    for (const col of grid.hiddenColumns ?? []) ws.getColumn(col).hidden = true;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
