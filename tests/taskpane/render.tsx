import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { Language } from "../../src/taskpane/i18n";
import { LanguageContext } from "../../src/taskpane/i18n";

/** Renders inside the pane's providers (theme and language). */
export function renderInPane(ui: ReactElement, language: Language = "sv") {
  return render(
    <LanguageContext.Provider value={language}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </LanguageContext.Provider>,
  );
}
