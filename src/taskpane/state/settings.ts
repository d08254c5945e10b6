import type { SettingInfo, Settings } from "../../engine/settings";
import { DEFAULT_SETTINGS, SETTING_INFO } from "../../engine/settings";
import { formatSwedishNumber } from "./wordTable";

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
