/**
 * How Målkoll's generated tables look, in one place: fonts, fills, borders, alignment, number
 * formats, status colours and symbols, chart colours, the printed page and the flags on a user's
 * cells. The report stage plans widths, row heights and page breaks from these figures; each
 * workbook port only applies {@link cellLook} and the page, chart and flag settings below.
 *
 * Colours are `RRGGBB` (a port adds Excel's alpha `FF` or a `#`).
 */
import type { Severity } from "../findings";
import type { Assessment, KfStatus } from "../model/types";
import type { CellStyle, OutCell, StatusTone } from "./spec";

/** Calibri, which LibreOffice renders with the metric-compatible Carlito: widths and wraps agree. */
export const FONT_NAME = "Calibri";

/** Font size in points per cell style. Body text prints at 9 pt, never below 8 pt. */
export const FONT_SIZE: Record<CellStyle, number> = {
  title: 14,
  heading: 11,
  header: 9,
  ownHeader: 9,
  normal: 9,
  total: 9,
  varav: 9,
  group: 9,
  note: 8,
};

/** The smallest font size anything on a generated page may print at. */
export const MIN_PRINTED_POINTS = 8;

export const COLOURS = {
  text: "000000",
  note: "595959",
  link: "0563C1",
  /** The city's columns' header fill. */
  header: "D9E1F2",
  /** Header fill of Målkoll's own columns (status, links), set apart from the city's. */
  ownHeader: "EDEDED",
  rule: "808080",
};

export interface ToneLook {
  /** Cell fill (light). */
  fill: string;
  /** Cell text (dark, readable on the fill). */
  text: string;
  /** Chart bars of this status. */
  chart: string;
}

/** Status colours; every toned cell also says it in a word and a symbol (never colour alone). */
export const TONES: Record<StatusTone, ToneLook> = {
  good: { fill: "C6EFCE", text: "006100", chart: "5AA36A" },
  partial: { fill: "FFEB9C", text: "7F6000", chart: "E8B92E" },
  bad: { fill: "FFC7CE", text: "9C0006", chart: "D0454C" },
  neutral: { fill: "EDEDED", text: "404040", chart: "A6A6A6" },
};

/** Bars of indicators no status takes (`Ej bedömda`), lighter than the neutral `Ej mätta`. */
export const UNASSESSED_CHART_COLOUR = "D9D9D9";

/** Bars of amounts (the budget deviation chart). */
export const AMOUNT_CHART_COLOUR = "4472C4";

export interface StatusLabel {
  text: string;
  tone: StatusTone;
}

/** Symbol and word per indicator status (`kfStatus` adds `not-comparable`). */
export const STATUS_LABELS: Record<KfStatus, StatusLabel> = {
  met: { text: "● Uppfyllt", tone: "good" },
  "partly-met": { text: "◆ Delvis", tone: "partial" },
  "not-met": { text: "▲ Ej uppfyllt", tone: "bad" },
  "not-measured": { text: "– Ej mätt", tone: "neutral" },
  "no-target": { text: "○ Inget mål", tone: "neutral" },
  unknown: { text: "? Okänd", tone: "neutral" },
  "not-comparable": { text: "≠ Ej jämförbart", tone: "neutral" },
};

/** Symbol and word per goal assessment (stated or suggested). */
export const ASSESSMENT_LABELS: Record<Assessment, StatusLabel> = {
  helt: { text: "● Uppfylls helt", tone: "good" },
  delvis: { text: "◆ Uppfylls delvis", tone: "partial" },
  ej: { text: "▲ Uppfylls ej", tone: "bad" },
  ingen: { text: "— Ingen", tone: "neutral" },
};

/** An indicator whose outcome is due at year-end (VB) and missing. */
export const OUTCOME_MISSING: StatusLabel = { text: "▲ Utfall saknas", tone: "bad" };

/** An indicator whose status could not be judged because a figure or target it needs cannot be read. */
export const VALUE_UNREADABLE: StatusLabel = { text: "▲ Värde oläsligt", tone: "bad" };

