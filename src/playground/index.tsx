import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import type { WorkbookSnapshot } from "../engine/grid";
import { Refusal } from "../engine/refusal";
import { MemoryPort } from "../ports/memory/memoryPort";
import { toHostError } from "../ports/office/errors";
import type { WorkbookPort } from "../ports/port";
import { App } from "../taskpane/App";
import { languageOf } from "../taskpane/i18n";
import type { WithPort } from "../taskpane/state/usePane";
import { GridView } from "./GridView";
import { WORKBOOKS, workbookFor } from "./workbooks";

/**
 * The task pane exactly as in Excel, next to a grid view of an in-memory workbook: no Office
 * needed. Query: `theme=dark`, `lang=en`, `bok=<key>` (a bundled workbook, see workbooks.ts),
 * `width=300` (the pane's width in px), `zoom=2` (the pane's content at 200 %: 175 CSS px in a 350 px pane), `slow=<ms>` (each read, and each of a write's two phases,
 * takes that long, as over a slow connection to Excel on the web), `commit=<ms>` (the write's second,
 * uncancellable phase alone takes that long; default: as `slow`; `commit=hold`: until the page calls
 * `malkollReleaseCommit()`, so a test can look at the phase for as long as it needs), `fault=read-denied` (the first read fails as Excel's
 * AccessDenied does). A workbook of your own can be opened with the file picker.
 */
const params = new URLSearchParams(window.location.search);
const dark = params.get("theme") === "dark";
const language = languageOf(params.get("lang") ?? "sv");
const paneWidth = Math.min(Math.max(Number(params.get("width")) || 350, 280), 640);
// The pane's content zoomed as Ctrl + does in Excel's pane: as wide on screen, `zoom` times fewer CSS px.
const paneZoom = Math.min(Math.max(Number(params.get("zoom")) || 1, 1), 4);
const slowMs = Math.min(Number(params.get("slow")) || 0, 60_000);
const holdCommit = params.get("commit") === "hold";
const commitMs =
  params.has("commit") && !holdCommit ? Math.min(Number(params.get("commit")) || 0, 60_000) : slowMs;
const fault = params.get("fault");

const useStyles = makeStyles({
  page: {
    display: "flex",
    alignItems: "stretch",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  pane: { flexShrink: 0, overflowY: "auto", overflowX: "hidden", borderRight: "1px solid #8a8886" },
  side: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "12px",
    padding: "6px 8px",
    fontSize: tokens.fontSizeBase200,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  error: { color: tokens.colorStatusDangerForeground3 },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when the page calls `malkollReleaseCommit()` (with `commit=hold`). */
function heldUntilReleased(): Promise<void> {
  return new Promise((resolve) => {
    (window as unknown as { malkollReleaseCommit: () => void }).malkollReleaseCommit = () => resolve();
  });
}

/**
 * Every read waits `ms`; a write builds for `ms` (cancellable, nothing written) and commits for
 * `commitMs` (no longer cancellable), the phases the Office port reports (ports/port.ts WritePhase); the
 * memory port itself stays all-or-nothing. With `read-denied` the first read fails the way Excel
 * reports AccessDenied.
 */
function hostLike(
  port: MemoryPort,
  ms: number,
  commitMs: number | "hold",
  faultOnce: string | null,
): WithPort {
  let pendingFault = faultOnce === "read-denied";
  const slow: WorkbookPort = {
    read: async () => {
      await sleep(ms);
      if (pendingFault) {
        pendingFault = false;
        throw toHostError({ code: "AccessDenied", message: "Access denied (simulated by the playground)" });
      }
      return port.read();
    },
    write: async (plan, options) => {
      options?.onPhase?.("building");
      await sleep(ms);
      if (options?.signal?.aborted) throw new DOMException("Avbrutet av användaren", "AbortError");
      options?.onPhase?.("committing");
      await (commitMs === "hold" ? heldUntilReleased() : sleep(commitMs));
      await port.write(plan);
      options?.onPhase?.("done");
    },
    clearFlags: (flags, state) => port.clearFlags(flags, state),
    select: (sheet, cell) => port.select(sheet, cell),
  };
  return (work) => work(slow);
}

/** Reads an .xlsx with the CLI's reader, loaded only when a file is picked. */
async function readXlsxFile(file: File): Promise<WorkbookSnapshot> {
  const { readXlsxInBrowser } = await import(
    /* webpackChunkName: "playground-xlsx" */ "../ports/xlsx/browser"
  );
  return readXlsxInBrowser(new Uint8Array(await file.arrayBuffer()), file.name);
}

/**
 * Why a picked file was not opened, as the CLI says it: Swedish, then English. Anything but a
 * refusal (the reader could not be loaded, the file went away) keeps its own message in the console.
 */
function problemText(file: File, err: unknown): string {
  if (err instanceof Refusal) return err.message;
  console.warn(err);
  return `${file.name} kunde inte öppnas / ${file.name} could not be opened`;
}

/** The workbook list's entry while a picked file is open (no built-in workbook has this key). */
const PICKED = "";

function Playground() {
  const styles = useStyles();
  const [workbook, setWorkbook] = useState<{ snapshot: WorkbookSnapshot; key: number; picked: boolean }>(
    () => ({ snapshot: workbookFor(params.get("bok")), key: 0, picked: false }),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const port = useMemo(() => new MemoryPort(workbook.snapshot), [workbook]);
  const withPort = useMemo(() => hostLike(port, slowMs, holdCommit ? "hold" : commitMs, fault), [port]);
  (window as unknown as { malkollPort: MemoryPort }).malkollPort = port;

  const open = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      const snapshot = await readXlsxFile(file);
      setWorkbook((w) => ({ snapshot, key: w.key + 1, picked: true }));
    } catch (err) {
      setProblem(problemText(file, err));
    }
  };

  return (
    <div className={styles.page}>
      <div data-testid="pane" className={styles.pane} style={{ width: paneWidth / paneZoom, zoom: paneZoom }}>
        <App key={workbook.key} withPort={withPort} language={language} dark={dark} host="browser" />
      </div>
      <div className={styles.side}>
        <div className={styles.toolbar}>
          <label>
            Arbetsbok{" "}
            <select
              data-testid="workbook-choice"
              value={workbook.picked ? PICKED : (params.get("bok") ?? "t2")}
              onChange={(e) => {
                params.set("bok", e.target.value);
                window.location.search = params.toString();
              }}
            >
              {workbook.picked && (
                <option value={PICKED} disabled>
                  egen fil
                </option>
              )}
              {Object.keys(WORKBOOKS).map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          </label>
          <label>
            Öppna en egen .xlsx{" "}
            <input
              type="file"
              accept=".xlsx,.xlsm"
              data-testid="open-xlsx"
              onChange={(e) => void open(e.target.files?.[0])}
            />
          </label>
          <span data-testid="workbook-name">{workbook.snapshot.name}</span>
          {problem && (
            <span className={styles.error} role="alert" data-testid="open-problem">
              {problem}
            </span>
          )}
        </div>
        <GridView key={workbook.key} port={port} />
      </div>
    </div>
  );
}

const container = document.getElementById("container");
if (container)
  createRoot(container).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <Playground />
    </FluentProvider>,
  );
