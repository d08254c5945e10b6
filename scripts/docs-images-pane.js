#!/usr/bin/env node
/**
 * The README's pictures of the task pane: its four steps (Läs in, Kontrollera, Skapa tabeller,
 * Inställningar) at 350 px, light and dark, as docs/images/pane-<n>-<step>-<theme>.png.
 *
 * Runs the production build of the playground (the same App as in Excel, over the bundled T2 2021
 * excerpt) in Debian's Chromium through playwright-core, served on 127.0.0.1 only.
 *
 * Usage: node scripts/docs-images-pane.js   (part of `npm run docs:images`)
 */
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "docs", "images");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const WIDTH = 350;
const HEIGHT = 760;

const STEPS = [
  { n: 1, key: "las-in", title: "Läs in" },
  { n: 2, key: "kontrollera", title: "Kontrollera" },
  { n: 3, key: "skapa-tabeller", title: "Skapa tabeller" },
  { n: 4, key: "installningar", title: "Inställningar" },
];

function build() {
  console.log("Bygger / building (webpack --mode production) …");
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
    {
      cwd: ROOT,
      stdio: "ignore",
    },
  );
}

function serve() {
  const server = http.createServer((req, res) => {
    const file = path.normalize(
      path.join(DIST, decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname)),
    );
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith(".html")
      ? "text/html; charset=utf-8"
      : file.endsWith(".js")
        ? "text/javascript"
        : "application/octet-stream";
    res.writeHead(200, { "Content-Type": type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function shoot(browser, url, theme) {
  const page = await browser.newPage({ viewport: { width: WIDTH + 400, height: HEIGHT } });
  await page.goto(`${url}/playground.html?theme=${theme}&width=${WIDTH}`);
  const pane = page.getByTestId("pane");
  const save = async (step) => {
    await page.waitForTimeout(400); // let Fluent's colour transitions settle
    const file = path.join(OUT, `pane-${step.n}-${step.key}-${theme}.png`);
    await pane.screenshot({ path: file });
    console.log(`  ${path.relative(ROOT, file)}`);
  };

  await pane.getByRole("button", { name: "Läs in arbetsboken" }).click();
  await pane.locator("[data-table]").first().waitFor();
  await save(STEPS[0]);

  await pane.getByRole("tab", { name: "Kontrollera" }).click();
  await pane.locator("button[data-finding]").first().waitFor();
  await save(STEPS[1]);

  await pane.getByRole("tab", { name: "Skapa tabeller" }).click();
  await pane.getByRole("button", { name: "Skapa tabeller" }).click();
  await pane.locator("[data-notice]").waitFor();
  await save(STEPS[2]);

  await pane.locator("[data-notice]").getByRole("button", { name: "Stäng" }).click();
  await pane.getByRole("button", { name: "Inställningar" }).click();
  await pane.getByRole("button", { name: "Spara inställningar" }).waitFor();
  await save(STEPS[3]);
  await page.close();
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`Chromium saknas (${CHROMIUM}): apt-get install chromium / Chromium is missing.`);
    process.exit(1);
  }
  build();
  fs.mkdirSync(OUT, { recursive: true });
  const { chromium } = require("playwright-core");
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    console.log("Aktivitetsfönstrets fyra steg / the task pane's four steps:");
    for (const theme of ["light", "dark"]) await shoot(browser, url, theme);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
