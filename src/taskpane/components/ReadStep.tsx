import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSync20Regular } from "@fluentui/react-icons";
import { Suspense, lazy, useEffect, useId, useMemo, useRef, useState, type ReactElement } from "react";
import type { CheckResult } from "../../engine";
import type { SheetGrid, WorkbookSnapshot } from "../../engine/grid";
import { a1, cellRef, parseA1 } from "../../engine/grid";
import { isMalkollSheet } from "../../engine/state";
import { TABLE_TYPE_LABELS, type RecognisedTable } from "../../engine/recognise/types";
import { unreadColumns } from "../../engine/recognise/unread";
import { useLanguage, useStrings } from "../i18n";
import type { ColumnRoleChange } from "../state/storedState";
import type { DirectionChange } from "../state/usePane";
import type { MappingOverride } from "../../engine/state";
import type { MappingTarget } from "./MappingEditor";

// Loaded when first opened: it keeps the pane's first load within its budget.
const MappingEditor = lazy(() => import("./MappingEditor").then((m) => ({ default: m.MappingEditor })));

/**
 * The goal each indicator or activity table serves (`1.4.2 Barn, unga …`), where all its rows serve
 * one: a card names it rather than the line above the table, often an assessment (`— Ingen`).
 */
function goalsOfTables(result: CheckResult | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!result) return out;
  const { goals, indicators, activities } = result.model;
  const goalAt = new Map<string, string | null>();
  for (const item of [...indicators, ...activities]) goalAt.set(`${item.sheet}\u0000${item.row}`, item.goal);
  for (const table of result.recognition.tables) {
    const served = new Set(table.rows.map((row) => goalAt.get(`${table.sheet}\u0000${row.row}`)));
    // A table serving several goals (a Mål column) keeps its own title.
    const goalId = served.size === 1 ? [...served][0] : undefined;
    const goal = goalId ? goals.find((g) => g.id === goalId) : undefined;
    if (goal) out.set(table.id, goal.number ? `${goal.number} ${goal.title}` : goal.title);
  }
  return out;
}

/**
 * The columns of each table that hold values no role reads, by table id: the card says so, since
 * the check's one finding for a header repeated on the sheet stands at its first table. Columns of
 * figures (`figures`, a count) apart from columns of plain text (`texts`, their headers: names of
 * whoever is responsible, say), which lose nothing the check needs. A column the user hid is theirs
 * and not named.
 */
function unreadColumnsOfTables(
  result: CheckResult | null,
): Map<string, { figures: number; texts: string[] }> {
  const out = new Map<string, { figures: number; texts: string[] }>();
  if (!result) return out;
  for (const table of result.recognition.tables) {
    const unread = unreadColumns(table).filter((u) => !u.hidden);
    if (!unread.length) continue;
    out.set(table.id, {
      figures: unread.filter((u) => !u.textOnly).length,
      texts: unread.filter((u) => u.textOnly).map((u) => u.column.header),
    });
  }
  return out;
}

/**
 * Rows of each table, by table id, that the check did not read (`row-not-read`): those after its
 * last row (a blank row cut them off) and those inside it without a name. Each is counted on the
 * card of the nearest table above it on its sheet whose columns hold its name cell.
 */
function rowsNotReadOfTables(result: CheckResult | null): Map<string, { after: number; nameless: number }> {
  const out = new Map<string, { after: number; nameless: number }>();
  if (!result) return out;
  for (const f of result.findings) {
    if (f.code !== "row-not-read") continue;
    const at = parseA1(f.cell);
    if (!at) continue;
    let above: RecognisedTable | null = null;
    for (const t of result.recognition.tables)
      if (
        t.sheet === f.sheet &&
        t.headerRow < at.row &&
        t.firstCol <= at.col &&
        at.col <= t.lastCol &&
        (!above || t.headerRow > above.headerRow)
      )
        above = t;
    if (!above) continue;
    const counts = out.get(above.id) ?? { after: 0, nameless: 0 };
    const last = above.rows.length ? above.rows[above.rows.length - 1].row : above.headerRow;
    if (at.row > last) counts.after++;
    else counts.nameless++;
    out.set(above.id, counts);
  }
  return out;
}

