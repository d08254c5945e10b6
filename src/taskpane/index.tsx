import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeLanguage, withOfficePort } from "./host";
import { languageOf } from "./i18n";
import type { OfficeProblem } from "./OfficeUnavailable";
import { OfficeUnavailable } from "./OfficeUnavailable";
import { useOfficeDark } from "./theme";

/** The pane, light or dark as Office (or, on the web, the page) is now. */
function Pane() {
  return <App withPort={withOfficePort} language={officeLanguage()} dark={useOfficeDark()} />;
}

/** How long office.js may take to say it is ready before the pane says why it is still empty. */
const READY_TIMEOUT_MS = 20_000;

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  // Office has not told us its language or theme: use the browser's.
  const problem = (kind: OfficeProblem) =>
    root.render(
      <OfficeUnavailable
        problem={kind}
        language={languageOf(navigator.language)}
        dark={window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false}
      />,
    );
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    problem("not-loaded"); // the <script> for office.js failed: offline, blocked or filtered
  } else {
    const timer = setTimeout(() => problem("no-host"), READY_TIMEOUT_MS);
    void Office.onReady((info) => {
      clearTimeout(timer);
      if (!info.host) return problem("no-host");
      root.render(<Pane />);
    });
  }
}
