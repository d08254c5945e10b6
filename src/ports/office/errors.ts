/**
 * Errors from Excel (Office.js `OfficeExtension.Error`, codes such as `InvalidArgument`) turned into
 * something a person can act on: a Swedish and an English sentence that say what happened and what
 * to do. The task pane shows `message` (or `messageEn`); `excelCode` and `debug` are for support.
 */

import { SheetHiddenError } from "../port";

export type HostErrorKind =
  | "cell-editing"
  | "payload-too-large"
  | "not-found"
  | "access-denied"
  | "invalid-argument"
  | "busy"
  | "concurrent"
  | "unsupported"
  | "internal"
  | "unknown";

export class HostError extends Error {
  readonly kind: HostErrorKind;
  /** Swedish text: what happened and what to do. Also `Error.message`. */
  override readonly message: string;
  readonly messageEn: string;
  /** The Office.js error code, when there was one (`InvalidArgument`, ...). */
  readonly excelCode: string | null;
  /** Excel's own text and location, for a support ticket. */
  readonly debug: string;

  constructor(
    kind: HostErrorKind,
    message: string,
    messageEn: string,
    excelCode: string | null,
    debug: string,
  ) {
    super(message);
    this.name = "HostError";
    this.kind = kind;
    this.message = message;
    this.messageEn = messageEn;
    this.excelCode = excelCode;
    this.debug = debug;
  }

  /** The text in the user's language (`sv` unless Office runs in English). */
  text(language: string | undefined): string {
    return language && language.toLowerCase().startsWith("en") ? this.messageEn : this.message;
  }
}

interface Texts {
  kind: HostErrorKind;
  sv: string;
  en: string;
}

const CELL_EDITING: Texts = {
  kind: "cell-editing",
  sv: "Excel är upptaget: en cell redigeras just nu. Tryck Enter eller Esc för att lämna cellen och försök igen.",
  en: "Excel is busy: a cell is being edited. Press Enter or Esc to leave the cell, then try again.",
};

const BY_CODE: Record<string, Texts> = {
  InvalidOperationInCellEditMode: CELL_EDITING,
  EditModeCellEditing: CELL_EDITING,
  RequestPayloadSizeLimitExceeded: {
    kind: "payload-too-large",
    sv: "Arbetsboken är för stor för att skrivas i ett svep i Excel på webben. Försök igen; hjälper det inte, kör Målkoll i Excel för skrivbordet eller med kommandoradsverktyget.",
    en: "The workbook is too large to write in one go in Excel on the web. Try again; if it still fails, run Målkoll in desktop Excel or with the command-line tool.",
  },
  ResponsePayloadSizeLimitExceeded: {
    kind: "payload-too-large",
    sv: "Bladen är för stora för att läsas i ett svep i Excel på webben. Ta bort tomma rader och kolumner långt ut i bladen (de räknas som använda) och försök igen.",
    en: "The sheets are too large to read in one go in Excel on the web. Delete empty rows and columns far out in the sheets (they count as used) and try again.",
  },
  ItemNotFound: {
    kind: "not-found",
    sv: "Ett blad eller område som Målkoll behöver finns inte längre (det kan ha bytt namn eller tagits bort). Kör kontrollen igen.",
    en: "A sheet or range Målkoll needs no longer exists (it may have been renamed or deleted). Run the check again.",
  },
  AccessDenied: {
    kind: "access-denied",
    sv: "Excel tillåter inte ändringen. Arbetsboken eller bladet kan vara skyddat eller öppnat som skrivskyddat. Häv skyddet (Granska > Ta bort skydd) eller spara en egen kopia och försök igen.",
    en: "Excel does not allow the change. The workbook or sheet may be protected or opened read-only. Unprotect it (Review > Unprotect) or save your own copy, then try again.",
  },
  InvalidArgument: {
    kind: "invalid-argument",
    sv: "Excel godtog inte det Målkoll försökte skriva. Inget av dina egna blad har ändrats. Försök igen; kvarstår felet, rapportera det med texten nedan.",
    en: "Excel did not accept what Målkoll tried to write. None of your own sheets was changed. Try again; if it persists, report it with the text below.",
  },
  // Excel refuses an operation in the state the workbook is in (deleting a very hidden sheet was
  // one, before deleteSheet): no advice of the user's can help, but trying again may.
  InvalidOperation: {
    kind: "invalid-argument",
    sv: "Excel vägrade en åtgärd som Målkoll försökte göra. Försök igen; kvarstår felet, rapportera det med texten nedan.",
    en: "Excel refused an operation Målkoll attempted. Try again; if it persists, report it with the text below.",
  },
  InvalidReference: {
    kind: "invalid-argument",
    sv: "Ett område som Målkoll använder är ogiltigt (till exempel ett bladnamn som ändrats). Kör kontrollen igen.",
    en: "A range Målkoll uses is invalid (for example a renamed sheet). Run the check again.",
  },
  ActivityLimitReached: {
    kind: "busy",
    sv: "Excel hann inte med. Vänta en stund och försök igen.",
    en: "Excel could not keep up. Wait a moment and try again.",
  },
  ServiceNotAvailable: {
    kind: "busy",
    sv: "Excel-tjänsten svarar inte just nu. Vänta en stund och försök igen.",
    en: "The Excel service is not responding right now. Wait a moment and try again.",
  },
  RequestAborted: {
    kind: "busy",
    sv: "Excel avbröt åtgärden. Försök igen.",
    en: "Excel cancelled the operation. Try again.",
  },
  ApiNotFound: {
    kind: "unsupported",
    sv: "Din version av Excel saknar en funktion som Målkoll behöver. Uppdatera Excel (Microsoft 365) eller använd Excel på webben.",
    en: "Your version of Excel lacks a feature Målkoll needs. Update Excel (Microsoft 365) or use Excel on the web.",
  },
  UnsupportedOperation: {
    kind: "unsupported",
    sv: "Excel stöder inte den här åtgärden i den här arbetsboken (till exempel i ett delat eller skyddat läge). Spara en egen kopia och försök igen.",
    en: "Excel does not support this operation in this workbook (for example in a shared or protected mode). Save your own copy and try again.",
  },
  PropertyNotLoaded: {
    kind: "internal",
    sv: "Ett internt fel i Målkoll (data lästes innan den hämtats). Rapportera felet med texten nedan.",
    en: "An internal error in Målkoll (data read before it was fetched). Report it with the text below.",
  },
};

