/**
 * The roll-up workbook's sheets as sheet specs, in the same look as `generate`'s (the port
 * applies it): `Enheter` (one row per workbook), `Fynd` (every finding with its file and cell)
 * and `Budget` (per unit and per verksamhetsområde, with totals). Amounts in mnkr.
 */
import { a1Range } from "../grid";
import type { Severity } from "../findings";
import { localIsoDate } from "../parse/date";
import { formatPeriod } from "../parse/period";
import { SheetBuilder, headerRow, text } from "../report/layout";
import type { Row } from "../report/layout";
import type { OutCell, SheetSpec, StatusTone } from "../report/spec";
import { matchKey } from "../parse/text";
import { svNumber } from "../report/format";
import type { AssessmentCounts, BudgetAmounts, IndicatorCounts, RollupCounts, RollupEntry } from "./summary";
import { differingPeriods } from "./summary";

export interface RollupSheetOptions {
  /** When the roll-up was made (the notes say so). */
  generatedAt: Date;
}

const COUNT_FORMAT = "#,##0";
const MNKR_FORMAT = "#,##0.0";
/** Excel's last row, less room for the title and header rows. */
const MAX_FINDING_ROWS = 1_048_000;

interface CountColumn {
  group: string;
  header: string;
  tone?: StatusTone;
  value: (counts: RollupCounts, suggested: AssessmentCounts) => number;
}

const ASSESSMENT_HEADERS: Record<keyof AssessmentCounts, { header: string; tone?: StatusTone }> = {
  helt: { header: "Helt", tone: "good" },
  delvis: { header: "Delvis", tone: "partial" },
  ej: { header: "Ej", tone: "bad" },
  ingen: { header: "Ingen" },
  none: { header: "Saknas" },
};

const assessmentColumns = (group: string, from: "stated" | "suggested", keys: (keyof AssessmentCounts)[]) =>
  keys.map((key): CountColumn => ({
    group,
    header: ASSESSMENT_HEADERS[key].header,
    tone: ASSESSMENT_HEADERS[key].tone,
    value: (counts, suggested) => (from === "stated" ? counts.goals : suggested)[key],
  }));

const INDICATOR_HEADERS: [keyof IndicatorCounts, string, StatusTone?][] = [
  ["met", "Uppfyllda", "good"],
  ["partlyMet", "Delvis", "partial"],
  ["notMet", "Ej uppfyllda", "bad"],
  ["notMeasured", "Ej mätta"],
  ["noTarget", "Utan mål"],
  ["notComparable", "Ej jämförbara"],
  ["unknown", "Okända"],
];

const FINDING_HEADERS: [Severity, string, StatusTone?][] = [
  ["error", "Fel", "bad"],
  ["warning", "Varningar", "partial"],
  ["info", "Info"],
];

/** The Enheter sheet's count columns, left to right. */
const COUNT_COLUMNS: CountColumn[] = [
  ...assessmentColumns("Mål, egen bedömning", "stated", ["helt", "delvis", "ej", "ingen", "none"]),
  ...assessmentColumns("Mål, Målkolls förslag", "suggested", ["helt", "delvis", "ej"]),
  ...INDICATOR_HEADERS.map(([key, header, tone]): CountColumn => ({
    group: "Indikatorer mot årsmål",
    header,
    tone,
    value: (counts) => counts.indicators[key],
  })),
  ...FINDING_HEADERS.map(([key, header, tone]): CountColumn => ({
    group: "Fynd",
    header,
    tone,
    value: (counts) => counts.findings[key],
  })),
];

const SEVERITY_LABELS: Record<Severity, { text: string; tone: StatusTone }> = {
  error: { text: "▲ Fel", tone: "bad" },
  warning: { text: "◆ Varning", tone: "partial" },
  info: { text: "○ Info", tone: "neutral" },
};

function count(n: number, tone?: StatusTone): OutCell {
  const cell: OutCell = { value: n, format: COUNT_FORMAT, style: "normal" };
  if (tone && n > 0) cell.tone = tone;
  return cell;
}

