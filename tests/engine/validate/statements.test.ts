import type { Finding } from "../../../src/engine/findings";
import type { CellValue, SheetGrid } from "../../../src/engine/grid";
import { statementTotals } from "../../../src/engine/validate/statements";
import { checkSeed } from "../../helpers/seedAtLines";

const totals = (fs: Finding[]) => fs.filter((f) => f.code === "budget-total-mismatch");
const none = () => new Set<number>();

function sheet(rows: CellValue[][], formats?: (string | null)[][]): SheetGrid {
  return { name: "Balans", visibility: "visible", originRow: 1, originCol: 1, values: rows, formats };
}

describe("002 balance sheet (lines 2331–2351)", () => {
  test("line 2347: Summa skulder 233,5 is not 43,8 + 158,8 + 0,9 + 2,3 = 205,8; nothing else is flagged", () => {
    const r = checkSeed("002-t2-balansrakning");
    expect(totals(r.findings)).toEqual([
      expect.objectContaining({
        severity: "error",
        sheet: "Uppföljning",
        cell: "B2347",
        message: "”Summa skulder” (2021-08-31): 233,5 är inte summan av raderna ovan, 205,8.",
        messageEn: '"Summa skulder" (2021-08-31): 233.5 is not the sum of the rows above, 205.8.',
      }),
    ]);
  });

  test("corrected, it passes: Summa rows sum their segment or everything under the heading", () => {
    const rows: CellValue[][] = [
      ["Skulder och eget kapital (mnkr)", "2021-08-31", "2020-08-31"],
      ["Leverantörsskulder", 43.8, 40.7],
      ["Upplupna kostnader och förutbetalda intäkter", 158.8, 199.7],
      ["Diverse kortfristiga skulder", 0.9, 0.6],
      ["Övriga långfristiga skulder", 2.3, 2.0],
      ["Summa skulder", 205.8, 243.0],
      ["Eget kapital", 177.4, 134.6],
      ["Summa skulder och eget kapital", 383.2, 377.6],
    ];
    expect(statementTotals([sheet(rows)], none)).toEqual([]);
  });
});

describe("rounding, units and where a statement ends", () => {
  const heading: CellValue[] = ["Pandemikostnader (tkr)", "Jan–aug"];

  test("shown figures may be off by half a unit each: 1,0 + 1,0 + 1,0 against 3,1 passes, 3,3 does not", () => {
    const rows = (total: string): CellValue[][] => [
      heading,
      ["a", "1,0"],
      ["b", "1,0"],
      ["c", "1,0"],
      ["Summa", total],
    ];
    expect(statementTotals([sheet(rows("3,1"))], none)).toEqual([]);
    expect(statementTotals([sheet(rows("3,3"))], none).map((f) => f.cell)).toEqual(["B5"]);
  });

  test("numbers take their decimals from the number format", () => {
    const values: CellValue[][] = [heading, ["a", 1.04], ["b", 1.04], ["Totalt", 2.2]];
    const formats = values.map((r) => r.map(() => "#,##0.0"));
    expect(statementTotals([sheet(values, formats)], none)).toEqual([]);
    const integers = values.map((r) => r.map(() => "#,##0"));
    expect(
      statementTotals([sheet([heading, ["a", 1], ["b", 1], ["Totalt", 5]], integers)], none),
    ).toHaveLength(1);
  });

  test("no heading with an amount unit, a blank row, or rows a recognised table owns: not checked", () => {
    const plain: CellValue[][] = [
      ["Kostnader", "2021"],
      ["a", 1],
      ["b", 1],
      ["Summa", 5],
    ];
    expect(statementTotals([sheet(plain)], none)).toEqual([]);
    const broken: CellValue[][] = [heading, ["a", 1], ["b", 1], [null, null], ["Summa", 5]];
    expect(statementTotals([sheet(broken)], none)).toEqual([]);
    const owned: CellValue[][] = [heading, ["a", 1], ["b", 1], ["Summa", 5]];
    expect(statementTotals([sheet(owned)], none)).toHaveLength(1);
    expect(statementTotals([sheet(owned)], () => new Set([1, 2, 3, 4]))).toEqual([]);
  });

  test("a single part is no sum, and percentages are not amounts", () => {
    expect(statementTotals([sheet([heading, ["a", 1], ["Summa", 5]])], none)).toEqual([]);
    expect(
      statementTotals([sheet([heading, ["a", "10 %"], ["b", "20 %"], ["Summa", "50 %"]])], none),
    ).toEqual([]);
  });
});
