/**
 * What fuzzed workbooks are made of: the real header vocabulary and value shapes of the seed
 * reports, plus junk (errors, formula-like text, huge strings, unicode) — as fast-check arbitraries.
 */
import fc from "fast-check";
import type { CellValue, SheetGrid, SheetVisibility, WorkbookSnapshot } from "../../src/engine/grid";

export const INDICATOR_HEADERS = [
  "Indikator",
  "Periodens utfall",
  "Utfall män/ pojkar",
  "Utfall kvinn or/ flickor",
  "Periodens utfall VB 2020",
  "Prognos helår",
  "Prognoss helår",
  "Årsmål",
  "Arsmål",
  "KF:s årsmål",
  "Period",
  "Periodicitet",
  "Analys",
  "Enhet",
  "Riktning",
];
export const ACTIVITY_HEADERS = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", "Analys", "Kommentar"];
export const BUDGET_HEADERS = [
  "Mnkr",
  "Tkr",
  "Budget 2021 (netto, inkl. godkända BJ)",
  "Begärda budgetjusteringar",
  "Prestations- och omslutnings- förändringar (begärda/förvänt ade)",
  "Prognos 2021 (före resultat- överföringar, inkl. begärda BJ)",
  "Prognos 2021 (efter resultat- överföringar, inkl. begärda BJ)",
  "Avvikelse (+/-) (inkl. begärda BJ)",
  "Bruttobudget",
  "Resultatöverföring från 2020",
  "Beräknat resultat",
];
const LABELS = [
  "Totalt",
  "Netto",
  "Intäkter",
  "Kostnader",
  "<i>varav socialpsykiatri</i>",
  "avskrivningar",
  "Summa resultatenheter",
  "Prognos/avvikelse före resultatdisposition er",
  "Resultatenheterna överskott från 2020",
  "Äldreomsorg",
  "  Andel barn som lever i familjer som har ekonomiskt bistånd",
  "●  Budgetföljsamhet före resultatöverföringar",
];
const VALUES = [
  "4,1 %",
  "2,13 %",
  "0 %",
  "90%",
  "66,67",
  "2 435,3",
  "-489,4",
  "−489,4",
  "1 070,4",
  "3211,3",
  "21 st",
  "9 000 st",
  "800 st",
  "15,2 barn/avd.",
  "1,8 kg CO2",
  "1945 GWh",
  "Tas fram av nämnd",
  "Tas fram av nämnd/styrelse",
  "Tas fram av",
  "nämnd/ styrelse",
  "+/- 1 %",
  "±1 %",
  "Max 10 personer",
  "Minst 90 %",
  "öka",
  "-",
  "—",
  "Tertial 2 2021",
  "Tertial",
  "VB 2020",
  "VP 2022",
  "År",
  "2021",
  "2021-01-01",
  "2021-12-31",
  "2021-06-30",
  "31/12/2021",
  "Avvikelse",
  "ja",
  "Ingen",
  "XXXXX",
  "TODO",
  "Lorem ipsum",
  "Analys Förvaltningen ser ett ökat antal barn i hushåll med ekonomiskt bistånd.",
  "✓",
  "🟢",
  "♀",
  "-----------",
];
const HEADINGS = [
  "KF:s inriktningsmål: 1. En modern storstad",
  "KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande",
  "KF:s mål för verksamhetsområdet:",
  "1.1 Alla barn",
  "Nämndmål: 1.1.1 Invånare försörjer sig själva",
  "Nämndmål:",
  "Enhetsmål:",
  "Enhetsmal:",
  "● Uppfylls helt",
  "◆ Uppfylls delvis",
  " Uppfylls helt",
  "— Ingen",
  "Ej uppfyllt",
  "Uppföljning av driftbudget",
];
export const EXCEL_ERRORS = [
  "#REF!",
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
];
export const FORMULA_LIKE = [
  '=HYPERLINK("http://example.invalid","klicka")',
  "@SUM(A1:A9)",
  "+46 8 508 000 00",
  "-1+2",
  "=1+1",
  "'=kvot",
];
const HUGE = ["x".repeat(40_000), "Å".repeat(33_000), "🟢".repeat(20_000)];

