/**
 * The only Office-specific glue of the pane: how to reach the workbook, the display language
 * and the theme. Everything else takes a `WithPort` and runs the same in the playground.
 */
import { Refusal } from "../engine/refusal";
import { toHostError } from "../ports/office/errors";
import { SheetHiddenError } from "../ports/port";
import type { Language } from "./i18n";
import { languageOf } from "./i18n";
import type { WithPort } from "./state/usePane";

/**
 * Each piece of work gets its own `Excel.run` batch and a fresh OfficePort over its context. The
 * port is loaded with the first piece of work, not with the pane (it is not needed to draw it).
 */
export const withOfficePort: WithPort = async (work) => {
  try {
    const { OfficePort } = await import("../ports/office/officePort");
    return await Excel.run((context) => work(new OfficePort(context)));
  } catch (err) {
    // What the pane acts on itself passes as it is; anything else from Excel becomes a HostError.
    const own =
      (err instanceof Error && err.name === "AbortError") ||
      err instanceof Refusal ||
      err instanceof SheetHiddenError;
    throw own ? err : toHostError(err);
  }
};

export function officeLanguage(): Language {
  return languageOf(Office.context?.displayLanguage);
}

export { luminance, officeIsDark } from "./theme";
