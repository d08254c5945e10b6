/**
 * "Never lose user data": a generate stopped at every request of its run — after none, some or all
 * of that request's actions, the connection then gone (the pane closed) or still there — leaves a
 * consistent workbook:
 *
 * - right away: the user's sheets as they were (cells and their own rules), nothing lost (every
 *   sheet of before is still somewhere), anything extra only very hidden scratch sheets, `_malkoll`
 *   naming the old or the new owned sheets; outside the swap request also strictly all old or all
 *   new;
 * - once Målkoll reads the workbook again: strictly all old or all new, `_malkoll` matching them;
 * - after a rerun: exactly what an uninterrupted run gives, flags included.
 *
 * Real seed rows (002: KF 1.1 indicators and the driftbudget) give several owned sheets, charts,
 * formulas and flags.
 */
import { runGenerate } from "../../../src/app/run";
import { a1 } from "../../../src/engine/grid";
import { STATE_SHEET } from "../../../src/engine/report/spec";
import { isMalkollRuleOrLeftover } from "../../../src/ports/office/flags";
import { isScratchSheet } from "../../../src/ports/office/journal";
import type { FakeSheetInit, FakeWorkbook } from "../../helpers/fakeExcel";
import { contextFor, createFakeExcel, FakeSheet, FakeWorkbook as Workbook } from "../../helpers/fakeExcel";
import { seedAtLines } from "../../helpers/seedAtLines";
import { NOW, stateOf, webPort } from "./support";

function seedSheets(): FakeSheetInit[] {
  return [
    seedAtLines("002-t2-kf-1.1.txt", "Uppföljning"),
    seedAtLines("002-t2-driftbudget.txt", "Ekonomi"),
  ].map((grid) => ({ name: grid.name, origin: a1(grid.originRow, grid.originCol), values: grid.values }));
}

function cloneWorkbook(source: FakeWorkbook): FakeWorkbook {
  const copy = new Workbook(source.name);
  for (const sheet of source.sheets) {
    const twin = new FakeSheet(sheet.name);
    twin.visibility = sheet.visibility;
    for (const [key, cell] of sheet.cells) twin.cells.set(key, structuredClone(cell));
    twin.tables = structuredClone(sheet.tables);
    twin.rules = structuredClone(sheet.rules);
    twin.charts = [...sheet.charts];
    twin.frozenRows = sheet.frozenRows;
    twin.merges = [...sheet.merges];
    copy.sheets.push(twin);
  }
  return copy;
}

async function generate(workbook: FakeWorkbook): Promise<void> {
  const { context } = contextFor(workbook);
  await runGenerate(webPort(context), { host: "excel", now: NOW });
}

/** `_malkoll` and scratch sheets: Målkoll's own, never the user's. */
const malkollOwn = (name: string): boolean => name === STATE_SHEET || isScratchSheet(name);

/** Every sheet a user sees: its cells and its non-Målkoll rules; and the owned records of `_malkoll`. */
function picture(workbook: FakeWorkbook): string {
  const sheets = workbook.sheets
    .filter((s) => s.visibility !== "VeryHidden" && !malkollOwn(s.name))
    .map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells].sort(([a], [b]) => a.localeCompare(b)),
      rules: s.rules.filter((r) => !isMalkollRuleOrLeftover(r.type, r.formula)),
      charts: s.charts.length,
    }));
  const owned = stateOf(workbook).owned;
  return JSON.stringify({ sheets, owned });
}

/** Målkoll's flags: each sheet's marker rules as areas and formula, sorted. */
function flags(workbook: FakeWorkbook): string[] {
  return workbook.sheets
    .flatMap((s) =>
      s.rules
        .filter((r) => isMalkollRuleOrLeftover(r.type, r.formula))
        .map((r) => `${s.name}!${r.areas.join(",")} ${r.formula}`),
    )
    .sort();
}

function contentKeys(sheet: FakeSheet): string {
  return JSON.stringify([...sheet.cells].sort(([a], [b]) => a.localeCompare(b)));
}

interface Scenario {
  name: string;
  base: () => Promise<FakeWorkbook>;
}

