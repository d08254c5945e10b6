import { compareSv, svCollator } from "../../../src/engine/report/collate";

describe("compareSv", () => {
  it("sorts in Swedish order: å, ä, ö after z, case and accents after the letters", () => {
    const names = [
      "Öppen förskola",
      "Zon",
      "Ängby",
      "Åby",
      "ab",
      "Ab",
      "a b",
      "Andel",
      "andel (1.10)",
      "andel (1.9)",
      "ä",
      "a\u0308",
      "Ä",
    ];
    expect([...names].sort(compareSv)).toEqual([
      "a b",
      "ab",
      "Ab",
      "Andel",
      "andel (1.10)",
      "andel (1.9)",
      "Zon",
      "Åby",
      "ä",
      "a\u0308",
      "Ä",
      "Ängby",
      "Öppen förskola",
    ]);
  });

  it("agrees in sign with the collator on names that share prefixes, mix case, accents and other scripts", () => {
    // Characters where a shortcut could go wrong: combining accents (a + U+0308 is ä), letters that
    // sort with others (æ with ä, ü with y), punctuation, a middle dot, German ß, digits.
    const alphabet = [..." aAbBvVwWyzZåÅäÄöÖ019-.,()'’:/æøüéÆØÜß·\u0308\u030a\u0301ſ"];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const text = (): string => {
      let s = "";
      for (let n = random(6); n > 0; n--) s += alphabet[random(alphabet.length)];
      return s;
    };
    const disagreements: string[] = [];
    for (let k = 0; k < 50_000; k++) {
      const prefix = random(3) ? text() : "";
      const a = prefix + text();
      const b = prefix + text();
      if (Math.sign(compareSv(a, b)) !== Math.sign(svCollator.compare(a, b)))
        disagreements.push(JSON.stringify([a, b]));
    }
    expect(disagreements).toEqual([]);
  });
});
