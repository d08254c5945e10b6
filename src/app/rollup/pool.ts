/**
 * Reads many workbooks on worker threads: as many workers as cores (at most one per file), each
 * taking the next file when it is done with one. A worker that dies on a file (out of memory, a
 * crash) costs that file only: it is reported unreadable and a fresh worker takes over.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { CheckOptions } from "../../engine";
import type { RollupEntry } from "../../engine/rollup/summary";
import { unreadable } from "../../engine/rollup/summary";
import { fileUnit } from "../../engine/rollup/unitName";
import { inspectWorkbook } from "./inspect";
import type { WorkerTask } from "./worker";

export interface PoolOptions {
  /** Worker threads; 0 reads in this thread. Default: the number of cores, at most one per file. */
  threads?: number;
  /** Heap limit of each worker in MB (a seed-size workbook needs well under 100 MB). */
  workerHeapMb?: number;
  /** Called after each file, with how many are done. */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_WORKER_HEAP_MB = 1024;

export function defaultThreads(files: number): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, files));
}

/** The compiled worker script: beside this file in lib/, or lib/'s copy when running from source. */
export function workerScript(): string {
  const beside = path.join(__dirname, "worker.js");
  if (fs.existsSync(beside)) return beside;
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const built = path.join(dir, "lib", "src", "app", "rollup", "worker.js");
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(built)) return built;
  }
  throw new Error("the roll-up worker is not built: run `npm run build:cli`");
}

/** Each file's summary, in the order the files were given. */
export async function inspectAll(
  files: string[],
  options: CheckOptions,
  pool: PoolOptions = {},
): Promise<RollupEntry[]> {
  const threads = Math.min(pool.threads ?? defaultThreads(files.length), files.length);
  const progress = pool.onProgress ?? (() => undefined);
  if (threads <= 0) {
    const entries: RollupEntry[] = [];
    for (const file of files) {
      entries.push(await inspectWorkbook(file, options));
      progress(entries.length, files.length);
    }
    return entries;
  }
  return new Promise((resolve, reject) => {
    const results: RollupEntry[] = new Array(files.length);
    const script = workerScript();
    let next = 0;
    let done = 0;
    let failed = false;

    const settle = (id: number, entry: RollupEntry) => {
      results[id] = entry;
      done++;
      progress(done, files.length);
      if (done === files.length) resolve(results);
    };

    const start = (): void => {
      const worker = new Worker(script, {
        resourceLimits: { maxOldGenerationSizeMb: pool.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB },
      });
      let current: number | null = null;
      let finishedAny = false;
      const feed = () => {
        if (next >= files.length) {
          current = null;
          void worker.terminate();
          return;
        }
        current = next++;
        const task: WorkerTask = { id: current, file: files[current], options };
        worker.postMessage(task);
      };
      worker.on("message", (message: { id: number; entry: RollupEntry }) => {
        finishedAny = true;
        settle(message.id, message.entry);
        feed();
      });
      worker.on("error", (err) => {
        if (current === null) return;
        const id = current;
        current = null;
        settle(id, unreadable(files[id], fileUnit(files[id]), crashReason(err)));
      });
      worker.on("exit", () => {
        if (current !== null) {
          const id = current;
          current = null;
          settle(id, unreadable(files[id], fileUnit(files[id]), "läsningen avbröts oväntat"));
        }
        if (failed || next >= files.length) return;
        if (!finishedAny && done === 0) {
          // Not one file read by a worker that ended: the pool itself is broken, not a workbook.
          failed = true;
          reject(new Error("a roll-up worker could not start"));
          return;
        }
        start();
      });
      feed();
    };
    for (let i = 0; i < threads; i++) start();
  });
}

function crashReason(err: Error): string {
  const code = (err as { code?: string }).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY")
    return "för stor för en sammanställning (minnet tog slut); kontrollera den för sig med malkoll check";
  return `läsningen avbröts – ${err.message}`;
}
