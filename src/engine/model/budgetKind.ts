/**
 * What a budget row is, from its label: a plain row, a `varav` part, a total, netto, intäkter, …;
 * and whether it names an area or a unit.
 */
import type { CellValue } from "../grid";
import { isPartLabel, matchKey } from "../parse/text";
import { TOTAL_LABEL } from "../recognise/tables";
import type { BudgetKind, BudgetLine, BudgetTableType } from "./types";

const DISPOSITION = /resultatdisposition|overskottfran|overskotttill|underskottfran|underskotttill/;
/** `raw` is the label cell as written: an italic `<i>…</i>` label is a `varav` row too. */
export function budgetKind(label: string, raw: CellValue): BudgetKind {
  if (isPartLabel(label, raw)) return "varav";
  const key = matchKey(label);
  if (DISPOSITION.test(key)) return "disposition";
  if (TOTAL_LABEL.test(key)) return "total";
  if (key.includes("netto") || key.startsWith("anslagfornamndensverksamhet")) return "netto";
  if (key.startsWith("intakter")) return "intakter";
  if (key.startsWith("kostnader")) return "kostnader";
  return "row";
}

/**
 * Tables whose plain rows name the nämnd's verksamhetsområden or its units: Driftbudget per
 * verksamhetsområde (002 lines 1937–1953), the VP's budget per area (003 line 1801), Resultatenheter.
 */
const AREA_OR_UNIT_TABLES: ReadonlySet<BudgetTableType> = new Set<BudgetTableType>([
  "driftbudget-omrade",
  "driftbudget-vp",
  "resultatenheter",
]);

/**
 * Whether a budget row names an area or a unit: a plain row (not a total, netto, intäkter/kostnader,
 * disposition or `varav` part) of an area or unit table, or of a table whose label column says so.
 * A unit's own table (`Tkr | Budget | Utfall | Avvikelse`) lists its cost and income lines
 * (`Personalkostnader`, `Lokalkostnader`), and the whole nämnd's its Intäkter and Kostnader: no areas.
 */
export function namesAreaOrUnit(line: Pick<BudgetLine, "kind" | "tableType" | "labelsNameUnits">): boolean {
  return line.kind === "row" && (AREA_OR_UNIT_TABLES.has(line.tableType) || line.labelsNameUnits === true);
}
