/**
 * `assessment-contradicts` for an indicator whose own assessment in a unit's table (`Bedömning`,
 * `Måluppfyllelse`, `Trafikljus`) says otherwise than its figures: `Uppfyllt` (`Uppnås`, `Grön`)
 * where it misses its target, or misses it in part; `Ej uppfyllt` (`Röd`) where it meets it. Its
 * `delvis` contradicts nothing (how near is near is the unit's judgement), and neither does an
 * indicator not judged. The stated assessment is never changed.
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import type { Indicator } from "../model/types";
import { countingStatus, describeMiss } from "./goals";

export function indicatorContradictions(indicators: readonly Indicator[]): Finding[] {
  const out: Finding[] = [];
  for (const indicator of indicators) {
    const stated = indicator.statedAssessment;
    const cell = indicator.cells.assessment;
    if (!stated || stated === "delvis" || cell === undefined) continue;
    const status = countingStatus(indicator);
    const says =
      stated === "helt" && status === "not-met"
        ? { sv: "uppfyller inte målet", en: "misses its target" }
        : stated === "helt" && status === "partly-met"
          ? { sv: "uppfyller målet bara delvis", en: "meets its target only in part" }
          : stated === "ej" && status === "met"
            ? { sv: "uppfyller målet", en: "meets its target" }
            : null;
    if (!says) continue;
    const written = indicator.statedAssessmentText ?? stated;
    out.push(
      finding({
        code: "assessment-contradicts",
        sheet: indicator.sheet,
        cell,
        goal: indicator.goal,
        message: `”${indicator.name}” bedöms ”${written}” men ${says.sv}${describeMiss(indicator, "mot")}.`,
        messageEn: `"${indicator.name}" is assessed "${written}" but ${says.en}${describeMiss(indicator, "against")}.`,
      }),
    );
  }
  return out;
}
