/**
 * Browser test support: build the bundle when stale, serve dist/ on 127.0.0.1, start Debian's
 * Chromium through playwright-core (no browser download, no network beyond localhost).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Browser, Locator, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, serveStatic } from "../../scripts/chromium";
import { requireBinary } from "../helpers/requireBinary";
import { recordToolSkip } from "../helpers/toolSkips";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "artifacts", "e2e");
/** Chromium from CHROMIUM_PATH or PATH (not a fixed /usr/bin path, so a PATH without it skips). */
const chromiumBinary = requireBinary("chromium");
export const CHROMIUM = chromiumBinary.path ?? "chromium";
export { CHROMIUM_ARGS };

/** Whether Chromium can run here; on CI its absence is a failure, elsewhere a skip with a message. */
export function chromiumAvailable(): boolean {
  if (chromiumBinary.available) return true;
  const message = `Chromium saknas – installera: ${chromiumBinary.installHint}`;
  if (process.env.CI === "true") throw new Error(message);
  recordToolSkip();
  console.warn(`E2E hoppas över. ${message}`);
  return false;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `webpack --mode production` unless dist/playground.html is newer than every source file. */
export function ensureBuild(): void {
  const page = path.join(DIST, "playground.html");
  const sources = Math.max(
    newestMtime(path.join(ROOT, "src")),
    newestMtime(path.join(ROOT, "tests", "fixtures")), // the playground bundles seed text
    fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs,
  );
  if (
    fs.existsSync(page) &&
    fs.statSync(page).mtimeMs > sources &&
    fs.existsSync(path.join(DIST, "bundle-size.json"))
  )
    return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
    {
      cwd: ROOT,
      stdio: "pipe",
      timeout: 5 * 60_000,
    },
  );
}

/** A static file server over dist/ on 127.0.0.1 and a free port. */
export function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  return serveStatic(DIST);
}

/**
 * For a describe block: builds when stale, serves dist/ and starts Chromium before its tests,
 * closes both after. Returns getters (the values exist only once beforeAll has run).
 */
export function withChromium(): { browser(): Browser; url(): string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    ensureBuild();
    server = await serveDist();
    // playwright's launch uses a fresh temporary user-data-dir for each browser.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser as Browser, url: () => (server as { url: string }).url };
}

/* ---------- the pane in the playground ---------- */

export interface PaneOptions {
  /** A bundled workbook (src/playground/workbooks.ts); the default is the T2 2021 excerpt. */
  bok?: string;
  theme?: "light" | "dark";
  lang?: "sv" | "en";
  /** The pane's width in px (Excel's default is ~350). */
  width?: number;
  /** The pane's content zoomed (2: 200 %, laid out in half the width), as Ctrl + in Excel's pane. */
  zoom?: number;
  /** Every read and write takes this long (ms), as over a slow connection. */
  slow?: number;
  /**
   * The write's uncancellable phase alone takes this long (ms); default: `slow`. `hold`: it lasts
   * until the test calls `releaseCommit(page)`, however long the machine takes to look at it.
   */
  commit?: number | "hold";
  /** A fault the playground simulates once (e.g. `read-denied`). */
  fault?: string;
}

/** Ends a write's uncancellable phase held by `commit: "hold"`. */
export async function releaseCommit(page: Page): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as { malkollReleaseCommit: () => void }).malkollReleaseCommit(),
  );
}

/** Opens the playground with the pane as asked; collects page errors into `errors`. */
export async function openPane(
  browser: Browser,
  baseUrl: string,
  options: PaneOptions = {},
): Promise<{ page: Page; pane: Locator; errors: string[] }> {
  const width = options.width ?? 350;
  const page = await browser.newPage({
    viewport: { width: width + 560, height: 900 },
    // Kopiera tabell för Word writes to the clipboard; the test reads it back.
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...options, width }))
    if (value !== undefined) query.set(key, String(value));
  await page.goto(`${baseUrl}/playground.html?${query}`);
  const pane = page.getByTestId("pane");
  await pane.locator("h1").waitFor();
  return { page, pane, errors };
}

