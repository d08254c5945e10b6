/**
 * Errors from Excel (Office.js `OfficeExtension.Error`, codes such as `InvalidArgument`) turned into
 * something a person can act on: a Swedish and an English sentence that say what happened and what
 * to do. The task pane shows `message` (or `messageEn`); `excelCode` and `debug` are for support.
 */

export type HostErrorKind =
  | "cell-editing"
  | "payload-too-large"
  | "not-found"
  | "access-denied"
  | "invalid-argument"
  | "busy"
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
