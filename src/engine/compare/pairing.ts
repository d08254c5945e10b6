import { distance } from "fastest-levenshtein";
import { matchKey } from "../parse/text";

/**
 * Names at least this similar are the same goal, indicator or activity. A year's wording drifts a
 * little (`ska ska arbeta`, 000 line 267) and OCR damages letters (`méata antalet bestkare`, 001
 * line 558): in 001 against 000 such pairs score 0,93–0,99, while different activities and goals
 * of the unit stay below 0,6.
 */
export const SAME_NAME = 0.8;

/** The key names are compared on: lower case, å/ä → a, ö → o, no accents, spaces or punctuation. */
export function nameKey(text: string): string {
  return matchKey(text);
}

/** 1 − edit distance / the longer key's length: 1 for the same key, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  // The distance is at least the difference in length: skip pairs that cannot reach the bar.
  if (Math.min(a.length, b.length) < longer * SAME_NAME) return 0;
  return 1 - distance(a, b) / longer;
}

/**
 * Pairs plan items with follow-up items one to one, best score first (ties: plan order, then
 * follow-up order), among the unpaired indexes given and only where `allowed` says so. Pairs with
 * the same key go first, so a workbook compared with itself costs no edit distances.
 */
export function pairByName(
  planKeys: string[],
  followupKeys: string[],
  planOpen: number[],
  followupOpen: number[],
  allowed: (plan: number, followup: number) => boolean,
): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const byKey = new Map<string, number[]>();
  for (const f of followupOpen) {
    const list = byKey.get(followupKeys[f]);
    if (list) list.push(f);
    else byKey.set(followupKeys[f], [f]);
  }
  for (const p of planOpen) {
    const f = byKey.get(planKeys[p])?.find((i) => !taken.has(i) && allowed(p, i));
    if (f === undefined) continue;
    pairs.set(p, f);
    taken.add(f);
  }
  const candidates: { p: number; f: number; score: number }[] = [];
  for (const p of planOpen) {
    if (pairs.has(p)) continue;
    for (const f of followupOpen) {
      if (taken.has(f) || !allowed(p, f)) continue;
      const score = similarity(planKeys[p], followupKeys[f]);
      if (score >= SAME_NAME) candidates.push({ p, f, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.p - b.p || a.f - b.f);
  for (const { p, f } of candidates) {
    if (pairs.has(p) || taken.has(f)) continue;
    pairs.set(p, f);
    taken.add(f);
  }
  return pairs;
}
