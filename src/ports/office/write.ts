/**
 * The write order, chosen so that a run stopped at any request leaves a consistent workbook: the
 * user's sheets as they were, Målkoll's sheets all old or all new, `_malkoll` matching them.
 *
 * 1. checking (1 request): sheet list, workbook protection, the `_malkoll` rows, the date system
 *    (dates are written as the workbook counts them, dateSystem.ts). Refuse when the
 *    structure is protected, when a user's sheet is named `_malkoll` in another case, when the
 *    state's `revision` moved since this port read it (a colleague's run) or another run holds a
 *    live lease.
 * 2. building (1 + one per 4 MB): a lease row in `_malkoll` with the run's journal; each new sheet
 *    built very hidden under a scratch name; a heartbeat in the lease with every request. The last
 *    request reads the lease and sheet names back. Cancelling until here deletes what was built.
 * 3. committing (1 request, plus the rewrite of any sheet the user's formulas refer to): hand-edited
 *    sheets renamed, old sheets parked, new ones named and shown, then the new state rows written
 *    in one assignment (the lease goes with it), parked sheets deleted, panes frozen, and every
 *    sheet's rules loaded. A stop inside this request is undone by the next read (journal.ts).
 * 4. finishing (1 + payload): Målkoll's old rules deleted per sheet, new flags added.
 *
 * A sheet that the user's own formulas refer to is rewritten in place instead of swapped, so those
 * formulas keep working (a deleted sheet would turn them into #REF!); that rewrite is not atomic.
 */
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../engine/grid";
import { STATE_SHEET } from "../../engine/report/spec";
import type { RevisionRecord } from "../../engine/state";
import { decodeState } from "../../engine/state";
import type { SheetWrite, WriteOptions, WritePhase, WritePlan } from "../port";
import type { Batch, Unit } from "./batch";
import { ACTION_BYTES, actionBytes, jsonBytes } from "./batch";
import { needsTextFormat } from "./cells";
import { DATE_SYSTEM_PROBE_BYTES, queueDateSystemProbe } from "./dateSystem";
import type { RunOrigin } from "./errors";
import {
  HostError,
  OUTCOME,
  abortError,
  busyError,
  concurrentChangeError,
  isAbortError,
  protectedSheetError,
  protectedWorkbookError,
  stateSheetLookalikeError,
  toHostError,
  withOutcome,
} from "./errors";
import type { RuleScan } from "./flags";
import { RULE_SCAN_BYTES_PER_RULE, flagUnits, queueRuleScans, ruleDeletionUnits } from "./flags";
import type { HostInfo, IsSetSupported } from "./host";
import { platformName } from "./host";
import type { Journal, Lease } from "./journal";
import {
  SCRATCH_PREFIX,
  findLease,
  isScratchSheet,
  leaseIsLive,
  leaseRow,
  newRunId,
  runEnded,
} from "./journal";
import { rowsFromA1 } from "./read";
import { DELETE_ACTIONS, deleteSheet } from "./deleteSheet";
import { recoverNow } from "./recover";
import type { SpecWork } from "./sheetWriter";
import { specWork } from "./sheetWriter";

/** What the port's last read saw; null when this port did not read first. */
export interface SeenState {
  stateExisted: boolean;
  revision: number;
  snapshot: WorkbookSnapshot;
}

export interface WriteEnv {
  context: Excel.RequestContext;
  batch: Batch;
  /** Request bytes per sync. */
  limit: number;
  isSetSupported: IsSetSupported;
  hostInfo: HostInfo;
  now: () => Date;
  seen: SeenState | null;
  options: WriteOptions;
  /** Look for Målkoll's rules on every sheet and remove them (generate, clear flags). */
  scanFlags: boolean;
}

interface Target {
  write: SheetWrite;
  /** Scratch name it is built under; null when rewritten in place. */
  temp: string | null;
  /** Scratch name the old sheet of the same name is parked under during the swap. */
  parked: string | null;
  sheet: Excel.Worksheet | null;
  work: SpecWork | null;
}

const lower = (name: string): string => name.toLowerCase();

