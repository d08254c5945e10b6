import { check } from "../../../src/engine";
import { buildReport } from "../../../src/engine/report";
import { recognise } from "../../../src/engine/recognise";
import { STATE_SHEET } from "../../../src/engine/report/spec";
import { emptyState, encodeState } from "../../../src/engine/state";
import { loadSeedFixture, plainSheet, seedLines, snapshotOf, textToSheet } from "../../helpers/seedGrid";

/** 002's pandemic cost table (lines 1968–1974): areas across, cost kinds down, in tkr. */
function pandemicSheet() {
  const lines = seedLines(loadSeedFixture("002-t2-driftbudget"));
  const header = lines.findIndex((l) => l.startsWith("Pandemi\tNämnd adm"));
  const sum = lines.findIndex((l) => l.startsWith("Summa kostnader"));
  return textToSheet("Ekonomi", ["Pandemi – Kostnader", "", ...lines.slice(header, sum + 1)].join("\n"));
}

describe("a block of figures under a header of unknown words", () => {
  test("002's pandemic cost table is reported as not read, at its header", () => {
    const recognition = recognise(snapshotOf(pandemicSheet()), []);
    expect(recognition.tables).toEqual([]);
    expect(recognition.unrecognised).toEqual([
      expect.objectContaining({
        sheet: "Ekonomi",
        cell: "A3",
        headers: expect.arrayContaining(["Pandemi", "Nämnd adm"]),
      }),
    ]);
    const findings = check(snapshotOf(pandemicSheet())).findings.filter(
      (f) => f.code === "header-unrecognized",
    );
    expect(findings.map((f) => [f.cell, f.severity])).toEqual([["A3", "warning"]]);
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
    expect(result.findings.map((f) => f.code)).toEqual(["period-unknown"]);
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
