import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { cellRef, columnLetters, parseA1 } from "../../engine/grid";
import type { SheetGrid } from "../../engine/grid";
import type { Direction, Indicator } from "../../engine/model/types";
import { declaredHeader } from "../../engine/recognise";
import type { ColumnRole, RecognisedColumn, RecognisedTable, TableType } from "../../engine/recognise/types";
import { COLUMN_ROLES, TABLE_TYPE_LABELS, columnRolesOf } from "../../engine/recognise/types";
import { sameHeaderKey, unreadColumns } from "../../engine/recognise/unread";
import type { DirectionOverride, MappingOverride } from "../../engine/state";
import { useLanguage, useStrings } from "../i18n";
import type { ColumnRoleChange } from "../state/storedState";
import type { DirectionChange } from "../state/usePane";

/**
 * Narrower than this (the card's content box: a 350 px pane at 200 % zoom gives 141 CSS px, a 320
 * px pane 286), each name goes above its choice, which then has the whole width: beside it, a
 * dropdown at 175 CSS px was ~60 px and showed "N…", "P…", "Ut…". (Each name beside its choice
 * needs ~300 px for `Utfall kvinnor/flickor` to show whole.)
 */
const NARROW = "@container (max-width: 299.98px)";

const useStyles = makeStyles({
  // What the width is measured on: the editor's own box, whose padding the narrow layout drops.
  container: { containerType: "inline-size" },
  root: {
    // The card around the editor breaks long words anywhere; in here only a word that cannot fit
    // on a line of its own breaks (not "Spara i arbetsboke/n" in a narrow button).
    overflowWrap: "break-word",
    [NARROW]: { padding: "6px 4px 0" },
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px 8px 0",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    marginTop: "6px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  where: { display: "flex", flexWrap: "wrap", gap: "8px" },
  sheet: { flexGrow: 1, minWidth: "120px" },
  cell: { width: "96px" },
  details: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "6px" },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, padding: "2px 0" },
  // One compact row per column or indicator: its name beside its choice. The names' column is at
  // least as wide as its longest word (`auto`: the labels' min-content, which a word capped by the
  // label's max-width is at most), so a name wraps between its words and the choice gives way.
  rows: {
    display: "grid",
    gridTemplateColumns: "minmax(auto, 1fr) minmax(0, 1.15fr)",
    alignItems: "center",
    columnGap: "8px",
    rowGap: "4px",
    marginTop: "6px",
    // The name above its choice, the choice as wide as the editor.
    [NARROW]: { gridTemplateColumns: "minmax(0, 1fr)", rowGap: "2px" },
  },
  // A name wraps at its spaces: at 350 px "Antal deltagare på sommarlovsaktiviteter" broke as
  // "sommarlovsaktivitete / r" where `anywhere` let its column be narrower than the word. Only a word
  // wider than 60 % of the editor (no Swedish indicator's) breaks, as a last resort, and the
  // choice keeps the rest.
  label: {
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "break-word",
    wordBreak: "normal",
    maxWidth: "60cqw",
    lineHeight: tokens.lineHeightBase200,
    [NARROW]: { marginTop: "6px", maxWidth: "none" },
  },
  // A choice wraps between its words rather than end in "…": at 200 % zoom (141 CSS px) the
  // dropdown left ~95 px for its text and showed `Utfall kvinnor…`, `Utfall män/po…`, `Föregående u…`.
  // Fluent's select draws itself (appearance: none), so Chromium lays its text out as a block;
  // one line keeps Fluent's small height.
  choice: {
    whiteSpace: "normal",
    height: "auto",
    minHeight: "24px",
    paddingTop: "3px",
    paddingBottom: "3px",
  },
  // Under its column's row, across both of the grid's columns.
  wholeSheet: { gridColumn: "1 / -1", marginTop: "-2px" },
  error: { margin: 0, color: tokens.colorStatusDangerForeground3, fontSize: tokens.fontSizeBase200 },
  // The save buttons stay in sight however long the lists are.
  bar: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    gap: "8px",
    flexWrap: "wrap",
    padding: "8px 0",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    // A button's text wraps between its words when the pane is narrow, never inside one.
    overflowWrap: "normal",
  },
});

const DIRECTIONS: Direction[] = ["higher", "lower", "band", "max", "increase", "unknown"];
const IGNORE = "ignore";

