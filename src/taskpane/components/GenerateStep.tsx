import { Button, Field, Input, ProgressBar, Select, makeStyles, tokens } from "@fluentui/react-components";
import { Copy20Regular, Eraser20Regular, TableAdd20Regular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import type { WritePlan } from "../../ports/port";
import { useStrings } from "../i18n";
import type { GeneratePeriod, PaneState } from "../state/reducer";
import type { SpecTable } from "../state/wordTable";
import { splitTables } from "../state/wordTable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "120px" },
  year: { width: "96px" },
  section: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: "10px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const PERIODS: GeneratePeriod[] = ["T1", "T2", "VB"];

interface TableChoice {
  key: string;
  label: string;
  table: SpecTable;
}

export function tableChoices(plan: WritePlan | null): TableChoice[] {
  if (!plan) return [];
  return plan.sheets.flatMap((sheet) =>
    splitTables(sheet.spec).map((table, i) => ({
      key: `${sheet.name}#${i}`,
      label: table.title ? `${sheet.name}: ${table.title}` : `${sheet.name} (${i + 1})`,
      table,
    })),
  );
}

export interface GenerateStepProps {
  period: PaneState["period"];
  phase: PaneState["phase"];
  progress: PaneState["progress"];
  lastPlan: WritePlan | null;
  onPeriod(change: { kind?: GeneratePeriod; year?: number }): void;
  onGenerate(): void;
  onCancel(): void;
  onClearFlags(): void;
  onCopy(table: SpecTable): void;
}

export function GenerateStep({
  period,
  phase,
  progress,
  lastPlan,
  onPeriod,
  onGenerate,
  onCancel,
  onClearFlags,
  onCopy,
}: GenerateStepProps) {
  const styles = useStyles();
  const strings = useStrings();
  const generating = phase === "generating";
  const busy = phase !== "idle";
  const choices = useMemo(() => tableChoices(lastPlan), [lastPlan]);
  const [chosen, setChosen] = useState<string>("");
  const current = choices.find((c) => c.key === chosen) ?? choices[0];

  return (
    <div className={styles.root}>
      <p style={{ margin: 0 }}>{strings.generate.intro}</p>
      <div className={styles.row}>
        <Field label={strings.generate.period} className={styles.grow}>
          <Select
            value={period.kind}
            disabled={busy}
            onChange={(_, d) => onPeriod({ kind: d.value as GeneratePeriod })}
          >
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {strings.generate.periods[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.generate.year} className={styles.year}>
          <Input
            type="number"
            value={String(period.year)}
            disabled={busy}
            min={2000}
            max={2100}
            onChange={(_, d) => {
              const year = Number(d.value);
              if (Number.isInteger(year) && year > 0) onPeriod({ year });
            }}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" icon={<TableAdd20Regular />} disabled={busy} onClick={onGenerate}>
          {strings.generate.run}
        </Button>
        {generating && <Button onClick={onCancel}>{strings.generate.cancel}</Button>}
      </div>
      {generating && (
        <Field
          label={strings.generate.progress}
          validationState="none"
          validationMessage={
            progress ? (strings.generate.steps[progress.step] ?? progress.step) : strings.busy
          }
        >
          <ProgressBar value={progress?.fraction ?? undefined} max={1} />
        </Field>
      )}
      <div className={styles.row}>
        <Button icon={<Eraser20Regular />} disabled={busy} onClick={onClearFlags}>
          {strings.generate.clearFlags}
        </Button>
      </div>
      {choices.length > 0 && current && (
        <div className={styles.section}>
          <h3 className={styles.heading}>{strings.generate.copyTitle}</h3>
          <Field label={strings.generate.table}>
            <Select value={current.key} onChange={(_, d) => setChosen(d.value)}>
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.row}>
            <Button icon={<Copy20Regular />} onClick={() => onCopy(current.table)}>
              {strings.generate.copy}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
