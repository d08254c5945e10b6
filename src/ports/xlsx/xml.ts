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

/** Value of attribute `name` (exact, incl. any prefix) in a start tag, unescaped; null if absent. */
export function attr(tag: string, name: string): string | null {
  const re = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  if (!m) return null;
  return unescapeXml(m[2] ?? m[3] ?? "");
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

/** The prefix bound to a namespace URI in a part (`r` for `xmlns:r="…/relationships"`), or null. */
export function prefixFor(xml: string, uri: string): string | null {
  const re = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) if (m[2] === uri) return m[1];
  return null;
}
