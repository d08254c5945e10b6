import type { Finding } from "../findings";
import { finding } from "../findings";
import type { Indicator } from "../model/types";
import { keyCode, keyPart, matchKey } from "../parse/text";

/**
 * `duplicate-indicator`: an indicator whose name has the same {@link matchKey} as an earlier one
 * under the same goal. Names are bucketed by a hash of their key, computed without building the
 * key (a workbook's names are nearly all distinct, and building 10 000 keys costs more than the
 * rest of the check); only names whose hashes meet are compared by their keys.
 */
export function duplicateIndicators(indicators: Indicator[], out: Finding[]): void {
  const goalSeeds = new Map<string, number>();
  const firstByHash = new FirstByHash(indicators.length);
  // The first of each key whose hash another key took first (a true collision: next to never).
  const firstByKey = new Map<string, Indicator>();
  for (let at = 0; at < indicators.length; at++) {
    const i = indicators[at];
    const goal = i.goal ?? "";
    let seed = goalSeeds.get(goal);
    if (seed === undefined) goalSeeds.set(goal, (seed = hashText(goal)));
    const firstAt = firstByHash.claim(matchKeyHash(i.name, seed), at);
    if (firstAt < 0) continue;
    let earlier: Indicator | undefined = indicators[firstAt];
    if ((earlier.goal ?? "") !== goal || matchKey(earlier.name) !== matchKey(i.name)) {
      const key = `${goal}|${matchKey(i.name)}`;
      earlier = firstByKey.get(key);
      if (!earlier) {
        firstByKey.set(key, i);
        continue;
      }
    }
    out.push(duplicateFinding(i, earlier));
  }
}

/**
 * The first position given for each hash: an open-addressing table in two typed arrays, so
 * 10 000 names cost no Map growth and no garbage.
 */
class FirstByHash {
  private readonly mask: number;
  private readonly hashes: Int32Array;
  /** Position + 1, 0 for an empty slot. */
  private readonly positions: Int32Array;

  constructor(expected: number) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.positions = new Int32Array(size);
  }

  /** The first position given for `hash`, or -1 when `at` is the first (and is kept). */
  claim(hash: number, at: number): number {
    let slot = hash & this.mask;
    while (this.positions[slot] !== 0) {
      if (this.hashes[slot] === hash) return this.positions[slot] - 1;
      slot = (slot + 1) & this.mask;
    }
    this.hashes[slot] = hash;
    this.positions[slot] = at + 1;
    return -1;
  }
}

function nameCell(i: Indicator): string {
  return i.cells.name ?? `A${i.row}`;
}

function duplicateFinding(i: Indicator, first: Indicator): Finding {
  return finding({
    code: "duplicate-indicator",
    sheet: i.sheet,
    cell: nameCell(i),
    goal: i.goal,
    message: `”${i.name}” finns redan under samma mål (${first.sheet}!${nameCell(first)}).`,
    messageEn: `"${i.name}" is already listed under the same goal (${first.sheet}!${nameCell(first)}).`,
  });
}

/** FNV-1a offset basis as a signed 32-bit integer, as every hash is kept (in an Int32Array). */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a text's UTF-16 units, continuing from `seed`. */
export function hashText(text: string, seed = FNV_OFFSET): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * `hashText(matchKey(text), seed)`, without building the key: each character contributes its
 * key as matchKey defines it (ASCII inline, the rest through `keyPart`).
 */
export function matchKeyHash(text: string, seed = FNV_OFFSET): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      const k = keyCode(code);
      if (k >= 0) hash = Math.imul(hash ^ k, FNV_PRIME);
    } else {
      const part = keyPart(code);
      for (let k = 0; k < part.length; k++) hash = Math.imul(hash ^ part.charCodeAt(k), FNV_PRIME);
    }
  }
  return hash;
}
