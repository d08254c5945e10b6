/**
 * The accessibility walk in English (a11yWalk.ts): axe light and dark at 350 px, nothing cut off at
 * 300 px dark; and the check itself: it can fail, and the pane's page without office.js passes axe.
 * The Swedish walks are in accessibility.test.ts.
 */
import type { Walk } from "./a11yWalk";
import { describeWalks } from "./a11yWalk";
import { axeViolations, openPane, shot } from "./support";

const WALKS: Walk[] = [
  { theme: "light", lang: "en", width: 350, axe: true },
  { theme: "dark", lang: "en", width: 350, axe: true },
  { theme: "dark", lang: "en", width: 300, axe: false },
];

describeWalks("accessibility of every pane state, in English; the check itself", WALKS, (chrome) => {
  test("the check can fail: a mislabelled button and a focusable hidden element are caught, Tabster's sentinels are not", async () => {
    const { page, pane } = await openPane(chrome.browser(), chrome.url());
    await pane.locator("h1").evaluate((h1) => {
      h1.insertAdjacentHTML(
        "afterend",
        '<button type="button" aria-label="Gå vidare">Stäng</button><i tabindex="0" aria-hidden="true"></i>',
      );
    });
    const rules = (await axeViolations(page)).map((v) => v.rule).sort();
    expect(rules).toEqual(["aria-hidden-focus", "label-content-name-mismatch"]);
    expect((await axeViolations(page)).find((v) => v.rule === "aria-hidden-focus")!.nodes).toHaveLength(1);
    await page.close();
  });

  test("the task pane page without office.js passes axe as a whole page, light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await chrome.browser().newPage({
        viewport: { width: 350, height: 600 },
        locale: "sv-SE",
        colorScheme,
      });
      await page.route("https://appsforoffice.microsoft.com/**", (route) =>
        route.abort("internetdisconnected"),
      );
      await page.goto(`${chrome.url()}/taskpane.html`);
      await page.getByRole("alert").waitFor();
      expect(await axeViolations(page, null)).toEqual([]);
      await shot(page, `a11y-office-saknas-${colorScheme}`);
      await page.close();
    }
  });
});
