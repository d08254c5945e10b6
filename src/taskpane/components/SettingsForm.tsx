import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { Settings } from "../../engine/settings";
import { DEFAULT_SETTINGS, SETTING_INFO } from "../../engine/settings";
import { useLanguage, useStrings } from "../i18n";
import { defaultText, parseSettingText, settingToText, unsavedSettings } from "../state/settings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "14px" },
  setting: { display: "flex", flexDirection: "column", gap: "4px" },
  help: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  input: { width: "110px" },
  badge: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface SettingsFormProps {
  /** Texts typed so far, by key; absent means the default applies. */
  draft: Partial<Record<keyof Settings, string>>;
  /** What the workbook stores, as texts: a draft that means something else is not saved yet. */
  saved: Partial<Record<keyof Settings, string>>;
  busy: boolean;
  onDraft(key: keyof Settings, text: string | null): void;
  onSave(): void;
}

export function SettingsForm({ draft, saved, busy, onDraft, onSave }: SettingsFormProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const anyInvalid = SETTING_INFO.some((info) => {
    const text = draft[info.key];
    return text !== undefined && text.trim() !== "" && !parseSettingText(info, text).ok;
  });
  const unsaved = new Set(unsavedSettings(draft, saved));

  return (
    <form
      className={styles.root}
      onSubmit={(e) => {
        e.preventDefault();
        if (!anyInvalid && !busy) onSave();
      }}
    >
      <p style={{ margin: 0 }}>{strings.settings.intro}</p>
      {SETTING_INFO.map((info) => {
        const text = draft[info.key];
        const overridden = text !== undefined && text.trim() !== "";
        const invalid = overridden && !parseSettingText(info, text).ok;
        const unit = info.percent ? "%" : "mnkr";
        const min = settingToText(info, info.min);
        const max = settingToText(info, info.max);
        return (
          <div key={info.key} className={styles.setting} data-setting={info.key}>
            <Field
              label={language === "en" ? info.labelEn : info.labelSv}
              hint={strings.settings.defaultValue(defaultText(info))}
              validationState={invalid ? "error" : "none"}
              validationMessage={invalid ? strings.settings.invalid(min, max) : undefined}
            >
              <div className={styles.row}>
                <Input
                  className={styles.input}
                  inputMode="decimal"
                  value={text ?? ""}
                  placeholder={settingToText(info, DEFAULT_SETTINGS[info.key])}
                  contentAfter={<span aria-hidden>{unit}</span>}
                  disabled={busy}
                  onChange={(_, d) => onDraft(info.key, d.value)}
                />
                {!invalid && unsaved.has(info.key) && (
                  <span className={styles.badge} data-badge="unsaved">
                    ✎ {strings.settings.unsaved}
                  </span>
                )}
                {!unsaved.has(info.key) && overridden && (
                  <span className={styles.badge} data-badge="overridden">
                    {strings.settings.overridden}
                  </span>
                )}
                {overridden && (
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={busy}
                    onClick={() => onDraft(info.key, null)}
                  >
                    {strings.settings.reset}
                  </Button>
                )}
              </div>
            </Field>
            <p className={styles.help}>{language === "en" ? info.helpEn : info.helpSv}</p>
          </div>
        );
      })}
      <div>
        <Button appearance="primary" type="submit" disabled={anyInvalid} disabledFocusable={busy}>
          {strings.settings.save}
        </Button>
      </div>
    </form>
  );
}
