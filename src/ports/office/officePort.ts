/**
 * The Office.js workbook port: reads sheets as plain grids and carries out write plans, batched by
 * the bytes each request sends and each response brings back (batch.ts).
 *
 * Cost in `context.sync()` calls (what tests/ports/office measure), for a usual workbook:
 * - read(): 3 (sheet list and date system; shapes, tables, protection and merges (ExcelApi 1.13);
 *   state and cells), +1 when a sheet is longer than the first chunk's 200 rows, + 1 per 4 MB of
 *   cells read, about 2 + 2·log2(sheets) when Excel refuses a user's sheet's merged areas (more
 *   than 512; merges.ts; Målkoll's own sheets are not asked); +1 for a user's sheet named as a
 *   report sheet (`Målkoll Indikatorer`) when no sheet is longer than 200 rows (read.ts); +1 and a
 *   second read when an interrupted write has to be undone first (journal.ts).
 * - write() with sheets: 1 check + 1 per 4 MB of new sheets (the first also writes the lease and adds
 *   the sheets, the last reads the lease back) + 1 swap + 1 flags. Without new sheets (settings,
 *   clearing flags): 1 check + 1 commit (+ 1 when flags are removed).
 * - select(): 1.
 * No domain logic lives here: layout comes from the SheetSpec and look.ts, names from the plan.
 * The module map: read.ts (reading), write.ts (write order), journal.ts + recover.ts (interrupted
 * writes), sheetWriter.ts / cells.ts / styles.ts / dimensions.ts / chart.ts / pageLayout.ts (one
 * generated sheet, in the look of look.ts and the page the report stage planned), flags.ts (flags),
 * selfTest.ts (the probes behind "Testa mot Excel").
 */
import type { CellValue, WorkbookSnapshot } from "../../engine/grid";
import { STATE_SHEET } from "../../engine/report/spec";
import type { FlagRecord } from "../../engine/state";
import { decodeState } from "../../engine/state";
import type { WorkbookPort, WriteOptions, WritePlan } from "../port";
import { SheetHiddenError } from "../port";
import type { PortRunStats } from "./batch";
import { Batch, PAYLOAD_SYNC_BYTES } from "./batch";
import { fromExcel, isAbortError } from "./errors";
import type { HostInfo, IsSetSupported } from "./host";
import { officeHostInfo, officeIsSetSupported } from "./host";
import { readWorkbook } from "./read";
import { applyRecovery, recoveryFor } from "./recover";
import type { SeenState } from "./write";
import { writePlan } from "./write";

export type { PortRunStats } from "./batch";
export { ACTION_BYTES, PAYLOAD_SYNC_BYTES, actionBytes } from "./batch";
export { needsTextFormat } from "./cells";
export { FLAG_RULE_MARK, flagRuleFormula, isMalkollRule } from "./flags";
export { widthToPoints } from "./dimensions";
export { addressWithoutSheet } from "./read";

export interface OfficePortOptions {
  /** Request bytes per sync; default PAYLOAD_SYNC_BYTES. */
  payloadSyncBytes?: number;
  /** Response bytes per sync; default PAYLOAD_SYNC_BYTES. */
  responseBytes?: number;
  /** Which API sets the host has; default `Office.context.requirements.isSetSupported`. */
  isSetSupported?: IsSetSupported;
  /** Host, platform and version recorded with each write; default `Office.context.diagnostics`. */
  hostInfo?: HostInfo;
  /** The clock (lease heartbeats, the run record). */
  now?: () => Date;
}

export class OfficePort implements WorkbookPort {
  private readonly payloadSyncBytes: number;
  private readonly responseBytes: number;
  private readonly isSetSupported: IsSetSupported;
  private readonly hostInfo: HostInfo;
  private readonly now: () => Date;
  /** What the last read saw, to notice a colleague's run before writing. */
  private seen: SeenState | null = null;
  lastRun: PortRunStats = { syncs: 0, requestBytes: [], responseBytes: [], retries: 0 };

  constructor(
    private readonly context: Excel.RequestContext,
    options: OfficePortOptions = {},
  ) {
    this.payloadSyncBytes = options.payloadSyncBytes ?? PAYLOAD_SYNC_BYTES;
    this.responseBytes = options.responseBytes ?? PAYLOAD_SYNC_BYTES;
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported;
    this.hostInfo = options.hostInfo ?? officeHostInfo();
    this.now = options.now ?? (() => new Date());
  }

