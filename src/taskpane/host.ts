/**
 * The only Office-specific glue of the pane: how to reach the workbook, the display language
 * and the theme. Everything else takes a `WithPort` and runs the same in the playground.
 */
import { Refusal } from "../engine/refusal";
import { fromExcel } from "../ports/office/errors";
import type { Language } from "./i18n";
import { languageOf } from "./i18n";
import type { WithPort } from "./state/usePane";

/**
 * Each piece of work gets its own `Excel.run` batch and a fresh OfficePort over its context. The
 * port is loaded with the first piece of work, not with the pane (it is not needed to draw it).
 * Unlike the ribbon's `withExcel`, the batch does not wait while a cell is being edited
 * (`delayForCellEdit`): the pane would show its progress for as long as the user types, with no
 * word why; failing at once lets it say *en cell redigeras just nu* and how to go on.
 */
export const withOfficePort: WithPort = async (work) => {
  try {
    const { OfficePort } = await import("../ports/office/officePort");
    return await Excel.run((context) => work(new OfficePort(context)));
  } catch (err) {
    throw err instanceof Refusal ? err : fromExcel(err);
  }
};

export function officeLanguage(): Language {
  return languageOf(Office.context?.displayLanguage);
}

export { luminance, officeIsDark } from "./theme";
