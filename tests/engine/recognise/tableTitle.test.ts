import * as fs from "fs";
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { recognise } from "../../../src/engine/recognise";
import { buildReport } from "../../../src/engine/report";
import { splitTables } from "../../../src/taskpane/state/wordTable";
import {
  RESURSENHETEN_NOTE,
  RESURSENHETEN_TITLE,
  resursenhetenBudgetSheet,
} from "../../fixtures/workbooks/resursenhetenBudget";
import {
  loadSeedFixture,
  plainSheet,
  seedFixtureDir,
  seedLineCells,
  seedLines,
  snapshotOf,
  textToSheet,
} from "../../helpers/seedGrid";

const budgetTables = (snapshot: ReturnType<typeof snapshotOf>) =>
  recognise(snapshot).tables.filter((t) => t.type !== "activities" && !t.type.startsWith("indicators"));

/** 002's whole-nämnd table (lines 1922–1929) with `note` written between its title and header. */
function namndWithNote(note: string) {
  const lines = seedLines(loadSeedFixture("002-t2-driftbudget")).slice(0, 9);
  lines[3] = note; // the blank line between `Uppföljning av driftbudget` and the header
  return budgetTables(snapshotOf(textToSheet("Ekonomi", lines.join("\n"))))[0];
}

describe("a budget table's title is its title, not a note on its figures under it", () => {
  test.each([
    "Belopp i mnkr. Underlag från Agresso per den 31 augusti.",
    "Källa: Agresso, utfall per augusti",
    "Underlag från månadsuppföljningen",
  ])("002's `Uppföljning av driftbudget` over %j", (note) => {
    const table = namndWithNote(note);
    expect(table.title).toBe("Uppföljning av driftbudget");
    expect(table.amountUnit).toBe("mnkr");
  });

  test("the walk's title merged over A1:F1 wins over its `Belopp i tkr. Underlag …` note", () => {
    const [table] = budgetTables(snapshotOf(resursenhetenBudgetSheet()));
    expect(table.title).toBe(RESURSENHETEN_TITLE);
    expect(table.amountUnit).toBe("tkr");
  });

  test("a sentence under a merged title, or one naming a table, is a note; under a bare name it stays the title", () => {
    const sentence = "Prognosen bygger på utfallet till och med augusti.";
    const edit = (rows: CellValue[][]) => (rows[1] = [sentence]);
    expect(budgetTables(snapshotOf(resursenhetenBudgetSheet(edit)))[0].title).toBe(RESURSENHETEN_TITLE);
    // Not merged, the title still names a table (`Driftbudget …`): the förskola walk's plan of
    // 8 December had `Intäkter anges med minustecken, kostnader utan.` under its `(tkr)` title.
    expect(budgetTables(snapshotOf(resursenhetenBudgetSheet(edit, [])))[0].title).toBe(RESURSENHETEN_TITLE);
    const underName = (rows: CellValue[][]) => {
      rows[0] = ["Resursenheten"];
      rows[1] = [sentence];
    };
    expect(budgetTables(snapshotOf(resursenhetenBudgetSheet(underName, [])))[0].title).toBe(sentence);
  });

  test("the unit a skipped note states still counts (`Belopp i tkr` over a `Verksamhet` header)", () => {
    // 002's first areas (lines 1938–1939) in tkr; the header says no unit, the note does.
    const areas = [1938, 1939].map((line) => seedLineCells("002-t2-driftbudget", line, [0]));
    const table = (note: string) =>
      budgetTables(
        snapshotOf(
          plainSheet("Ekonomi", [
            ["Driftbudget 2021"],
            [note],
            [],
            ["Verksamhet", "Budget 2021", "Begärda budgetjusteringar", "Prognos", "Avvikelse"],
            [...areas[0], 73_900, 0, 73_900, 0],
            [...areas[1], 290_300, 0, 265_500, 24_800],
          ]),
        ),
      )[0];
    expect(table("Belopp i tkr")).toMatchObject({ title: "Driftbudget 2021", amountUnit: "tkr" });
    // Said at the start of a longer note, too: no unit was read from it while it was the title.
    expect(table(RESURSENHETEN_NOTE)).toMatchObject({ title: "Driftbudget 2021", amountUnit: "tkr" });
  });

  test("the seeds' own budget tables keep their titles", () => {
    const titles: string[] = [];
    for (const file of fs
      .readdirSync(seedFixtureDir())
      .filter((f) => f.endsWith(".txt"))
      .sort()) {
      const sheet = textToSheet("S", loadSeedFixture(file));
      for (const t of budgetTables(snapshotOf(sheet)))
        titles.push(`${file} ${t.id} ${t.title} (${t.amountUnit})`);
    }
    expect(titles).toEqual([
      "002-t2-driftbudget.txt S!A5 Uppföljning av driftbudget (mnkr)",
      "002-t2-driftbudget.txt S!A16 Mnkr (mnkr)",
      "002-t2-investeringar.txt S!A5 Mnkr, netto (mnkr)",
      "002-t2-resultatenheter.txt S!A3 Resultatenheter (tkr)",
      "003-vp-budget.txt S!A5 Nämndens ekonomiska förutsättningar (mnkr)",
      "003-vp-budget.txt S!A33 Mnkr (mnkr)",
      ...[46, 57, 68, 81, 98, 109, 126, 143, 162, 181, 194, 205].map(
        (row) => `003-vp-budget.txt S!A${row} Ekonomiska förutsättningar (mnkr)`,
      ),
    ]);
  });
});

