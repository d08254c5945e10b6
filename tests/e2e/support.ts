/**
 * Browser test support: build the bundle when stale, serve dist/ on 127.0.0.1, start Debian's
 * Chromium through playwright-core (no browser download, no network beyond localhost).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { requireBinary } from "../helpers/requireBinary";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "artifacts", "e2e");
/** Chromium from CHROMIUM_PATH or PATH (not a fixed /usr/bin path, so a PATH without it skips). */
const chromium = requireBinary("chromium");
export const CHROMIUM = chromium.path ?? "chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Whether Chromium can run here; on CI its absence is a failure, elsewhere a skip with a message. */
export function chromiumAvailable(): boolean {
  if (chromium.available) return true;
  const message = `Chromium saknas – installera: ${chromium.installHint}`;
  if (process.env.CI === "true") throw new Error(message);
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

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** A static file server over dist/ on 127.0.0.1 and a free port. */
export async function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.normalize(path.join(DIST, pathname));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