/**
 * Labels of the pane's visible buttons whose text breaks across lines (`Rätta tolknin|g` in a card
 * at 350 px): each text node's line boxes are counted by their tops. A finding is a button holding
 * a sentence, which wraps as a paragraph does: it is not counted.
 */
export async function brokenButtonLabels(pane: Locator): Promise<string[]> {
  return pane.locator("button:visible:not([data-finding])").evaluateAll((buttons) =>
    buttons
      .filter((button) => {
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          if (new Set(rects.map((r) => Math.round(r.top))).size > 1) return true;
        }
        return false;
      })
      .map((button) => button.textContent ?? ""),
  );
}

/**
 * Words of the visible elements' text that break across lines (`sommarlovsaktivitete|r` in the
 * mapping editor's list at 350 px), each as `word in "text"`: a word is its letters between spaces,
 * hyphens, dashes and slashes, and it breaks where its line boxes have more than one top.
 */
export async function brokenWords(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((els) => {
    const out: string[] = [];
    for (const el of els) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? "").matchAll(/[^\s\-/–]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index ?? 0);
          range.setEnd(node, (word.index ?? 0) + word[0].length);
          const tops = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
          );
          if (tops.size > 1) out.push(`${word[0]} in "${el.textContent ?? ""}"`);
        }
      }
    }
    return out;
  });
}

/** Picks a workbook (its name and bytes) with the playground's file picker, as a person does. */
export async function pickXlsx(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId("open-xlsx").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
}

/** {@link pickXlsx}, then waits until the playground shows it as the open workbook. */
export async function openOwnWorkbook(page: Page, name: string, buffer: Buffer): Promise<void> {
  await pickXlsx(page, name, buffer);
  await page.getByTestId("workbook-name").getByText(name).waitFor();
}

/** The visible notice after a step finished (success, info or warning). */
export function notice(pane: Locator): Locator {
  return pane.locator("[data-notice]");
}

/** Tab names of the sheets in the playground's grid, in order. */
export async function gridSheets(page: Page): Promise<string[]> {
  return page
    .locator("[data-sheet-tab]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet-tab") ?? ""));
}

/**
 * Waits until the page has settled: two frames drawn, then every transition and animation that
 * ends has ended (a spinner's endless one aside), for at most five rounds of two seconds. Fluent fades a button's colour over 100 ms when it
 * is enabled again; a fixed wait judged that fade under a loaded machine's slower frames, and axe
 * read the disabled grey on an enabled button as too little contrast.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let round = 0; round < 5; round++) {
      await frame();
      await frame();
      // getAnimations() applies pending style changes first, so a transition about to start is listed.
      const ending = document
        .getAnimations()
        .filter((a) => a.playState === "running" && a.effect?.getComputedTiming().endTime !== Infinity);
      if (ending.length === 0) return;
      // A paused animation never finishes: a round lasts two seconds at most.
      await Promise.race([
        Promise.all(ending.map((a) => a.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
    }
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/**
 * Elements in the pane whose text is cut off, or that stick out of the pane: content wider than
 * the box while overflow hides it. The screen-reader-only live region is meant to be clipped.
 */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-testid="pane"]');
    if (!pane) return ["pane missing"];
    const out: string[] = [];
    const paneBox = pane.getBoundingClientRect();
    for (const el of Array.from(pane.querySelectorAll<HTMLElement>("*"))) {
      if (el.closest("[data-live]")) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && el.tagName !== "OPTION" && box.right > paneBox.right + 1)
        out.push(`${el.tagName} past the pane: ${(el.textContent ?? "").slice(0, 60)}`);
      if (["SELECT", "OPTION", "OPTGROUP", "INPUT", "TEXTAREA", "svg", "path"].includes(el.tagName)) continue;
      const hasText = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "",
      );
      if (!hasText) continue;
      const style = getComputedStyle(el);
      const hides = style.overflowX !== "visible" || style.textOverflow === "ellipsis";
      if (el.scrollWidth > el.clientWidth + 1 && hides)
        out.push(`${el.tagName}: ${(el.textContent ?? "").slice(0, 60)}`);
    }
    // A button's words stay whole: its text may wrap between words, or after a hyphen or a slash,
    // never inside one ("Spara i arbetsboke / n" at 200 %). A finding's text may break a word
    // wider than its button (`Förskoleundersökningen”:` in a 175 px pane); a label's may not.
    for (const button of Array.from(pane.querySelectorAll("button"))) {
      const style = getComputedStyle(button);
      const room = button.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? "").matchAll(/[^\s\-/–]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index ?? 0);
          range.setEnd(node, (word.index ?? 0) + word[0].length);
          const rects = Array.from(range.getClientRects());
          const tops = new Set(rects.map((r) => Math.round(r.top)));
          // Rects are zoomed as the pane is, clientWidth is not: compare in the same CSS px.
          const zoom = button.getBoundingClientRect().width / (button.offsetWidth || 1);
          const wide = rects.reduce((w, r) => w + r.width, 0) / zoom;
          if (tops.size > 1 && (!button.hasAttribute("data-finding") || wide <= room))
            out.push(`BUTTON breaks "${word[0]}" mid-word: ${button.textContent ?? ""}`);
        }
      }
    }
    return out;
  });
}

