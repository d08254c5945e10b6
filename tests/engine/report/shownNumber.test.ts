/**
 * What a report cell shows, as the Word copy and the playground's grid write it: rounded as Excel
 * rounds a number for its format, half away from zero on the 15 significant digits it keeps, not on
 * the binary number (0.0185 × 100 is 1.8499… in binary, and `toFixed` gave `1,8 %` where the
 * findings say `1,9 %`).
 */
import { excelFixed, formattedNumber } from "../../../src/engine/report/shownNumber";
import { formatSwedishNumber, NBSP } from "../../../src/taskpane/state/swedishNumber";

describe("formattedNumber rounds as Excel shows a number", () => {
  test.each([
    [0.0185, "0.0 %", "1,9 %"],
    [0.0215, "0.0 %", "2,2 %"],
    [0.285, "0.0 %", "28,5 %"],
    [1.005, "#,##0.00", "1,01"],
    [2.675, "#,##0.00", "2,68"],
    [8.345, "#,##0.00", "8,35"],
    [1.45, "#,##0.0", "1,5"],
    [999.95, "#,##0.0", "1 000,0"],
    [-0.05, "#,##0.0", "-0,1"],
    [-0.04, "#,##0.0", "0,0"],
    [2.5, "#,##0", "3"],
    [-2.5, "#,##0", "-3"],
    [0.5, "#,##0", "1"],
    [1234567.5, "#,##0", "1 234 568"],
    [1e-7, "#,##0.0", "0,0"],
    [1234567890123456, "#,##0", "1 234 567 890 123 460"],
  ])("%p under %s shows %s", (value, format, shown) => {
    expect(formattedNumber(value, format)).toBe(shown);
  });

  test("the digits and the point, for other writers", () => {
    expect(excelFixed(0.0185, 1, 2)).toBe("1.9");
    expect(excelFixed(0, 2)).toBe("0.00");
    expect(excelFixed(99.96, 1)).toBe("100.0");
    expect(excelFixed(-1e21, 0)).toBe("-1000000000000000000000");
  });

  test("the pane's own numbers (settings, the playground's grid) round the same way", () => {
    expect(formatSwedishNumber(0.0185, "0.0%")).toBe(`1,9${NBSP}%`);
    expect(formatSwedishNumber(2435.25, "#,##0.0")).toBe(`2${NBSP}435,3`);
  });
});
