/**
 * `forecast-missing`: at T1 and T2 a tertial indicator's status is judged on its full-year forecast
 * (Prognos helår); where the table asks for one and the row left it empty, the status falls back on
 * the period's outcome, which for a figure that builds up over the year (`21 st` in August against
 * `800 st`) says little about the year. The city's T2 tables give every tertial indicator a forecast
 * (002), except the budget's own figures, which are already worked out from its forecast.
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import type { Indicator, PeriodKind } from "../model/types";
import { renderNumber, renderNumberEn } from "../parse/target";
import { decimalsOf } from "../parse/quantity";
import { isJudged } from "./judged";

/** Budgetföljsamhet and prognossäkerhet: figures of the budget's forecast, with no forecast of their own. */
const FORECAST_OF_BUDGET = /budgetföljsamhet|prognossäkerhet/i;

/** Whether the row should have had a forecast it lacks: see the module's comment. */
export function forecastMissing(indicator: Indicator, period: PeriodKind | null): boolean {
  return (
    (period === "T1" || period === "T2") &&
    indicator.periodicity === "tertial" &&
    indicator.cells.forecast !== undefined &&
    indicator.forecast === null &&
    indicator.forecastWritten !== true &&
    indicator.outcome !== null &&
    indicator.statusBasis === "outcome" &&
    !FORECAST_OF_BUDGET.test(indicator.name)
  );
}

/** The finding at the empty Prognos helår cell, quoting the outcome and the target it was judged by. */
export function forecastMissingFinding(indicator: Indicator): Finding {
  const outcome = indicator.outcome ?? 0;
  const decimals = Math.min(indicator.decimals?.outcome ?? decimalsOf(outcome), 2);
  const against = (render: typeof renderNumber, word: string, previousWord: string) => {
    const judged = judgedTarget(indicator, render, previousWord);
    return judged === null ? "" : `, ${render(outcome, indicator.unit, decimals)} ${word} ${judged}`;
  };
  return finding({
    code: "forecast-missing",
    sheet: indicator.sheet,
    cell: indicator.cells.forecast ?? indicator.cells.name ?? "A1",
    goal: indicator.goal,
    message: `Prognos helår saknas för ”${indicator.name}”: statusen bedöms på periodens utfall${against(renderNumber, "mot", "föregående")}, inte på helåret.`,
    messageEn: `Full-year forecast missing for "${indicator.name}": its status is judged on the period's outcome${against(renderNumberEn, "against", "the previous")}, not on the full year.`,
  });
}

/**
 * What the status was judged against: the Årsmål as written, or KF:s årsmål where the nämnd set
 * none; an `öka` target, the previous period's figure (`446 mot föregående 422`, not `mot Ökning`).
 */
function judgedTarget(
  indicator: Indicator,
  render: typeof renderNumber,
  previousWord: string,
): string | null {
  const kind = isJudged(indicator.status)
    ? indicator.targetKind
    : isJudged(indicator.kfStatus)
      ? indicator.kfTargetKind
      : null;
  if (kind === null) return null;
  if (kind === "increase" || (kind === "value" && indicator.target === null && indicator.kfTarget === null)) {
    const previous = indicator.previous;
    if (previous === null) return null;
    const decimals = Math.min(indicator.decimals?.previous ?? decimalsOf(previous), 2);
    return `${previousWord} ${render(previous, indicator.unit, decimals)}`;
  }
  return isJudged(indicator.status) ? indicator.targetText : indicator.kfTargetText;
}
