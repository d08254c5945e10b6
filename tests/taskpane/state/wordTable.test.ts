import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { SheetBuilder } from "../../../src/engine/report/layout";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { textCell } from "../../../src/engine/report/spec";
import {
  cellText,
  copyTableToClipboard,
  splitTables,
  tableChoices,
  tableToHtml,
  tableToText,
} from "../../../src/taskpane/state/wordTable";
import { formatSwedishNumber } from "../../../src/taskpane/state/swedishNumber";
import { loadSeedFixture, seedLines, seedLineText, seedSheet, snapshotOf } from "../../helpers/seedGrid";

const sp = (s: string) => s.replace(/\u00a0/g, " ");

describe("Word tables", () => {
  test("numbers are written the Swedish report way", () => {
    expect(sp(formatSwedishNumber(2435.3, "#,##0.0"))).toBe("2 435,3");
    expect(sp(formatSwedishNumber(-489.4, "#,##0.0"))).toBe("-489,4");
    expect(sp(formatSwedishNumber(0.041, "0.0 %"))).toBe("4,1 %");
    expect(sp(formatSwedishNumber(103955, "#,##0"))).toBe("103 955");
    expect(sp(formatSwedishNumber(-0.04, "#,##0.0"))).toBe("0,0");
    expect(formatSwedishNumber(2021)).toBe("2021");
    expect(formatSwedishNumber(0.1 + 0.2)).toBe("0,3");
  });

  test("a cell keeps what its format adds: units, a target's prefix, dates", () => {
    // The formats the report writes (report/format.ts) for `21 st`, `Max 10 personer`, an activity's date.
    expect(sp(cellText({ value: 21, format: '#,##0 "st"' }))).toBe("21 st");
    expect(sp(cellText({ value: 9000, format: '#,##0 "st"' }))).toBe("9 000 st");
    expect(sp(cellText({ value: 10, format: '"Max "#,##0 "personer"' }))).toBe("Max 10 personer");
    expect(sp(cellText({ value: 1945.5, format: '#,##0.0 "GWh"' }))).toBe("1 945,5 GWh");
    expect(cellText({ value: 44439, format: "yyyy-mm-dd" })).toBe("2021-08-31");
    expect(sp(cellText({ value: 0.041, format: "0.0 %" }))).toBe("4,1 %");
    // A unit holding `%` is text in its format: the value is not scaled (`2,5 %-enheter`).
    expect(sp(cellText({ value: 2.5, format: '#,##0.0 "%-enheter"' }))).toBe("2,5 %-enheter");
    // Word must not break a number or its unit over two lines.
    expect(cellText({ value: 9000, format: '#,##0 "st"' })).toBe("9\u00a0000\u00a0st");
  });

  const spec: SheetSpec = {
    key: "driftbudget",
    columnWidths: [],
    rows: [
      [{ value: "Målkoll – Driftbudget", style: "title" }],
      [],
      [{ value: "Per verksamhetsområde", style: "heading" }],
      [
        { value: "Mnkr", style: "header" },
        { value: "Budget", style: "header" },
      ],
      [{ value: "Individ- och familjeomsorg" }, { value: 290.3, format: "#,##0.0" }],
      [
        { value: "varav socialpsykiatri", style: "varav" },
        { value: 66.4, format: "#,##0.0" },
      ],
      [
        { value: "Totalt", style: "total" },
        { value: 2435.3, format: "#,##0.0", formula: "SUM(B5:B5)" },
      ],
      [null, null],
      [{ value: "Nästa <tabell>", style: "heading" }],
      [{ value: "A", style: "header" }],
      [{ value: "x & y" }],
    ],
  };

  test("a generated sheet splits into its tables, each named by the headings above, not by the sheet's title", () => {
    const tables = splitTables(spec);
    expect(tables.map((t) => t.headings)).toEqual([["Per verksamhetsområde"], ["Nästa <tabell>"]]);
    expect(tables[0].rows).toHaveLength(4);
  });

  test("a block without a header row (the sheet's title and note) is no table", () => {
    const titled: SheetSpec = {
      key: "avvikelser",
      columnWidths: [],
      rows: [
        [{ value: "Målkoll – Avvikelser T2 2021", style: "title" }],
        [{ value: "Skapad av Målkoll 2021-09-15 från bok.xlsx", style: "note" }],
        [],
        [{ value: "Fynd", style: "header" }],
        [{ value: "Analys saknas" }],
      ],
    };
    expect(splitTables(titled).map((t) => [t.headings, t.rows.length])).toEqual([[[], 2]]);
  });

  test("the Word list: short labels, the sheet's kind first, then the table's own heading", () => {
    const sheet = (name: string, heading: string): { name: string; spec: SheetSpec } => ({
      name,
      spec: {
        key: "indikatorer",
        columnWidths: [],
        rows: [
          [{ value: `Målkoll – ${name}`, style: "title" }],
          [],
          [{ value: heading, style: "heading" }],
          [{ value: "Indikator", style: "header" }],
          [{ value: "Andel" }],
        ],
      },
    });
    const choices = tableChoices([
      sheet(
        "Målkoll Indikatorer",
        "KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande",
      ),
      sheet("Målkoll Aktiviteter", "Nämndmål: 1.1.1 Invånare i stadsdelsområdet försörjer sig själva"),
      sheet("Målkoll Aktiviteter (2)", "Enhetsmål: Enheten är en god arbetsgivare"),
    ]);
    expect(choices.map((c) => [c.sheet, c.label])).toEqual([
      ["Målkoll Indikatorer", "Indikatorer · KF-mål 1.1 I Stockholm är människor självförsörjande"],
      [
        "Målkoll Aktiviteter",
        "Aktiviteter · Nämndmål 1.1.1 Invånare i stadsdelsområdet försörjer sig själva",
      ],
      // A goal without a number by its title: the word `Enhetsmål` would fill what the list shows.
      ["Målkoll Aktiviteter (2)", "Aktiviteter (2) · Enheten är en god arbetsgivare"],
    ]);
    expect(choices.map((c) => c.heading)).toEqual([
      "KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande",
      "Nämndmål: 1.1.1 Invånare i stadsdelsområdet försörjer sig själva",
      "Enhetsmål: Enheten är en god arbetsgivare",
    ]);
  });

  /** A generated sheet with one small table under each heading, as Indikatorer writes a unit's goals. */
  function goalTables(name: string, headings: string[]): { name: string; spec: SheetSpec } {
    const rows: SheetSpec["rows"] = [[{ value: `Målkoll – ${name}`, style: "title" }], []];
    for (const heading of headings)
      rows.push(
        [{ value: heading, style: "heading" }],
        [{ value: "Indikator", style: "header" }],
        [{ value: "Sjukfrånvaro" }],
        [],
      );
    return { name, spec: { key: "indikatorer", columnWidths: [], rows } };
  }

  /** What a 350 px pane shows of a label in the closed list, about (Chromium, Segoe UI/Carlito 14 px). */
  const SHOWN = 34;

  test("the Word list tells a unit's goals without numbers apart within what the pane shows", () => {
    // 000's five Enhetsmål (lines 126, 167, 269, 307, 344): three start `Resursenhete…`.
    const headings = [126, 167, 269, 307, 344].map((line) => seedLineText("000-vb-hela", line));
    const labels = tableChoices([goalTables("Målkoll Indikatorer", headings)]).map((c) => c.label);
    expect(labels).toEqual([
      "Indikatorer · Gruppen är en tillgång där varje barn har sin självklara plats, ges utrymme och blir lyssnad på.",
      expect.stringMatching(/^Indikatorer · Varje barn i Hägersten-Älvsjös förskolor/),
      "Indikatorer · Resursenheten gör medvetna val för att ansvara för miljön.",
      "Indikatorer · Resursenhetens budget är i balans",
      "Indikatorer · Resursenheten har en välfungerande arbetsmiljö.",
    ]);
    expect(new Set(labels.map((l) => l.slice(0, SHOWN))).size).toBe(labels.length);
  });

  test("headings that share their first words past what the pane shows are labelled by what differs", () => {
    // 000 lines 363 and 379: two Nämndmål, both `Stadsdelsnämndens verksamheter …`.
    const headings = [363, 379].map((line) => seedLineText("000-vb-hela", line));
    const choices = tableChoices([goalTables("Målkoll Indikatorer", headings)]);
    expect(choices.map((c) => c.label)).toEqual([
      "Indikatorer · … arbetar kostnadseffektivt med fokus på resultat för invånarna",
      "Indikatorer · … är innovativa och tillvaratar digitaliseringens möjligheter",
    ]);
    expect(new Set(choices.map((c) => c.label.slice(0, SHOWN))).size).toBe(2);
    // The heading in full is there to show beside the list.
    expect(choices[0].heading).toBe(headings[0]);
  });

  test("Word gets the city's columns of a table once: no header copies, no Målkoll columns, no chart data", () => {
    // As the report writes Indikatorer: a header with written-in line breaks, Målkoll's status after
    // a blank column, a copy of the header at a page break, and a block of chart references.
    const header = [
      { value: "Indikator", style: "header" as const },
      { value: "Prognos\nhelår", style: "header" as const },
      null,
      { value: "Status", style: "ownHeader" as const },
    ];
    const printed: SheetSpec = {
      key: "indikatorer",
      columnWidths: [],
      rows: [
        [{ value: "KF-mål 1.1", style: "heading" }],
        header,
        [
          { value: "Andel barn" },
          { value: 0.04, format: "0 %" },
          null,
          { value: "▲ Ej uppfyllt", tone: "bad" },
        ],
        header.map((c) => (c ? { ...c } : null)),
        [{ value: "Antal aspiranter" }, { value: 44 }, null, { value: "● Uppfyllt", tone: "good" }],
        [],
        [{ value: "Diagramunderlag: KF-mål", style: "heading" }],
        [{ value: "Mål", style: "header" }],
        [{ value: "1.1", formula: "A2" }],
      ],
      tables: [
        { heading: 1, header: 2, first: 3, last: 5 },
        { heading: 7, header: 8, first: 9, last: 9, purpose: "chart-data" },
      ],
    };
    const tables = splitTables(printed);
    expect(tables.map((t) => t.headings)).toEqual([["KF-mål 1.1"]]);
    expect(sp(tableToText(tables[0])).split("\n")).toEqual([
      "KF-mål 1.1",
      "Indikator\tPrognos helår",
      "Andel barn\t4 %",
      "Antal aspiranter\t44",
    ]);
  });

  test("HTML has bold header and totals, italic varav, right-aligned numbers, escaped text", () => {
    const [first, second] = splitTables(spec);
    const html = sp(tableToHtml(first));
    expect(html).toContain("<th");
    expect(html).toContain("<b>Totalt</b>");
    expect(html).toContain("<b>2 435,3</b>");
    expect(html).toContain("<i>varav socialpsykiatri</i>");
    expect(html).toMatch(/text-align:right;[^>]*>290,3/);
    expect(tableToHtml(second)).toContain("Nästa &lt;tabell&gt;");
    expect(tableToHtml(second)).toContain("x &amp; y");
    expect(sp(tableToText(first)).split("\n")[4]).toBe("Totalt\t2 435,3");
  });

  test("the clipboard gets HTML and plain text", async () => {
    const written: Record<string, Blob>[] = [];
    class FakeItem {
      constructor(readonly items: Record<string, Blob>) {
        written.push(items);
      }
    }
    (globalThis as unknown as { ClipboardItem: unknown }).ClipboardItem = FakeItem;
    if (typeof Blob === "undefined") throw new Error("Blob missing");
    const clipboard = { write: jest.fn(async () => undefined), writeText: jest.fn() } as unknown as Clipboard;
    await copyTableToClipboard(splitTables(spec)[0], clipboard);
    expect(Object.keys(written[0]).sort()).toEqual(["text/html", "text/plain"]);
    expect(await written[0]["text/html"].text()).toContain("<table");
    delete (globalThis as unknown as { ClipboardItem?: unknown }).ClipboardItem;
  });
});

