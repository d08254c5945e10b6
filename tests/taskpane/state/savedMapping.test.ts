/**
 * After Rätta tolkning or Peka ut en tabell is saved (walk of 7 December, problem 4: a declared
 * table of 0 rows was announced with a green "Rättelsen är sparad"): the notice says when the table
 * the correction declares read no row.
 */
import type { CheckResult } from "../../../src/engine";
import { recognise } from "../../../src/engine/recognise";
import type { CellValue } from "../../../src/engine/grid";
import type { MappingOverride } from "../../../src/engine/state";
import { stringsFor } from "../../../src/taskpane/i18n";
import { savedMappingNotice } from "../../../src/taskpane/state/usePane";
import { snapshotOf } from "../../helpers/seedGrid";

const sv = stringsFor("sv");

/** What the notice reads of a check: its recognition, with the correction applied as the check applies it. */
function resultFor(values: CellValue[][], mapping: MappingOverride): CheckResult {
  const sheet = { name: "T2 2021", visibility: "visible" as const, originRow: 1, originCol: 1, values };
  return { recognition: recognise(snapshotOf(sheet), [mapping]) } as CheckResult;
}

const declared: MappingOverride = {
  sheet: "T2 2021",
  headerCell: "A1",
  tableType: "indicators-followup",
  columns: { A: "name", B: "outcome", C: "target" },
};

test("a declared table with rows: saved, as before", () => {
  const result = resultFor(
    [
      ["Indikator", "Utfall", "Årsmål"],
      ["Sjukfrånvaro", 0.094, 0.09],
    ],
    declared,
  );
  expect(savedMappingNotice(declared, result, sv)).toEqual({
    intent: "success",
    text: "Rättelsen är sparad i arbetsboken och kontrollen körd igen.",
  });
});

test("a declared table that read no row (its names in another column): a warning that says so", () => {
  const result = resultFor(
    [
      ["Nr", "Indikator", "Utfall", "Årsmål"],
      [null, "Sjukfrånvaro", 0.094, 0.09],
    ],
    declared,
  );
  expect(result.recognition.tables.find((t) => t.id === "T2 2021!A1")?.rows ?? []).toHaveLength(0);
  expect(savedMappingNotice(declared, result, sv)).toEqual({
    intent: "warning",
    text: "Rättelsen är sparad, men tabellen i 'T2 2021'!A1 fick inga rader. Kontrollera att kolumnen Namn är den med radernas namn (indikatorer, aktiviteter, budgetrader) och att raderna under rubriken har värden i de kolumner du angav.",
  });
});

test("a block said to be no table, or directions alone: saved", () => {
  const ignored: MappingOverride = { sheet: "T2 2021", headerCell: "A1", tableType: "ignore" };
  const result = resultFor([["Nr", "Indikator"]], ignored);
  expect(savedMappingNotice(ignored, result, sv).intent).toBe("success");
  expect(savedMappingNotice(null, result, sv).intent).toBe("success");
});
