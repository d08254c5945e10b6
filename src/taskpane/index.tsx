import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeLanguage, withOfficePort } from "./host";
import { useOfficeDark } from "./theme";

/** The pane, light or dark as Office (or, on the web, the page) is now. */
function Pane() {
  return <App withPort={withOfficePort} language={officeLanguage()} dark={useOfficeDark()} />;
}

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<Pane />);
});
