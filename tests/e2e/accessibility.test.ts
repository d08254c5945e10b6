/**
 * The accessibility walk in Swedish (a11yWalk.ts): axe light and dark at 350 px, nothing cut off at
 * 300 px and at 200 % zoom. The English walks and the checks of the check itself are in
 * accessibilityEnglish.test.ts.
 */
import { chromiumAvailable, withChromium } from "./support";
import type { Walk } from "./a11yWalk";
import { walkTests } from "./a11yWalk";

const available = chromiumAvailable();
const describeIf = available ? describe : describe.skip;

jest.setTimeout(10 * 60_000);

// axe needs one width per theme and language (the rules don't depend on it); the narrow walks
// look for cut-off text, where width is all that matters.
const WALKS: Walk[] = [
  { theme: "light", lang: "sv", width: 350, axe: true },
  { theme: "dark", lang: "sv", width: 350, axe: true },
  { theme: "light", lang: "sv", width: 300, axe: false },
  // 200 % in a 350 px pane: 175 CSS px, where the steps wrap rather than lose Skapa tabeller.
  { theme: "light", lang: "sv", width: 350, zoom: 2, axe: false },
];

describeIf("accessibility of every pane state, in Swedish", () => {
  walkTests(WALKS, withChromium());
});
