import type { Indicator } from "../model/types";
import { keyCode, keyPart, matchKey } from "../parse/text";

/**
 * The indicators named as an earlier one under the same goal (by {@link matchKey}: a row copied
 * under itself, or written again with other spaces or case), each with that one: the goal's
 * evidence counts the first only, and validation says `duplicate-indicator` at each copy. Names
 * are bucketed by a hash of their key's ends ({@link keyEndsHash}), computed without building the
 * key (a workbook's names are nearly all distinct, and building 10 000 keys costs more than the
 * rest of the check); only names whose hashes meet are compared by their keys.
 */
export function duplicatePairs(indicators: Indicator[]): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  const goalSeeds = new Map<string, number>();
  const firstByHash = new FirstByHash(indicators.length);
  // The first of each key whose hash another key took first (a true collision: next to never).
  const firstByKey = new Map<string, Indicator>();
  for (let at = 0; at < indicators.length; at++) {
    const i = indicators[at];
    const goal = i.goal ?? "";
    let seed = goalSeeds.get(goal);
    if (seed === undefined) goalSeeds.set(goal, (seed = hashText(goal)));
    const firstAt = firstByHash.claim(keyEndsHash(i.name, seed), at);
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
    pairs.push({ copy: i, first: earlier });
  }
  return pairs;
}

/** An indicator named as an earlier one under the same goal, and that one. */
export interface DuplicatePair {
  copy: Indicator;
  first: Indicator;
}

/** The copies of `pairs`: the rows a goal's evidence leaves out. */
export function copiesOf(pairs: readonly DuplicatePair[]): Set<Indicator> {
  const copies = new Set<Indicator>();
  for (let k = 0; k < pairs.length; k++) copies.add(pairs[k].copy);
  return copies;
}

/**
 * `indicators` each once: without the copies of `pairs`, as a goal's counts take them. Whatever
 * counts indicators (by status, by target) counts these.
 */
export function countedIndicators(indicators: Indicator[], pairs: readonly DuplicatePair[]): Indicator[] {
  if (pairs.length === 0) return indicators;
  const copies = copiesOf(pairs);
  return indicators.filter((i) => !copies.has(i));
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

/** FNV-1a offset basis as a signed 32-bit integer, as every hash is kept (in an Int32Array). */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a text's UTF-16 units, continuing from `seed`. */
export function hashText(text: string, seed = FNV_OFFSET): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** Key characters hashed from each end of a name's key (see {@link keyEnds}). */
const END_LENGTH = 12;
/** The tail being read, last character first (one array: one name is hashed at a time). */
const tail = new Int32Array(END_LENGTH);

/**
 * The first and the last twelve characters of a key, one after the other (a short key twice over):
 * what {@link keyEndsHash} hashes. Names under one goal nearly always differ in their first or last
 * words (`… (1.12)`), and a name's middle is most of it.
 */
export function keyEnds(key: string): string {
  return key.slice(0, END_LENGTH) + key.slice(-END_LENGTH);
}

/**
 * `hashText(keyEnds(matchKey(text)), seed)`, without building the key: each character contributes
 * its key as matchKey defines it (ASCII inline, the rest through `keyPart`, which gives at most one
 * character), read from the front until twelve are hashed, then from the back.
 */
export function keyEndsHash(text: string, seed = FNV_OFFSET): number {
  let hash = seed;
  let taken = 0;
  for (let i = 0; i < text.length && taken < END_LENGTH; i++) {
    const k = keyCodeAt(text, i);
    if (k < 0) continue;
    hash = Math.imul(hash ^ k, FNV_PRIME);
    taken++;
  }
  let back = 0;
  for (let i = text.length - 1; i >= 0 && back < END_LENGTH; i--) {
    const k = keyCodeAt(text, i);
    if (k >= 0) tail[back++] = k;
  }
  while (back > 0) hash = Math.imul(hash ^ tail[--back], FNV_PRIME);
  return hash;
}

/** The key character of the UTF-16 unit at `i` (matchKey's), or -1 when it has none. */
function keyCodeAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return keyCode(code);
  const part = keyPart(code);
  return part.length === 0 ? -1 : part.charCodeAt(0);
}
