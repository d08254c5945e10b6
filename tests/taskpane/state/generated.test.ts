import type { Finding, Severity } from "../../../src/engine/findings";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { remainingCounts, remainingSentence, sheetContents } from "../../../src/taskpane/state/generated";
import { en } from "../../../src/taskpane/i18n/en";
import { sv } from "../../../src/taskpane/i18n/sv";

const at = (severity: Severity, cell: string): Finding => ({
  code: severity === "error" ? "budget-total-mismatch" : "analysis-missing",
  severity,
  sheet: "VB 2020",
  cell,
  goal: null,
  message: "…",
  messageEn: "…",
});

describe("what the check left, said after Skapa tabeller", () => {
  const checked = [at("error", "B9"), at("warning", "A14"), at("warning", "A31"), at("info", "A1")];
  const written = at("warning", "A1");

  test("counts errors and warnings, not infos nor what the write said itself", () => {
    expect(remainingSentence(remainingCounts([...checked, written], [written]), sv)).toEqual([
      "1 fel och 2 varningar står kvar under Kontrollera: tabellerna visar arbetsboken som den är nu.",
    ]);
    expect(remainingSentence(remainingCounts([...checked, written], [written]), en)).toEqual([
      "1 error and 2 warnings remain under Check: the tables show the workbook as it is now.",
    ]);
  });

  test("one warning alone reads in the singular; nothing is said when none stands", () => {
    expect(remainingSentence(remainingCounts([at("warning", "A14")], []), sv)).toEqual([
      "1 varning står kvar under Kontrollera: tabellerna visar arbetsboken som den är nu.",
    ]);
    expect(remainingSentence(remainingCounts([at("warning", "A14")], []), en)).toEqual([
      "1 warning remains under Check: the tables show the workbook as it is now.",
    ]);
    expect(remainingSentence(remainingCounts([at("info", "A1"), written], [written]), sv)).toEqual([]);
  });
});

describe("what Skapa tabeller says of the sheets it left empty", () => {
  const sheet = (name: string, withTable: boolean, key = "driftbudget") => ({
    name,
    spec: {
      key,
      rows: withTable
        ? [[{ value: "Mnkr", style: "header" }], [{ value: 1 }]]
        : [[{ value: "Inga driftbudgettabeller hittades i arbetsboken." }]],
    } as unknown as SheetSpec,
  });
  const sheets = [sheet("Målkoll Indikatorer", true, "indikatorer"), sheet("Målkoll Driftbudget", false)];
  const unread = (cell: string): Finding => ({
    ...at("warning", cell),
    code: "header-unrecognized",
    sheet: "Budget",
  });

  test("nothing of the kind found, when nothing looked like one", () => {
    expect(sheetContents(sheets, sv, [at("warning", "A14")])).toEqual([
      "Tabeller finns på Målkoll Indikatorer.",
      "Målkoll Driftbudget är tomt: inget sådant hittades i arbetsboken.",
    ]);
  });

  test("a block that looked like a table but could not be interpreted is named, and where to interpret it", () => {
    expect(sheetContents(sheets, sv, [unread("A2")])[1]).toBe(
      "Målkoll Driftbudget är tomt: inget sådant kunde läsas. Blocket i Budget!A2 ser ut som en tabell men kunde inte tolkas: tolka det under Läs in.",
    );
    expect(sheetContents(sheets, en, [unread("A2")])[1]).toBe(
      "Målkoll Driftbudget is empty: nothing of the kind could be read. The block at Budget!A2 looks like a table but could not be interpreted: interpret it under Read.",
    );
    const four = ["A2", "A20", "A40", "A60"].map(unread);
    expect(sheetContents(sheets, sv, four)[1]).toBe(
      "Målkoll Driftbudget är tomt: inget sådant kunde läsas. Blocken i Budget!A2, Budget!A20, Budget!A40 och 1 till ser ut som tabeller men kunde inte tolkas: tolka dem under Läs in.",
    );
  });
});