describe("Driftbudget and Kopiera tabell för Word name the walk's table by its title", () => {
  test("the table's heading is the title in A1, not the note in A2", () => {
    const snapshot = snapshotOf(resursenhetenBudgetSheet());
    const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
    const spec = buildReport(result, { snapshot, generatedAt: "2021-09-15" }).sheets.find(
      (s) => s.key === "driftbudget",
    )!;
    const headings = spec.rows.filter((r) => r[0]?.style === "heading").map((r) => r[0]?.value);
    expect(headings).toContain(RESURSENHETEN_TITLE);
    expect(headings).not.toContain(RESURSENHETEN_NOTE);
    const table = splitTables(spec).find((t) => t.rows.some((r) => r[0]?.value === "Netto"))!;
    expect(table.headings).toEqual([RESURSENHETEN_TITLE]);
  });
});

describe("a plan's budget table in a follow-up, under a long title (003 line 1801's table on a unit's T2 sheet)", () => {
  const TITLE = "Stöd och service till personer med funktionsnedsättning – ekonomiska förutsättningar";
  const text = [
    TITLE,
    "",
    "Mnkr\tVP 2022\tVP 2021\tBeräknad slutlig budget 2021\tPrognostiserat utfall 2021 (Okt)\tBokslut 2020",
    "Kostnader\t627,2\t611,7\t623,0\t624,0\t611,5",
    "Intäkter\t-94,0\t-93,2\t-97,2\t-97,2\t-102,2",
    "Netto\t533,2\t518,5\t525,8\t526,8\t509,3",
  ].join("\n");

  test("keeps its title of 84 characters; a sentence that long above a table is no title", () => {
    expect(TITLE).toHaveLength(84);
    expect(budgetTables(snapshotOf(textToSheet("Ekonomi T2", text)))[0].title).toBe(TITLE);
    const prose = `${TITLE} beskrivs nedan.`;
    const under = budgetTables(snapshotOf(textToSheet("Ekonomi T2", text.replace(TITLE, prose))))[0];
    expect(under.title).not.toBe(prose);
  });

  test("is printed in a T2's Driftbudget when it stands beside the follow-up's own tables: it was left out", () => {
    const followUp = [
      "Tkr\tBudget\tUtfall jan–aug\tPrognos helår\tAvvikelse",
      "Personalkostnader\t38 400\t25 900\t39 250\t-850",
      "Lokalkostnader\t6 100\t4 070\t6 100\t0",
      "",
      "",
    ].join("\n");
    const snapshot = snapshotOf(textToSheet("Ekonomi T2", `${followUp}\n${text}`));
    const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
    const spec = buildReport(result, { snapshot, generatedAt: "2021-09-15" }).sheets.find(
      (s) => s.key === "driftbudget",
    )!;
    const values = spec.rows.map((r) => r.map((c) => c?.value ?? null));
    const heading = values.findIndex((r) => r[0] === TITLE);
    expect(heading).toBeGreaterThan(0);
    expect(values[heading + 1].map((v) => (typeof v === "string" ? v.replace(/\s+/g, " ") : v))).toEqual([
      "Mnkr",
      "VP 2022",
      "VP 2021",
      "Beräknad slutlig budget 2021",
      "Prognostiserat utfall 2021 (Okt)",
      "Bokslut 2020",
    ]);
    expect(values[heading + 4]).toEqual(["Netto", 533.2, 518.5, 525.8, 526.8, 509.3]);
    expect(spec.rows[heading + 4][0]?.style).toBe("total");
  });

  test("on the plan's own sheet in a T2 workbook it is not printed, and a line says so", () => {
    const snapshot = snapshotOf(textToSheet("VP 2022", text));
    const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
    const spec = buildReport(result, { snapshot, generatedAt: "2021-09-15" }).sheets.find(
      (s) => s.key === "driftbudget",
    )!;
    const values = spec.rows.map((r) => r[0]?.value);
    expect(values).not.toContain(TITLE);
    expect(values).toContain(
      "Planens budgettabell på bladet ”VP 2022” tas inte med i uppföljningen: skapa planens tabeller med perioden VP.",
    );
  });
});

