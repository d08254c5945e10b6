import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { a1, columnLetters } from "../engine/grid";
import type { CellValue } from "../engine/grid";
import { serialToIso } from "../engine/parse/date";
import { isDateFormat } from "../engine/parse/quantity";
import { isBoldStyle } from "../engine/report/look";
import type { CellSelection, MemoryPort } from "../ports/memory/memoryPort";
import { formatSwedishNumber } from "../taskpane/state/swedishNumber";
import { formattedNumber } from "../engine/report/shownNumber";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, flexGrow: 1 },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    gap: "2px",
    padding: "4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  tab: {
    font: "inherit",
    padding: "4px 10px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
  },
  tabActive: {
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
    borderBottomWidth: "3px",
  },
  scroll: { overflow: "auto", flexGrow: 1 },
  table: { borderCollapse: "collapse", fontSize: "12px", color: tokens.colorNeutralForeground1 },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    fontWeight: tokens.fontWeightRegular,
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    textAlign: "right",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    maxWidth: "220px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "top",
  },
  selected: {
    outline: `3px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  flagError: { boxShadow: `inset 0 0 0 2px ${tokens.colorStatusDangerBorder2}` },
  flagWarning: { boxShadow: `inset 0 0 0 2px ${tokens.colorStatusWarningBorder2}` },
  flagInfo: { boxShadow: `inset 0 0 0 2px ${tokens.colorNeutralStroke1}` },
  bold: { fontWeight: tokens.fontWeightSemibold },
  italic: { fontStyle: "italic" },
  /** A row the user hid: Excel does not show it, so it is drawn faint. */
  /** A row or column the user hid: greyed, not left out. */
  hidden: { opacity: 0.45 },
});

/**
 * Near what Swedish Excel shows: numbers through their format code; a date (a day, under a date
 * format) as `yyyy-mm-dd`, Swedish Excel's short date, whatever its own format; a time alone as a
 * plain number.
 */
function show(value: CellValue, format: string | null): string {
  if (value === null) return "";
  if (typeof value !== "number") return String(value);
  if (isDateFormat(format)) return (value >= 1 && serialToIso(value)) || formatSwedishNumber(value);
  // A report format with its words (`"Max "#,##0" personer"`, `0" st"`) shows them, as Excel does.
  if (format?.includes('"')) return formattedNumber(value, format);
  return formatSwedishNumber(value, format && format !== "General" ? format : undefined);
}

/** A plain spreadsheet-like view of the MemoryPort's sheets, following its selection and writes. */
export function GridView({ port }: { port: MemoryPort }) {
  const styles = useStyles();
  // Re-render on every port event; the port itself holds the data.
  const version = useSyncExternalStore(
    (notify) => port.subscribe(notify),
    () => port.version,
  );
  const [active, setActive] = useState(port.sheets[0]?.name ?? "");
  const [selection, setSelection] = useState<CellSelection | null>(null);
  const selectedRef = useRef<HTMLTableCellElement | null>(null);

  useEffect(
    () =>
      port.subscribe((event) => {
        if (event.kind === "select") {
          setActive(event.selection.sheet);
          setSelection(event.selection);
        }
      }),
    [port],
  );

  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "center", inline: "nearest" });
  }, [selection, active]);

  const sheet = port.sheet(active) ?? port.sheets[0];
  const width = sheet ? sheet.values.reduce((most, r) => Math.max(most, r?.length ?? 0), 1) : 1;
  const hiddenRows = new Set(sheet?.hiddenRows ?? []);
  const hiddenColumns = new Set(sheet?.hiddenColumns ?? []);

  return (
    <div className={styles.root} data-version={version}>
      <div className={styles.tabs} role="tablist" aria-label="Blad">
        {port.sheets.map((s) => (
          <button
            key={s.name}
            type="button"
            role="tab"
            aria-selected={s.name === sheet?.name}
            data-sheet-tab={s.name}
            className={`${styles.tab} ${s.name === sheet?.name ? styles.tabActive : ""}`}
            onClick={() => setActive(s.name)}
          >
            {s.name}
            {s.visibility !== "visible" ? " (dold)" : ""}
          </button>
        ))}
      </div>
      <div className={styles.scroll}>
        {sheet && (
          <table className={styles.table} data-sheet={sheet.name}>
            <thead>
              <tr>
                <th className={styles.head} />
                {Array.from({ length: width }, (_, c) => (
                  <th
                    key={c}
                    className={`${styles.head} ${hiddenColumns.has(c + 1) ? styles.hidden : ""}`}
                    scope="col"
                    title={hiddenColumns.has(c + 1) ? "Dold kolumn / Hidden column" : undefined}
                  >
                    {columnLetters(c + 1)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.values.map((row, r) => (
                <tr
                  key={r}
                  className={hiddenRows.has(r + 1) ? styles.hidden : undefined}
                  data-hidden-row={hiddenRows.has(r + 1) || undefined}
                >
                  <th
                    className={styles.rowHead}
                    scope="row"
                    title={hiddenRows.has(r + 1) ? "Dold rad / Hidden row" : undefined}
                  >
                    {r + 1}
                  </th>
                  {Array.from({ length: width }, (_, c) => {
                    const address = a1(r + 1, c + 1);
                    const isSelected = selection?.sheet === sheet.name && selection.cell === address;
                    const flag = port.flagAt(sheet.name, address);
                    const style = sheet.styles.get(address)?.style;
                    const classes = [styles.cell];
                    if (hiddenColumns.has(c + 1)) classes.push(styles.hidden);
                    if (isSelected) classes.push(styles.selected);
                    if (flag)
                      classes.push(
                        flag.severity === "error"
                          ? styles.flagError
                          : flag.severity === "warning"
                            ? styles.flagWarning
                            : styles.flagInfo,
                      );
                    if (isBoldStyle(style)) classes.push(styles.bold);
                    if (style === "varav") classes.push(styles.italic);
                    const text = show(row?.[c] ?? null, sheet.formats[r]?.[c] ?? null);
                    return (
                      <td
                        key={c}
                        ref={isSelected ? selectedRef : undefined}
                        className={classes.join(" ")}
                        data-cell={address}
                        aria-selected={isSelected || undefined}
                        title={flag ? `${text}\n— ${flag.message}` : text || undefined}
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
