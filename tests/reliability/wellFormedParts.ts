/** The XML and relationship parts of a package that are not namespace-well-formed, with why. */
import { decodePart } from "../../src/ports/xlsx/opc";
import { xmlProblem } from "../../src/ports/xlsx/wellFormed";

export function malformedParts(parts: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of parts) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const problem = xmlProblem(decodePart(bytes));
    if (problem) problems.push(`${name}: ${problem}`);
  }
  return problems;
}
