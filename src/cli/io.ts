/** Where the CLI writes. `out` may return a promise that settles once its text has gone out. */
export interface CliIo {
  out: (s: string) => void | Promise<void>;
  err: (s: string) => void;
  /** True when `err` goes to a terminal (a progress bar may redraw a line there). */
  errIsTerminal?: boolean;
}

export function defaultIo(): CliIo {
  return {
    // A pipe takes 64 KB at a time; waiting for it keeps a 950 MB report from piling up in memory.
    out: (s) =>
      process.stdout.write(s) ? undefined : new Promise((resolve) => process.stdout.once("drain", resolve)),
    err: (s) => void process.stderr.write(s),
    errIsTerminal: process.stderr.isTTY === true,
  };
}
