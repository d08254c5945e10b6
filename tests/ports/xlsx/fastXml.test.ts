/**
 * The fast XML scanner against saxes, the parser it stands in for: on every document it either
 * gives saxes's events exactly, or leaves the document to saxes. Never does it accept XML saxes
 * refuses, and the plain XML spreadsheet writers produce stays on the fast path.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { OutsideFastSubset, scanXml } from "../../../src/ports/xlsx/fastXml";
import { decodePart } from "../../../src/ports/xlsx/opc";
import { xmlProblem } from "../../../src/ports/xlsx/wellFormed";

type Event = ["open", string, Record<string, string>] | ["text", string] | ["close", string];

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** Events with adjacent text joined (the readers only ever append text). */
function recorder(): { events: Event[]; handlers: Parameters<typeof scanXml>[1] } {
  const events: Event[] = [];
  return {
    events,
    handlers: {
      open: (name, attributes) => events.push(["open", name, { ...attributes }]),
      text: (text) => {
        const last = events[events.length - 1];
        if (last?.[0] === "text") last[1] += text;
        else events.push(["text", text]);
      },
      close: (name) => events.push(["close", name]),
    },
  };
}

function saxesEvents(xml: string): Event[] | "refused" {
  const { events, handlers } = recorder();
  const parser = new SaxesParser({ position: false });
  parser.on("opentag", (tag) => handlers.open(local(tag.name), tag.attributes as Record<string, string>));
  parser.on("text", handlers.text!);
  parser.on("cdata", handlers.text!);
  parser.on("closetag", (tag) => handlers.close!(local(tag.name)));
  try {
    parser.write(xml).close();
  } catch {
    return "refused";
  }
  return events;
}

function fastEvents(xml: string): Event[] | "left to saxes" {
  const { events, handlers } = recorder();
  try {
    scanXml(xml, handlers);
  } catch (err) {
    if (err instanceof OutsideFastSubset) return "left to saxes";
    throw err;
  }
  return events;
}

/** What the scanner must never do: accept what saxes refuses, or read a document otherwise. */
function expectAgreesWithSaxes(xml: string): "fast" | "left to saxes" {
  const fast = fastEvents(xml);
  if (fast === "left to saxes") return fast;
  expect(fast).toEqual(saxesEvents(xml));
  return "fast";
}

/** Every XML part of the foreign corpus (`file: part`), decoded, without a byte order mark. */
async function foreignCorpusXml(): Promise<{ part: string; xml: string }[]> {
  const dir = path.join(__dirname, "..", "..", "fixtures", "foreign");
  const parts: { part: string; xml: string }[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f))) {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, file)));
    for (const entry of Object.values(zip.files)) {
      if (entry.dir || !/\.(xml|rels)$/i.test(entry.name)) continue;
      const text = decodePart(await entry.async("uint8array"));
      parts.push({
        part: `${file}: ${entry.name}`,
        xml: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
      });
    }
  }
  return parts;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe("fast XML scanner", () => {
  test.each([
    [
      "an ExcelJS-style sheet",
      `${HEAD}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>4.5</v></c></row></sheetData></worksheet>`,
    ],
    [
      "prefixed elements",
      `<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2"><x:c r="C2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    ],
    [
      "entities and character references",
      `<sst ${NS}><si><t>A &amp; B &lt;C&gt; &quot;d&quot; &apos;e&apos; &#229;&#xE4;&#246;</t></si></sst>`,
    ],
    ["entities in attributes", `<a b="x &amp; y &#x3C;z&#62;" c='it&apos;s "q"'/>`],
    ["CRLF and lone CR in text", `<sst><si><t>rad 1\r\nrad 2\rrad 3\n</t></si></sst>`],
    ["a character reference to CR", `<t>a&#13;b&#xD;</t>`],
    ["self-closing tags and spaces", `<root  a = "1"\t b='2' ><empty/><e x="y" /></root >`],
    ["no declaration, spaces after the root", `<root>text</root>\n\n  `],
    ["no declaration, spaces before the root (saxes reports no text for them)", `\r\n  <root>text</root>`],
    ["a single-quoted declaration", `<?xml version='1.0' encoding='utf-8'?><r/>`],
    ["`>` in text and attributes", `<r a="x>y">a > b</r>`],
    ["non-ASCII text", `<r>Målkoll – åäö ÅÄÖ é ß</r>`],
  ])("%s: read on the fast path as saxes reads it", (_what, xml) => {
    expect(expectAgreesWithSaxes(xml)).toBe("fast");
  });

  test.each([
    ["a mismatched end tag", `<a><b></a></b>`],
    ["an unclosed element", `<a><b></b>`],
    ["a repeated attribute", `<a x="1" x="2"/>`],
    ["attributes without space between", `<a x="1"y="2"/>`],
    ["an unquoted attribute", `<a x=1/>`],
    ["`<` in an attribute", `<a x="<"/>`],
    ["a bare ampersand", `<a>fish & chips</a>`],
    ["an undefined entity", `<a>&nbsp;</a>`],
    ["a reference to a forbidden character", `<a>&#0;</a>`],
    ["a reference past Unicode", `<a>&#x110000;</a>`],
    ["a control character", `<a>\u0001</a>`],
    ["a lone surrogate", `<a>\ud800</a>`],
    ["`]]>` in text", `<a>]]></a>`],
    ["two roots", `<a/><b/>`],
    ["text before the root", `x<a/>`],
    ["text after the root", `<a/>x`],
    ["no root at all", `   `],
    ["a declaration not at the start", ` <?xml version="1.0"?><a/>`],
    ["a declaration with a bad version", `<?xml version="2.0"?><a/>`],
    ["a space after `<`", `< a/>`],
    ["an end tag with a space after `</`", `<a></ a>`],
    ["a truncated document", `<a><b x="1`],
  ])("%s: never accepted where saxes refuses", (_what, xml) => {
    expect(saxesEvents(xml)).toBe("refused");
    expect(fastEvents(xml)).toBe("left to saxes");
  });

  test.each([
    ["a comment", `<a><!-- c --><b/></a>`],
    ["CDATA", `<a><![CDATA[x < y]]></a>`],
    ["a DOCTYPE", `<!DOCTYPE a><a/>`],
    ["a processing instruction", `<a><?pi data?></a>`],
    ["a tab in an attribute (normalised to a space)", `<a x="1\t2"/>`],
    ["an emoji (a surrogate pair)", `<a>😀</a>`],
    ["a non-ASCII element name", `<å/>`],
  ])("%s: left to saxes", (_what, xml) => {
    expect(fastEvents(xml)).toBe("left to saxes");
    expect(saxesEvents(xml)).not.toBe("refused");
  });

  test("every XML part of the foreign corpus reads as saxes reads it, nearly all on the fast path", async () => {
    const parts = await foreignCorpusXml();
    const fast = parts.filter(({ xml }) => expectAgreesWithSaxes(xml) === "fast").length;
    expect(parts.length).toBeGreaterThan(100);
    expect(fast / parts.length).toBeGreaterThan(0.9);
  });
});

