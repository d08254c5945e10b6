import { modelEmpty } from "../engine/model/empty";
import type { CheckResult } from "../engine";
import type { CompareResult } from "../app/compare";
import type { Matched } from "../engine/compare";
import type { Finding } from "../engine/findings";
import { cellRef } from "../engine/grid";
import { countBySeverity } from "../engine/findings";
import { countedIndicators } from "../engine/evaluate/duplicates";
import type { Period } from "../engine/model/types";
import { formatPeriod } from "../engine/parse/period";

const MAX_LISTED = 40;

const SOURCE_TEXT = {
  flag: "angiven",
  cell: "läst ur arbetsboken",
  plan: "plan",
  sheet: "ur bladnamnet",
  none: "okänd",
} as const;
const SEVERITY_TEXT = { error: "FEL     ", warning: "VARNING ", info: "INFO    " } as const;

/** Where the period came from: `plan`, `läst ur arbetsboken, året ur bladnamnet ”VP 2021”`. */
function periodSourceText(period: Period): string {
  const source = SOURCE_TEXT[period.source];
  if (period.stated) return `${source}; arbetsboken själv nämner ${formatPeriod(period.stated)}`;
  if (period.source === "sheet") return `${source} ”${period.yearSheet}”`;
  return period.yearSheet ? `${source}, året ur bladnamnet ”${period.yearSheet}”` : source;
}

function percent(value: number): string {
  return `${value.toFixed(1).replace(".", ",")} %`;
}

/** `, 2 korstabeller` where the workbook has any (they are tables of their own, not budget rows). */
function crossTablesText(count: number): string {
  return count === 0 ? "" : `, ${count} ${count === 1 ? "korstabell" : "korstabeller"}`;
}

/**
 * The readable Swedish summary `check` prints and `generate` ends with. Its indicator counts take
 * a row copied under its goal once, as the goals' counts do; `Hittade` says how many rows were copies.
 */
export function summaryText(
  workbook: string,
  result: CheckResult,
  written?: { written: string; sheets: string[]; flags: number },
): string {
  const { model } = result;
  const indicators = countedIndicators(model.indicators, result.duplicates);
  const copies = model.indicators.length - indicators.length;
  const lines: string[] = [];
  lines.push(`Målkoll – ${written ? "tabeller skapade för" : "kontroll av"} ${workbook}`);
  // As the pane's bar: where nothing is judged by a period, none is missing.
  const source = modelEmpty(model) ? "inget här bedöms mot en period" : periodSourceText(model.period);
  lines.push(`Period: ${formatPeriod(model.period)} (${source})`);
  const copied = copies ? ` (och ${copies} ${copies === 1 ? "rad" : "rader"} som upprepar en av dem)` : "";
  lines.push(
    `Hittade: ${model.goals.length} mål, ${indicators.length} indikatorer${copied}, ${model.activities.length} aktiviteter, ${model.budget.length} budgetrader${crossTablesText(result.recognition.crossTables.length)}`,
  );
  const st = (s: string) => indicators.filter((i) => i.status === s).length;
  if (indicators.length && model.period.kind === "VP") {
    // A plan has no outcomes to judge: what it can say is how many indicators carry targets.
    // `Tas fram av nämnd` (delegated) is KF's word that it sets none.
    const sets = (kind: string) => kind !== "none" && kind !== "delegated";
    const own = indicators.filter((i) => sets(i.targetKind)).length;
    const kf = indicators.filter((i) => sets(i.kfTargetKind)).length;
    lines.push(`Indikatorer i planen: ${own} med årsmål, ${kf} med KF:s årsmål`);
  } else if (indicators.length) {
    // Judged on Prognos helår before year-end, as the reports judge them ("bedöms uppfyllas"):
    // counted as judged, and said to be so.
    const judged = indicators.filter(
      (i) => i.status === "met" || i.status === "partly-met" || i.status === "not-met",
    );
    const onForecast = judged.filter((i) => i.statusBasis === "forecast").length;
    lines.push(
      `Indikatorer mot årsmål: ${st("met")} uppfyllda, ${st("partly-met")} delvis, ${st("not-met")} ej, ${st("not-measured")} ej mätta, ${st("no-target")} utan årsmål, ${st("unknown")} okända${onForecast ? `; ${onForecast} av ${judged.length} bedömda enligt prognos helår` : ""}`,
    );
  }
  for (const d of result.derived)
    lines.push(`${d.labelSv}: ${percent(d.value)} (${d.met ? "uppfyllt" : "ej uppfyllt"})`);
  for (const line of findingLines(result.findings)) lines.push(line);
  if (written && written.sheets.length === 0) {
    lines.push(`Skrev ${written.written}: inga tabellflikar (inget att bygga dem av), bara körloggen.`);
  } else if (written) {
    lines.push(`Skrev ${written.written}: ${written.sheets.join(", ")}; ${written.flags} flaggade celler.`);
  }
  return `${lines.join("\n")}\n`;
}

/** The findings' count by severity, then the first ones, each with its cell (and file, if named). */
export function findingLines(findings: Finding[]): string[] {
  const counts = countBySeverity(findings);
  const lines = [`Fynd: ${severityCounts(counts)}`];
  for (const f of findings.slice(0, MAX_LISTED)) {
    const where = `${f.workbook ? `${f.workbook}: ` : ""}${cellRef(f.sheet, f.cell)}`;
    lines.push(`  ${SEVERITY_TEXT[f.severity]}${where.padEnd(22)} ${f.message}`);
  }
  if (findings.length > MAX_LISTED)
    lines.push(`  … och ${findings.length - MAX_LISTED} till (se alla med --json)`);
  return lines;
}

/** `malkoll compare`'s summary: what of the plan was found again, then the findings. */
export function compareSummaryText(planName: string, followupName: string, result: CompareResult): string {
  const { plan, followup, matched } = result;
  const found = (kind: Matched["kind"]) => {
    const of = matched.filter((m) => m.kind === kind);
    return `${of.filter((m) => m.followup !== null).length} av ${of.length}`;
  };
  const period = (r: CheckResult) => `${formatPeriod(r.model.period)} (${periodSourceText(r.model.period)})`;
  const lines = [
    `Målkoll – jämförelse av planen ${planName} med uppföljningen ${followupName}`,
    `Plan: ${period(plan)}; uppföljning: ${period(followup)}`,
    `Återfunna i uppföljningen: ${found("goal")} mål, ${found("indicator")} indikatorer, ${found("activity")} aktiviteter`,
    ...findingLines(followup.findings),
  ];
  return `${lines.join("\n")}\n`;
}

/** Findings by severity as the summaries say them: `0 fel, 1 varning, 2 info`. */
export function severityCounts(counts: { error: number; warning: number; info: number }): string {
  return `${counts.error} fel, ${counts.warning} ${counts.warning === 1 ? "varning" : "varningar"}, ${counts.info} info`;
}
