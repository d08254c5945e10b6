import { buildReport } from "../../../src/engine/report";
import { indicatorNumber, svNumber } from "../../../src/engine/report/format";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import type { CellValue, WorkbookSnapshot } from "../../../src/engine/grid";
import { cellAt, parseA1 } from "../../../src/engine/grid";
import { makeResult, makeSnapshot } from "./fixture";

const OPTIONS = { generatedAt: "2021-09-15", snapshot: makeSnapshot() };

function sheetOf(key: SheetSpec["key"], options = OPTIONS): SheetSpec {
  const spec = buildReport(makeResult(), options).sheets.find((s) => s.key === key);
  if (!spec) throw new Error(`no sheet ${key}`);
  return spec;
}

const texts = (row: (OutCell | null)[]): (string | number | null)[] => row.map((c) => c?.value ?? null);

/**
 * Header text with the line breaks the layout writes in read as spaces, and a word it breaks where
 * the city's reports do (`budget-` `justeringar`) read whole.
 */
const words = (row: (OutCell | null)[]): (string | number | null)[] =>
  texts(row).map((v) =>
    typeof v === "string"
      ? v.replace(/-\n(justeringar|förändringar|överföringar)/g, "$1").replace(/\n/g, " ")
      : v,
  );

/** 1-based row whose first cell is exactly `label`. */
function rowIndex(spec: SheetSpec, label: string, from = 1): number {
  for (let r = from - 1; r < spec.rows.length; r++) if (spec.rows[r][0]?.value === label) return r + 1;
  throw new Error(`no row ${label}`);
}

function row(spec: SheetSpec, label: string, from = 1): (OutCell | null)[] {
  return spec.rows[rowIndex(spec, label, from) - 1];
}

/** Evaluates the formulas we write (`'Sheet'!B4`, `B5+C5-D5`) against the workbook and the spec. */
function evaluate(spec: SheetSpec, formula: string, workbook: WorkbookSnapshot): number {
  const terms = formula.match(/[+-]?(?:'(?:[^']|'')+'!)?\$?[A-Z]+\$?\d+/g) ?? [];
  expect(terms.join("")).toBe(formula);
  let sum = 0;
  for (const term of terms) {
    const sign = term.startsWith("-") ? -1 : 1;
    const ref = term.replace(/^[+-]/, "");
    const m = /^(?:'((?:[^']|'')+)'!)?(.+)$/.exec(ref)!;
    const pos = parseA1(m[2])!;
    let v: CellValue;
    if (m[1]) {
      const grid = workbook.sheets.find((s) => s.name === m[1].replace(/''/g, "'"))!;
      v = cellAt(grid, pos.row, pos.col);
    } else {
      const cell = spec.rows[pos.row - 1]?.[pos.col - 1];
      v = cell?.formula ? evaluate(spec, cell.formula, workbook) : (cell?.value ?? null);
    }
    expect(typeof v === "number" || v === null).toBe(true);
    sum += sign * ((v as number | null) ?? 0);
  }
  return sum;
}

describe("title and note rows", () => {
  it("name the sheet, the period, the date given and the workbook", () => {
    const spec = sheetOf("indikatorer");
    expect(spec.rows[0][0]).toMatchObject({ value: "Målkoll – Indikatorer T2 2021", style: "title" });
    expect(spec.rows[1][0]).toMatchObject({
      value: "Skapad av Målkoll 2021-09-15 från Tertialrapport 2 2021.xlsx; ändra inte – tabellen skapas om",
      style: "note",
    });
  });

  it("carry no date unless one is passed in", () => {
    const spec = sheetOf("driftbudget", { snapshot: makeSnapshot() } as typeof OPTIONS);
    expect(spec.rows[1][0]?.value).toBe(
      "Skapad av Målkoll från Tertialrapport 2 2021.xlsx; ändra inte – tabellen skapas om",
    );
  });
});

