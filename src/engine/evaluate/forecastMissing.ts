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
  const judged = judgedTarget(indicator);
  const against = (render: typeof renderNumber, word: string) =>
    judged === null ? "" : `, ${render(outcome, indicator.unit, decimals)} ${word} ${judged}`;
  return finding({
    code: "forecast-missing",
    sheet: indicator.sheet,
    cell: indicator.cells.forecast ?? indicator.cells.name ?? "A1",
    goal: indicator.goal,
    message: `Prognos helår saknas för ”${indicator.name}”: statusen bedöms på periodens utfall${against(renderNumber, "mot")}, inte på helåret.`,
    messageEn: `Full-year forecast missing for "${indicator.name}": its status is judged on the period's outcome${against(renderNumberEn, "against")}, not on the full year.`,
  });
}

/** The target text the status was judged against: Årsmål, or KF:s årsmål where the nämnd set none. */
function judgedTarget(indicator: Indicator): string | null {
  const judged = (status: string) => status === "met" || status === "partly-met" || status === "not-met";
  if (judged(indicator.status)) return indicator.targetText;
  if (judged(indicator.kfStatus)) return indicator.kfTargetText;
  return null;
}
