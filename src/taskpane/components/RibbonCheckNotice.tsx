/**
 * What the ribbon's Kontrollera found, shown when the pane opens and, while it is open, as soon as
 * the command writes it (the command runs in its own runtime; localStorage's `storage` event
 * carries the news across). Hidden once dismissed, and for results older than a working day.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { RibbonCheckSummary } from "../../app/ribbonCheck";
import { cellRef } from "../../engine/grid";
import { LAST_RIBBON_CHECK_KEY, lastRibbonCheck } from "../../app/ribbonCheck";
import type { Language } from "../i18n";
import { useLanguage } from "../i18n";

const MAX_AGE_MS = 12 * 60 * 60 * 1000;

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function texts(summary: RibbonCheckSummary, language: Language) {
  const time = new Date(summary.at).toLocaleTimeString(language === "en" ? "en-GB" : "sv-SE", {
    hour: "2-digit",
    minute: "2-digit",
  });
  if (language === "en") {
    const body = summary.failure
      ? summary.failure.messageEn
      : `${counted(summary.errors, "error", "errors")}, ${counted(summary.warnings, "warning", "warnings")}, ${counted(summary.infos, "note", "notes")}.` +
        (summary.first ? ` Selected ${cellRef(summary.first.sheet, summary.first.cell)}.` : "");
    return { title: `Run check (ribbon), ${time}`, body, dismiss: "Dismiss" };
  }
  const body = summary.failure
    ? summary.failure.message
    : `${counted(summary.errors, "fel", "fel")}, ${counted(summary.warnings, "varning", "varningar")}, ${counted(summary.infos, "upplysning", "upplysningar")}.` +
      (summary.first ? ` Markerade ${cellRef(summary.first.sheet, summary.first.cell)}.` : "");
  return { title: `Kontrollera (menyfliksområdet) kl. ${time}`, body, dismiss: "Stäng" };
}

export function RibbonCheckNotice({
  read = lastRibbonCheck,
  now = () => Date.now(),
}: {
  read?: () => RibbonCheckSummary | null;
  now?: () => number;
}) {
  const language = useLanguage();
  const [summary, setSummary] = useState(read);
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    const onStorage = (event: StorageEvent): void => {
      if (event.key === LAST_RIBBON_CHECK_KEY) setSummary(read());
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [read]);
  if (!summary || summary.at === dismissed || now() - Date.parse(summary.at) > MAX_AGE_MS) return null;
  const { title, body, dismiss } = texts(summary, language);
  const intent = summary.failure ? "error" : summary.errors > 0 ? "warning" : "info";
  return (
    <MessageBar intent={intent} role="status" data-testid="ribbon-check">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => setDismissed(summary.at)}>
          {dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
