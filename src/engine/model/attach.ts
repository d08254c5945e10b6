import { parseA1 } from "../grid";
import { bareGoalNumber, levelOfNumber, parentNumber, splitNumber } from "../recognise/goals";
import { matchKey } from "../parse/text";
import { emptyCounts } from "./goals";
import type { Activity, Goal, GoalLevel, Indicator } from "./types";

/** The text of a row's `Mål` cell (cleaned, never empty) and where it is. */
export interface GoalCell {
  text: string;
  address: string;
  /** The level the row's `Målnivå` cell names, when the table has one. */
  level?: GoalLevel;
  /** The row's `Mål-id` cell beside its `Mål` cell (`1.3.2`, `E1`), when the table has one. */
  id?: string;
}

const BLOCK_LEVELS: GoalLevel[] = ["inriktningsmal", "kf-mal"];

/**
 * Attaches each indicator and activity to its goal:
 * - a `Mål` column names the goal (by a goal list's id, number or title; unknown names become goals
 *   of their own);
 * - otherwise the nearest goal heading above it on the same sheet;
 * - except in unit reports, where the KF mål's tables come first and the `Enhetsmål` that closes
 *   the block owns the evidence since the KF mål heading (DOMAIN.md, 004 lines 389–470); no rows
 *   pass a second nämndmål to reach an Enhetsmål (a nämndmål's own Enhetsmål left out): a
 *   nämndmål's rows end at the next nämndmål, a KF mål's at its second.
 */
export function assignGoals(
  goals: Goal[],
  indicators: Indicator[],
  activities: Activity[],
  goalCells: Map<Indicator | Activity, GoalCell>,
  listIds: ReadonlyMap<string, string> = new Map(),
): void {
  const headings = new Set(goals.map((g) => g.id));
  const bySheet = new Map<string, Goal[]>();
  for (const g of goals) {
    const list = bySheet.get(g.sheet) ?? [];
    list.push(g);
    bySheet.set(g.sheet, list);
  }
  for (const list of bySheet.values()) list.sort((a, b) => a.row - b.row);

  const owners = new Map<string, GoalOwners>();
  for (const [sheet, list] of bySheet) owners.set(sheet, new GoalOwners(list));
  // Made only when a Mål column names goals: rows × goals comparisons of titles took seconds.
  const names = goalCells.size > 0 ? new GoalNames(goals) : null;
  const attach = (item: Indicator | Activity): void => {
    // Without a Mål column nothing is named (and no row object gets hashed for the lookup).
    const named = names ? goalCells.get(item) : undefined;
    item.goal =
      names && named
        ? (goalById(listIds, named) ??
          listIds.get(named.text) ??
          goalFromColumn(names, item.sheet, withNumber(named)))
        : (owners.get(item.sheet)?.of(item.row) ?? null);
  };
  for (let i = 0; i < indicators.length; i++) attach(indicators[i]);
  for (let i = 0; i < activities.length; i++) attach(activities[i]);
  // A Mål column may name `1.4.2` before it names `1.4`: link parents once every goal exists.
  if (names)
    for (const goal of goals)
      if (!headings.has(goal.id) && goal.parent === null) goal.parent = parentByNumber(names, goal.number);
}

/**
 * The goals by number and by title (its match key), each list in the goals' order, so that a `Mål`
 * cell's goal is looked up rather than searched for among thousands. New goals join through {@link add}.
 */
class GoalNames {
  private readonly byNumber = new Map<string, number[]>();
  private readonly byTitle = new Map<string, number[]>();

  constructor(readonly goals: Goal[]) {
    for (let i = 0; i < goals.length; i++) this.index(i);
  }

  /** Adds a goal to the goals and to the lookup. */
  add(goal: Goal): void {
    this.goals.push(goal);
    this.index(this.goals.length - 1);
  }

  /** The first goal numbered `number`. */
  numbered(number: string): Goal | undefined {
    const at = this.byNumber.get(number);
    return at ? this.goals[at[0]] : undefined;
  }

  /**
   * The first goal (in the goals' order) with the number or the title key (`""`: none), or with
   * `level` the first such goal at that level.
   */
  first(number: string | null, key: string, level?: GoalLevel): Goal | undefined {
    const a = number !== null ? this.byNumber.get(number) : undefined;
    const b = key !== "" ? this.byTitle.get(key) : undefined;
    const i = this.firstAt(a, level);
    const j = this.firstAt(b, level);
    return i < 0 ? (j < 0 ? undefined : this.goals[j]) : this.goals[j < 0 ? i : Math.min(i, j)];
  }

  private firstAt(at: number[] | undefined, level: GoalLevel | undefined): number {
    if (!at) return -1;
    if (!level) return at[0];
    for (const i of at) if (this.goals[i].level === level) return i;
    return -1;
  }

