import type { WorkbookSnapshot } from "../grid";
import { a1 } from "../grid";
import type { Finding } from "../findings";
import { finding } from "../findings";

/** Template leftovers: `XXXXX`, `TODO`, `Lorem ipsum`, `[Fyll i …]`, `???`. The first that matches is reported. */
const PLACEHOLDERS: RegExp[] = [
  /X{4,}/,
  /\bTODO\b/,
  /\bTBD\b/,
  /lorem ipsum/i,
  /\[\s*(fyll i|skriv|text)[^\]]*\]/i,
  /\?{3,}/,
];
/** Whether any of them matches, in one pass each for the case-sensitive and the case-blind ones. */
const ANY_PLACEHOLDER = [/X{4,}|\bTODO\b|\bTBD\b|\?{3,}/, /lorem ipsum|\[\s*(fyll i|skriv|text)[^\]]*\]/i];

export function findPlaceholders(
  snapshot: WorkbookSnapshot,
  goalAt: (sheet: string, row: number) => string | null,
): Finding[] {
  const out: Finding[] = [];
  // Most texts hold none (two quick tests); a shared string with one is searched once.
  const hits = new Map<string, RegExpExecArray | null>();
  const search = (text: string): RegExpExecArray | null => {
    if (!ANY_PLACEHOLDER[0].test(text) && !ANY_PLACEHOLDER[1].test(text)) return null;
    let hit = hits.get(text);
    if (hit === undefined) {
      hit = null;
      for (const re of PLACEHOLDERS) if ((hit = re.exec(text))) break;
      hits.set(text, hit);
    }
    return hit;
  };
  for (const sheet of snapshot.sheets) {
    sheet.values.forEach((row, i) => {
      row.forEach((value, k) => {
        if (typeof value !== "string" || value.length < 3) return;
        const hit = search(value);
        if (!hit) return;
        const r = sheet.originRow + i;
        const start = Math.max(0, hit.index - 30);
        const excerpt = `${start > 0 ? "…" : ""}${value.slice(start, hit.index + hit[0].length + 30).trim()}…`;
        out.push(
          finding({
            code: "placeholder-text",
            sheet: sheet.name,
            cell: a1(r, sheet.originCol + k),
            goal: goalAt(sheet.name, r),
            message: `Mallrest ”${hit[0]}” i texten: ”${excerpt}”.`,
            messageEn: `Template leftover "${hit[0]}" in the text: "${excerpt}".`,
          }),
        );
      });
    });
  }
  return out;
}
