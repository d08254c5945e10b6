/**
 * The accessibility walk over every pane state (accessibility.test.ts and
 * accessibilityEnglish.test.ts share it): axe-core light and dark, Swedish and English at 350 px,
 * and nothing cut off at 350 and 300 px and at 200 % zoom (where the mapping editor puts names
 * above their dropdowns, and no button breaks a word). A violation fails the test unless Fluent UI
 * itself causes it (FLUENT_EXCEPTIONS in support.ts, each with its reason). Screenshots of every
 * state go to artifacts/e2e/a11y-*.png. The walks are split over two files so that a machine's two
 * test workers share them: each walk opens the pane four times and judges thirteen states.
 */
import type { Locator, Page } from "playwright-core";
import { en } from "../../src/taskpane/i18n/en";
import { sv } from "../../src/taskpane/i18n/sv";
import type { PaneOptions } from "./support";
import {
  axeViolations,
  chromiumAvailable,
  clippedText,
  narrowEditorProblems,
  notice,
  openPane,
  settled,
  shot,
  withChromium,
} from "./support";

export type Walk = Required<Pick<PaneOptions, "theme" | "lang" | "width">> &
  Pick<PaneOptions, "zoom"> & { axe: boolean };

type Chrome = ReturnType<typeof withChromium>;

/**
 * A describe block with one test per walk, skipped with the message where Chromium is missing;
 * `more` adds the file's other tests, with the same browser.
 */
export function describeWalks(title: string, walks: Walk[], more?: (chrome: Chrome) => void): void {
  jest.setTimeout(10 * 60_000);
  (chromiumAvailable() ? describe : describe.skip)(title, () => {
    const chrome = withChromium();
    walkTests(walks, chrome);
    more?.(chrome);
  });
}

function walkTests(walks: Walk[], chrome: Chrome): void {
  for (const walk of walks) {
    const zoomed = walk.zoom ? ` at ${walk.zoom * 100} %` : "";
    const tag = `${walk.theme}-${walk.lang}-${walk.width}${walk.zoom ? `-zoom${walk.zoom * 100}` : ""}`;
    test(`${walk.theme}, ${walk.lang}, ${walk.width} px${zoomed}${walk.axe ? ", axe" : ""}`, async () => {
      const t = walk.lang === "en" ? en : sv;
      const problems: string[] = [];
      let page = undefined as unknown as Page;
      const check = async (state: string) => {
        // Fluent animates some colours; judge the settled state.
        await settled(page);
        if (walk.axe)
          for (const v of await axeViolations(page))
            problems.push(`${state}: axe ${v.rule} (${v.impact}): ${v.nodes.join(" | ")}`);
        for (const c of await clippedText(page)) problems.push(`${state}: cut off: ${c}`);
        if (walk.zoom)
          for (const p of await narrowEditorProblems(page)) problems.push(`${state}: narrow editor: ${p}`);
        await shot(page, `a11y-${tag}-${state}`);
      };
      const open = async (options: PaneOptions = {}): Promise<Locator> => {
        const { axe: _axe, ...view } = walk;
        const opened = await openPane(chrome.browser(), chrome.url(), { ...view, ...options });
        page = opened.page;
        return opened.pane;
      };

      // A nämnd's T2 2021: the controller's whole round.
      let pane = await open();
      await check("01-start");
      await pane.getByRole("button", { name: t.read.run }).click();
      await pane.locator("[data-table]").first().waitFor();
      await check("02-las-in");
      await pane.locator("[data-table] button").first().click();
      await pane.locator("[data-mapping-editor]").waitFor();
      await check("03-ratta-tolkning");
      await pane.getByRole("tab", { name: t.tabs.check }).click();
      await pane.locator("button[data-finding]").first().waitFor();
      await check("04-kontrollera");
      await pane.getByRole("combobox", { name: t.check.scope }).selectOption({ label: "Ekonomiskt bistånd" });
      await pane.getByRole("switch", { name: t.check.mustWrite }).click();
      await check("05-min-enhet");
      await pane.getByRole("button", { name: t.period.change }).click();
      await check("06-andra-period");
      await pane.getByRole("button", { name: t.period.cancel, exact: true }).click();
      await pane.getByRole("tab", { name: t.tabs.generate }).click();
      await pane.getByRole("button", { name: t.generate.run }).click();
      await notice(pane).waitFor();
      await check("07-skapade-tabeller");
      await pane.getByRole("button", { name: t.tabs.settings }).click();
      await pane.getByRole("textbox").first().fill("250");
      await check("08-installningar-fel");
      await page.close();

      // Nothing recognised: the way forward.
      pane = await open({ bok: "huvudbok" });
      await pane.getByRole("button", { name: t.read.run }).click();
      await pane.locator("[data-block]").waitFor();
      await check("09-inget-kant");
      await pane.locator("[data-block] button").click();
      await pane.locator("[data-mapping-editor]").waitFor();
      await check("10-peka-ut");
      await pane.getByRole("tab", { name: t.tabs.check }).click();
      await pane.getByRole("button", { name: t.check.run, exact: true }).click();
      await pane.locator('[data-group="blocking"]').waitFor();
      await check("11-hindrar-bedomning");
      await page.close();

      // Writing, which cannot be cancelled halfway (held until the page closes, so it is judged
      // while it lasts however slow the machine; the read and the cancellable phase before it are quick).
      pane = await open({ commit: "hold" });
      await pane.getByRole("tab", { name: t.tabs.generate }).click();
      await pane.getByRole("button", { name: t.generate.run }).click();
      await pane.locator("[data-cannot-cancel]").waitFor();
      await check("12-skriver");
      await page.close();

      // Excel refuses a read: the error with its retry.
      pane = await open({ fault: "read-denied" });
      await pane.getByRole("button", { name: t.read.run }).click();
      await pane.getByRole("alert").waitFor();
      await check("13-fel");
      await page.close();

      expect(problems).toEqual([]);
    });
  }
}
