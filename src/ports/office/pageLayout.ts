/**
 * Print setup of a generated sheet, as look.ts describes the page and the xlsx port writes it: A4
 * landscape with the look's margins and footer, the header row repeated on every page (print
 * titles), and the manual row page breaks the report stage planned (ExcelApi 1.9).
 *
 * The scale is a percentage, never fit-to-pages: the widths were planned to fit the page at 100 %
 * and the breaks for those heights, Excel ignores `zoom` fit-to-pages unless the Page Layout tab
 * shows (OfficeDev/office-js#1860), and a fit would shrink the rows the breaks were planned for.
 * A sheet wider than the page (built by hand, without planned widths) is scaled down to fit.
 */
import { PAGE, WIDTH_UNIT_POINTS, printScale } from "../../engine/report/look";
import type { SheetSpec } from "../../engine/report/spec";
import type { Unit } from "./batch";
import { ACTION_BYTES, actionBytes, itemUnits } from "./batch";
import type { IsSetSupported } from "./host";

/** Excel's paper size codes (look.ts names the page by code, as xlsx stores it) in Office.js terms. */
const PAPER: Record<number, "Letter" | "Legal" | "A3" | "A4" | "A5" | undefined> = {
  1: "Letter",
  5: "Legal",
  8: "A3",
  9: "A4",
  11: "A5",
};

/** The print scale (10–100 %) at which `columns` columns of these widths fit the page in Excel. */
export function fitScale(columnWidths: number[], columns: number): number {
  return printScale(columnWidths, columns, WIDTH_UNIT_POINTS.narrow);
}

/** The footer's sections (`&L…&C…&R…`) apart, as Office.js sets each on its own. */
export function footerSections(codes: string): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  let section: keyof typeof out = "center";
  // `&&` is a literal ampersand; `&L`, `&C`, `&R` open a section.
  for (const part of codes.split(/(&&|&[LCR])/)) {
    if (part === "&L") section = "left";
    else if (part === "&C") section = "center";
    else if (part === "&R") section = "right";
    // A font size is two digits in Excel's header and footer codes (`&08`), as VBA documents them.
    else out[section] += part === "&&" ? part : part.replace(/&(\d)(?!\d)/g, "&0$1");
  }
  return out;
}

/** A margin in inches (as look.ts and xlsx give it) in points, as Office.js sets it. */
const marginPoints = (inches: number): number => Math.round(inches * 72 * 100) / 100;

/** The page setup, then the manual page breaks (in units of their own: a long sheet has thousands). */
export function pageLayoutUnits(
  sheet: () => Excel.Worksheet,
  spec: SheetSpec,
  isSetSupported: IsSetSupported,
): Unit[] {
  if (!isSetSupported("ExcelApi", "1.9")) return [];
  const columns = spec.rows.reduce((w, row) => Math.max(w, row.length), 0);
  const scale = fitScale(spec.columnWidths, columns);
  const titleRow = spec.freezeRows && spec.freezeRows > 0 ? Math.floor(spec.freezeRows) : 0;
  const breaks = (spec.pageBreaks ?? []).filter((row) => Number.isInteger(row) && row > 1);
  const footer = footerSections(PAGE.footer);
  const paper = PAPER[PAGE.paperSize];
  const margins = PAGE.margins;
  const setup: Unit = {
    request: actionBytes(footer) + 16 * ACTION_BYTES,
    queue() {
      const worksheet = sheet();
      worksheet.showGridlines = false;
      const layout = worksheet.pageLayout;
      layout.orientation = PAGE.orientation === "landscape" ? "Landscape" : "Portrait";
      if (paper) layout.paperSize = paper;
      layout.leftMargin = marginPoints(margins.left);
      layout.rightMargin = marginPoints(margins.right);
      layout.topMargin = marginPoints(margins.top);
      layout.bottomMargin = marginPoints(margins.bottom);
      layout.headerMargin = marginPoints(margins.header);
      layout.footerMargin = marginPoints(margins.footer);
      const page = layout.headersFooters.defaultForAllPages;
      page.leftFooter = footer.left;
      page.centerFooter = footer.center;
      page.rightFooter = footer.right;
      layout.zoom = { scale };
      if (titleRow > 0) layout.setPrintTitleRows(`$${titleRow}:$${titleRow}`);
    },
  };
  const pageBreaks = itemUnits(
    breaks.map((row) => `A${row}`),
    (cell) => actionBytes(cell),
    (cells) => {
      const collection = sheet().horizontalPageBreaks;
      for (const cell of cells) collection.add(cell);
    },
  );
  return [setup, ...pageBreaks];
}
