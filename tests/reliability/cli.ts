/** Runs the CLI's main() in-process and collects its output; shared by the reliability tests. */
import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

/** A stack frame line (`    at fn (file:1:2)`) anywhere in the output. */
export const STACK_TRACE = /^\s+at .+[(:]\d+/m;
/** main()'s wording for an exception it did not expect: a bug, never acceptable for bad content. */
export const UNEXPECTED = /oväntat fel|unexpected error/i;