function mnkr(value: number | null, style: OutCell["style"] = "normal"): OutCell | null {
  if (value === null) return null;
  return { value: Math.round(value * 1000) / 1000, format: MNKR_FORMAT, style };
}

/** A total row's cell: the column's sum as a formula over `fromRow`–`toRow`, with its value. */
function sumCell(
  col: number,
  fromRow: number,
  toRow: number,
  values: (number | null)[],
  format: string,
): OutCell {
  const value = values.reduce<number>((a, b) => a + (b ?? 0), 0);
  return {
    value: Math.round(value * 1000) / 1000,
    formula: `SUM(${a1Range(fromRow, col, toRow, col)})`,
    format,
    style: "total",
  };
}

/**
 * A sheet's note under its title; `sums`: the workbooks whose figures the sheet adds up (it warns
 * when they report on different periods), null where it adds up none.
 */
function note(
  entries: RollupEntry[],
  options: RollupSheetOptions,
  what: string,
  sums: readonly RollupEntry[] | null = entries,
): string {
  const unread = entries.filter((e) => e.status === "unreadable").length;
  const date = localIsoDate(options.generatedAt);
  const read = `${entries.length - unread} av ${entries.length} arbetsböcker lästa`;
  const mixed = sums ? mixedPeriods(sums) : null;
  const repeated = sums ? repeatedUnits(sums) : null;
  return `${what} ${read}; skapad ${date} med malkoll rollup.${mixed ? ` ${mixed}` : ""}${repeated ? ` ${repeated}` : ""}`;
}

/**
 * The warning a unit read from two workbooks needs (a copy, or `generate`'s output beside its
 * source): the totals count it twice. Null when every read workbook names a unit of its own.
 */
export function repeatedUnits(entries: readonly RollupEntry[]): string | null {
  const byUnit = new Map<string, RollupEntry[]>();
  for (const entry of entries) {
    if (entry.status !== "ok") continue;
    const key = entry.unit.trim().toLocaleLowerCase("sv");
    const same = byUnit.get(key);
    if (same) same.push(entry);
    else byUnit.set(key, [entry]);
  }
  const repeated = [...byUnit.values()].filter((same) => same.length > 1);
  if (!repeated.length) return null;
  const named = repeated.map((same) => `”${same[0].unit}” (${same.map((e) => e.file).join(", ")})`);
  return `Obs: ${repeated.length === 1 ? "en enhet finns" : "enheter finns"} i flera arbetsböcker, ${named.join("; ")}, och totalerna räknar ${repeated.length === 1 ? "den" : "dem"} flera gånger: ta bort kopiorna ur mappen.`;
}

/**
 * The warning a roll-up of several periods needs (a last year's file left in the folder): its
 * totals add up figures of different periods. Null when all read workbooks report on one period.
 */
export function mixedPeriods(entries: readonly RollupEntry[]): string | null {
  const periods = differingPeriods(entries);
  if (!periods.length) return null;
  return `Obs: arbetsböckerna gäller olika perioder (${periods.join(", ")}), och totalerna lägger ihop dem: sammanställ en period i taget.`;
}

export function buildRollupSheets(entries: RollupEntry[], options: RollupSheetOptions): SheetSpec[] {
  const shown = shortPaths(entries.map((e) => e.file));
  const withShortPaths = entries.map((e, i) => ({ ...e, file: shown[i] }));
  return [
    unitsSheet(withShortPaths, options),
    findingsSheet(withShortPaths, options),
    budgetSheet(withShortPaths, options),
  ];
}

/**
 * Paths without the folders they all share (`/home/…/2021/enheter/a.xlsx` → `enheter/a.xlsx`
 * beside `malkoll-exempel.xlsx`): the sheets name files as the controller sees them in the folder.
 */
