/**
 * How a generated sheet looks in Excel: cells grouped by look, one `getRanges` per look and address
 * list instead of one call per cell.
 */
import { a1Range, joinAddressLists } from "../../engine/grid";
import type { CellStyle, OutCell, StatusTone } from "../../engine/report/spec";
import type { Unit } from "./batch";
import { ACTION_BYTES, actionBytes } from "./batch";

/** Longest address list passed to one `getRanges` call. */
const MAX_AREAS_ADDRESS = 2000;

const TONE_FILL: Record<StatusTone, { fill: string; font: string } | null> = {
  good: { fill: "#C6EFCE", font: "#006100" },
  partial: { fill: "#FFEB9C", font: "#9C5700" },
  bad: { fill: "#FFC7CE", font: "#9C0006" },
  neutral: null,
};

/** Address lists of at most MAX_AREAS_ADDRESS characters, for `getRanges`. */
export function joinAddresses(addresses: string[]): string[] {
  return joinAddressLists(addresses, MAX_AREAS_ADDRESS);
}

/** A cell's indent level: its own, else one level for the label of a `varav` row (as the xlsx port). */
function indentOf(cell: OutCell): number {
  const level = cell.indent ?? (cell.style === "varav" && typeof cell.value === "string" ? 1 : 0);
  return Number.isFinite(level) ? Math.min(15, Math.max(0, Math.round(level))) : 0;
}

/** A cell's look as a key (style|tone|wrap|link|indent); "" for a plain cell. */
function lookKey(cell: OutCell | null): string {
  if (!cell) return "";
  const style: CellStyle = cell.style ?? "normal";
  const tone = cell.tone && TONE_FILL[cell.tone] ? cell.tone : "";
  const indent = indentOf(cell);
  // Numbers keep right alignment when indented; text is indented from the left.
  const indentKey = indent ? `${typeof cell.value === "number" ? "R" : "L"}${indent}` : "";
  const key = `${style === "normal" ? "" : style}|${tone}|${cell.wrap ? "wrap" : ""}|${cell.link ? "link" : ""}|${indentKey}`;
  return key === "||||" ? "" : key;
}

function applyLook(format: Excel.RangeFormat, key: string): void {
  const [style, tone, wrap, link, indent] = key.split("|");
  switch (style as CellStyle | "") {
    case "title":
      format.font.bold = true;
      format.font.size = 14;
      break;
    case "heading":
      format.font.bold = true;
      format.font.size = 12;
      break;
    case "header":
      format.font.bold = true;
      format.fill.color = "#D9E1F2";
      format.borders.getItem("EdgeBottom").style = "Continuous";
      break;
    case "total":
      format.font.bold = true;
      format.borders.getItem("EdgeTop").style = "Continuous";
      break;
    case "varav":
      format.font.italic = true;
      break;
    case "note":
      format.font.size = 9;
      format.font.color = "#595959";
      break;
    default:
      break;
  }
  const toneLook = tone ? TONE_FILL[tone as StatusTone] : null;
  if (toneLook) {
    format.fill.color = toneLook.fill;
    format.font.color = toneLook.font;
  }
  if (wrap) {
    format.wrapText = true;
    format.verticalAlignment = "Top";
  }
  if (link) {
    format.font.color = "#0563C1";
    format.font.underline = "Single";
  }
  if (indent) {
    format.horizontalAlignment = indent.startsWith("R") ? "Right" : "Left";
    format.indentLevel = Number(indent.slice(1));
  }
}

/** One unit per look and address list: the runs of equal looks, row by row. */
export function styleUnits(sheet: () => Excel.Worksheet, rows: (OutCell | null)[][]): Unit[] {
  const groups = new Map<string, string[]>();
  for (const [r, row] of rows.entries()) {
    let runKey = "";
    let runStart = 0;
    const close = (end: number): void => {
      if (runKey === "") return;
      const list = groups.get(runKey) ?? [];
      list.push(a1Range(r + 1, runStart + 1, r + 1, end));
      groups.set(runKey, list);
    };
    for (let c = 0; c <= row.length; c++) {
      const key = c < row.length ? lookKey(row[c] ?? null) : "";
      if (key === runKey) continue;
      close(c);
      runKey = key;
      runStart = c;
    }
  }
  const units: Unit[] = [];
  for (const [key, addresses] of groups)
    for (const chunk of joinAddresses(addresses))
      units.push({
        request: actionBytes(chunk) + 8 * ACTION_BYTES,
        queue: () => applyLook(sheet().getRanges(chunk).format, key),
      });
  return units;
}
