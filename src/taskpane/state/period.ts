import type { CheckResult } from "../../engine";
import { modelEmpty } from "../../engine/model/empty";
import { cellRef } from "../../engine/grid";
import type { PeriodKind } from "../../engine/model/types";
import { parsePeriodText } from "../../engine/parse/period";
import type { PeriodCell } from "../../engine/recognise/types";
import type { ChosenPeriod } from "./reducer";

/**
 * Where the pane's one period comes from; "unneeded": the workbook's, if it names one, but nothing
 * read is judged by one (no goal, indicator, activity or budget row: cross tables alone, or nothing).
 */
export type PeriodOrigin = "chosen" | "workbook" | "plan" | "none" | "unneeded" | "unread";

export interface ShownPeriod {
  kind: PeriodKind | null;
  year: number | null;
  origin: PeriodOrigin;
  /** `Sheet!A1` of the cell the period was read from, when it came from one. */
  cell: string | null;
  /** The sheet whose name gave the year, when nothing else named one. */
  yearSheet?: string;
  /** The sheet whose whole name is the period (`T2 2021`), when nothing else named one. */
  sheetName?: string;
}

/**
 * The period Kontrollera and Skapa tabeller use: the person's choice, else what the last read
 * found in the workbook (a Period cell, or a plan), else unknown. Before the first read it is
 * "unread": the next run reads it from the workbook, as the CLI does.
 */
export function shownPeriod(chosen: ChosenPeriod | null, result: CheckResult | null): ShownPeriod {
  if (chosen) return { kind: chosen.kind, year: chosen.year, origin: "chosen", cell: null };
  if (!result) return { kind: null, year: null, origin: "unread", cell: null };
  const { period } = result.model;
  // Nothing read is judged by a period: what the workbook names (or not) is no question to ask.
  if (modelEmpty(result.model))
    return { kind: period.kind, year: period.year, origin: "unneeded", cell: null };
  if (!period.kind) return { kind: null, year: null, origin: "none", cell: null };
  if (period.source === "sheet")
    return {
      kind: period.kind,
      year: period.year,
      origin: "workbook",
      cell: null,
      sheetName: period.yearSheet,
    };
  const yearSheet = period.yearSheet ? { yearSheet: period.yearSheet } : {};
  if (period.source === "plan")
    return { kind: period.kind, year: period.year, origin: "plan", cell: null, ...yearSheet };
  const names = (c: PeriodCell): boolean => {
    const parsed = parsePeriodText(c.text);
    return parsed?.kind === period.kind && parsed.year === period.year;
  };
  // A title names the period only where no Period cell does (engine/model/period.ts).
  const cells = result.recognition.periodCells;
  const source = cells.find((c) => !c.title && names(c)) ?? cells.find(names);
  return {
    kind: period.kind,
    year: period.year,
    origin: "workbook",
    cell: source ? cellRef(source.sheet, source.cell) : null,
    ...yearSheet,
  };
}

/** A period read from the workbook without its year (`VP` of a plan, `T2` of a Period cell). */
export function yearMissing(p: ShownPeriod): boolean {
  return p.kind !== null && p.year === null && p.origin !== "unread" && p.origin !== "unneeded";
}

/** The period in the pane's words: `Tertial 2 2021`, `Verksamhetsberättelse 2020`, `Annual report 2020`. */
export function periodLabel(
  p: { kind: PeriodKind | null; year: number | null },
  kinds: Record<PeriodKind, string>,
): string {
  if (!p.kind) return "";
  return p.year ? `${kinds[p.kind]} ${p.year}` : kinds[p.kind];
}

/** `T2 2021`, `VB 2020`, `VP`. */
export function periodName(p: { kind: PeriodKind | null; year: number | null }): string {
  if (!p.kind) return "";
  return p.year ? `${p.kind} ${p.year}` : p.kind;
}

/** A year typed in the pane: four digits within reason, else null. */
export function parseYear(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const year = Number(t);
  return year >= 1990 && year <= 2100 ? year : null;
}
