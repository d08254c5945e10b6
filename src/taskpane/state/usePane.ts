import { useCallback, useMemo, useReducer, useRef } from "react";
import type { CheckOptions, CheckResult } from "../../engine";
import { countBySeverity } from "../../engine/findings";
import { cellRef, columnLetters, parseA1 } from "../../engine/grid";
import type { Finding } from "../../engine/findings";
import type { MappingOverride } from "../../engine/state";
import { Refusal } from "../../engine/refusal";
import { HostError } from "../../ports/office/errors";
import type { WorkbookPort } from "../../ports/port";
import { SheetHiddenError } from "../../ports/port";
import type { Language } from "../i18n";
import type { Strings } from "../i18n/sv";
import { stringsFor } from "../i18n";
import type { HiddenAs } from "./findings";
import { hiddenCells, hiddenSheets } from "./findings";
import { staleFlagCount } from "./staleFlags";
import { remainingCounts, remainingSentence, sheetContents } from "./generated";
import { periodLabel, shownPeriod } from "./period";
import type { ChosenPeriod, Notice, PaneError, PaneState } from "./reducer";
import { initialPaneState, keepsUnsavedSettings, paneReducer } from "./reducer";
import { validateDraft } from "./settings";
import type { ColumnRoleChange } from "./storedState";
import { updateStoredState, withColumnRoles, withDirection, withMapping, withSettings } from "./storedState";
import type { SpecTable } from "./wordTable";

/** The check, the planner and the write load when first asked for: the pane's first screen needs none. */
const loadRun = () => import(/* webpackChunkName: "run" */ "../../app/run");

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
  /** Läs in and Kontrollera run the same check; they announce different things when done. */
  check(purpose?: "read" | "check"): Promise<void>;
  /** `columns`: columns of other tables given a role with this one (Hoppa över for a header on the whole sheet). */
  saveMapping(
    mapping: MappingOverride | null,
    directions: DirectionChange[],
    columns?: ColumnRoleChange[],
  ): Promise<void>;
  saveSettings(): Promise<void>;
  /** Sets (or with null clears) the pane's one period and checks again when something was read. */
  choosePeriod(period: ChosenPeriod | null): Promise<void>;
  generate(): Promise<void>;
  cancelGenerate(): void;
  clearFlags(): Promise<void>;
  select(finding: Pick<Finding, "sheet" | "cell">): Promise<void>;
  copyTable(table: SpecTable): Promise<void>;
  /** Repeats the work that failed last. */
  retry(): void;
}

const isAbort = (err: unknown): boolean => err instanceof Error && err.name === "AbortError";

/** Kontrollera and Skapa tabeller use the same period: the person's choice, else the workbook's. */
/**
 * What the pane says once a correction is saved and the check has run again: that it is saved,
 * or, where the table it declares read no row (the name column or the rows not where the person
 * said), that too, so a table of nothing is not taken for mended.
 */
export function savedMappingNotice(
  mapping: MappingOverride | null,
  result: CheckResult,
  strings: Strings,
): Notice {
  if (!mapping || mapping.tableType === "ignore") return { intent: "success", text: strings.mapping.saved };
  const id = `${mapping.sheet}!${mapping.headerCell}`;
  const table = result.recognition.tables.find((t) => t.id === id);
  if (table && table.rows.length > 0) return { intent: "success", text: strings.mapping.saved };
  return { intent: "warning", text: strings.mapping.savedEmpty(cellRef(mapping.sheet, mapping.headerCell)) };
}

function checkOptions(state: PaneState): CheckOptions {
  const chosen = state.chosenPeriod;
  return { period: chosen ? { kind: chosen.kind, year: chosen.year } : null };
}

/**
 * What went wrong, in words a person can act on. `reading` says the work only read the workbook:
 * Excel's AccessDenied then means it may not be read, not that a change was refused.
 */
export function describeError(err: unknown, language: Language, reading = false): PaneError {
  if (err instanceof HostError) {
    const text =
      reading && err.kind === "access-denied" ? stringsFor(language).readDenied : err.text(language);
    return { text, detail: err.debug || err.excelCode };
  }
  if (err instanceof Refusal) return { text: err.text(language), detail: null };
  if (err instanceof Error) return { text: err.message, detail: null };
  return { text: String(err), detail: null };
}