const UNKNOWN: Texts = {
  kind: "unknown",
  sv: "Något gick fel i samspelet med Excel. Dina egna blad har inte ändrats av felet. Försök igen; kvarstår felet, rapportera det med texten nedan.",
  en: "Something went wrong talking to Excel. Your own sheets were not changed by the error. Try again; if it persists, report it with the text below.",
};

function field(err: unknown, name: string): unknown {
  return typeof err === "object" && err !== null ? (err as Record<string, unknown>)[name] : undefined;
}

/** Maps anything thrown around an Office.js call to a `HostError`. Never throws. */
export function toHostError(err: unknown): HostError {
  if (err instanceof HostError) return err;
  const code = typeof field(err, "code") === "string" ? (field(err, "code") as string) : null;
  const rawMessage =
    typeof field(err, "message") === "string" ? (field(err, "message") as string) : String(err);
  const debugInfo = field(err, "debugInfo");
  const location =
    typeof field(debugInfo, "errorLocation") === "string"
      ? ` (${field(debugInfo, "errorLocation") as string})`
      : "";
  let texts = code ? BY_CODE[code] : undefined;
  if (!texts && /cell edit|being edited|redigeras/i.test(rawMessage)) texts = CELL_EDITING;
  texts ??= UNKNOWN;
  return new HostError(texts.kind, texts.sv, texts.en, code, `${code ?? "Error"}: ${rawMessage}${location}`);
}

// ---- what a write did when it stopped ----------------------------------------------------------

/** A sentence on what a stopped write left behind, put before the cause's advice. */
export interface Outcome {
  sv: string;
  en: string;
}

export const OUTCOME = {
  nothingChanged: {
    sv: "Inget i arbetsboken ändrades.",
    en: "Nothing in the workbook was changed.",
  },
  nothingChangedLeftovers: {
    sv: "Inget i arbetsboken ändrades. Målkolls halvfärdiga dolda blad tas bort nästa gång Målkoll läser arbetsboken.",
    en: "Nothing in the workbook was changed. Målkoll's half-built hidden sheets are removed the next time Målkoll reads the workbook.",
  },
  rolledBack: {
    sv: "Bytet till de nya tabellerna avbröts och Målkolls tidigare blad är återställda. Dina egna blad har inte ändrats.",
    en: "The switch to the new tables was stopped and Målkoll's previous sheets are restored. Your own sheets were not changed.",
  },
  swapInterrupted: {
    sv: "Målkoll avbröts mitt i bytet till de nya tabellerna. Dina egna blad har inte ändrats; nästa gång Målkoll läser arbetsboken återställs Målkolls tidigare blad.",
    en: "Målkoll was interrupted while switching to the new tables. Your own sheets were not changed; the next time Målkoll reads the workbook its previous sheets are restored.",
  },
  tablesDoneFlagsNot: {
    sv: "De nya tabellerna är på plats, men flaggorna på dina celler kunde inte uppdateras. Kör Skapa tabeller eller Rensa flaggor igen.",
    en: "The new tables are in place, but the flags on your cells could not be updated. Run Create tables or Clear flags again.",
  },
} satisfies Record<string, Outcome>;

/** The cause's error with what the write left behind said first. */
export function withOutcome(cause: HostError, outcome: Outcome, extra?: Outcome): HostError {
  const sv = [outcome.sv, extra?.sv, cause.message].filter(Boolean).join(" ");
  const en = [outcome.en, extra?.en, cause.messageEn].filter(Boolean).join(" ");
  return new HostError(cause.kind, sv, en, cause.excelCode, cause.debug);
}

function when(iso: string, locale: string): string {
  const date = new Date(iso);
  if (!Number.isFinite(date.getTime())) return iso || "?";
  return date.toLocaleString(locale, { dateStyle: "short", timeStyle: "short" });
}

