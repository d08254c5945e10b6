/**
 * Task pane figures: the initial JS of the taskpane entry (gzip) from dist/, and the time to first
 * render of the playground page (the same App over the memory port, no Office) in Debian Chromium.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { CHROMIUM_ARGS, findChromium, serveStatic } from "../chromium";
import { median, ms } from "./measure";

/** The pane's heading inside the playground's pane column: rendered means React committed the App. */
const RENDERED = "[data-testid=pane] h1";

/** Scripts an HTML page loads from its own origin, in order. */
function localScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
}

export function bundleFigures(dist: string): string[] {
  const page = path.join(dist, "taskpane.html");
  if (!fs.existsSync(page))
    return ["dist/ not found: run `npm run build` (webpack --mode production), then `npm run bench` again."];
  const scripts = localScripts(fs.readFileSync(page, "utf8"));
  let raw = 0;
  let gzip = 0;
  const parts = scripts.map((src) => {
    const bytes = fs.readFileSync(path.join(dist, src));
    const gz = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += gz;
    return `${src} ${(gz / 1024).toFixed(0)} KB`;
  });
  return [
    `Taskpane entry initial JS (taskpane.html's own scripts): ${(raw / 1024).toFixed(0)} KB raw, ${(gzip / 1024).toFixed(0)} KB gzip (${parts.join(" + ")}); office.js comes from Microsoft's CDN and is not counted`,
  ];
}

export async function firstRender(dist: string, loads: number): Promise<string[]> {
  if (!fs.existsSync(path.join(dist, "playground.html")))
    return ["Time to first render: dist/playground.html missing — run `npm run build` first."];
  const executablePath = findChromium();
  if (!executablePath) return ["Time to first render: Chromium missing (apt-get install chromium)."];
  const { chromium } = await import("playwright-core");
  const server = await serveStatic(dist);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "malkoll-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const url = `${server.url}/playground.html`;
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.goto(url, { waitUntil: "commit" });
      // performance.now() counts from navigation start; sampled every animation frame.
      const handle = await page.waitForFunction(
        (sel) => (document.querySelector(sel) ? performance.now() : 0),
        RENDERED,
        { polling: "raf", timeout: 30_000 },
      );
      times.push((await handle.jsonValue()) as number);
    }
    return [
      `Time to first render (playground.html, the pane's App over the memory port, no Office; until \`${RENDERED}\` exists): first load ${ms(times[0])} (fresh profile), then ${times.slice(1).map(ms).join(", ")}; median ${ms(median(times))}`,
    ];
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
