/**
 * Driftbudget's chart of the deviation per verksamhetsområde: one bar per area of 002's table
 * (lines 1936–1953), and, where a workbook has a table per avdelning, the largest deviations only,
 * so that the chart stays readable (the bench workbook's 200 tables gave it 2 000 bars); and every
 * bar in one unit where one table states mnkr and another tkr.
 */
import { check } from "../../../src/engine";
import type { SheetGrid } from "../../../src/engine/grid";
import { parseA1 } from "../../../src/engine/grid";
import { buildReport } from "../../../src/engine/report";
import type { SheetSpec } from "../../../src/engine/report/spec";
import { plainSheet, seedLines, loadSeedFixture, lineToRow, snapshotOf } from "../../helpers/seedGrid";

/** 002's per-verksamhetsområde table: its header, rows and Totalt, as the seed writes them. */
function areaTable(): SheetGrid["values"] {
  const lines = seedLines(loadSeedFixture("002-t2-driftbudget"));
  const header = lines.findIndex((l) => l.startsWith("Mnkr\tBudget 2021 (netto"));
  const total = lines.findIndex((l, i) => i > header && l.startsWith("Totalt"));
  return lines.slice(header, total + 1).map(lineToRow);
}

function driftbudget(sheet: SheetGrid): SheetSpec {
  const snapshot = snapshotOf(sheet);
  const result = check(snapshot, { period: { kind: "T2", year: 2021 } });
  return buildReport(result, { snapshot }).sheets.find((s) => s.key === "driftbudget")!;
}

/** The chart's bars: category labels and values, top to bottom, read from the sheet's rows. */
function bars(spec: SheetSpec): { label: unknown; value: unknown; formula?: string }[] {
  const chart = spec.charts!.find((c) => c.title.startsWith("Avvikelse per verksamhetsområde"))!;
  const [from, to] = chart.categories.split(":").map((a) => parseA1(a)!.row);
  return spec.rows.slice(from - 1, to).map((r) => ({
    label: r[0]?.value,
    value: r[1]?.value,
    formula: r[1]?.formula,
  }));
}

describe("the deviation chart of 002's one per-verksamhetsområde table", () => {
  const spec = driftbudget(plainSheet("Driftbudget", [["Uppföljning av driftbudget"], [], ...areaTable()]));

  it("has a bar for every area but the varav rows and Totalt, in the table's order", () => {
    const chart = spec.charts!.find((c) => c.title.startsWith("Avvikelse"))!;
    expect(chart.title).toBe("Avvikelse per verksamhetsområde (mnkr)");
    const shown = bars(spec);
    expect(shown).toHaveLength(12);
    expect(shown.slice(0, 3).map((b) => b.label)).toEqual([
      "Nämnd och administration",
      "Individ- ochfamiljeomsorg",
      "Stadsmiljöverksamhet",
    ]);
    expect(shown[1].value).toBe(25.6);
  });

  it("prints on its data's page: the wrapped `Stöd och service …` row no longer pushes it to a page of its own", () => {
    const chart = spec.charts!.find((c) => c.title.startsWith("Avvikelse"))!;
    const heading = spec.rows.findIndex((r) => String(r[0]?.value ?? "").startsWith("Diagramunderlag")) + 1;
    const chartFirst = parseA1(chart.anchor.cell)!.row;
    const chartLast = chartFirst + chart.anchor.heightRows - 1;
    const pageOf = (row: number) => (spec.pageBreaks ?? []).filter((b) => b <= row).length;
    expect(pageOf(chartLast)).toBe(pageOf(heading));
    // Drawn over rows a little lower than the usual 15 pt, never below 10 pt.
    const rows = spec.rowHeights!.slice(chartFirst - 1, chartLast);
    expect(Math.min(...rows)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...rows)).toBeLessThanOrEqual(15);
  });
});

describe("the deviation chart of one per-verksamhetsområde table longer than 14 areas", () => {
  // 002's table with eight more areas above Totalt (copies of its last rows, renamed): 20 in all.
  const rows = areaTable();
  const total = rows.pop()!;
  for (let i = 1; i <= 8; i++) rows.push([`Område ${i}`, 10, 0, 10 + i, 10 + i, -i]);
  const spec = driftbudget(plainSheet("Driftbudget", [["Uppföljning av driftbudget"], [], ...rows, total]));

  it("keeps every area of the nämnd's one table, in its order: the cap is for many tables", () => {
    const chart = spec.charts!.find((c) => c.title.startsWith("Avvikelse"))!;
    expect(chart.title).toBe("Avvikelse per verksamhetsområde (mnkr)");
    const shown = bars(spec);
    expect(shown).toHaveLength(20);
    expect(shown[0].label).toBe("Nämnd och administration");
    expect(shown[19].label).toBe("Område 8");
  });
});