describe("Word tables from a generated Indikatorer sheet (002 KF mål 1.1)", () => {
  it("an indicator's Analys row is one cell across the table, as the report prints it", () => {
    const snapshot = snapshotOf(seedSheet("002-t2-kf-1.1", "Uppföljning"));
    const spec = buildReport(check(snapshot), { snapshot, generatedAt: new Date("2021-09-15T10:00:00Z") })
      .sheets[0];
    const table = splitTables(spec).find((t) =>
      t.rows.some((r) => String(r[0]?.value).startsWith("Analys:")),
    )!;
    const html = tableToHtml(table);
    const analysisRows = html.split("<tr>").filter((tr) => tr.includes("Analys:"));
    expect(analysisRows.length).toBeGreaterThan(0);
    for (const tr of analysisRows) {
      expect(tr).toMatch(/^<td colspan="9" [^>]*>Analys: /);
      expect(tr.match(/<td/g)).toHaveLength(1);
    }
    // Other rows keep a cell per column.
    const barn = html.split("<tr>").find((tr) => tr.includes("Andel barn som lever i familjer"))!;
    expect(barn.match(/<td/g)).toHaveLength(9);
  });
});

describe("Word tables from the generated Driftbudget's Resultatenheter (002 lines 2242–2270)", () => {
  const snapshot = snapshotOf(seedSheet("002-t2-resultatenheter", "Resultatenheter"));
  const spec = buildReport(check(snapshot, { period: { kind: "T2", year: 2021 } }), { snapshot }).sheets.find(
    (s) => s.key === "driftbudget",
  )!;
  const table = splitTables(spec).find((t) => t.headings.includes("Resultatenheter"))!;

  it("copies each group's name bold in its own row, the units' figures as the report writes them", () => {
    const html = tableToHtml(table);
    const row = (label: string) => html.split("<tr>").find((tr) => tr.includes(`>${label}<`))!;
    expect(row("<b>Äldreomsorgen</b>").match(/<td/g)).toHaveLength(7);
    expect(row("<b>Summa resultatenheter</b>")).toContain("<b>1\u00a0040\u00a0008</b>");
    expect(tableToText(table).split("\n")).toContain(
      "Gruppboendestäder Enskede-Årsta-Vantör\t103\u00a0955\t5\u00a0198\t-8\u00a0718\t-2\u00a0464\tja\t10\u00a0396",
    );
  });

  it("is ruled as the sheet is: a line under the header and over each total, none between body rows, at 9 pt", () => {
    const html = tableToHtml(table);
    expect(html).toMatch(/^<p><b>[^<]*<\/b><\/p><table style="[^"]*font-size:9pt">/);
    expect(html).not.toContain("border:1px");
    const rows = html.split("<tr>").slice(1);
    const cellsOf = (tr: string) => tr.match(/<t[dh] style="[^"]*"/g)!;
    const header = rows.find((tr) => tr.startsWith("<th"))!;
    // Every cell of the header row, the empty ones too, so the line runs the table's width.
    for (const cell of cellsOf(header)) expect(cell).toContain("border-bottom:1px solid #808080;");
    const total = rows.find((tr) => tr.includes("<b>Summa resultatenheter</b>"))!;
    for (const cell of cellsOf(total)) expect(cell).toContain("border-top:1px solid #808080;");
    const unit = rows.find((tr) => tr.includes(">Gruppboendestäder Enskede-Årsta-Vantör<"))!;
    expect(unit).not.toContain("border");
  });
});

