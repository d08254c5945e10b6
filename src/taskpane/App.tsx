import {
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Button,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Settings20Regular } from "@fluentui/react-icons";
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from "react";
import type { Language } from "./i18n";
import { LanguageContext, stringsFor } from "./i18n";
import { PeriodBar } from "./components/PeriodBar";
import { ReadStep } from "./components/ReadStep";
import { RibbonCheckNotice } from "./components/RibbonCheckNotice";
import { hiddenCells, hiddenSheets, userSheetNames } from "./state/findings";
import { shownPeriod } from "./state/period";
import type { WithPort } from "./state/usePane";
import { usePane } from "./state/usePane";

// Läs in is the first screen; the other steps load when first opened, which keeps the pane's
// first load within its 200 KB budget.
const FindingsList = lazy(() =>
  import("./components/FindingsList").then((m) => ({ default: m.FindingsList })),
);
const GenerateStep = lazy(() =>
  import("./components/GenerateStep").then((m) => ({ default: m.GenerateStep })),
);
const SettingsForm = lazy(() =>
  import("./components/SettingsForm").then((m) => ({ default: m.SettingsForm })),
);
// "Testa mot Excel" is loaded when Inställningar is opened, not with the pane.
const ExcelSelfTest = lazy(() =>
  import("./components/ExcelSelfTest").then((m) => ({ default: m.ExcelSelfTest })),
);