describe("a line about who wrote the sheet is no table's title (the förskola walk's A2)", () => {
  const TITLE = "Förskoleenheten Solrosen – uppföljning tertial 2 2021";
  const titleUnder = (line: string) =>
    budgetTables(
      snapshotOf(
        plainSheet("T2 2021", [
          [TITLE],
          [line],
          [],
          ["Tkr", "Budget 2021", "Prognos helår", "Avvikelse"],
          ["Personalkostnader", 38_400, 39_250, -850],
          ["Lokalkostnader", 6_100, 6_100, 0],
        ]),
      ),
    )[0].title;

  test.each([
    "Enskede-Årsta-Vantörs stadsdelsförvaltning, avdelning förskola. Senast ändrad 3/9 /Maria",
    "Senast uppdaterad 2021-08-31",
    "Avdelning förskola, uppdaterad 31/8",
    "Enheten för förskola i Enskede. Siffrorna är preliminära",
  ])("the title above %j is the title", (line) => expect(titleUnder(line)).toBe(TITLE));

  test("a title that is a name of a few words, or holds `m.m.`, stays the title", () => {
    expect(titleUnder("Lokaler m.m. per enhet")).toBe("Lokaler m.m. per enhet");
    expect(titleUnder("Ekonomi T2 2021 (tkr)")).toBe("Ekonomi T2 2021 (tkr)");
  });

  test.each([
    "3. Investeringar",
    "Tabell 4. Investeringar T2 2021",
    "Investeringar avd. Park",
    "Driftbudget inkl. BJ",
  ])("a numbered or abbreviated title %j is no second sentence (the review of December)", (title) =>
    expect(titleUnder(title)).toBe(title),
  );

  test("a title with a stamp after it is the title before the stamp", () => {
    expect(titleUnder("Driftbudget T2 2021 (tkr). Uppdaterad 31/8")).toBe("Driftbudget T2 2021 (tkr)");
  });
});

describe("a `Period | T2 2021` row between a budget table's title and its header (the review of 8 December)", () => {
  test("is passed over: the title and its note's unit still count", () => {
    // 002's Intäkter and Kostnader rows (lines 1927–1928) in kronor.
    const [income, costs] = [1927, 1928].map((line) => seedLineCells("002-t2-driftbudget", line, [0])[0]);
    const [table] = budgetTables(
      snapshotOf(
        plainSheet("Budget", [
          ["Driftbudget T2 2021 – Resursenheten"],
          ["Beloppen anges i kronor."],
          ["Period", "T2 2021"],
          [],
          ["Kostnadsslag", "Budget 2021", "Prognos helår 2021", "Avvikelse"],
          [income, -489_400_000, -515_300_000, 25_900_000],
          [costs, 2_924_700_000, 2_962_400_000, -37_700_000],
        ]),
      ),
    );
    expect(table).toMatchObject({ title: "Driftbudget T2 2021 – Resursenheten", amountUnit: "kr" });
  });
});
