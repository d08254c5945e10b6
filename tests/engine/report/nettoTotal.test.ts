/**
 * A Netto closing a Kostnader | Intäkter | Netto table is the table's result, as a Totalt is: bold
 * with a rule above (README, Utseende), on the sheet and in Kopiera tabell för Word. A Netto opening
 * one (002's `Anslag för nämndens verksamhet (netto)`) is a line like the others.
 */
import { check } from "../../../src/engine";
import type { CheckOptions } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import type { OutCell, SheetSpec } from "../../../src/engine/report/spec";
import { splitTables, tableToHtml } from "../../../src/taskpane/state/wordTable";
import { resursenhetenBudgetSheet } from "../../fixtures/workbooks/resursenhetenBudget";
import { seedSheet, snapshotOf } from "../../helpers/seedGrid";

function driftbudget(sheet: SheetGrid, options: CheckOptions): SheetSpec {
  const snapshot = snapshotOf(sheet);
  return buildReport(check(snapshot, options), { snapshot, generatedAt: "2021-09-15" }).sheets.find(
    (s) => s.key === "driftbudget",
  )!;
}

const T2: CheckOptions = { period: { kind: "T2", year: 2021 } };
const styles = (row: (OutCell | null)[]) => row.filter((c) => c !== null).map((c) => c.style ?? "normal");
const rowsLabelled = (spec: SheetSpec, label: string) => spec.rows.filter((r) => r[0]?.value === label);

describe("a Netto closing its table looks like a total", () => {
  test("the walk's Netto (generated row 9) is bold with a rule above; Kostnader is not", () => {
    const spec = driftbudget(resursenhetenBudgetSheet(), T2);
    const [netto] = rowsLabelled(spec, "Netto");
    expect(new Set(styles(netto))).toEqual(new Set(["total"]));
    expect(new Set(styles(rowsLabelled(spec, "Kostnader")[0]))).toEqual(new Set(["normal"]));
    // Kopiera tabell för Word rules and bolds it as the sheet does.
    const table = splitTables(spec).find((t) => t.rows.includes(netto))!;
    const html = tableToHtml(table);
    const nettoRow = html.split("<tr>").find((r) => r.includes(">Netto<"))!;
    expect(nettoRow).toContain("border-top:");
    expect(nettoRow).toContain("<b>Netto</b>");
  });

  test("each area's Kostnader | Intäkter | Netto in 003's plan (lines 1829–2004)", () => {
    const spec = driftbudget(seedSheet("003-vp-budget", "Ekonomi"), { period: { kind: "VP", year: 2022 } });
    const netto = rowsLabelled(spec, "Netto");
    expect(netto).toHaveLength(13); // the nämnd's (line 1832) and twelve areas'
    for (const row of netto) expect(new Set(styles(row))).toEqual(new Set(["total"]));
    for (const row of rowsLabelled(spec, "Intäkter"))
      expect(new Set(styles(row))).toEqual(new Set(["normal"]));
  });

  test("002's `Anslag för nämndens verksamhet (netto)` opening the whole nämnd's table stays a line", () => {
    const spec = driftbudget(seedSheet("002-t2-driftbudget", "Ekonomi"), T2);
    const [anslag] = rowsLabelled(spec, "Anslag för nämndens verksamhet (netto)");
    expect(new Set(styles(anslag))).toEqual(new Set(["normal"]));
  });
});
