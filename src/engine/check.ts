/** The check stage: recognise → model → evaluate → validate over a workbook's grids. */
import type { WorkbookSnapshot } from "./grid";
import type { Finding } from "./findings";
import { findingCellKey, cellsWithFinding, finding, sortFindings } from "./findings";
import type { Model, PeriodKind } from "./model/types";
import type { Recognition } from "./recognise/types";
import type { DerivedFigure } from "./evaluate/types";
import type { DuplicatePair } from "./evaluate/duplicates";
import type { Settings } from "./settings";
import { SETTINGS_SHEET, resolveSettings, settingsFromRows } from "./settings";
import type { MalkollState } from "./state";
import { decodeState, isMalkollSheet, looksGenerated, STATE_SHEET } from "./state";
import { recognise } from "./recognise";
import { buildModel } from "./model/build";
import { modelEmpty } from "./model/empty";
import { validate } from "./validate";
import { withoutDuplicateEchoes } from "./validate/duplicates";
import { evaluate } from "./evaluate";
import { uncalculatedFindings, withoutMissingUncalculated, withoutUncalculatedValues } from "./uncalculated";

export interface CheckOptions {
  /** Period forced by the user (`--period`/`--year` or the pane); otherwise read from the workbook. */
  period?: { kind: PeriodKind; year: number | null } | null;
  /** `--year` without `--period`: the latest period named in the workbook within that year. */
  year?: number | null;
  /** Setting overrides on top of the workbook's own (e.g. from the pane before saving). */
  settings?: Partial<Settings>;
}

export interface CheckResult {
  model: Model;
  findings: Finding[];
  derived: DerivedFigure[];
  /** Indicator rows that repeat an earlier one under the same goal, each with that one: a goal counts it once. */
  duplicates: DuplicatePair[];
  settings: Settings;
  state: MalkollState;
  recognition: Recognition;
}

/** The pure pipeline: recognise → parse/model → evaluate → validate. */
export function check(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const stateSheet = snapshot.sheets.find((s) => s.name === STATE_SHEET);
  const state = decodeState(stateSheet);
  const settingsSheet = snapshot.sheets.find((s) => s.name === SETTINGS_SHEET);
  const settings = resolveSettings({
    ...(settingsSheet ? settingsFromRows(settingsSheet.values) : {}),
    ...state.settings,
    ...(options.settings ?? {}),
  });
  // Formulas Excel never computed read as empty: nothing is judged by a value Excel would not show.
  // Målkoll's own sheets are no source, recorded or not (an edited copy, an older build's state).
  const userSheets = {
    ...snapshot,
    sheets: withoutUncalculatedValues(
      snapshot.sheets.filter((s) => !isMalkollSheet(s.name, state) && !looksGenerated(s)),
    ),
  };
  const built = buildModel(userSheets, recognise(userSheets, state.mappings), {
    period: options.period ?? null,
    year: options.year ?? null,
    directions: state.directions,
    firstSheet: snapshot.sheets[0]?.name,
  });
  // Evaluation first: validation compares targets in the direction evaluation settles.
  const { recognition } = built;
  const evaluation = evaluate(built.model, settings, recognition.tables);
  const { duplicates } = evaluation;
  // A hidden sheet is not read (recognise): nor is it checked for leftovers, sums or formulas.
  const visibleSheets = {
    ...userSheets,
    sheets: userSheets.sheets.filter((s) => s.visibility === "visible"),
  };
  const validation = validate(built.model, visibleSheets, recognition, duplicates);
  const nothing = recognisedNothing(built) ? [nothingRecognisedFinding(snapshot.sheets[0]?.name)] : [];
  // A period judges goals, indicators, activities and budget rows: with none, none is asked for
  // (nothing-recognised says what is missing; cross tables need no period).
  const modelFindings = modelEmpty(built.model)
    ? built.findings.filter((f) => f.code !== "period-unknown")
    : built.findings;
  const findings = sortFindings(
    withoutDuplicateEchoes(
      withoutMissingUnreadable(
        withoutMissingUncalculated(modelFindings.concat(validation, evaluation.findings), userSheets.sheets),
      ),
      duplicates,
    ).concat(nothing, uncalculatedFindings(visibleSheets.sheets)),
    snapshot.sheets.map((s) => s.name),
  );
  return {
    model: built.model,
    findings,
    derived: evaluation.derived,
    duplicates,
    settings,
    state,
    recognition,
  };
}

/**
 * The findings without an `outcome-missing` where a `value-unparseable` stands at the same cell: the
 * outcome is written there (`ca 40`), it just can't be read, and that one finding says so.
 * (`target-missing` stays: "no usable Årsmål" is true of an unreadable one.)
 */
function withoutMissingUnreadable(findings: Finding[]): Finding[] {
  const unreadable = cellsWithFinding(findings, "value-unparseable");
  if (unreadable.size === 0) return findings;
  return findings.filter(
    (f) => f.code !== "outcome-missing" || !unreadable.has(findingCellKey(f.sheet, f.cell)),
  );
}

/** Nor a cross table: there is nothing to build tables from. */
export function recognisedNothing(result: Pick<CheckResult, "model" | "recognition">): boolean {
  return modelEmpty(result.model) && result.recognition.crossTables.length === 0;
}

function nothingRecognisedFinding(firstSheet: string | undefined): Finding {
  return finding({
    code: "nothing-recognised",
    sheet: firstSheet ?? "",
    cell: "A1",
    message:
      "Målkoll hittade inga mål, indikatorer, aktiviteter, budgettabeller eller korstabeller, så inga tabellflikar skapas. Ange vilket block som är en tabell (Läs in → Peka ut en tabell) eller kontrollera rubrikraderna.",
    messageEn:
      "Målkoll found no goals, indicators, activities, budget tables or cross tables, so no table sheets are created. Say which block is a table (Read → Point out a table) or check the header rows.",
  });
}
