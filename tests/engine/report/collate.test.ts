import { compareSv, svCollator } from "../../../src/engine/report/collate";

describe("compareSv", () => {
  it("sorts in Swedish order: å, ä, ö after z, case and accents after the letters, numbers by value", () => {
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
      "andel (1.9)",
      "andel (1.10)",
      "Zon",
      "Åby",
      "ä",
      "a\u0308",
      "Ä",
      "Ängby",
      "Öppen förskola",
    ]);
  });

  it("lists numbered activities as they are numbered", () => {
    const names = [
      "1.10 Sommarjobb",
      "1.2 Feriejobb",
      "1.1 Språkstöd",
      "1.15 Uppföljning",
      "10 Budget",
      "9 Bokslut",
    ];
    expect([...names].sort(compareSv)).toEqual([
      "1.1 Språkstöd",
      "1.2 Feriejobb",
      "1.10 Sommarjobb",
      "1.15 Uppföljning",
      "9 Bokslut",
      "10 Budget",
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
