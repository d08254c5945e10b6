import type { SettingInfo, Settings } from "../../engine/settings";
import { DEFAULT_SETTINGS, SETTING_INFO } from "../../engine/settings";
import { formatSwedishNumber } from "./swedishNumber";

/** A setting's value as the pane shows it: percentages as percent (`10`), decimal comma. */
export function settingToText(info: SettingInfo, value: number): string {
  const shown = info.percent ? value * 100 : value;
  return formatSwedishNumber(Number(shown.toPrecision(10)));
}

export type ParsedSetting = { ok: true; value: number } | { ok: false };

/** Reads what the person typed (`10`, `10 %`, `0,5`) into the stored value, within the setting's range. */
export function parseSettingText(info: SettingInfo, text: string): ParsedSetting {
  const cleaned = text.replace(/[\s\u00a0%]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { ok: false };
  const shown = Number(cleaned);
  const value = info.percent ? Number((shown / 100).toPrecision(10)) : shown;
  if (!Number.isFinite(value) || value < info.min || value > info.max) return { ok: false };
  return { ok: true, value };
}

export interface SettingsValidation {
  overrides: Partial<Settings>;
  invalid: (keyof Settings)[];
}

/** Draft texts to the overrides to store; a text equal to nothing (empty) means "use the default". */
export function validateDraft(draft: Partial<Record<keyof Settings, string>>): SettingsValidation {
  const overrides: Partial<Settings> = {};
  const invalid: (keyof Settings)[] = [];
  for (const info of SETTING_INFO) {
    const text = draft[info.key];
    if (text === undefined || text.trim() === "") continue;
    const parsed = parseSettingText(info, text);
    if (parsed.ok) overrides[info.key] = parsed.value;
    else invalid.push(info.key);
  }
  return { overrides, invalid };
}

export function defaultText(info: SettingInfo): string {
  return settingToText(info, DEFAULT_SETTINGS[info.key]) + (info.percent ? "\u00a0%" : "");
}

/**
 * Keys whose typed text means something else than what the workbook stores: `15 %` and `15` are
 * the same, a blank is "no override", an invalid text always differs.
 */
export function unsavedSettings(
  draft: Partial<Record<keyof Settings, string>>,
  saved: Partial<Record<keyof Settings, string>>,
): (keyof Settings)[] {
  const meaning = (info: SettingInfo, text: string | undefined): string => {
    if (text === undefined || text.trim() === "") return "default";
    const parsed = parseSettingText(info, text);
    return parsed.ok ? String(parsed.value) : `invalid:${text}`;
  };
  return SETTING_INFO.filter((info) => meaning(info, draft[info.key]) !== meaning(info, saved[info.key])).map(
    (info) => info.key,
  );
}