describe("Word tables: a header the layout broke inside a word pastes as one text (002 line 1925)", () => {
  /** 002's nämnd table header (seed line 1925), its cells as the seed has them. */
  const seedHeader = seedLines(loadSeedFixture("002-t2-driftbudget")).find((l) =>
    l.startsWith("Mnkr\tBudget 2021 (nämndbudget"),
  )!;

  it("rejoins a word broken at a soft hyphen, and keeps a real hyphen's space (the generated nämnd table)", () => {
    const snapshot = snapshotOf(seedSheet("002-t2-driftbudget", "Driftbudget"));
    const spec = buildReport(check(snapshot, { period: { kind: "T2", year: 2021 } }), {
      snapshot,
    }).sheets.find((s) => s.key === "driftbudget")!;
    const table = splitTables(spec).find((t) => t.headings.includes("Driftbudget, hela nämnden"))!;
    // The sheet prints `budget-` at a line's end where the soft hyphen broke it.
    const printed = table.rows[0].map((c) => c?.value);
    expect(printed[2]).toMatch(/^Begärda budget-\njusteringar/);
    expect(printed[3]).toMatch(/^Prestations- och\n/);
    const pasted = [
      "Mnkr",
      "Budget 2021 (nämndbudget efter beslutade BJ)",
      "Begärda budgetjusteringar (begärda BJ tertiarapport)",
      "Prestations- och omslutningsförändringar (begärda/förvänt ade)",
      "Prognos Tertial/2021 (inkl. budgetjusteringar, prestationsförändringar, omslutningsförändringar)",
      "Avvikelse (avvikelse från Agresso, som nämnden analyserar)",
    ];
    expect(tableToText(table).split("\n")[1].split("\t")).toEqual(pasted);
    const html = tableToHtml(table);
    for (const text of pasted) expect(html).toContain(`<b>${text}</b>`);
  });

  it("rejoins the Prognos header broken at `budget-` in a narrow column, and `Tertial/` broken after its slash", () => {
    // The seed's cell as the report joins its broken words: a soft hyphen where it has `budget- justeringar`.
    const prognos =
      "Prognos Tertial/2021 (inkl. budget\u00ADjusteringar, prestations\u00ADförändringar, omslutnings\u00ADförändringar)";
    expect(seedHeader.split("\t")[4]).toBe(prognos.replace(/\u00AD/g, "- "));
    const sheet = new SheetBuilder("driftbudget", [{ kind: "text", min: 70, max: 70 }]);
    sheet.startTable([textCell(prognos, "header")]);
    sheet.add([textCell("Anslag för nämndens verksamhet (netto)")]);
    const spec = sheet.build();
    expect(spec.rows[0][0]?.value).toBe(
      "Prognos Tertial/\n2021 (inkl.\nbudget-\njusteringar,\nprestations-\nförändringar,\nomslutnings-\nförändringar)",
    );
    const [table] = splitTables(spec);
    expect(tableToText(table).split("\n")[0]).toBe(
      "Prognos Tertial/2021 (inkl. budgetjusteringar, prestationsförändringar, omslutningsförändringar)",
    );
  });

  it("a header broken at spaces only needs nothing kept: its lines join with spaces", () => {
    const sheet = new SheetBuilder("driftbudget", [{ kind: "text", min: 70, max: 70 }]);
    sheet.startTable([textCell("Avvikelse (avvikelse från Agresso, som nämnden analyserar)", "header")]);
    sheet.add([textCell("Intäkter")]);
    const spec = sheet.build();
    expect(String(spec.rows[0][0]?.value)).toContain("\n");
    expect(spec.unbrokenHeaders).toBeUndefined();
    expect(tableToText(splitTables(spec)[0]).split("\n")[0]).toBe(
      "Avvikelse (avvikelse från Agresso, som nämnden analyserar)",
    );
  });
});