export function shortPaths(files: string[]): string[] {
  const parts = files.map((f) => f.split(/[\\/]/));
  let shared = 0;
  const shortest = parts.reduce((n, p) => Math.min(n, p.length - 1), Infinity);
  while (shared < shortest && parts.every((p) => p[shared] === parts[0][shared])) shared++;
  return parts.map((p) => p.slice(shared).join("/"));
}

/** `Enheter`: one row per workbook under a two-row header (groups over their columns). */
function unitsSheet(entries: RollupEntry[], options: RollupSheetOptions): SheetSpec {
  const sheet = new SheetBuilder("enheter");
  sheet.heading(
    "Enheter",
    note(
      entries,
      options,
      "Mål efter enhetens egen bedömning och Målkolls förslag, indikatorer efter status mot årsmål, fynd efter allvar, budget i mnkr;",
    ),
  );
  const columns = [
    { group: "Enhet", header: "" },
    { group: "Period", header: "" },
    { group: "Fil", header: "" },
    ...COUNT_COLUMNS,
    { group: "Budget (mnkr)", header: "Budget" },
    { group: "Budget (mnkr)", header: "Avvikelse" },
  ];
  const top = sheet.nextRow;
  columns.forEach((c, i) => {
    const startsGroup = i === 0 || columns[i - 1].group !== c.group;
    if (!startsGroup) return;
    let end = i;
    while (end + 1 < columns.length && columns[end + 1].group === c.group) end++;
    // A lone column's title spans both header rows; a group's spans its columns.
    sheet.merge(end > i ? a1Range(top, i + 1, top, end + 1) : a1Range(top, i + 1, top + 1, i + 1));
  });
  sheet.add(
    columns.map((c, i) => ({
      value: i === 0 || columns[i - 1].group !== c.group ? c.group : null,
      style: "header" as const,
      wrap: true,
    })),
  );
  sheet.add(columns.map((c) => ({ value: c.header || null, style: "header" as const, wrap: true })));
  sheet.freezeRows(top + 1);

  const firstData = sheet.nextRow;
  const read: RollupEntry[] = [];
  for (const entry of entries) {
    const row: Row = [
      { value: entry.unit, style: "normal" },
      text(entry.period?.kind ? formatPeriod(entry.period) : null),
      { value: entry.file, style: "normal" },
    ];
    const { counts, suggested } = entry;
    if (!counts || !suggested) {
      // The reason spans the count and budget columns.
      row.push({
        value: `Kunde inte läsas: ${entry.reason ?? "okänt fel"}`,
        style: "normal",
        tone: "bad",
        wrap: true,
      });
      const at = sheet.add(row);
      sheet.merge(a1Range(at, 4, at, columns.length));
      continue;
    }
    read.push(entry);
    for (const c of COUNT_COLUMNS) row.push(count(c.value(counts, suggested), c.tone));
    row.push(mnkr(entry.budget?.total.budget ?? null), mnkr(entry.budget?.total.deviation ?? null));
    sheet.add(row);
  }
  const lastData = sheet.nextRow - 1;
  if (read.length) {
    const totals: Row = [{ value: "Totalt", style: "total" }, totalBlank(), totalBlank()];
    COUNT_COLUMNS.forEach((c, k) =>
      totals.push(
        sumCell(
          4 + k,
          firstData,
          lastData,
          read.map((e) => c.value(e.counts!, e.suggested!)),
          COUNT_FORMAT,
        ),
      ),
    );
    const budgetCol = 4 + COUNT_COLUMNS.length;
    totals.push(
      sumCell(
        budgetCol,
        firstData,
        lastData,
        read.map((e) => e.budget?.total.budget ?? null),
        MNKR_FORMAT,
      ),
    );
    totals.push(
      sumCell(
        budgetCol + 1,
        firstData,
        lastData,
        read.map((e) => e.budget?.total.deviation ?? null),
        MNKR_FORMAT,
      ),
    );
    sheet.add(totals);
  }
  const spec = sheet.build();
  // Count columns stay narrow (their headers wrap); the text columns fit their content.
  spec.columnWidths = columns.map((_, i) => {
    const fitted = spec.columnWidths[i] ?? 8;
    return i < 3 ? Math.max(fitted, 12) : Math.min(Math.max(fitted, 8), 11);
  });
  return spec;
}

