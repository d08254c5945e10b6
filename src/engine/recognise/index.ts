import type { WorkbookSnapshot } from "../grid";
import type { MappingOverride } from "../state";
import type { Recognition } from "./types";

// PLACEHOLDER until the recogniser lands (issue 3).
export function recognise(snapshot: WorkbookSnapshot, mappings: MappingOverride[]): Recognition {
  void snapshot;
  void mappings;
  return { tables: [], goals: [], periodCells: [], unrecognised: [] };
}
