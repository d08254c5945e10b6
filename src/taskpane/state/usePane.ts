import { useCallback, useMemo, useReducer, useRef } from "react";
import type { Finding } from "../../engine/findings";
import type { MappingOverride } from "../../engine/state";
import { Refusal } from "../../app/refusal";
import { HostError } from "../../ports/office/errors";
import type { WorkbookPort } from "../../ports/port";
import type { Language } from "../i18n";
import { stringsFor } from "../i18n";
import type { PaneError, PaneState } from "./reducer";
import { initialPaneState, paneReducer } from "./reducer";
import { validateDraft } from "./settings";
import { updateStoredState, withDirection, withMapping, withSettings } from "./storedState";
import type { SpecTable } from "./wordTable";
import { copyTableToClipboard } from "./wordTable";
import { runCheck, runClearFlags, runGenerate } from "../../app/run";

/**
 * Runs work against the workbook. In Excel it opens an `Excel.run` batch and hands over an
 * OfficePort; in the playground and tests it hands over a MemoryPort.
 */
export type WithPort = <T>(work: (port: WorkbookPort) => Promise<T>) => Promise<T>;

export interface DirectionChange {
  sheet: string;
  row: number;
  /** `null` removes the person's earlier choice. */
  direction: string | null;
}

export interface PaneActions {
  check(): Promise<void>;
  saveMapping(mapping: MappingOverride | null, directions: DirectionChange[]): Promise<void>;
  saveSettings(): Promise<void>;
  generate(): Promise<void>;
  cancelGenerate(): void;
  clearFlags(): Promise<void>;
  select(finding: Pick<Finding, "sheet" | "cell">): Promise<void>;
  copyTable(table: SpecTable): Promise<void>;
}

const isAbort = (err: unknown): boolean => err instanceof Error && err.name === "AbortError";

/** What went wrong, in words a person can act on. */
export function describeError(err: unknown, language: Language): PaneError {
  if (err instanceof HostError) return { text: err.text(language), detail: err.debug || err.excelCode };
  if (err instanceof Refusal) return { text: err.text(language), detail: null };
  if (err instanceof Error) return { text: err.message, detail: null };
  return { text: String(err), detail: null };
}

export function usePane(
  withPort: WithPort,
  language: Language,
  host = "excel",
): { state: PaneState; dispatch: React.Dispatch<Parameters<typeof paneReducer>[1]>; actions: PaneActions } {
  const [state, dispatch] = useReducer(paneReducer, undefined, () => initialPaneState());
  const latest = useRef(state);
  latest.current = state;
  const abort = useRef<AbortController | null>(null);
  const strings = stringsFor(language);

  const fail = useCallback(
    (err: unknown) => dispatch({ type: "failed", error: describeError(err, language) }),
    [language],
  );

  const recheck = useCallback(async (port: WorkbookPort, noticeText?: string) => {
    const { snapshot, result } = await runCheck(port, {});
    dispatch({
      type: "checked",
      snapshot,
      result,
      notice: noticeText ? { intent: "success", text: noticeText } : undefined,
    });
  }, []);

  const actions = useMemo<PaneActions>(
    () => ({
      async check() {
        dispatch({ type: "start", phase: "checking" });
        try {
          await withPort((port) => recheck(port));
        } catch (err) {
          fail(err);
        }
      },
      async saveMapping(mapping, directions) {
        dispatch({ type: "start", phase: "saving" });
        try {
          await withPort(async (port) => {
            await updateStoredState(port, (stored) => {
              let next = mapping ? withMapping(stored, mapping) : stored;
              for (const d of directions) next = withDirection(next, d.sheet, d.row, d.direction);
              return next;
            });
            await recheck(port, strings.mapping.saved);
          });
        } catch (err) {
          fail(err);
        }
      },
      async saveSettings() {
        const { overrides, invalid } = validateDraft(latest.current.settingsDraft);
        if (invalid.length > 0) return; // the form shows which field is wrong
        dispatch({ type: "start", phase: "saving" });
        try {
          await withPort(async (port) => {
            await updateStoredState(port, (stored) => withSettings(stored, overrides));
            await recheck(port, strings.settings.saved);
          });
        } catch (err) {
          fail(err);
        }
      },
      async generate() {
        const controller = new AbortController();
        abort.current = controller;
        const { kind, year } = latest.current.period;
        dispatch({ type: "start", phase: "generating" });
        try {
          const { result, plan } = await withPort((port) =>
            runGenerate(port, {
              period: { kind, year },
              host,
              signal: controller.signal,
              onProgress: (step, fraction) => dispatch({ type: "progress", step, fraction }),
            }),
          );
          const text =
            plan.sheets.length > 0
              ? strings.generate.done(plan.sheets.length)
              : strings.generate.nothingToWrite;
          dispatch({
            type: "generated",
            result,
            plan,
            notice: { intent: plan.sheets.length > 0 ? "success" : "info", text },
          });
        } catch (err) {
          if (isAbort(err) || controller.signal.aborted)
            dispatch({ type: "finished", notice: { intent: "info", text: strings.generate.cancelled } });
          else fail(err);
        } finally {
          abort.current = null;
        }
      },
      cancelGenerate() {
        abort.current?.abort();
      },
      async clearFlags() {
        dispatch({ type: "start", phase: "clearing" });
        try {
          const count = await withPort((port) => runClearFlags(port));
          dispatch({
            type: "finished",
            notice: { intent: "success", text: strings.generate.flagsCleared(count) },
          });
        } catch (err) {
          fail(err);
        }
      },
      async select(finding) {
        try {
          await withPort(async (port) => {
            await port.select?.(finding.sheet, finding.cell);
          });
        } catch (err) {
          fail(err);
        }
      },
      async copyTable(table) {
        try {
          await copyTableToClipboard(table);
          dispatch({ type: "finished", notice: { intent: "success", text: strings.generate.copied } });
        } catch {
          dispatch({ type: "failed", error: { text: strings.generate.copyFailed, detail: null } });
        }
      },
    }),
    [withPort, recheck, fail, strings, host],
  );

  return { state, dispatch, actions };
}
