import type { CheckResult } from "../../engine";
import type { WorkbookSnapshot } from "../../engine/grid";
import type { PeriodKind } from "../../engine/model/types";
import type { Settings } from "../../engine/settings";
import { SETTING_INFO } from "../../engine/settings";
import type { GenerateStep } from "../../app/run";
import type { WritePhase } from "../../ports/port";
import { settingToText, unsavedSettings } from "./settings";
import type { WritePlan } from "../../ports/port";
import type { FindingsFilter } from "./findings";
import { DEFAULT_FILTER, scopeExists, userSheetNames } from "./findings";

export type Phase = "idle" | "checking" | "saving" | "generating" | "clearing";

/** A period the person chose in the pane; it wins over the workbook's until they clear it. */
export interface ChosenPeriod {
  kind: PeriodKind;
  year: number;
}

export interface Notice {
  intent: "success" | "info" | "warning";
  text: string;
}

export interface PaneError {
  /** Text in the person's language: what happened and what to do. */
  text: string;
  /** Excel's own wording, for support. */
  detail: string | null;
  /** Whether "Försök igen" repeats the work that failed. */
  retry?: boolean;
}

export type SettingsDraft = Partial<Record<keyof Settings, string>>;

export interface PaneState {
  phase: Phase;
  snapshot: WorkbookSnapshot | null;
  result: CheckResult | null;
  filter: FindingsFilter;
  /** Settings as typed in the pane (text, Swedish decimal comma allowed), by key. */
  settingsDraft: SettingsDraft;
  /** The same texts for what the workbook stores: a draft that differs is unsaved. */
  settingsSaved: SettingsDraft;
  /** Null: the period is the workbook's (the CLI's rule). Never a guess from today's date. */
  chosenPeriod: ChosenPeriod | null;
  progress: { step: GenerateStep; fraction: number } | null;
  /** Where the port's write is, when the port says (the Office port does; see canCancelWrite). */
  writePhase: WritePhase | null;
  /** Avbryt was pressed and the run has not ended yet. */
  cancelRequested: boolean;
  lastPlan: WritePlan | null;
  /**
   * After a check: flags the state sheet records on cells no finding points at any more (see
   * staleFlags.ts). Null when the last work was not a check (a write changed the flags since).
   */
  staleFlags: number | null;
  notice: Notice | null;
  error: PaneError | null;
  /** What the live region says; `seq` changes so the same words are announced again. */
  announcement: { text: string; seq: number };
}

export type PaneAction =
  | { type: "start"; phase: Exclude<Phase, "idle"> }
  | {
      type: "checked";
      snapshot: WorkbookSnapshot | null;
      result: CheckResult;
      /** Flags left on cells no finding points at (staleFlags.ts), when the check read the state. */
      staleFlags?: number;
      notice?: Notice;
      announce?: string;
    }
  | {
      type: "generated";
      snapshot: WorkbookSnapshot;
      result: CheckResult;
      plan: WritePlan;
      notice: Notice;
      announce?: string;
    }
  | { type: "progress"; step: GenerateStep; fraction: number }
  | { type: "writePhase"; phase: WritePhase }
  | { type: "cancelRequested" }
  | { type: "finished"; notice: Notice; announce?: string }
  | { type: "failed"; error: PaneError }
  | { type: "announce"; text: string }
  | { type: "dismissError" }
  | { type: "dismissNotice" }
  | { type: "filter"; filter: Partial<FindingsFilter> }
  | { type: "choosePeriod"; period: ChosenPeriod | null }
  | { type: "settingDraft"; key: keyof Settings; text: string | null };

export function initialPaneState(): PaneState {
  return {
    phase: "idle",
    snapshot: null,
    result: null,
    filter: DEFAULT_FILTER,
    settingsDraft: {},
    settingsSaved: {},
    chosenPeriod: null,
    progress: null,
    writePhase: null,
    cancelRequested: false,
    lastPlan: null,
    staleFlags: null,
    notice: null,
    error: null,
    announcement: { text: "", seq: 0 },
  };
}