/** An activity whose dates cannot be read or end before they start. */
export const DATES_WRONG: StatusLabel = { text: "▲ Datum fel", tone: "bad" };

/** A deviation that asks for an analysis and has none. */
export const ANALYSIS_MISSING: StatusLabel = { text: "▲ Analys saknas", tone: "bad" };

/** An activity whose analysis says it was not done while its Avvikelse cell is empty. */
export const DEVIATION_UNMARKED: StatusLabel = { text: "▲ Avvikelse ej markerad", tone: "bad" };

/** Added to a status judged on the full-year forecast: `● Uppfyllt (prognos)`. */
export const FORECAST_SUFFIX = " (prognos)";

export type HorizontalAlign = "left" | "right" | "center";
export type VerticalAlign = "top" | "bottom";
export type BorderStyle = "thin" | "dashed" | "dotted";

export interface BorderLine {
  style: BorderStyle;
  colour: string;
}

export interface FontLook {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  colour: string;
}

/** Everything a port sets on one cell. */
export interface CellLook {
  font: FontLook;
  /** Solid fill, or null for none. */
  fill: string | null;
  borderTop: BorderLine | null;
  borderBottom: BorderLine | null;
  horizontal: HorizontalAlign;
  vertical: VerticalAlign;
  wrap: boolean;
  /** Excel indent level, 0–15. */
  indent: number;
  /** Locale-invariant number format code, or null for General. */
  numberFormat: string | null;
}

const RULE: BorderLine = { style: "thin", colour: COLOURS.rule };

/** A cell's indent level: its own, else one level for the label of a `varav` row. */
export function indentOf(cell: OutCell): number {
  const level = cell.indent ?? (cell.style === "varav" && typeof cell.value === "string" ? 1 : 0);
  return Number.isFinite(level) ? Math.min(15, Math.max(0, Math.round(level))) : 0;
}

const BOLD: ReadonlySet<CellStyle> = new Set<CellStyle>([
  "title",
  "heading",
  "header",
  "ownHeader",
  "total",
  "group",
]);

/** Whether a cell style is written bold (the playground's grid shows it so too). */
export function isBoldStyle(style: CellStyle | undefined): boolean {
  return style !== undefined && BOLD.has(style);
}

/** Excel keeps a row's height in whole pixels: 0,75 pt at 96 dpi. */
export const PIXEL_POINTS = 0.75;

/**
 * Points one line of text takes in a row: Excel's row height for Calibri in whole pixels (15 pt for
 * 11 pt, 12 pt for 9 pt, 11,25 pt for 8 pt).
 */
export function linePoints(size: number): number {
  return Math.round(((15 * size) / 11) * (4 / 3)) * PIXEL_POINTS;
}

export interface TextStyle {
  size: number;
  bold: boolean;
  indent: number;
  /** {@link linePoints} of the size. */
  line: number;
}

/** Shared per style and indent level (0–15). */
const textStyles = Object.fromEntries(
  (Object.keys(FONT_SIZE) as CellStyle[]).map((style) => [
    style,
    Array.from({ length: 16 }, (_, indent) => ({
      size: FONT_SIZE[style],
      bold: isBoldStyle(style),
      indent,
      line: linePoints(FONT_SIZE[style]),
    })),
  ]),
) as Record<CellStyle, TextStyle[]>;

const NORMAL_TEXT = textStyles.normal[0];

/** What of a cell's look its text's size depends on (cheap and shared: measured for every cell). */
export function textStyle(cell: OutCell): TextStyle {
  const style = cell.style;
  // Most cells: a normal, unindented one.
  if (cell.indent === undefined && (style === "normal" || style === undefined)) return NORMAL_TEXT;
  const known: CellStyle = style ?? "normal";
  return textStyles[known][cell.indent === undefined && known !== "varav" ? 0 : indentOf(cell)];
}

