import { attr, escapeXml, findElement, startTags } from "./xml";

/**
 * Appends Målkoll's fonts, fills, borders, number formats, cell formats and differential formats
 * to a workbook's existing styles.xml. Existing entries and their indices never change; an
 * entry identical to one already present (e.g. from an earlier run) is reused, so regenerating
 * does not grow the part.
 */

interface Collection {
  /** Element names of the collection and its items. */
  section: string;
  item: string;
  /** Items already present (raw text), then the ones appended. */
  items: string[];
  appended: string[];
}

// CT_Stylesheet child order, for inserting a collection a workbook lacks.
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const BUILTIN_NUMFMTS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "mm-dd-yy": 14,
  "@": 49,
};

export interface FontDef {
  /** Default: the workbook's default font. */
  name?: string;
  /** Points; default the workbook's default font size. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** ARGB. */
  color?: string;
}

export interface BorderLineDef {
  style: "thin" | "dashed" | "dotted";
  /** ARGB. */
  color: string;
}

export interface BorderDef {
  top?: BorderLineDef;
  bottom?: BorderLineDef;
  /** All four sides (a flag's box). */
  box?: BorderLineDef;
}

export interface XfDef {
  numFmt?: string;
  font?: FontDef;
  /** ARGB solid fill. */
  fill?: string;
  border?: BorderDef;
  indent?: number;
  horizontal?: "left" | "right" | "center";
  vertical?: "top" | "bottom";
  wrap?: boolean;
}

export class StyleBook {
  private xml: string;
  private readonly collections = new Map<string, Collection>();
  private readonly baseFontName: string;
  private readonly baseFontSize: number;
  private readonly hasCellStyleXf: boolean;
  private readonly xfCache = new Map<string, number>();
  /**
   * The highest number format id a conditional format's own format takes (at least 163, below
   * the first custom id): some writers (XlsxWriter) keep those ids only in `<dxf>`, not in
   * `<numFmts>`, and a new format must not take one.
   */
  private readonly highestDxfNumFmtId: number;

  constructor(stylesXml: string) {
    if (!/<styleSheet[\s>]/.test(stylesXml))
      throw new Error("styles.xml uses an unsupported (prefixed) namespace layout");
    this.xml = stylesXml;
    for (const [section, item] of [
      ["numFmts", "numFmt"],
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellXfs", "xf"],
      ["dxfs", "dxf"],
    ] as const) {
      const found = findElement(stylesXml, section);
      const items = found ? itemsOf(found.text, item) : [];
      this.collections.set(section, { section, item, items, appended: [] });
    }
    const fonts = this.collections.get("fonts")!.items;
    const firstFont = fonts[0] ?? "";
    this.baseFontName = attrOfChild(firstFont, "name") ?? "Calibri";
    this.baseFontSize = Number(attrOfChild(firstFont, "sz") ?? 11) || 11;
    const dxfs = findElement(stylesXml, "dxfs");
    this.highestDxfNumFmtId = Math.max(
      163,
      ...(dxfs ? startTags(dxfs.text, "numFmt") : []).map(({ tag }) => Number(attr(tag, "numFmtId")) || 0),
    );
    const csx = findElement(stylesXml, "cellStyleXfs");
    this.hasCellStyleXf = !!csx && itemsOf(csx.text, "xf").length > 0;
    if (this.collections.get("cellXfs")!.items.length === 0) throw new Error("styles.xml has no cellXfs");
  }

  /** The workbook's default font size in points (its first font). */
  get defaultFontSize(): number {
    return this.baseFontSize;
  }

  /** Index of an item, appending it when no identical item exists. */
  private indexOf(section: string, itemXml: string): number {
    const c = this.collections.get(section)!;
    const existing = c.items.indexOf(itemXml);
    if (existing >= 0) return existing;
    c.items.push(itemXml);
    c.appended.push(itemXml);
    return c.items.length - 1;
  }