  async read(): Promise<WorkbookSnapshot> {
    return this.guard(async (batch) => {
      let result = await readWorkbook(this.context, batch, this.responseBytes, this.isSetSupported);
      const recovery = recoveryFor(result.sheets, result.stateRows, this.now());
      if (recovery) {
        const width = Math.max(6, result.stateRows?.[recovery.lease?.row ?? 0]?.length ?? 0);
        await applyRecovery(
          this.context,
          batch,
          recovery.steps,
          recovery.lease ? { row: recovery.lease.row, width } : null,
        );
        result = await readWorkbook(this.context, batch, this.responseBytes, this.isSetSupported);
      }
      this.seen = {
        stateExisted: result.sheets.some((s) => s.name === STATE_SHEET),
        revision: revisionOf(result.stateRows),
        snapshot: result.snapshot,
      };
      return result.snapshot;
    });
  }

  async write(plan: WritePlan, options: WriteOptions = {}): Promise<void> {
    const scanFlags = plan.sheets.length > 0 || plan.flags.length > 0 || plan.clearFlags.length > 0;
    return this.run(plan, options, scanFlags);
  }

  /** Removes every Målkoll rule on every sheet (the records only say how many there were) and writes the state. */
  async clearFlags(flags: FlagRecord[], state: CellValue[][]): Promise<void> {
    return this.run({ renames: [], sheets: [], flags: [], clearFlags: flags, state, findings: [] }, {}, true);
  }

  /**
   * One sync. Which error Excel gives for a hidden sheet is not documented, so a failure is followed
   * by a second request for the sheet's visibility: hidden, it is a SheetHiddenError.
   */
  async select(sheet: string, cell: string): Promise<void> {
    return this.guard(async (batch) => {
      try {
        await batch.alone({
          request: 600,
          queue: () => {
            const worksheet = this.context.workbook.worksheets.getItem(sheet);
            worksheet.activate();
            worksheet.getRange(cell).select();
          },
        });
      } catch (err) {
        if (isAbortError(err)) throw err;
        const hiddenAs = await this.hiddenAs(batch, sheet).catch(() => null);
        throw hiddenAs ? new SheetHiddenError(sheet, hiddenAs) : err;
      }
    });
  }

  /** How the sheet is hidden, or null when it is visible or missing. */
  private async hiddenAs(batch: Batch, name: string): Promise<"hidden" | "veryHidden" | null> {
    let worksheet: Excel.Worksheet | null = null;
    await batch.alone({
      request: 200,
      response: 100,
      queue: () => {
        worksheet = this.context.workbook.worksheets.getItemOrNullObject(name);
        worksheet.load("visibility");
      },
    });
    const found = worksheet as Excel.Worksheet | null;
    if (!found || found.isNullObject) return null;
    return found.visibility === "Hidden" ? "hidden" : found.visibility === "VeryHidden" ? "veryHidden" : null;
  }

  private async run(plan: WritePlan, options: WriteOptions, scanFlags: boolean): Promise<void> {
    await this.guard(async (batch) => {
      const revision = await writePlan(
        {
          context: this.context,
          batch,
          limit: this.payloadSyncBytes,
          isSetSupported: this.isSetSupported,
          hostInfo: this.hostInfo,
          now: this.now,
          seen: this.seen,
          options,
          scanFlags,
        },
        plan,
      );
      if (this.seen) this.seen = { ...this.seen, stateExisted: true, revision: revision.number };
    });
  }

  private async guard<T>(work: (batch: Batch) => Promise<T>): Promise<T> {
    const batch = new Batch(this.context, { request: this.payloadSyncBytes, response: this.responseBytes });
    try {
      return await work(batch);
    } catch (err) {
      throw fromExcel(err);
    } finally {
      this.lastRun = batch.stats;
    }
  }
}

function revisionOf(stateRows: CellValue[][] | null): number {
  if (!stateRows) return 0;
  return (
    decodeState({
      name: STATE_SHEET,
      visibility: "veryHidden",
      originRow: 1,
      originCol: 1,
      values: stateRows,
    }).revision?.number ?? 0
  );
}

/**
 * Runs `fn` with an OfficePort in an `Excel.run` batch; errors become HostError. Where the host has
 * ExcelApi 1.11 the batch waits while the user is editing a cell instead of failing at once.
 */
export async function withExcel<T>(
  fn: (port: OfficePort, context: Excel.RequestContext) => Promise<T>,
  isSetSupported: IsSetSupported = officeIsSetSupported,
): Promise<T> {
  const options: Excel.RunOptions = isSetSupported("ExcelApi", "1.11") ? { delayForCellEdit: true } : {};
  try {
    return await Excel.run(options, (context) => fn(new OfficePort(context), context));
  } catch (err) {
    throw fromExcel(err);
  }
}
