/** @jest-environment jsdom */
import { officeIsDark, watchTheme } from "../../src/taskpane/theme";

type Listener = () => void;
let schemeDark = false;
const listeners = new Set<Listener>();

beforeEach(() => {
  schemeDark = false;
  listeners.clear();
  window.matchMedia = ((query: string) => ({
    get matches() {
      return query === "(prefers-color-scheme: dark)" && schemeDark;
    },
    addEventListener: (_: string, l: Listener) => listeners.add(l),
    removeEventListener: (_: string, l: Listener) => listeners.delete(l),
  })) as unknown as typeof window.matchMedia;
  delete (globalThis as { Office?: unknown }).Office;
});

function setOfficeTheme(theme: unknown): void {
  (globalThis as { Office?: unknown }).Office = { context: { officeTheme: theme } };
}

it("on the web, where officeTheme is undefined, follows the page's colour scheme", () => {
  setOfficeTheme(undefined);
  expect(officeIsDark()).toBe(false);
  schemeDark = true;
  expect(officeIsDark()).toBe(true);
});

it("where Office tells, Office decides: isDarkTheme, else the body background", () => {
  schemeDark = true;
  setOfficeTheme({ isDarkTheme: false, bodyBackgroundColor: "#1f1f1f" });
  expect(officeIsDark()).toBe(false);
  setOfficeTheme({ bodyBackgroundColor: "#262626" });
  expect(officeIsDark()).toBe(true);
  setOfficeTheme({ bodyBackgroundColor: "#FFFFFF" });
  expect(officeIsDark()).toBe(false);
});

it("tells the pane when the colour scheme changes, and when a host's officeTheme changes", () => {
  jest.useFakeTimers();
  try {
    const theme = { bodyBackgroundColor: "#FFFFFF" };
    setOfficeTheme(theme);
    const changed = jest.fn();
    const stop = watchTheme(changed);
    for (const l of listeners) l();
    expect(changed).toHaveBeenCalledTimes(1);
    theme.bodyBackgroundColor = "#262626";
    jest.advanceTimersByTime(5000);
    expect(changed).toHaveBeenCalledTimes(2);
    expect(officeIsDark()).toBe(true);
    stop();
    expect(listeners.size).toBe(0);
    jest.advanceTimersByTime(20_000);
    expect(changed).toHaveBeenCalledTimes(2);
  } finally {
    jest.useRealTimers();
  }
});