/**
 * The mapping editor laid out for a narrow pane (below 300 CSS px, as at 200 % zoom): each name
 * above its dropdown and the dropdown as wide as the editor. Beside its name a dropdown was ~60
 * px at 175 CSS px and showed "N…", "P…", "Ut…". Empty when no editor is open.
 */
export async function narrowEditorProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const editor of Array.from(document.querySelectorAll("[data-mapping-editor]"))) {
      for (const label of Array.from(editor.querySelectorAll<HTMLLabelElement>("label[for]"))) {
        const select = document.getElementById(label.htmlFor);
        if (!(select instanceof HTMLSelectElement)) continue;
        const rows = select.parentElement?.parentElement ?? editor;
        const l = label.getBoundingClientRect();
        const s = select.getBoundingClientRect();
        const width = rows.getBoundingClientRect().width;
        if (l.bottom > s.top + 1) out.push(`"${label.textContent}" is not above its dropdown`);
        if (s.width < width * 0.9)
          out.push(
            `the dropdown of "${label.textContent}" is ${Math.round((100 * s.width) / width)} % of the editor's width`,
          );
      }
    }
    return out;
  });
}

/* ---------- axe-core ---------- */

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Violations Fluent UI itself causes, which Målkoll cannot fix without forking Fluent. Each is
 * matched by rule and node, never by rule alone, so the same rule still fails anywhere else.
 */
export const FLUENT_EXCEPTIONS: { rule: string; node: RegExp; reason: string }[] = [
  {
    rule: "aria-hidden-focus",
    node: /^<i [^>]*data-tabster-dummy/,
    reason:
      "Tabster (Fluent's focus manager) puts 1 px <i tabindex=0 aria-hidden=true data-tabster-dummy> " +
      "sentinels around arrow-key groups such as the TabList; they hand focus on the moment they get it " +
      "and are hidden so screen readers don't announce them. Known and by design: microsoft/tabster#288, " +
      "microsoft/fluentui#25133; Accessibility Insights suppresses them the same way.",
  },
];

export interface AxeFinding {
  rule: string;
  impact: string | null;
  nodes: string[];
}

/**
 * Runs axe-core on the pane (or the whole page) and returns violations Fluent does not cause.
 * axe is evaluated through the DevTools protocol, so the page's CSP needs no exception for it.
 */
export async function axeViolations(
  page: Page,
  scope: string | null = '[data-testid="pane"]',
): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    const context = selector ? document.querySelector(selector) : document;
    const result = (await axe.run(context, { resultTypes: ["violations"] })) as {
      violations: {
        id: string;
        impact: string | null;
        nodes: { html: string; target: string[]; failureSummary: string }[];
      }[];
    };
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ html: n.html, where: `${n.target.join(" ")}: ${n.failureSummary}` })),
    }));
  }, scope);
  return violations
    .map((v) => ({
      rule: v.rule,
      impact: v.impact,
      nodes: v.nodes
        .filter((n) => !FLUENT_EXCEPTIONS.some((e) => e.rule === v.rule && e.node.test(n.html)))
        .map((n) => n.where.replace(/\s+/g, " ").slice(0, 300)),
    }))
    .filter((v) => v.nodes.length > 0);
}
