/**
 * The period the model is judged for: the one the user forced, else the latest named in a Period
 * cell (of the year asked for), else `VP` for a workbook of plan tables only, else unknown with a
 * `period-unknown` finding.
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import type { ParsedPeriod } from "../parse/period";
import { comparePeriods, parsePeriodText, yearOf } from "../parse/period";
import type { Recognition } from "../recognise/types";
import type { Period, PeriodKind } from "./types";

export interface PeriodOptions {
  forced: { kind: PeriodKind; year: number | null } | null;
  /** Only periods of this year count when the period is read from the workbook. */
  year: number | null;
  /** Where a `period-unknown` finding points (A1 of the workbook's first sheet). */
  firstSheet: string;
}

export function resolvePeriod(recognition: Recognition, options: PeriodOptions, findings: Finding[]): Period {
  const { forced, year } = options;
  if (forced) return { kind: forced.kind, year: forced.year, source: "flag" };
  const named: ParsedPeriod[] = [];
  for (const cell of recognition.periodCells) {
    const p = parsePeriodText(cell.text);
    if (p && p.kind !== "VP" && (year === null || p.year === year)) named.push(p);
  }
  if (named.length) {
    const latest = named.reduce((a, b) => (comparePeriods(a, b) >= 0 ? a : b));
    return { kind: latest.kind, year: latest.year, source: "cell" };
  }
  const types = new Set(recognition.tables.map((t) => t.type));
  const planOnly =
    types.size > 0 &&
    [...types].every((t) => t === "indicators-plan" || t === "driftbudget-vp" || t === "activities") &&
    (types.has("indicators-plan") || types.has("driftbudget-vp"));
  if (planOnly) {
    const vpHeader = recognition.tables
      .flatMap((t) => t.columns)
      .map((c) => c.header)
      .find((h) => /^VP\s*\d{4}/i.test(h.trim()));
    return { kind: "VP", year: vpHeader ? yearOf(vpHeader) : null, source: "plan" };
  }
  findings.push(
    finding({
      code: "period-unknown",
      sheet: options.firstSheet,
      cell: "A1",
      message:
        "Ingen period angiven och ingen kunde läsas (t.ex. ”Tertial 2 2021” i en Period-cell). Ange period (T1, T2 eller VB) för att bedöma utfall.",
      messageEn:
        'No period given and none could be read (e.g. "Tertial 2 2021" in a Period cell). Choose a period (T1, T2 or VB) to assess outcomes.',
    }),
  );
  return { kind: null, year: null, source: "none" };
}
