import { initialPaneState, paneReducer } from "../../../src/taskpane/state/reducer";
import { runGenerate } from "../../../src/app/run";
import type { WorkbookSnapshot } from "../../../src/engine/grid";
import { MemoryPort } from "../../../src/ports/memory/memoryPort";
import { checkShared, result, SHARED_PERIOD, sharedWorkbook } from "../fixtures";

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

  test("a filter on a sheet is kept while the sheet has findings, and dropped once it is renamed or has none", () => {
    // A unit manager's sheet in the nämnd's workbook (fixtures: 000's förskola unit).
    const mine = "Förskolan Åkern's mål 2021";
    const read = (snapshot: WorkbookSnapshot) => ({
      type: "checked" as const,
      snapshot,
      result: checkShared(snapshot),
    });
    const withSheet = (change: (name: string) => string | null): WorkbookSnapshot => {
      const book = sharedWorkbook();
      return {
        ...book,
        sheets: book.sheets.flatMap((s) => {
          const name = change(s.name);
          return name === null ? [] : [{ ...s, name }];
        }),
      };
    };
    let s = paneReducer(initialPaneState(), read(sharedWorkbook()));
    s = paneReducer(s, { type: "filter", filter: { scope: `sheet:${mine}`, mustWrite: true } });
    s = paneReducer(s, read(sharedWorkbook()));
    expect(s.filter.scope).toBe(`sheet:${mine}`);
    // Renamed (case only too: the name is the value) …
    const renamed = paneReducer(s, read(withSheet((n) => (n === mine ? n.toLocaleLowerCase("sv") : n))));
    expect(renamed.filter).toEqual({ scope: null, mustWrite: true, groupBy: "severity" });
    // … or its notes mended (the sheet gone here, its findings with it).
    const mended = paneReducer(s, read(withSheet((n) => (n === mine ? null : n))));
    expect(mended.filter.scope).toBeNull();
    // A read that kept no other sheet's findings leaves one sheet, offered no more.
    const alone = paneReducer(s, read(withSheet((n) => (n === mine || n === "Budget" ? n : null))));
    expect(alone.filter.scope).toBe(`sheet:${mine}`);
    const only = paneReducer(s, read(withSheet((n) => (n === mine ? n : null))));
    expect(only.result?.findings.every((f) => f.sheet === mine)).toBe(true);
    expect(only.filter.scope).toBeNull();
  });

  test("Skapa tabeller reads the workbook again: a sheet renamed meanwhile is no scope any more", async () => {
    let s = paneReducer(initialPaneState(), {
      type: "checked",
      snapshot: sharedWorkbook(),
      result: checkShared(),
    });
    s = paneReducer(s, { type: "filter", filter: { scope: "sheet:Ekonomi" } });
    const generate = async (name: string) => {
      const book = sharedWorkbook();
      const sheets = book.sheets.map((sheet) => (sheet.name === "Ekonomi" ? { ...sheet, name } : sheet));
      const generated = await runGenerate(new MemoryPort({ ...book, sheets }), {
        ...SHARED_PERIOD,
        host: "cli",
      });
      return paneReducer(s, { type: "generated", ...generated, notice: { intent: "success", text: "" } });
    };
    expect((await generate("Ekonomi")).filter.scope).toBe("sheet:Ekonomi");
    expect((await generate("Ekonomi 2021")).filter).toEqual({ ...s.filter, scope: null });
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
