import type { SheetGrid, WorkbookSnapshot } from "../../../src/engine/grid";
import { cellAt, parseA1 } from "../../../src/engine/grid";
import { lookupFromSnapshot, unitsFromSnapshot } from "../../../src/engine/report/source";

const grid = (name: string, originRow: number): SheetGrid => ({
  name,
  visibility: "visible",
  originRow,
  originCol: 1,
  values: [
    ["Indikator", 4.1, "800 st"],
    ["Andel", 0.027, null],
  ],
  formats: [
    [null, "0.0 %", null],
    [null, '#,##0 "st"', null],
  ],
});

const snapshot: WorkbookSnapshot = {
  name: "test.xlsx",
  sheets: [grid("Uppföljning", 3), grid("VB 2021", 1)],
};

describe("source cells looked up from the snapshot", () => {
  it("reads a cell as parseA1 reads its address, on each sheet asked in turn", () => {
    const lookup = lookupFromSnapshot(snapshot);
    for (const sheet of ["Uppföljning", "VB 2021", "Uppföljning"])
      for (const address of [
        "A3",
        "B3",
        "C3",
        "B4",
        "c4",
        "$B$4",
        " B4 ",
        "A1",
        "A0",
        "ZZZ3",
        "B12345678",
        "AAAA3",
        "B",
        "4",
      ]) {
        const pos = parseA1(address);
        const grid = snapshot.sheets.find((s) => s.name === sheet)!;
        expect(lookup(sheet, address)).toBe(pos ? cellAt(grid, pos.row, pos.col) : undefined);
      }
    expect(lookup("Uppföljning", "B3")).toBe(4.1);
    // Below the sheet's used range: an empty cell.
    expect(lookup("VB 2021", "B3")).toBeNull();
    expect(lookup("Saknas", "B3")).toBeUndefined();
  });

  it("reads the unit a cell shows, by its format or in its text", () => {
    const units = unitsFromSnapshot(snapshot);
    expect(units("Uppföljning", "B3")).toBe("%");
    expect(units("Uppföljning", "B4")).toBe("st");
    expect(units("Uppföljning", "C3")).toBe("st");
    expect(units("Uppföljning", "A3")).toBeNull();
    // Asked again (a text's unit is read once, then remembered): the same, a text without one too.
    expect(units("VB 2021", "C1")).toBe("st");
    expect(units("VB 2021", "A1")).toBeNull();
    expect(units("Saknas", "B3")).toBeUndefined();
  });
});
