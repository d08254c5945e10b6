import {
  Button,
  Field,
  Radio,
  RadioGroup,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useId } from "react";
import type { Finding } from "../../engine/findings";
import { cellRef } from "../../engine/grid";
import { countBySeverity } from "../../engine/findings";
import type { Model } from "../../engine/model/types";
import { useLanguage, useStrings } from "../i18n";
import type { FindingsFilter, GroupBy, HiddenAs, HiddenCells, ScopeOption } from "../state/findings";
import {
  asksForAnalysisRow,
  blockingFindings,
  filterFindings,
  goalLabel,
  groupFindings,
  scopeOptions,
  scopeSheet,
  unreadableFindings,
} from "../state/findings";
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
  blocking: {
    margin: "8px 0 0 0",
    padding: "8px",
    border: `1px solid ${tokens.colorStatusWarningBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  blocker: { display: "flex", flexDirection: "column", gap: "4px", alignItems: "flex-start" },
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
  stale: { margin: "0 0 8px 0", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  // Allvarlighet and Mål side by side, the second under the first when the pane is too narrow.
  radios: { flexWrap: "wrap" },
});

export interface FindingsListProps {
  findings: Finding[];
  model: Model;
  filter: FindingsFilter;
  onFilterChange(filter: Partial<FindingsFilter>): void;
  onSelect(finding: Finding): void;
  /** Opens the period editor at the top (for `period-unknown`). */
  onChoosePeriod?(): void;
  /** Opens Läs in at a block Målkoll could not read (for `header-unrecognized`). */
  onReadBlock?(finding: Finding): void;
  /** Says a text in the pane's live region: what a changed filter now shows. */
  onAnnounce?(text: string): void;
  /** Sheets hidden at the last read: Excel goes to no cell there, and their findings say so. */
  hiddenSheets?: ReadonlyMap<string, HiddenAs>;
  /** Cells in rows or columns hidden at the last read: Excel selects them, and shows nothing. */
  hiddenCells?: HiddenCells;
  /** Flags left on cells no finding points at any more (staleFlags.ts); said under the counts. */
  staleFlags?: number | null;
  /**
   * The user's sheets in workbook order (userSheetNames): "Visa anmärkningar för" offers those
   * with findings. Without them, no sheet is offered.
   */
  sheets?: readonly string[];
}

function ScopeOptions({ options }: { options: ScopeOption[] }) {
  return (
    <>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {"\u00a0\u00a0".repeat(o.depth)}
          {o.label}
        </option>
      ))}
    </>
  );
}

/**
 * One finding as a button: its whole visible text is its name; a click selects its cell. On a
 * hidden sheet (`hidden`) its place says so, and a click says how to show the sheet (usePane); so
 * does a cell in a hidden row or column (`hiddenCell`).
 */
function FindingButton({
  finding,
  hidden,
  hiddenCell,
  onSelect,
}: {
  finding: Finding;
  hidden?: HiddenAs;
  hiddenCell?: HiddenCells;
  onSelect(f: Finding): void;
}) {
  const styles = useStyles();
  const language = useLanguage();
  const strings = useStrings();
  const ref = cellRef(finding.sheet, finding.cell);
  const inHidden = hidden ? null : (hiddenCell?.(finding.sheet, finding.cell) ?? null);
  const where = hidden
    ? `${ref} · ${strings.check.hiddenSheet[hidden]}`
    : inHidden
      ? `${ref} · ${strings.check.hiddenCell[inHidden]}`
      : ref;
  return (
    <button
      type="button"
      className={styles.item}
      data-finding={finding.code}
      data-hidden-sheet={hidden}
      onClick={() => onSelect(finding)}
    >
      <SeverityBadge severity={finding.severity} />
      <span className={styles.message}>{language === "en" ? finding.messageEn : finding.message}</span>
      <span className={styles.where}>{where}</span>
    </button>
  );
}

/**
 * Findings listed before the rest whatever the filter (what blocks judging, what could not be
 * read), under their own heading, each with the action that mends it.
 */
function FirstFindings({
  group,
  id,
  title,
  findings,
  hiddenSheets,
  hiddenCells,
  onSelect,
  action,
}: {
  group: string;
  id: string;
  title: string;
  findings: Finding[];
  hiddenSheets?: ReadonlyMap<string, HiddenAs>;
  hiddenCells?: HiddenCells;
  onSelect(f: Finding): void;
  action(f: Finding): ReactNode;
}) {
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <section className={styles.blocking} aria-labelledby={id} data-group={group}>
      <h2 id={id} className={styles.groupTitle}>
        {title}
      </h2>
      <ul className={styles.list}>
        {findings.map((f, i) => (
          <li key={`${f.code}-${f.sheet}-${f.cell}-${i}`} className={styles.blocker}>
            <FindingButton
              finding={f}
              hidden={hiddenSheets?.get(f.sheet)}
              hiddenCell={hiddenCells}
              onSelect={onSelect}
            />
            {action(f)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FindingsList({
  findings,
  model,
  filter,
  onFilterChange,
  onSelect,
  onChoosePeriod,
  onReadBlock,
  onAnnounce,
  hiddenSheets,
  hiddenCells,
  staleFlags,
  sheets,
}: FindingsListProps) {
  const styles = useStyles();
  const strings = useStrings();
  const ids = useId();
  const scopes = scopeOptions(model, sheets && { findings, sheets });
  const scopeCount =
    scopes.goals.length + scopes.units.length + scopes.resultUnits.length + scopes.sheets.length;
  const blocking = blockingFindings(findings);
  const unreadable = unreadableFindings(findings, filter.scope);
  const shown = filterFindings(findings, filter, model);
  const groups = groupFindings(shown, filter.groupBy, model.goals);
  /** The badges' counts under another filter: all it lists, the blocking and unreadable findings first. */
  const countsFor = (f: FindingsFilter) =>
    countBySeverity([
      ...blocking,
      ...unreadableFindings(findings, f.scope),
      ...filterFindings(findings, f, model),
    ]);
  const counts = countBySeverity([...blocking, ...unreadable, ...shown]);
  // The badges change silently: a screen reader hears what a new scope or Vad måste jag skriva? shows.
  const narrow = (change: Partial<FindingsFilter>) => {
    onFilterChange(change);
    const next = countsFor({ ...filter, ...change });
    onAnnounce?.(strings.check.filtered(strings.check.summary(next.error, next.warning, next.info)));
  };
  // Where an analysis goes on an `Analys` row is said only where something to write asks for one:
  // beside an Analys column (or a Kommentar read as one) the findings point at the row's own cell.
  const mustWriteHint =
    model.period.kind === "VP"
      ? strings.check.mustWriteHintPlan
      : asksForAnalysisRow(
            filter.mustWrite ? shown : filterFindings(findings, { ...filter, mustWrite: true }, model),
          )
        ? `${strings.check.mustWriteHint} ${strings.check.mustWriteHintAnalysisRow}`
        : strings.check.mustWriteHint;
  const judgingBlocked = blocking.some((f) => f.code === "period-unknown" || f.code === "nothing-recognised");
  // A sheet offered has findings: with Vad måste jag skriva? on and none left, the rest is not to write.
  const sheet = scopeSheet(filter.scope);
  const emptyText =
    findings.length === 0
      ? strings.check.noFindings
      : judgingBlocked
        ? strings.check.nothingJudged
        : [
            sheet !== null && filter.mustWrite
              ? strings.check.nothingToWriteOn(sheet)
              : filter.scope || filter.mustWrite
                ? strings.check.noneMatch
                : strings.check.noOther,
            unreadable.length > 0 ? strings.check.unreadableNotChecked : "",
          ]
            .filter(Boolean)
            .join(" ");

  return (
    <div>
      <div className={styles.filters}>
        {scopeCount > 0 && (
          <Field label={strings.check.scope}>
            <Select
              value={filter.scope ?? ""}
              onChange={(_, data) => narrow({ scope: data.value === "" ? null : data.value })}
            >
              <option value="">{strings.check.wholeWorkbook}</option>
              {/* The sheets first: few, and the widest choice after the whole workbook. */}
              {scopes.sheets.length > 0 && (
                <optgroup label={strings.check.sheetsGroup}>
                  <ScopeOptions options={scopes.sheets} />
                </optgroup>
              )}
              {scopes.goals.length > 0 && (
                <optgroup label={strings.check.goalsGroup}>
                  <ScopeOptions options={scopes.goals} />
                </optgroup>
              )}
              {scopes.units.length > 0 && (
                <optgroup label={strings.check.unitsGroup}>
                  <ScopeOptions options={scopes.units} />
                </optgroup>
              )}
              {scopes.resultUnits.length > 0 && (
                <optgroup label={strings.check.resultUnitsGroup}>
                  <ScopeOptions options={scopes.resultUnits} />
                </optgroup>
              )}
            </Select>
          </Field>
        )}
        <Field hint={mustWriteHint}>
          <Switch
            checked={filter.mustWrite}
            label={strings.check.mustWrite}
            onChange={(_, data) => narrow({ mustWrite: data.checked })}
          />
        </Field>
        <Field label={strings.check.groupBy}>
          <RadioGroup
            className={styles.radios}
            layout="horizontal"
            value={filter.groupBy}
            onChange={(_, data) => onFilterChange({ groupBy: data.value as GroupBy })}
          >
            <Radio value="severity" label={strings.check.bySeverity} />
            <Radio value="goal" label={strings.check.byGoal} />
          </RadioGroup>
        </Field>
      </div>

      <p className={styles.summary} data-summary>
        <SeverityBadge severity="error" count={counts.error} />
        <SeverityBadge severity="warning" count={counts.warning} />
        <SeverityBadge severity="info" count={counts.info} />
      </p>
      {!!staleFlags && (
        <p className={styles.stale} data-stale-flags={staleFlags}>
          {strings.check.staleFlags(staleFlags)}
        </p>
      )}

      <FirstFindings
        group="blocking"
        id={`${ids}-blocking`}
        title={strings.check.blocking}
        findings={blocking}
        hiddenSheets={hiddenSheets}
        hiddenCells={hiddenCells}
        onSelect={onSelect}
        action={(f) =>
          f.code === "period-unknown" && onChoosePeriod ? (
            <Button size="small" onClick={onChoosePeriod}>
              {strings.check.choosePeriod}
            </Button>
          ) : null
        }
      />
      <FirstFindings
        group="unreadable"
        id={`${ids}-unreadable`}
        title={strings.check.unreadable}
        findings={unreadable}
        hiddenSheets={hiddenSheets}
        hiddenCells={hiddenCells}
        onSelect={onSelect}
        action={(f) =>
          onReadBlock ? (
            <Button size="small" onClick={() => onReadBlock(f)}>
              {strings.read.interpret}
            </Button>
          ) : null
        }
      />

      {shown.length === 0 && <p className={styles.empty}>{emptyText}</p>}

      {groups.map((group, g) => {
        const title = group.severity
          ? `${strings.severity[group.severity]} (${group.findings.length})`
          : `${
              group.goal
                ? goalLabel(group.goal)
                : group.key === "workbook"
                  ? strings.check.aboutWorkbook
                  : strings.check.noGoal
            } (${group.findings.length})`;
        return (
          <section
            key={group.key}
            className={styles.group}
            aria-labelledby={`${ids}-group-${g}`}
            data-group={group.key}
          >
            <h2 id={`${ids}-group-${g}`} className={styles.groupTitle}>
              {title}
            </h2>
            <ul className={styles.list}>
              {group.findings.map((f, i) => (
                <li key={`${f.code}-${f.sheet}-${f.cell}-${i}`}>
                  <FindingButton
                    finding={f}
                    hidden={hiddenSheets?.get(f.sheet)}
                    hiddenCell={hiddenCells}
                    onSelect={onSelect}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
