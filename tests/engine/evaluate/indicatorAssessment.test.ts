/**
 * An indicator's own assessment in a unit's table (the walks of 7 December: the fritidsgård's
 * `Måluppfyllelse` said `Uppfyllt` over 85 % against 90 %, the LSS unit's `Bedömning` said `Uppnås ej`
 * and `Uppnås delvis`; both columns were left unread, and the contradiction went unsaid).
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { toContractJson } from "../../../src/cli/json";
import { buildReport } from "../../../src/engine/report";
import { parseIndicatorAssessment } from "../../../src/engine/parse/assessment";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

function run(header: string, ...rows: CellValue[][]) {
  const snapshot = snapshotOf(
    plainSheet("Mål 1", [["Indikator", "Utfall 2026", "Mål 2026", header, "Kommentar"], ...rows]),
  );
  return check(snapshot, { period: { kind: "VB", year: 2026 } });
}

const contradictions = (result: ReturnType<typeof run>) =>
  result.findings.filter((f) => f.code === "assessment-contradicts").map((f) => [f.cell, f.message]);

describe("an indicator's own assessment", () => {
  test.each([
    ["Uppfyllt", "helt"],
    ["Uppnås delvis", "delvis"],
    ["Ej uppnått", "ej"],
    ["Grön", "helt"],
    ["🟡 Gul", "delvis"],
    ["Röd", "ej"],
    ["Ingen", null],
    ["Se analys", null],
  ])("%s reads as %s", (text, expected) => expect(parseIndicatorAssessment(text)).toBe(expected));

  it("contradicts figures that miss the target, in full or in part, or meet a target said missed", () => {
    const result = run(
      "Måluppfyllelse",
      ["Andel besökare som känner sig trygga på fritidsgården", "85 %", "90 %", "Uppfyllt", null],
      ["Andel besökare som är nöjda med verksamheten", "70 %", "90 %", "Grön", null],
      ["Andel unga som upplever att de kan påverka", "80 %", "75 %", "Ej uppfyllt", null],
      ["Antal besök totalt", 13540, 14000, "Uppnås delvis", "Färre besök under renoveringen i mars."],
      ["Andel besökare som trivs", "92 %", "90 %", "Uppfyllt", null],
    );
    expect(result.model.indicators.map((i) => i.statedAssessment)).toEqual([
      "helt",
      "helt",
      "ej",
      "delvis",
      "helt",
    ]);
    expect(contradictions(result)).toEqual([
      [
        "D2",
        "”Andel besökare som känner sig trygga på fritidsgården” bedöms ”Uppfyllt” men uppfyller målet bara delvis: 85 % mot 90 %.",
      ],
      [
        "D3",
        "”Andel besökare som är nöjda med verksamheten” bedöms ”Grön” men uppfyller inte målet: 70 % mot 90 %.",
      ],
      [
        "D4",
        "”Andel unga som upplever att de kan påverka” bedöms ”Ej uppfyllt” men uppfyller målet: 80 % mot 75 %.",
      ],
    ]);
  });

  it("is in the JSON only for a table with the column read; a column of other words is read for none", () => {
    const read = run(
      "Bedömning",
      ["Antal besök totalt", 13540, 14000, "Uppnås delvis", null],
      ["Andel besökare som trivs", "92 %", "90 %", null, null],
    );
    expect(toContractJson("x.xlsx", read).indicators[1]).toMatchObject({
      statedAssessment: null,
      cells: { assessment: "D3" },
    });
    // Mostly other words: the column is not read (the review of 7 December: its one `Uppnås` had
    // made a contradiction while the column was reported as not read).
    const unread = run(
      "Bedömning",
      ["Antal besök totalt", 13540, 14000, "Se analys", null],
      ["Andel besökare som känner sig trygga", "85 %", "90 %", "Uppnås", null],
      ["Andel besökare som trivs", "92 %", "90 %", "Se kommentar", null],
    );
    expect(toContractJson("x.xlsx", unread).indicators[0]).not.toHaveProperty("statedAssessment");
    const codes = unread.findings.map((f) => [f.code, f.cell]);
    expect(codes).toContainEqual(["column-unrecognized", "D1"]);
    expect(codes.filter(([code]) => code === "assessment-contradicts")).toEqual([]);
    const without = check(
      snapshotOf(
        plainSheet("Mål 1", [
          ["Indikator", "Utfall 2026", "Mål 2026"],
          ["Antal besök totalt", 13540, 14000],
        ]),
      ),
      { period: { kind: "VB", year: 2026 } },
    );
    expect(toContractJson("x.xlsx", without).indicators[0]).not.toHaveProperty("statedAssessment");
  });

  it("`Målbedömning` repeats the goal's down its rows: no indicator's own (the review of 7 December)", () => {
    const result = run(
      "Målbedömning",
      ["Sjukfrånvaro", "4 %", "5 %", "Uppfylls ej", null],
      ["Andel besökare som trivs", "92 %", "90 %", "Uppfylls ej", null],
    );
    expect(result.model.indicators.map((i) => i.statedAssessment)).toEqual([undefined, undefined]);
    expect(contradictions(result)).toEqual([]);
  });

  it("stays at its own cell: Måluppfyllelse comments on the goals' contradictions only", () => {
    // The äldreomsorg walk's render: the indicator's contradiction stood under its goal's row, read
    // as the goal's, in the table of goals.
    const snapshot = snapshotOf(
      plainSheet("Mål 1", [
        ["Enhetsmål: De boende har en trygg vardag", "Bedömning:", "Uppfylls delvis"],
        ["Indikator", "Utfall 2026", "Mål 2026", "Bedömning"],
        ["Andel besökare som känner sig trygga på fritidsgården", "85 %", "90 %", "Uppfyllt"],
      ]),
    );
    const result = check(snapshot, { period: { kind: "VB", year: 2026 } });
    expect(contradictions(result).map(([cell]) => cell)).toEqual(["D3"]);
    const spec = buildReport(result, { snapshot }).sheets.find((sheet) => sheet.key === "maluppfyllelse")!;
    const texts = spec.rows.flatMap((row) => row.map((cell) => String(cell?.value ?? "")));
    expect(texts.filter((text) => text.startsWith("Kommentar:"))).toEqual([]);
  });

  it("says nothing in a plan, where nothing is judged", () => {
    const snapshot = snapshotOf(
      plainSheet("Mål 1", [
        ["Indikator", "Mål 2027", "Bedömning"],
        ["Andel besökare som trivs", "90 %", "Uppfyllt"],
      ]),
    );
    const result = check(snapshot, { period: { kind: "VP", year: 2027 } });
    expect(contradictions(result)).toEqual([]);
  });
});