/** The workbook's own overrides as the texts the form shows (percent as percent, decimal comma). */
export function draftFromResult(result: CheckResult): SettingsDraft {
  const draft: SettingsDraft = {};
  for (const info of SETTING_INFO) {
    const value = result.state.settings[info.key];
    if (typeof value === "number" && Number.isFinite(value)) draft[info.key] = settingToText(info, value);
  }
  return draft;
}

/**
 * Whether a new read keeps what the person typed under Inställningar: yes while it is unsaved
 * and still differs from what the workbook now stores (once saved, the form shows the stored values).
 */
export function keepsUnsavedSettings(state: PaneState, result: CheckResult): boolean {
  return (
    unsavedSettings(state.settingsDraft, state.settingsSaved).length > 0 &&
    unsavedSettings(state.settingsDraft, draftFromResult(result)).length > 0
  );
}

/**
 * The filter after a new read: a scope no longer offered (a goal gone, a sheet renamed or without
 * findings now) falls back to the whole workbook; Vad måste jag skriva? and the grouping stay.
 */
function filterAfterRead(
  filter: FindingsFilter,
  result: CheckResult,
  snapshot: WorkbookSnapshot | null,
): FindingsFilter {
  const on = { findings: result.findings, sheets: userSheetNames(snapshot, result.state) };
  return scopeExists(filter.scope, result.model, on) ? filter : { ...filter, scope: null };
}

function announce(state: PaneState, text: string | undefined): PaneState["announcement"] {
  return text ? { text, seq: state.announcement.seq + 1 } : state.announcement;
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "start":
      return {
        ...state,
        phase: action.phase,
        staleFlags: null,
        error: null,
        notice: null,
        progress: null,
        writePhase: null,
        cancelRequested: false,
      };
    case "checked": {
      const saved = draftFromResult(action.result);
      const keepDraft = keepsUnsavedSettings(state, action.result);
      const snapshot = action.snapshot ?? state.snapshot;
      return {
        ...state,
        phase: "idle",
        snapshot,
        result: action.result,
        staleFlags: action.staleFlags ?? null,
        filter: filterAfterRead(state.filter, action.result, snapshot),
        settingsDraft: keepDraft ? state.settingsDraft : saved,
        settingsSaved: saved,
        progress: null,
        notice: action.notice ?? null,
        announcement: announce(state, [action.notice?.text, action.announce].filter(Boolean).join(" ")),
      };
    }
    case "generated":
      return {
        ...state,
        phase: "idle",
        snapshot: action.snapshot,
        result: action.result,
        // Skapa tabeller reads the workbook again: a sheet renamed meanwhile is no choice any more.
        filter: filterAfterRead(state.filter, action.result, action.snapshot),
        lastPlan: action.plan,
        progress: null,
        cancelRequested: false,
        notice: action.notice,
        announcement: announce(state, action.announce ?? action.notice.text),
      };
    case "progress":
      return {
        ...state,
        progress: { step: action.step, fraction: Math.max(0, Math.min(1, action.fraction)) },
      };
    case "writePhase":
      return { ...state, writePhase: action.phase };
    case "cancelRequested":
      return { ...state, cancelRequested: true };
    case "finished":
      return {
        ...state,
        phase: "idle",
        progress: null,
        cancelRequested: false,
        notice: action.notice,
        announcement: announce(state, action.announce ?? action.notice.text),
      };
    case "failed":
      return { ...state, phase: "idle", progress: null, cancelRequested: false, error: action.error };
    case "announce":
      return { ...state, announcement: announce(state, action.text) };
    case "dismissError":
      return { ...state, error: null };
    case "dismissNotice":
      return { ...state, notice: null };
    case "filter":
      return { ...state, filter: { ...state.filter, ...action.filter } };
    case "choosePeriod":
      return { ...state, chosenPeriod: action.period };
    case "settingDraft": {
      const settingsDraft = { ...state.settingsDraft };
      if (action.text === null) delete settingsDraft[action.key];
      else settingsDraft[action.key] = action.text;
      // An old "saved" notice no longer describes what the form shows.
      return { ...state, settingsDraft, notice: null };
    }
    default:
      return state;
  }
}