/** What the editor corrects: a recognised table, or a block the person points out. */
export type MappingTarget =
  | { kind: "table"; table: RecognisedTable }
  /** `listed`: a block Målkoll reported as unreadable (it may be declared no table), not one pointed out. */
  | { kind: "block"; sheet: string; headerCell: string; listed?: boolean };

export interface MappingEditorProps {
  target: MappingTarget;
  /** The workbook's sheets as read (a pointed-out block is read from them). */
  sheets: SheetGrid[];
  /** The indicators read from this table (for the direction choices). */
  indicators: Indicator[];
  /** What the workbook already stores for this table. */
  stored: MappingOverride | undefined;
  /**
   * The sheet's other tables: a column skipped here can be skipped in each of them where a column
   * of the same header is read as nothing (`Ansvarig` under every goal).
   */
  sheetTables?: RecognisedTable[];
  storedDirections: DirectionOverride[];
  busy: boolean;
  /** Take focus when opened: it was opened from elsewhere (Kontrollera), not by a button beside it. */
  focusOnOpen?: boolean;
  /** `columns`: the same header's columns in the sheet's other tables, skipped with this one. */
  onSave(mapping: MappingOverride | null, directions: DirectionChange[], columns: ColumnRoleChange[]): void;
  onCancel(): void;
}

/** The columns of the other tables that share a header with one of this table's, by header key. */
function sameHeaderColumns(
  table: RecognisedTable | null,
  others: RecognisedTable[],
): Map<string, { table: RecognisedTable; column: RecognisedColumn }[]> {
  const out = new Map<string, { table: RecognisedTable; column: RecognisedColumn }[]>();
  if (!table) return out;
  const keys = new Set(table.columns.filter((c) => c.header).map(sameHeaderKey));
  for (const other of others) {
    if (other.id === table.id || other.sheet !== table.sheet) continue;
    for (const column of other.columns) {
      // Only where it is read as nothing: a role there is the table's own, found or chosen.
      if (readRole(other, column) !== "" || !column.header) continue;
      const key = sameHeaderKey(column);
      if (keys.has(key)) out.set(key, [...(out.get(key) ?? []), { table: other, column }]);
    }
  }
  return out;
}

/**
 * The role a column was read with, as the editor shows it: none for a level column that holds
 * values but no goal levels (`Nivå` of `Hög`/`Låg`): its header named it, and the check reports
 * it as not read (`unreadColumns`, which this asks). An empty `Målnivå` keeps its role.
 */
function readRole(table: RecognisedTable | null, column: RecognisedColumn): string {
  if (column.role === "goalLevel" && table) {
    const unread = unreadColumns(table).find((u) => u.column.col === column.col);
    if (unread && !unread.goalLevels) return "";
  }
  return column.role ?? "";
}

/** The columns a pointed-out block would have as that kind of table (as the engine will read it). */
function blockColumns(sheets: SheetGrid[], sheet: string, cell: string, type: string): RecognisedColumn[] {
  const grid = sheets.find((s) => s.name === sheet);
  if (!grid || !parseA1(cell)) return [];
  const tableType = type in TABLE_TYPE_LABELS ? type : "budget-other";
  return declaredHeader(grid, { sheet, headerCell: cell, tableType })?.columns ?? [];
}

/**
 * Lets a person correct how a table was read (its type, each column's role, each indicator's
 * direction), or say what a block is that Målkoll did not read as a table. Saved in the workbook.
 */