export function usePane(
  withPort: WithPort,
  language: Language,
  host = "excel",
): { state: PaneState; dispatch: React.Dispatch<Parameters<typeof paneReducer>[1]>; actions: PaneActions } {
  const [state, dispatch] = useReducer(paneReducer, undefined, initialPaneState);
  const latest = useRef(state);
  latest.current = state;
  const abort = useRef<AbortController | null>(null);
  const lastFailed = useRef<(() => void) | null>(null);
  const strings = stringsFor(language);

  const fail = useCallback(
    (err: unknown, again: () => void, reading = false) => {
      lastFailed.current = again;
      dispatch({ type: "failed", error: { ...describeError(err, language, reading), retry: true } });
    },
    [language],
  );

  const announceRead = useCallback(
    (result: CheckResult): string => {
      const period = shownPeriod(latest.current.chosenPeriod, result);
      return strings.announce.read(
        result.recognition.tables.length,
        result.model.goals.length,
        period.kind ? periodLabel(period, strings.period.kinds) : strings.period.unknown,
      );
    },
    [strings],
  );

  const recheck = useCallback(
    async (
      port: WorkbookPort,
      purpose: "read" | "check",
      said?: Notice | ((result: CheckResult) => Notice),
    ) => {
      const { runCheck } = await loadRun();
      const { snapshot, result } = await runCheck(port, checkOptions(latest.current));
      const notice = typeof said === "function" ? said(result) : said;
      const counts = countBySeverity(result.findings);
      const unsaved = keepsUnsavedSettings(latest.current, result);
      // Kontrollera writes nothing: a flag whose finding the person mended stays, and the pane says so.
      const staleFlags = staleFlagCount(result.state.flags, result.findings, snapshot.sheets);
      dispatch({
        type: "checked",
        snapshot,
        result,
        staleFlags,
        notice: notice ?? (unsaved ? { intent: "info", text: strings.settings.keptUnsaved } : undefined),
        announce:
          purpose === "read"
            ? announceRead(result)
            : [
                strings.announce.check(counts.error, counts.warning, counts.info),
                staleFlags > 0 ? strings.check.staleFlags(staleFlags) : "",
              ]
                .filter(Boolean)
                .join(" "),
      });
    },
    [announceRead, strings],
  );

  const actions = useMemo<PaneActions>(() => {
    const self: PaneActions = {
      async check(purpose = "check") {
        dispatch({ type: "start", phase: "checking" });
        try {
          await withPort((port) => recheck(port, purpose));
        } catch (err) {
          fail(err, () => void self.check(purpose), true);
        }
      },
      async saveMapping(mapping, directions, columns = []) {
        dispatch({ type: "start", phase: "saving" });
        try {
          await withPort(async (port) => {
            await updateStoredState(port, (stored) => {
              let next = mapping ? withMapping(stored, mapping) : stored;
              next = withColumnRoles(next, columns);
              for (const d of directions) next = withDirection(next, d.sheet, d.row, d.direction);
              return next;
            });
            await recheck(port, "read", (result) => savedMappingNotice(mapping, result, strings));
          });
        } catch (err) {
          fail(err, () => void self.saveMapping(mapping, directions, columns));
        }
      },
      async saveSettings() {
        const { overrides, invalid } = validateDraft(latest.current.settingsDraft);
        if (invalid.length > 0) return; // the form shows which field is wrong
        dispatch({ type: "start", phase: "saving" });
        try {
          await withPort(async (port) => {
            await updateStoredState(port, (stored) => withSettings(stored, overrides));
            await recheck(port, "check", { intent: "success", text: strings.settings.saved });
          });
        } catch (err) {
          fail(err, () => void self.saveSettings());
        }
      },
      async choosePeriod(period) {
        dispatch({ type: "choosePeriod", period });
        latest.current = { ...latest.current, chosenPeriod: period };
        if (latest.current.result) await self.check("check");
      },
      async generate() {
        const controller = new AbortController();
        abort.current = controller;
        dispatch({ type: "start", phase: "generating" });
        try {
          const { runGenerate } = await loadRun();
          const { result, plan, snapshot } = await withPort((port) =>
            runGenerate(port, {
              ...checkOptions(latest.current),
              host,
              requirePeriod: true,
              signal: controller.signal,
              onProgress: (step, fraction) => dispatch({ type: "progress", step, fraction }),
              onWritePhase: (phase) => dispatch({ type: "writePhase", phase }),
            }),
          );
          const sheets = plan.sheets.length;
          const outcome =
            sheets === 0
              ? strings.generate.nothingRecognised
              : controller.signal.aborted
                ? strings.generate.tooLateToCancel(sheets)
                : strings.generate.done(sheets);
          // What the write itself decided (a sheet kept under a new name, one left unflagged) is
          // said where the person clicked, not only in Kontrollera's list: the first, and how many more.
          const decided = plan.findings;
          const said = decided.slice(0, 1).map((f) => (language === "en" ? f.messageEn : f.message));
          if (decided.length > 1) said.push(strings.generate.moreUnderCheck(decided.length - 1));
          // Finance copies the tables right after this: it says what the check left, which they show as is.
          const left = remainingCounts(result.findings, decided);
          const leftText = sheets === 0 ? [] : remainingSentence(left, strings);
          const text = [
            outcome,
            ...sheetContents(plan.sheets, strings, result.findings),
            ...said,
            ...leftText,
          ].join(" ");
          // Errors left in the workbook are in the tables too: not a green notice then.
          const intent =
            sheets === 0 || left.errors > 0 || decided.some((f) => f.severity !== "info")
              ? "warning"
              : "success";
          dispatch({
            type: "generated",
            snapshot,
            result,
            plan,
            notice: { intent, text },
          });
        } catch (err) {
          if (isAbort(err) || controller.signal.aborted)
            dispatch({ type: "finished", notice: { intent: "info", text: strings.generate.cancelled } });
          else if (err instanceof (await loadRun()).PeriodNeeded)
            dispatch({
              type: "checked",
              snapshot: err.snapshot,
              result: err.result,
              notice: {
                intent: "warning",
                text: err.missing === "year" ? strings.generate.yearNeeded : strings.generate.periodNeeded,
              },
            });
          else fail(err, () => void self.generate());
        } finally {
          abort.current = null;
        }
      },
      cancelGenerate() {
        if (!abort.current) return;
        dispatch({ type: "cancelRequested" });
        abort.current.abort();
      },
      async clearFlags() {
        dispatch({ type: "start", phase: "clearing" });
        try {
          const { runClearFlags } = await loadRun();
          const { removed, kept } = await withPort((port) => runClearFlags(port));
          const text = [
            strings.generate.flagsCleared(removed),
            ...kept.map((k) => strings.generate.flagsKeptOnProtected(k.sheet, k.cells)),
          ].join(" ");
          dispatch({ type: "finished", notice: { intent: kept.length ? "warning" : "success", text } });
        } catch (err) {
          fail(err, () => void self.clearFlags());
        }
      },
      async select(finding) {
        // Excel refuses to activate a hidden sheet or select on it: say how to show it instead.
        const sayHidden = (hidden: HiddenAs, texts: typeof strings.check.goToHidden) => {
          const text = texts[hidden](finding.sheet, cellRef(finding.sheet, finding.cell));
          dispatch({ type: "finished", notice: { intent: "info", text } });
        };
        const hidden = hiddenSheets(latest.current.snapshot).get(finding.sheet);
        if (hidden) return sayHidden(hidden, strings.check.goToHidden);
        try {
          const selected = await withPort(async (port) => {
            if (!port.select) return false;
            await port.select(finding.sheet, finding.cell);
            return true;
          });
          if (!selected) return;
          const ref = cellRef(finding.sheet, finding.cell);
          const inHidden = hiddenCells(latest.current.snapshot)(finding.sheet, finding.cell);
          const at = inHidden ? parseA1(finding.cell) : null;
          if (inHidden && at) {
            const text = strings.check.selectedHidden[inHidden](ref, at.row, columnLetters(at.col));
            dispatch({ type: "finished", notice: { intent: "info", text } });
          } else dispatch({ type: "announce", text: strings.announce.selected(ref) });
        } catch (err) {
          if (err instanceof SheetHiddenError) return sayHidden(err.visibility, strings.check.goToHiddenNow);
          fail(err, () => void self.select(finding), true);
        }
      },
      async copyTable(table) {
        try {
          // Loaded on the first copy: the pane's first chunk has no room to spare.
          const { copyTableToClipboard } = await import(/* webpackChunkName: "word-table" */ "./wordTable");
          await copyTableToClipboard(table);
          dispatch({ type: "finished", notice: { intent: "success", text: strings.generate.copied } });
        } catch {
          lastFailed.current = () => void self.copyTable(table);
          dispatch({
            type: "failed",
            error: { text: strings.generate.copyFailed, detail: null, retry: true },
          });
        }
      },
      retry() {
        const again = lastFailed.current;
        lastFailed.current = null;
        dispatch({ type: "dismissError" });
        again?.();
      },
    };
    return self;
  }, [withPort, recheck, fail, strings, host, language]);

  return { state, dispatch, actions };
}
