import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Language } from "./i18n";
import { stringsFor } from "./i18n";

export type OfficeProblem = "not-loaded" | "no-host";

/** What the pane shows instead of a blank page when office.js is missing or Excel is not there. */
export function OfficeUnavailable({
  problem,
  language,
  dark,
}: {
  problem: OfficeProblem;
  language: Language;
  dark: boolean;
}) {
  const strings = stringsFor(language).office;
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh", padding: 12 }}>
      <main lang={language}>
        <h1 style={{ margin: "0 0 8px", fontSize: 20, fontWeight: 600 }}>Målkoll</h1>
        <MessageBar intent="error" layout="multiline" role="alert" data-office-problem={problem}>
          <MessageBarBody>
            <MessageBarTitle>{strings.title}</MessageBarTitle>
            {problem === "not-loaded" ? strings.notLoaded : strings.noHost}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => window.location.reload()}>
              {strings.reload}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