describe("indikatorer", () => {
  const spec = sheetOf("indikatorer");

  it("uses the report's columns, with the previous year in the VB column; status stands apart", () => {
    const header = row(spec, "Indikator");
    expect(words(header).slice(0, 9)).toEqual([
      "Indikator",
      "Periodens utfall",
      "Utfall män/ pojkar",
      "Utfall kvinnor/ flickor",
      "Periodens utfall VB 2020",
      "Prognos helår",
      "Årsmål",
      "KF:s årsmål",
      "Period",
    ]);
    // The city's nine columns, a blank one, then Målkoll's two under a header of their own.
    expect(header[9]).toBeNull();
    expect(words(header).slice(10)).toEqual(["Status", "Status mot KF:s årsmål"]);
    expect(header.slice(0, 9).every((c) => c?.style === "header")).toBe(true);
    expect(header.slice(10).every((c) => c?.style === "ownHeader")).toBe(true);
    // Headers over numbers are right-aligned like the numbers; text under a text header left.
    expect(header[1]?.align).toBe("right");
    expect(header[0]?.align).toBeUndefined();
  });

  it("groups indicators under goal headings in hierarchy order, alphabetically within a goal", () => {
    const firstCol = spec.rows
      .map((r) => r[0]?.value ?? null)
      .filter((v) => v !== null && v !== "Indikator" && !String(v).startsWith("Analys: "));
    expect(firstCol.slice(2)).toEqual([
      "KF:s inriktningsmål: 1. En modern storstad med möjligheter och valfrihet för alla",
      "KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
      "Andel barn som lever i familjer som har ekonomiskt bistånd",
      "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen",
      "Antal aspiranter som fått Stockholmsjobb",
      "Antal tillhandahållna platser för feriejobb",
      "Nämndmål: 1.1.1 Invånare i stadsdelsområdet försörjer sig själva",
      "Antal unga 20-29 år som varken arbetar eller studerar som nåtts av uppsökande verksamhet och tagit del av arbetsmarknadsinsatser",
      "KF:s mål för verksamhetsområdet: 1.5 I Stockholm har äldre en tillvaro som präglas av hög kvalitet, trygghet och självbestämmande",
      "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod",
    ]);
    expect(row(spec, "Nämndmål: 1.1.1 Invånare i stadsdelsområdet försörjer sig själva")[0]?.style).toBe(
      "heading",
    );
  });

  it("writes percentages as fractions with the source's decimals", () => {
    const barn = row(spec, "Andel barn som lever i familjer som har ekonomiskt bistånd");
    expect(barn[1]).toMatchObject({ value: 0.041, format: "0.0 %" });
    expect(barn[2]).toBeNull();
    expect(barn[4]).toMatchObject({ value: 0.037, format: "0.0 %" });
    expect(barn[5]).toMatchObject({ value: 0.04, format: "0 %" });
    expect(barn[6]).toMatchObject({ value: 0.033, format: "0.0 %" });
    expect(barn[7]).toMatchObject({ value: 0.027, format: "0.0 %" });
    expect(barn[8]).toMatchObject({ value: "Tertial 2 2021", indent: 1 });
    const personer = row(spec, "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen");
    expect(personer[1]).toMatchObject({ value: 0.0213, format: "0.00 %" });
    expect(personer[2]).toMatchObject({ value: 0.0185, format: "0.00 %" });
  });

  it("writes counts with their unit, text targets as text and max targets with their prefix", () => {
    const aspiranter = row(spec, "Antal aspiranter som fått Stockholmsjobb");
    expect(aspiranter[1]).toMatchObject({ value: 21, format: '#,##0 "st"' });
    expect(aspiranter[7]).toMatchObject({ value: 800, format: '#,##0 "st"' });
    const ferie = row(spec, "Antal tillhandahållna platser för feriejobb");
    expect(ferie[7]).toMatchObject({ value: "Tas fram av nämnd" });
    const unga = row(
      spec,
      "Antal unga 20-29 år som varken arbetar eller studerar som nåtts av uppsökande verksamhet och tagit del av arbetsmarknadsinsatser",
    );
    expect(unga[1]).toMatchObject({ value: 58, format: "#,##0" });
    const hemtjanst = row(
      spec,
      "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod",
    );
    expect(hemtjanst[7]).toMatchObject({ value: 10, format: '"Max "#,##0 "personer"' });
    expect(hemtjanst[8]?.value).toBe("2021");
  });

  it("shows status as symbol and word with a tone, and says when it was judged on the forecast", () => {
    const barn = row(spec, "Andel barn som lever i familjer som har ekonomiskt bistånd");
    expect(barn[10]).toMatchObject({ value: "▲ Ej uppfyllt", tone: "bad" });
    const aspiranter = row(spec, "Antal aspiranter som fått Stockholmsjobb");
    expect(aspiranter[10]).toMatchObject({ value: "● Uppfyllt", tone: "good" });
    expect(aspiranter[11]).toMatchObject({ value: "▲ Ej uppfyllt", tone: "bad" });
    const hemtjanst = row(
      spec,
      "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod",
    );
    expect(hemtjanst[10]).toMatchObject({ value: "– Ej mätt", tone: "neutral" });
    const result = makeResult();
    const ind = result.model.indicators.find((i) => i.name.startsWith("Antal aspiranter"))!;
    ind.statusBasis = "forecast";
    ind.kfStatus = "not-comparable";
    const judged = buildReport(result, OPTIONS).sheets[0];
    expect(row(judged, ind.name)[10]).toMatchObject({ value: "● Uppfyllt (prognos)", tone: "good" });
    expect(row(judged, ind.name)[11]).toMatchObject({ value: "≠ Ej jämförbart", tone: "neutral" });
  });

  it("carries an indicator's Analys in a row under it, across the city's columns", () => {
    const r = rowIndex(spec, "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen");
    expect(spec.rows[r][0]).toMatchObject({
      value:
        "Analys: I samband med pandemin och de konsekvenser det fick på arbetsmarknaden hade förvaltningen en ökning av hushåll som behövde ekonomiskt bistånd.",
      wrap: true,
    });
    expect(spec.merges).toContain(`A${r + 1}:I${r + 1}`);
  });

  it("fits the columns to A4 landscape and wraps the long indicator names", () => {
    expect(spec.columnWidths).toHaveLength(12);
    // 770 pt between the margins, at LibreOffice's 5,55 pt per width unit (the wider host).
    const total = spec.columnWidths.reduce((a, b) => a + b, 0);
    expect(total * 5.55).toBeLessThanOrEqual(770);
    expect(spec.columnWidths[9]).toBe(2);
    expect(spec.columnWidths[0]).toBeGreaterThan(25);
    expect(row(spec, "Antal aspiranter som fått Stockholmsjobb")[0]?.wrap).toBe(true);
    expect(spec.rowHeights).toHaveLength(spec.rows.length);
  });
});

