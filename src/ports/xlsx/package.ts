import * as zlib from "zlib";
import JSZip from "jszip";
import { XlsxPortError } from "./errors";
import { attr, escapeXml, prefixFor, startTags } from "./xml";
import { rawEntries, writeZipAsync, ZipLimitError, type RawZipEntry, type ZipEntryInput } from "./zipWriter";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export const REL_TYPE = {
  officeDocument: `${NS_REL}/officeDocument`,
  worksheet: `${NS_REL}/worksheet`,
  styles: `${NS_REL}/styles`,
  drawing: `${NS_REL}/drawing`,
  chart: `${NS_REL}/chart`,
  calcChain: `${NS_REL}/calcChain`,
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that owns the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** Relative target from one part's folder to another part (for new relationships). */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = targetPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export function parseRels(xml: string): Relationship[] {
  return startTags(xml, "Relationship").map(({ tag }) => ({
    id: attr(tag, "Id") ?? "",
    type: attr(tag, "Type") ?? "",
    target: attr(tag, "Target") ?? "",
    external: attr(tag, "TargetMode") === "External",
  }));
}

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
  if (startTags(ctXml, "Override").some(({ tag }) => attr(tag, "PartName") === partName)) return ctXml;
  const override = `<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>`;
  return ctXml.replace("</Types>", `${override}</Types>`);
}

export function removeContentTypeOverride(ctXml: string, partPath: string): string {
  const partName = `/${partPath}`;
  for (const { tag } of startTags(ctXml, "Override"))
    if (attr(tag, "PartName") === partName) return ctXml.replace(tag, "");
  return ctXml;
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
 * parts that were changed are written back when the package is generated.
 */
export class PackageEditor {
  private readonly cache = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly loadedNames: Set<string>;
  private rawBySource: Map<string, RawZipEntry> | null = null;

  /** `zip` as loaded from `source` (its bytes let unchanged entries be copied without recompressing). */
  constructor(
    readonly zip: JSZip,
    private readonly source: Uint8Array | null = null,
  ) {
    this.loadedNames = new Set(Object.keys(zip.files));
  }

  private entryDate(): Date {
    const dates = Object.values(this.zip.files)
      .filter((f) => !this.changed.has(f.name))
      .map((f) => f.date.getTime())
      .filter((t) => Number.isFinite(t));
    return new Date(dates.length ? dates.reduce((a, b) => Math.min(a, b)) : Date.UTC(1980, 0, 1));
  }

  static async load(bytes: Uint8Array): Promise<PackageEditor> {
    return new PackageEditor(await JSZip.loadAsync(bytes), bytes);
  }

  has(path: string): boolean {
    return this.cache.has(path) || this.zip.file(path) !== null;
  }

  async text(path: string): Promise<string | null> {
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    const file = this.zip.file(path);
    if (!file) return null;
    const text = this.inflatedText(path) ?? (await file.async("string"));
    this.cache.set(path, text);
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
   * A part as text through Node's zlib (JSZip inflates in JavaScript); null, for JSZip to decode,
   * when the entry is not in the source's directory, does not inflate to its stated size or is
   * not valid UTF-8.
   */
  private inflatedText(path: string): string | null {
    const raw = this.raw().get(path);
    if (!raw) return null;
    try {
      const bytes = raw.method === 8 ? zlib.inflateRawSync(raw.compressed) : Buffer.from(raw.compressed);
      if (bytes.length !== raw.uncompressedSize) return null;
      const text = bytes.toString("utf8");
      return text.includes("\uFFFD") ? null : text;
    } catch {
      return null;
    }
  }

  set(path: string, text: string): void {
    this.cache.set(path, text);
    this.changed.add(path);
  }

  remove(path: string): void {
    this.cache.delete(path);
    this.changed.delete(path);
    this.zip.remove(path);
  }

  /**
   * The package as .xlsx bytes, entries in the loaded order with new parts after them. Parts set
   * since loading are deflated again; unchanged entries are copied compressed as they stand.
   */
  async generate(): Promise<Buffer> {
    // A fixed entry date (the package's own main part's, else the zip epoch) keeps two runs on the
    // same input byte-identical.
    const stamp = this.entryDate();
    // JSZip keeps the entry order and adds the folder entries a new part needs.
    for (const path of this.changed) this.zip.file(path, "", { date: stamp });
    const raw = this.raw();
    const entries: ZipEntryInput[] = [];
    for (const file of Object.values(this.zip.files)) {
      const name = file.name;
      const text = this.changed.has(name) ? this.cache.get(name) : undefined;
      if (text !== undefined)
        entries.push({ name, kind: "file", data: Buffer.from(text, "utf8"), date: stamp });
      else if (file.dir)
        entries.push({ name, kind: "dir", date: this.loadedNames.has(name) ? file.date : stamp });
      else if (raw.has(name)) entries.push({ name, kind: "raw", raw: raw.get(name)! });
      else entries.push({ name, kind: "file", data: await file.async("nodebuffer"), date: file.date });
    }
    try {
      return await writeZipAsync(entries, { level: 6 });
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
    const main = rels.find((r) => r.type === REL_TYPE.officeDocument);
    if (!main) throw new Error("no officeDocument relationship");
    return resolveTarget("", main.target);
  }

  /** The workbook's sheets in tab order, with their part paths. */
  async sheets(workbookPath: string): Promise<SheetEntry[]> {
    const wbXml = await this.requireText(workbookPath);
    const rels = parseRels((await this.text(relsPathFor(workbookPath))) ?? emptyRels());
    const r = prefixFor(wbXml, NS_REL) ?? "r";
    return startTags(wbXml, "sheet").map(({ tag }) => {
      const relId = attr(tag, `${r}:id`) ?? "";
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
