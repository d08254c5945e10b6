/** Reads an .xlsx package's sheets by name, straight from the XML (no ExcelJS in between). */
import JSZip from "jszip";

export interface SheetPart {
  name: string;
  part: string;
  xml: string;
}

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

function unescapeXml(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[e]!,
  );
}

export async function sheetParts(bytes: Uint8Array): Promise<SheetPart[]> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(m[0], "Target")!;
    targets.set(attr(m[0], "Id")!, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out: SheetPart[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const part = targets.get(attr(m[0], "r:id")!)!;
    out.push({ name: unescapeXml(attr(m[0], "name")!), part, xml: await zip.file(part)!.async("string") });
  }
  return out;
}

export async function sharedStrings(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/sharedStrings.xml")?.async("string");
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    unescapeXml([...si[1].matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => t[1]).join("")),
  );
}

export interface XmlCell {
  ref: string;
  type: string | null;
  formula: string | null;
  /** The cell's text: inline string, shared string looked up, or the raw `<v>`. */
  text: string | null;
}

/** Every `<c>` of a sheet part. */
export function cellsOf(xml: string, shared: string[]): XmlCell[] {
  const out: XmlCell[] = [];
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const head = ` ${m[1]}`;
    const body = m[2] ?? "";
    const type = attr(head, "t");
    const f = /<f\b[^>]*>([\s\S]*?)<\/f>|<f\b[^>]*\/>/.exec(body);
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? null;
    const inline = [...body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => t[1]).join("");
    let text: string | null = v === null ? null : unescapeXml(v);
    if (type === "inlineStr") text = unescapeXml(inline);
    else if (type === "s" && v !== null) text = shared[Number(v)] ?? null;
    out.push({ ref: attr(head, "r") ?? "", type, formula: f ? unescapeXml(f[1] ?? "") : null, text });
  }
  return out;
}
