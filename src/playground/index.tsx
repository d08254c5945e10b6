import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { MemoryPort } from "../ports/memory/memoryPort";
import { App } from "../taskpane/App";
import { languageOf } from "../taskpane/i18n";
import type { WithPort } from "../taskpane/state/usePane";
import { GridView } from "./GridView";
import { sampleWorkbook } from "./sampleWorkbook";

/**
 * The task pane exactly as in Excel, next to a grid view of an in-memory workbook: no Office
 * needed. `?theme=dark` and `?lang=en` switch theme and language.
 */
const params = new URLSearchParams(window.location.search);
const dark = params.get("theme") === "dark";
const language = languageOf(params.get("lang") ?? "sv");
const port = new MemoryPort(sampleWorkbook());
const withPort: WithPort = (work) => work(port);
(window as unknown as { malkollPort: MemoryPort }).malkollPort = port;

function Playground() {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div style={{ display: "flex", alignItems: "stretch", height: "100vh" }}>
        <div
          data-testid="pane"
          style={{
            width: 350,
            flexShrink: 0,
            overflowY: "auto",
            overflowX: "hidden",
            borderRight: "1px solid #8a8886",
          }}
        >
          <App withPort={withPort} language={language} dark={dark} host="browser" />
        </div>
        <GridView port={port} />
      </div>
    </FluentProvider>
  );
}

const container = document.getElementById("container");
if (container) createRoot(container).render(<Playground />);