function stateGrid(rows: CellValue[][]): SheetGrid {
  return { name: STATE_SHEET, visibility: "veryHidden", originRow: 1, originCol: 1, values: rows };
}

function origin(revision: RevisionRecord | undefined): RunOrigin | null {
  if (!revision) return null;
  return {
    at: revision.at,
    host: revision.host,
    platformSv: platformName(revision.platform, "sv"),
    platformEn: platformName(revision.platform, "en"),
  };
}

function leaseOrigin(lease: Lease): RunOrigin {
  return {
    at: lease.at,
    host: lease.host,
    platformSv: platformName(lease.platform, "sv"),
    platformEn: platformName(lease.platform, "en"),
  };
}

/** The names of `candidates` that a formula on another sheet of the snapshot refers to. */
export function referencedByFormulas(
  snapshot: WorkbookSnapshot | undefined,
  candidates: string[],
): Set<string> {
  const found = new Set<string>();
  if (!snapshot) return found;
  const wanted = candidates.map((name) => ({
    name,
    quoted: `'${lower(name).replace(/'/g, "''")}'!`,
    plain: /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? `${lower(name)}!` : null,
  }));
  for (const sheet of snapshot.sheets) {
    if (sheet.name === STATE_SHEET || candidates.some((c) => lower(c) === lower(sheet.name))) continue;
    for (const row of sheet.formulas ?? [])
      for (const formula of row) {
        if (!formula) continue;
        const text = lower(formula);
        for (const w of wanted)
          if (text.includes(w.quoted) || (w.plain && text.includes(w.plain))) found.add(lower(w.name));
      }
  }
  return found;
}

/** The state rows with this run's revision row in place of any earlier one. */
function withRevision(rows: CellValue[][], revision: RevisionRecord): CellValue[][] {
  const row: CellValue[] = ["revision", revision.number, revision.at, revision.host, revision.platform];
  const rest = rows.filter((r) => r[0] !== "revision");
  const at = rest[0]?.[0] === "malkoll" ? 1 : 0;
  return [...rest.slice(0, at), row, ...rest.slice(at)];
}

/** The grid written over `_malkoll` from A1: the new rows, blanks over whatever was there before. */
function commitGrid(
  rows: CellValue[][],
  oldRows: number,
  oldCols: number,
): { values: CellValue[][]; formats: string[][] } {
  const height = Math.max(rows.length, oldRows, 1);
  const width = Math.max(oldCols, 6, ...rows.map((r) => r.length));
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < height; r++) {
    const valueRow: CellValue[] = [];
    const formatRow: string[] = [];
    for (let c = 0; c < width; c++) {
      const value = rows[r]?.[c] ?? null;
      valueRow.push(value === null ? "" : value);
      formatRow.push(typeof value === "string" && needsTextFormat(value) ? "@" : "General");
    }
    values.push(valueRow);
    formats.push(formatRow);
  }
  return { values, formats };
}