export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...LABELS, ...HEADINGS, ...INDICATOR_HEADERS, ...BUDGET_HEADERS) },
  { weight: 2, arbitrary: fc.double({ min: -1e290, max: 1e290, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -1e7, max: 1e7 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...EXCEL_ERRORS, ...FORMULA_LIKE) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);

const format = fc.constantFrom(
  null,
  null,
  "0.0 %",
  "0 %",
  "#,##0",
  "#,##0.0",
  "yyyy-mm-dd",
  "@",
  "General",
  '0.0 "mnkr"',
  "[Red]0;-0",
);

/** A table: a header row (a random selection and order of the real vocabulary) and junk rows. */
const table = fc
  .tuple(
    fc.constantFrom(INDICATOR_HEADERS, ACTIVITY_HEADERS, BUDGET_HEADERS),
    fc.integer({ min: 0, max: 8 }),
    fc.integer({ min: 0, max: 3 }),
  )
  .chain(([vocabulary, rows, leadingBlank]) =>
    fc.tuple(
      fc.shuffledSubarray(vocabulary, { minLength: 1 }),
      fc.array(fc.array(cellValue, { maxLength: vocabulary.length + 1 }), {
        minLength: rows,
        maxLength: rows,
      }),
      fc.option(fc.constantFrom(...HEADINGS), { nil: null }),
      fc.constant(leadingBlank),
    ),
  )
  .map(([header, body, heading, blank]) => {
    const rows: CellValue[][] = [];
    if (heading) rows.push([heading], []);
    for (let i = 0; i < blank; i++) rows.push([]);
    rows.push(header, ...body);
    return rows;
  });

export const sheetGrid: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.oneof(
      fc.constantFrom("Uppföljning", "Blad1", "Ekonomi", "Min flik", "Målkoll Indikatorer", "'quoted'"),
      fc.string({ minLength: 1, maxLength: 31 }),
    ),
    visibility: fc.constantFrom<SheetVisibility>("visible", "visible", "hidden", "veryHidden"),
    originRow: fc.integer({ min: 1, max: 1_048_000 }),
    originCol: fc.integer({ min: 1, max: 16_000 }),
    blocks: fc.array(fc.oneof(table, fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 4 })), {
      maxLength: 4,
    }),
    formatSeed: fc.array(format, { minLength: 1, maxLength: 8 }),
    merges: fc.array(fc.constantFrom("A1:C1", "B2:B3", "A1", "ZZ9:A1", "junk"), { maxLength: 2 }),
  })
  .map(({ name, visibility, originRow, originCol, blocks, formatSeed, merges }) => {
    const values = blocks.flatMap((b) => [...b, []]);
    const formats = values.map((row, r) => row.map((_, c) => formatSeed[(r + c) % formatSeed.length]));
    return { name, visibility, originRow, originCol, values, formats, merges };
  });

/** Sheets with distinct names (Excel compares names case-insensitively). */
export const workbook: fc.Arbitrary<WorkbookSnapshot> = fc
  .uniqueArray(sheetGrid, { minLength: 1, maxLength: 3, selector: (s) => s.name.toLowerCase() })
  .map((sheets) => ({ name: "fuzz.xlsx", sheets }));

/** A `_malkoll` state sheet with plausible keys and junk arguments. */
export const junkStateSheet: fc.Arbitrary<SheetGrid> = fc
  .array(
    fc.tuple(
      fc.constantFrom("malkoll", "owned", "setting", "mapping", "direction", "flag", "log", "annat"),
      fc.array(
        fc.oneof(
          cellValue,
          fc.constantFrom(
            "indikatorer",
            "Uppföljning",
            "budgetDeviationThreshold",
            '{"sheet":"Uppföljning","headerCell":"A1"}',
            "{",
            "A1:B2,C3",
            "!!",
          ),
        ),
        { maxLength: 7 },
      ),
    ),
    { maxLength: 12 },
  )
  .map((rows) => ({
    name: "_malkoll",
    visibility: "veryHidden" as const,
    originRow: 1,
    originCol: 1,
    values: rows.map(([kind, rest]) => [kind, ...rest]),
  }));

export const workbookWithState: fc.Arbitrary<WorkbookSnapshot> = fc
  .tuple(workbook, fc.option(junkStateSheet, { nil: null }))
  .map(([wb, state]) => ({
    ...wb,
    sheets: state ? [...wb.sheets.filter((s) => s.name.toLowerCase() !== "_malkoll"), state] : wb.sheets,
  }));