describe("indicatorNumber", () => {
  it("rounds away floating noise", () => {
    expect(indicatorNumber(4.1, "%").value).toBe(0.041);
    expect(indicatorNumber(36.3, "%").value).toBe(0.363);
    expect(indicatorNumber(15.2, "barn/avd.")).toEqual({ value: 15.2, format: '#,##0.0 "barn/avd."' });
    expect(indicatorNumber(1.5, "%", "Max")).toEqual({ value: 0.015, format: '"Max "0.0 %' });
  });
});

describe("svNumber", () => {
  it("writes figures with as many decimals as shown, as sv-SE does", () => {
    expect(svNumber(20.1, "%", 1)).toBe("20,1 %");
    expect(svNumber(0.05, null, 3)).toBe("0,050");
    expect(svNumber(1234567.5, "tkr", 1)).toBe("1 234 567,5 tkr");
    expect(svNumber(-863, "st", 0)).toBe("-863 st");
    expect(svNumber(-0, null, 1)).toBe("-0,0");
    expect(svNumber(4.25, null)).toBe("4,25");
  });

  it("rounds half away from zero on the figure's shortest decimal form", () => {
    expect(svNumber(1.005, null, 2)).toBe("1,01");
    expect(svNumber(-2.675, null, 2)).toBe("-2,68");
    expect(svNumber(999.95, null, 1)).toBe("1 000,0");
    expect(svNumber(0.1 + 0.2, null, 1)).toBe("0,3");
    expect(svNumber(2 ** 52 + 0.5, null, 1)).toBe("4 503 599 627 370 496,0");
  });
});

