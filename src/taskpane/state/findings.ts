import type { Finding, FindingCode, Severity } from "../../engine/findings";
import type { Goal } from "../../engine/model/types";

/** Findings that ask the person to write something (analysis, outcome, target). */
export const MUST_WRITE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "analysis-missing",
  "outcome-missing",
  "target-missing",
]);

export type GroupBy = "severity" | "goal";

export interface FindingsFilter {
  /** Goal id ("Min enhet"): only findings of that goal and the goals below it. */
  goal: string | null;
  /** "Vad måste jag skriva?": only the MUST_WRITE_CODES. */
  mustWrite: boolean;
  groupBy: GroupBy;
}

export const DEFAULT_FILTER: FindingsFilter = { goal: null, mustWrite: false, groupBy: "severity" };

/** The goal and every goal below it (by `parent`), as ids. Cycles in bad data cannot loop. */
export function goalAndDescendants(goals: Goal[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const g of goals) {
    if (g.parent === null) continue;
    const list = children.get(g.parent) ?? [];
    list.push(g.id);
    children.set(g.parent, list);
  }
  const out = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const child of children.get(id) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        queue.push(child);
      }
    }
  }
  return out;
}

export function filterFindings(findings: Finding[], filter: FindingsFilter, goals: Goal[]): Finding[] {
  const scope = filter.goal ? goalAndDescendants(goals, filter.goal) : null;
  return findings.filter(
    (f) =>
      (!scope || (f.goal !== null && scope.has(f.goal))) &&
      (!filter.mustWrite || MUST_WRITE_CODES.has(f.code)),
  );
}

export interface FindingGroup {
  /** Stable key: the severity, the goal id, or `none` for findings without a goal. */
  key: string;
  severity: Severity | null;
  goal: Goal | null;
  findings: Finding[];
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** Groups keep the findings' order; goal groups follow the goals' order, then `none`. */
export function groupFindings(findings: Finding[], by: GroupBy, goals: Goal[]): FindingGroup[] {
  if (by === "severity") {
    return SEVERITIES.map((severity) => ({
      key: severity,
      severity,
      goal: null,
      findings: findings.filter((f) => f.severity === severity),
    })).filter((g) => g.findings.length > 0);
  }
  const byGoal = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.goal !== null && goals.some((g) => g.id === f.goal) ? f.goal : "none";
    const list = byGoal.get(key) ?? [];
    list.push(f);
    byGoal.set(key, list);
  }
  const groups: FindingGroup[] = goals
    .filter((g) => byGoal.has(g.id))
    .map((g) => ({ key: g.id, severity: null, goal: g, findings: byGoal.get(g.id) as Finding[] }));
  const loose = byGoal.get("none");
  if (loose) groups.push({ key: "none", severity: null, goal: null, findings: loose });
  return groups;
}

/** Goal label for lists: number and title, indented by level. */
export function goalLabel(goal: Goal): string {
  return goal.number ? `${goal.number} ${goal.title}` : goal.title;
}

const LEVEL_DEPTH: Record<Goal["level"], number> = {
  inriktningsmal: 0,
  "kf-mal": 1,
  namndmal: 2,
  enhetsmal: 3,
};

export function goalDepth(goal: Goal): number {
  return LEVEL_DEPTH[goal.level] ?? 0;
}
