import type { Finding, Severity } from "../../../src/engine/findings";
import { remainingCounts, remainingSentence } from "../../../src/taskpane/state/generated";
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
