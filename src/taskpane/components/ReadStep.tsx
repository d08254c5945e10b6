import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSync20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { CheckResult } from "../../engine";
import type { WorkbookSnapshot } from "../../engine/grid";
import { a1 } from "../../engine/grid";
import { TABLE_TYPE_LABELS } from "../../engine/recognise/types";
import { STATE_SHEET } from "../../engine/report/spec";
import { useLanguage, useStrings } from "../i18n";
import type { DirectionChange } from "../state/usePane";
import type { MappingOverride } from "../../engine/state";
import { MappingEditor } from "./MappingEditor";

const useStyles = makeStyles({
  facts: { margin: "8px 0", paddingLeft: "18px", overflowWrap: "anywhere" },
  tables: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  table: {
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  tableHead: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: "8px" },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface ReadStepProps {
  snapshot: WorkbookSnapshot | null;
  result: CheckResult | null;
  busy: boolean;
  onRead(): void;
  onSaveMapping(mapping: MappingOverride | null, directions: DirectionChange[]): void;
}

export function ReadStep({ snapshot, result, busy, onRead, onSaveMapping }: ReadStepProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const [editing, setEditing] = useState<string | null>(null);
  const userSheets =
    snapshot?.sheets.filter((s) => s.name !== STATE_SHEET && s.visibility === "visible") ?? [];
  const period = result?.model.period;

  return (
    <div>
      <p>{strings.read.intro}</p>
      <Button appearance="primary" icon={<ArrowSync20Regular />} disabled={busy} onClick={onRead}>
        {result ? strings.read.rerun : strings.read.run}
      </Button>
      {!result && <p className={styles.muted}>{strings.read.nothingYet}</p>}
      {result && (
        <>
          <ul className={styles.facts} aria-label={strings.tabs.read}>
            <li>
              {strings.read.sheets(userSheets.length)}: {userSheets.map((s) => s.name).join(", ")}
            </li>
            <li>{strings.read.tablesFound(result.recognition.tables.length)}</li>
            <li>{strings.read.goals(result.model.goals.length)}</li>
            <li>
              {strings.read.period}:{" "}
              {period?.kind
                ? `${period.kind}${period.year ? ` ${period.year}` : ""}`
                : strings.read.periodUnknown}
            </li>
            {result.recognition.unrecognised.length > 0 && (
              <li>{strings.read.unrecognised(result.recognition.unrecognised.length)}</li>
            )}
          </ul>
          {result.recognition.tables.length === 0 && <p>{strings.read.noTables}</p>}
          <ul className={styles.tables}>
            {result.recognition.tables.map((table) => {
              const headerCell = a1(table.headerRow, table.firstCol);
              const indicators = result.model.indicators.filter(
                (ind) => ind.sheet === table.sheet && table.rows.some((r) => r.row === ind.row),
              );
              return (
                <li key={table.id} className={styles.table} data-table={table.id}>
                  <div className={styles.tableHead}>
                    <div>
                      <strong>{TABLE_TYPE_LABELS[table.type]?.[language] ?? table.type}</strong>
                      <div className={styles.muted}>
                        {table.sheet}!{headerCell} · {strings.read.rows(table.rows.length)}
                        {table.title ? ` · ${table.title}` : ""}
                      </div>
                    </div>
                    <Button
                      size="small"
                      disabled={busy}
                      aria-expanded={editing === table.id}
                      onClick={() => setEditing(editing === table.id ? null : table.id)}
                    >
                      {strings.read.correct}
                    </Button>
                  </div>
                  {editing === table.id && (
                    <MappingEditor
                      table={table}
                      indicators={indicators}
                      stored={result.state.mappings.find(
                        (m) => m.sheet === table.sheet && m.headerCell === headerCell,
                      )}
                      storedDirections={result.state.directions}
                      busy={busy}
                      onCancel={() => setEditing(null)}
                      onSave={(mapping, directions) => {
                        setEditing(null);
                        onSaveMapping(mapping, directions);
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
