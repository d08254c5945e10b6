import { SharedCells } from "../../../src/engine/report/spec";

describe("cells shared down a column", () => {
  it("gives one number cell per column, format and value", () => {
    const shared = new SharedCells();
    const a = shared.number(1, 4.1, "#,##0.0");
    expect(shared.number(1, 4.1, "#,##0.0")).toBe(a);
    expect(shared.number(2, 4.1, "#,##0.0")).not.toBe(a);
    expect(shared.number(1, 4.1, "0.0 %")).not.toBe(a);
    expect(shared.number(1, 4.2, "#,##0.0")).not.toBe(a);
    expect(a).toMatchObject({ value: 4.1, format: "#,##0.0", style: "normal", formula: undefined });
  });

  it("keeps -0 apart from 0 (a Map takes them for one key)", () => {
    const shared = new SharedCells();
    const zero = shared.number(1, 0, "#,##0");
    const minusZero = shared.number(1, -0, "#,##0");
    expect(minusZero).not.toBe(zero);
    expect(Object.is(minusZero.value, -0)).toBe(true);
    expect(Object.is(shared.number(1, 0, "#,##0").value, 0)).toBe(true);
  });
});