describe("driftbudget", () => {
  const spec = sheetOf("driftbudget");
  const snapshot = OPTIONS.snapshot;

  it("has the two tables with the report's headers", () => {
    const headers = spec.rows.filter((r) => r[0]?.style === "header" && r[0]?.value === "Mnkr");
    expect(headers).toHaveLength(2);
    expect(words(headers[0])).toEqual([
      "Mnkr",
      "Budget 2021 (nämndbudget efter beslutade BJ)",
      "Begärda budgetjusteringar (begärda BJ tertialrapport)",
      "Prestations- och omslutningsförändringar (begärda/förväntade)",
      "Prognos T2 2021 (inkl. budgetjusteringar, prestationsförändringar, omslutningsförändringar)",
      "Avvikelse",
    ]);
    expect(words(headers[1])).toEqual([
      "Mnkr",
      "Budget 2021 (netto, inkl. godkända BJ)",
      "Begärda budgetjusteringar",
      "Prognos 2021 (före resultatöverföringar, inkl. begärda BJ)",
      "Prognos 2021 (efter resultatöverföringar, inkl. begärda BJ)",
      "Avvikelse (+/-) (inkl. begärda BJ)",
    ]);
  });

  it("gives the page's spare width to figure columns whose header would wrap deep, within the page", () => {
    const area = rowIndex(spec, "Mnkr", rowIndex(spec, "Mnkr") + 1);
    const lines = (c: number) => String(spec.rows[area - 1][c]?.value).split("\n").length;
    // `Avvikelse (+/-) (inkl. begärda BJ)` over one-decimal figures: five lines in a column as
    // narrow as its widest word, three with the room the text column leaves.
    expect(lines(5)).toBeLessThanOrEqual(3);
    expect(lines(1)).toBeLessThanOrEqual(3); // Budget 2021 (netto, inkl. godkända BJ)
    // A4 landscape with 0.5 inch margins: 770 points, in Excel's wider width unit (5.55 points).
    const total = spec.columnWidths.reduce((sum, w) => sum + w, 0);
    expect(total * 5.55).toBeLessThanOrEqual(770);
    expect(total * 5.55).toBeGreaterThan(700);
  });

  it("refers to numeric source cells with live formulas and caches the engine's numbers", () => {
    const r = rowIndex(spec, "Anslag för nämndens verksamhet (netto)");
    const netto = spec.rows[r - 1];
    expect(netto[1]).toMatchObject({ value: 2435.3, formula: "'Driftbudget'!B4", format: "#,##0.0" });
    expect(netto[2]).toMatchObject({ value: 15.2, formula: "'Driftbudget'!C4" });
    expect(netto[4]).toMatchObject({ value: 2447.1, formula: "'Driftbudget'!E4" });
    // The source's own Avvikelse, as the ledger states it.
    expect(netto[5]).toMatchObject({ value: 19.9, formula: "'Driftbudget'!F4", format: "#,##0.0" });
  });

  it("writes values, not formulas, where the source cell is text", () => {
    const intakter = row(spec, "Intäkter");
    expect(intakter[1]).toEqual({ value: -489.4, format: "#,##0.0", style: "normal" });
    expect(intakter[4]?.formula).toBeUndefined();
    expect(intakter[5]).toEqual({ value: 3, format: "#,##0.0", style: "normal" });
  });

  it("shows the result disposition as the source states it: 19,9 + 76,1 − 89,1 = 6,9", () => {
    const before = rowIndex(spec, "Prognos/avvikelse före resultatdispositioner");
    const after = row(spec, "Prognos/avvikelse efter resultatdispositioner");
    expect(spec.rows[before - 1][5]).toMatchObject({ value: 19.9, formula: `'Driftbudget'!F7` });
    expect(after[5]).toMatchObject({ value: 6.9, formula: "'Driftbudget'!F10", style: "total" });
    // Empty, but ruled like the rest of the total row.
    expect(after[1]).toMatchObject({ value: null, style: "total" });
  });

  it("styles varav rows italic and the total bold, with the source's Avvikelse", () => {
    const varav = row(spec, "varav socialpsykiatri");
    expect(varav.every((c) => c?.style === "varav")).toBe(true);
    expect(varav[0]?.indent).toBe(1);
    const totalRow = rowIndex(spec, "Totalt");
    const total = spec.rows[totalRow - 1];
    expect(total.every((c) => c?.style === "total")).toBe(true);
    expect(total[1]).toMatchObject({ value: 2435.3, formula: "'Driftbudget'!B30" });
    expect(total[5]).toMatchObject({ value: 6.9, formula: "'Driftbudget'!F30" });
    expect(row(spec, "Individ- och familjeomsorg")[0]?.style).toBe("normal");
  });

  it("caches exactly what the formulas compute", () => {
    let checked = 0;
    for (const r of spec.rows)
      for (const cell of r)
        if (cell?.formula) {
          expect(evaluate(spec, cell.formula, snapshot)).toBeCloseTo(cell.value as number, 9);
          checked++;
        }
    expect(checked).toBeGreaterThan(80);
  });

  it("charts the deviation per verksamhetsområde without the varav rows", () => {
    expect(spec.charts).toHaveLength(1);
    const chart = spec.charts![0];
    expect(chart.kind).toBe("bar");
    const cats = chart.categories.split(":").map((a) => parseA1(a)!.row);
    const labels = spec.rows.slice(cats[0] - 1, cats[1]).map((r) => r[0]?.value);
    expect(labels).toEqual([
      "Nämnd och administration",
      "Individ- och familjeomsorg",
      "Stadsmiljöverksamhet",
      "avskrivningar",
      "internräntor",
      "Förskoleverksamhet",
      "Äldreomsorg",
      "Stöd och service till personer med funktionsnedsättning",
      "Barn, kultur och fritid",
      "Arbetsmarknadsåtgärder",
      "Ekonomiskt bistånd",
      "Övrig verksamhet",
    ]);
    const ifo = spec.rows[cats[0]][1];
    expect(ifo).toMatchObject({ value: 25.6 });
    // The chart's data block under the tables: names in A41:A52, deviations beside them.
    expect(chart.categories).toBe("A41:A52");
    expect(chart.series).toEqual([expect.objectContaining({ name: "Avvikelse", values: "B41:B52" })]);
  });

  it("writes values only when no workbook is at hand to prove the source numeric", () => {
    const bare = sheetOf("driftbudget", { generatedAt: "2021-09-15" } as typeof OPTIONS);
    const netto = row(bare, "Anslag för nämndens verksamhet (netto)");
    expect(netto[1]).toEqual({ value: 2435.3, format: "#,##0.0", style: "normal" });
    expect(netto[5]).toEqual({ value: 19.9, format: "#,##0.0", style: "normal" });
  });

  it("lists the budget figures evaluate computed", () => {
    const r = row(spec, "Budgetföljsamhet efter resultatöverföringar");
    expect(r[1]).toMatchObject({ value: 0.997, format: "0.0 %" });
    expect(r[2]).toMatchObject({ value: 1, format: "0 %" });
    expect(row(spec, "Prognossäkerhet")[2]?.value).toBe("+/- 1 %");
  });
});