function totalBlank(): OutCell {
  return { value: null, style: "total" };
}

/** `Fynd`: every finding of every workbook read, with its file, sheet and cell. */
function findingsSheet(entries: RollupEntry[], options: RollupSheetOptions): SheetSpec {
  const sheet = new SheetBuilder("fynd");
  sheet.heading("Fynd", note(entries, options, "Alla fynd i arbetsböckerna, fel först;", null));
  sheet.add(headerRow(["Enhet", "Fil", "Nivå", "Kod", "Blad", "Cell", "Meddelande"]));
  sheet.freezeRows(sheet.nextRow - 1);
  let written = 0;
  const total = entries.reduce((n, e) => n + e.findings.length, 0);
  for (const entry of entries) {
    for (const f of entry.findings) {
      if (written === MAX_FINDING_ROWS) break;
      const severity = SEVERITY_LABELS[f.severity];
      sheet.add([
        { value: entry.unit, style: "normal" },
        { value: entry.file, style: "normal" },
        { value: severity.text, style: "normal", tone: severity.tone },
        { value: f.code, style: "normal" },
        { value: f.sheet, style: "normal" },
        { value: f.cell, style: "normal" },
        { value: f.message, style: "normal", wrap: true },
      ]);
      written++;
    }
  }
  if (!total) sheet.add([{ value: "Inga fynd.", style: "normal" }]);
  if (written < total)
    sheet.add([
      {
        value: `… och ${total - written} fynd till, som inte ryms i ett blad (se malkoll rollup --json).`,
        style: "note",
      },
    ]);
  return sheet.build();
}

const BUDGET_HEADERS = ["Budget", "Justeringar", "Prognos/utfall", "Avvikelse"];

/** The amount columns under BUDGET_HEADERS, with the words a note names them by. */
const AMOUNT_FIELDS: { field: Exclude<keyof BudgetAmounts, "label">; name: string }[] = [
  { field: "budget", name: "budget" },
  { field: "adjustments", name: "justeringar" },
  { field: "forecast", name: "prognos/utfall" },
  { field: "deviation", name: "avvikelse" },
];

function amountCells(a: BudgetAmounts, style: OutCell["style"] = "normal"): Row {
  return AMOUNT_FIELDS.map(({ field }) => mnkr(a[field], style));
}

/** `Budget`: each unit's total, then each verksamhetsområde summed over the units, with totals. */
function budgetSheet(entries: RollupEntry[], options: RollupSheetOptions): SheetSpec {
  const sheet = new SheetBuilder("budget");
  const withBudget = entries.filter((e) => e.budget);
  sheet.heading(
    "Budget",
    note(
      entries,
      options,
      "Driftbudget i mnkr ur varje arbetsboks tabell per verksamhetsområde (annars dess budgettabell);",
      // Its totals add up the workbooks with a budget table only: others of another period mix none in.
      withBudget,
    ),
  );
  if (!withBudget.length) {
    sheet.add([{ value: "Ingen av arbetsböckerna har en budgettabell.", style: "normal" }]);
    return sheet.build();
  }

  sheet.add([{ value: "Per enhet", style: "heading" }]);
  sheet.add(headerRow(["Enhet", "Tabell", ...BUDGET_HEADERS]));
  let first = sheet.nextRow;
  for (const e of withBudget) {
    const b = e.budget!;
    sheet.add([
      { value: e.unit, style: "normal" },
      { value: b.table, style: "normal" },
      ...amountCells(b.total),
    ]);
  }
  sheet.add(
    totalRow(
      first,
      sheet.nextRow - 1,
      withBudget.map((e) => e.budget!.total),
      1,
    ),
  );
  sheet.blank();

  const areas = areaSums(withBudget);
  if (areas.length) {
    sheet.add([{ value: "Per verksamhetsområde", style: "heading" }]);
    sheet.add(headerRow(["Verksamhetsområde", "Enheter", ...BUDGET_HEADERS]));
    first = sheet.nextRow;
    for (const area of areas)
      sheet.add([
        { value: area.amounts.label, style: "normal" },
        count(area.units),
        ...amountCells(area.amounts),
      ]);
    sheet.add(
      totalRow(
        first,
        sheet.nextRow - 1,
        areas.map((a) => a.amounts),
        1,
      ),
    );
    const differs = totalsDiffer(withBudget);
    if (differs) sheet.add([{ value: differs, style: "note", wrap: true }]);
  }
  const without = entries.filter((e) => e.status === "ok" && !e.budget);
  if (without.length) {
    sheet.blank();
    sheet.add([{ value: `Utan budgettabell: ${without.map((e) => e.unit).join(", ")}.`, style: "note" }]);
  }
  return sheet.build();
}

