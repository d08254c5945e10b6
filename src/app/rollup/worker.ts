/**
 * A roll-up worker thread: reads and checks the workbooks the pool sends it, one at a time, and
 * posts each one's summary back. Its own heap limit keeps one oversized file from taking the run
 * down with it.
 */
import { parentPort } from "worker_threads";
import type { CheckOptions } from "../../engine";
import { inspectWorkbook } from "./inspect";

export interface WorkerTask {
  id: number;
  file: string;
  options: CheckOptions;
}

parentPort?.on("message", (task: WorkerTask) => {
  void inspectWorkbook(task.file, task.options).then((entry) =>
    parentPort?.postMessage({ id: task.id, entry }),
  );
});
