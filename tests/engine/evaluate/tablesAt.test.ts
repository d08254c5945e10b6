import { TablesAt } from "../../../src/engine/evaluate/tablesAt";
import type { RecognisedTable } from "../../../src/engine/recognise/types";

/** A table on `sheet` whose item rows are `rows` (only what TablesAt reads is filled in). */
function table(id: string, sheet: string, rows: number[]): RecognisedTable {
  return { id, sheet, rows: rows.map((row) => ({ row })) } as unknown as RecognisedTable;
}

describe("TablesAt", () => {
  const tables = [
    table("T2!A4", "T2", [5, 6, 9]),
    table("T2!A20", "T2", [21, 22]),
    table("VB!A2", "VB", [3, 4]),
    table("T2!A11", "T2", [12, 14]),
    table("T2!A30", "T2", []),
  ];
  const kept = new TablesAt(tables, (t) => t.id !== "VB!A2");

  it("finds the table whose first-to-last rows hold the row, on its sheet", () => {
    expect(kept.at("T2", 5)?.id).toBe("T2!A4");
    expect(kept.at("T2", 7)?.id).toBe("T2!A4");
    expect(kept.at("T2", 9)?.id).toBe("T2!A4");
    expect(kept.at("T2", 13)?.id).toBe("T2!A11");
    expect(kept.at("T2", 22)?.id).toBe("T2!A20");
  });

  it("finds none between tables, before the first, after the last, on other sheets or among those not kept", () => {
    expect(kept.at("T2", 4)).toBeUndefined();
    expect(kept.at("T2", 10)).toBeUndefined();
    expect(kept.at("T2", 23)).toBeUndefined();
    expect(kept.at("T2", 31)).toBeUndefined();
    expect(kept.at("VB", 3)).toBeUndefined();
    expect(kept.at("T1", 5)).toBeUndefined();
  });

  it("takes the table recognised first where spans overlap, though it starts later", () => {
    const overlapping = new TablesAt(
      [table("late", "S", [10, 40]), table("early", "S", [2, 50]), table("inner", "S", [20, 21])],
      () => true,
    );
    expect(overlapping.at("S", 5)?.id).toBe("early");
    expect(overlapping.at("S", 20)?.id).toBe("late");
    expect(overlapping.at("S", 45)?.id).toBe("early");
    expect(overlapping.at("S", 51)).toBeUndefined();
  });

  it("answers as a scan of the tables in order would, on many tables with gaps and overlaps", () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const many = Array.from({ length: 300 }, (_, i) => {
      const first = next(3000);
      return table(`t${i}`, i % 3 ? "A" : "B", [first, first + next(i % 10 === 0 ? 200 : 6)]);
    });
    const index = new TablesAt(many, (t) => t.id !== "t5");
    for (const sheet of ["A", "B"])
      for (let row = 0; row < 3300; row++) {
        const scanned = many.find(
          (t) =>
            t.id !== "t5" &&
            t.sheet === sheet &&
            t.rows[0].row <= row &&
            row <= t.rows[t.rows.length - 1].row,
        );
        expect(index.at(sheet, row)?.id).toBe(scanned?.id);
      }
  });
});
