import { SETTING_INFO } from "../../../src/engine/settings";
import { parseSettingText, settingToText, validateDraft } from "../../../src/taskpane/state/settings";

const info = (key: string) => SETTING_INFO.find((i) => i.key === key)!;

describe("setting texts", () => {
  test("percent settings are typed and shown as percent, with a decimal comma", () => {
    expect(settingToText(info("partlyMetTolerance"), 0.1)).toBe("10");
    expect(settingToText(info("budgetDeviationShare"), 0.015)).toBe("1,5");
    expect(settingToText(info("budgetDeviationMinMnkr"), 0.5)).toBe("0,5");
    expect(parseSettingText(info("partlyMetTolerance"), "12,5 %")).toEqual({ ok: true, value: 0.125 });
    expect(parseSettingText(info("budgetDeviationMinMnkr"), "0,5")).toEqual({ ok: true, value: 0.5 });
  });

  test("text that is no number, or out of range, is refused", () => {
    expect(parseSettingText(info("partlyMetTolerance"), "tio")).toEqual({ ok: false });
    expect(parseSettingText(info("partlyMetTolerance"), "150")).toEqual({ ok: false });
    expect(parseSettingText(info("budgetDeviationMinMnkr"), "-1")).toEqual({ ok: false });
  });

  test("a draft becomes overrides; empty means default; invalid keys are named", () => {
    expect(
      validateDraft({ partlyMetTolerance: "20", resultUnitCap: " ", budgetDeviationShare: "x" }),
    ).toEqual({
      overrides: { partlyMetTolerance: 0.2 },
      invalid: ["budgetDeviationShare"],
    });
  });
});
