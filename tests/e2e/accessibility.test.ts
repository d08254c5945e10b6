/**
 * The accessibility walk in Swedish (a11yWalk.ts): axe light and dark at 350 px, nothing cut off at
 * 300 px and at 200 % zoom. The English walks and the checks of the check itself are in
 * accessibilityEnglish.test.ts.
 */
import type { Walk } from "./a11yWalk";
import { describeWalks } from "./a11yWalk";

// axe needs one width per theme and language (the rules don't depend on it); the narrow walks
// look for cut-off text, where width is all that matters.
const WALKS: Walk[] = [
  { theme: "light", lang: "sv", width: 350, axe: true },
  { theme: "dark", lang: "sv", width: 350, axe: true },
  { theme: "light", lang: "sv", width: 300, axe: false },
  // 200 % in a 350 px pane: 175 CSS px, where the steps wrap rather than lose Skapa tabeller.
  { theme: "light", lang: "sv", width: 350, zoom: 2, axe: false },
];

describeWalks("accessibility of every pane state, in Swedish", WALKS);
