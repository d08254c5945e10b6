/**
 * Swedish alphabetical order, as the city's reports list rows (å, ä, ö last). The collator is
 * exact but slow for the tens of thousands of comparisons a large workbook's tables need, so
 * {@link compareSv} decides the common case itself and asks the collator only about the rest.
 */

export const svCollator = new Intl.Collator("sv", { sensitivity: "variant", numeric: false });

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
  if (i === 0 || standsAlone(a, i - 1)) {
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
