import { Button, Field, ProgressBar, Select, makeStyles, tokens } from "@fluentui/react-components";
import { Copy20Regular, Eraser20Regular, TableAdd20Regular } from "@fluentui/react-icons";
import { useId, useMemo, useState } from "react";
import type { WritePlan } from "../../ports/port";
import { canCancelWrite } from "../../ports/port";
import { useStrings } from "../i18n";
import type { ShownPeriod } from "../state/period";
import { periodLabel, yearMissing } from "../state/period";
import type { PaneState } from "../state/reducer";
import type { SpecTable } from "../state/wordTable";
import { tableChoices } from "../state/wordTable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  text: { margin: 0, overflowWrap: "anywhere" },
  muted: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  section: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: "10px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export interface GenerateStepProps {
  period: ShownPeriod;
  phase: PaneState["phase"];
  progress: PaneState["progress"];
  writePhase: PaneState["writePhase"];
  cancelRequested: boolean;
  lastPlan: WritePlan | null;
  onChoosePeriod(): void;
  onGenerate(): void;
  onCancel(): void;
  onClearFlags(): void;
  onCopy(table: SpecTable): void;
}

export function GenerateStep({
  period,
  phase,
  progress,
  writePhase,
  cancelRequested,
  lastPlan,
  onChoosePeriod,
  onGenerate,
  onCancel,
  onClearFlags,
  onCopy,
}: GenerateStepProps) {
  const styles = useStyles();
  const strings = useStrings();
  const id = useId();
  const generating = phase === "generating";
  const busy = phase !== "idle";
  // A write can be cancelled while the port says nothing has changed yet (Excel: until the new
  // sheets are swapped in); a port that says nothing about its write is not stopped halfway.
  const writing =
    generating &&
    (progress?.step === "write" || progress?.step === "done") &&
    !(writePhase && canCancelWrite(writePhase));
  const choices = useMemo(() => tableChoices(lastPlan?.sheets ?? []), [lastPlan]);
  const groups = useMemo(() => [...new Set(choices.map((c) => c.sheet))], [choices]);
  const [chosen, setChosen] = useState<string>("");
  const current = choices.find((c) => c.key === chosen) ?? choices[0];

  return (
    <div className={styles.root}>
      <p className={styles.text}>{strings.generate.intro}</p>
      {period.origin === "unread" ? (
        <p className={styles.text}>{strings.generate.forWorkbookPeriod}</p>
      ) : period.origin === "unneeded" ? (
        <p className={styles.text} data-generate-period>
          {strings.generate.periodUnneeded}
        </p>
      ) : yearMissing(period) ? (
        <div className={styles.row}>
          <p className={styles.text} data-generate-period>
            {strings.generate.yearMissing(periodLabel(period, strings.period.kinds))}
          </p>
          <Button size="small" onClick={onChoosePeriod}>
            {strings.period.chooseYear}
          </Button>
        </div>
      ) : period.kind ? (
        <p className={styles.text} data-generate-period>
          {strings.generate.forPeriod(periodLabel(period, strings.period.kinds))}
        </p>
      ) : (
        <div className={styles.row}>
          <p className={styles.text}>{strings.period.none}</p>
          <Button size="small" onClick={onChoosePeriod}>
            {strings.period.choose}
          </Button>
        </div>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<TableAdd20Regular />}
          disabledFocusable={busy}
          onClick={onGenerate}
        >
          {strings.generate.run}
        </Button>
        {generating && (
          <Button
            disabledFocusable={writing || cancelRequested}
            aria-describedby={writing ? `${id}-nocancel` : undefined}
            onClick={onCancel}
          >
            {cancelRequested ? strings.generate.cancelling : strings.generate.cancel}
          </Button>
        )}
      </div>
      {writing && (
        <p className={styles.muted} id={`${id}-nocancel`} data-cannot-cancel>
          {strings.generate.cannotCancel}
        </p>
      )}
      {generating && (
        <Field
          label={strings.generate.progress}
          validationState="none"
          validationMessage={progress ? strings.generate.steps[progress.step] : strings.busy}
        >
          <ProgressBar value={progress?.fraction ?? undefined} max={1} />
        </Field>
      )}
      <div className={styles.row}>
        <Button icon={<Eraser20Regular />} disabledFocusable={busy} onClick={onClearFlags}>
          {strings.generate.clearFlags}
        </Button>
      </div>
      {current && (
        <section className={styles.section} aria-labelledby={`${id}-copy`}>
          <h2 id={`${id}-copy`} className={styles.heading}>
            {strings.generate.copyTitle}
          </h2>
          <Field label={strings.generate.table}>
            <Select
              value={current.key}
              onChange={(_, d) => setChosen(d.value)}
              aria-describedby={current.heading ? `${id}-heading` : undefined}
            >
              {groups.map((sheet) => (
                <optgroup key={sheet} label={sheet}>
                  {choices
                    .filter((c) => c.sheet === sheet)
                    .map((c) => (
                      <option key={c.key} value={c.key}>
                        {c.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </Select>
          </Field>
          {current.heading && (
            // The chosen table's heading in full, as Word gets it: the list can show only its start.
            <p className={styles.muted} id={`${id}-heading`} data-table-heading>
              {current.heading}
            </p>
          )}
          <div className={styles.row}>
            <Button icon={<Copy20Regular />} onClick={() => onCopy(current.table)}>
              {strings.generate.copy}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
