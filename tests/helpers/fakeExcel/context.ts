/**
 * The fake request context: queues actions, carries them out at `sync()` in order, and is as strict
 * as Excel where Excel is strict.
 *
 * - Request and response bytes are measured per sync (the JSON of each action and of what each
 *   load returns). Excel on the web limits both to 5 MB ("Excel add-ins" section of Microsoft's
 *   "Resource limits and performance optimization"): a larger request is rejected before anything
 *   runs (`RequestPayloadSizeLimitExceeded`), a larger response after the actions ran
 *   (`ResponsePayloadSizeLimitExceeded`, nothing loaded).
 * - A failing action rejects the sync; the actions before it stay applied and the rest are dropped,
 *   as in Excel (no rollback). `failSync` makes any chosen sync fail after its first N actions, and
 *   optionally every sync after it (the pane was closed, the connection lost).
 */
import { FakeOfficeError } from "./errors";
import type { FakeSheetInit } from "./init";
import { seedWorkbook } from "./init";
import type { FakeWorkbook } from "./model";
import { FakeCultureInfo, FakeWorkbookProxy } from "./workbook";

export const FAKE_MAX_REQUEST_BYTES = 5 * 1024 * 1024;
export const FAKE_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
export const FAKE_EXCEL_API = "1.17";

function minorOf(version: string): number {
  return Number(version.split(".")[1] ?? 0);
}

export interface FakeAction {
  describe: string;
  bytes: number;
  /** Carries the action out; a load returns the bytes of what it loaded. */
  run: () => number | void;
  /** Drops what a load loaded, when its sync fails after all. */
  forget?: () => void;
}

export interface SyncRecord {
  actions: string[];
  /** Request bytes: the JSON of every action. */
  bytes: number;
  /** Response bytes: the JSON of everything loaded. */
  responseBytes: number;
  /** The error code the sync failed with, or null. */
  error: string | null;
}

export interface SyncFailure {
  /** The Office.js error code the sync rejects with. */
  code: string;
  /** How many of the sync's actions are applied before it fails (default 0; Infinity: all, then the answer is lost). */
  afterActions?: number;
  /** Every later sync fails too and applies nothing: the pane was closed or the connection lost. */
  dead?: boolean;
}

function utf8(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void; cultureInfo: FakeCultureInfo };
  readonly syncs: SyncRecord[] = [];
  maxRequestBytes = FAKE_MAX_REQUEST_BYTES;
  maxResponseBytes = FAKE_MAX_RESPONSE_BYTES;
  /**
   * The host's highest ExcelApi set (the fake's default has every set the port uses). A method from
   * a newer set fails its sync with ApiNotFound, as an older host answers.
   */
  excelApi = FAKE_EXCEL_API;
  private queue: FakeAction[] = [];
  private readonly failures = new Map<number, SyncFailure>();
  private readonly interludes = new Map<number, () => void>();
  private dead = false;

  constructor(readonly data: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.enqueue("application.suspendApiCalculationUntilNextSync()", null, () => {}),
      cultureInfo: new FakeCultureInfo(this),
    };
  }

  /** `Office.context.requirements.isSetSupported` for this host, to hand to the port. */
  readonly isSetSupported = (name: string, version: string): boolean =>
    name === "ExcelApi" && minorOf(version) <= minorOf(this.excelApi);

  /** Throws ApiNotFound (at sync, inside an action) when the host lacks `version`. */
  requireExcelApi(version: string, member: string): void {
    if (!this.isSetSupported("ExcelApi", version))
      throw new FakeOfficeError(
        "ApiNotFound",
        `The API you are trying to use could not be found (${member}, ExcelApi ${version}; host has ${this.excelApi}).`,
      );
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** The largest request sent so far, in bytes. */
  get maxBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.bytes), 0);
  }

  /** The largest response so far, in bytes. */
  get maxResponse(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  /** Every action sent, in order. */
  get actions(): string[] {
    return this.syncs.flatMap((s) => s.actions);
  }

  /** Makes the next sync fail with this Office.js error code, applying none of its actions. */
  failNextSync(code: string): void {
    this.failSync(this.syncs.length, { code });
  }

  /** Makes sync number `index` (0-based, counting from this context's first) fail as described. */
  failSync(index: number, failure: SyncFailure): void {
    this.failures.set(index, failure);
  }

  /**
   * Runs `change` on the workbook just before sync number `index` reaches it: what a co-author's
   * edit, or their own Målkoll run, does between two requests of this one.
   */
  between(index: number, change: () => void): void {
    this.interludes.set(index, change);
  }

  enqueue(describe: string, args: unknown, run: () => number | void, forget?: () => void): void {
    const payload = JSON.stringify({ a: describe, v: args ?? null });
    this.queue.push({ describe, bytes: 100 + utf8(payload), run, forget });
  }

  async sync(): Promise<void> {
    const index = this.syncs.length;
    const actions = this.queue;
    this.queue = [];
    const bytes = actions.reduce((sum, a) => sum + a.bytes, 0);
    const record: SyncRecord = {
      actions: actions.map((a) => a.describe),
      bytes,
      responseBytes: 0,
      error: null,
    };
    this.syncs.push(record);
    const ran: FakeAction[] = [];
    const fail = (code: string, message: string): never => {
      for (const action of ran) action.forget?.();
      record.error = code;
      throw new FakeOfficeError(code, message);
    };

    if (this.dead)
      fail("RequestAborted", "The request was aborted: the add-in lost its connection to Excel.");
    this.interludes.get(index)?.();
    if (bytes > this.maxRequestBytes)
      fail(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`,
      );
    const planned = this.failures.get(index);
    this.failures.delete(index);
    const applied = planned ? Math.min(actions.length, planned.afterActions ?? 0) : actions.length;
    let response = 0;
    for (const action of actions.slice(0, applied)) {
      ran.push(action);
      try {
        response += action.run() ?? 0;
      } catch (err) {
        fail(
          err instanceof FakeOfficeError ? err.code : "GeneralException",
          err instanceof Error ? err.message : String(err),
        );
      }
    }
    if (planned) {
      if (planned.dead) this.dead = true;
      fail(planned.code, `Simulated ${planned.code} after ${applied} of ${actions.length} actions.`);
    }
    record.responseBytes = response;
    if (response > this.maxResponseBytes)
      fail(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${response} bytes).`,
      );
  }
}

/** A fresh context over an existing fake workbook, as a new `Excel.run` would get. */
export function contextFor(workbook: FakeWorkbook): { context: Excel.RequestContext; fake: FakeContext } {
  const fake = new FakeContext(workbook);
  return { context: fake as unknown as Excel.RequestContext, fake };
}

/** A fake workbook and a context over it; `context` is what the port takes. */
export function createFakeExcel(init: {
  name?: string;
  sheets: FakeSheetInit[];
  excelApi?: string;
  date1904?: boolean;
}): {
  context: Excel.RequestContext;
  fake: FakeContext;
  workbook: FakeWorkbook;
} {
  const workbook = seedWorkbook(init);
  const made = contextFor(workbook);
  if (init.excelApi) made.fake.excelApi = init.excelApi;
  return { ...made, workbook };
}