export function MappingEditor({
  target,
  sheets,
  indicators,
  stored,
  sheetTables = [],
  storedDirections,
  busy,
  focusOnOpen = false,
  onSave,
  onCancel,
}: MappingEditorProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const id = useId();
  const table = target.kind === "table" ? target.table : null;
  const mayIgnore = table !== null || (target.kind === "block" && target.listed === true);
  const [sheet, setSheet] = useState(table ? table.sheet : target.kind === "block" ? target.sheet : "");
  const [cellText, setCellText] = useState(
    table
      ? `${columnLetters(table.firstCol)}${table.headerRow}`
      : target.kind === "block"
        ? target.headerCell
        : "",
  );
  const headerCell = cellText.trim().toUpperCase();
  const [tableType, setTableType] = useState<string>(stored?.tableType ?? table?.type ?? "");
  const columns = table ? table.columns : blockColumns(sheets, sheet, headerCell, tableType);
  const [roles, setRoles] = useState<Record<string, string>>({});
  const roleOf = (c: RecognisedColumn): string =>
    roles[columnLetters(c.col)] ?? stored?.columns?.[columnLetters(c.col)] ?? readRole(table, c);
  const [directions, setDirections] = useState<Record<number, string>>(() => {
    const out: Record<number, string> = {};
    for (const ind of indicators) {
      const kept = storedDirections.find((d) => d.sheet === ind.sheet && d.row === ind.row);
      out[ind.row] = kept?.direction ?? ind.direction;
    }
    return out;
  });
  const [problem, setProblem] = useState<string | null>(null);
  const sameHeaders = sameHeaderColumns(table, sheetTables);
  /** Header keys whose skip the person kept to this table (every table on the sheet by default). */
  const [onlyHere, setOnlyHere] = useState<Record<string, boolean>>({});
  const skippedElsewhere = (c: RecognisedColumn) =>
    roleOf(c) === IGNORE && (sameHeaders.get(sameHeaderKey(c))?.length ?? 0) > 0;
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focusOnOpen) return;
    headingRef.current?.focus({ preventScroll: true });
    rootRef.current?.scrollIntoView?.({ block: "start" });
    // Only when opened: a later render must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = () => {
    if (!table && tableType === IGNORE) return onSave({ sheet, headerCell, tableType }, [], []);
    if (!table) {
      if (!parseA1(headerCell)) return setProblem(strings.mapping.invalidCell);
      if (!tableType) return setProblem(strings.mapping.typeNeeded);
      if (columns.every((c) => !c.header)) return setProblem(strings.mapping.emptyRow);
    }
    const chosen: Record<string, string> = {};
    for (const c of columns) {
      const letter = columnLetters(c.col);
      const role = roleOf(c);
      // A block keeps every role shown; a recognised table only what the person changed.
      if (role && (!table || role !== readRole(table, c) || stored?.columns?.[letter])) chosen[letter] = role;
    }
    const mapping: MappingOverride = { sheet, headerCell };
    if (!table || tableType !== table.type || stored?.tableType !== undefined) mapping.tableType = tableType;
    if (Object.keys(chosen).length > 0) mapping.columns = chosen;
    const changes: DirectionChange[] = indicators
      .filter((ind) => directions[ind.row] !== ind.direction)
      .map((ind) => ({ sheet: ind.sheet, row: ind.row, direction: directions[ind.row] }));
    const alsoSkipped: ColumnRoleChange[] = [];
    if (tableType !== IGNORE)
      for (const c of columns) {
        if (!skippedElsewhere(c) || onlyHere[sameHeaderKey(c)]) continue;
        for (const same of sameHeaders.get(sameHeaderKey(c)) ?? [])
          alsoSkipped.push({
            sheet: same.table.sheet,
            headerCell: `${columnLetters(same.table.firstCol)}${same.table.headerRow}`,
            column: columnLetters(same.column.col),
            role: IGNORE,
          });
      }
    onSave(mapping.tableType || mapping.columns ? mapping : null, changes, alsoSkipped);
  };

  // A table type's own roles, or every role while no type is chosen.
  const ownRoles = tableType in TABLE_TYPE_LABELS ? columnRolesOf(tableType as TableType) : COLUMN_ROLES;
  const roleOptions = (roles: readonly string[]) =>
    roles.map((role) => (
      <option key={role} value={role}>
        {strings.roles[role as ColumnRole] ?? role}
      </option>
    ));
  // A role of another type the column has (read so, stored, or just chosen) stays in its list.
  const otherRoles = (c: RecognisedColumn): string[] =>
    [...new Set([stored?.columns?.[columnLetters(c.col)] ?? readRole(table, c), roleOf(c)])].filter(
      (role) => role && !(ownRoles as readonly string[]).includes(role),
    );

  // The editor is titled by the button that opened it.
  const title = table
    ? strings.read.correct
    : target.kind === "block" && target.listed
      ? strings.read.interpret
      : strings.mapping.declareTitle;
  return (
    <div className={styles.container}>
      <div
        ref={rootRef}
        className={styles.root}
        role="group"
        aria-labelledby={`${id}-title`}
        data-mapping-editor
        onKeyDown={(e) => {
          if (e.key !== "Escape" || busy) return;
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }}
      >
        <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1} className={styles.heading}>
          {title}: {cellRef(sheet, headerCell)}
        </h3>
        {!table && (
          <div className={styles.where}>
            <Field label={strings.mapping.sheet} className={styles.sheet}>
              <Select value={sheet} onChange={(_, d) => setSheet(d.value)}>
                {sheets.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={strings.mapping.headerCell} className={styles.cell}>
              <Input
                value={cellText}
                onChange={(_, d) => {
                  setCellText(d.value);
                  setProblem(null);
                }}
              />
            </Field>
          </div>
        )}
        <Field label={strings.mapping.type}>
          <Select
            value={tableType}
            onChange={(_, d) => {
              setTableType(d.value);
              setProblem(null);
            }}
          >
            {!table && (
              <option value="" disabled>
                {strings.mapping.chooseType}
              </option>
            )}
            {(Object.keys(TABLE_TYPE_LABELS) as TableType[]).map((key) => (
              <option key={key} value={key}>
                {TABLE_TYPE_LABELS[key][language]}
              </option>
            ))}
            {mayIgnore && (
              <option value={IGNORE}>
                {table ? strings.mapping.ignoreTable : strings.mapping.notATable}
              </option>
            )}
          </Select>
        </Field>
        {tableType !== IGNORE && columns.length > 0 && (
          <details className={styles.details} open>
            <summary className={styles.summary}>{strings.mapping.columns(columns.length)}</summary>
            <div className={styles.rows}>
              {columns.map((c) => {
                const letter = columnLetters(c.col);
                const selectId = `${id}-col-${letter}`;
                const others = otherRoles(c);
                const key = sameHeaderKey(c);
                const elsewhere = skippedElsewhere(c) ? (sameHeaders.get(key)?.length ?? 0) : 0;
                return (
                  <ColumnRow
                    key={c.col}
                    id={selectId}
                    label={strings.mapping.role(c.header, letter)}
                    after={
                      elsewhere > 0 && (
                        <Checkbox
                          className={styles.wholeSheet}
                          size="medium"
                          checked={!onlyHere[key]}
                          onChange={(_, d) => setOnlyHere({ ...onlyHere, [key]: !d.checked })}
                          label={strings.mapping.skipOnSheet(c.header, elsewhere + 1)}
                        />
                      )
                    }
                  >
                    <Select
                      id={selectId}
                      size="small"
                      select={{ className: styles.choice }}
                      value={roleOf(c)}
                      onChange={(_, d) => setRoles({ ...roles, [letter]: d.value })}
                    >
                      <option value="">{strings.mapping.noRole}</option>
                      {roleOptions(ownRoles)}
                      {others.length > 0 && (
                        <optgroup label={strings.mapping.otherRole}>{roleOptions(others)}</optgroup>
                      )}
                    </Select>
                  </ColumnRow>
                );
              })}
            </div>
          </details>
        )}
        {tableType !== IGNORE && indicators.length > 0 && (
          <details className={styles.details}>
            <summary className={styles.summary}>{strings.mapping.directions(indicators.length)}</summary>
            <div className={styles.rows}>
              {indicators.map((ind) => {
                const selectId = `${id}-dir-${ind.row}`;
                return (
                  <ColumnRow key={ind.row} id={selectId} label={strings.mapping.direction(ind.name)}>
                    <Select
                      id={selectId}
                      size="small"
                      select={{ className: styles.choice }}
                      value={directions[ind.row] ?? "unknown"}
                      onChange={(_, d) => setDirections({ ...directions, [ind.row]: d.value })}
                    >
                      {DIRECTIONS.map((dir) => (
                        <option key={dir} value={dir}>
                          {strings.directions[dir]}
                        </option>
                      ))}
                    </Select>
                  </ColumnRow>
                );
              })}
            </div>
          </details>
        )}
        {problem && (
          <p className={styles.error} role="alert">
            {problem}
          </p>
        )}
        <div className={styles.bar}>
          <Button appearance="primary" disabledFocusable={busy} onClick={save}>
            {strings.mapping.save}
          </Button>
          <Button disabled={busy} onClick={onCancel}>
            {strings.mapping.cancel}
          </Button>
        </div>
      </div>
    </div>
  );
}

function ColumnRow({
  id,
  label,
  children,
  after,
}: {
  id: string;
  label: string;
  children: React.ReactNode;
  /** What goes under the row, across the grid. */
  after?: React.ReactNode;
}) {
  const styles = useStyles();
  return (
    <>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children}
      {after}
    </>
  );
}
