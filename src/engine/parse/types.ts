/** The kinds of value the Swedish parsers read; the model (model/types) is built from them. */

export type PeriodKind = "T1" | "T2" | "VB" | "VP";
export type Assessment = "helt" | "delvis" | "ej" | "ingen";
export type TargetKind = "value" | "band" | "max" | "min" | "increase" | "delegated" | "none";
export type Periodicity = "tertial" | "year";
