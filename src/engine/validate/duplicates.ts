import type { Finding } from "../findings";
import { finding } from "../findings";
import { hasText, nameCell } from "../evaluate/cells";
import { cellRef, parseA1 } from "../grid";
import type { Indicator } from "../model/types";
import { keyCode, keyPart, matchKey } from "../parse/text";

/**
 * `duplicate-indicator`: an indicator whose name has the same {@link matchKey} as an earlier one
 * under the same goal. Names are bucketed by a hash of their key's ends ({@link keyEndsHash}),
 * computed without building the key (a workbook's names are nearly all distinct, and building
 * 10 000 keys costs more than the rest of the check); only names whose hashes meet are compared by
 * their keys.
 */
export function duplicateIndicators(indicators: Indicator[], out: Finding[], pairs?: DuplicatePair[]): void {
  forEachDuplicate(indicators, (copy, first) => {
    out.push(duplicateFinding(copy, first));
    pairs?.push({ copy, first });
  });
}

/** An indicator named as an earlier one under the same goal, and that one. */
export interface DuplicatePair {
  copy: Indicator;
  first: Indicator;
}

/** Calls `visit` with each indicator named as an earlier one under the same goal, and that one. */
function forEachDuplicate(indicators: Indicator[], visit: (copy: Indicator, first: Indicator) => void): void {
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
    visit(i, earlier);
  }
}

/**
 * The findings without those a duplicate row only repeats: on the copy, a finding its first row
 * has too (same code, same message but for the name as written) or an `analysis-missing` where the
 * first row has an analysis; on the first row, an `analysis-missing` where a copy right under it
 * (or under copies right under it) took its `Analys` row. `duplicate-indicator` says the rest:
 * remove the copies and these go with them. A copy's other findings stand (its figures differ
 * from the first's), and so does the first row's missing analysis where the copy's is elsewhere.
 */
export function withoutDuplicateEchoes(findings: Finding[], pairs: readonly DuplicatePair[]): Finding[] {
  if (pairs.length === 0) return findings;
  type Member = { self: Indicator; other: Indicator; isCopy: boolean };
  /** The pair of each row in one, by sheet, then row; and by sheet and cell for cells off the row (under `Analys`). */
  const byRow = new Map<string, Map<number, Member>>();
  const offRow = new Map<string, Member>();
  const add = (self: Indicator, other: Indicator, isCopy: boolean): void => {
    let rows = byRow.get(self.sheet);
    if (!rows) byRow.set(self.sheet, (rows = new Map()));
    // A first row of several copies is paired with the first of them.
    if (rows.has(self.row)) return;
    const member = { self, other, isCopy };
    rows.set(self.row, member);
    for (const key in self.cells) {
      const cell = self.cells[key];
      if (cell && rowOfCell(cell) !== self.row) offRow.set(`${self.sheet}\u0000${cell}`, member);
    }
  };
  /** Each first row's copies on its own sheet, by row. */
  const copiesOf = new Map<Indicator, Map<number, Indicator>>();
  for (let k = 0; k < pairs.length; k++) {
    const { copy, first } = pairs[k];
    add(copy, first, true);
    add(first, copy, false);
    if (copy.sheet !== first.sheet) continue;
    let copies = copiesOf.get(first);
    if (!copies) copiesOf.set(first, (copies = new Map()));
    copies.set(copy.row, copy);
  }
  /** Whether the copies right under `first` hold an `Analys` under them: the one `first` lacks. */
  const analysisTaken = (first: Indicator): boolean => {
    const copies = copiesOf.get(first);
    for (let r = first.row + 1, copy; (copy = copies?.get(r)); r++) if (hasText(copy.analysis)) return true;
    return false;
  };
  const memberOf = (f: Finding): Member | undefined =>
    (offRow.size ? offRow.get(`${f.sheet}\u0000${f.cell}`) : undefined) ??
    byRow.get(f.sheet)?.get(rowOfCell(f.cell));
  // Looked up once per finding: a sheet of copied rows has hundreds of thousands.
  const members = findings.map(memberOf);
  /** What each first row's findings say: as written, and (made when first asked) its name left out. */
  const said = new Map<Indicator, { written: Set<string>; unnamed: Set<string> | null }>();
  for (let i = 0; i < findings.length; i++) {
    const member = members[i];
    if (!member || member.isCopy) continue;
    let texts = said.get(member.self);
    if (!texts) said.set(member.self, (texts = { written: new Set(), unnamed: null }));
    texts.written.add(`${findings[i].code}\u0000${findings[i].message}`);
  }
  /** Whether `first` says what `f`, on its copy `copy`, says: as written when the two names are. */
  const saidBefore = (f: Finding, copy: Indicator, first: Indicator): boolean => {
    const texts = said.get(first);
    if (!texts) return false;
    if (copy.name === first.name) return texts.written.has(`${f.code}\u0000${f.message}`);
    texts.unnamed ??= new Set([...texts.written].map((text) => text.split(first.name).join("")));
    return texts.unnamed.has(`${f.code}\u0000${f.message.split(copy.name).join("")}`);
  };
  return findings.filter((f, i) => {
    if (f.code === "duplicate-indicator") return true;
    const member = members[i];
    if (!member) return true;
    if (
      f.code === "analysis-missing" &&
      (member.isCopy ? hasText(member.other.analysis) : analysisTaken(member.self))
    )
      return false;
    return !member.isCopy || !saidBefore(f, member.self, member.other);
  });
}

function rowOfCell(cell: string): number {
  return parseA1(cell)?.row ?? 0;
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

function duplicateFinding(i: Indicator, first: Indicator): Finding {
  return finding({
    code: "duplicate-indicator",
    sheet: i.sheet,
    cell: nameCell(i),
    goal: i.goal,
    message: `”${i.name}” finns redan under samma mål (${cellRef(first.sheet, nameCell(first))}).`,
    messageEn: `"${i.name}" is already listed under the same goal (${cellRef(first.sheet, nameCell(first))}).`,
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