/** Where a run came from: `Excel på webben (Excel 16.0.…)`. */
export interface RunOrigin {
  at: string;
  host: string;
  /** Already in words (see host.ts `platformName`). */
  platformSv: string;
  platformEn: string;
}

/** The state changed since Målkoll read it: a colleague's run in the shared workbook. */
export function concurrentChangeError(last: RunOrigin | null): HostError {
  const sv = last
    ? `Målkoll kördes i den här arbetsboken av någon annan ${when(last.at, "sv-SE")} (${last.platformSv}${last.host ? `, ${last.host}` : ""}) medan du arbetade.`
    : "Målkolls tillstånd i arbetsboken ändrades av någon annan medan du arbetade.";
  const en = last
    ? `Målkoll was run in this workbook by someone else at ${when(last.at, "en-GB")} (${last.platformEn}${last.host ? `, ${last.host}` : ""}) while you worked.`
    : "Målkoll's state in the workbook was changed by someone else while you worked.";
  return new HostError(
    "concurrent",
    `${sv} Inget ändrades. Läs in arbetsboken igen och försök på nytt.`,
    `${en} Nothing was changed. Read the workbook again and retry.`,
    null,
    `state revision changed since read${last ? ` (last run ${last.at}, ${last.host}, ${last.platformEn})` : ""}`,
  );
}

/** Another run holds the lease and is still writing. */
export function busyError(other: RunOrigin): HostError {
  return new HostError(
    "busy",
    `Målkoll skriver just nu i den här arbetsboken från en annan dator eller ett annat fönster (${other.platformSv}${other.host ? `, ${other.host}` : ""}, senast ${when(other.at, "sv-SE")}). Inget ändrades. Vänta en minut och försök igen.`,
    `Målkoll is writing to this workbook right now from another computer or window (${other.platformEn}${other.host ? `, ${other.host}` : ""}, last seen ${when(other.at, "en-GB")}). Nothing was changed. Wait a minute and try again.`,
    null,
    `lease held by another run since ${other.at}`,
  );
}

export function protectedWorkbookError(): HostError {
  return new HostError(
    "access-denied",
    "Arbetsbokens struktur är skyddad, så Målkoll kan inte lägga till, byta namn på eller dölja blad. Inget ändrades. Häv skyddet (Granska > Skydda arbetsbok) och försök igen.",
    "The workbook's structure is protected, so Målkoll cannot add, rename or hide sheets. Nothing was changed. Unprotect it (Review > Protect Workbook) and try again.",
    null,
    "workbook.protection.protected",
  );
}

/**
 * A user's sheet named as the state sheet in another case (`_MALKOLL`): Excel compares sheet names
 * without case, so `_malkoll` has no room beside it and writing the state would overwrite it.
 */
export function stateSheetLookalikeError(name: string, stateSheet: string): HostError {
  return new HostError(
    "invalid-argument",
    `Bladet "${name}" har samma namn som Målkolls dolda blad "${stateSheet}" (Excel skiljer inte på stora och små bokstäver) och skulle skrivas över. Inget ändrades. Byt namn på bladet och försök igen.`,
    `Sheet "${name}" has the name of Målkoll's hidden sheet "${stateSheet}" (Excel ignores case) and would be overwritten. Nothing was changed. Rename the sheet and try again.`,
    null,
    `user sheet ${name} named as ${stateSheet}`,
  );
}

/**
 * A sheet this run would change is protected now: flagged or cleared (it was protected since the
 * read planned the run) or one of Målkoll's own sheets rewritten in place (the user's formulas point
 * at it). Refused before anything is built.
 */
export function protectedSheetError(name: string, ownSheet: boolean): HostError {
  return ownSheet
    ? new HostError(
        "access-denied",
        `Målkolls blad ”${name}” är skyddat, och det skrivs om på plats eftersom dina formler pekar på det. Inget ändrades. Ta bort bladskyddet och försök igen.`,
        `Målkoll's sheet "${name}" is protected, and it is rewritten in place because your formulas point at it. Nothing was changed. Unprotect the sheet and try again.`,
        null,
        `owned sheet ${name} to rewrite in place is protected`,
      )
    : new HostError(
        "concurrent",
        `Bladet ”${name}” har skyddats sedan Målkoll läste arbetsboken. Inget ändrades. Läs in arbetsboken igen och försök på nytt.`,
        `The sheet "${name}" was protected after Målkoll read the workbook. Nothing was changed. Read the workbook again and retry.`,
        null,
        `sheet ${name} protected since read`,
      );
}

/** The error a cancelled write stops with (as `fetch` and the pane expect: name `AbortError`). */
export function abortError(): Error {
  const error = new Error("Avbrutet av användaren / Cancelled by the user");
  error.name = "AbortError";
  return error;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === "AbortError";
}

/**
 * An error out of an Excel batch, as the pane and the ribbon act on it: a cancel and a hidden sheet
 * (`SheetHiddenError`, answered by the pane itself) pass as they are; anything else is a HostError.
 */
export function fromExcel(err: unknown): unknown {
  return isAbortError(err) || err instanceof SheetHiddenError ? err : toHostError(err);
}