describe("maluppfyllelse", () => {
  const spec = sheetOf("maluppfyllelse");

  it("lists every goal, indented by level, with stated and suggested assessment and counts", () => {
    const kf = row(
      spec,
      "KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
    );
    // The name is plain text (it pastes into Word); the link sits in Målkoll's own column.
    expect(kf[0]).toMatchObject({ indent: 1 });
    expect(kf[0]?.link).toBeUndefined();
    expect(kf[9]).toBeNull();
    expect(kf[10]).toMatchObject({ value: "Uppföljning!A4", link: { sheet: "Uppföljning", cell: "A4" } });
    expect(kf[1]).toMatchObject({ value: "◆ Uppfylls delvis", tone: "partial" });
    expect(kf[2]).toMatchObject({ value: "▲ Uppfylls ej", tone: "bad" });
    expect(texts(kf).slice(3, 9)).toEqual([1, 0, 3, 0, 1, 0]);
    const nm = row(spec, "Nämndmål: 1.1.1 Invånare i stadsdelsområdet försörjer sig själva");
    expect(nm[0]?.indent).toBe(2);
    const nm142 = row(
      spec,
      "Nämndmål: 1.4.2 Barn, unga och vuxna i behov av stöd får insatser av hög kvalitet.",
    );
    expect(nm142[0]?.indent).toBe(0);
    // Why its assessment is contradicted: on the row under it, across the city's columns.
    const comment = spec.rows[rowIndex(spec, nm142[0]!.value as string)];
    expect(comment).toEqual([
      expect.objectContaining({
        value: "Kommentar: Målet bedöms uppfyllas helt men två aktiviteter har avvikelse.",
        tone: "bad",
      }),
    ]);
    expect(
      row(
        spec,
        "KF:s mål för verksamhetsområdet: 1.5 I Stockholm har äldre en tillvaro som präglas av hög kvalitet, trygghet och självbestämmande",
      )[2]?.value,
    ).toBe("Saknas");
  });

  it("writes Avvikelser's Var as Excel writes a reference: a sheet name with a space quoted", () => {
    const result = makeResult();
    result.findings = result.findings.map((f) => ({
      ...f,
      sheet: f.sheet === "Uppföljning" ? "VB 2021" : f.sheet,
    }));
    result.model.indicators = result.model.indicators.map((i) => ({ ...i, sheet: "VB 2021" }));
    const spec = buildReport(result, OPTIONS).sheets.find((s) => s.key === "avvikelser")!;
    const links = spec.rows.flatMap((r) => (r[1]?.link ? [String(r[1].value)] : []));
    expect(links).toContain("'VB 2021'!F6");
    expect(links).toContain("Driftbudget!F15");
  });

  it("sizes Källa to its whole links (a host never breaks a link), and the table still fits the page", () => {
    // A goal sheet whose name has a space (`Mål T2`): a link wrapped at it would be cut at the page
    // edge, as LibreOffice prints a link on one line whatever the column.
    const result = makeResult();
    result.model.goals = result.model.goals.map((goal) => ({ ...goal, sheet: "Mål T2" }));
    const spec = buildReport(result, OPTIONS).sheets.find((s) => s.key === "maluppfyllelse")!;
    const header = rowIndex(spec, "Mål");
    expect(spec.rows[header - 1][10]?.value).toBe("Källa");
    const links = spec.rows.flatMap((r) => (r[10]?.link ? [r[10].value] : []));
    expect(links).toContain("'Mål T2'!A40");
    // Quoted as Excel writes it (`'Mål T2'!A40`, as the findings do). LibreOffice prints `Mål T2!A26` 42,4 pt wide at 9 pt (digits are equally wide); a cell's
    // padding takes 3,75 pt of Excel's 5,25 pt units.
    expect(spec.columnWidths[10] * 5.25 - 3.75).toBeGreaterThanOrEqual(42.4);
    // Every column, Källa included, within 770 pt of paper at LibreOffice's 5,55 pt per unit.
    expect(spec.columnWidths.reduce((a, b) => a + b, 0) * 5.55).toBeLessThanOrEqual(770);
  });

  it("charts indicator statuses as stacked bars, one chart per goal level, in the status colours", () => {
    // The fixture's goals with counted indicators: two KF mål and a nämndmål (its inriktningsmål
    // counts nothing, so it gets no chart).
    expect(spec.charts!.map((c) => c.title)).toEqual([
      "Indikatorer per status – KF:s mål för verksamhetsområdet",
      "Indikatorer per status – Nämndmål",
    ]);
    const kf = spec.charts![0];
    expect(kf.kind).toBe("stackedBar");
    expect(kf.integerAxis).toBe(true);
    expect(kf.series.map((s) => [s.name, s.colour])).toEqual([
      ["Uppfyllda", "5AA36A"],
      ["Delvis uppfyllda", "E8B92E"],
      ["Ej uppfyllda", "D0454C"],
      ["Ej mätta", "A6A6A6"],
    ]);
    // The categories are the KF mål only, each a reference to its counts in the table above, named
    // as far as the Mål column holds the name on one line (chartLabels.test.ts).
    const [first, last] = kf.categories.split(":").map((a) => parseA1(a)!.row);
    const names = spec.rows.slice(first - 1, last).map((r) => String(r[0]?.value));
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^1\.1 I Stockholm är människor självförsörj\S* .*…$/);
    expect(names[1]).toMatch(/^1\.5 I Stockholm har äldre en tillvaro som .*…$/);
    const table = rowIndex(
      spec,
      "KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
    );
    expect(kf.series[2].values).toBe(`F${first}:F${last}`);
    expect(spec.rows[first - 1][5]).toMatchObject({ value: 3, formula: `F${table}` });
    // The chart is drawn below its data, across the table's columns (inside the print width).
    expect(parseA1(kf.anchor.cell)!.row).toBeGreaterThan(last);
    expect(kf.anchor.widthCols).toBe(spec.columnWidths.length);
  });
});

