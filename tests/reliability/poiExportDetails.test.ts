/**
 * Smaller things the third walk found in the Apache POI export (tests/fixtures/poi, see
 * poiExport.test.ts): the budget-sign finding on `Utfall 2021` named Prognos, every indicator's
 * periodicity came from Period (`VB 2021`) though Periodicitet says `Tertial` on 7 rows, and the
 * Ekonomi table, which has no title row, was headed `Tkr` in Driftbudget and in the Word list.
 */
import * as path from "path";
import { check } from "../../src/engine";
import { buildReport } from "../../src/engine/report";
import { XlsxPort } from "../../src/ports/xlsx";
import { tableChoices } from "../../src/taskpane/state/wordTable";

const DIR = path.join(__dirname, "..", "fixtures", "poi");
const FILES = ["resursenheten-vb2021-xssf.xlsx", "resursenheten-vb2021-sxssf.xlsx"];

describe.each(FILES)("%s: the walk's smaller findings", (file) => {
  const read = async () => {
    const snapshot = await (await XlsxPort.open(path.join(DIR, file))).read();
    return { snapshot, result: check(snapshot, {}) };
  };

  test("Intäkter's Utfall 2021 without its minus sign is called Utfall", async () => {
    const { result } = await read();
    const sign = result.findings.filter((f) => f.code === "budget-sign");
    expect(sign.map((f) => [f.sheet, f.cell, f.message, f.messageEn])).toEqual([
      [
        "Ekonomi",
        "C2",
        "Intäkter (Utfall) ska anges med minustecken men är 1\u00a0412 tkr.",
        "Income (Outcome) should be negative but is 1,412 tkr.",
      ],
    ]);
  });

  test("each indicator's periodicity is its Periodicitet (L), its period text still its Period (K)", async () => {
    const { result, snapshot } = await read();
    const sheet = snapshot.sheets.find((s) => s.name === "Indikatorer")!;
    const written = (row: number, col: number) =>
      String(sheet.values[row - sheet.originRow][col - sheet.originCol]);
    const indicators = result.model.indicators;
    expect(indicators).toHaveLength(13);
    for (const i of indicators) {
      expect([i.row, i.periodicity]).toEqual([i.row, written(i.row, 12) === "Tertial" ? "tertial" : "year"]);
      expect(i.periodText).toBe(written(i.row, 11));
    }
    expect(indicators.filter((i) => i.periodicity === "tertial")).toHaveLength(7);
  });

  test("the Ekonomi table, with no title row, is headed Ekonomi in Driftbudget and the Word list", async () => {
    const { result, snapshot } = await read();
    const report = buildReport(result, { snapshot, generatedAt: new Date("2022-02-15T10:00:00Z") });
    const spec = report.sheets.find((s) => s.key === "driftbudget")!;
    const headings = spec.rows.filter((r) => r[0]?.style === "heading").map((r) => r[0]?.value);
    expect(headings).toEqual(["Ekonomi"]);
    const labels = tableChoices([{ name: "Målkoll Driftbudget", spec }]).map((c) => c.label);
    expect(labels).toContain("Driftbudget · Ekonomi");
    expect(labels).not.toContain("Driftbudget · Tkr");
  });
});