describe("Word tables from 004's unit VB (lines 380–484): as the published report has them", () => {
  const snapshot = snapshotOf(seedSheet("004-vb-kf-3.2-sjukfranvaro", "VB 2020"));
  const report = buildReport(check(snapshot, { period: { kind: "VB", year: 2020 } }), {
    snapshot,
    generatedAt: new Date("2021-01-20T10:00:00Z"),
  });
  const sheet = (key: SheetSpec["key"]) => report.sheets.find((s) => s.key === key)!;
  const only = (key: SheetSpec["key"]) => {
    const tables = splitTables(sheet(key));
    expect(tables).toHaveLength(1);
    return tables[0];
  };
  /** The paragraphs Word gets above the table. */
  const paragraphs = (html: string) =>
    [...html.slice(0, html.indexOf("<table")).matchAll(/<p[^>]*>(.*?)<\/p>/g)].map((m) =>
      m[1].replace(/<\/?b>/g, ""),
    );
  const kf =
    "KF:s mål för verksamhetsområdet: 3.2. Stockholm använder skattemedlen effektivt till största nytta för stockholmarna";
  const nm = "Nämndmål: Stadsdelsnämnden är en attraktiv arbetsgivare som erbjuder en god arbetsmiljö";
  const em = "Enhetsmål: Enheten är en god arbetsgivare och dess verksamheter erbjuder en god arbetsmiljö";

  it("each goal heading is its own line above the table, KF mål first, without the sheet's Målkoll title", () => {
    // 004 lines 389–470: KF:s mål, Nämndmål and Enhetsmål each on lines of their own.
    const indicators = only("indikatorer");
    const html = tableToHtml(indicators);
    expect(html.startsWith("<p")).toBe(true);
    expect(paragraphs(html)).toEqual([kf, nm, em]);
    expect(html).not.toContain("Målkoll");
    expect(tableToText(indicators).split("\n").slice(0, 4)).toEqual([
      kf,
      nm,
      em,
      "Indikator\tPeriodens utfall\tUtfall män/ pojkar\tUtfall kvinnor/ flickor\tPeriodens utfall VB 2019\tPrognos helår\tÅrsmål\tKF:s årsmål\tPeriod",
    ]);
    expect(paragraphs(tableToHtml(only("aktiviteter")))).toEqual([em]);
    // A table with only the sheet's title above it pastes as the table alone.
    const goals = only("maluppfyllelse");
    expect(tableToHtml(goals).startsWith("<table")).toBe(true);
    expect(tableToText(goals).split("\n")[0]).toMatch(/^Mål\tAngiven bedömning\t/);
  });

  it("leaves out Målkoll's Kommentar on a contradicted assessment, which stays on the sheet", () => {
    // 004 line 402 (4,6 % against 2,3 %) under an Enhetsmål marked `Uppfylls helt` (line 470).
    const onSheet = sheet("maluppfyllelse").rows.map((r) => String(r[0]?.value ?? ""));
    expect(onSheet.some((v) => v.startsWith("Kommentar: Målet bedöms ”Uppfylls helt”"))).toBe(true);
    const goals = only("maluppfyllelse");
    expect(tableToHtml(goals)).not.toContain("Kommentar");
    expect(tableToText(goals)).not.toContain("Kommentar");
    expect(
      tableToText(goals)
        .split("\n")
        .map((l) => l.split("\t")[0]),
    ).toEqual(["Mål", kf, nm, em]);
    // An indicator's Analys, merged across the table the same way, is the report's: it stays.
    expect(tableToHtml(only("indikatorer"))).toMatch(
      /<td colspan="9" [^>]*>Analys: Sjukfrånvaron på en rullande/,
    );
  });

  it("the header row is filled and aligned as on the sheet: blue, right-aligned over figures", () => {
    const header = (html: string) =>
      [...html.matchAll(/<th style="([^"]*)"><b>(.*?)<\/b><\/th>/g)].map((m) => [m[2], m[1]]);
    const indicators = header(tableToHtml(only("indikatorer")));
    expect(indicators).toHaveLength(9);
    for (const [, style] of indicators) expect(style).toContain("background:#D9E1F2;");
    const align = (cells: string[][]) =>
      cells.map(([text, style]) => [text, /text-align:(\w+)/.exec(style)![1]]);
    expect(align(indicators)).toEqual([
      ["Indikator", "left"],
      ["Periodens utfall", "right"],
      ["Utfall män/ pojkar", "left"],
      ["Utfall kvinnor/ flickor", "left"],
      ["Periodens utfall VB 2019", "right"],
      ["Prognos helår", "left"],
      ["Årsmål", "right"],
      ["KF:s årsmål", "left"],
      ["Period", "left"],
    ]);
    // The sheet's header over the counts and over the dates is right-aligned too.
    expect(align(header(tableToHtml(only("maluppfyllelse")))).map(([, a]) => a)).toEqual([
      "left",
      "left",
      "left",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
    ]);
    expect(align(header(tableToHtml(only("aktiviteter"))))).toEqual([
      ["Aktivitet", "left"],
      ["Startdatum", "right"],
      ["Slutdatum", "right"],
      ["Avvikelse", "left"],
    ]);
  });
});