const scenarios: Scenario[] = [
  {
    name: "a first run",
    base: async () => {
      const { workbook } = createFakeExcel({ sheets: seedSheets() });
      workbook.sheet("Uppföljning").rules.push({
        id: "användarens",
        type: "Custom",
        areas: ["C280:C290"],
        formula: "=C280>0,05",
        format: { "fill.color": "#00FF00" },
      });
      return workbook;
    },
  },
  {
    name: "a rerun over a hand-edited owned sheet",
    base: async () => {
      const { workbook } = createFakeExcel({ sheets: seedSheets() });
      await generate(workbook);
      // The user edits one generated sheet: the run renames it to keep the edit and writes a new one.
      workbook.sheet("Målkoll Avvikelser").ensure(0, 0).value = "Mina anteckningar";
      workbook.sheet("Uppföljning").rules.push({
        id: "användarens",
        type: "CellValue",
        areas: ["D280"],
        formula: null,
        format: {},
      });
      return workbook;
    },
  },
];

/**
 * N values to stop a request after: every one for small requests (the swap) and for the first 24
 * actions of a large one (where the lease is written and scratch sheets added), a spread after that.
 */
function cutPoints(actions: number): number[] {
  if (actions <= 80) return Array.from({ length: actions + 1 }, (_, i) => i);
  const first = Array.from({ length: 25 }, (_, i) => i);
  return [...new Set([...first, Math.floor(actions / 2), actions - 2, actions - 1, actions])];
}

/**
 * Each of these runs a generate cut at every request of a reference run (hundreds of runs): about
 * 10–25 s alone, but two to five times that beside CI's other suites (a Chromium one among them),
 * past jest's 60 s default. A generous bound for an exhaustive test, not a measure of speed.
 */
const EXHAUSTIVE_MS = 240_000;

