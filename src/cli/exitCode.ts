import type { Finding } from "../engine/findings";

/** `0` without error-level findings, `1` with (docs/CONTRACT.md); `2` is decided where files fail. */
export function exitCodeFor(result: { findings: Finding[] }): number {
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}
