/**
 * Batching by serialised bytes, both ways. Excel on the web rejects a request or a response over
 * 5 MB ("Excel add-ins" in Microsoft's "Resource limits and performance optimization"), so work is
 * queued in units that know their request bytes (the JSON of what they send) and the response bytes
 * they expect (the JSON of what they load); a sync is sent before either would pass the limit.
 *
 * When Excel still answers `RequestPayloadSizeLimitExceeded` or `ResponsePayloadSizeLimitExceeded`
 * (an estimate was off), the units of that request are sent again in halves, a single unit split in
 * two where it can be, until each part fits.
 */

/** Sync once queued payload passes this (Excel on the web rejects requests and responses over 5 MB). */
export const PAYLOAD_SYNC_BYTES = 4 * 1024 * 1024;
/** Estimated request bytes of one queued action (object path, action, ids). */
export const ACTION_BYTES = 200;

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value as JSON. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Bytes(JSON.stringify(value));
}

/** Estimated request bytes of one action with these arguments. */
export function actionBytes(args: unknown): number {
  return ACTION_BYTES + jsonBytes(args);
}

/** A piece of work for one request: it can be queued again after a payload-limit error. */
export interface Unit {
  /** Estimated request bytes of the actions `queue` adds. */
  request: number;
  /** Estimated response bytes of what it loads. */
  response?: number;
  /** Queues the unit's actions on the context (again, on a retry). */
  queue(): void;
  /** After its sync succeeded: reads what was loaded; returns the bytes it received. */
  done?(): number | void;
  /** The same work as two or more smaller units, or null when it cannot be split. */
  split?(): Unit[] | null;
}

export interface BatchLimits {
  request: number;
  response: number;
}

/** Sync calls, bytes and retries of one port operation. */
export interface PortRunStats {
  syncs: number;
  /** Estimated request bytes per sync. */
  requestBytes: number[];
  /** Response bytes per successful sync (what the units read). */
  responseBytes: number[];
  /** Requests sent again in halves after a payload-limit error. */
  retries: number;
}

export function isPayloadLimitError(err: unknown): boolean {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

export class Batch {
  readonly stats: PortRunStats = { syncs: 0, requestBytes: [], responseBytes: [], retries: 0 };
  /**
   * Called when a unit starts a new request (nothing pending): may throw (the run was cancelled)
   * or return a unit to lead the request (a heartbeat).
   */
  beforeRequest: (() => Unit | null) | null = null;
  private pending: Unit[] = [];
  private pendingRequest = 0;
  private pendingResponse = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limits: BatchLimits,
  ) {}

  /** Queues a unit; sends what is pending first when the unit would not fit beside it. */
  async add(unit: Unit): Promise<void> {
    if (
      this.pending.length > 0 &&
      (this.pendingRequest + unit.request > this.limits.request ||
        this.pendingResponse + (unit.response ?? 0) > this.limits.response)
    )
      await this.flush();
    if (this.pending.length === 0) {
      const lead = this.beforeRequest?.() ?? null;
      if (lead) this.take(lead);
    }
    this.take(unit);
  }

  /** Sends everything pending in one request (split on payload-limit errors). */
  async flush(): Promise<void> {
    const units = this.pending;
    this.pending = [];
    this.pendingRequest = 0;
    this.pendingResponse = 0;
    if (units.length > 0) await this.send(units);
  }

  /** Queues `unit` alone in its own request and sends it. */
  async alone(unit: Unit): Promise<void> {
    await this.flush();
    await this.add(unit);
    await this.flush();
  }

  private take(unit: Unit): void {
    unit.queue();
    this.pending.push(unit);
    this.pendingRequest += unit.request;
    this.pendingResponse += unit.response ?? 0;
  }

  private async send(units: Unit[]): Promise<void> {
    this.stats.syncs++;
    this.stats.requestBytes.push(units.reduce((n, u) => n + u.request, 0));
    try {
      await this.context.sync();
    } catch (err) {
      const parts = isPayloadLimitError(err) ? halves(units) : null;
      if (!parts) throw err;
      this.stats.retries++;
      for (const part of parts) {
        for (const unit of part) unit.queue();
        await this.send(part);
      }
      return;
    }
    let received = 0;
    for (const unit of units) received += unit.done?.() ?? 0;
    this.stats.responseBytes.push(received);
  }
}

function halves(units: Unit[]): Unit[][] | null {
  if (units.length > 1) {
    const mid = Math.ceil(units.length / 2);
    return [units.slice(0, mid), units.slice(mid)];
  }
  const parts = units[0]?.split?.() ?? null;
  return parts && parts.length > 1 ? parts.map((part) => [part]) : null;
}

/** Items per unit where a sheet has many of one small action (merges, page breaks). */
export const ITEMS_PER_UNIT = 500;

/** `items` in units of at most ITEMS_PER_UNIT, each sized by its items' `bytes` and queued by `queue`. */
export function itemUnits<T>(items: T[], bytes: (item: T) => number, queue: (items: T[]) => void): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < items.length; i += ITEMS_PER_UNIT) {
    const part = items.slice(i, i + ITEMS_PER_UNIT);
    units.push({ request: part.reduce((n, item) => n + bytes(item), 0), queue: () => queue(part) });
  }
  return units;
}
