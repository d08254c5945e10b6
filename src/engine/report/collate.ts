/**
 * Swedish alphabetical order, as the city's reports list rows (å, ä, ö last), with numbers in
 * names by their value (`1.9` before `1.10`, as a reader of numbered activities expects). The
 * collator is exact but slow for the tens of thousands of comparisons a large workbook's tables
 * need, so {@link compareSv} decides the common case itself and asks the collator only about the
 * rest.
 */

export const svCollator = new Intl.Collator("sv", { sensitivity: "variant", numeric: true });

/**
 * Characters that each weigh one distinct letter or digit in Swedish order (an upper- and a
 * lower-case letter weigh the same), and the space.
 */
const PLAIN = " 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZåäöÅÄÖ";

/** Each plain character's place in Swedish order (from the collator itself, case ignored); 0 for others. */
const PRIMARY_RANK: Uint8Array = (() => {
  const base = new Intl.Collator("sv", { sensitivity: "base", numeric: false });
  const chars = [...PLAIN].sort(base.compare);
  const rank = new Uint8Array(256);
  let next = 0;
  chars.forEach((c, i) => {
    if (i === 0 || base.compare(chars[i - 1], c) !== 0) next++;
    rank[c.charCodeAt(0)] = next;
  });
  return rank;
})();

function rankAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 256 ? PRIMARY_RANK[code] : 0;
}

/**
 * Whether the character at `i` (if any) stands on its own: ASCII or a plain letter, never an
 * accent combining with the one before it (`a` + U+0308 reads as `ä`).
 */
function standsAlone(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const code = text.charCodeAt(i);
  return code < 0x80 || (code < 256 && PRIMARY_RANK[code] > 0);
}

/**
 * `svCollator.compare(a, b)` in sign. Two names agree up to their first differing character; when
 * both differ there by plain characters of different letters (or one name ends where the other
 * goes on with one), standing alone, that character decides the order at the collator's first
 * level, whatever follows. Anything else (case or accents only, other scripts) goes to the collator.
 */
export function compareSv(a: string, b: string): number {
  if (a === b) return 0;
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (isDigit(a, i) || isDigit(b, i) || (i > 0 && isDigit(a, i - 1))) {
    const byValue = compareNumbersAt(a, b, i);
    if (byValue !== 0) return byValue;
  } else if (i === 0 || standsAlone(a, i - 1)) {
    if (i === a.length) {
      if (rankAt(b, i) > 0 && standsAlone(b, i + 1)) return -1;
    } else if (i === b.length) {
      if (rankAt(a, i) > 0 && standsAlone(a, i + 1)) return 1;
    } else {
      const ra = rankAt(a, i);
      const rb = rankAt(b, i);
      if (ra > 0 && rb > 0 && ra !== rb && standsAlone(a, i + 1) && standsAlone(b, i + 1))
        return ra < rb ? -1 : 1;
    }
  }
  return svCollator.compare(a, b);
}

function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

/**
 * The order of the numbers that `a` and `b` hold where they first differ (at `i`, inside or right
 * after a run of digits they share), as the collator orders numbers: by value, so `9` before `10`.
 * 0 when that does not decide it (equal values such as `01` and `1`, or no number on one side).
 */
function compareNumbersAt(a: string, b: string, i: number): number {
  let start = i;
  while (start > 0 && isDigit(a, start - 1)) start--;
  let endA = i;
  while (isDigit(a, endA)) endA++;
  let endB = i;
  while (isDigit(b, endB)) endB++;
  if (endA === start || endB === start) return 0;
  // Leading zeros add nothing to a value.
  let fromA = start;
  while (fromA < endA - 1 && a.charCodeAt(fromA) === 48) fromA++;
  let fromB = start;
  while (fromB < endB - 1 && b.charCodeAt(fromB) === 48) fromB++;
  const lengthA = endA - fromA;
  const lengthB = endB - fromB;
  if (lengthA !== lengthB) return lengthA < lengthB ? -1 : 1;
  for (let k = 0; k < lengthA; k++) {
    const d = a.charCodeAt(fromA + k) - b.charCodeAt(fromB + k);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
