/**
 * Flags: conditional formats on the user's cells that Målkoll owns and recognises by a marker in
 * their formula, so they can be removed whatever moved them.
 *
 * Removal scans each sheet's whole rule collection for the marker (rules shifted by inserted rows,
 * or added by a colleague's run, are found too) and deletes per sheet from the lowest priority up:
 * an item's `id` is its current priority, not a key, so deleting a rule renumbers every rule after
 * it, never the ones before. Adding a rule puts it at the top and renumbers them all, so rules are
 * only added after the deletions of the same request.
 */
import type { FlagLook } from "../../engine/report/look";
import { FLAG_LOOKS } from "../../engine/report/look";
import type { Flag } from "../../engine/report/spec";
import { parseA1Range } from "../../engine/grid";
import type { Unit } from "./batch";
import { ACTION_BYTES, actionBytes, jsonBytes } from "./batch";
import { LINE_STYLE, htmlColour, joinAddresses } from "./styles";

/** The marker in the formula of every conditional format Målkoll adds: how it finds its own. */
export const FLAG_RULE_MARK = '"malkoll"="malkoll"';

export function flagRuleFormula(severity: Flag["severity"]): string {
  return `=AND(TRUE,${FLAG_RULE_MARK},"${severity}"<>"")`;
}

export function isMalkollRule(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.replace(/\s/g, "").includes(FLAG_RULE_MARK);
}

/**
 * Whether a rule is Målkoll's to remove: marked, or a custom rule without a formula, which is what
 * a flag whose request stopped between `add` and setting its formula leaves (Excel's own dialog
 * cannot make one).
 */
export function isMalkollRuleOrLeftover(type: string, formula: string | null | undefined): boolean {
  return (
    isMalkollRule(formula) ||
    (type === "Custom" && (formula === null || formula === undefined || formula.trim() === ""))
  );
}

/** The four sides of a flagged cell's box. */
const BOX = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** A flag's look (look.ts): fill, text colour and a box whose line says how serious — never colour alone. */
function applyFlagLook(format: Excel.ConditionalRangeFormat, look: FlagLook): void {
  format.fill.color = htmlColour(look.fill);
  format.font.color = htmlColour(look.text);
  if (look.bold) format.font.bold = true;
  for (const side of BOX) {
    const border = format.borders.getItem(side);
    border.style = LINE_STYLE[look.border];
    border.color = htmlColour(look.text);
  }
}

const SEVERITY_RANK: Record<Flag["severity"], number> = { error: 0, warning: 1, info: 2 };

/** One custom conditional format per sheet, severity and address list, marked as Målkoll's. */
export function flagUnits(flags: Flag[], sheetOf: (name: string) => Excel.Worksheet | undefined): Unit[] {
  const worst = new Map<string, Map<string, Flag["severity"]>>();
  for (const flag of flags) {
    if (!sheetOf(flag.sheet) || !parseA1Range(flag.cell)) continue;
    const cells = worst.get(flag.sheet) ?? new Map<string, Flag["severity"]>();
    const known = cells.get(flag.cell);
    if (!known || SEVERITY_RANK[flag.severity] < SEVERITY_RANK[known]) cells.set(flag.cell, flag.severity);
    worst.set(flag.sheet, cells);
  }
  const units: Unit[] = [];
  for (const [sheet, cells] of worst) {
    for (const severity of ["error", "warning", "info"] as const) {
      const addresses = [...cells].filter(([, s]) => s === severity).map(([cell]) => cell);
      for (const chunk of joinAddresses(addresses))
        units.push({
          request: actionBytes(chunk) + (6 + 2 * BOX.length) * ACTION_BYTES,
          queue() {
            const rule = (sheetOf(sheet) as Excel.Worksheet)
              .getRanges(chunk)
              .conditionalFormats.add("Custom");
            rule.custom.rule.formula = flagRuleFormula(severity);
            applyFlagLook(rule.custom.format, FLAG_LOOKS[severity]);
          },
        });
    }
  }
  return units;
}

/** A sheet's whole rule collection, loaded to find Målkoll's rules in it. */
export interface RuleScan {
  sheet: string;
  rules: Excel.ConditionalFormatCollection;
}

/** Queues the load of every rule of each sheet (its type and custom formula). */
export function queueRuleScans(sheets: { name: string; worksheet: Excel.Worksheet }[]): RuleScan[] {
  return sheets.map(({ name, worksheet }) => {
    const rules = worksheet.getRange().conditionalFormats;
    rules.load("items/id,items/type,items/customOrNullObject/rule/formula");
    return { sheet: name, rules };
  });
}

/** Bytes a rule scan is expected to bring back, per rule. */
export const RULE_SCAN_BYTES_PER_RULE = 200;

/** Priorities of Målkoll's rules in a loaded scan, lowest priority (highest id) first. */
export function malkollRulePriorities(scan: RuleScan): Excel.ConditionalFormat[] {
  return scan.rules.items
    .filter((rule) => {
      if (rule.type !== "Custom") return false;
      const custom = rule.customOrNullObject;
      return !custom.isNullObject && isMalkollRuleOrLeftover(rule.type, custom.rule.formula);
    })
    .sort((a, b) => Number(b.id) - Number(a.id));
}

/** One unit per sheet deleting its Målkoll rules, from the lowest priority up. */
export function ruleDeletionUnits(scans: RuleScan[]): Unit[] {
  const units: Unit[] = [];
  for (const scan of scans) {
    const doomed = malkollRulePriorities(scan);
    if (doomed.length === 0) continue;
    units.push({
      request: doomed.length * ACTION_BYTES + jsonBytes(scan.sheet),
      queue() {
        for (const rule of doomed) rule.delete();
      },
    });
  }
  return units;
}
