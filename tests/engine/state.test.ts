/** `_malkoll` rows: every cell within Excel's 32 767 characters, the revision record kept. */
import { decodeState, emptyState, encodeState, splitRangeList } from "../../src/engine/state";

const stateGrid = (values: ReturnType<typeof encodeState>) => ({
  name: "_malkoll",
  visibility: "veryHidden" as const,
  originRow: 1,
  originCol: 1,
  values,
});

it("a sheet's flagged ranges longer than a cell holds go into several flag rows, cut between ranges", () => {
  const cells = Array.from({ length: 9000 }, (_, i) => `B${i + 1}:C${i + 1}`);
  const ranges = cells.join(",");
  expect(ranges.length).toBeGreaterThan(32_767);
  const rows = encodeState({ ...emptyState(), flags: [{ sheet: "Uppföljning", ranges }] });
  const flagRows = rows.filter((r) => r[0] === "flag");
  // 105 785 characters in all.
  expect(ranges.length).toBe(105_785);
  expect(flagRows.length).toBe(4);
  for (const row of flagRows) expect(String(row[2]).length).toBeLessThanOrEqual(32_000);
  const decoded = decodeState(stateGrid(rows));
  expect(decoded.flags.flatMap((f) => f.ranges.split(","))).toEqual(cells);
  expect(splitRangeList("A1, B2,,C3", 5)).toEqual(["A1,B2", "C3"]);
});

it("the revision row round-trips and sits right after the header", () => {
  const revision = {
    number: 4,
    at: "2021-09-15T08:00:00.000Z",
    host: "Excel 16.0.1",
    platform: "OfficeOnline",
  };
  const rows = encodeState({ ...emptyState(), revision });
  expect(rows[1]).toEqual(["revision", 4, "2021-09-15T08:00:00.000Z", "Excel 16.0.1", "OfficeOnline"]);
  expect(decodeState(stateGrid(rows)).revision).toEqual(revision);
  expect(decodeState(stateGrid(encodeState(emptyState()))).revision).toBeUndefined();
});

it("rows a person or another program broke are skipped, typed rows kept", () => {
  const rows = [
    ["malkoll", 1, "Målkolls tillstånd – ändra inte / Målkoll state – do not edit"],
    ["setting", "partlyMetTolerance", "0,2"],
    ["setting", "resultUnitCap", 7],
    ["setting", "noSuchSetting", 0.5],
    ["setting", "budgetDeviationMinMnkr", "mycket"],
    ["mapping", JSON.stringify({ sheet: "Uppföljning", headerCell: "A271", columns: { C: "outcome" } })],
    ["mapping", JSON.stringify({ sheet: "Uppföljning", headerCell: 271 })],
    ["mapping", "{inte json"],
    ["direction", "Uppföljning", 887, "lower"],
    ["direction", "Uppföljning", 888, "nedåt"],
    ["direction", "Uppföljning", 0, "higher"],
  ];
  const state = decodeState(stateGrid(rows));
  expect(state.settings).toEqual({ partlyMetTolerance: 0.2 });
  expect(state.mappings).toEqual([{ sheet: "Uppföljning", headerCell: "A271", columns: { C: "outcome" } }]);
  expect(state.directions).toEqual([{ sheet: "Uppföljning", row: 887, direction: "lower" }]);
});
