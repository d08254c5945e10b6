import type { Model } from "../model/types";
import type { Settings } from "../settings";
import type { EvaluationResult } from "./types";

// PLACEHOLDER until evaluation lands (issue 4). Mutates statuses/assessments on the model.
export function evaluate(model: Model, settings: Settings): EvaluationResult {
  void model;
  void settings;
  return { findings: [], derived: [] };
}
