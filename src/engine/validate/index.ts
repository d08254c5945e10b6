import type { Finding } from "../findings";
import type { Model } from "../model/types";
import type { Settings } from "../settings";

// PLACEHOLDER until validation lands (issue 3).
export function validate(model: Model, settings: Settings): Finding[] {
  void model;
  void settings;
  return [];
}