/** Hidden sheets that hold tables (`sheet-hidden`): none of it is read. */
function hiddenSheetsWithTables(result: CheckResult | null): string[] {
  return result ? result.findings.filter((f) => f.code === "sheet-hidden").map((f) => f.sheet) : [];
}

const useStyles = makeStyles({
  heading: { margin: "12px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  facts: { margin: "4px 0 8px", paddingLeft: "18px", overflowWrap: "anywhere" },
  tables: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  table: {
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  tableHead: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: "8px" },
  // The card's long titles wrap anywhere; its button keeps its words whole on one line.
  tableAction: { flexShrink: 0, overflowWrap: "normal", whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  unread: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  hint: { margin: "0 0 6px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  pointOut: {
    marginTop: "12px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    alignItems: "flex-start",
  },
});

export interface ReadStepProps {
  snapshot: WorkbookSnapshot | null;
  result: CheckResult | null;
  busy: boolean;
  /** A block to open for reading as a table (from Kontrollera's "Tolka blocket"), `Sheet!A1`. */
  openBlock: string | null;
  onRead(): void;
  onSaveMapping(
    mapping: MappingOverride | null,
    directions: DirectionChange[],
    columns: ColumnRoleChange[],
  ): void;
}

/** The user's own sheets as read: not Målkoll's, not hidden. */
function userSheets(snapshot: WorkbookSnapshot | null, result: CheckResult | null): SheetGrid[] {
  return (snapshot?.sheets ?? []).filter(
    (s) => s.visibility === "visible" && !isMalkollSheet(s.name, result?.state),
  );
}

/** First cell of the first row holding two texts or more: a likely header to start from. */
function likelyHeaderCell(sheet: SheetGrid | undefined): string {
  if (!sheet) return "A1";
  for (let i = 0; i < Math.min(sheet.values.length, 200); i++) {
    const row = sheet.values[i] ?? [];
    const texts = row.map((v, k) => (typeof v === "string" && v.trim() ? k : -1)).filter((k) => k >= 0);
    if (texts.length >= 2) return a1(sheet.originRow + i, sheet.originCol + texts[0]);
  }
  return a1(sheet.originRow, sheet.originCol);
}

export function ReadStep({ snapshot, result, busy, openBlock, onRead, onSaveMapping }: ReadStepProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  /** The open editor: a table id, a block `Sheet!A1`, or `new` for "Peka ut en tabell". */
  const [editing, setEditing] = useState<string | null>(openBlock);
  /** The block opened from Kontrollera: its editor takes focus, since the button pressed is gone. */
  const [arrived, setArrived] = useState<string | null>(openBlock);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const sheets = userSheets(snapshot, result);

  useEffect(() => {
    setEditing(openBlock);
    setArrived(openBlock);
  }, [openBlock]);

  // After saving, focus lands where the corrected table now is (or on the summary), never on the body.
  useEffect(() => {
    if (!focusAfter || busy) return;
    const item = [...(rootRef.current?.querySelectorAll<HTMLElement>("[data-table]") ?? [])].find(
      (el) => el.dataset.table === focusAfter,
    );
    (item?.querySelector("button") ?? summaryRef.current)?.focus();
    setFocusAfter(null);
  }, [result, busy, focusAfter]);

  const toggle = (key: string) => {
    setArrived(null);
    setEditing(editing === key ? null : key);
  };

  const editorFor = (target: MappingTarget, key: string) => {
    const table = target.kind === "table" ? target.table : null;
    const sheet = table ? table.sheet : target.kind === "block" ? target.sheet : "";
    const headerCell = table
      ? a1(table.headerRow, table.firstCol)
      : target.kind === "block"
        ? target.headerCell
        : "";
    return (
      <Suspense fallback={<Spinner size="tiny" />}>
        <MappingEditor
          target={target}
          sheets={sheets}
          indicators={
            table && result
              ? result.model.indicators.filter(
                  (ind) => ind.sheet === table.sheet && table.rows.some((r) => r.row === ind.row),
                )
              : []
          }
          stored={result?.state.mappings.find((m) => m.sheet === sheet && m.headerCell === headerCell)}
          sheetTables={table ? (result?.recognition.tables ?? []).filter((t) => t.sheet === table.sheet) : []}
          storedDirections={result?.state.directions ?? []}
          busy={busy}
          focusOnOpen={arrived === key}
          onCancel={() => {
            setArrived(null);
            setEditing(null);
            setFocusAfter(key);
          }}
          onSave={(mapping, directions, columns) => {
            setArrived(null);
            setEditing(null);
            setFocusAfter(mapping ? `${mapping.sheet}!${mapping.headerCell}` : key);
            onSaveMapping(mapping, directions, columns);
          }}
        />
      </Suspense>
    );
  };

  /** A block's card (one Målkoll could not read, or a cross table): its place, what it holds, Tolka blocket. */
  const blockCard = (sheet: string, cell: string, about: string, aboutId: string, mark: string) => {
    const key = `${sheet}!${cell}`;
    const where = cellRef(sheet, cell);
    return (
      <li key={key} className={styles.table} data-table={key} {...{ [mark]: true }}>
        <div className={styles.tableHead}>
          <div>
            <strong>{where}</strong>
            <div className={styles.muted} id={aboutId}>
              {about}
            </div>
          </div>
          <Button
            size="small"
            className={styles.tableAction}
            disabled={busy}
            aria-label={`${strings.read.interpret}: ${where}`}
            aria-describedby={aboutId}
            aria-expanded={editing === key}
            onClick={() => toggle(key)}
          >
            {strings.read.interpret}
          </Button>
        </div>
        {editing === key && editorFor({ kind: "block", sheet, headerCell: cell, listed: true }, key)}
      </li>
    );
  };

  /** A heading, its hint and the cards under it; nothing without cards. */
  const blockSection = (heading: string, hint: string, cards: ReactElement[]) =>
    cards.length > 0 && (
      <>
        <h2 className={styles.heading}>{heading}</h2>
        <p className={styles.hint}>{hint}</p>
        <ul className={styles.tables}>{cards}</ul>
      </>
    );

  const tables = result?.recognition.tables ?? [];
  const goalOf = useMemo(() => goalsOfTables(result), [result]);
  const unreadOf = useMemo(() => unreadColumnsOfTables(result), [result]);
  const notReadOf = useMemo(() => rowsNotReadOfTables(result), [result]);
  const hiddenSheets = useMemo(() => hiddenSheetsWithTables(result), [result]);
  const blocks = result?.recognition.unrecognised ?? [];
  const crossTables = result?.recognition.crossTables ?? [];
  return (
    <div ref={rootRef}>
      <p>{strings.read.intro}</p>
      <Button appearance="primary" icon={<ArrowSync20Regular />} disabledFocusable={busy} onClick={onRead}>
        {result ? strings.read.rerun : strings.read.run}
      </Button>
      {!result && <p className={styles.muted}>{strings.read.nothingYet}</p>}
      {result && (
        <>
          <h2 className={styles.heading} ref={summaryRef} tabIndex={-1}>
            {strings.read.summary}
          </h2>
          <ul className={styles.facts}>
            <li>
              {strings.read.sheets(sheets.length)}: {sheets.map((s) => s.name).join(", ")}
            </li>
            <li>{strings.read.tablesFound(tables.length)}</li>
            {crossTables.length > 0 && <li>{strings.read.crossTablesFound(crossTables.length)}</li>}
            <li>{strings.read.goals(result.model.goals.length)}</li>
            {hiddenSheets.length > 0 && (
              <li className={styles.unread} data-hidden-sheets>
                {strings.read.hiddenSheets(hiddenSheets)}
              </li>
            )}
          </ul>
          {tables.length === 0 && crossTables.length === 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{strings.read.nothingRecognised}</MessageBarBody>
            </MessageBar>
          )}

          {tables.length > 0 && (
            <>
              <h2 className={styles.heading}>{strings.read.tables}</h2>
              <ul className={styles.tables}>
                {tables.map((table, i) => {
                  const type = TABLE_TYPE_LABELS[table.type]?.[language] ?? table.type;
                  const where = cellRef(table.sheet, a1(table.headerRow, table.firstCol));
                  // A table with no title is named by its first header (`Mnkr`), which tells nothing.
                  const title = table.title === table.columns[0]?.header ? null : table.title;
                  const about = goalOf.get(table.id) ?? title;
                  const unread = unreadOf.get(table.id)?.figures ?? 0;
                  const texts = unreadOf.get(table.id)?.texts ?? [];
                  const hidden = table.hiddenRows?.length ?? 0;
                  const cutOff = notReadOf.get(table.id)?.after ?? 0;
                  const nameless = notReadOf.get(table.id)?.nameless ?? 0;
                  const notRead = hidden + cutOff + nameless > 0;
                  return (
                    <li key={table.id} className={styles.table} data-table={table.id}>
                      <div className={styles.tableHead}>
                        <div>
                          <strong>{type}</strong>
                          <div className={styles.muted}>
                            {where} · {strings.read.rows(table.rows.length)}
                            {about && (
                              <>
                                {" · "}
                                <span id={`${ids}-t${i}`}>{about}</span>
                              </>
                            )}
                          </div>
                          {unread > 0 && (
                            <div className={styles.unread} id={`${ids}-u${i}`}>
                              {strings.read.unreadColumns(unread)}
                            </div>
                          )}
                          {texts.length > 0 && (
                            <div className={styles.muted} id={`${ids}-x${i}`} data-text-columns>
                              {strings.read.textColumns(texts)}
                            </div>
                          )}
                          {notRead && (
                            <div className={styles.unread} id={`${ids}-h${i}`} data-rows-not-read>
                              {[
                                ...(hidden > 0 ? [strings.read.hiddenRows(hidden)] : []),
                                ...(cutOff > 0 ? [strings.read.rowsNotRead(cutOff)] : []),
                                ...(nameless > 0 ? [strings.read.namelessRows(nameless)] : []),
                              ].join(" ")}
                            </div>
                          )}
                        </div>
                        <Button
                          size="small"
                          className={styles.tableAction}
                          disabled={busy}
                          aria-label={`${strings.read.correct}: ${type}, ${where}`}
                          aria-describedby={
                            [
                              about ? `${ids}-t${i}` : "",
                              unread > 0 ? `${ids}-u${i}` : "",
                              texts.length > 0 ? `${ids}-x${i}` : "",
                              notRead ? `${ids}-h${i}` : "",
                            ]
                              .join(" ")
                              .trim() || undefined
                          }
                          aria-expanded={editing === table.id}
                          onClick={() => toggle(table.id)}
                        >
                          {strings.read.correct}
                        </Button>
                      </div>
                      {editing === table.id && editorFor({ kind: "table", table }, table.id)}
                    </li>
                  );
                })}
              </ul>
            </>
          )}

          {blockSection(
            strings.read.crossTables,
            strings.read.crossTablesHint,
            crossTables.map((cross, i) =>
              blockCard(
                cross.sheet,
                cross.cell,
                `${strings.read.rows(cross.lastRow - cross.headerRow)} · ${[...cross.columns, cross.total].map((c) => c.header).join(" | ")}`,
                `${ids}-c${i}`,
                "data-cross",
              ),
            ),
          )}

          {blockSection(
            strings.read.blocks,
            strings.read.blocksHint,
            blocks.map((block, i) =>
              blockCard(
                block.sheet,
                block.cell,
                block.headers.filter(Boolean).join(" | "),
                `${ids}-b${i}`,
                "data-block",
              ),
            ),
          )}

          <div className={styles.pointOut} data-table="new">
            <Button
              size="small"
              disabled={busy || sheets.length === 0}
              aria-expanded={editing === "new"}
              onClick={() => toggle("new")}
            >
              {strings.read.pointOut}
            </Button>
            <span className={styles.muted}>{strings.read.pointOutHint}</span>
          </div>
          {editing === "new" &&
            sheets.length > 0 &&
            editorFor(
              { kind: "block", sheet: sheets[0].name, headerCell: likelyHeaderCell(sheets[0]) },
              "new",
            )}
        </>
      )}
    </div>
  );
}
