import { STATE_SHEET } from "../../engine/report/spec";
import type { DirectionOverride, MalkollState, MappingOverride } from "../../engine/state";
import { decodeState, encodeState, refuseForeignStateSheet } from "../../engine/state";
import type { Settings } from "../../engine/settings";
import type { WorkbookPort, WritePlan } from "../../ports/port";

/** A write plan that only replaces the `_malkoll` state rows: no sheets, no flags touched. */
export function stateOnlyPlan(state: MalkollState): WritePlan {
  return { renames: [], sheets: [], flags: [], clearFlags: [], state: encodeState(state), findings: [] };
}

/** Adds or replaces the override for the same table (sheet + header cell). Empty overrides are dropped. */
export function withMapping(state: MalkollState, override: MappingOverride): MalkollState {
  const others = state.mappings.filter(
    (m) => !(m.sheet === override.sheet && m.headerCell === override.headerCell),
  );
  const columns = override.columns && Object.keys(override.columns).length > 0 ? override.columns : undefined;
  const cleaned: MappingOverride = { sheet: override.sheet, headerCell: override.headerCell };
  if (override.tableType) cleaned.tableType = override.tableType;
  if (columns) cleaned.columns = columns;
  return { ...state, mappings: cleaned.tableType || cleaned.columns ? [...others, cleaned] : others };
}

/** One column of a table (by its header cell) given a role, kept with the table's other corrections. */
export interface ColumnRoleChange {
  sheet: string;
  headerCell: string;
  /** Column letter. */
  column: string;
  role: string;
}

/**
 * Gives each column its role in the override of its table, stored as the table's own correction
 * is: the table's type and other columns' roles stay as stored.
 */
export function withColumnRoles(state: MalkollState, changes: readonly ColumnRoleChange[]): MalkollState {
  let next = state;
  for (const change of changes) {
    const stored = next.mappings.find((m) => m.sheet === change.sheet && m.headerCell === change.headerCell);
    next = withMapping(next, {
      ...stored,
      sheet: change.sheet,
      headerCell: change.headerCell,
      columns: { ...stored?.columns, [change.column]: change.role },
    });
  }
  return next;
}

/** Adds or replaces the direction of one indicator row; `null` removes the override. */
export function withDirection(
  state: MalkollState,
  sheet: string,
  row: number,
  direction: string | null,
): MalkollState {
  const others = state.directions.filter((d) => !(d.sheet === sheet && d.row === row));
  const added: DirectionOverride[] = direction ? [{ sheet, row, direction }] : [];
  return { ...state, directions: [...others, ...added] };
}

/** Replaces the workbook's setting overrides (keys absent from `overrides` fall back to defaults). */
export function withSettings(state: MalkollState, overrides: Partial<Settings>): MalkollState {
  const settings: Record<string, number> = {};
  for (const [key, value] of Object.entries(overrides)) if (typeof value === "number") settings[key] = value;
  return { ...state, settings };
}

/**
 * Reads the state as it is in the workbook now (not as it was at the last check), applies the
 * change and writes back only the state rows.
 */
export async function updateStoredState(
  port: WorkbookPort,
  change: (state: MalkollState) => MalkollState,
): Promise<MalkollState> {
  const snapshot = await port.read();
  refuseForeignStateSheet(snapshot);
  const current = decodeState(snapshot.sheets.find((s) => s.name === STATE_SHEET));
  const next = change(current);
  await port.write(stateOnlyPlan(next));
  return next;
}