describe("avvikelser", () => {
  it("gives an item the findings at its cells however far down (past Excel's last row) they sit", () => {
    const result = makeResult();
    const [first] = result.model.indicators;
    result.model.indicators[0] = { ...first, cells: { ...first.cells, analysis: "K2000000" } };
    result.findings = [
      ...result.findings,
      {
        ...result.findings[0],
        code: "analysis-missing",
        cell: "K2000000",
        range: undefined,
        message: "Långt ned saknas en analys.",
      },
    ];
    const spec = buildReport(result, OPTIONS).sheets.find((s) => s.key === "avvikelser")!;
    const rows = spec.rows.filter((r) => String(r[3]?.value ?? "").includes("Långt ned saknas en analys."));
    expect(rows).toHaveLength(1);
    expect(String(rows[0][3]?.value).startsWith(`${first.name}:`)).toBe(true);
  });

  const spec = sheetOf("avvikelser");
  const header = rowIndex(spec, "Typ");
  const body = spec.rows.slice(header);

  it("has the columns and one row per deviating item, in sheet and row order", () => {
    expect(texts(spec.rows[header - 1])).toEqual(["Typ", "Var", "Mål", "Vad avviker", "Analys", "Allvar"]);
    expect(body.map((r) => r[1]?.value)).toEqual([
      "Uppföljning!F6",
      // The row names its forecast against its targets first, the gender split's warning (B7) after.
      "Uppföljning!F7",
      "Uppföljning!F9",
      "Uppföljning!F11",
      "Uppföljning!A31",
      "Uppföljning!D33",
      "Uppföljning!A34",
      "Driftbudget!F15",
    ]);
    expect(body.map((r) => r[0]?.value)).toEqual([
      "Indikator",
      "Indikator",
      "Indikator",
      "Indikator",
      "Mål",
      "Aktivitet",
      "Aktivitet",
      "Budget",
    ]);
  });

  it("links to the source cell and names the goal", () => {
    const personer = body[1];
    expect(personer[1]).toMatchObject({ link: { sheet: "Uppföljning", cell: "F7" } });
    expect(personer[2]?.value).toBe(
      "1.1 I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
    );
    expect(personer[3]?.value).toContain("▲ Ej uppfyllt mot årsmål: Prognos 2,2 % mot 1,8 %.");
    expect(personer[3]?.value).toContain("Totalen 2,13 %");
    expect(body[7][3]?.value).toBe("Individ- och familjeomsorg: Avvikelsen 25,6 mnkr är större än tröskeln.");
    expect(personer[5]).toMatchObject({ value: "◆ Varning", tone: "partial" });
  });

  it("quotes the analysis or says it is missing", () => {
    expect(body[0][4]?.value).toMatch(/^På grund av pandemin/);
    expect(body[2][4]).toMatchObject({ value: "▲ Analys saknas", tone: "bad" });
    expect(body[6][4]).toMatchObject({ value: "▲ Analys saknas", tone: "bad" });
    // The budget row has budget-deviation-large alone, as a total its own rows explain has: only
    // analysis-missing says one is missing (check pairs it with the other where it is).
    expect(body[7][4]).toMatchObject({ value: "– Ingen analys", tone: "neutral" });
    expect(body[4][4]).toBeNull();
  });
});

