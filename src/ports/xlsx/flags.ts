import { a1Range, parseA1Range } from "../../engine/grid";
import { FLAG_LOOKS } from "../../engine/report/look";
import type { Flag } from "../../engine/report/spec";
import type { StyleBook } from "./styles";
import { attr, escapeXml, unescapeXml } from "./xml";

/**
 * Flags are Målkoll-owned `<conditionalFormatting>` blocks in a user's worksheet. Each rule's
 * formula carries a marker, so the blocks can be found and removed again without touching the
 * user's own conditional formats or any other byte of the sheet.
 */
export const FLAG_MARKER_FORMULA = 'AND(TRUE,"malkoll"="malkoll")';

// CT_Worksheet children that come after conditionalFormatting.
const AFTER_CONDITIONAL_FORMATTING = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

const MARKER_IN_XML = escapeXml(FLAG_MARKER_FORMULA);
/**
 * What makes a rule Målkoll's, wherever its formula came from: this port's, the Office port's
 * (`AND(TRUE,"malkoll"="malkoll","error"<>"")`), or either after LibreOffice saved it again
 * (`AND(1,…)`, quotes escaped or not).
 */
const FLAG_MARK = '"malkoll"="malkoll"';

function isFlagXml(xml: string): boolean {
  return xml.includes("malkoll") && unescapeXml(xml).replace(/\s/g, "").includes(FLAG_MARK);
}
const CF_BLOCK = /<conditionalFormatting(?=[\s>])[^>]*>[\s\S]*?<\/conditionalFormatting>/g;
const CF_RULE = /<cfRule(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/cfRule>)/g;
/**
 * A rule's start tag, also `<x14:cfRule>`: Excel keeps rules the 2007 schema can't hold in the
 * sheet's extLst, numbered in the same priority order as the others.
 */
const ANY_CF_RULE_TAG = /<(?:[A-Za-z_][\w.-]*:)?cfRule(?=[\s/>])[^>]*>/g;

/** True when a worksheet is in the unprefixed SpreadsheetML layout this module edits. */
export function isEditableWorksheet(xml: string): boolean {
  return /<worksheet[\s>]/.test(xml) && /<sheetData[\s/>]/.test(xml);
}

/** Removes every Målkoll flag rule; user rules (also in mixed blocks) stay as they are. */
export function removeFlagRules(sheetXml: string): string {
  if (!sheetXml.includes("malkoll")) return sheetXml;
  return sheetXml.replace(CF_BLOCK, (block) => {
    if (!isFlagXml(block)) return block;
    const rules = block.match(CF_RULE) ?? [];
    const userRules = rules.filter((r) => !isFlagXml(r));
    if (userRules.length === 0) return "";
    let kept = block;
    for (const r of rules) if (isFlagXml(r)) kept = kept.replace(r, "");
    return kept;
  });
}

/**
 * Where the worksheet's children after `<sheetData>` begin: flag blocks and the elements they go
 * before are all there, and a row or cell may hold an `<extLst>` of its own. A sheet of many rows
 * is then searched over its last few hundred bytes only.
 */
function afterSheetData(xml: string): number {
  const close = xml.lastIndexOf("</sheetData>");
  if (close >= 0) return close + "</sheetData>".length;
  const empty = /<sheetData(?=[\s/])[^>]*\/>/.exec(xml);
  return empty ? empty.index + empty[0].length : 0;
}

/** Normalises a flag's cell (`c17`, `$C$17`, `B17:F17`) to an sqref item, or null. */
function sqrefItem(cell: string): string | null {
  const range = parseA1Range(cell.replace(/\$/g, ""));
  if (!range) return null;
  return a1Range(range.row1, range.col1, range.row2, range.col2);
}

/**
 * Replaces Målkoll's flag rules in one worksheet with rules for `flags` (all on this sheet):
 * one block per severity, appended after the user's own conditional formats.
 */
export function applyFlagRules(sheetXml: string, flags: Flag[], styles: StyleBook): string {
  const xml = removeFlagRules(sheetXml);
  const bySeverity = new Map<Flag["severity"], Set<string>>();
  for (const flag of flags) {
    const item = sqrefItem(flag.cell);
    if (!item) continue;
    const items = bySeverity.get(flag.severity) ?? new Set<string>();
    items.add(item);
    bySeverity.set(flag.severity, items);
  }
  if (bySeverity.size === 0) return xml;

  const tailStart = afterSheetData(xml);
  const tail = xml.slice(tailStart);
  let priority = 0;
  for (const [tag] of tail.matchAll(ANY_CF_RULE_TAG))
    priority = Math.max(priority, Number(attr(tag, "priority")) || 0);
  const blocks: string[] = [];
  for (const severity of ["error", "warning", "info"] as const) {
    const refs = bySeverity.get(severity);
    if (!refs) continue;
    // Fill, text colour and a box whose line says how serious (look.ts): never colour alone.
    const look = FLAG_LOOKS[severity];
    const dxf = styles.dxfId(
      `FF${look.fill}`,
      { color: `FF${look.text}`, bold: look.bold },
      { box: { style: look.border, color: `FF${look.text}` } },
    );
    priority += 1;
    blocks.push(
      `<conditionalFormatting sqref="${[...refs].join(" ")}"><cfRule type="expression" dxfId="${dxf}" priority="${priority}"><formula>${MARKER_IN_XML}</formula></cfRule></conditionalFormatting>`,
    );
  }
  const insert = blocks.join("");

  const lastCf = [...tail.matchAll(CF_BLOCK)].pop();
  let at = -1;
  if (lastCf?.index !== undefined) at = lastCf.index + lastCf[0].length;
  else
    for (const name of AFTER_CONDITIONAL_FORMATTING) {
      const m = new RegExp(`<${name}(?=[\\s/>])`).exec(tail);
      if (m && (at < 0 || m.index < at)) at = m.index;
    }
  if (at < 0) at = tail.lastIndexOf("</worksheet>");
  return xml.slice(0, tailStart + at) + insert + tail.slice(at);
}
