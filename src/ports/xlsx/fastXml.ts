/**
 * A fast scanner for the plain XML that spreadsheet writers produce: elements, quoted attributes,
 * text with the five predefined entities and character references, and an XML declaration. It
 * gives the same open/text/close events as saxes (without namespaces) for such a document, about
 * four times faster. Anything else (comments, CDATA, DOCTYPE, processing instructions, characters
 * outside plain XML, any markup it does not recognise, malformed or not) makes it stop with
 * {@link OutsideFastSubset}, and the caller parses the part again with saxes, which decides.
 * So it never accepts a document saxes refuses, and never reads one differently.
 */

export type Attributes = Record<string, string>;

export interface XmlHandlers {
  open(name: string, attributes: Attributes): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** The document uses something outside the scanner's subset: parse it with saxes instead. */
export class OutsideFastSubset extends Error {
  constructor(readonly why: string) {
    super(`outside the fast XML subset: ${why}`);
    this.name = "OutsideFastSubset";
  }
}

const S = "[ \\t\\r\\n]";
const DECLARATION = new RegExp(
  `<\\?xml${S}+version${S}*=${S}*(["'])1\\.0\\1` +
    `(?:${S}+encoding${S}*=${S}*(["'])[A-Za-z][\\w.-]*\\2)?` +
    `(?:${S}+standalone${S}*=${S}*(["'])(?:yes|no)\\3)?${S}*\\?>`,
  "y",
);
const ONLY_SPACE = new RegExp(`^${S}*$`);
/** Characters XML 1.0 forbids, any surrogate (paired or not) and `]]>`: left to saxes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LEFT_TO_SAXES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|\]\]>/;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));|&/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const LINE_BREAK = /\r\n?/g;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const AMP = 0x26;
const QUOT = 0x22;
const APOS = 0x27;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** ASCII name start: a letter or `_` (other names are left to saxes). */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/** ASCII name character: a letter, digit, `_`, `.`, `:` or `-`. */
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x3a) || c === 0x2e || c === 0x2d;
}

/** End of the name starting at `at`, or -1 when none starts there. */
function nameEnd(xml: string, at: number): number {
  if (!isNameStart(xml.charCodeAt(at))) return -1;
  let i = at + 1;
  while (isNameChar(xml.charCodeAt(i))) i++;
  return i;
}

function skipSpace(xml: string, at: number): number {
  let i = at;
  while (isSpace(xml.charCodeAt(i))) i++;
  return i;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (_m, named?: string, decimal?: string, hex?: string) => {
    if (named) return NAMED[named];
    if (decimal === undefined && hex === undefined) throw new OutsideFastSubset("a bare &");
    const code = decimal !== undefined ? parseInt(decimal, 10) : parseInt(hex!, 16);
    if (!isXmlChar(code)) throw new OutsideFastSubset("a reference to a character XML forbids");
    return String.fromCodePoint(code);
  });
}

/** Text content as saxes reports it: line ends as `\n`, then references resolved. */
function textOf(raw: string): string {
  const lines = raw.indexOf("\r") < 0 ? raw : raw.replace(LINE_BREAK, "\n");
  return lines.indexOf("&") < 0 ? lines : decodeReferences(lines);
}

/** The text without a leading byte order mark (the scanner and saxes both want none). */
export function withoutBom(xml: string): string {
  return xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
}

/** An element or attribute name without its prefix (`x:c` → `c`). */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Scans `xml` (without a byte order mark), calling the handlers with element names stripped of
 * any prefix (kept with `prefixes`). Throws {@link OutsideFastSubset} where saxes must decide; the handlers may have
 * been called for the part before that point.
 */
export function scanXml(xml: string, handlers: XmlHandlers, options: { prefixes?: boolean } = {}): void {
  const nameOf = options.prefixes ? (name: string) => name : localName;
  if (LEFT_TO_SAXES.test(xml)) throw new OutsideFastSubset("characters or `]]>` to check");
  const { open, text, close } = handlers;
  let pos = 0;
  if (xml.startsWith("<?")) {
    DECLARATION.lastIndex = 0;
    if (!DECLARATION.test(xml)) throw new OutsideFastSubset("a processing instruction");
    pos = DECLARATION.lastIndex;
  } else pos = skipSpace(xml, 0); // saxes reports no text for spaces before the first markup
  const openNames: string[] = [];
  let rootSeen = false;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    const end = lt < 0 ? xml.length : lt;
    if (end > pos) {
      const raw = xml.slice(pos, end);
      if (!openNames.length && !ONLY_SPACE.test(raw)) throw new OutsideFastSubset("text outside the root");
      const content = textOf(raw);
      if (text) text(content);
    }
    if (lt < 0) break;
    if (xml.charCodeAt(lt + 1) === SLASH) {
      const nameStop = nameEnd(xml, lt + 2);
      const name = nameStop < 0 ? null : xml.slice(lt + 2, nameStop);
      const gt = nameStop < 0 ? -1 : skipSpace(xml, nameStop);
      if (name === null || xml.charCodeAt(gt) !== GT || name !== openNames.pop())
        throw new OutsideFastSubset("an end tag");
      pos = gt + 1;
      if (close) close(nameOf(name));
      continue;
    }
    if (rootSeen && !openNames.length) throw new OutsideFastSubset("markup after the root");
    const nameStop = nameEnd(xml, lt + 1);
    if (nameStop < 0) throw new OutsideFastSubset("markup other than elements");
    const name = xml.slice(lt + 1, nameStop);
    const attributes: Attributes = {};
    let at = nameStop;
    let selfClosing = false;
    for (;;) {
      const next = skipSpace(xml, at);
      const c = xml.charCodeAt(next);
      if (c === GT) {
        pos = next + 1;
        break;
      }
      if (c === SLASH && xml.charCodeAt(next + 1) === GT) {
        pos = next + 2;
        selfClosing = true;
        break;
      }
      // An attribute, after at least one space.
      const keyStop = next > at ? nameEnd(xml, next) : -1;
      if (keyStop < 0) throw new OutsideFastSubset("a start tag");
      const equals = skipSpace(xml, keyStop);
      if (xml.charCodeAt(equals) !== EQUALS) throw new OutsideFastSubset("an attribute");
      const valueStart = skipSpace(xml, equals + 1);
      const quote = xml.charCodeAt(valueStart);
      if (quote !== QUOT && quote !== APOS) throw new OutsideFastSubset("an unquoted attribute");
      const closeQuote = xml.indexOf(quote === QUOT ? '"' : "'", valueStart + 1);
      if (closeQuote < 0) throw new OutsideFastSubset("an unfinished attribute");
      const key = xml.slice(next, keyStop);
      if (key === "__proto__" || Object.prototype.hasOwnProperty.call(attributes, key))
        throw new OutsideFastSubset("a repeated attribute");
      let references = false;
      for (let i = valueStart + 1; i < closeQuote; i++) {
        const v = xml.charCodeAt(i);
        if (v === AMP) references = true;
        else if (v === LT || v === 0x09 || v === 0x0a || v === 0x0d)
          throw new OutsideFastSubset("an attribute value to normalise");
      }
      const value = xml.slice(valueStart + 1, closeQuote);
      attributes[key] = references ? decodeReferences(value) : value;
      at = closeQuote + 1;
    }
    rootSeen = true;
    const local = nameOf(name);
    open(local, attributes);
    if (selfClosing) {
      if (close) close(local);
    } else openNames.push(name);
  }
  if (openNames.length || !rootSeen) throw new OutsideFastSubset("an unfinished document");
}
