import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { loadSeedFixture, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";

/** 002's Driftbudget per verksamhetsområde (lines 1937–1953): its header, areas and Totalt. */
function areaTable(): string[] {
  const lines = seedLines(loadSeedFixture("002-t2-driftbudget"));
  const header = lines.findIndex((l) => l.startsWith("Mnkr\tBudget 2021 (netto"));
  const total = lines.findIndex((l, i) => i > header && l.startsWith("Totalt\t"));
  return lines.slice(header, total + 1);
}

function driftbudget(...titles: string[]) {
  const text = titles.flatMap((title) => [...title.split("|"), "", ...areaTable(), "", ""]).join("\n");
  const snapshot = snapshotOf(textToSheet("Ekonomi", `Period\tTertial 2 2021\n\n${text}`));
  const sheet = buildReport(check(snapshot), {
    snapshot,
    generatedAt: new Date("2021-09-15T10:00:00Z"),
  }).sheets.find((s) => s.key === "driftbudget")!;
  return sheet.rows
    .map((row) => row[0]?.value)
    .filter((v) => typeof v === "string" && v.startsWith("Driftbudget per"));
}

describe("Driftbudget per verksamhetsområde headings", () => {
  test("one table keeps the city's heading", () => {
    expect(driftbudget("Uppföljning av driftbudget")).toEqual(["Driftbudget per verksamhetsområde"]);
  });

  test("several tables (one per avdelning) are told apart by the title above each", () => {
    expect(driftbudget("Avdelning Norr", "Avdelning Söder")).toEqual([
      "Driftbudget per verksamhetsområde – Avdelning Norr",
      "Driftbudget per verksamhetsområde – Avdelning Söder",
    ]);
  });

  test("a note on the figures under the title (`Belopp i mnkr. Källa: …`) is no title either", () => {
    const note = "Belopp i mnkr. Källa: Agresso, utfall per augusti.";
    expect(driftbudget(`Avdelning Norr|${note}`, `Avdelning Söder|${note}`)).toEqual([
      "Driftbudget per verksamhetsområde – Avdelning Norr",
      "Driftbudget per verksamhetsområde – Avdelning Söder",
    ]);
  });

  test("a line that only states the unit (`Belopp i mnkr`) is no title", () => {
    expect(driftbudget("Avdelning Norr|Belopp i mnkr", "Avdelning Söder|Belopp i mnkr")).toEqual([
      "Driftbudget per verksamhetsområde – Avdelning Norr",
      "Driftbudget per verksamhetsområde – Avdelning Söder",
    ]);
  });
});

describe("a unit's own budget table with its rows grouped (the förskola walk of 8 December)", () => {
  test("prints `Intäkter` and `Kostnader` over their rows, as the source groups them", () => {
    // 002's Intäkter and Kostnader (lines 1927–1928) split as a unit writes them, in tkr.
    const snapshot = snapshotOf(
      textToSheet(
        "Ekonomi",
        [
          "Budget 2021 – Resursenheten (tkr)",
          "",
          "Kostnadsslag\tBudget 2021\tPrognos 2021\tKommentar",
          "Intäkter",
          "Föräldraavgifter\t-300 000\t-310 000",
          "Övriga intäkter\t-189 400\t-205 300",
          "Summa intäkter\t-489 400\t-515 300",
          "Kostnader",
          "Personalkostnader\t2 000 000\t2 020 000",
          "Övriga kostnader\t924 700\t942 400",
          "Summa kostnader\t2 924 700\t2 962 400",
        ].join("\n"),
      ),
    );
    const sheet = buildReport(check(snapshot, { period: { kind: "T2", year: 2021 } }), {
      snapshot,
      generatedAt: new Date("2021-09-15T10:00:00Z"),
    }).sheets.find((s) => s.key === "driftbudget")!;
    const labels = sheet.rows.map((row) => row[0]?.value);
    const from = labels.indexOf("Intäkter");
    expect(labels.slice(from, from + 8)).toEqual([
      "Intäkter",
      "Föräldraavgifter",
      "Övriga intäkter",
      "Summa intäkter",
      "Kostnader",
      "Personalkostnader",
      "Övriga kostnader",
      "Summa kostnader",
    ]);
  });
});