describe("aktiviteter", () => {
  const spec = sheetOf("aktiviteter");

  it("lists activities per goal with real dates and marks deviations", () => {
    // The city's four columns, a blank one, then Målkoll's own.
    expect(words(row(spec, "Aktivitet"))).toEqual([
      "Aktivitet",
      "Startdatum",
      "Slutdatum",
      "Avvikelse",
      null,
      "Målkoll",
    ]);
    const missbruk = row(
      spec,
      "Missbruksvårdens öppenvård, Öppenvård sydost, ska under året starta samtalsgrupper med föräldrar som har barn under 18 år.",
    );
    expect(missbruk[1]).toMatchObject({ value: 44197, format: "yyyy-mm-dd" });
    expect(missbruk[2]).toMatchObject({ value: 44561, format: "yyyy-mm-dd" });
    expect(missbruk[3]).toMatchObject({ value: "Avvikelse", style: "normal" });
    expect(missbruk[3]?.tone).toBeUndefined();
    expect(missbruk[5]).toMatchObject({ value: "▲ Analys saknas", tone: "bad" });
    const heading = rowIndex(
      spec,
      "Nämndmål: 1.4.2 Barn, unga och vuxna i behov av stöd får insatser av hög kvalitet.",
    );
    // Alphabetical, an activity's Analys in a row under it (only Kollegial observation has one).
    expect(
      spec.rows.slice(heading + 1, heading + 5).map((r) => (r[0]?.value as string).slice(0, 12)),
    ).toEqual(["Inventering ", "Kollegial ob", "Analys: Koll", "Missbruksvår"]);
    const analysis = rowIndex(
      spec,
      "Analys: Kollegiala observationer har inte kunnat genomföras på grund av pandemin.",
    );
    expect(spec.merges).toContain(`A${analysis}:D${analysis}`);
  });
});

