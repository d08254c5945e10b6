import { initialPaneState, paneReducer } from "../../../src/taskpane/state/reducer";
import { result } from "../fixtures";

describe("pane reducer", () => {
  test("no period is guessed: nothing is chosen until the person chooses, and a new read keeps the choice", () => {
    const s0 = initialPaneState();
    expect(s0.chosenPeriod).toBeNull();
    const s1 = paneReducer(
      { ...s0, phase: "checking" },
      { type: "checked", snapshot: null, result: result() },
    );
    expect(s1.chosenPeriod).toBeNull();
    expect(s1.phase).toBe("idle");
    const s2 = paneReducer(paneReducer(s1, { type: "choosePeriod", period: { kind: "VB", year: 2021 } }), {
      type: "checked",
      snapshot: null,
      result: result(),
    });
    expect(s2.chosenPeriod).toEqual({ kind: "VB", year: 2021 });
    expect(paneReducer(s2, { type: "choosePeriod", period: null }).chosenPeriod).toBeNull();
  });

  test("a filter on a goal that no longer exists is dropped after a new check", () => {
    let s = paneReducer(initialPaneState(), {
      type: "filter",
      filter: { scope: "goal:Uppföljning!A20", mustWrite: true },
    });
    s = paneReducer(s, { type: "checked", snapshot: null, result: result() });
    expect(s.filter.scope).toBe("goal:Uppföljning!A20");
    s = paneReducer(s, {
      type: "checked",
      snapshot: null,
      result: result({ model: { ...result().model, goals: [] } }),
    });
    expect(s.filter).toEqual({ scope: null, mustWrite: true, groupBy: "severity" });
  });

  test("settings drafts start from the workbook's overrides and can be reset", () => {
    const stored = result({ state: { ...result().state, settings: { partlyMetTolerance: 0.15 } } });
    let s = paneReducer(initialPaneState(), { type: "checked", snapshot: null, result: stored });
    expect(s.settingsDraft).toEqual({ partlyMetTolerance: "15" });
    expect(s.settingsSaved).toEqual({ partlyMetTolerance: "15" });
    s = paneReducer(s, { type: "settingDraft", key: "resultUnitCap", text: "12" });
    s = paneReducer(s, { type: "settingDraft", key: "partlyMetTolerance", text: null });
    expect(s.settingsDraft).toEqual({ resultUnitCap: "12" });
  });

  test("Läs in igen keeps unsaved settings; once saved, the form shows the stored values", () => {
    let s = paneReducer(initialPaneState(), { type: "checked", snapshot: null, result: result() });
    s = paneReducer(s, {
      type: "finished",
      notice: { intent: "success", text: "Inställningarna är sparade." },
    });
    s = paneReducer(s, { type: "settingDraft", key: "resultUnitCap", text: "12 %" });
    expect(s.notice).toBeNull(); // the old "saved" notice no longer describes the form
    s = paneReducer(s, { type: "checked", snapshot: null, result: result() });
    expect(s.settingsDraft).toEqual({ resultUnitCap: "12 %" });
    const saved = result({ state: { ...result().state, settings: { resultUnitCap: 0.12 } } });
    s = paneReducer(s, { type: "checked", snapshot: null, result: saved });
    expect(s.settingsDraft).toEqual({ resultUnitCap: "12" });
    expect(s.settingsSaved).toEqual({ resultUnitCap: "12" });
  });

  test("finished steps are announced, the same words again too", () => {
    let s = paneReducer(initialPaneState(), {
      type: "checked",
      snapshot: null,
      result: result(),
      announce: "Kontrollen är klar: 1 fel, 3 varningar, 1 info.",
    });
    expect(s.announcement).toEqual({ text: "Kontrollen är klar: 1 fel, 3 varningar, 1 info.", seq: 1 });
    s = paneReducer(s, { type: "checked", snapshot: null, result: result(), announce: s.announcement.text });
    expect(s.announcement.seq).toBe(2);
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

test("a write's phase is kept for the cancel button and forgotten when the next run starts", () => {
  let s = paneReducer(initialPaneState(), { type: "start", phase: "generating" });
  s = paneReducer(s, { type: "writePhase", phase: "building" });
  expect(s.writePhase).toBe("building");
  s = paneReducer(s, { type: "writePhase", phase: "committing" });
  expect(s.writePhase).toBe("committing");
  expect(paneReducer(s, { type: "start", phase: "generating" }).writePhase).toBeNull();
});