  private index(i: number): void {
    const { number, title } = this.goals[i];
    if (number !== null) push(this.byNumber, number, i);
    const key = matchKey(title);
    if (key !== "") push(this.byTitle, key, i);
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/**
 * {@link goalByPosition} for one sheet's goals (sorted by row), worked out once per goal above:
 * the goals of a sheet own thousands of rows.
 */
class GoalOwners {
  /** Per goal index + 1 (0: rows above every goal), the owner once asked for. */
  private readonly owners: (string | null | undefined)[];

  constructor(private readonly sheetGoals: Goal[]) {
    this.owners = new Array<string | null | undefined>(sheetGoals.length + 1);
  }

  of(row: number): string | null {
    const above = lastGoalAbove(this.sheetGoals, row);
    let owner = this.owners[above + 1];
    if (owner === undefined) this.owners[above + 1] = owner = ownerBelow(this.sheetGoals, above);
    return owner;
  }
}

/** The goal owning a sheet row by position (see assignGoals); `sheetGoals` sorted by row. */
export function goalByPosition(sheetGoals: Goal[], row: number): string | null {
  return ownerBelow(sheetGoals, lastGoalAbove(sheetGoals, row));
}

/** Index of the last goal above the row, -1 for none (a binary search: a sheet can have thousands of goals). */
function lastGoalAbove(sheetGoals: Goal[], row: number): number {
  let lo = 0;
  let hi = sheetGoals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sheetGoals[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The goal owning the rows under the goal at `aboveIndex` (-1: the rows above every goal). */
function ownerBelow(sheetGoals: Goal[], aboveIndex: number): string | null {
  const above: Goal | null = aboveIndex >= 0 ? sheetGoals[aboveIndex] : null;
  if (above?.level === "enhetsmal") return above.id;
  // Nämndmål headings passed: a KF mål's tables reach past its first nämndmål to that one's
  // Enhetsmål, never into a second nämndmål's block (the first's Enhetsmål left out).
  let namndmal = above?.level === "namndmal" ? 1 : 0;
  for (let i = aboveIndex + 1; i < sheetGoals.length; i++) {
    const g = sheetGoals[i];
    // A nämndmål's rows end at the next nämndmål: its Enhetsmål left out, they are still its own.
    if (BLOCK_LEVELS.includes(g.level) || (g.level === "namndmal" && ++namndmal > 1)) break;
    if (g.level === "enhetsmal") return g.id;
  }
  return above?.id ?? null;
}

/** `Nämndmål: `, `Enhetsmål `, `KF:s mål för verksamhetsområdet: ` before a number or title in a Mål cell. */
const GOAL_LABEL = /^(n[aä]mndm[aå]l|enhetsm[aå]l|kf:?s m[aå]l[^:]*):?\s*/i;

/** The goal list's goal a row's `Mål-id` cell names, if any. */
function goalById(listIds: ReadonlyMap<string, string>, named: GoalCell): string | undefined {
  return named.id !== undefined ? listIds.get(named.id) : undefined;
}

/**
 * A `Mål` cell with its row's `Mål-id` written before the title when the id is a goal number
 * (`1.3.2`) and the title has none: the goal is found by that number or its title, and a new goal
 * gets the number. An id that is none (`E1`) names no goal outside a goal list.
 */
function withNumber(named: GoalCell): GoalCell {
  const { id, text } = named;
  const number = id === undefined ? null : bareGoalNumber(id);
  if (number === null || splitNumber(text).number !== null) return named;
  return { ...named, text: `${number} ${text}` };
}

/**
 * The goal a `Mål` cell names, by number or title: an existing goal with that number or title (a
 * heading, or the first cell that carried it), else a new goal whose id is this cell. The row's
 * `Målnivå` cell gives the level, else a number's depth (two parts: KF mål; three: nämndmål).
 */
function goalFromColumn(names: GoalNames, sheetName: string, named: GoalCell): string {
  const { text, address, level: statedLevel } = named;
  const pos = parseA1(address)!;
  const rest = text.replace(GOAL_LABEL, "");
  const bare = bareGoalNumber(rest);
  const { number, title } = bare !== null ? { number: bare, title: "" } : splitNumber(rest);
  const key = title ? matchKey(title) : "";
  const existing = names.first(number, key);
  // A title written at two levels (a nämndmål and an enhetsmål): the one at the row's level.
  if (existing && statedLevel && existing.level !== statedLevel)
    return (names.first(number, key, statedLevel) ?? existing).id;
  if (existing) return existing.id;
  const level: GoalLevel = statedLevel ?? (/^enhetsm/i.test(text) ? "enhetsmal" : levelOfNumber(number));
  const goal: Goal = {
    id: `${sheetName}!${address}`,
    parent: parentByNumber(names, number),
    level,
    number,
    title,
    sheet: sheetName,
    row: pos.row,
    statedAssessment: null,
    suggestedAssessment: null,
    counts: emptyCounts(),
    assessmentCell: null,
  };
  names.add(goal);
  return goal.id;
}

/** The goal numbered one level up (`1.4` for `1.4.2`), or null. */
function parentByNumber(names: GoalNames, number: string | null): string | null {
  const above = parentNumber(number);
  return above === null ? null : (names.numbered(above)?.id ?? null);
}
