import { Field, Radio, RadioGroup, Select, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../engine/findings";
import { countBySeverity } from "../../engine/findings";
import type { Goal } from "../../engine/model/types";
import { useLanguage, useStrings } from "../i18n";
import type { FindingsFilter, GroupBy } from "../state/findings";
import { filterFindings, goalDepth, goalLabel, groupFindings } from "../state/findings";
import { SeverityBadge } from "./SeverityBadge";

const useStyles = makeStyles({
  filters: { display: "flex", flexDirection: "column", gap: "8px", marginBottom: "12px" },
  summary: { display: "flex", flexWrap: "wrap", gap: "12px", margin: "8px 0" },
  group: { margin: "12px 0 0 0", padding: 0, border: "none" },
  groupTitle: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: "0 0 4px 0",
    overflowWrap: "anywhere",
  },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: {
    width: "100%",
    textAlign: "left",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  message: { overflowWrap: "anywhere", whiteSpace: "normal" },
  where: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  empty: { color: tokens.colorNeutralForeground2 },
});

export interface FindingsListProps {
  findings: Finding[];
  goals: Goal[];
  filter: FindingsFilter;
  onFilterChange(filter: Partial<FindingsFilter>): void;
  onSelect(finding: Finding): void;
}

export function FindingsList({ findings, goals, filter, onFilterChange, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const shown = filterFindings(findings, filter, goals);
  const groups = groupFindings(shown, filter.groupBy, goals);
  const counts = countBySeverity(shown);
  const where = (f: Finding) => `${f.sheet}!${f.cell}`;

  return (
    <div>
      <div className={styles.filters}>
        <Field label={strings.check.myUnit}>
          <Select
            value={filter.goal ?? ""}
            onChange={(_, data) => onFilterChange({ goal: data.value === "" ? null : data.value })}
          >
            <option value="">{strings.check.allUnits}</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {"\u00a0\u00a0".repeat(goalDepth(g))}
                {goalLabel(g)}
              </option>
            ))}
          </Select>
        </Field>
        <Field hint={strings.check.mustWriteHint}>
          <Switch
            checked={filter.mustWrite}
            label={strings.check.mustWrite}
            onChange={(_, data) => onFilterChange({ mustWrite: data.checked })}
          />
        </Field>
        <Field label={strings.check.groupBy}>
          <RadioGroup
            layout="horizontal"
            value={filter.groupBy}
            onChange={(_, data) => onFilterChange({ groupBy: data.value as GroupBy })}
          >
            <Radio value="severity" label={strings.check.bySeverity} />
            <Radio value="goal" label={strings.check.byGoal} />
          </RadioGroup>
        </Field>
      </div>

      <div
        className={styles.summary}
        role="status"
        aria-label={strings.check.summary(counts.error, counts.warning, counts.info)}
      >
        <SeverityBadge severity="error" count={counts.error} />
        <SeverityBadge severity="warning" count={counts.warning} />
        <SeverityBadge severity="info" count={counts.info} />
      </div>

      {findings.length === 0 && <p className={styles.empty}>{strings.check.noFindings}</p>}
      {findings.length > 0 && shown.length === 0 && <p className={styles.empty}>{strings.check.noneMatch}</p>}

      {groups.map((group) => {
        const title = group.severity
          ? `${strings.severity[group.severity]} (${group.findings.length})`
          : `${group.goal ? goalLabel(group.goal) : strings.check.noGoal} (${group.findings.length})`;
        return (
          <section key={group.key} className={styles.group} aria-label={title} data-group={group.key}>
            <h3 className={styles.groupTitle}>{title}</h3>
            <ul className={styles.list}>
              {group.findings.map((f, i) => (
                <li key={`${f.code}-${f.sheet}-${f.cell}-${i}`}>
                  <button
                    type="button"
                    className={styles.item}
                    data-finding={f.code}
                    aria-label={`${strings.severity[f.severity]}: ${language === "en" ? f.messageEn : f.message}. ${strings.check.goTo(where(f))}`}
                    onClick={() => onSelect(f)}
                  >
                    <SeverityBadge severity={f.severity} />
                    <span className={styles.message}>{language === "en" ? f.messageEn : f.message}</span>
                    <span className={styles.where}>{where(f)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
