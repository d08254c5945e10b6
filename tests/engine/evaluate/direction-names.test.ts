import { check } from "../../../src/engine";
import { snapshotOf } from "../../helpers/seedGrid";
import { seedAtLines } from "../../helpers/seedAtLines";

// Evaluation matches the direction catalogue on the model's names as they are: it relies on the
// model builder collapsing every run of spaces to one space and trimming the name.
test("a name with tabs, non-breaking and double spaces gets its catalogue direction (002 line 132)", () => {
  const sheet = seedAtLines("002-t2-kf-1.1");
  const written = "Andel vuxna med långvarigt ekonomiskt bistånd jämfört med samtliga vuxna invånare";
  const at = sheet.values.findIndex((row) => typeof row[0] === "string" && row[0].trim() === written);
  expect(at).toBeGreaterThanOrEqual(0);
  sheet.values[at][0] =
    "\u00a0 Andel vuxna med\u00a0 långvarigt\tekonomiskt  bistånd jämfört med samtliga vuxna invånare ";

  const indicator = check(snapshotOf(sheet)).model.indicators.find((i) =>
    i.name.startsWith("Andel vuxna med"),
  );
  expect(indicator?.name).toBe(written);
  // `med långvarigt ekonomiskt bistånd`: lower is better.
  expect(indicator?.direction).toBe("lower");
});
