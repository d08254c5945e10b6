/**
 * The README's pictures of the task pane: its four steps (Läs in, Kontrollera, Skapa tabeller,
 * Inställningar) at 350 px, light and dark, as docs/images/pane-<n>-<step>-<theme>.png.
 *
 * Builds the pages (webpack --mode production) and photographs the playground (the same App as in
 * Excel, over the bundled T2 2021 excerpt) in Debian's Chromium, served on 127.0.0.1 only.
 *
 * One of the steps of `npm run docs:images` (scripts/docs-images.ts).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import { chromium } from "playwright-core";
import { repoRoot } from "../tests/helpers/seedGrid";
import { CHROMIUM_ARGS, findChromium, serveStatic } from "./chromium";

const ROOT = repoRoot(); // from scripts/ or lib/scripts/
const DIST = path.join(ROOT, "dist");
const WIDTH = 350;
const HEIGHT = 760;

const STEPS = ["las-in", "kontrollera", "skapa-tabeller", "installningar"];

async function photograph(
  browser: Browser,
  url: string,
  theme: "light" | "dark",
  out: string,
): Promise<string[]> {
  const files: string[] = [];
  const page = await browser.newPage({ viewport: { width: WIDTH + 400, height: HEIGHT } });
  await page.goto(`${url}/playground.html?theme=${theme}&width=${WIDTH}`);
  const pane = page.getByTestId("pane");
  const save = async (step: number) => {
    await page.mouse.move(WIDTH + 200, HEIGHT - 10); // no hover state in the picture
    await page.waitForTimeout(400); // let Fluent's colour transitions settle
    const file = path.join(out, `pane-${step + 1}-${STEPS[step]}-${theme}.png`);
    await pane.screenshot({ path: file });
    files.push(file);
  };

  await pane.getByRole("button", { name: "Läs in arbetsboken" }).click();
  await pane.locator("[data-table]").first().waitFor();
  await save(0);

  await pane.getByRole("tab", { name: "Kontrollera" }).click();
  await pane.locator("button[data-finding]").first().waitFor();
  await save(1);

  await pane.getByRole("tab", { name: "Skapa tabeller" }).click();
  await pane.getByRole("button", { name: "Skapa tabeller" }).click();
  await pane.locator("[data-notice]").waitFor();
  await save(2);

  await pane.locator("[data-notice]").getByRole("button", { name: "Stäng" }).click();
  await pane.getByRole("button", { name: "Inställningar" }).click();
  await pane.getByRole("button", { name: "Spara inställningar" }).waitFor();
  await save(3);
  await page.close();
  return files;
}

/** Builds the pages and photographs the pane's four steps, light and dark; returns the files. */
export async function paneImages(imagesDir: string): Promise<string[]> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error("Chromium saknas / Chromium is missing: sudo apt-get install chromium");
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
    { cwd: ROOT, stdio: "ignore" },
  );
  fs.mkdirSync(imagesDir, { recursive: true });
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const files: string[] = [];
    for (const theme of ["light", "dark"] as const)
      files.push(...(await photograph(browser, server.url, theme, imagesDir)));
    return files;
  } finally {
    await browser.close();
    await server.close();
  }
}
