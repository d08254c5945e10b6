/**
 * Light or dark, and following changes while the pane is open.
 *
 * Office says so in `Office.context.officeTheme` (`isDarkTheme`, or a dark body background) — but
 * that is undefined in Excel on the web (OfficeDev/office-js#6134) and not updated when the user
 * switches theme on some hosts (OfficeDev/office-js#713). Without it the page's own colour scheme
 * (`prefers-color-scheme`) decides. Changes come from the colour-scheme media query, and from
 * re-reading `officeTheme` every few seconds where the host has one (no Excel event tells).
 */
import { useSyncExternalStore } from "react";

const POLL_MS = 5000;

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

type Theme = Office.OfficeTheme & { isDarkTheme?: boolean };

function officeTheme(): Theme | undefined {
  return typeof Office !== "undefined" ? (Office.context?.officeTheme as Theme | undefined) : undefined;
}

function schemeQuery(): MediaQueryList | null {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia("(prefers-color-scheme: dark)")
    : null;
}

/** Dark when Office says so, else when the page's colour scheme is dark. */
export function officeIsDark(): boolean {
  const theme = officeTheme();
  if (theme) {
    if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
    const l = luminance(theme.bodyBackgroundColor);
    if (l !== null) return l < 0.4;
  }
  return schemeQuery()?.matches ?? false;
}

/** Calls `onChange` when the answer of officeIsDark() may have changed; returns the unsubscribe. */
export function watchTheme(onChange: () => void): () => void {
  const query = schemeQuery();
  query?.addEventListener?.("change", onChange);
  const timer = officeTheme() ? setInterval(onChange, POLL_MS) : undefined;
  return () => {
    query?.removeEventListener?.("change", onChange);
    if (timer) clearInterval(timer);
  };
}

/** The pane's dark flag, kept current. */
export function useOfficeDark(): boolean {
  return useSyncExternalStore(watchTheme, officeIsDark, () => false);
}
