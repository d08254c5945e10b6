import * as path from "path";
import type { CheckResult } from "../engine";
import type { PeriodKind } from "../engine/model/types";
import { boundedText } from "../engine/findings";
import { MAX_GENERATE_TEXT_CHARS, XlsxPort } from "../ports/xlsx";
import { Refusal } from "../app/refusal";
import { runCheck, runGenerate } from "../app/run";
import type { GenerateStep } from "../app/run";
import { toContractJson } from "./json";
import { writeJson } from "./jsonText";
import { summaryText } from "./summary";

export const USAGE = `Användning / Usage:
  malkoll check <arbetsbok.xlsx> [--period T1|T2|VB|VP] [--year ÅÅÅÅ] [--json]
  malkoll generate <arbetsbok.xlsx> -o <ut.xlsx> [--period T1|T2|VB] [--year ÅÅÅÅ]

Slutkod / exit code: 0 inga fel, 1 fel i arbetsboken, 2 filen kunde inte läsas eller skrivas säkert.`;

interface Args {
  command: "check" | "generate";
  input: string;
  output: string | null;
  period: PeriodKind | null;
  year: number | null;
  json: boolean;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command !== "check" && command !== "generate")
    throw new UsageError(command ? `Okänt kommando: ${command}` : "Ange ett kommando.");
  const args: Args = { command, input: "", output: null, period: null, year: null, json: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} behöver ett värde.`);
      return v;
    };
    if (a === "--json") args.json = true;
    else if (a === "-o" || a === "--output") args.output = value();
    else if (a === "--period") {
      const p = value().toUpperCase();
      const allowed = command === "check" ? ["T1", "T2", "VB", "VP"] : ["T1", "T2", "VB"];
      if (!allowed.includes(p)) throw new UsageError(`--period ska vara ${allowed.join(", ")}.`);
      args.period = p as PeriodKind;
    } else if (a === "--year") {
      const y = Number(value());
      if (!Number.isInteger(y) || y < 1990 || y > 2100)
        throw new UsageError("--year ska vara ett årtal, t.ex. 2021.");
      args.year = y;
    } else if (a.startsWith("-")) throw new UsageError(`Okänd flagga: ${a}`);
    else if (!args.input) args.input = a;
    else throw new UsageError(`Oväntat argument: ${a}`);
  }
  if (!args.input) throw new UsageError("Ange en arbetsbok (.xlsx).");
  if (command === "generate" && !args.output) throw new UsageError("generate behöver -o <ut.xlsx>.");
  return args;
}

function periodOption(args: Args): { kind: PeriodKind; year: number | null } | null {
  if (args.period) return { kind: args.period, year: args.year };
  return null;
}

const STEP_TEXT: Record<GenerateStep, string> = {
  read: "Läser arbetsboken …",
  check: "Kontrollerar …",
  report: "Skapar tabeller …",
  plan: "Planerar skrivning …",
  write: "Skriver …",
  done: "Klart.",
};

/** Every text in the JSON at most {@link boundedText}'s length, marked where it was cut. */
function boundedStrings(_key: string, value: unknown): unknown {
  return typeof value === "string" ? boundedText(value) : value;
}

function exitCodeFor(result: CheckResult): number {
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** Runs the CLI; returns the exit code. Never throws for bad workbook content. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
    io.out(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Målkoll: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  // A year without a period picks the latest period the workbook names within that year.
  const options = { period: periodOption(args), year: args.period ? null : args.year };
  try {
    const port = await XlsxPort.open(
      args.input,
      args.command === "generate" ? { maxTextChars: MAX_GENERATE_TEXT_CHARS } : {},
    );
    if (args.command === "check") {
      const { result } = await runCheck(port, options);
      if (args.json)
        await writeJson(toContractJson(path.basename(args.input), result), io.out, boundedStrings);
      else io.out(summaryText(path.basename(args.input), result));
      return exitCodeFor(result);
    }
    port.checkOutputName(args.output!);
    const started = Date.now();
    const { result, plan } = await runGenerate(port, {
      ...options,
      host: "cli",
      onProgress: (step) => {
        if (step !== "done" && Date.now() - started > 500) io.err(`${STEP_TEXT[step]}\n`);
      },
    });
    await port.saveAs(args.output!);
    io.out(
      summaryText(path.basename(args.input), result, {
        written: args.output!,
        sheets: plan.sheets.map((s) => s.name),
        flags: plan.flags.length,
      }),
    );
    return exitCodeFor(result);
  } catch (e) {
    if (e instanceof Refusal) {
      io.err(`Målkoll: ${e.message}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(
      `Målkoll: oväntat fel – ${message}\nMålkoll: unexpected error – please report it with the workbook if you can.\n`,
    );
    if (process.env.MALKOLL_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 2;
  }
}

/** Where the CLI writes. `out` may return a promise that settles once its text has gone out. */
export interface CliIo {
  out: (s: string) => void | Promise<void>;
  err: (s: string) => void;
}

function defaultIo(): CliIo {
  return {
    // A pipe takes 64 KB at a time; waiting for it keeps a 950 MB report from piling up in memory.
    out: (s) =>
      process.stdout.write(s) ? undefined : new Promise((resolve) => process.stdout.once("drain", resolve)),
    err: (s) => void process.stderr.write(s),
  };
}
