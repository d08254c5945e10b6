/**
 * How a generated sheet looks in Excel: each cell takes its look from look.ts ({@link cellLook}),
 * as in the xlsx and memory ports. Cells of one look are gathered into rectangles (a run of a row,
 * grown down while the rows below repeat it) and styled with one `getRanges` per look and address
 * list instead of one call per cell. Number formats go with the values (cells.ts).
 */
import { a1Range, joinAddressLists } from "../../engine/grid";
import type { BorderLine, BorderStyle, CellLook } from "../../engine/report/look";
import { cellLook } from "../../engine/report/look";
import type { OutCell } from "../../engine/report/spec";
import type { Unit } from "./batch";
import { ACTION_BYTES, actionBytes } from "./batch";

/** Longest address list passed to one `getRanges` call. */
const MAX_AREAS_ADDRESS = 2000;

/** Address lists of at most MAX_AREAS_ADDRESS characters, for `getRanges`. */
export function joinAddresses(addresses: string[]): string[] {
  return joinAddressLists(addresses, MAX_AREAS_ADDRESS);
}

/** `RRGGBB` (look.ts) as Office.js wants a colour. */
export const htmlColour = (rgb: string): string => `#${rgb}`;

/** A look's line style in Excel's terms (a cell border and a conditional format's border alike). */
export const LINE_STYLE: Record<BorderStyle, "Continuous" | "Dash" | "Dot"> = {
  thin: "Continuous",
  dashed: "Dash",
  dotted: "Dot",
};

const HORIZONTAL = { left: "Left", right: "Right", center: "Center" } as const;
const VERTICAL = { top: "Top", bottom: "Bottom" } as const;

/**
 * What of a cell decides its look (everything {@link cellLook} reads but the number format, which
 * is written with the values): cells with equal keys look alike.
 */
function lookKey(cell: OutCell): string {
  return `${cell.style ?? ""}|${cell.tone ?? ""}|${cell.link ? 1 : 0}|${cell.wrap ? 1 : 0}|${cell.indent ?? ""}|${cell.align ?? ""}|${typeof cell.value}`;
}

/** Actions one look takes: font (6), alignment (2), and the fill, borders, wrap and indent it has. */
function actionsOf(look: CellLook): number {
  return (
    8 +
    (look.fill ? 1 : 0) +
    (look.borderTop ? 3 : 0) +
    (look.borderBottom ? 3 : 0) +
    (look.wrap ? 1 : 0) +
    (look.indent > 0 ? 1 : 0)
  );
}

function applyBorder(format: Excel.RangeFormat, edge: "EdgeTop" | "EdgeBottom", line: BorderLine): void {
  const border = format.borders.getItem(edge);
  border.style = LINE_STYLE[line.style];
  border.weight = "Thin";
  border.color = htmlColour(line.colour);
}

/** Sets every part of a look on a fresh range (what a new cell lacks is left as it is). */
export function applyLook(format: Excel.RangeFormat, look: CellLook): void {
  format.font.name = look.font.name;
  format.font.size = look.font.size;
  format.font.bold = look.font.bold;
  format.font.italic = look.font.italic;
  format.font.underline = look.font.underline ? "Single" : "None";
  format.font.color = htmlColour(look.font.colour);
  if (look.fill) format.fill.color = htmlColour(look.fill);
  if (look.borderTop) applyBorder(format, "EdgeTop", look.borderTop);
  if (look.borderBottom) applyBorder(format, "EdgeBottom", look.borderBottom);
  format.horizontalAlignment = HORIZONTAL[look.horizontal];
  format.verticalAlignment = VERTICAL[look.vertical];
  if (look.wrap) format.wrapText = true;
  if (look.indent > 0) format.indentLevel = look.indent;
}

interface Rectangle {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** One unit per look and address list: every non-empty cell of `rows` takes its look. */
export function styleUnits(sheet: () => Excel.Worksheet, rows: (OutCell | null)[][]): Unit[] {
  const looks = new Map<string, CellLook>();
  const areas = new Map<string, string[]>();
  // Rectangles still growing: by look and column span, the last row they reach.
  let open = new Map<string, Rectangle>();
  const close = (key: string, area: Rectangle): void => {
    const list = areas.get(key) ?? [];
    list.push(a1Range(area.r0 + 1, area.c0 + 1, area.r1 + 1, area.c1 + 1));
    areas.set(key, list);
  };
  const lookOfKey = (key: string): string => key.slice(0, key.lastIndexOf("@"));
  rows.forEach((row, r) => {
    const next = new Map<string, Rectangle>();
    const keys = row.map((cell) => (cell ? lookKey(cell) : null));
    let c = 0;
    while (c < row.length) {
      const cell = row[c];
      const key = keys[c];
      if (!cell || key === null) {
        c++;
        continue;
      }
      if (!looks.has(key)) looks.set(key, cellLook(cell));
      let end = c;
      while (end + 1 < row.length && keys[end + 1] === key) end++;
      const span = `${key}@${c}:${end}`;
      const above = open.get(span);
      if (above && above.r1 === r - 1) {
        above.r1 = r;
        open.delete(span);
        next.set(span, above);
      } else next.set(span, { r0: r, r1: r, c0: c, c1: end });
      c = end + 1;
    }
    for (const [span, area] of open) close(lookOfKey(span), area);
    open = next;
  });
  for (const [span, area] of open) close(lookOfKey(span), area);

  const units: Unit[] = [];
  for (const [key, addresses] of areas) {
    const look = looks.get(key) as CellLook;
    const actions = actionsOf(look);
    for (const chunk of joinAddresses(addresses))
      units.push({
        request: actionBytes(chunk) + actions * ACTION_BYTES,
        queue: () => applyLook(sheet().getRanges(chunk).format, look),
      });
  }
  return units;
}
