import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeIsDark, officeLanguage, withOfficePort } from "./host";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <App withPort={withOfficePort} language={officeLanguage()} dark={officeIsDark()} />,
  );
});
