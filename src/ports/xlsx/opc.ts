import type JSZip from "jszip";
import { attr } from "./xml";

/**
 * The Open Packaging Conventions as the reader and the patcher both need them: part names as OPC
 * compares them, relationships and where they point, and a part's bytes as text. Nothing here
 * needs Node, so the playground reads a picked file with the same code.
 */

export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const REL_TYPE = {
  officeDocument: `${NS_REL}/officeDocument`,
  worksheet: `${NS_REL}/worksheet`,
  styles: `${NS_REL}/styles`,
  drawing: `${NS_REL}/drawing`,
  chart: `${NS_REL}/chart`,
  calcChain: `${NS_REL}/calcChain`,
  sharedStrings: `${NS_REL}/sharedStrings`,
  table: `${NS_REL}/table`,
} as const;

/** Strict Open XML (ISO/IEC 29500 strict) names the same relationships under another base. */
export const NS_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** Whether a relationship type is `kind` (e.g. `worksheet`), in Transitional or Strict form. */
export function isRelType(type: string, kind: keyof typeof REL_TYPE): boolean {
  return type === REL_TYPE[kind] || type === `${NS_REL_STRICT}/${kind}`;
}

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

/** `<Relationship>` start tags, whatever prefix the part gives them (`<ns3:Relationship>` is legal). */
const RELATIONSHIP_TAG = /<(?:[A-Za-z_][\w.-]*:)?Relationship(?=[\s/>])[^>]*>/g;

export function parseRels(xml: string): Relationship[] {
  return [...xml.matchAll(RELATIONSHIP_TAG)].map(([tag]) => ({
    id: attr(tag, "Id") ?? "",
    type: attr(tag, "Type") ?? "",
    target: attr(tag, "Target") ?? "",
    external: attr(tag, "TargetMode") === "External",
  }));
}

/** OPC part names are equal when they differ only in case. */
export function samePartName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A zip entry name as a part name: `/` separators (some writers use `\\`), no leading slash. */
export function partNameOf(entryName: string): string {
  return entryName.replace(/\\/g, "/").replace(/^\/+/, "");
}

/** A zip entry by part name, as OPC compares them (ignoring case, `\\` for `/`); null if absent. */
export function zipEntry(zip: JSZip, path: string): JSZip.JSZipObject | null {
  const direct = zip.file(path);
  if (direct) return direct;
  const wanted = partNameOf(path).toLowerCase();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir && partNameOf(name).toLowerCase() === wanted) return file;
  return null;
}

/** The main workbook part's path from the package relationships (normally `xl/workbook.xml`), or "". */
export async function mainPartPath(zip: JSZip): Promise<string> {
  const rootRels = zipEntry(zip, "_rels/.rels");
  const main = rootRels
    ? parseRels(decodePart(await rootRels.async("uint8array"))).find((r) =>
        isRelType(r.type, "officeDocument"),
      )
    : undefined;
  return main ? resolveTarget("", main.target) : "";
}

type PartEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** How a part's bytes are encoded, and how many bytes of byte order mark lead them. */
function encodingOf(b: Uint8Array): { encoding: PartEncoding; bom: number } {
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00)
    return { encoding: "utf-16le", bom: 0 };
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f)
    return { encoding: "utf-16be", bom: 0 };
  return { encoding: "utf-8", bom: b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0 };
}

function decodeWithBuffer(bytes: Uint8Array, encoding: PartEncoding): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === "utf-8") return b.toString("utf8");
  if (encoding === "utf-16le") return b.toString("utf16le");
  return Buffer.from(b.subarray(0, b.length - (b.length % 2)))
    .swap16()
    .toString("utf16le");
}

function decodeWithTextDecoder(bytes: Uint8Array, encoding: PartEncoding): string {
  // Buffer drops an odd last byte of UTF-16, where TextDecoder would make it U+FFFD.
  const whole = encoding === "utf-8" ? bytes : bytes.subarray(0, bytes.length - (bytes.length % 2));
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(whole);
}

const DECODERS = { buffer: decodeWithBuffer, textDecoder: decodeWithTextDecoder };

/** Node's Buffer decodes large parts fastest; a browser has no Buffer, but TextDecoder. */
const DEFAULT_DECODER: keyof typeof DECODERS = typeof Buffer === "function" ? "buffer" : "textDecoder";

/**
 * A part's bytes as text: UTF-8 (with or without a byte order mark) or UTF-16 in either byte
 * order, which XML allows and Excel reads. A UTF-16 part's declaration is rewritten to say UTF-8,
 * since an edited part is always written back as UTF-8. (`decoder` lets tests hold the browser's
 * decoding against Node's.)
 */
export function decodePart(bytes: Uint8Array, decoder: keyof typeof DECODERS = DEFAULT_DECODER): string {
  const { encoding, bom } = encodingOf(bytes);
  const text = DECODERS[decoder](bytes.subarray(bom), encoding);
  if (encoding === "utf-8") return text;
  return text.replace(/^(<\?xml[^>]*\sencoding\s*=\s*["'])UTF-16(?:LE|BE)?(["'])/i, "$1UTF-8$2");
}
