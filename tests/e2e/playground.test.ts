/**
 * The task pane in a real browser, over the playground's in-memory workbook (seed 002 excerpts):
 * Läs in → Kontrollera → click a finding (the grid selects its cell) → Skapa tabeller (the owned
 * sheet appears). Screenshots go to artifacts/e2e/. At 350 px no text may be cut off, light or dark.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import {
  ARTIFACTS,
  CHROMIUM,
  CHROMIUM_ARGS,
  DIST,
  chromiumAvailable,
  ensureBuild,
  serveDist,
} from "./support";

const available = chromiumAvailable();
const describeIf = available ? describe : describe.skip;

jest.setTimeout(6 * 60_000);

/** Elements whose text is clipped: content wider than the box while overflow hides it. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-testid="pane"]');
    if (!pane) return ["pane missing"];
    const out: string[] = [];
    const paneBox = pane.getBoundingClientRect();
    for (const el of Array.from(pane.querySelectorAll<HTMLElement>("*"))) {
      // Nothing may stick out of the 350 px pane, controls included.
      const box = el.getBoundingClientRect();
      if (box.width > 0 && el.tagName !== "OPTION" && box.right > paneBox.right + 1)
        out.push(`${el.tagName} past the pane: ${(el.textContent ?? "").slice(0, 60)}`);
      if (["SELECT", "OPTION", "INPUT", "TEXTAREA", "svg", "path"].includes(el.tagName)) continue;
      const hasText = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "",
      );
      if (!hasText) continue;
      const style = getComputedStyle(el);
      const hides = style.overflowX !== "visible" || style.textOverflow === "ellipsis";
      if (el.scrollWidth > el.clientWidth + 1 && hides)
        out.push(`${el.tagName}: ${(el.textContent ?? "").slice(0, 60)}`);
    }
    return out;
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

describeIf("playground in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    ensureBuild();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveDist();
    // playwright's launch uses a fresh temporary user-data-dir for each browser.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("task pane initial JS stays under 200 KB gzip", () => {
    const sizes = JSON.parse(fs.readFileSync(path.join(DIST, "bundle-size.json"), "utf8")) as Record<
      string,
      { raw: number; gzip: number }
    >;
    const kb = sizes.taskpane.gzip / 1024;
    console.log(
      `Task pane initial JS: ${(sizes.taskpane.raw / 1024).toFixed(1)} KB, ${kb.toFixed(1)} KB gzip`,
    );
    expect(kb).toBeLessThan(200);
  });

  test("Läs in → Kontrollera → finding selects its cell → Skapa tabeller", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(`${server.url}/playground.html`);
    const pane = page.getByTestId("pane");

    // 1. Läs in
    await pane.getByRole("button", { name: "Läs in arbetsboken" }).click();
    await pane.getByText(/tabell(er)? hittade?/).waitFor();
    const tablesText = await pane.getByText(/tabell(er)? hittade?/).textContent();
    expect(Number(/(\d+)/.exec(tablesText ?? "")?.[1])).toBeGreaterThan(0);
    await expect(pane.locator("[data-table]").count()).resolves.toBeGreaterThan(0);
    await shot(page, "01-las-in");

    // 2. Kontrollera
    await pane.getByRole("tab", { name: "Kontrollera" }).click();
    const findings = pane.locator("button[data-finding]");
    await findings.first().waitFor();
    expect(await findings.count()).toBeGreaterThan(0);
    await shot(page, "02-kontrollera");

    // 3. A finding selects its cell in the grid
    const first = findings.first();
    const where = (await first.locator("span").last().textContent()) ?? "";
    const [sheet, cell] = where.split("!");
    await first.click();
    const selected = page.locator(`table[data-sheet="${sheet}"] td[aria-selected="true"]`);
    await selected.waitFor();
    expect(await selected.getAttribute("data-cell")).toBe(cell);
    await shot(page, "03-markerad-cell");

    // "Vad måste jag skriva?" leaves only analyses, outcomes and targets to write
    await pane.getByRole("switch", { name: "Vad måste jag skriva?" }).click();
    const codes = await pane
      .locator("button[data-finding]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-finding")));
    for (const code of codes)
      expect(["analysis-missing", "outcome-missing", "target-missing"]).toContain(code);
    await pane.getByRole("switch", { name: "Vad måste jag skriva?" }).click();

    // 4. Skapa tabeller
    await pane.getByRole("tab", { name: "Skapa tabeller" }).click();
    await pane.getByRole("button", { name: "Skapa tabeller" }).click();
    await pane.getByText(/blad skapades/).waitFor();
    const tabs = await page
      .locator("[data-sheet-tab]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet-tab")));
    expect(tabs.some((name) => name?.startsWith("Målkoll "))).toBe(true);
    const generated = tabs.find((name) => name?.startsWith("Målkoll ")) as string;
    await page.locator(`[data-sheet-tab="${generated}"]`).click();
    await page.locator(`table[data-sheet="${generated}"] td`).first().waitFor();
    await shot(page, "04-skapade-tabeller");

    expect(errors).toEqual([]);
    await page.close();
  });

  for (const theme of ["light", "dark"] as const) {
    test(`no text is cut off at 350 px (${theme})`, async () => {
      const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
      await page.goto(`${server.url}/playground.html?theme=${theme}`);
      const pane = page.getByTestId("pane");
      await pane.getByRole("button", { name: "Läs in arbetsboken" }).click();
      await pane.locator("[data-table]").first().waitFor();
      const problems: string[] = [];
      problems.push(...(await clippedText(page)).map((p) => `Läs in: ${p}`));
      await pane.locator("[data-table] button").first().click(); // open the mapping editor
      problems.push(...(await clippedText(page)).map((p) => `Rätta tolkning: ${p}`));
      for (const tab of ["Kontrollera", "Skapa tabeller", "Inställningar"]) {
        await pane.getByRole("tab", { name: tab }).click();
        problems.push(...(await clippedText(page)).map((p) => `${tab}: ${p}`));
      }
      await pane.getByRole("tab", { name: "Skapa tabeller" }).click();
      await pane.getByRole("button", { name: "Skapa tabeller" }).click();
      await pane.getByText(/blad skapades/).waitFor();
      problems.push(...(await clippedText(page)).map((p) => `Skapade tabeller: ${p}`));
      await shot(page, `05-smal-${theme}`);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
