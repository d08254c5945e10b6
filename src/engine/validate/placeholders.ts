import type { CellValue, WorkbookSnapshot } from "../grid";
import { a1 } from "../grid";
import type { Finding } from "../findings";
import { finding } from "../findings";

/**
 * Template leftovers: `XXXXX`, `TODO`, `Lorem ipsum`, `[Fyll i …]` or `<Skriv analys här>`, `???`, and a
 * template's prompt left as the whole cell (`Skriv här`, `Fyll i analys här…`, Office's `Klicka eller
 * tryck här för att ange text.`; not a sentence, an instruction or a form's label: `Fyll i de gula
 * cellerna här.`, `Ange enhet här:`). The first that matches is reported.
 */
const PLACEHOLDERS: RegExp[] = [
  /X{4,}/,
  /\bTODO\b/,
  /\bTBD\b/,
  /lorem ipsum/i,
  /\[\s*(fyll i|skriv|text)[^\]]*\]/i,
  /<\s*(fyll i|skriv|text)[^<>]*>/i,
  /\?{3,}/,
  /^\s*(?:skriv|fyll i|beskriv)(?:\s+[^\s.!?:]+){0,2}?\s+här\s*(?:\.{3}|…)?\s*$/i,
  /^klicka eller tryck här för att ange text\.?$/i,
];
/**
 * Two characters every match holds (`XX`, `TO`, `TB`, `??`, `[`, `<`, `ip` in any case), or a prompt's
 * last word: one quick scan rules out nearly every text before the patterns themselves run.
 */
const MAY_HOLD_PLACEHOLDER = /XX|T[OB]|\?\?|\[|<|[iI][pP]|[hH][äÄ][rR][\s.…]*$|^[Kk][lL][iI][cC][kK][aA]/;

/** The word a template's prompt ends on, or Office's own prompt starts with. */
const PROMPT_WORD = /här[\s.…]*$|^klicka/i;

function filled(value: CellValue | undefined): boolean {
  return value !== null && value !== undefined && String(value).trim() !== "";
}

export function findPlaceholders(
  snapshot: WorkbookSnapshot,
  goalAt: (sheet: string, row: number) => string | null,
  /** Whether a cell lies in a recognised table's rows, where the next cell is the next column, not an answer. */
  inTable: (sheet: string, row: number, col: number) => boolean = () => false,
): Finding[] {
  const out: Finding[] = [];
  // A shared string with a placeholder is searched once.
  const hits = new Map<string, RegExpExecArray | null>();
  for (const sheet of snapshot.sheets) {
    const rows = sheet.values;
    // A hidden row is not read (rows-hidden), so neither is a leftover in it.
    const hidden = sheet.hiddenRows?.length ? new Set(sheet.hiddenRows) : null;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row || hidden?.has(sheet.originRow + i)) continue;
      for (let k = 0; k < row.length; k++) {
        const value = row[k];
        if (typeof value !== "string" || value.length < 3 || !MAY_HOLD_PLACEHOLDER.test(value)) continue;
        let hit = hits.get(value);
        if (hit === undefined) hits.set(value, (hit = firstPlaceholder(value)));
        if (!hit) continue;
        const r = sheet.originRow + i;
        const start = Math.max(0, hit.index - 30);
        const excerpt = `${start > 0 ? "…" : ""}${value.slice(start, hit.index + hit[0].length + 30).trim()}…`;
        const whole = hit[0].trim() === value.trim();
        // A prompt with its answer beside it, outside a table, is a form's label (`Skriv datum här` | `2026-11-30`).
        if (
          whole &&
          PROMPT_WORD.test(value) &&
          filled(row[k + 1]) &&
          !inTable(sheet.name, sheet.originRow + i, sheet.originCol + k)
        )
          continue;
        out.push(
          finding({
            code: "placeholder-text",
            sheet: sheet.name,
            cell: a1(r, sheet.originCol + k),
            goal: goalAt(sheet.name, r),
            // A prompt that is the whole cell is quoted once, as written.
            message: whole
              ? `Mallrest i cellen: ”${value.trim()}”.`
              : `Mallrest ”${hit[0]}” i texten: ”${excerpt}”.`,
            messageEn: whole
              ? `Template leftover in the cell: "${value.trim()}".`
              : `Template leftover "${hit[0]}" in the text: "${excerpt}".`,
          }),
        );
      }
    }
  }
  return out;
}

function firstPlaceholder(text: string): RegExpExecArray | null {
  for (const re of PLACEHOLDERS) {
    const hit = re.exec(text);
    if (hit) return hit;
  }
  return null;
}