  numFmtId(code: string | undefined): number {
    if (!code || code === "General") return 0;
    const builtin = BUILTIN_NUMFMTS[code];
    if (builtin !== undefined) return builtin;
    const c = this.collections.get("numFmts")!;
    let maxId = this.highestDxfNumFmtId;
    for (const item of c.items) {
      const id = Number(attr(item, "numFmtId"));
      if (attr(item, "formatCode") === code) return id;
      if (id > maxId) maxId = id;
    }
    const id = maxId + 1;
    this.indexOf("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private fontXml(def: FontDef, forDxf = false): string {
    const parts: string[] = [];
    if (def.bold) parts.push("<b/>");
    if (def.italic) parts.push("<i/>");
    if (def.underline) parts.push("<u/>");
    if (!forDxf) parts.push(`<sz val="${def.size ?? this.baseFontSize}"/>`);
    if (def.color) parts.push(`<color rgb="${def.color}"/>`);
    if (!forDxf) parts.push(`<name val="${escapeXml(def.name ?? this.baseFontName)}"/>`);
    return `<font>${parts.join("")}</font>`;
  }

  fontId(def: FontDef | undefined): number {
    if (
      !def ||
      (!def.bold &&
        !def.italic &&
        !def.underline &&
        !def.color &&
        (def.size ?? this.baseFontSize) === this.baseFontSize &&
        (def.name ?? this.baseFontName) === this.baseFontName)
    )
      return 0;
    return this.indexOf("fonts", this.fontXml(def));
  }

  fillId(argb: string | undefined): number {
    if (!argb) return 0;
    return this.indexOf(
      "fills",
      `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
  }

  borderId(def: BorderDef | undefined): number {
    if (!def || (!def.top && !def.bottom && !def.box)) return 0;
    return this.indexOf("borders", borderXml(def));
  }

  /** Index into cellXfs for a cell format. */
  xfId(def: XfDef): number {
    const key = JSON.stringify(def);
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const numFmtId = this.numFmtId(def.numFmt);
    const fontId = this.fontId(def.font);
    const fillId = this.fillId(def.fill);
    const borderId = this.borderId(def.border);
    const align: string[] = [];
    // Excel accepts indent levels 0–15, on left- or right-aligned cells.
    const indent = Math.min(15, Math.max(0, Math.round(def.indent ?? 0)));
    const horizontal = def.horizontal ?? (indent ? "left" : undefined);
    if (horizontal) align.push(`horizontal="${horizontal}"`);
    if (indent && horizontal !== "center") align.push(`indent="${indent}"`);
    if (def.vertical) align.push(`vertical="${def.vertical}"`);
    if (def.wrap) align.push('wrapText="1"');
    const attrs = [
      `numFmtId="${numFmtId}"`,
      `fontId="${fontId}"`,
      `fillId="${fillId}"`,
      `borderId="${borderId}"`,
      this.hasCellStyleXf ? 'xfId="0"' : "",
      numFmtId ? 'applyNumberFormat="1"' : "",
      fontId ? 'applyFont="1"' : "",
      fillId ? 'applyFill="1"' : "",
      borderId ? 'applyBorder="1"' : "",
      align.length ? 'applyAlignment="1"' : "",
    ].filter(Boolean);
    const xml = align.length
      ? `<xf ${attrs.join(" ")}><alignment ${align.join(" ")}/></xf>`
      : `<xf ${attrs.join(" ")}/>`;
    const id =
      xml === `<xf numFmtId="0" fontId="0" fillId="0" borderId="0"${this.hasCellStyleXf ? ' xfId="0"' : ""}/>`
        ? 0
        : this.indexOf("cellXfs", xml);
    this.xfCache.set(key, id);
    return id;
  }

  /** Index into dxfs for a conditional format: a solid fill, and optionally a font and a border. */
  dxfId(fillArgb: string, font?: FontDef, border?: BorderDef): number {
    const fontXml = font ? this.fontXml(font, true) : "";
    const borderXmlText = border ? borderXml(border) : "";
    return this.indexOf(
      "dxfs",
      `<dxf>${fontXml}<fill><patternFill patternType="solid"><bgColor rgb="${fillArgb}"/></patternFill></fill>${borderXmlText}</dxf>`,
    );
  }

  get modified(): boolean {
    for (const c of this.collections.values()) if (c.appended.length) return true;
    return false;
  }

  /** The styles part with the appended entries; identical to the input when nothing was added. */
  toXml(): string {
    let xml = this.xml;
    for (const c of this.collections.values()) {
      if (!c.appended.length) continue;
      const found = findElement(xml, c.section);
      const added = c.appended.join("");
      if (found) {
        let open = /^<[^>]*>/.exec(found.text)![0];
        const selfClosing = open.endsWith("/>");
        if (selfClosing) open = open.replace(/\s*\/>$/, ">");
        open = open.includes(" count=")
          ? open.replace(/ count="\d*"/, ` count="${c.items.length}"`)
          : open.replace(/>$/, ` count="${c.items.length}">`);
        const inner = selfClosing
          ? ""
          : found.text.slice(/^<[^>]*>/.exec(found.text)![0].length, -`</${c.section}>`.length);
        xml = `${xml.slice(0, found.start)}${open}${inner}${added}</${c.section}>${xml.slice(found.end)}`;
      } else {
        const text = `<${c.section} count="${c.items.length}">${added}</${c.section}>`;
        xml = insertInOrder(xml, c.section, text);
      }
      c.appended = [];
    }
    this.xml = xml;
    return xml;
  }
}

function borderXml(def: BorderDef): string {
  const side = (line: BorderLineDef | undefined, name: string) =>
    line ? `<${name} style="${line.style}"><color rgb="${line.color}"/></${name}>` : `<${name}/>`;
  const top = def.top ?? def.box;
  const bottom = def.bottom ?? def.box;
  return `<border>${side(def.box, "left")}${side(def.box, "right")}${side(top, "top")}${side(bottom, "bottom")}<diagonal/></border>`;
}

function itemsOf(sectionXml: string, item: string): string[] {
  const inner = sectionXml.replace(/^<[^>]*>/, "");
  const re = new RegExp(`<${item}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g");
  return inner.match(re) ?? [];
}

function attrOfChild(xml: string, child: string): string | null {
  const m = new RegExp(`<${child}\\s[^>]*>`).exec(xml);
  return m ? attr(m[0], "val") : null;
}

function insertInOrder(xml: string, section: string, text: string): string {
  const after = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(section) + 1);
  for (const next of after) {
    const found = findElement(xml, next);
    if (found) return `${xml.slice(0, found.start)}${text}${xml.slice(found.start)}`;
  }
  return xml.replace("</styleSheet>", `${text}</styleSheet>`);
}
