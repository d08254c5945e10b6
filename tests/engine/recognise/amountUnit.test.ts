import { check } from "../../../src/engine";
import { amountUnitIn } from "../../../src/engine/recognise/headers";
import { plainSheet, seedLineCells, snapshotOf } from "../../helpers/seedGrid";

/**
 * 002's per-area rows (lines 1937–1940) as a unit would keep them in tkr, the unit said only in the
 * table's title or its columns' headers, with `Verksamhetsområde` as the label header.
 */
const AREA_ROWS = [1937, 1938, 1939, 1940].map((line) => seedLineCells("002-t2-driftbudget", line, [0]));
const IN_TKR = [
  [73_900, 0, 73_900, 73_900, 0],
  [290_300, 0, 265_500, 264_700, 25_600],
  [66_400, 0, 66_600, 65_800, 600],
  [47_400, 0, 47_400, 47_400, 0],
];

function areaTable(title: string | null, headers: string[]) {
  const values = [
    ...(title === null ? [] : [[title], []]),
    ["Verksamhetsområde", ...headers],
    ...AREA_ROWS.map((name, i) => [...name, ...IN_TKR[i]]),
  ];
  const result = check(snapshotOf(plainSheet("Ekonomi", values)), { period: { kind: "T2", year: 2021 } });
  return result;
}

const HEADERS = ["Budget 2021", "Begärda budgetjusteringar", "Prognos före", "Prognos 2021", "Avvikelse"];

describe("a budget table's amount unit said in its title or its columns' headers", () => {
  test.each([
    ["Driftbudget 2021, tkr", "tkr"],
    ["Driftbudget 2021 (tkr)", "tkr"],
    ["Driftbudget i tusentals kronor", "tkr"],
    ["Driftbudget 2021, mnkr", "mnkr"],
    ["Driftbudget i miljoner kronor", "mnkr"],
    ["Driftbudget 2021", "mnkr"],
    // A title that starts with its unit, as a first header does (read so before titles' words were).
    ["Tkr, netto", "tkr"],
  ])("title %j → %s", (title, unit) => {
    const result = areaTable(title, HEADERS);
    expect(result.recognition.tables[0].amountUnit).toBe(unit);
    expect(result.model.budget.map((line) => line.unit)).toEqual(AREA_ROWS.map(() => unit));
  });

  test("a tkr table's large deviation is judged and said in tkr (it read 25 600,0 mnkr)", () => {
    // varav socialpsykiatri's 600 tkr is 0,9 % of its budget: under the 1 % share, not large.
    const result = areaTable("Driftbudget 2021, tkr", HEADERS);
    const large = result.findings.filter((f) => f.code === "budget-deviation-large");
    expect(large.map((f) => f.message)).toEqual([
      "Stor budgetavvikelse för ”Individ- ochfamiljeomsorg”: 25\u00a0600 tkr (överskott, 8,8 % av budget).",
    ]);
  });

  test("the columns' headers say it where the title does not, unless they disagree", () => {
    const tkr = HEADERS.map((h) => (h.startsWith("Avvikelse") ? h : `${h} (tkr)`));
    expect(areaTable(null, tkr).recognition.tables[0].amountUnit).toBe("tkr");
    const mixed = [...tkr.slice(0, -1), "Avvikelse (mnkr)"];
    expect(areaTable(null, mixed).recognition.tables[0].amountUnit).toBe("mnkr");
  });

  test.each([
    ["Driftbudget 2020, belopp i 1000-tal kr", "tkr"],
    ["Budget (1000 kr)", "tkr"],
    ["Budget (1 000 kr)", "tkr"],
    ["Belopp, Mkr", "mnkr"],
    ["Tkr", "tkr"],
    ["Kostnad per brukare, kr", "kr"],
    // Not a statement of the amounts' unit:
    ["Kronobergs budget", null],
    ["Utfall i kr per invånare", null],
    ["Överskottet motsvarar 450 kr per invånare.", null],
    ["Resultatet blev ett överskott på några kronor", null],
    ["Överskott 450 kr", null],
  ])("%j states %s", (text, unit) => {
    expect(amountUnitIn(text)).toBe(unit);
  });

  test("a column no role reads, or a sentence above the table, names no unit (the review's cases)", () => {
    const extra = areaTable("Driftbudget 2021", [...HEADERS, "Nettokostnad per invånare, kr"]);
    expect(extra.recognition.tables[0].amountUnit).toBe("mnkr");
    const sentence = areaTable("Överskottet motsvarar 450 kr per invånare.", HEADERS);
    expect(sentence.recognition.tables[0].amountUnit).toBe("mnkr");
  });
});
