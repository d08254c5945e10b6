import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { recognise } from "../../../src/engine/recognise";
import { STATE_SHEET } from "../../../src/engine/report/spec";
import { emptyState, encodeState } from "../../../src/engine/state";
import { loadSeedFixture, plainSheet, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";

/** 002's pandemic cost table (lines 1971–1976): areas across, cost kinds down, in tkr. */
function pandemicLines(): string[] {
  const lines = seedLines(loadSeedFixture("002-t2-driftbudget"));
  const header = lines.findIndex((l) => l.startsWith("Pandemi\tNämnd adm"));
  const sum = lines.findIndex((l) => l.startsWith("Summa kostnader"));
  return lines.slice(header, sum + 1);
}

function pandemicSheet(lines = pandemicLines()) {
  return textToSheet("Ekonomi", ["Pandemi – Kostnader", "", ...lines].join("\n"));
}

/** The lines with their last column (`Total-summa (tkr)`) cut off. */
const withoutTotalColumn = (lines: string[]) => lines.map((l) => l.split("\t").slice(0, 11).join("\t"));

describe("a block of figures under a header of unknown words", () => {
  test("002's pandemic cost table is a cross table: recognised, not reported, no budget table", () => {
    const recognition = recognise(snapshotOf(pandemicSheet()), []);
    expect(recognition.tables).toEqual([]);
    expect(recognition.unrecognised).toEqual([]);
    expect(recognition.crossTables).toEqual([
      {
        sheet: "Ekonomi",
        cell: "A3",
        range: "A3:L3",
        headerRow: 3,
        lastRow: 8,
        labelCol: 1,
        columns: [
          "Nämnd adm",
          "loF BoU",
          "Fritid",
          "loF Vux",
          "Ek bist ArbM",
          "Soc. psyk",
          "Funk",
          "Stads-miljö",
          "Fsk",
          "ÄO",
        ].map((header, k) => ({ col: 2 + k, header })),
        total: { col: 12, header: "Total-summa (tkr)" },
        repeatedHeaderRows: [],
      },
    ]);
    const result = check(snapshotOf(pandemicSheet()));
    expect(result.findings.filter((f) => f.code === "header-unrecognized")).toEqual([]);
    expect(result.model.budget).toEqual([]);
  });

  test("without its total column, or without its Summa row, it is reported as not read, at its header", () => {
    const lines = pandemicLines();
    for (const sheet of [pandemicSheet(withoutTotalColumn(lines)), pandemicSheet(lines.slice(0, -1))]) {
      const recognition = recognise(snapshotOf(sheet), []);
      expect(recognition.crossTables).toEqual([]);
      expect(recognition.unrecognised).toEqual([
        expect.objectContaining({
          sheet: "Ekonomi",
          cell: "A3",
          headers: expect.arrayContaining(["Pandemi", "Nämnd adm"]),
        }),
      ]);
      const findings = check(snapshotOf(sheet)).findings.filter((f) => f.code === "header-unrecognized");
      expect(findings.map((f) => [f.cell, f.severity])).toEqual([["A3", "warning"]]);
    }
  });

  test("said to be no table (Det här är ingen tabell), it is neither reported nor checked", () => {
    const lines = pandemicLines();
    // Fsk's Inhyrd personal 623 → 723: its row and column no longer add up.
    lines[2] = lines[2].replace("\t623\t", "\t723\t");
    const mappings = [{ sheet: "Ekonomi", headerCell: "A3", tableType: "ignore" }];
    const state = {
      ...plainSheet(STATE_SHEET, encodeState({ ...emptyState(), mappings })),
      visibility: "veryHidden" as const,
    };
    expect(check(snapshotOf(pandemicSheet(lines))).findings.map((f) => f.code)).toContain(
      "budget-total-mismatch",
    );
    const result = check(snapshotOf(pandemicSheet(lines), state));
    expect(result.recognition.crossTables).toEqual([]);
    const codes = result.findings.map((f) => f.code);
    expect(codes).not.toContain("budget-total-mismatch");
    expect(codes).not.toContain("header-unrecognized");
  });

  test("a list of texts (no figures under it) stays quiet", () => {
    const list = textToSheet(
      "Kontakter",
      ["Enhet\tAnsvarig\tTelefon", "Hemtjänst Årsta\tAnna A\t08-508 00 000", "Förskola\tBo B\tsaknas"].join(
        "\n",
      ),
    );
    expect(recognise(snapshotOf(list), []).unrecognised).toEqual([]);
  });

  test("mapped as Annan budgettabell, its rows reach the Driftbudget sheet", () => {
    const mappings = [
      {
        sheet: "Ekonomi",
        headerCell: "A3",
        tableType: "budget-other",
        columns: { A: "name", B: "amount", C: "amount", D: "amount" },
      },
    ];
    const snapshot = snapshotOf(pandemicSheet(), {
      ...plainSheet(STATE_SHEET, encodeState({ ...emptyState(), mappings })),
      visibility: "veryHidden",
    });
    const result = check(snapshot);
    expect(result.findings.filter((f) => f.code === "header-unrecognized")).toEqual([]);
    const sheet = buildReport(result, {
      snapshot,
      generatedAt: new Date("2021-09-15T10:00:00Z"),
    }).sheets.find((s) => s.key === "driftbudget")!;
    // 002 line 1974: Summa kostnader 36 | 4 209 | 18 …
    const sum = sheet.rows.find((r) => r[0]?.value === "Summa kostnader")!;
    expect(sum.slice(0, 4).map((c) => c?.value ?? null)).toEqual(["Summa kostnader", 36, 4209, 18]);
  });
});

/** 002's state grant table (lines 1984–1986): a title and `Mnkr` over one grant and its sum. */
function grantSheet() {
  const lines = seedLines(loadSeedFixture("002-t2-driftbudget"));
  const header = lines.findIndex((l) => l.startsWith("STATSBIDRAG - PANDEMIN"));
  return textToSheet("Ekonomi", ["Pandemi - Statsbidrag", "", ...lines.slice(header, header + 3)].join("\n"));
}

describe("a title and a unit over amounts", () => {
  test("002's state grant table is reported as not read, at its header", () => {
    const findings = check(snapshotOf(grantSheet())).findings.filter((f) => f.code === "header-unrecognized");
    expect(findings.map((f) => [f.cell, f.range, f.severity])).toEqual([["A3", "A3:C3", "warning"]]);
    expect(findings[0].message).toBe(
      "Ser ut som en tabell men kolumnerna kunde inte tolkas: ”STATSBIDRAG - PANDEMIN”, ”Mnkr”. Tolka blocket under Läs in: ange tabelltyp och kolumner, eller välj Det här är ingen tabell.",
    );
  });

  test("a label and a unit over a single figure, or over text, stay quiet", () => {
    const oneRow = textToSheet(
      "Ekonomi",
      ["Statsbidrag\t\tMnkr", "Tilldelat\t\t17,2", "", "Övrigt"].join("\n"),
    );
    expect(recognise(snapshotOf(oneRow), []).unrecognised).toEqual([]);
    const words = textToSheet(
      "Ekonomi",
      ["Enhet\tMnkr", "Förskola\tse bilaga", "Äldreomsorg\tse bilaga"].join("\n"),
    );
    expect(recognise(snapshotOf(words), []).unrecognised).toEqual([]);
  });

  test("mapped as Annan budgettabell, the grant and its sum reach the Driftbudget sheet", () => {
    const mappings = [
      {
        sheet: "Ekonomi",
        headerCell: "A3",
        tableType: "budget-other",
        columns: { A: "name", B: "comment", C: "amount" },
      },
    ];
    const snapshot = snapshotOf(grantSheet(), {
      ...plainSheet(STATE_SHEET, encodeState({ ...emptyState(), mappings })),
      visibility: "veryHidden",
    });
    const result = check(snapshot);
    const codes = result.findings.map((f) => f.code);
    expect(codes).not.toContain("budget-total-mismatch");
    expect(codes).not.toContain("header-unrecognized");
    expect(result.model.budget.map((l) => [l.label, l.kind])).toEqual([
      ["Tilldelat statsbidrag högkostnadsskydd period jan-augusti", "row"],
      ["Summering", "total"],
    ]);
    const sheet = buildReport(result, {
      snapshot,
      generatedAt: new Date("2021-09-15T10:00:00Z"),
    }).sheets.find((s) => s.key === "driftbudget")!;
    const sum = sheet.rows.find((r) => r[0]?.value === "Summering")!;
    expect(sum.map((c) => c?.value ?? null)).toContain(17.2);
  });
});