describe("the deviation chart of a workbook with a per-verksamhetsområde table per avdelning", () => {
  const avdelningar = 3;
  const values: SheetGrid["values"] = [];
  for (let a = 1; a <= avdelningar; a++)
    values.push([`Uppföljning av driftbudget, avdelning ${a}`], [], ...areaTable(), [], []);
  const spec = driftbudget(plainSheet("Driftbudget", values));
  const chart = spec.charts!.find((c) => c.title.startsWith("Avvikelse"))!;
  const shown = bars(spec);

  it("shows the 14 largest deviations of the 36 areas, largest first, and its title says so", () => {
    expect(chart.title).toBe("Avvikelse per verksamhetsområde – de 14 största avvikelserna av 36 (mnkr)");
    expect(shown).toHaveLength(14);
    const sizes = shown.map((b) => Math.abs(Number(b.value)));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    // 25,6 in each table, then −8,1, −6,0 and −4,7; 2,0 once more than room is left for.
    expect(sizes.slice(0, 3)).toEqual([25.6, 25.6, 25.6]);
    expect(sizes.slice(12)).toEqual([2, 2]);
    const heading = spec.rows.find((r) => String(r[0]?.value).startsWith("Diagramunderlag: avvikelse"))!;
    expect(heading[0]?.value).toBe(
      "Diagramunderlag: avvikelse per verksamhetsområde – de 14 största avvikelserna av 36",
    );
  });

  it("names an area by its table where several tables have it, and refers to its row there", () => {
    expect(shown.slice(0, 3).map((b) => b.label)).toEqual([
      "Individ- ochfamiljeomsorg (Uppföljning av driftbudget, avdelning 1)",
      "Individ- ochfamiljeomsorg (Uppföljning av driftbudget, avdelning 2)",
      "Individ- ochfamiljeomsorg (Uppföljning av driftbudget, avdelning 3)",
    ]);
    const row = parseA1(shown[1].formula!)!.row;
    const heading = spec.rows.findIndex((r) =>
      String(r[0]?.value).endsWith("Uppföljning av driftbudget, avdelning 2"),
    );
    const next = spec.rows.findIndex((r) => String(r[0]?.value).endsWith("avdelning 3"));
    expect(row).toBeGreaterThan(heading + 1);
    expect(row).toBeLessThan(next + 1);
    expect(spec.rows[row - 1][0]?.value).toBe("Individ- ochfamiljeomsorg");
  });
});

describe("the deviation chart of a workbook with a per-verksamhetsområde table in mnkr and one in tkr", () => {
  /** 002's table restated in tkr by an avdelning (every amount × 1000), without its Totalt (restated, the rounded rows no longer add up to it). */
  function inTkr(rows: SheetGrid["values"]): SheetGrid["values"] {
    const tkr = (cell: unknown): unknown =>
      typeof cell === "string" && /^-?[\d ]+,\d$/.test(cell)
        ? String(Math.round(Number(cell.replace(/ /g, "").replace(",", ".")) * 1000))
        : cell;
    const [header, ...body] = rows;
    return [
      ["Tkr", ...header.slice(1)],
      ...body.filter((r) => r[0] !== "Totalt").map((r) => r.map(tkr) as SheetGrid["values"][number]),
    ];
  }
  const mnkr = [["Uppföljning av driftbudget, avdelning Norr"], [], ...areaTable(), [], []];
  const tkr = [["Uppföljning av driftbudget, avdelning Söder"], [], ...inTkr(areaTable()), [], []];

  describe.each([
    ["mnkr first", [...mnkr, ...tkr]],
    ["tkr first", [...tkr, ...mnkr]],
  ])("%s", (_, values) => {
    const spec = driftbudget(plainSheet("Driftbudget", values));
    const chart = spec.charts!.find((c) => c.title.startsWith("Avvikelse"))!;
    const shown = bars(spec);

    it("charts every bar in mnkr, the larger unit, and says so", () => {
      expect(chart.title).toBe("Avvikelse per verksamhetsområde – de 14 största avvikelserna av 24 (mnkr)");
      const header = spec.rows.find((r) => r[0]?.value === "Verksamhetsområde")!;
      expect(String(header[1]?.value).replace(/\s+/g, " ")).toBe("Avvikelse (mnkr)");
      // Each area of the one table beside the same area of the other, in mnkr.
      expect(shown.map((b) => b.value)).toEqual([
        25.6, 25.6, -8.1, -8.1, -6, -6, -4.7, -4.7, 2, 2, -1.9, -1.9, 0, 0,
      ]);
    });

    it("refers to a tkr area's deviation divided by 1000, exactly, and to a mnkr area's as it is", () => {
      const units = new Set<unknown>();
      for (const bar of shown) {
        const ref = /^[A-Z]+\d+/.exec(bar.formula!)![0];
        const row = parseA1(ref)!.row;
        // The unit in the first header cell of the table the row is in.
        const unit = spec.rows
          .slice(0, row)
          .reverse()
          .find((r) => r[0]?.style === "header")![0]!.value;
        units.add(unit);
        const deviation = spec.rows[row - 1][5]!.value as number;
        expect([bar.formula, bar.value]).toEqual(
          unit === "Tkr" ? [`${ref}/1000`, deviation / 1000] : [ref, deviation],
        );
      }
      expect([...units].sort()).toEqual(["Mnkr", "Tkr"]);
    });
  });
});
