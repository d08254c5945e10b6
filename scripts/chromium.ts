/**
 * Debian's Chromium driven by playwright-core, for the browser tests and the README's pictures:
 * how it starts (no downloads, no traffic beyond localhost) and a static server for the built
 * pages on 127.0.0.1. Where it is: tests/helpers/requireBinary (CHROMIUM_PATH or PATH).
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

/**
 * Chromium for scripts: `CHROMIUM_PATH`, else the usual names on PATH (the tests use
 * tests/helpers/requireBinary, which also fails a CI run without it).
 */
export function findChromium(): string | null {
  const override = process.env.CHROMIUM_PATH;
  if (override) return fs.existsSync(override) ? override : null;
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])
    for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return file;
    }
  return null;
}

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

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** A static file server over `dir` on 127.0.0.1 and a free port. */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.normalize(path.join(dir, pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
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
