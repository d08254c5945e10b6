import { excelSerial } from "../../../src/engine/report/format";
import { excelSerialToIso } from "../../../src/engine/report/shownNumber";

describe("excelSerialToIso", () => {
  it("writes serials as Excel shows them", () => {
    expect(excelSerialToIso(44197)).toBe("2021-01-01");
    expect(excelSerialToIso(44439.75)).toBe("2021-08-31");
    expect(excelSerialToIso(2958465)).toBe("9999-12-31");
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });

  it("agrees with Date on every kind of day: leap years, century years, the last four-digit year and beyond", () => {
    const viaDate = (serial: number): string | null => {
      const date = new Date((Math.floor(serial) - 25_569) * 86_400_000);
      return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
    };
    const serials: number[] = [];
    for (let s = 1; s < 3_000_000; s += 7) serials.push(s);
    for (let s = 2_958_400; s < 2_958_500; s++) serials.push(s);
    serials.push(60, 61, 36_584, 36_585, 100_000_000, 1e12);
    const disagreements = serials.filter((s) => excelSerialToIso(s) !== viaDate(s));
    expect(disagreements).toEqual([]);
  });
});

describe("excelSerial", () => {
  it("reads ISO dates and nothing else", () => {
    expect(excelSerial("2021-01-01")).toBe(44197);
    expect(excelSerial("2021-12-31")).toBe(44561);
    expect(excelSerial("2021-1-01")).toBeNull();
    expect(excelSerial("2021-01-01 ")).toBeNull();
    expect(excelSerial("2021/01/01")).toBeNull();
    expect(excelSerial("２021-01-01")).toBeNull();
    expect(excelSerial("")).toBeNull();
    expect(excelSerial(null)).toBeNull();
  });
});
