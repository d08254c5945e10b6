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
import { Suspense, lazy, useState } from "react";
import type { Language } from "./i18n";
import { LanguageContext, stringsFor } from "./i18n";
import { FindingsList } from "./components/FindingsList";
import { GenerateStep } from "./components/GenerateStep";
import { ReadStep } from "./components/ReadStep";
import { RibbonCheckNotice } from "./components/RibbonCheckNotice";
import { SettingsForm } from "./components/SettingsForm";
import type { WithPort } from "./state/usePane";
import { usePane } from "./state/usePane";

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
    padding: "8px 12px 24px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    // A native select is as wide as its longest option unless told otherwise: keep it in the pane.
    "& .fui-Field, & .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
  },
  title: { margin: "4px 0 0", fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  tabs: { flexWrap: "wrap" },
  busy: { display: "flex", alignItems: "center", gap: "8px" },
  panel: { outline: "none" },
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
  const busy = state.phase !== "idle";
  const steps: StepKey[] = ["read", "check", "generate", "settings"];

  return (
    <LanguageContext.Provider value={language}>
      <FluentProvider
        theme={dark ? webDarkTheme : webLightTheme}
        className={styles.provider}
        data-theme={dark ? "dark" : "light"}
      >
        <main className={styles.root} lang={language}>
          <h1 className={styles.title}>{strings.appTitle}</h1>
          <RibbonCheckNotice />
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={step}
            onTabSelect={(_, d) => setStep(d.value as StepKey)}
            aria-label={strings.appTitle}
          >
            {steps.map((key) => (
              <Tab key={key} value={key} id={`tab-${key}`} aria-controls="step-panel">
                {strings.tabs[key]}
              </Tab>
            ))}
          </TabList>

          {state.error && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
                {state.error.text}
                {state.error.detail && (
                  <div style={{ fontSize: tokens.fontSizeBase200 }}>{state.error.detail}</div>
                )}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => dispatch({ type: "dismissError" })}>
                  {strings.dismiss}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {state.notice && (
            <MessageBar intent={state.notice.intent} role="status">
              <MessageBarBody>{state.notice.text}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => dispatch({ type: "dismissNotice" })}>
                  {strings.dismiss}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {busy && state.phase !== "generating" && (
            <div className={styles.busy} role="status">
              <Spinner size="tiny" />
              <span>{strings.busy}</span>
            </div>
          )}

          <section id="step-panel" role="tabpanel" aria-labelledby={`tab-${step}`} className={styles.panel}>
            {step === "read" && (
              <ReadStep
                snapshot={state.snapshot}
                result={state.result}
                busy={busy}
                onRead={() => void actions.check()}
                onSaveMapping={(mapping, directions) => void actions.saveMapping(mapping, directions)}
              />
            )}
            {step === "check" && (
              <div>
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() => void actions.check()}
                  style={{ marginBottom: 8 }}
                >
                  {strings.check.run}
                </Button>
                {state.result ? (
                  <FindingsList
                    findings={state.result.findings}
                    goals={state.result.model.goals}
                    filter={state.filter}
                    onFilterChange={(filter) => dispatch({ type: "filter", filter })}
                    onSelect={(f) => void actions.select(f)}
                  />
                ) : (
                  <p>{strings.check.needsRead}</p>
                )}
              </div>
            )}
            {step === "generate" && (
              <GenerateStep
                period={state.period}
                phase={state.phase}
                progress={state.progress}
                lastPlan={state.lastPlan}
                onPeriod={(change) => dispatch({ type: "period", ...change })}
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
                  busy={busy}
                  onDraft={(key, text) => dispatch({ type: "settingDraft", key, text })}
                  onSave={() => void actions.saveSettings()}
                />
                <Suspense fallback={null}>
                  <ExcelSelfTest />
                </Suspense>
              </>
            )}
          </section>
        </main>
      </FluentProvider>
    </LanguageContext.Provider>
  );
}
