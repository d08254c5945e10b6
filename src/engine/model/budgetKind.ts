/** What a budget row is, from its label: a plain row, a `varav` part, a total, netto, intäkter, … */
import type { CellValue } from "../grid";
import { matchKey } from "../parse/text";
import type { BudgetKind } from "./types";

const DISPOSITION = /resultatdisposition|overskottfran|overskotttill|underskottfran|underskotttill/;
const TOTAL = /^(totalt|summa|summering|total|samtliga)/;
const ITALIC = /^\s*<i>/i;

/** `raw` is the label cell as written: an italic `<i>…</i>` label is a `varav` row too. */
export function budgetKind(label: string, raw: CellValue): BudgetKind {
  const key = matchKey(label);
  if (key.startsWith("varav") || (typeof raw === "string" && ITALIC.test(raw))) return "varav";
  if (DISPOSITION.test(key)) return "disposition";
  if (TOTAL.test(key)) return "total";
  if (key.includes("netto") || key.startsWith("anslagfornamndensverksamhet")) return "netto";
  if (key.startsWith("intakter")) return "intakter";
  if (key.startsWith("kostnader")) return "kostnader";
  return "row";
}