/** The look of one generated cell. */
export function cellLook(cell: OutCell): CellLook {
  const style: CellStyle = cell.style ?? "normal";
  const header = style === "header" || style === "ownHeader";
  const font: FontLook = {
    name: FONT_NAME,
    size: FONT_SIZE[style],
    bold: isBoldStyle(style),
    italic: style === "varav" || style === "note",
    underline: !!cell.link,
    colour: style === "note" ? COLOURS.note : COLOURS.text,
  };
  let fill: string | null =
    style === "header" ? COLOURS.header : style === "ownHeader" ? COLOURS.ownHeader : null;
  if (cell.tone) {
    fill = TONES[cell.tone].fill;
    font.colour = TONES[cell.tone].text;
  }
  if (cell.link) font.colour = COLOURS.link;
  return {
    font,
    fill,
    borderTop: style === "total" ? RULE : null,
    borderBottom: header ? RULE : null,
    horizontal: cell.align ?? (typeof cell.value === "number" ? "right" : "left"),
    vertical: header ? "bottom" : "top",
    wrap: !!cell.wrap,
    indent: indentOf(cell),
    numberFormat: cell.format ?? null,
  };
}

/** Printed page: A4 landscape. Margins in inches, as Excel stores them. */
export const PAGE = {
  /** Excel's paper size code for A4. */
  paperSize: 9,
  orientation: "landscape" as const,
  widthPoints: 842,
  heightPoints: 595,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.3 },
  /** Footer: sheet name left, `Sida 1 av 3` right, 8 pt (Excel header/footer codes). */
  footer: "&L&8&A&R&8Sida &P av &N",
};

/** Points of the page's printable area (inside the margins). */
export function printableArea(): { width: number; height: number } {
  const m = PAGE.margins;
  return {
    width: PAGE.widthPoints - 72 * (m.left + m.right),
    height: PAGE.heightPoints - 72 * (m.top + m.bottom),
  };
}

/**
 * Column widths are in digits of the workbook's default font (Målkoll's sheets assume Calibri 11).
 * Excel draws a unit as 7 px (5,25 pt); LibreOffice as 5,55 pt (measured). The page width is
 * planned with the wider, wrapping with the narrower, so both print alike.
 */
export const WIDTH_UNIT_POINTS = { narrow: 5.25, wide: 5.55 };
/** Excel's default column width, in width units. */
const DEFAULT_COLUMN_UNITS = 8.43;

/**
 * The print scale (10–100 %) at which `columns` columns of these widths (in width units of
 * `unitPoints` points) fit the page's width: 100 for a planned sheet, less for a wider one.
 */
export function printScale(columnWidths: number[], columns: number, unitPoints: number): number {
  let points = 0;
  for (let c = 0; c < Math.max(columns, columnWidths.length); c++) {
    const width = columnWidths[c];
    points += (width !== undefined && Number.isFinite(width) ? width : DEFAULT_COLUMN_UNITS) * unitPoints;
  }
  if (points <= 0) return 100;
  return Math.max(10, Math.min(100, Math.floor((printableArea().width / points) * 100)));
}
/** Points of a cell's width its text cannot use (Excel's 5 px of padding and grid line). */
export const CELL_PADDING_POINTS = 3.75;
/** Points one indent level takes (Excel: three spaces of the default font, about 10 px). */
export const INDENT_POINTS = 7.5;
/** The blank column that sets Målkoll's own columns apart from the city's, in width units. */
export const SPACER_WIDTH = 2;

/** Chart text sizes in hundredths of a point (DrawingML). */
export const CHART_TEXT = { title: 1100, labels: 900 };

export interface FlagLook {
  fill: string;
  text: string;
  /** A border round the flagged cell, so a flag is seen without colour too; the style says how serious. */
  border: BorderStyle;
  bold: boolean;
}

/** Flags on the user's cells: Målkoll-owned conditional formats, never the cell's value, note or validation. */
export const FLAG_LOOKS: Record<Severity, FlagLook> = {
  error: { fill: "FFC7CE", text: "9C0006", border: "thin", bold: true },
  warning: { fill: "FFEB9C", text: "7F6000", border: "dashed", bold: false },
  info: { fill: "DDEBF7", text: "1F4E79", border: "dotted", bold: false },
};