export type StepKey = "read" | "check" | "generate" | "settings";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "480px",
    padding: "8px 8px 24px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    // A native select is as wide as its longest option unless told otherwise: keep it in the pane.
    "& .fui-Field, & .fui-Select, & .fui-Input": { minWidth: 0, maxWidth: "100%" },
    "& select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: "8px",
  },
  title: { margin: "4px 0 0", fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  // The three steps stay on one row down to a 300 px pane (Inställningar sits in the header);
  // narrower (a 350 px pane zoomed to 200 % is 175 CSS px) they wrap rather than cut Skapa tabeller off.
  tabs: { flexWrap: "wrap" },
  // 12 px labels: "Läs in · Kontrollera · Skapa tabeller" need ~270 px even in DejaVu Sans, wider
  // than Office's Segoe UI.
  tab: {
    paddingLeft: "5px",
    paddingRight: "5px",
    minWidth: 0,
    // The bold copy Fluent reserves the selected width with must shrink too.
    "& .fui-Tab__content, & .fui-Tab__content--reserved-space": { fontSize: tokens.fontSizeBase200 },
  },
  busy: { display: "flex", alignItems: "center", gap: "8px" },
  panel: { outline: "none" },
  // Read by screen readers, not shown.
  live: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export interface AppProps {
  withPort: WithPort;
  language: Language;
  dark: boolean;
  initialStep?: StepKey;
  /** Recorded in the workbook's run log: `excel` in Office, `browser` in the playground. */
  host?: string;
}

export function App({ withPort, language, dark, initialStep = "read", host = "excel" }: AppProps) {
  const styles = useStyles();
  const strings = stringsFor(language);
  const { state, dispatch, actions } = usePane(withPort, language, host);
  const [step, setStep] = useState<StepKey>(initialStep);
  const [periodEditing, setPeriodEditing] = useState(false);
  const [openBlock, setOpenBlock] = useState<string | null>(null);
  const busy = state.phase !== "idle";
  const steps: StepKey[] = ["read", "check", "generate"];
  const period = shownPeriod(state.chosenPeriod, state.result);
  const hidden = useMemo(() => hiddenSheets(state.snapshot), [state.snapshot]);
  const hiddenCellOf = useMemo(() => hiddenCells(state.snapshot), [state.snapshot]);
  const sheets = useMemo(
    () => userSheetNames(state.snapshot, state.result?.state ?? null),
    [state.snapshot, state.result],
  );
  // A notice or an error shows at the top, but what asked for it may be far down the list (a
  // finding on a hidden sheet): a new one is scrolled into view, no further than that takes.
  const errorBar = useRef<HTMLDivElement>(null);
  const noticeBar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    errorBar.current?.scrollIntoView?.({ block: "nearest" });
  }, [state.error]);
  useEffect(() => {
    noticeBar.current?.scrollIntoView?.({ block: "nearest" });
  }, [state.notice]);
  // Stäng gives focus back to what the person last used (the finding or button that led to the
  // notice), not to the page: a keyboard user would start again from the top of the pane.
  const lastFocused = useRef<HTMLElement | null>(null);
  const noteFocus = (target: EventTarget) => {
    const element = target as HTMLElement;
    if (!errorBar.current?.contains(element) && !noticeBar.current?.contains(element))
      lastFocused.current = element;
  };
  const returnFocus = () => {
    const element = lastFocused.current;
    if (element?.isConnected && !(element as HTMLButtonElement).disabled) element.focus();
    else document.getElementById("step-panel")?.focus();
  };
  const choosePeriod = () => {
    setPeriodEditing(true);
    window.scrollTo?.({ top: 0 });
  };

  return (
    <LanguageContext.Provider value={language}>
      <FluentProvider
        theme={dark ? webDarkTheme : webLightTheme}
        className={styles.provider}
        data-theme={dark ? "dark" : "light"}
      >
        <main className={styles.root} lang={language} onFocus={(e) => noteFocus(e.target)}>
          <div className={styles.header}>
            <h1 className={styles.title}>{strings.appTitle}</h1>
            <Button
              id="tab-settings"
              appearance={step === "settings" ? "secondary" : "subtle"}
              size="small"
              icon={<Settings20Regular />}
              aria-pressed={step === "settings"}
              aria-controls="step-panel"
              onClick={() => setStep(step === "settings" ? "read" : "settings")}
            >
              {strings.tabs.settings}
            </Button>
          </div>
          <RibbonCheckNotice />
          <div className={styles.live} role="status" aria-live="polite" data-live>
            <span key={state.announcement.seq}>{state.announcement.text}</span>
          </div>
          <PeriodBar
            chosen={state.chosenPeriod}
            result={state.result}
            busy={busy}
            editing={periodEditing}
            onEditing={setPeriodEditing}
            onChoose={(p) => void actions.choosePeriod(p)}
          />
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={step === "settings" ? null : step}
            onTabSelect={(_, d) => {
              setOpenBlock(null); // a block opened from Kontrollera opens once
              setStep(d.value as StepKey);
            }}
            aria-label={strings.appTitle}
          >
            {steps.map((key) => (
              <Tab key={key} value={key} id={`tab-${key}`} aria-controls="step-panel" className={styles.tab}>
                {strings.tabs[key]}
              </Tab>
            ))}
          </TabList>

          {state.error && (
            <MessageBar ref={errorBar} intent="error" role="alert" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
                {state.error.text}
                {state.error.detail && (
                  <div style={{ fontSize: tokens.fontSizeBase200 }}>{state.error.detail}</div>
                )}
              </MessageBarBody>
              <MessageBarActions>
                {state.error.retry && (
                  <Button size="small" onClick={() => actions.retry()}>
                    {strings.retry}
                  </Button>
                )}
                <Button
                  size="small"
                  onClick={() => {
                    returnFocus();
                    dispatch({ type: "dismissError" });
                  }}
                >
                  {strings.dismiss}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {state.notice && (
            <MessageBar
              ref={noticeBar}
              intent={state.notice.intent}
              layout="multiline"
              data-notice={state.notice.intent}
            >
              <MessageBarBody>{state.notice.text}</MessageBarBody>
              <MessageBarActions>
                <Button
                  size="small"
                  onClick={() => {
                    returnFocus();
                    dispatch({ type: "dismissNotice" });
                  }}
                >
                  {strings.dismiss}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {busy && state.phase !== "generating" && (
            <div className={styles.busy}>
              <Spinner size="tiny" />
              <span>{strings.busy}</span>
            </div>
          )}

          <section
            id="step-panel"
            role="tabpanel"
            tabIndex={-1}
            aria-labelledby={`tab-${step}`}
            className={styles.panel}
          >
            <Suspense fallback={<Spinner size="tiny" />}>
              {step === "read" && (
                <ReadStep
                  snapshot={state.snapshot}
                  result={state.result}
                  busy={busy}
                  openBlock={openBlock}
                  onRead={() => void actions.check("read")}
                  onSaveMapping={(mapping, directions, columns) =>
                    void actions.saveMapping(mapping, directions, columns)
                  }
                />
              )}
              {step === "check" && (
                <div>
                  {!state.result && <p>{strings.check.intro}</p>}
                  <Button
                    appearance="primary"
                    disabledFocusable={busy}
                    onClick={() => void actions.check("check")}
                    style={{ marginBottom: 8 }}
                  >
                    {strings.check.run}
                  </Button>
                  {state.result && (
                    <FindingsList
                      findings={state.result.findings}
                      model={state.result.model}
                      filter={state.filter}
                      onFilterChange={(filter) => dispatch({ type: "filter", filter })}
                      onAnnounce={(text) => dispatch({ type: "announce", text })}
                      onSelect={(f) => void actions.select(f)}
                      hiddenSheets={hidden}
                      hiddenCells={hiddenCellOf}
                      sheets={sheets}
                      staleFlags={state.staleFlags}
                      onChoosePeriod={choosePeriod}
                      onReadBlock={(f) => {
                        setOpenBlock(`${f.sheet}!${f.cell}`);
                        setStep("read");
                      }}
                    />
                  )}
                </div>
              )}
              {step === "generate" && (
                <GenerateStep
                  period={period}
                  phase={state.phase}
                  progress={state.progress}
                  writePhase={state.writePhase}
                  cancelRequested={state.cancelRequested}
                  lastPlan={state.lastPlan}
                  onChoosePeriod={choosePeriod}
                  onGenerate={() => void actions.generate()}
                  onCancel={() => actions.cancelGenerate()}
                  onClearFlags={() => void actions.clearFlags()}
                  onCopy={(table) => void actions.copyTable(table)}
                />
              )}
              {step === "settings" && (
                <>
                  <SettingsForm
                    draft={state.settingsDraft}
                    saved={state.settingsSaved}
                    busy={busy}
                    onDraft={(key, text) => dispatch({ type: "settingDraft", key, text })}
                    onSave={() => void actions.saveSettings()}
                  />
                  <ExcelSelfTest />
                </>
              )}
            </Suspense>
          </section>
        </main>
      </FluentProvider>
    </LanguageContext.Provider>
  );
}
