import { Button, Field, Input, Select, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { CheckResult } from "../../engine";
import { workbookYearOf } from "../../engine/model/period";
import type { PeriodKind } from "../../engine/model/types";
import { useStrings } from "../i18n";
import { parseYear, periodLabel, periodName, shownPeriod, yearMissing } from "../state/period";
import type { ChosenPeriod } from "../state/reducer";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  missing: {
    border: `1px solid ${tokens.colorStatusWarningBorder2}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "8px", rowGap: "4px" },
  // `Verksamhetsberättelse` alone is wider than a zoomed pane: it breaks rather than runs out of the box.
  value: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  muted: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  note: { margin: 0, overflowWrap: "anywhere" },
  editor: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "flex-end" },
  kind: { flexGrow: 1, minWidth: "140px" },
  year: { width: "84px" },
  push: { marginLeft: "auto" },
});

const KINDS: PeriodKind[] = ["T1", "T2", "VB", "VP"];

export interface PeriodBarProps {
  chosen: ChosenPeriod | null;
  result: CheckResult | null;
  busy: boolean;
  /** The editor is open (also opened from Kontrollera's "Välj period"). */
  editing: boolean;
  onEditing(open: boolean): void;
  onChoose(period: ChosenPeriod | null): void;
}

/** The pane's one period, at the top: where it comes from, and the one place to change it. */
export function PeriodBar({ chosen, result, busy, editing, onEditing, onChoose }: PeriodBarProps) {
  const styles = useStyles();
  const strings = useStrings();
  const shown = shownPeriod(chosen, result);
  const noYear = yearMissing(shown);
  const [kind, setKind] = useState<string>("");
  const [year, setYear] = useState("");
  const [yearError, setYearError] = useState(false);
  const kindRef = useRef<HTMLSelectElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  /** Where focus was when the editor opened from elsewhere (Kontrollera's Välj period). */
  const cameFrom = useRef<HTMLElement | null>(null);
  const cancelled = useRef(false);
  const wasEditing = useRef(editing);

  useEffect(() => {
    if (editing && !wasEditing.current) {
      // Start from the period in force; never from today's date.
      setKind(shown.kind ?? "");
      setYear(shown.year ? String(shown.year) : "");
      setYearError(false);
      const active = document.activeElement;
      cameFrom.current = active instanceof HTMLElement && active !== document.body ? active : null;
      cancelled.current = false;
      kindRef.current?.focus();
    }
    if (!editing && wasEditing.current) {
      // Cancelled, focus goes back where it came from; a period applied goes on from the bar.
      const back = cancelled.current && cameFrom.current?.isConnected ? cameFrom.current : openerRef.current;
      back?.focus();
      cameFrom.current = null;
    }
    wasEditing.current = editing;
  }, [editing, shown.kind, shown.year]);

  const cancel = () => {
    cancelled.current = true;
    onEditing(false);
  };

  const source =
    shown.origin === "chosen"
      ? strings.period.chosen
      : shown.origin === "plan"
        ? strings.period.fromPlan
        : shown.origin === "workbook"
          ? shown.sheetName
            ? strings.period.fromSheetName(shown.sheetName)
            : [strings.period.fromWorkbook, shown.cell].filter(Boolean).join(", ")
          : shown.origin === "unneeded"
            ? strings.period.unneeded
            : null;
  const origin =
    source && shown.yearSheet ? `${source}; ${strings.period.yearFromSheet(shown.yearSheet)}` : source;
  const value =
    shown.origin === "unread"
      ? strings.period.unread
      : shown.kind
        ? periodLabel(shown, strings.period.kinds)
        : strings.period.unknown;

  /** The kind picked; an empty year takes the one the workbook gives it (`Verksamhetsplan 2027`: 2027). */
  const chooseKind = (picked: string) => {
    setKind(picked);
    if (year.trim() || !picked || !result) return;
    const offered = workbookYearOf(result.recognition, picked as PeriodKind);
    if (offered !== null) setYear(String(offered));
  };

  const apply = () => {
    const parsed = parseYear(year);
    if (!kind || parsed === null) {
      setYearError(parsed === null);
      return;
    }
    onChoose({ kind: kind as PeriodKind, year: parsed });
    onEditing(false);
  };

  return (
    <section
      className={mergeClasses(styles.root, (shown.origin === "none" || noYear) && styles.missing)}
      aria-label={strings.period.label}
      data-period-origin={shown.origin}
      data-year-missing={noYear || undefined}
    >
      <div className={styles.line}>
        <span>
          {strings.period.label}:{" "}
          <span className={styles.value} data-period={periodName(shown)}>
            {value}
          </span>
        </span>
        {origin && <span className={styles.muted}>({origin})</span>}
        {!editing && (
          <Button
            ref={openerRef}
            className={styles.push}
            size="small"
            // Focusable while the chosen period is checked: focus lands here after Använd.
            disabledFocusable={busy}
            onClick={() => onEditing(true)}
          >
            {noYear ? strings.period.chooseYear : shown.kind ? strings.period.change : strings.period.choose}
          </Button>
        )}
      </div>
      {shown.origin === "none" && <p className={styles.note}>{strings.period.none}</p>}
      {noYear && <p className={styles.note}>{strings.period.noYear}</p>}
      {editing && (
        <form
          className={styles.editor}
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            e.preventDefault();
            e.stopPropagation();
            cancel();
          }}
        >
          <Field label={strings.period.kind} className={styles.kind}>
            <Select ref={kindRef} size="small" value={kind} onChange={(_, d) => chooseKind(d.value)}>
              <option value="" disabled>
                –
              </option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {strings.period.kinds[k]}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={strings.period.year}
            className={styles.year}
            validationState={yearError ? "error" : "none"}
          >
            <Input
              size="small"
              inputMode="numeric"
              value={year}
              aria-invalid={yearError || undefined}
              onChange={(_, d) => {
                setYear(d.value);
                setYearError(false);
              }}
            />
          </Field>
          {yearError && (
            <p className={styles.note} role="alert">
              {strings.period.invalidYear}
            </p>
          )}
          <div className={styles.line}>
            <Button size="small" appearance="primary" type="submit" disabled={busy}>
              {strings.period.apply}
            </Button>
            <Button size="small" onClick={cancel}>
              {strings.period.cancel}
            </Button>
            {chosen && (
              <Button
                size="small"
                appearance="subtle"
                disabled={busy}
                onClick={() => {
                  onChoose(null);
                  onEditing(false);
                }}
              >
                {strings.period.useWorkbook}
              </Button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
