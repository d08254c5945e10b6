import { initialPaneState, paneReducer } from "../../../src/taskpane/state/reducer";
import { result } from "../fixtures";

describe("pane reducer", () => {
  test("the default period follows the calendar, then the workbook's stated period on first check", () => {
    const s0 = initialPaneState(new Date(2022, 1, 10));
    expect(s0.period).toEqual({ kind: "T1", year: 2022 });
    const s1 = paneReducer(
      { ...s0, phase: "checking" },
      { type: "checked", snapshot: null, result: result() },
    );
    expect(s1.period).toEqual({ kind: "T2", year: 2021 });
    expect(s1.phase).toBe("idle");
    const s2 = paneReducer(paneReducer(s1, { type: "period", kind: "VB" }), {
      type: "checked",
      snapshot: null,
      result: result(),
    });
    expect(s2.period.kind).toBe("VB");
  });

  test("a filter on a goal that no longer exists is dropped after a new check", () => {
    let s = paneReducer(initialPaneState(), {
      type: "filter",
      filter: { goal: "Uppföljning!A20", mustWrite: true },
    });
    s = paneReducer(s, { type: "checked", snapshot: null, result: result() });
    expect(s.filter.goal).toBe("Uppföljning!A20");
    s = paneReducer(s, {
      type: "checked",
      snapshot: null,
      result: result({ model: { ...result().model, goals: [] } }),
    });
    expect(s.filter).toEqual({ goal: null, mustWrite: true, groupBy: "severity" });
  });

  test("settings drafts start from the workbook's overrides and can be reset", () => {
    const stored = result({ state: { ...result().state, settings: { partlyMetTolerance: 0.15 } } });
    let s = paneReducer(initialPaneState(), { type: "checked", snapshot: null, result: stored });
    expect(s.settingsDraft).toEqual({ partlyMetTolerance: "15" });
    s = paneReducer(s, { type: "settingDraft", key: "resultUnitCap", text: "12" });
    s = paneReducer(s, { type: "settingDraft", key: "partlyMetTolerance", text: null });
    expect(s.settingsDraft).toEqual({ resultUnitCap: "12" });
  });

  test("progress is clamped; failure ends the phase and keeps the result", () => {
    let s = paneReducer(initialPaneState(), { type: "checked", snapshot: null, result: result() });
    s = paneReducer(paneReducer(s, { type: "start", phase: "generating" }), {
      type: "progress",
      step: "write",
      fraction: 1.7,
    });
    expect(s.progress).toEqual({ step: "write", fraction: 1 });
    s = paneReducer(s, { type: "failed", error: { text: "Excel är upptaget", detail: null } });
    expect(s.phase).toBe("idle");
    expect(s.progress).toBeNull();
    expect(s.result).not.toBeNull();
    expect(paneReducer(s, { type: "dismissError" }).error).toBeNull();
  });
});
