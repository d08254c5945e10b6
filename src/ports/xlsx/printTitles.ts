import { sheetRef } from "../../engine/grid";
import { attr, escapeXml, unescapeXml } from "./xml";

/**
 * Print titles in workbook.xml: the `_xlnm.Print_Titles` defined name, local to a sheet by its
 * position in `<sheets>`, that makes Excel (and LibreOffice) repeat rows on every printed page.
 */

const PRINT_TITLES = "_xlnm.Print_Titles";
/**
 * Gnumeric (1.12) saves the print titles it read back as `Print_Titles`, without the prefix. On a
 * sheet of Målkoll's that name is the sheet's print titles all the same: it is replaced, removed
 * and renamed with them, or a run after a save in Gnumeric would leave the sheet two.
 */
const GNUMERIC_PRINT_TITLES = "Print_Titles";
const DEFINED_NAME = /<definedName(?=[\s>])[^>]*>[^<]*<\/definedName>/g;

function isPrintTitlesOf(element: string, sheetIndex: number): boolean {
  const open = element.slice(0, element.indexOf(">") + 1);
  const name = attr(open, "name");
  return (
    (name === PRINT_TITLES || name === GNUMERIC_PRINT_TITLES) &&
    attr(open, "localSheetId") === String(sheetIndex)
  );
}

/** Sets row `row` of the sheet at `sheetIndex` as its print title (replacing an earlier one). */
export function setPrintTitles(wbXml: string, sheetIndex: number, sheetName: string, row: number): string {
  const element = `<definedName name="${PRINT_TITLES}" localSheetId="${sheetIndex}">${escapeXml(
    sheetRef(sheetName, `$${row}:$${row}`),
  )}</definedName>`;
  let replaced = false;
  const xml = wbXml.replace(DEFINED_NAME, (existing) => {
    if (!isPrintTitlesOf(existing, sheetIndex)) return existing;
    // One name in its place; any other spelling of it goes.
    if (replaced) return "";
    replaced = true;
    return element;
  });
  if (replaced) return xml;
  if (xml.includes("</definedNames>")) return xml.replace("</definedNames>", `${element}</definedNames>`);
  if (/<definedNames\s*\/>/.test(xml))
    return xml.replace(/<definedNames\s*\/>/, `<definedNames>${element}</definedNames>`);
  // CT_Workbook order: sheets, functionGroups, externalReferences, definedNames. Any of them may
  // be written self-closing (`<functionGroups builtInGroupCount="18"/>`).
  let at = -1;
  for (const name of ["sheets", "functionGroups", "externalReferences"]) {
    const end = elementEnd(xml, name);
    if (end > at) at = end;
  }
  if (at < 0) return xml;
  return `${xml.slice(0, at)}<definedNames>${element}</definedNames>${xml.slice(at)}`;
}

/** Where an unprefixed element ends (after `</name>` or its self-closing tag), or -1. */
function elementEnd(xml: string, name: string): number {
  const close = xml.indexOf(`</${name}>`);
  if (close >= 0) return close + name.length + 3;
  const selfClosing = new RegExp(`<${name}(?=[\\s/])[^>]*/>`).exec(xml);
  return selfClosing ? selfClosing.index + selfClosing[0].length : -1;
}

/** Removes the sheet's print titles (a regenerated sheet whose table no longer has a header row). */
export function removePrintTitles(wbXml: string, sheetIndex: number): string {
  return wbXml
    .replace(DEFINED_NAME, (existing) => (isPrintTitlesOf(existing, sheetIndex) ? "" : existing))
    .replace(/<definedNames>\s*<\/definedNames>/, "");
}

/**
 * After a sheet is renamed, its own print titles still name it by the old name; point them at
 * the new one (otherwise they would name whatever sheet takes the old name next).
 */
export function renamePrintTitles(wbXml: string, sheetIndex: number, from: string, to: string): string {
  const old = sheetRef(from, "");
  return wbXml.replace(DEFINED_NAME, (existing) => {
    if (!isPrintTitlesOf(existing, sheetIndex)) return existing;
    const start = existing.indexOf(">") + 1;
    const end = existing.lastIndexOf("<");
    const text = unescapeXml(existing.slice(start, end));
    if (!text.includes(old)) return existing;
    return `${existing.slice(0, start)}${escapeXml(text.split(old).join(sheetRef(to, "")))}${existing.slice(end)}`;
  });
}
