import { SaxesParser } from "saxes";
import { OutsideFastSubset, scanXml, withoutBom } from "./fastXml";

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/**
 * Whether the fast scanner reads `xml` through, with every prefix bound in scope, no name with
 * more than one colon, no declaration of the reserved prefixes or namespaces, and no two
 * attributes of one element in the same namespace under the same local name. False means only
 * "let saxes judge": it may still be fine.
 */
function plainlyWellFormed(xml: string): boolean {
  const scopes: Map<string, string>[] = [new Map([["xml", XML_NS]])];
  const bound = (name: string): string | null | undefined => {
    const colon = name.indexOf(":");
    if (colon < 0) return null;
    if (colon === 0 || colon === name.length - 1 || name.indexOf(":", colon + 1) >= 0) return undefined;
    return scopes[scopes.length - 1].get(name.slice(0, colon));
  };
  try {
    scanXml(
      xml,
      {
        open(name, attributes) {
          let scope = scopes[scopes.length - 1];
          for (const key in attributes) {
            if (key === "xmlns") {
              const uri = attributes[key].trim(); // saxes binds the value trimmed
              if (uri === XML_NS || uri === XMLNS_NS) throw new OutsideFastSubset("a reserved namespace");
            } else if (key.startsWith("xmlns:")) {
              const prefix = key.slice(6);
              const uri = attributes[key].trim();
              if (!prefix || prefix.includes(":") || prefix === "xml" || prefix === "xmlns" || !uri)
                throw new OutsideFastSubset("a declaration to judge");
              if (uri === XML_NS || uri === XMLNS_NS) throw new OutsideFastSubset("a reserved namespace");
              if (scope === scopes[scopes.length - 1]) scope = new Map(scope);
              scope.set(prefix, uri);
            }
          }
          scopes.push(scope);
          if (bound(name) === undefined || name.startsWith("xml:") || name.startsWith("xmlns:"))
            throw new OutsideFastSubset("an element name to judge");
          const expanded = new Set<string>();
          for (const key in attributes) {
            if (key === "xmlns" || key.startsWith("xmlns:")) continue;
            const uri = bound(key);
            if (uri === undefined) throw new OutsideFastSubset("an attribute name to judge");
            if (uri === null) continue;
            const id = `${uri} ${key.slice(key.indexOf(":") + 1)}`;
            if (expanded.has(id)) throw new OutsideFastSubset("attributes to judge");
            expanded.add(id);
          }
        },
        close() {
          scopes.pop();
        },
      },
      { prefixes: true },
    );
  } catch (err) {
    if (err instanceof OutsideFastSubset) return false;
    throw err;
  }
  return true;
}

/**
 * Why a text is not namespace-well-formed XML, or null when it is: broken markup, an undefined
 * entity, a duplicate attribute, or a prefix used where no `xmlns:` binds it (which Excel and
 * LibreOffice refuse, while a plain well-formedness check such as `xmllint --noout` lets it pass).
 */
export function xmlProblem(xml: string): string | null {
  const text = withoutBom(xml);
  if (plainlyWellFormed(text)) return null;
  const parser = new SaxesParser({ xmlns: true, position: true });
  let problem: string | null = null;
  parser.on("error", (err) => {
    problem ??= err.message;
  });
  try {
    parser.write(text).close();
  } catch (err) {
    // saxes itself can throw, e.g. `Invalid code point NaN` on a lone surrogate after `<!`.
    problem ??= err instanceof Error ? err.message : String(err);
  }
  return problem;
}

/** The parts among `parts` (path → text) that are not namespace-well-formed, as `path: why`. */
export function xmlProblems(parts: Iterable<[string, string]>): string[] {
  const out: string[] = [];
  for (const [path, text] of parts) {
    const problem = xmlProblem(text);
    if (problem) out.push(`${path}: ${problem}`);
  }
  return out;
}
