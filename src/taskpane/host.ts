/**
 * The only Office-specific glue of the pane: how to reach the workbook, the display language
 * and the theme. Everything else takes a `WithPort` and runs the same in the playground.
 */
import { Refusal } from "../app/refusal";
import { OfficePort } from "../ports/office/officePort";
import { toHostError } from "../ports/office/errors";
import type { Language } from "./i18n";
import { languageOf } from "./i18n";
import type { WithPort } from "./state/usePane";

/** Each piece of work gets its own `Excel.run` batch and a fresh OfficePort over its context. */
export const withOfficePort: WithPort = async (work) => {
  try {
    return await Excel.run((context) => work(new OfficePort(context)));
  } catch (err) {
    throw (err instanceof Error && err.name === "AbortError") || err instanceof Refusal
      ? err
      : toHostError(err);
  }
};

export function officeLanguage(): Language {
  return languageOf(Office.context?.displayLanguage);
}

/** Relative luminance of `#rrggbb` (WCAG); null when unreadable. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when Office says so (`isDarkTheme`, newer hosts) or its body background is dark. */
export function officeIsDark(): boolean {
  const theme = Office.context?.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l !== null && l < 0.4;
}
