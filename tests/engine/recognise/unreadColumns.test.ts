/**
 * A column nothing reads (`column-unrecognized`): one finding per sheet and header, however many
 * of the sheet's tables repeat it, and no row in Målkoll Avvikelser, which holds what a report must
 * explain. A unit's sheet with `Ansvarig` beside every activity table (tests/fixtures/workbooks/ansvarig.ts)
 * gave four identical findings, four Övrigt rows and four header cells to silence one by one.
 */
import { check } from "../../../src/engine";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import { unreadColumns } from "../../../src/engine/recognise/unread";
import { ansvarigSheet } from "../../fixtures/workbooks/ansvarig";
import { loadSeedFixture, plainSheet, seedLines, snapshotOf } from "../../helpers/seedGrid";

const VB_2021 = { period: { kind: "VB" as const, year: 2021 } };

function unread(sheets: SheetGrid[]) {
  return check(snapshotOf(...sheets), VB_2021).findings.filter((f) => f.code === "column-unrecognized");
}

describe("the same unread header in several tables of a sheet", () => {
  it("is one finding at the first table's column, naming every table's header cell and counting all rows", () => {
    const findings = unread([ansvarigSheet()]);
    expect(findings.map((f) => [f.severity, f.sheet, f.cell, f.range])).toEqual([
      ["info", "Mål", "B25", "B25:B27"],
    ]);
    expect(findings[0].message).toBe(
      "Kolumnen ”Ansvarig” i 4 tabeller på bladet (B25, B68, B99 och B128) kunde inte tolkas, så dess värden (7 rader) läses inte. " +
        "Ange kolumnens roll under Läs in → Rätta tolkning om den behövs: Hoppa över där gäller alla 4 tabellerna.",
    );
    expect(findings[0].messageEn).toContain(
      'The column "Ansvarig" in 4 tables on the sheet (B25, B68, B99 and B128)',
    );
  });

  it("is one finding per sheet: the same header on another sheet is that sheet's own", () => {
    const findings = unread([ansvarigSheet("Mål"), ansvarigSheet("Mål (kopia)")]);
    expect(findings.map((f) => [f.sheet, f.cell])).toEqual([
      ["Mål", "B25"],
      ["Mål (kopia)", "B25"],
    ]);
  });

  it("keeps a single table's finding as it was", () => {
    const sheet = ansvarigSheet();
    // Only the first table (rows 25–28, its analysis on 28) is left; the rest of the sheet is cut off after it.
    sheet.values = sheet.values.slice(0, 29);
    expect(unread([sheet]).map((f) => [f.cell, f.range, f.message])).toEqual([
      [
        "B25",
        "B25:B27",
        "Kolumnen ”Ansvarig” kunde inte tolkas, så dess värden (2 rader) läses inte. Ange kolumnens roll under Läs in → Rätta tolkning om den behövs.",
      ],
    ]);
  });

  it("lists ten header cells at most, and counts the rest", () => {
    // The sheet's four tables three times over, one under the other.
    const values: CellValue[][] = [];
    for (let i = 0; i < 3; i++) values.push(...ansvarigSheet().values, []);
    const [finding] = unread([plainSheet("Mål", values)]);
    expect(finding.message).toContain(
      "i 12 tabeller på bladet (B25, B68, B99, B128, B215, B258, B289, B318, B405 och 3 till)",
    );
    expect(finding.message).toContain("(21 rader)");
  });

  it("tells a column of names from a column of figures: only names are plainly no figure", () => {
    const result = check(snapshotOf(ansvarigSheet()), VB_2021);
    const [first] = result.recognition.tables;
    expect(unreadColumns(first).map((u) => [u.column.header, u.filled, u.textOnly])).toEqual([
      ["Ansvarig", 2, true],
    ]);
    // `ca 40` or a number in the column: a figure may be lost, so it is not plain text.
    const sheet = ansvarigSheet();
    sheet.values[25][1] = "ca 40";
    const [changed] = check(snapshotOf(sheet), VB_2021).recognition.tables;
    expect(unreadColumns(changed)[0].textOnly).toBe(false);
  });
});

describe("Målkoll Avvikelser", () => {
  /** 002 lines 271–290 (KF 1.1's indicator table), a blank row and a row that reads as none of it. */
  function withRowNotRead(): SheetGrid {
    const table = seedLines(loadSeedFixture("002-t2-kf-1.1")).slice(271 - 153, 290 - 153 + 1);
    const values: CellValue[][] = table.map((l) => l.split("\t").map((c) => (c === "" ? null : c)));
    values.push([], ["Kontrollvärden", "SANT", "2021-08-31"]);
    return plainSheet("Uppföljning", values);
  }

  it("has no row for a column left unread, and still one for a row left unread", () => {
    const snapshot = snapshotOf(ansvarigSheet(), withRowNotRead());
    const result = check(snapshot, VB_2021);
    const codes = result.findings.map((f) => f.code);
    expect(codes).toContain("column-unrecognized");
    expect(codes).toContain("row-not-read");
    const sheet = buildReport(result, { snapshot }).sheets.find((s) => s.key === "avvikelser")!;
    const other = sheet.rows.filter((row) => row[0]?.value === "Övrigt").map((row) => String(row[3]?.value));
    expect(other).toHaveLength(1);
    expect(other[0]).toMatch(/^Raden ”Kontrollvärden” står efter en tom rad/);
    expect(sheet.rows.some((row) => String(row[3]?.value ?? "").includes("Ansvarig"))).toBe(false);
  });
});
