import type { Finding } from "../findings";
import { finding } from "../findings";
import { hasText, nameCell } from "../evaluate/cells";
import type { DuplicatePair } from "../evaluate/duplicates";
import { cellRef, parseA1 } from "../grid";
import type { Indicator } from "../model/types";

/** `duplicate-indicator` at each copy evaluation found (`duplicatePairs`), naming the row it repeats. */
export function duplicateIndicators(pairs: readonly DuplicatePair[], out: Finding[]): void {
  for (let k = 0; k < pairs.length; k++) out.push(duplicateFinding(pairs[k].copy, pairs[k].first));
}

/**
 * The findings without those a duplicate row only repeats: on the copy, a finding its first row
 * has too (same code, same message but for the name as written) or an `analysis-missing` where the
 * first row has an analysis; on the first row, an `analysis-missing` where a copy right under it
 * (or under copies right under it) took its `Analys` row. `duplicate-indicator` says the rest:
 * remove the copies and these go with them. A copy's other findings stand (its figures differ
 * from the first's), and so does the first row's missing analysis where the copy's is elsewhere.
 */
export function withoutDuplicateEchoes(findings: Finding[], pairs: readonly DuplicatePair[]): Finding[] {
  if (pairs.length === 0) return findings;
  type Member = { self: Indicator; other: Indicator; isCopy: boolean };
  /** The pair of each row in one, by sheet, then row; and by sheet and cell for cells off the row (under `Analys`). */
  const byRow = new Map<string, Map<number, Member>>();
  const offRow = new Map<string, Member>();
  const add = (self: Indicator, other: Indicator, isCopy: boolean): void => {
    let rows = byRow.get(self.sheet);
    if (!rows) byRow.set(self.sheet, (rows = new Map()));
    // A first row of several copies is paired with the first of them.
    if (rows.has(self.row)) return;
    const member = { self, other, isCopy };
    rows.set(self.row, member);
    for (const key in self.cells) {
      const cell = self.cells[key];
      if (cell && rowOfCell(cell) !== self.row) offRow.set(`${self.sheet}\u0000${cell}`, member);
    }
  };
  /** Each first row's copies on its own sheet, by row. */
  const copiesByFirst = new Map<Indicator, Map<number, Indicator>>();
  for (let k = 0; k < pairs.length; k++) {
    const { copy, first } = pairs[k];
    add(copy, first, true);
    add(first, copy, false);
    if (copy.sheet !== first.sheet) continue;
    let copies = copiesByFirst.get(first);
    if (!copies) copiesByFirst.set(first, (copies = new Map()));
    copies.set(copy.row, copy);
  }
  /** Whether the copies right under `first` hold an `Analys` under them: the one `first` lacks. */
  const analysisTaken = (first: Indicator): boolean => {
    const copies = copiesByFirst.get(first);
    for (let r = first.row + 1, copy; (copy = copies?.get(r)); r++) if (hasText(copy.analysis)) return true;
    return false;
  };
  const memberOf = (f: Finding): Member | undefined =>
    (offRow.size ? offRow.get(`${f.sheet}\u0000${f.cell}`) : undefined) ??
    byRow.get(f.sheet)?.get(rowOfCell(f.cell));
  // Looked up once per finding: a sheet of copied rows has hundreds of thousands.
  const members = findings.map(memberOf);
  /** What each first row's findings say: as written, and (made when first asked) its name left out. */
  const said = new Map<Indicator, { written: Set<string>; unnamed: Set<string> | null }>();
  for (let i = 0; i < findings.length; i++) {
    const member = members[i];
    if (!member || member.isCopy) continue;
    let texts = said.get(member.self);
    if (!texts) said.set(member.self, (texts = { written: new Set(), unnamed: null }));
    texts.written.add(`${findings[i].code}\u0000${findings[i].message}`);
  }
  /** Whether `first` says what `f`, on its copy `copy`, says: as written when the two names are. */
  const saidBefore = (f: Finding, copy: Indicator, first: Indicator): boolean => {
    const texts = said.get(first);
    if (!texts) return false;
    if (copy.name === first.name) return texts.written.has(`${f.code}\u0000${f.message}`);
    texts.unnamed ??= new Set([...texts.written].map((text) => text.split(first.name).join("")));
    return texts.unnamed.has(`${f.code}\u0000${f.message.split(copy.name).join("")}`);
  };
  return findings.filter((f, i) => {
    if (f.code === "duplicate-indicator") return true;
    const member = members[i];
    if (!member) return true;
    if (
      f.code === "analysis-missing" &&
      (member.isCopy ? hasText(member.other.analysis) : analysisTaken(member.self))
    )
      return false;
    return !member.isCopy || !saidBefore(f, member.self, member.other);
  });
}

function rowOfCell(cell: string): number {
  return parseA1(cell)?.row ?? 0;
}

function duplicateFinding(i: Indicator, first: Indicator): Finding {
  return finding({
    code: "duplicate-indicator",
    sheet: i.sheet,
    cell: nameCell(i),
    goal: i.goal,
    message: `”${i.name}” finns redan under samma mål (${cellRef(first.sheet, nameCell(first))}).`,
    messageEn: `"${i.name}" is already listed under the same goal (${cellRef(first.sheet, nameCell(first))}).`,
  });
}
