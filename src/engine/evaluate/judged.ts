import type { KfStatus } from "../model/types";

/** The statuses judged against a figure. */
export type JudgedStatus = "met" | "partly-met" | "not-met";

/** A status judged against a figure (comparisons, not a Set: asked several times an indicator). */
export function isJudged(status: KfStatus): status is JudgedStatus {
  return status === "met" || status === "partly-met" || status === "not-met";
}
