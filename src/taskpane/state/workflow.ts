/** The pane reaches the shared workflow (src/app/run.ts) only through this file. */
export { runCheck, runClearFlags, runGenerate } from "../../app/run";
export type { GenerateOptions } from "../../app/run";
