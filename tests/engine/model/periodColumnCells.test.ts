/**
 * A follow-up table's Period column names the period on every row: recognition lists each text once
 * per table, at its first row (what the model reads of them is their texts, what the pane shows is
 * the first cell naming the period). 10 000 rows kept 10 000 period cells alive to the end of a check.
 */
import { check } from "../../../src/engine";
import { shownPeriod } from "../../../src/taskpane/state/period";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

const HEADER = ["Indikator", "Periodens utfall", "Årsmål", "Period"];

test("each text of a table's Period column is a period cell once, at the first row holding it", () => {
  const r = check(
    snapshotOf(
      plainSheet("Indikatorer", [
        HEADER,
        ["Sjukfrånvaro", "7 %", "8 %", "Tertial 1 2021"],
        ["Nöjda brukare", "81 %", "80 %", "Tertial 2 2021"],
        ["Trygga invånare", "70 %", "75 %", "Tertial 2 2021"],
        ["Besök", "900 st", "800 st", "Tertial 1 2021"],
      ]),
    ),
  );
  expect(r.recognition.periodCells).toEqual([
    { sheet: "Indikatorer", cell: "D2", text: "Tertial 1 2021" },
    { sheet: "Indikatorer", cell: "D3", text: "Tertial 2 2021" },
  ]);
  expect(r.model.period).toEqual({ kind: "T2", year: 2021, source: "cell" });
  expect(shownPeriod(null, r).cell).toBe("Indikatorer!D3");
});
