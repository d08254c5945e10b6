/**
 * Rule defaults: the one place they live. A workbook overrides them in its Målkoll state sheet
 * (`setting` rows, written by the pane's Inställningar) or in a visible sheet named
 * `Målkoll inställningar` with `key | value` rows (for CLI users; the state sheet wins).
 * Every setting carries a one-line explanation shown to the user.
 */
export interface Settings {
  /** An indicator short of its target by at most this share of the target is `partly-met`. */
  partlyMetTolerance: number;
  /** A budget deviation is large when |deviation| exceeds this share of the row's budget… */
  budgetDeviationShare: number;
  /** …and also exceeds this amount in mnkr (converted for tkr/kr tables). */
  budgetDeviationMinMnkr: number;
  /** A result unit may carry over at most this share of its gross budget. */
  resultUnitCap: number;
}

export const DEFAULT_SETTINGS: Settings = {
  partlyMetTolerance: 0.1,
  budgetDeviationShare: 0.01,
  budgetDeviationMinMnkr: 0.5,
  resultUnitCap: 0.1,
};

export interface SettingInfo {
  key: keyof Settings;
  /** Shown as a percentage in the UI when true. */
  percent: boolean;
  min: number;
  max: number;
  labelSv: string;
  labelEn: string;
  helpSv: string;
  helpEn: string;
}

export const SETTING_INFO: SettingInfo[] = [
  {
    key: "partlyMetTolerance",
    percent: true,
    min: 0,
    max: 1,
    labelSv: "Tolerans för delvis uppfyllt",
    labelEn: "Tolerance for partly met",
    helpSv:
      "En indikator som missar målet med högst så här stor andel av målvärdet räknas som delvis uppfylld.",
    helpEn: "An indicator short of its target by at most this share of the target counts as partly met.",
  },
  {
    key: "budgetDeviationShare",
    percent: true,
    min: 0,
    max: 1,
    labelSv: "Budgetavvikelse, andel av budget",
    labelEn: "Budget deviation, share of budget",
    helpSv:
      "En avvikelse större än så här stor andel av radens budget flaggas (om den också överstiger minsta belopp).",
    helpEn:
      "A deviation larger than this share of the row's budget is flagged (if it also exceeds the minimum amount).",
  },
  {
    key: "budgetDeviationMinMnkr",
    percent: false,
    min: 0,
    max: 1000,
    labelSv: "Budgetavvikelse, minsta belopp (mnkr)",
    labelEn: "Budget deviation, minimum amount (SEK m)",
    helpSv:
      "Avvikelser under detta belopp flaggas aldrig, hur stor andel de än är (0,5 mnkr = 500 tkr). I en arbetsbok vars största budget är mindre än beloppet delat med andelen (en enhets) gäller andelen av den budgeten i stället.",
    helpEn:
      "Deviations below this amount are never flagged, whatever their share (0.5 SEK m = 500 SEK k). In a workbook whose largest budget is under the amount divided by the share (a unit's), the share of that budget applies instead.",
  },
  {
    key: "resultUnitCap",
    percent: true,
    min: 0,
    max: 1,
    labelSv: "Tak för resultatöverföring",
    labelEn: "Cap on result carry-over",
    helpSv: "En resultatenhet får föra över högst så här stor andel av sin bruttobudget till nästa år.",
    helpEn: "A result unit may carry over at most this share of its gross budget to next year.",
  },
];

/** Merges overrides onto the defaults, ignoring unknown keys and values outside their range. */
export function resolveSettings(overrides: Partial<Record<string, unknown>> = {}): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const info of SETTING_INFO) {
    const raw = overrides[info.key];
    const value = typeof raw === "string" ? Number(raw.replace(",", ".")) : raw;
    if (typeof value === "number" && Number.isFinite(value) && value >= info.min && value <= info.max) {
      out[info.key] = value;
    }
  }
  return out;
}

/** The visible sheet a person may keep overrides in: `partlyMetTolerance | 0,2` rows. */
export const SETTINGS_SHEET = "Målkoll inställningar";

/** Reads `key | value` rows of the settings sheet; unknown keys are ignored by `resolveSettings`. */
export function settingsFromRows(rows: unknown[][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = new Set<string>(SETTING_INFO.map((i) => i.key));
  for (const row of rows) {
    const key = typeof row[0] === "string" ? row[0].trim() : "";
    if (keys.has(key) && row[1] !== null && row[1] !== undefined && row[1] !== "") out[key] = row[1];
  }
  return out;
}
