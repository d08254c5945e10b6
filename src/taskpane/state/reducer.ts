import type { CheckResult } from "../../engine";
import type { WorkbookSnapshot } from "../../engine/grid";
import type { PeriodKind } from "../../engine/model/types";
import type { Settings } from "../../engine/settings";
import { SETTING_INFO } from "../../engine/settings";
import { settingToText } from "./settings";
import type { WritePlan } from "../../ports/port";
import type { FindingsFilter } from "./findings";
import { DEFAULT_FILTER } from "./findings";

export type Phase = "idle" | "checking" | "saving" | "generating" | "clearing";
export type GeneratePeriod = Exclude<PeriodKind, "VP">;

export interface Notice {
  intent: "success" | "info" | "warning";
  text: string;
}

export interface PaneError {
  /** Text in the person's language: what happened and what to do. */
  text: string;
  /** Excel's own wording, for support. */
  detail: string | null;
}

export interface PaneState {
  phase: Phase;
  snapshot: WorkbookSnapshot | null;
  result: CheckResult | null;
  filter: FindingsFilter;
  /** Settings as typed in the pane (text, Swedish decimal comma allowed), by key. */
  settingsDraft: Partial<Record<keyof Settings, string>>;
  period: { kind: GeneratePeriod; year: number };
  progress: { step: string; fraction: number } | null;
  lastPlan: WritePlan | null;
  notice: Notice | null;
  error: PaneError | null;
}

export type PaneAction =
  | { type: "start"; phase: Exclude<Phase, "idle"> }
  | { type: "checked"; snapshot: WorkbookSnapshot | null; result: CheckResult; notice?: Notice }
  | { type: "generated"; result: CheckResult; plan: WritePlan; notice: Notice }
  | { type: "progress"; step: string; fraction: number }
  | { type: "finished"; notice: Notice }
  | { type: "failed"; error: PaneError }
  | { type: "dismissError" }
  | { type: "dismissNotice" }
  | { type: "filter"; filter: Partial<FindingsFilter> }
  | { type: "period"; kind?: GeneratePeriod; year?: number }
  | { type: "settingDraft"; key: keyof Settings; text: string | null };

export function initialPaneState(now: Date = new Date()): PaneState {
  return {
    phase: "idle",
    snapshot: null,
    result: null,
    filter: DEFAULT_FILTER,
    settingsDraft: {},
    period: { kind: now.getMonth() < 4 ? "T1" : now.getMonth() < 8 ? "T2" : "VB", year: now.getFullYear() },
    progress: null,
    lastPlan: null,
    notice: null,
    error: null,
  };
}

/** The workbook's own overrides as the texts the form shows (percent as percent, decimal comma). */
export function draftFromResult(result: CheckResult): PaneState["settingsDraft"] {
  const draft: PaneState["settingsDraft"] = {};
  for (const info of SETTING_INFO) {
    const value = result.state.settings[info.key];
    if (typeof value === "number" && Number.isFinite(value)) draft[info.key] = settingToText(info, value);
  }
  return draft;
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "start":
      return { ...state, phase: action.phase, error: null, notice: null, progress: null };
    case "checked": {
      const goalStillThere = action.result.model.goals.some((g) => g.id === state.filter.goal);
      // A period the workbook states becomes the default for generating.
      const stated = action.result.model.period;
      const period =
        stated.kind && stated.kind !== "VP" && stated.year
          ? { kind: stated.kind, year: stated.year }
          : state.period;
      return {
        ...state,
        phase: "idle",
        snapshot: action.snapshot ?? state.snapshot,
        result: action.result,
        filter: goalStillThere ? state.filter : { ...state.filter, goal: null },
        settingsDraft: draftFromResult(action.result),
        period: state.result ? state.period : period,
        progress: null,
        notice: action.notice ?? null,
      };
    }
    case "generated":
      return {
        ...state,
        phase: "idle",
        result: action.result,
        lastPlan: action.plan,
        progress: null,
        notice: action.notice,
      };
    case "progress":
      return {
        ...state,
        progress: { step: action.step, fraction: Math.max(0, Math.min(1, action.fraction)) },
      };
    case "finished":
      return { ...state, phase: "idle", progress: null, notice: action.notice };
    case "failed":
      return { ...state, phase: "idle", progress: null, error: action.error };
    case "dismissError":
      return { ...state, error: null };
    case "dismissNotice":
      return { ...state, notice: null };
    case "filter":
      return { ...state, filter: { ...state.filter, ...action.filter } };
    case "period":
      return {
        ...state,
        period: { kind: action.kind ?? state.period.kind, year: action.year ?? state.period.year },
      };
    case "settingDraft": {
      const settingsDraft = { ...state.settingsDraft };
      if (action.text === null) delete settingsDraft[action.key];
      else settingsDraft[action.key] = action.text;
      return { ...state, settingsDraft };
    }
    default:
      return state;
  }
}
