/**
 * Sheet names for the write plan. Excel compares sheet names case-insensitively and allows at
 * most 31 characters, none of `: \ / ? * [ ]`.
 */
import type { OwnedSheetKey } from "../state";
import { OWNED_SHEET_TITLES, ROLLUP_SHEET_KEYS, sameSheetName } from "../state";

export const MAX_SHEET_NAME = 31;

const OWNED_PREFIX = "Målkoll ";

export class SheetNames {
  private readonly taken: string[];

  constructor(existing: string[]) {
    this.taken = [...existing];
  }

  has(name: string): boolean {
    return this.taken.some((t) => sameSheetName(t, name));
  }

  take(name: string): string {
    this.taken.push(name);
    return name;
  }

  release(name: string): void {
    const i = this.taken.findIndex((t) => sameSheetName(t, name));
    if (i >= 0) this.taken.splice(i, 1);
  }

  /** `<title>`, else `<title> (2)`, `<title> (3)`, … — the first free one. */
  freeOwnedName(title: string): string {
    if (!this.has(title)) return this.take(title);
    for (let n = 2; ; n++) {
      const candidate = fit(title, ` (${n})`);
      if (!this.has(candidate)) return this.take(candidate);
    }
  }

  /**
   * The name an edited owned sheet is renamed to: `<name> (redigerad YYYY-MM-DD)` when it fits in
   * 31 characters; otherwise without the `Målkoll ` prefix, then `(red YYYY-MM-DD)`, then cut.
   */
  editedName(name: string, date: string): string {
    const short = name.startsWith(OWNED_PREFIX) ? name.slice(OWNED_PREFIX.length) : name;
    const candidates = [
      `${name} (redigerad ${date})`,
      `${short} (redigerad ${date})`,
      `${short} (red ${date})`,
    ];
    for (const c of candidates) if (c.length <= MAX_SHEET_NAME && !this.has(c)) return this.take(c);
    for (let n = 1; ; n++) {
      const candidate = fit(short, n === 1 ? ` (red ${date})` : ` (red ${date} ${n})`);
      if (!this.has(candidate)) return this.take(candidate);
    }
  }
}

/** `base + suffix`, cutting `base` so the whole fits in 31 characters. */
function fit(base: string, suffix: string): string {
  const room = MAX_SHEET_NAME - suffix.length;
  return (base.length > room ? base.slice(0, room).trimEnd() : base) + suffix;
}

/** Whether `name` is one {@link SheetNames.freeOwnedName} can give for `title`. */
function isNameFor(title: string, name: string): boolean {
  if (sameSheetName(name, title)) return true;
  const n = / \(([1-9]\d*)\)$/.exec(name)?.[1];
  return n !== undefined && Number(n) >= 2 && sameSheetName(name, fit(title, ` (${n})`));
}

const ROLLUP_KEYS: ReadonlySet<OwnedSheetKey> = new Set(ROLLUP_SHEET_KEYS);
const GENERATED_TITLES = Object.entries(OWNED_SHEET_TITLES)
  .filter(([key]) => !ROLLUP_KEYS.has(key as OwnedSheetKey))
  .map(([, title]) => title);

/**
 * Whether `name` is a name `generate` gives one of its sheets in a user's workbook: a title
 * (`Målkoll Indikatorer`) or a title with a number (`Målkoll Indikatorer (2)`), in any case. It
 * says nothing about who made the sheet: only the state's owned records say that.
 */
export function isGeneratedSheetName(name: string): boolean {
  return GENERATED_TITLES.some((title) => isNameFor(title, name));
}
