/**
 * A budget finding names the column its value is in. A VB table's `Utfall 2021` is read into the
 * line's forecast field, and its findings said `Prognos` (walk 16: `Intäkter (Prognos) ska anges med
 * minustecken` at Ekonomi!C2, a system export whose column C is `Utfall 2021`). A resultatenheter
 * column kept under its role said the role's code name (`grossBudget`).
 */
import { check } from "../../../src/engine";
import type { CheckOptions } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import type { Finding } from "../../../src/engine/findings";
import { plainSheet, snapshotOf } from "../../helpers/seedGrid";

const VB: CheckOptions = { period: { kind: "VB", year: 2021 } };
const T2: CheckOptions = { period: { kind: "T2", year: 2021 } };

function findings(values: CellValue[][], options: CheckOptions): Finding[] {
  return check(snapshotOf(plainSheet("Ekonomi", values)), options).findings.filter((f) =>
    f.code.startsWith("budget-"),
  );
}

const summary = (fs: Finding[]) => fs.map((f) => [f.code, f.cell, f.message, f.messageEn]);

describe("budget findings name the column the value is in", () => {
  test("the walk's export: Intäkter's Utfall 2021 without its minus sign is called Utfall, not Prognos", () => {
    const found = findings(
      [
        ["Tkr", "Budget 2021", "Utfall 2021", "Avvikelse", "Kommentar"],
        ["Intäkter", -1300, 1412, 112, null],
        ["Kostnader", 12140, 12030, 110, null],
        ["Netto", 10840, 10618, 222, null],
      ],
      VB,
    );
    const sign = found.filter((f) => f.code === "budget-sign");
    expect(summary(sign)).toEqual([
      [
        "budget-sign",
        "C2",
        "Intäkter (Utfall) ska anges med minustecken men är 1\u00a0412 tkr.",
        "Income (Outcome) should be negative but is 1,412 tkr.",
      ],
    ]);
    // Netto's outcome column, summed from a part with the wrong sign, is named the same way.
    const netto = found.filter((f) => f.code === "budget-netto-mismatch");
    expect(netto.map((f) => f.message)).toEqual([
      expect.stringMatching(/^”Netto” \(Utfall\): netto 10\u00a0618 tkr ≠ /),
    ]);
    expect(netto.map((f) => f.messageEn)).toEqual([expect.stringMatching(/^"Netto" \(Outcome\): net /)]);
  });

  test("a Bokslut column read as the outcome is called Utfall in a total mismatch", () => {
    const found = findings(
      [
        ["Mnkr", "Budget 2021", "Bokslut 2021", "Avvikelse"],
        ["Förskola", 10, 9, 1],
        ["Skola", 20, 18, 2],
        ["Summa", 30, 29, 3],
      ],
      VB,
    );
    const total = found.filter((f) => f.code === "budget-total-mismatch");
    expect(total.map((f) => [f.cell, f.message, f.messageEn])).toEqual([
      [
        "C4",
        "”Summa” (Utfall): 29,0 mnkr är inte summan av raderna ovan, 27,0 mnkr.",
        '"Summa" (Outcome): 29.0 mnkr is not the sum of the rows above, 27.0 mnkr.',
      ],
    ]);
  });

  test("a forecast column is still called Prognos, and Budget Budget", () => {
    const found = findings(
      [
        ["Mnkr", "Budget 2021", "Prognos 2021", "Avvikelse"],
        ["Intäkter", 5, 4, 1],
        ["Kostnader", 10, 10, 0],
        ["Netto", 15, 14, 1],
      ],
      T2,
    );
    expect(
      found.filter((f) => f.code === "budget-sign").map((f) => [f.cell, f.message, f.messageEn]),
    ).toEqual([
      [
        "B2",
        "Intäkter (Budget) ska anges med minustecken men är 5,0 mnkr.",
        "Income (Budget) should be negative but is 5.0 mnkr.",
      ],
      [
        "C2",
        "Intäkter (Prognos) ska anges med minustecken men är 4,0 mnkr.",
        "Income (Forecast) should be negative but is 4.0 mnkr.",
      ],
    ]);
  });

  test("a resultatenheter column kept under its role is called by its Swedish name, not the role's code", () => {
    const found = findings(
      [
        ["Mnkr", "Bruttobudget 2021", "Prognos 2021", "Avvikelse"],
        ["Intäkter", 5, -4, -1],
        ["Kostnader", 10, 10, 0],
      ],
      T2,
    );
    const sign = found.filter((f) => f.code === "budget-sign");
    expect(sign.map((f) => [f.cell, f.message, f.messageEn])).toEqual([
      [
        "B2",
        "Intäkter (Bruttobudget) ska anges med minustecken men är 5,0 mnkr.",
        "Income (Gross budget) should be negative but is 5.0 mnkr.",
      ],
    ]);
  });

  test("an unreadable outcome is called Utfall too", () => {
    const all = check(
      snapshotOf(
        plainSheet("Ekonomi", [
          ["Tkr", "Budget 2021", "Utfall 2021", "Avvikelse"],
          ["Intäkter", -1300, "ca 1400", null],
          ["Kostnader", 12140, 12030, 110],
        ]),
      ),
      VB,
    ).findings.filter((f) => f.code === "value-unparseable");
    expect(all.map((f) => [f.cell, f.message, f.messageEn])).toEqual([
      [
        "C2",
        "Utfall för ”Intäkter” går inte att läsa som ett värde: ”ca 1400”.",
        'Outcome of "Intäkter" cannot be read as a value: "ca 1400".',
      ],
    ]);
  });
});
