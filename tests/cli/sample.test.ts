/** Issue 3: the bundled sample (real 002 rows) is recognised completely, checked by fixed counts. */
import * as path from "path";
import { XlsxPort } from "../../src/ports/xlsx";
import { runCheck } from "../../src/app/run";
import { sampleRowOfSeedLine } from "../../scripts/build-sample";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "malkoll-exempel.xlsx");

describe("samples/malkoll-exempel.xlsx", () => {
  let result: Awaited<ReturnType<typeof runCheck>>["result"];
  beforeAll(async () => {
    ({ result } = await runCheck(await XlsxPort.open(SAMPLE)));
  });

  test("002 KF 1.1 with nämndmål 1.1.1: 10 indicators and 4 activities under the right one of the two goals", () => {
    const { goals, indicators, activities } = result.model;
    const kf11 = goals.find((g) => g.level === "kf-mal" && g.number === "1.1")!;
    const nm111 = goals.find((g) => g.level === "namndmal" && g.number === "1.1.1")!;
    expect(kf11.id).toBe(`Uppföljning!A${sampleRowOfSeedLine("002", 159)!.row}`);
    expect(indicators.filter((i) => i.goal === kf11.id)).toHaveLength(10);
    expect(indicators.filter((i) => i.goal === nm111.id)).toHaveLength(0);
    expect(activities.filter((a) => a.goal === kf11.id)).toHaveLength(1);
    expect(activities.filter((a) => a.goal === nm111.id)).toHaveLength(3);
  });

  test("002 driftbudget: 7 whole-nämnd rows and 17 per-verksamhetsområde rows", () => {
    expect(result.model.budget.filter((b) => b.tableType === "driftbudget-namnd")).toHaveLength(7);
    expect(result.model.budget.filter((b) => b.tableType === "driftbudget-omrade")).toHaveLength(17);
  });

  test("recognised but for 002's state grant table, which is told; the pandemic cost table is a cross table whose sums hold: every other table typed, period read, numeric cells read with their formats", () => {
    // 002 lines 1984–1986 (a title and Mnkr over one grant and its sum) follow no table layout
    // Målkoll knows; lines 1971–1976 (areas across, cost kinds down, totalled both ways) are checked.
    const grant = sampleRowOfSeedLine("002", 1984)!;
    const pandemic = sampleRowOfSeedLine("002", 1971)!;
    expect(result.recognition.unrecognised.map((u) => `${u.sheet}!${u.cell}:${u.headers[0]}`)).toEqual([
      `${grant.sheet}!A${grant.row}:STATSBIDRAG - PANDEMIN`,
    ]);
    expect(result.recognition.crossTables.map((t) => `${t.sheet}!${t.cell}:${t.total.header}`)).toEqual([
      `${pandemic.sheet}!A${pandemic.row}:Total-summa (tkr)`,
    ]);
    expect(result.findings.filter((f) => f.code === "value-unparseable")).toEqual([]);
    expect(result.findings.filter((f) => f.code === "header-unrecognized").map((f) => f.cell)).toEqual([
      `A${grant.row}`,
    ]);
    expect(result.findings.filter((f) => f.code === "budget-total-mismatch")).toEqual([]);
    expect(result.model.period).toEqual({ kind: "T2", year: 2021, source: "cell" });
    const row = sampleRowOfSeedLine("002", 279)!.row;
    expect(result.model.indicators.find((i) => i.row === row)).toMatchObject({
      outcome: 2.13,
      outcomeMen: 1.85,
      outcomeWomen: 1.96,
      unit: "%",
    });
    expect(result.findings.find((f) => f.code === "gender-split-inconsistent")).toMatchObject({
      cell: `B${row}`,
    });
  });

  test("budget figures of the report: budgetföljsamhet 99,2 % / 99,7 %", () => {
    expect(result.derived.map((d) => [d.key, d.value])).toEqual([
      ["budgetfoljsamhet-fore", 99.2],
      ["budgetfoljsamhet-efter", 99.7],
    ]);
  });
});
