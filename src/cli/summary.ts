import type { CheckResult } from "../engine";
import { countBySeverity } from "../engine/findings";
import { formatPeriod } from "../engine/parse/period";

const MAX_LISTED = 40;

const SOURCE_TEXT = { flag: "angiven", cell: "läst ur arbetsboken", plan: "plan", none: "okänd" } as const;
const SEVERITY_TEXT = { error: "FEL     ", warning: "VARNING ", info: "INFO    " } as const;

function percent(value: number): string {
  return `${value.toFixed(1).replace(".", ",")} %`;
}

/** The readable Swedish summary `check` prints and `generate` ends with. */
export function summaryText(
  workbook: string,
  result: CheckResult,
  written?: { written: string; sheets: string[]; flags: number },
): string {
  const { model } = result;
  const lines: string[] = [];
  lines.push(`Målkoll – ${written ? "tabeller skapade för" : "kontroll av"} ${workbook}`);
  lines.push(`Period: ${formatPeriod(model.period)} (${SOURCE_TEXT[model.period.source]})`);
  lines.push(
    `Hittade: ${model.goals.length} mål, ${model.indicators.length} indikatorer, ${model.activities.length} aktiviteter, ${model.budget.length} budgetrader`,
  );
  const st = (s: string) => model.indicators.filter((i) => i.status === s).length;
  if (model.indicators.length) {
    lines.push(
      `Indikatorer mot årsmål: ${st("met")} uppfyllda, ${st("partly-met")} delvis, ${st("not-met")} ej, ${st("not-measured")} ej mätta, ${st("no-target")} utan mål, ${st("unknown")} okända`,
    );
  }
  for (const d of result.derived)
    lines.push(`${d.labelSv}: ${percent(d.value)} (${d.met ? "uppfyllt" : "ej uppfyllt"})`);
  const counts = countBySeverity(result.findings);
  lines.push(`Fynd: ${counts.error} fel, ${counts.warning} varningar, ${counts.info} info`);
  for (const f of result.findings.slice(0, MAX_LISTED)) {
    lines.push(`  ${SEVERITY_TEXT[f.severity]}${`${f.sheet}!${f.cell}`.padEnd(22)} ${f.message}`);
  }
  if (result.findings.length > MAX_LISTED)
    lines.push(`  … och ${result.findings.length - MAX_LISTED} till (se alla med --json)`);
  if (written) {
    lines.push(`Skrev ${written.written}: ${written.sheets.join(", ")}; ${written.flags} flaggade celler.`);
  }
  return `${lines.join("\n")}\n`;
}
