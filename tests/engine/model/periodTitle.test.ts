import { check } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { periodOfTitle } from "../../../src/engine/recognise/periodTitle";
import { loadSeedFixture, plainSheet, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";

/** The seed's lines of a fixture as one text (no `# source:` line). */
const seedText = (file: string) => seedLines(loadSeedFixture(file)).join("\n");

/** A budget sheet: `above` lines, then 002's Driftbudget table (no Period cell anywhere). */
function budgetSheet(above: string[]): SheetGrid {
  return textToSheet("Ekonomi", [...above, seedText("002-t2-driftbudget")].join("\n"));
}

describe("a title names the period", () => {
  test.each([
    [seedText("002-t2-titel"), "Tertial 2 2021"],
    [seedText("004-vb-titel"), "VB 2020"],
    [seedText("000-vb-titel"), "VB 2021"],
    ["Tertial 2 2021", "Tertial 2 2021"],
    ["T1 2022", "Tertial 1 2022"],
    ["Tertialrapport 1, 2022 – ekonomi", "Tertial 1 2022"],
    ["  Verksamhetsberättelse  2020 ", "VB 2020"],
    // An IFO unit's sheets (the unit-manager walk of December): `Uppföljning` before the tertial.
    ["Uppföljning T1 2021 – Barn och unga myndighet", "Tertial 1 2021"],
    ["Tertialuppföljning T1 2021 – Barn och unga myndighet", "Tertial 1 2021"],
    ["Uppföljning tertial 2 2021 för Barn och unga", "Tertial 2 2021"],
    ["Rapport för T2 2021", "Tertial 2 2021"],
    // What is followed up before it (the review of 7 December: the budget sheet named no period).
    ["Ekonomisk uppföljning T2 2021 – Resursenheten", "Tertial 2 2021"],
    ["Budgetuppföljning T1 2026", "Tertial 1 2026"],
    // A plan's title names its year (only a plan's year: VP is never the period judged).
    [seedText("003-vp-titel"), "VP 2022"],
    ["Verksamhetsplan 2021 – Resursenheten, Hägersten-Älvsjö", "VP 2021"],
  ])("%s → %s", (title, period) => {
    expect(periodOfTitle(title)).toBe(period);
  });

  test.each([
    // 002's Driftbudget header: `Tertial/2021` names no tertial.
    "Prognos Tertial/2021 (inkl. budget- justeringar, prestations- förändringar, omslutnings- förändringar)",
    // 002's decision: the period is not where a title starts.
    "1. Enskede-Årsta-Vantörs stadsdelsnämnd godkänner tertialrapport 2 år 2021 inklusive bilagor",
    "Verksamhetsplanen 2021 beslutades i december",
    "Tertial 2",
    "Tertial 3 2021",
    "T2 20215",
    // Sentences that start with a period are no titles.
    "Bokslut 2020 visade ett underskott på 2,1 mnkr",
    // The second review of 7 December: a line of a VB's text.
    "Ekonomisk uppföljning T2 2021: prognosen visade ett underskott på 300 tkr",
    "Tertial 1 2021 präglades av pandemin",
    "Uppföljning 2021 – Barn och unga",
    "Uppföljning T1 2021 visade att fler barn fick stöd",
  ])("%s → none", (text) => {
    expect(periodOfTitle(text)).toBeNull();
  });
});

describe("the period from a title", () => {
  test("a budget-only workbook under 002's title is judged for T2 2021, read from the title cell", () => {
    const r = check(snapshotOf(budgetSheet([seedText("002-t2-titel"), ""])));
    expect(r.model.period).toEqual({ kind: "T2", year: 2021, source: "cell" });
    expect(r.recognition.periodCells).toEqual([
      { sheet: "Ekonomi", cell: "A1", text: "Tertial 2 2021", title: true },
    ]);
    expect(r.findings.filter((f) => f.code === "period-unknown")).toEqual([]);
  });

  test("without the title the same workbook has no period", () => {
    const r = check(snapshotOf(budgetSheet([])));
    expect(r.model.period).toEqual({ kind: null, year: null, source: "none" });
    expect(r.findings.filter((f) => f.code === "period-unknown")).toHaveLength(1);
  });

  test("003's plan budget keeps VP: its `Bokslut 2020` header in row 5 has neighbours, so it is no title", () => {
    const r = check(snapshotOf(textToSheet("Ekonomi", loadSeedFixture("003-vp-budget"))));
    expect(r.recognition.periodCells).toEqual([]);
    expect(r.model.period).toEqual({ kind: "VP", year: 2022, source: "plan" });
  });

  test("a plan's title gives the plan its year where no column header does (003's indicators under its title)", () => {
    const indicators = seedText("003-vp-kf-3.2-indikatorer");
    const untitled = check(snapshotOf(textToSheet("Mål", indicators)));
    expect(untitled.model.period).toEqual({ kind: "VP", year: null, source: "plan" });
    const titled = check(
      snapshotOf(textToSheet("Mål", [seedText("003-vp-titel"), "", indicators].join("\n"))),
    );
    expect(titled.model.period).toEqual({ kind: "VP", year: 2022, source: "plan" });
  });

  test("a plan's title in a follow-up is no period to judge by: 002's budget under it has none", () => {
    const r = check(snapshotOf(budgetSheet([seedText("003-vp-titel"), ""])));
    expect(r.model.period.kind).toBeNull();
  });

  test("a workbook of plan tables is a plan whatever its title says", () => {
    const r = check(
      snapshotOf(textToSheet("Ekonomi", [seedText("004-vb-titel"), seedText("003-vp-budget")].join("\n"))),
    );
    expect(r.model.period).toEqual({ kind: "VP", year: 2022, source: "plan" });
  });

  test("only a visible sheet's title counts: a hidden list of periods (a drop-down's choices) is none", () => {
    const list: SheetGrid = {
      ...plainSheet("Listor", [["T1 2022"], ["T2 2022"], ["VB 2022"]]),
      visibility: "hidden",
    };
    const r = check(snapshotOf(budgetSheet([]), list));
    expect(r.model.period.kind).toBeNull();
  });

  test("cells naming different periods down a visible column are a list, not a title", () => {
    const r = check(
      snapshotOf(budgetSheet([]), plainSheet("Listor", [["T1 2022"], ["T2 2022"], ["VB 2022"]])),
    );
    expect(r.model.period.kind).toBeNull();
  });

  test("a group header alone over its columns (Bokslut 2020 in D1) is no title", () => {
    const r = check(
      snapshotOf(
        plainSheet("Ekonomi", [
          [null, null, null, "Bokslut 2020"],
          ["Mnkr", "Budget 2021", "Prognos", "Kostnader", "Intäkter"],
          ["Stadsmiljö", "46,8", "47,0", "41,2", "-3,1"],
        ]),
      ),
    );
    expect(r.recognition.periodCells).toEqual([]);
  });

  test("rows 1–5 as Excel numbers them: a used range from row 30 has no title rows", () => {
    const late: SheetGrid = { ...budgetSheet([seedText("002-t2-titel")]), originRow: 30 };
    expect(check(snapshotOf(late)).model.period.kind).toBeNull();
    const second: SheetGrid = { ...budgetSheet([seedText("002-t2-titel")]), originRow: 5 };
    expect(check(snapshotOf(second)).model.period).toEqual({ kind: "T2", year: 2021, source: "cell" });
  });

  test("a title below the sheet's first five rows is not read", () => {
    const r = check(
      snapshotOf(budgetSheet(["Uppföljning av ekonomi", "", "", "", "", seedText("002-t2-titel")])),
    );
    expect(r.model.period.kind).toBeNull();
  });

  test("a Period cell wins over a title, even a later one (a workbook copied forward keeps its old title)", () => {
    const r = check(
      snapshotOf(
        budgetSheet([seedText("004-vb-titel")]),
        plainSheet("Uppgifter", [
          ["Period", "Tertial 1 2020"],
          ["Indikator", "Periodens utfall", "Årsmål"],
          ["Andel nöjda brukare", "85 %", "90 %"],
        ]),
      ),
    );
    expect(r.model.period).toEqual({ kind: "T1", year: 2020, source: "cell" });
  });

  test("--year picks the title's period of that year", () => {
    const r = check(snapshotOf(budgetSheet([seedText("002-t2-titel")])), { year: 2021 });
    expect(r.model.period).toEqual({ kind: "T2", year: 2021, source: "cell" });
    const other = check(snapshotOf(budgetSheet([seedText("002-t2-titel")])), { year: 2020 });
    expect(other.model.period.kind).toBeNull();
  });
});
