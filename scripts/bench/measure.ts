/** Timing and memory helpers for the benchmark. They print; they never assert. */
import * as os from "os";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `work` once to warm up, then `runs` times; returns every run's milliseconds. */
export async function timeRuns(runs: number, work: () => unknown): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Heap used before and after one run (after a GC when node runs with --expose-gc), and peak RSS. */
export async function memoryOf<T>(
  work: () => T | Promise<T>,
): Promise<{ result: T; heapDeltaMb: number; rssMb: number }> {
  collect();
  const before = process.memoryUsage().heapUsed;
  const result = await work();
  const heapDeltaMb = (process.memoryUsage().heapUsed - before) / 1048576;
  return { result, heapDeltaMb, rssMb: process.memoryUsage().rss / 1048576 };
}

export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(2)} MB`;
}

export function machine(): string {
  const cpus = os.cpus();
  return [
    `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    `CPU ${cpus[0]?.model.trim() ?? "unknown"}, ${cpus.length} cores`,
    `${(os.totalmem() / 1073741824).toFixed(1)} GB RAM, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}`,
    `node ${process.version}`,
  ].join("; ");
}