export async function writePlan(env: WriteEnv, plan: WritePlan): Promise<RevisionRecord> {
  const { context, batch, options } = env;
  let phase: WritePhase = "checking";
  const enter = (next: WritePhase): void => {
    phase = next;
    options.onPhase?.(next);
  };
  const checkAbort = (): void => {
    if (options.signal?.aborted) throw abortError();
  };
  const runId = newRunId();
  let leaseWritten = false;
  let buildStarted = false;
  let inPlaceStarted = false;
  let committedRevision = -1;
  enter("checking");
  try {
    const result = await run();
    enter("done");
    return result;
  } catch (err) {
    batch.beforeRequest = null;
    runEnded(runId);
    if (phase === "checking")
      throw isAbortError(err) || err instanceof HostError
        ? err
        : withOutcome(toHostError(err), OUTCOME.nothingChanged);
    if (phase === "building") {
      const cleaned = buildStarted
        ? await recoverNow(context, batch, env.now(), runId, committedRevision).then(
            () => true,
            () => false,
          )
        : true;
      if (isAbortError(err) || (err instanceof HostError && err.kind === "concurrent")) throw err;
      throw withOutcome(toHostError(err), cleaned ? OUTCOME.nothingChanged : OUTCOME.nothingChangedLeftovers);
    }
    if (phase === "committing") {
      const recovered = await recoverNow(context, batch, env.now(), runId, committedRevision).catch(
        () => null,
      );
      const cause = toHostError(err);
      const inPlace = inPlaceStarted
        ? {
            sv: "Blad som dina formler hänvisar till skrevs om på plats och kan vara halvfärdiga tills du kör Skapa tabeller igen.",
            en: "Sheets your formulas refer to were rewritten in place and may be half-written until you run Create tables again.",
          }
        : undefined;
      if (recovered === "committed") throw withOutcome(cause, OUTCOME.tablesDoneFlagsNot);
      throw withOutcome(
        cause,
        recovered === "rolled-back" ? OUTCOME.rolledBack : OUTCOME.swapInterrupted,
        inPlace,
      );
    }
    throw withOutcome(toHostError(err), OUTCOME.tablesDoneFlagsNot);
  } finally {
    runEnded(runId);
  }

  async function run(): Promise<RevisionRecord> {
    // ---- checking -------------------------------------------------------------------------
    const worksheets = context.workbook.worksheets;
    const protection = context.workbook.protection;
    // `_malkoll` is loaded with the sheet list when the read saw it; when it did not (or there was
    // no read) and it is there now, in one more request.
    const sawState = env.seen?.stateExisted ?? null;
    const inPlaceNames = referencedByFormulas(
      env.seen?.snapshot,
      plan.sheets.filter((s) => s.replaces).map((s) => s.name),
    );
    let stateRange: Excel.Range | null = null;
    let inPlaceCharts: Excel.ChartCollection[] = [];
    const loadState = (): void => {
      stateRange = worksheets.getItem(STATE_SHEET).getUsedRangeOrNullObject();
      stateRange.load("address,values");
    };
    let is1904 = (): boolean => false;
    await batch.alone({
      request: 6 * ACTION_BYTES,
      response: 256 * 1024 + DATE_SYSTEM_PROBE_BYTES,
      queue() {
        worksheets.load("items/name,items/visibility,items/position,items/protection/protected");
        protection.load("protected");
        is1904 = queueDateSystemProbe(context.workbook);
        if (sawState) loadState();
        inPlaceCharts = plan.sheets
          .filter((s) => inPlaceNames.has(lower(s.name)))
          .map((s) => {
            const charts = worksheets.getItem(s.name).charts;
            charts.load("items/name");
            return charts;
          });
      },
    });
    if (protection.protected) throw protectedWorkbookError();
    const date1904 = is1904();
    const lookalike = worksheets.items.find(
      (w) => w.name !== STATE_SHEET && lower(w.name) === lower(STATE_SHEET),
    );
    if (lookalike) throw stateSheetLookalikeError(lookalike.name, STATE_SHEET);
    const stateExists = worksheets.items.some((w) => w.name === STATE_SHEET);
    if (stateExists && !sawState)
      await batch.alone({ request: 2 * ACTION_BYTES, response: 256 * 1024, queue: loadState });
    const loadedState = stateRange as Excel.Range | null;
    const stateRows =
      loadedState && !loadedState.isNullObject ? rowsFromA1(loadedState.address, loadedState.values) : [];
    const stateNow = decodeState(stateGrid(stateRows));
    const revisionNow = stateNow.revision?.number ?? 0;
    if (env.seen && (env.seen.revision !== revisionNow || env.seen.stateExisted !== stateExists))
      throw concurrentChangeError(origin(stateNow.revision));
    const existingLease = findLease(stateRows);
    if (existingLease && leaseIsLive(existingLease.lease, env.now()))
      throw busyError(leaseOrigin(existingLease.lease));

    const byName = new Map<string, Excel.Worksheet>();
    const positions = new Map<string, number>();
    const visible = new Map<string, boolean>();
    // Excel refuses to add or delete conditional formats on a protected sheet: the run is refused
    // below if the plan would, and the rule scans pass over such sheets (their old rules stay).
    const protectedNow = new Set<Excel.Worksheet>();
    for (const worksheet of worksheets.items) {
      if (worksheet.protection.protected) protectedNow.add(worksheet);
      byName.set(lower(worksheet.name), worksheet);
      positions.set(lower(worksheet.name), worksheet.position);
      visible.set(lower(worksheet.name), worksheet.visibility === "Visible");
    }
    const after = new Map(byName);
    for (const rename of plan.renames) {
      const worksheet = after.get(lower(rename.from));
      if (!worksheet) continue;
      after.delete(lower(rename.from));
      after.set(lower(rename.to), worksheet);
    }
    for (const sheet of plan.sheets) {
      if (after.has(lower(sheet.name)) && !sheet.replaces)
        throw new HostError(
          "internal",
          `Målkoll avbröt: bladet "${sheet.name}" finns redan och är inte Målkolls. Inget har ändrats. Rapportera felet.`,
          `Målkoll stopped: the sheet "${sheet.name}" already exists and is not Målkoll's. Nothing was changed. Please report this.`,
          null,
          `write plan targets existing sheet ${sheet.name} without replaces`,
        );
    }

    // A protected sheet refuses what the run would change on it: ask for a new read (its plan then
    // leaves the sheet alone) or, for Målkoll's own sheet rewritten in place, to unprotect it.
    const isProtectedNow = (name: string): boolean => {
      const worksheet = after.get(lower(name));
      return worksheet !== undefined && protectedNow.has(worksheet);
    };
    const rewrittenInPlace = plan.sheets.find(
      (s) => s.replaces && inPlaceNames.has(lower(s.name)) && isProtectedNow(s.name),
    );
    if (rewrittenInPlace) throw protectedSheetError(rewrittenInPlace.name, true);
    const flaggedNow = [...plan.flags.map((f) => f.sheet), ...plan.clearFlags.map((r) => r.sheet)].find(
      isProtectedNow,
    );
    if (flaggedNow) throw protectedSheetError(flaggedNow, false);

    const targets: Target[] = plan.sheets.map((write, i) => {
      const inPlace = write.replaces && inPlaceNames.has(lower(write.name));
      return {
        write,
        temp: inPlace ? null : `${SCRATCH_PREFIX}${runId}~${i + 1}`,
        parked: !inPlace && write.replaces ? `${SCRATCH_PREFIX}${runId}~o${i + 1}` : null,
        sheet: inPlace ? ((after.get(lower(write.name)) as Excel.Worksheet) ?? null) : null,
        work: null,
      };
    });
    const swapped = targets.filter((t) => t.temp !== null);
    const journal: Journal = {
      builds: swapped.map((t) => ({ temp: t.temp as string, final: t.write.name })),
      parked: swapped
        .filter((t) => t.parked)
        .map((t) => ({
          final: t.write.name,
          parked: t.parked as string,
          visible: visible.get(lower(t.write.name)) ?? true,
        })),
      renames: plan.renames,
    };
    const hostLabel = [env.hostInfo.host, env.hostInfo.version].filter(Boolean).join(" ");
    const leaseRowIndex = existingLease?.row ?? stateRows.length;
    const oldWidth = stateRows.reduce((w, r) => Math.max(w, r.length), 0);
    const revision: RevisionRecord = {
      number: revisionNow + 1,
      at: env.now().toISOString(),
      host: hostLabel,
      platform: env.hostInfo.platform,
    };
    committedRevision = revision.number;
    const commit = commitGrid(
      withRevision(plan.state, revision),
      Math.max(stateRows.length, leaseRowIndex + 1),
      oldWidth,
    );
    checkAbort();

    // ---- building ---------------------------------------------------------------------------
    let stateSheet: Excel.Worksheet | null = byName.get(lower(STATE_SHEET)) ?? null;
    if (swapped.length > 0) {
      enter("building");
      const lease = (): Lease => ({
        runId,
        at: env.now().toISOString(),
        host: hostLabel,
        platform: env.hostInfo.platform,
        journal,
      });
      batch.beforeRequest = () => {
        checkAbort();
        if (!leaseWritten || !stateSheet) return null;
        const sheet = stateSheet;
        return {
          request: actionBytes(lease().at),
          queue: () => {
            sheet.getRangeByIndexes(leaseRowIndex, 2, 1, 1).values = [[lease().at]];
          },
        };
      };
      buildStarted = true;
      await batch.add({
        request: actionBytes(leaseRow(lease())) + (4 + 3 * swapped.length) * ACTION_BYTES,
        queue() {
          if (!stateExists) {
            stateSheet = worksheets.add(STATE_SHEET);
            stateSheet.visibility = "VeryHidden";
          }
          const row = (stateSheet as Excel.Worksheet).getRangeByIndexes(leaseRowIndex, 0, 1, 6);
          row.numberFormat = [["@", "@", "@", "@", "@", "@"]];
          row.values = [leaseRow(lease()) as string[]];
          for (const target of swapped) {
            target.sheet = worksheets.add(target.temp as string);
            target.sheet.visibility = "VeryHidden";
          }
        },
        done() {
          leaseWritten = true;
        },
      });
      for (const target of swapped) {
        target.work = specWork(
          () => target.sheet as Excel.Worksheet,
          target.write.spec,
          env.limit,
          env.isSetSupported,
          date1904,
        );
        for (const unit of target.work.units) await batch.add(unit);
      }
      // Read back what a colleague may have changed meanwhile, with the last build request.
      const check = { names: worksheets, state: null as Excel.Range | null };
      await batch.add({
        request: 3 * ACTION_BYTES,
        response: 256 * 1024,
        queue() {
          check.names.load("items/name");
          check.state = (stateSheet as Excel.Worksheet).getUsedRangeOrNullObject();
          check.state.load("address,values");
        },
      });
      await batch.flush();
      batch.beforeRequest = null;
      const rowsNow =
        check.state && !check.state.isNullObject ? rowsFromA1(check.state.address, check.state.values) : [];
      const leaseNow = findLease(rowsNow);
      const stateThen = decodeState(stateGrid(rowsNow));
      if (leaseNow?.lease.runId !== runId || (stateThen.revision?.number ?? 0) !== revisionNow)
        throw concurrentChangeError(origin(stateThen.revision));
      const namesNow = new Set(worksheets.items.map((w) => lower(w.name)));
      const renamedAway = new Set(plan.renames.map((r) => lower(r.from)));
      const clash =
        plan.renames.some((r) => namesNow.has(lower(r.to))) ||
        swapped.some(
          (t) =>
            !t.write.replaces && namesNow.has(lower(t.write.name)) && !renamedAway.has(lower(t.write.name)),
        );
      if (clash) throw concurrentChangeError(origin(stateThen.revision));
      checkAbort();
    }

    // ---- committing -------------------------------------------------------------------------
    enter("committing");
    const inPlaceTargets = targets.filter((t) => t.temp === null);
    for (const [i, target] of inPlaceTargets.entries()) {
      inPlaceStarted = true;
      const worksheet = target.sheet as Excel.Worksheet;
      const charts = inPlaceCharts[i];
      const wasVisible = visible.get(lower(target.write.name)) ?? true;
      await batch.add({
        request: (8 + charts.items.length) * ACTION_BYTES,
        queue() {
          const all = worksheet.getRange();
          all.conditionalFormats.clearAll();
          all.unmerge();
          all.clear("All");
          // The old sheet's heights, widths and page breaks go too: the new one sets its own.
          all.format.useStandardHeight = true;
          all.format.useStandardWidth = true;
          if (env.isSetSupported("ExcelApi", "1.9")) worksheet.horizontalPageBreaks.removePageBreaks();
          // unfreeze() throws on a hidden sheet in some builds (OfficeDev/office-js#1463).
          if (wasVisible) worksheet.freezePanes.unfreeze();
          for (const chart of charts.items) chart.delete();
        },
      });
      target.work = specWork(() => worksheet, target.write.spec, env.limit, env.isSetSupported, date1904);
      for (const unit of target.work.units) await batch.add(unit);
    }
    await batch.flush();

    let scans: RuleScan[] = [];
    const flaggable = (): { name: string; worksheet: Excel.Worksheet }[] => {
      const owned = new Set(plan.sheets.map((s) => lower(s.name)));
      return [...after.entries()]
        .filter(
          ([name, worksheet]) =>
            !owned.has(name) &&
            name !== lower(STATE_SHEET) &&
            !isScratchSheet(name) &&
            !protectedNow.has(worksheet),
        )
        .map(([name, worksheet]) => ({ name, worksheet }));
    };
    const swap: Unit = {
      request:
        jsonBytes(commit.values) +
        jsonBytes(commit.formats) +
        (plan.renames.length * 2 + swapped.length * (5 + DELETE_ACTIONS) + after.size * 2 + 4) * ACTION_BYTES,
      response: env.scanFlags ? after.size * 20 * RULE_SCAN_BYTES_PER_RULE : 0,
      queue() {
        for (const rename of plan.renames) {
          const worksheet = byName.get(lower(rename.from));
          if (worksheet) worksheet.name = rename.to;
        }
        const parked: Excel.Worksheet[] = [];
        // Sheets the user still sees while old ones are hidden: theirs, and owned ones not replaced.
        let othersVisible = [...visible.entries()].filter(
          ([name, shown]) => shown && !swapped.some((t) => t.parked && lower(t.write.name) === name),
        ).length;
        // Replaced sheets in the order they stand, each new one put where its old one is; every
        // earlier insertion moved the later old sheets one place on. New names go last.
        const oldPosition = (t: Target): number =>
          t.parked ? (positions.get(lower(t.write.name)) ?? Infinity) : Infinity;
        let inserted = 0;
        for (const target of [...swapped].sort((a, b) => oldPosition(a) - oldPosition(b))) {
          const sheet = target.sheet as Excel.Worksheet;
          const old = target.parked ? byName.get(lower(target.write.name)) : undefined;
          // The old sheet is hidden before it takes its scratch name, so no scratch name is ever
          // shown; only when it is the last visible sheet is it hidden after the new one shows.
          const hideFirst = !!old && othersVisible > 0;
          if (old && hideFirst) old.visibility = "VeryHidden";
          if (old) old.name = target.parked as string;
          sheet.name = target.write.name;
          sheet.visibility = "Visible";
          othersVisible++;
          const position = positions.get(lower(target.write.name));
          if (old && position !== undefined) sheet.position = position + inserted++;
          if (old && !hideFirst) old.visibility = "VeryHidden";
          if (old) parked.push(old);
        }
        if (!stateSheet) {
          stateSheet = worksheets.add(STATE_SHEET);
          stateSheet.visibility = "VeryHidden";
        }
        const stateArea = stateSheet.getRangeByIndexes(0, 0, commit.values.length, commit.values[0].length);
        // Text stays text (formats leave the old values as they are) ...
        stateArea.numberFormat = commit.formats;
        // ... and the commit: the new state rows, without the lease, in one assignment.
        stateArea.values = commit.values as (string | number | boolean)[][];
        for (const old of parked) deleteSheet(old);
        for (const target of targets) target.work?.finish(target.sheet as Excel.Worksheet);
        scans = env.scanFlags ? queueRuleScans(flaggable()) : [];
      },
    };
    await batch.alone(swap);

    // ---- finishing --------------------------------------------------------------------------
    enter("finishing");
    for (const unit of ruleDeletionUnits(scans)) await batch.add(unit);
    const owned = new Set(plan.sheets.map((s) => lower(s.name)));
    // No flag is planned for a sheet protected now: the check refused the run above.
    const flagSheets = (name: string): Excel.Worksheet | undefined =>
      owned.has(lower(name)) || isScratchSheet(name) ? undefined : after.get(lower(name));
    for (const unit of flagUnits(plan.flags, flagSheets)) await batch.add(unit);
    await batch.flush();
    return revision;
  }
}
