/**
 * Sheet names for the write plan. Excel compares sheet names case-insensitively and allows at
 * most 31 characters, none of `: \ / ? * [ ]`.
 */
import { OWNED_SHEET_TITLES, sameSheetName } from "../state";

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

export function ownedTitles(): string[] {
  return Object.values(OWNED_SHEET_TITLES);
}
