import type { PeriodKind, Periodicity } from "./types";
import { cleanText, matchKey } from "./text";

export interface ParsedPeriod {
  kind: PeriodKind;
  year: number | null;
}

/** `Tertial 1 2021`, `Tertial 2 2021`, `T2 2021`, `T2`, `VB 2020`, `VP 2022`, `Tertial/2021` is not a period. */
export function parsePeriodText(text: string): ParsedPeriod | null {
  const t = cleanText(text);
  const tertial =
    /^(?:tertial|tertialrapport)\s*([12])\b\s*(\d{4})?$/i.exec(t) ?? /^T\s*([12])\b\s*(\d{4})?$/i.exec(t);
  if (tertial)
    return { kind: tertial[1] === "1" ? "T1" : "T2", year: tertial[2] ? Number(tertial[2]) : null };
  const vb = /^(VB|verksamhetsberättelse|bokslut)\s*(\d{4})?$/i.exec(t);
  if (vb) return { kind: "VB", year: vb[2] ? Number(vb[2]) : null };
  const vp = /^(VP|verksamhetsplan)\s*(\d{4})?$/i.exec(t);
  if (vp) return { kind: "VP", year: vp[2] ? Number(vp[2]) : null };
  return null;
}

/** The year named by a bare year cell (`2021`) or a period text. */
export function yearOf(text: string): number | null {
  const m = /\b(19|20)\d{2}\b/.exec(text);
  return m ? Number(m[0]) : null;
}

/** `Period`/`Periodicitet` cells: `Tertial…` → tertial; `År`, a bare year, `VB 2020` → year. */
export function parsePeriodicity(text: string): Periodicity | null {
  const t = cleanText(text);
  if (!t) return null;
  if (/^tertial/i.test(t) || /^T[12]\b/i.test(t)) return "tertial";
  const key = matchKey(t);
  if (key === "ar" || key === "arlig" || key === "arligen" || /^\d{4}$/.test(t) || /^(vb|helar)/.test(key))
    return "year";
  return null;
}

const RANK: Record<PeriodKind, number> = { VP: 0, T1: 1, T2: 2, VB: 3 };

/** Orders periods by year, then VP < T1 < T2 < VB; a missing year sorts first. */
export function comparePeriods(a: ParsedPeriod, b: ParsedPeriod): number {
  return (a.year ?? 0) - (b.year ?? 0) || RANK[a.kind] - RANK[b.kind];
}

/** `T2 2021`, `VB 2020`, `T2`, or `okänd` when the period is unknown: the one way periods are written. */
export function formatPeriod(p: { kind: PeriodKind | null; year: number | null }): string {
  if (!p.kind) return "okänd";
  return p.year ? `${p.kind} ${p.year}` : p.kind;
}
