import * as zlib from "zlib";
import JSZip from "jszip";
import { XlsxPortError } from "./errors";
import { attr, declarations, escapeXml, prefixFor, startTags } from "./xml";
import {
  decodePart,
  isRelType,
  NS_REL,
  NS_REL_STRICT,
  parseRels,
  partNameOf,
  relsPathFor,
  resolveTarget,
  samePartName,
} from "./opc";
import { crc32, rawEntries, type RawZipEntry } from "./zipReader";
import {
  deflateOnThreadPool,
  dosDateTime,
  writeZipAsync,
  ZipLimitError,
  type ZipEntryInput,
} from "./zipWriter";

/** The DEFLATE level of written parts: ExcelJS's (JSZip's default, zlib's 6), for the same size. */
const DEFLATE_LEVEL = 6;

/** A part set since loading, deflated on the thread pool from the moment it was set. */
interface Deflation {
  text: string;
  data: Buffer;
  compressed: Promise<Buffer>;
}

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Strict Open XML (ISO/IEC 29500 strict) names SpreadsheetML under another namespace. */
export const NS_MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";

/** The Transitional namespaces Målkoll writes, and their Strict Open XML names. */
const TRANSITIONAL_TO_STRICT: [RegExp, string][] = [
  [/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, NS_MAIN_STRICT],
  [
    /http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\//g,
    "http://purl.oclc.org/ooxml/officeDocument/",
  ],
  [/http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\//g, "http://purl.oclc.org/ooxml/drawingml/"],
];

/**
 * A part Målkoll wrote in Transitional Open XML, in Strict instead: the same document under the
 * ISO 29500 strict namespaces and relationship types (content types stay as they are).
 */
export function toStrict(xml: string): string {
  return TRANSITIONAL_TO_STRICT.reduce((text, [from, to]) => text.replace(from, to), xml);
}

const STRICT_TO_TRANSITIONAL: [RegExp, string][] = [
  [/http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main/g, NS_MAIN],
  [
    /http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\//g,
    "http://schemas.openxmlformats.org/officeDocument/2006/",
  ],
  [/http:\/\/purl\.oclc\.org\/ooxml\/drawingml\//g, "http://schemas.openxmlformats.org/drawingml/2006/"],
];

/** The inverse of {@link toStrict}, so a Strict part is edited as a Transitional one. */
export function fromStrict(xml: string): string {
  return STRICT_TO_TRANSITIONAL.reduce((text, [from, to]) => text.replace(from, to), xml);
}

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** The smallest styles part Excel accepts: one font, the two required fills, a border and a cell format. */
export const MINIMAL_STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
}

/** Appends a relationship and returns the new rels text and its id. */
export function addRel(relsXml: string | null, type: string, target: string): { xml: string; id: string } {
  const xml = relsXml ?? emptyRels();
  const taken = new Set(parseRels(xml).map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  const withRel = xml.includes("</Relationships>")
    ? xml.replace("</Relationships>", `${rel}</Relationships>`)
    : xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
  return { xml: withRel, id };
}

export function removeRel(relsXml: string, id: string): string {
  return relsXml.replace(new RegExp(`<Relationship(?=\\s)[^>]*\\sId="${id}"[^>]*/>`), "");
}

export function addContentTypeOverride(ctXml: string, partPath: string, contentType: string): string {
  const partName = `/${partPath}`;
  if (startTags(ctXml, "Override").some(({ tag }) => samePartName(attr(tag, "PartName") ?? "", partName)))
    return ctXml;
  const override = `<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>`;
  return ctXml.replace("</Types>", `${override}</Types>`);
}

export function removeContentTypeOverride(ctXml: string, partPath: string): string {
  const partName = `/${partPath}`;
  for (const { tag } of startTags(ctXml, "Override"))
    if (samePartName(attr(tag, "PartName") ?? "", partName)) return ctXml.replace(tag, "");
  return ctXml;
}

/**
 * The relationship id of a `<sheet>` tag: its `r:id`, under whichever prefix the tag itself or the
 * root binds to the relationships namespace.
 */
function relationshipIdOf(tag: string, rootPrefix: string | null): string | null {
  for (const [prefix, uri] of declarations(tag))
    if (prefix && (uri === NS_REL || uri === NS_REL_STRICT)) return attr(tag, `${prefix}:id`);
  return attr(tag, `${rootPrefix ?? "r"}:id`);
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The `<sheet …/>` start tag as it stands in workbook.xml. */
  tag: string;
  /** Package path of the worksheet part (absent for chartsheets/dialog sheets resolved elsewhere). */
  partPath: string;
  relType: string;
}

/**
 * A loaded package with a text cache: parts are decoded once, edited as strings, and only the
 * parts that were changed are written back when the package is generated. Parts are looked up
 * as OPC names them: ignoring case, and with `/` for a writer's `\\`.
 */
export class PackageEditor {
  private readonly cache = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly loadedNames: Set<string>;
  /** Lower-case part name → the zip entry that holds it. */
  private readonly entries = new Map<string, string>();
  private rawBySource: Map<string, RawZipEntry> | null = null;
  /** Parts being deflated while the rest of the package is edited. */
  private readonly deflations = new Map<string, Deflation>();

  /** `zip` as loaded from `source` (its bytes let unchanged entries be copied without recompressing). */
  constructor(
    readonly zip: JSZip,
    private readonly source: Uint8Array | null = null,
    /** Parts of `source` already inflated and checked, by zip entry name. */
    private readonly checked: ReadonlyMap<string, Uint8Array> = new Map(),
  ) {
    this.loadedNames = new Set(Object.keys(zip.files));
    for (const name of this.loadedNames) this.entries.set(partNameOf(name).toLowerCase(), name);
  }

  private entryDate(): Date {
    const dates = Object.values(this.zip.files)
      .filter((f) => !this.changed.has(f.name))
      .map((f) => f.date.getTime())
      .filter((t) => Number.isFinite(t));
    return new Date(dates.length ? dates.reduce((a, b) => Math.min(a, b)) : Date.UTC(1980, 0, 1));
  }

  static async load(bytes: Uint8Array, checked?: ReadonlyMap<string, Uint8Array>): Promise<PackageEditor> {
    return new PackageEditor(await JSZip.loadAsync(bytes), bytes, checked);
  }

  /** The zip entry name of a part, or `path` itself for a part that does not exist yet. */
  private entryOf(path: string): string {
    return this.entries.get(partNameOf(path).toLowerCase()) ?? path;
  }

  has(path: string): boolean {
    return this.entries.has(partNameOf(path).toLowerCase());
  }

  async text(path: string): Promise<string | null> {
    const entry = this.entryOf(path);
    const cached = this.cache.get(entry);
    if (cached !== undefined) return cached;
    const file = this.zip.file(entry);
    if (!file || file.dir) return null;
    const text = decodePart(this.inflated(entry) ?? (await file.async("uint8array")));
    this.cache.set(entry, text);
    return text;
  }

  async requireText(path: string): Promise<string> {
    const text = await this.text(path);
    if (text === null) throw new Error(`missing package part ${path}`);
    return text;
  }

  /** The source's entries that can be copied or inflated as they stand (read once). */
  private raw(): Map<string, RawZipEntry> {
    this.rawBySource ??= this.source ? rawEntries(this.source) : new Map<string, RawZipEntry>();
    return this.rawBySource;
  }

  /**
   * A part's bytes through Node's zlib (JSZip inflates in JavaScript); null, for JSZip to decode,
   * when the entry is not in the source's directory or does not inflate to its stated size.
   */
  private inflated(entry: string): Uint8Array | null {
    const checked = this.checked.get(entry);
    if (checked) return checked;
    const raw = this.raw().get(entry);
    if (!raw) return null;
    try {
      const bytes = raw.method === 8 ? zlib.inflateRawSync(raw.compressed) : raw.compressed;
      return bytes.length === raw.uncompressedSize ? bytes : null;
    } catch {
      return null;
    }
  }

  set(path: string, text: string): void {
    const entry = this.entryOf(path);
    this.entries.set(partNameOf(entry).toLowerCase(), entry);
    this.cache.set(entry, text);
    this.changed.add(entry);
    this.deflateSoon(entry, text);
  }

  /** Starts deflating a part now, so it runs on the thread pool while the next part is built. */
  private deflateSoon(entry: string, text: string): void {
    const data = Buffer.from(text, "utf8");
    const compressed = deflateOnThreadPool(data, DEFLATE_LEVEL);
    // Awaited in generate; one replaced before then is never awaited and must not go unhandled.
    compressed.catch(() => undefined);
    this.deflations.set(entry, { text, data, compressed });
  }

  /** A changed part as a zip entry: its early deflation when it still holds the text, else to deflate. */
  private async changedEntry(name: string, entry: string, text: string, stamp: Date): Promise<ZipEntryInput> {
    const early = this.deflations.get(entry);
    if (!early || early.text !== text)
      return { name, kind: "file", data: Buffer.from(text, "utf8"), date: stamp };
    const { time, date } = dosDateTime(stamp);
    return {
      name,
      kind: "raw",
      raw: {
        method: 8,
        crc32: crc32(early.data),
        uncompressedSize: early.data.length,
        compressed: await early.compressed,
        dosTime: time,
        dosDate: date,
      },
    };
  }

  /** The XML parts set since loading, with their text. */
  *changedXml(): Generator<[string, string]> {
    for (const entry of this.changed)
      if (/\.(xml|rels|vml)$/i.test(entry)) yield [partNameOf(entry), this.cache.get(entry)!];
  }

  /** Rewrites every part set since loading (e.g. into Strict Open XML). */
  rewriteChanged(rewrite: (text: string) => string): void {
    for (const entry of this.changed) {
      const text = this.cache.get(entry)!;
      const rewritten = rewrite(text);
      if (rewritten === text) continue;
      this.cache.set(entry, rewritten);
      this.deflateSoon(entry, rewritten);
    }
  }

  remove(path: string): void {
    const entry = this.entryOf(path);
    this.entries.delete(partNameOf(entry).toLowerCase());
    this.cache.delete(entry);
    this.changed.delete(entry);
    this.deflations.delete(entry);
    this.zip.remove(entry);
  }

  /**
   * The package as .xlsx bytes, entries in the loaded order with new parts after them, every
   * name with `/` separators. Parts set since loading are deflated again; unchanged entries are
   * copied compressed as they stand.
   */
  async generate(): Promise<Buffer> {
    // A fixed entry date (the package's own main part's, else the zip epoch) keeps two runs on the
    // same input byte-identical.
    const stamp = this.entryDate();
    // JSZip keeps the entry order. No folder entries for new parts: an OPC package holds parts only,
    // and Word and PowerPoint ask to repair a package with them (a loaded package's own stay).
    for (const path of this.changed) this.zip.file(path, "", { date: stamp, createFolders: false });
    const raw = this.raw();
    const entries: ZipEntryInput[] = [];
    for (const file of Object.values(this.zip.files)) {
      const name = partNameOf(file.name);
      const text = this.changed.has(file.name) ? this.cache.get(file.name) : undefined;
      if (text !== undefined) entries.push(await this.changedEntry(name, file.name, text, stamp));
      else if (file.dir) entries.push({ name, kind: "dir", date: file.date });
      else if (raw.has(file.name)) entries.push({ name, kind: "raw", raw: raw.get(file.name)! });
      else entries.push({ name, kind: "file", data: await file.async("nodebuffer"), date: file.date });
    }
    try {
      return await writeZipAsync(entries, { level: DEFLATE_LEVEL });
    } catch (err) {
      if (!(err instanceof ZipLimitError)) throw err;
      throw new XlsxPortError(
        "Arbetsboken blir för stor för att sparas (över 4 GB eller 65 535 delar)",
        "The workbook would be too large to save (over 4 GB or 65,535 parts)",
        { cause: err },
      );
    }
  }

  /** Path of the main workbook part from the package relationships (normally `xl/workbook.xml`). */
  async workbookPath(): Promise<string> {
    const rels = parseRels(await this.requireText("_rels/.rels"));
    const main = rels.find((r) => isRelType(r.type, "officeDocument"));
    if (!main) throw new Error("no officeDocument relationship");
    return resolveTarget("", main.target);
  }

  /** The workbook's sheets in tab order, with their part paths, from its (unprefixed) XML. */
  async sheets(workbookPath: string, wbXml: string): Promise<SheetEntry[]> {
    const rels = parseRels((await this.text(relsPathFor(workbookPath))) ?? emptyRels());
    const rootPrefix = prefixFor(wbXml, NS_REL) ?? prefixFor(wbXml, NS_REL_STRICT);
    return startTags(wbXml, "sheet").map(({ tag }) => {
      const relId = relationshipIdOf(tag, rootPrefix) ?? "";
      const rel = rels.find((x) => x.id === relId);
      const state = attr(tag, "state");
      return {
        name: attr(tag, "name") ?? "",
        sheetId: Number(attr(tag, "sheetId") ?? 0),
        relId,
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        tag,
        partPath: rel ? resolveTarget(workbookPath, rel.target) : "",
        relType: rel?.type ?? "",
      };
    });
  }

  /** A free part path such as `xl/worksheets/sheet7.xml`. */
  freePath(folder: string, stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const path = `${folder}/${stem}${n}.${ext}`;
      if (!this.has(path)) return path;
    }
  }
}
