/** What findings call a model field, in Swedish and English. */
export interface FieldLabel {
  sv: string;
  en: string;
}

/** Indicator and activity fields (their column roles have the same names). */
export const INDICATOR_FIELD_LABELS = {
  outcome: { sv: "Periodens utfall", en: "Outcome" },
  outcomeMen: { sv: "Utfall män/pojkar", en: "Outcome men/boys" },
  outcomeWomen: { sv: "Utfall kvinnor/flickor", en: "Outcome women/girls" },
  previous: { sv: "Föregående utfall", en: "Previous outcome" },
  forecast: { sv: "Prognos helår", en: "Full-year forecast" },
  target: { sv: "Årsmål", en: "Annual target" },
  kfTarget: { sv: "KF:s årsmål", en: "Council target" },
  start: { sv: "Startdatum", en: "Start date" },
  end: { sv: "Slutdatum", en: "End date" },
} satisfies Record<string, FieldLabel>;

/** Budget line amounts, by BudgetLine field. */
export const BUDGET_FIELD_LABELS = {
  budget: { sv: "Budget", en: "Budget" },
  adjustments: { sv: "Begärda budgetjusteringar", en: "Requested adjustments" },
  changes: { sv: "Prestations- och omslutningsförändringar", en: "Volume changes" },
  forecastBeforeTransfers: { sv: "Prognos före resultatöverföringar", en: "Forecast before transfers" },
  forecast: { sv: "Prognos", en: "Forecast" },
  deviation: { sv: "Avvikelse", en: "Deviation" },
} satisfies Record<string, FieldLabel>;

export type BudgetAmountField = keyof typeof BUDGET_FIELD_LABELS;

/** The `forecast` field of a table whose column holds the year's outcome (`Utfall 2021`, `Bokslut`). */
export const BUDGET_OUTCOME_LABEL: FieldLabel = { sv: "Utfall", en: "Outcome" };

/** What a line's amount field is called: `forecast` is `Utfall` where its column holds the outcome. */
export function budgetFieldLabel(
  field: BudgetAmountField,
  forecastIsOutcome: boolean | undefined,
): FieldLabel {
  return field === "forecast" && forecastIsOutcome ? BUDGET_OUTCOME_LABEL : BUDGET_FIELD_LABELS[field];
}

/** The resultatenheter columns a budget line keeps in `extra` under their role, by role. */
export const BUDGET_EXTRA_LABELS: Readonly<Record<string, FieldLabel>> = {
  grossBudget: { sv: "Bruttobudget", en: "Gross budget" },
  carryOverFrom: { sv: "Resultatöverföring från föregående år", en: "Carry-over from the previous year" },
  estimatedResult: { sv: "Beräknat resultat", en: "Estimated result" },
  carryOverTo: {
    sv: "Beräknad resultatöverföring till nästa år",
    en: "Estimated carry-over to the next year",
  },
};