describe("namespace-aware well-formedness on the fast path", () => {
  function saxesProblem(xml: string): string | null {
    const parser = new SaxesParser({ xmlns: true });
    let problem: string | null = null;
    parser.on("error", (err) => void (problem ??= err.message));
    parser.write(xml).close();
    return problem;
  }

  test.each([
    ["an unbound element prefix", `<a><r:b/></a>`],
    ["an unbound attribute prefix", `<a r:id="1"/>`],
    ["a prefix bound only on a sibling", `<a><b xmlns:r="urn:r" r:id="1"/><b r:id="2"/></a>`],
    ["a prefix bound to nothing", `<a xmlns:r=""><r:b/></a>`],
    ["the xml prefix bound elsewhere", `<a xmlns:xml="urn:x"/>`],
    ["the xmlns prefix declared", `<a xmlns:xmlns="urn:x"/>`],
    ["a prefix bound to the XML namespace", `<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>`],
    ["one attribute twice under two prefixes", `<a xmlns:p="urn:u" xmlns:q="urn:u" p:x="1" q:x="2"/>`],
    ["a name with two colons", `<a xmlns:p="urn:u"><p:b:c/></a>`],
    ["a name starting with a colon", `<:a/>`],
    ["a prefix bound to spaces (saxes trims the URI)", `<a xmlns:r=" "><r:b/></a>`],
    [
      "a prefix bound to the XML namespace after a space",
      `<a xmlns:p=" http://www.w3.org/XML/1998/namespace"/>`,
    ],
    [
      "one attribute twice under prefixes bound to one URI but for a space",
      `<a xmlns:p="urn:u" xmlns:q="urn:u " p:x="1" q:x="2"/>`,
    ],
  ])("%s is a problem, as saxes says", (_what, xml) => {
    expect(saxesProblem(xml)).not.toBeNull();
    expect(xmlProblem(xml)).not.toBeNull();
  });

  test.each([
    [
      "a chart-like part",
      `<c:chartSpace xmlns:c="urn:c" xmlns:a="urn:a" xmlns:r="urn:r"><c:chart><a:t r:id="x">1</a:t></c:chart></c:chartSpace>`,
    ],
    ["a prefix bound on the element itself", `<a><b xmlns:r="urn:r" r:id="1"/></a>`],
    ["a prefix rebound below", `<p:a xmlns:p="urn:1"><p:b xmlns:p="urn:2"/></p:a>`],
    ["xml:space", `<t xml:space="preserve"> x </t>`],
    ["the default namespace undeclared", `<a xmlns="urn:a"><b xmlns=""/></a>`],
  ])("%s passes, as saxes says", (_what, xml) => {
    expect(saxesProblem(xml)).toBeNull();
    expect(xmlProblem(xml)).toBeNull();
  });

  test("where saxes itself throws (a lone surrogate after `<!`), that is a problem, not a crash", () => {
    expect(xmlProblem("<a/><!\ud83d")).toMatch(/Invalid code point/);
  });

  test("every XML part of the foreign corpus is judged as saxes judges it", async () => {
    for (const { part, xml } of await foreignCorpusXml())
      expect([part, xmlProblem(xml)]).toEqual([part, saxesProblem(xml)]);
  });
});
