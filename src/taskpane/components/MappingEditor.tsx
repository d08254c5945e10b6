import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { columnLetters, a1 } from "../../engine/grid";
import type { Direction, Indicator } from "../../engine/model/types";
import type { ColumnRole, RecognisedTable } from "../../engine/recognise/types";
import { TABLE_TYPE_LABELS } from "../../engine/recognise/types";
import type { DirectionOverride, MappingOverride } from "../../engine/state";
import { useLanguage, useStrings } from "../i18n";
import type { DirectionChange } from "../state/usePane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    marginTop: "6px",
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

const DIRECTIONS: Direction[] = ["higher", "lower", "band", "max", "increase", "unknown"];
const IGNORE = "ignore";

export interface MappingEditorProps {
  table: RecognisedTable;
  /** The indicators read from this table (for the direction choices). */
  indicators: Indicator[];
  /** What the workbook already stores for this table. */
  stored: MappingOverride | undefined;
  storedDirections: DirectionOverride[];
  busy: boolean;
  onSave(mapping: MappingOverride | null, directions: DirectionChange[]): void;
  onCancel(): void;
}

/** Lets a person correct how a table was read: its type, each column's role, each indicator's direction. */
export function MappingEditor({
  table,
  indicators,
  stored,
  storedDirections,
  busy,
  onSave,
  onCancel,
}: MappingEditorProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const headerCell = a1(table.headerRow, table.firstCol);
  const [tableType, setTableType] = useState<string>(stored?.tableType ?? table.type);
  const [roles, setRoles] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const c of table.columns)
      out[columnLetters(c.col)] = stored?.columns?.[columnLetters(c.col)] ?? c.role ?? "";
    return out;
  });
  const [directions, setDirections] = useState<Record<number, string>>(() => {
    const out: Record<number, string> = {};
    for (const ind of indicators) {
      const kept = storedDirections.find((d) => d.sheet === ind.sheet && d.row === ind.row);
      out[ind.row] = kept?.direction ?? ind.direction;
    }
    return out;
  });

  const save = () => {
    const columns: Record<string, string> = {};
    for (const c of table.columns) {
      const letter = columnLetters(c.col);
      const chosen = roles[letter];
      if (chosen && (chosen !== (c.role ?? "") || stored?.columns?.[letter])) columns[letter] = chosen;
    }
    const typeChanged = tableType !== table.type || stored?.tableType !== undefined;
    const mapping: MappingOverride = { sheet: table.sheet, headerCell };
    if (typeChanged) mapping.tableType = tableType;
    if (Object.keys(columns).length > 0) mapping.columns = columns;
    const changes: DirectionChange[] = indicators
      .filter((ind) => directions[ind.row] !== ind.direction)
      .map((ind) => ({ sheet: ind.sheet, row: ind.row, direction: directions[ind.row] }));
    onSave(mapping.tableType || mapping.columns ? mapping : null, changes);
  };

  return (
    <div
      className={styles.root}
      role="group"
      aria-label={`${strings.mapping.title}: ${table.title || table.id}`}
    >
      <h4 className={styles.heading}>
        {strings.mapping.title}: {table.sheet}!{headerCell}
      </h4>
      <Field label={strings.mapping.type}>
        <Select value={tableType} onChange={(_, d) => setTableType(d.value)}>
          {Object.entries(TABLE_TYPE_LABELS).map(([key, label]) => (
            <option key={key} value={key}>
              {label[language]}
            </option>
          ))}
          <option value={IGNORE}>{strings.mapping.ignoreTable}</option>
        </Select>
      </Field>
      {tableType !== IGNORE && table.columns.length > 0 && (
        <fieldset
          style={{
            border: "none",
            margin: 0,
            padding: 0,
            display: "flex",
            flexDirection: "column",
            gap: "6px",
          }}
        >
          <legend>{strings.mapping.columns}</legend>
          {table.columns.map((c) => {
            const letter = columnLetters(c.col);
            return (
              <Field key={c.col} label={strings.mapping.role(c.header, letter)}>
                <Select
                  value={roles[letter] ?? ""}
                  onChange={(_, d) => setRoles({ ...roles, [letter]: d.value })}
                >
                  <option value="">{strings.mapping.noRole}</option>
                  {(Object.keys(strings.roles) as ColumnRole[]).map((role) => (
                    <option key={role} value={role}>
                      {strings.roles[role]}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}
        </fieldset>
      )}
      {tableType !== IGNORE && indicators.length > 0 && (
        <fieldset
          style={{
            border: "none",
            margin: 0,
            padding: 0,
            display: "flex",
            flexDirection: "column",
            gap: "6px",
          }}
        >
          <legend>{strings.mapping.directions}</legend>
          {indicators.map((ind) => (
            <Field key={ind.row} label={strings.mapping.direction(ind.name)}>
              <Select
                value={directions[ind.row] ?? "unknown"}
                onChange={(_, d) => setDirections({ ...directions, [ind.row]: d.value })}
              >
                {DIRECTIONS.map((dir) => (
                  <option key={dir} value={dir}>
                    {strings.directions[dir]}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </fieldset>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={save}>
          {strings.mapping.save}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {strings.mapping.cancel}
        </Button>
      </div>
    </div>
  );
}
