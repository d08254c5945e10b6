/** Small string helpers for SpreadsheetML: escaping and attribute access without a DOM. */

// Characters XML 1.0 does not allow, incl. lone surrogates and U+FFFE/U+FFFF.
const ILLEGAL_XML_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, "");
}

/** Any character escapeXml would change or drop (surrogates too, paired or not). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPING = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return stripIllegalXmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, ent: string) => {
    switch (ent) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(ent[1] === "x" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10));
    }
  });
}

/** The pattern {@link attr} uses per attribute name, made once (a few dozen names recur). */
const attributePatterns = new Map<string, RegExp>();

/** Value of attribute `name` (exact, incl. any prefix) in a start tag, unescaped; null if absent. */
export function attr(tag: string, name: string): string | null {
  let re = attributePatterns.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    if (attributePatterns.size < 256) attributePatterns.set(name, re);
  }
  const m = re.exec(tag);
  if (!m) return null;
  return unescapeXml(m[2] ?? m[3] ?? "");
}

/** Whether an attribute's value is XML Schema's boolean true (`1` or `true`). */
export function isXmlTrue(value: string | null | undefined): boolean {
  return value === "1" || value === "true";
}

/** Replaces (or adds) an attribute in a start tag. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const quoted = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, `$1${quoted}`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}=${quoted}$1`);
}

/** Removes an attribute from a start tag. */
export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}

/** All start tags (incl. self-closing) of an unprefixed element `name`. */
export function startTags(xml: string, name: string): { tag: string; index: number }[] {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*>`, "g");
  const out: { tag: string; index: number }[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push({ tag: m[0], index: m.index });
  return out;
}

/** Finds an element (first occurrence) with its full extent, self-closing or not. */
export function findElement(
  xml: string,
  name: string,
  from = 0,
): { start: number; end: number; text: string } | null {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const start = m.index;
  if (m[0].endsWith("/>")) return { start, end: start + m[0].length, text: m[0] };
  const close = `</${name}>`;
  const closeAt = xml.indexOf(close, start + m[0].length);
  if (closeAt < 0) return null;
  const end = closeAt + close.length;
  return { start, end, text: xml.slice(start, end) };
}

/** The root element's start tag, its qualified name and where it starts; null when there is none. */
export function rootElement(
  xml: string,
): { tag: string; name: string; prefix: string | null; index: number } | null {
  const m = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)(?=[\s/>])[^>]*>/.exec(xml);
  if (!m) return null;
  const colon = m[1].indexOf(":");
  return { tag: m[0], name: m[1], prefix: colon < 0 ? null : m[1].slice(0, colon), index: m.index };
}

/** Namespace declarations of one start tag: prefix (`""` for the default) → URI. */
export function declarations(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1] ?? "", unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}

/**
 * The prefix bound to a namespace URI on the part's root element (`r` for
 * `xmlns:r="…/relationships"`), or null. Only the root's declarations are in scope everywhere:
 * openpyxl, for one, declares `xmlns:r` on each `<sheet>` instead, and that binding ends with it.
 */
export function prefixFor(xml: string, uri: string): string | null {
  const root = rootElement(xml);
  if (!root) return null;
  for (const [prefix, bound] of declarations(root.tag)) if (prefix && bound === uri) return prefix;
  return null;
}

/**
 * The part with its root namespace as the default one: `<x:workbook xmlns:x="…main">…</x:workbook>`
 * becomes `<workbook xmlns="…main" xmlns:x="…main">…</workbook>`, the same document for every XML
 * reader. The editing code then only deals with unprefixed elements. Returns the text unchanged
 * when the root has no prefix, and null when the prefix can't be dropped safely (the root also
 * binds the default namespace elsewhere, or redeclares the prefix below the root).
 */
export function withDefaultNamespace(xml: string): string | null {
  const root = rootElement(xml);
  if (!root || root.prefix === null) return xml;
  const decl = declarations(root.tag);
  const uri = decl.get(root.prefix);
  if (uri === undefined) return null;
  const defaultUri = decl.get("");
  if (defaultUri !== undefined && defaultUri !== uri) return null;
  const prefix = root.prefix;
  const rebinding = new RegExp(`\\sxmlns:${prefix}\\s*=`, "g");
  if ((xml.match(rebinding) ?? []).length > 1) return null;
  // Unprefixed elements below a root without a default namespace are in no namespace; declaring
  // one would move them into it, so such a part is left alone.
  const body = xml.slice(root.index + root.tag.length);
  const unprefixed = /<[A-Za-z_][\w.-]*(?=[\s/>])/;
  if (
    defaultUri === undefined &&
    unprefixed.test(body.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, ""))
  )
    return null;
  const open = new RegExp(`<(/?)${prefix}:`, "g");
  const head = xml.slice(0, root.index);
  const tag =
    defaultUri === undefined
      ? root.tag.replace(`<${prefix}:`, `<`).replace(/^<([\w.-]+)/, `<$1 xmlns="${escapeXml(uri)}"`)
      : root.tag.replace(`<${prefix}:`, "<");
  return head + tag + body.replace(open, "<$1");
}