describe("flags and determinism", () => {
  it("flags each finding on a user's sheet, never on Målkoll's own sheets", () => {
    const result = makeResult();
    result.state.owned.push({ key: "indikatorer", name: "Målkoll Indikatorer", checksum: "" });
    result.findings.push({ ...result.findings[0], sheet: "Målkoll Indikatorer", cell: "B5" });
    const { flags } = buildReport(result, OPTIONS);
    expect(flags).toHaveLength(4);
    expect(flags[0]).toEqual({
      sheet: "Uppföljning",
      cell: "B7",
      severity: "warning",
      message: "Totalen 2,13 % ligger utanför männens och kvinnornas utfall (1,85 % och 1,96 %).",
    });
    expect(flags.some((f) => f.sheet === "Målkoll Indikatorer")).toBe(false);
  });

  it("gives the same output twice", () => {
    const a = buildReport(makeResult(), { generatedAt: "2021-09-15", snapshot: makeSnapshot() });
    const b = buildReport(makeResult(), { generatedAt: "2021-09-15", snapshot: makeSnapshot() });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.sheets.map((s) => s.key)).toEqual([
      "indikatorer",
      "maluppfyllelse",
      "driftbudget",
      "avvikelser",
      "aktiviteter",
    ]);
  });

  it("makes no sheet for an empty model: there is nothing to put in one", () => {
    const result = makeResult();
    result.model = {
      ...result.model,
      period: { kind: null, year: null, source: "none" },
      goals: [],
      indicators: [],
      activities: [],
      budget: [],
    };
    result.findings = [];
    result.derived = [];
    const out = buildReport(result);
    expect(out.sheets).toEqual([]);
    expect(out.flags).toEqual([]);
  });
});