describe.each(scenarios)("a generate interrupted at every request: $name", ({ base }) => {
  let before: FakeWorkbook;
  let reference: { picture: string; flags: string[]; syncs: string[][]; swapSync: number };
  /** A second clean run after the first: what a rerun after a committed interruption gives. */
  let second: { picture: string; flags: string[] };

  beforeAll(async () => {
    before = await base();
    const clean = cloneWorkbook(before);
    const { context, fake } = contextFor(clean);
    await runGenerate(webPort(context), { host: "excel", now: NOW });
    // The swap: the request that renames sheets (scratch names to final ones).
    const swapSync = fake.syncs.findIndex((s) => s.actions.some((a) => /^worksheet\([^)]*\)\.name$/.test(a)));
    reference = {
      picture: picture(clean),
      flags: flags(clean),
      syncs: fake.syncs.map((s) => s.actions),
      swapSync,
    };
    await generate(clean);
    second = { picture: picture(clean), flags: flags(clean) };
    expect(swapSync).toBeGreaterThan(3);
    expect(reference.flags.length).toBeGreaterThan(0);
    expect(reference.picture).not.toBe(picture(before));
  });

  it(
    "stays consistent, is repaired by the next read and a rerun gives the uninterrupted result",
    async () => {
      const oldPicture = picture(before);
      // `_malkoll` is Målkoll's own: what it says is checked through the state it decodes to.
      const oldSheets = before.sheets.filter((s) => s.name !== STATE_SHEET).map(contentKeys);
      const userSheets = before.sheets.filter(
        (s) => s.name !== STATE_SHEET && !stateOf(before).owned.some((o) => o.name === s.name),
      );
      let cases = 0;
      for (const [sync, sent] of reference.syncs.entries()) {
        const actions = sent.length;
        for (const after of cutPoints(actions)) {
          cases++;
          const workbook = cloneWorkbook(before);
          const { context, fake } = contextFor(workbook);
          fake.failSync(sync, { code: "GeneralException", afterActions: after, dead: true });
          const failed = await runGenerate(webPort(context), { host: "excel", now: NOW }).then(
            () => false,
            () => true,
          );
          const where = `sync ${sync} after ${after} of ${actions} actions`;
          expect({ where, failed }).toEqual({ where, failed: true });

          // Right away.
          for (const user of userSheets) {
            const now = workbook.find(user.name);
            expect({
              where,
              sheet: user.name,
              same: !!now && contentKeys(now) === contentKeys(user),
            }).toEqual({
              where,
              sheet: user.name,
              same: true,
            });
            expect(
              (now as FakeSheet).rules.filter((r) => !isMalkollRuleOrLeftover(r.type, r.formula)),
            ).toEqual(user.rules.filter((r) => !isMalkollRuleOrLeftover(r.type, r.formula)));
          }
          const nowContents = new Set(workbook.sheets.map(contentKeys));
          expect({ where, lost: oldSheets.filter((c) => !nowContents.has(c)).length }).toEqual({
            where,
            lost: 0,
          });
          // A sheet of Målkoll's own shows only in the instant between its `add` and its hiding,
          // empty; and one is merely hidden (Excel deletes no very hidden sheet) only in the
          // instant between that and its delete.
          const ownWith = (visibility: string) =>
            workbook.sheets.filter((s) => malkollOwn(s.name) && s.visibility === visibility);
          const justAdded = after > 0 && sent[after - 1].startsWith("worksheets.add(_malkoll");
          const justUnhidden =
            after > 0 &&
            after < actions &&
            sent[after].endsWith(".delete()") &&
            sent[after - 1] === sent[after].replace(/\.delete\(\)$/, ".visibility");
          expect({ where, shown: ownWith("Visible").length }).toEqual({ where, shown: justAdded ? 1 : 0 });
          for (const sheet of ownWith("Visible")) expect(sheet.cells.size).toBe(0);
          expect({ where, hidden: ownWith("Hidden").length }).toEqual({
            where,
            hidden: justUnhidden ? 1 : 0,
          });
          const owned = JSON.stringify(stateOf(workbook).owned);
          expect([
            JSON.stringify(stateOf(before).owned),
            JSON.parse(reference.picture).owned && JSON.stringify(JSON.parse(reference.picture).owned),
          ]).toContain(owned);
          const inSwap = sync === reference.swapSync && after > 0 && after < actions;
          if (!inSwap)
            expect({ where, picture: [oldPicture, reference.picture].includes(picture(workbook)) }).toEqual({
              where,
              picture: true,
            });

          // The next read undoes what the stopped run left.
          const next = contextFor(workbook);
          await webPort(next.context).read();
          expect({
            where,
            scratch: workbook.sheets.filter((s) => isScratchSheet(s.name)).map((s) => s.name),
          }).toEqual({ where, scratch: [] });
          expect({ where, picture: [oldPicture, reference.picture].includes(picture(workbook)) }).toEqual({
            where,
            picture: true,
          });

          // A rerun gives what uninterrupted runs give: one, if the stopped run was undone; two, if it
          // had committed (its findings about a hand edit are not repeated by the second).
          const committed = picture(workbook) === reference.picture;
          await generate(workbook);
          const expected = committed ? second : reference;
          expect({ where, picture: picture(workbook) === expected.picture }).toEqual({
            where,
            picture: true,
          });
          expect(flags(workbook)).toEqual(expected.flags);
        }
      }
      expect(cases).toBeGreaterThan(reference.syncs.length * 3);
    },
    EXHAUSTIVE_MS,
  );

  it(
    "with the connection still there, says truthfully what changed and leaves no scratch sheet",
    async () => {
      for (const [sync, sent] of reference.syncs.entries()) {
        const actions = sent.length;
        if (sync < 3) continue; // the reads: nothing written yet
        for (const after of [0, Math.floor(actions / 2), actions]) {
          const workbook = cloneWorkbook(before);
          const { context, fake } = contextFor(workbook);
          fake.failSync(sync, { code: "GeneralException", afterActions: after });
          const error = (await runGenerate(webPort(context), { host: "excel", now: NOW }).catch(
            (e: unknown) => e,
          )) as Error;
          const where = `sync ${sync} after ${after} of ${actions}`;
          const result = picture(workbook);
          expect({ where, consistent: [picture(before), reference.picture].includes(result) }).toEqual({
            where,
            consistent: true,
          });
          expect({ where, scratch: workbook.sheets.filter((s) => isScratchSheet(s.name)).length }).toEqual({
            where,
            scratch: 0,
          });
          const message = error.message;
          if (result === picture(before))
            expect({ where, message }).toEqual({
              where,
              message: expect.stringMatching(/Inget i arbetsboken ändrades|tidigare blad är återställda/),
            });
          else
            expect({ where, message }).toEqual({
              where,
              message: expect.stringMatching(/De nya tabellerna är på plats/),
            });
        }
      }
    },
    EXHAUSTIVE_MS,
  );
});