/** `Totalt` under the amount columns (after `skip` text columns besides the label). */
function totalRow(fromRow: number, toRow: number, rows: BudgetAmounts[], skip: number): Row {
  const firstCol = 2 + skip;
  return [
    { value: "Totalt", style: "total" },
    ...Array.from({ length: skip }, totalBlank),
    ...AMOUNT_FIELDS.map(({ field }, k) =>
      sumCell(
        firstCol + k,
        fromRow,
        toRow,
        rows.map((r) => r[field]),
        MNKR_FORMAT,
      ),
    ),
  ];
}

/**
 * Why the two Totalt rows differ, where they differ as shown (by 0,05 mnkr or more): per unit sums
 * each table's own total row, per verksamhetsområde its rows, and a unit whose table has no rows by
 * verksamhetsområde is only in the first. Null when they agree.
 */
function totalsDiffer(entries: RollupEntry[]): string | null {
  const byArea = entries.filter((e) => e.budget!.areas.length > 0);
  const gaps: string[] = [];
  for (const { field, name } of AMOUNT_FIELDS) {
    const units = byArea.reduce((n, e) => n + (e.budget!.total[field] ?? 0), 0);
    const areas = byArea.reduce((n, e) => n + e.budget!.areas.reduce((m, a) => m + (a[field] ?? 0), 0), 0);
    const gap = Math.round(areas * 10) / 10 - Math.round(units * 10) / 10;
    if (Math.abs(gap) >= 0.05) gaps.push(`${svNumber(Math.abs(gap), "mnkr", 1)} i ${name}`);
  }
  const wholeOnly = entries.filter((e) => e.budget!.areas.length === 0).map((e) => e.unit);
  const parts: string[] = [];
  if (gaps.length)
    parts.push(
      `Radernas summa per verksamhetsområde skiljer sig från tabellernas totalrader med ${gaps.join(", ")}: raderna och totalraden är avrundade var för sig, eller så är totalraden inte radernas summa (se Fynd, budget-total-mismatch).`,
    );
  if (wholeOnly.length)
    parts.push(`Utan rader per verksamhetsområde, och därför bara under Per enhet: ${wholeOnly.join(", ")}.`);
  return parts.length ? parts.join(" ") : null;
}

/** Each verksamhetsområde's amounts summed over the units that have it (labels matched loosely). */
function areaSums(entries: RollupEntry[]): { amounts: BudgetAmounts; units: number }[] {
  const byKey = new Map<string, { amounts: BudgetAmounts; units: number }>();
  const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
  for (const e of entries) {
    for (const area of e.budget!.areas) {
      const key = matchKey(area.label);
      const known = byKey.get(key);
      if (!known) {
        byKey.set(key, { amounts: { ...area }, units: 1 });
        continue;
      }
      known.units++;
      known.amounts.budget = add(known.amounts.budget, area.budget);
      known.amounts.adjustments = add(known.amounts.adjustments, area.adjustments);
      known.amounts.forecast = add(known.amounts.forecast, area.forecast);
      known.amounts.deviation = add(known.amounts.deviation, area.deviation);
    }
  }
  return [...byKey.values()];
}
