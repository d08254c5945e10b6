import type { WorkbookSnapshot } from "../grid";
import type { Finding } from "../findings";
import type { Recognition } from "../recognise/types";
import type { DirectionOverride } from "../state";
import type { Model, PeriodKind } from "./types";

export interface BuildOptions {
  period: { kind: PeriodKind; year: number | null } | null;
  directions: DirectionOverride[];
}

// PLACEHOLDER until the model builder lands (issue 3).
export function buildModel(
  snapshot: WorkbookSnapshot,
  recognition: Recognition,
  options: BuildOptions,
): { model: Model; findings: Finding[] } {
  void recognition;
  void options;
  return {
    model: { workbook: snapshot.name, period: { kind: null, year: null, source: "none" }, goals: [], indicators: [], activities: [], budget: [] },
    findings: [],
  };
}
