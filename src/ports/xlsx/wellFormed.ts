import { SaxesParser } from "saxes";

/**
 * Why a text is not namespace-well-formed XML, or null when it is: broken markup, an undefined
 * entity, a duplicate attribute, or a prefix used where no `xmlns:` binds it (which Excel and
 * LibreOffice refuse, while a plain well-formedness check such as `xmllint --noout` lets it pass).
 */
export function xmlProblem(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let problem: string | null = null;
  parser.on("error", (err) => {
    problem ??= err.message;
  });
  parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
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
