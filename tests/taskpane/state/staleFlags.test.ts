import { staleFlagCount } from "../../../src/taskpane/state/staleFlags";

// The walk's workbook (vb-enheter-2020.xlsx): Skapa tabeller flagged these; then the person wrote
// the missing `Analys …` under the indicator on row 9.
const sheets = [{ name: "Liljeholmen mål" }, { name: "Liljeholmen personal" }, { name: "_malkoll" }];
const at = (sheet: string, cell: string) => ({ sheet, cell });

describe("flags left on cells no finding points at", () => {
  test("none when every recorded cell still has its finding", () => {
    const flags = [{ sheet: "Liljeholmen mål", ranges: "B9,D21,A25" }];
    const findings = [
      at("Liljeholmen mål", "B9"),
      at("Liljeholmen mål", "D21"),
      at("Liljeholmen mål", "A25"),
    ];
    expect(staleFlagCount(flags, findings, sheets)).toBe(0);
  });

  test("counts the cells whose finding is gone, on each sheet", () => {
    const flags = [
      { sheet: "Liljeholmen mål", ranges: "B9,D21,A25" },
      { sheet: "Liljeholmen personal", ranges: "A8,B12" },
    ];
    const findings = [at("Liljeholmen mål", "D21"), at("Liljeholmen personal", "B12")];
    expect(staleFlagCount(flags, findings, sheets)).toBe(3);
  });

  test("a finding on the same cell of another sheet does not keep a flag", () => {
    const flags = [{ sheet: "Liljeholmen personal", ranges: "B9" }];
    expect(staleFlagCount(flags, [at("Liljeholmen mål", "B9")], sheets)).toBe(1);
  });

  test("an area counts once, and only when no finding lies in it", () => {
    const flags = [{ sheet: "Liljeholmen mål", ranges: "B9:C12, E4:E6,$A$30" }];
    expect(staleFlagCount(flags, [at("Liljeholmen mål", "C11")], sheets)).toBe(2);
    expect(staleFlagCount(flags, [at("Liljeholmen mål", "D11"), at("Liljeholmen mål", "A30")], sheets)).toBe(
      2,
    );
    expect(staleFlagCount(flags, [], sheets)).toBe(3);
  });

  test("a sheet's name as the state wrote it matches the tab in another case, as Excel does", () => {
    const flags = [{ sheet: "LILJEHOLMEN MÅL", ranges: "B9,A25" }];
    expect(staleFlagCount(flags, [at("Liljeholmen mål", "b9")], sheets)).toBe(1);
  });

  test("a renamed or deleted sheet's records are not counted: nothing could remove them by that name", () => {
    const flags = [
      { sheet: "Resursenheten mål", ranges: "B9,A25" },
      { sheet: "Liljeholmen mål", ranges: "A25" },
    ];
    expect(staleFlagCount(flags, [], sheets)).toBe(1);
  });

  test("a protected sheet keeps its flags on purpose: they are not counted", () => {
    const flags = [
      { sheet: "Liljeholmen mål", ranges: "B9,A25" },
      { sheet: "Liljeholmen personal", ranges: "A8" },
    ];
    const withProtection = [{ name: "Liljeholmen mål", protected: true }, { name: "Liljeholmen personal" }];
    expect(staleFlagCount(flags, [], withProtection)).toBe(1);
  });

  test("unreadable addresses in an edited state sheet are skipped", () => {
    const flags = [{ sheet: "Liljeholmen mål", ranges: "B9,,nonsense,A25" }];
    expect(staleFlagCount(flags, [], sheets)).toBe(2);
  });
});
