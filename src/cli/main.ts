import * as path from "path";
import { MAX_GENERATE_TEXT_CHARS, XlsxPort } from "../ports/xlsx";
import { Refusal } from "../engine/refusal";
import { runCheck, runGenerate } from "../app/run";
import type { GenerateStep } from "../app/run";
import type { Args } from "./args";
import { parseArgs, periodOptions, USAGE, UsageError } from "./args";
import { exitCodeFor } from "./exitCode";
import type { CliIo } from "./io";
import { defaultIo } from "./io";
import { compareCommand } from "./compare";
import { boundedStrings, toContractJson } from "./json";
import { writeJson } from "./jsonText";
import { rollupCommand } from "./rollup";
import { summaryText } from "./summary";

const STEP_TEXT: Record<GenerateStep, string> = {
  read: "Läser arbetsboken …",
  check: "Kontrollerar …",
  report: "Skapar tabeller …",
  plan: "Planerar skrivning …",
  write: "Skriver …",
  done: "Klart.",
};

/** Runs the CLI; returns the exit code. Never throws for bad workbook content. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
    // Asked for, the usage is the answer (stdout); without a command it is the error (stderr).
    if (argv.length === 0) io.err(`${USAGE}\n`);
    else io.out(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Målkoll: ${e.message} / ${e.messageEn}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  try {
    switch (args.command) {
      case "check":
        return await checkCommand(args, io);
      case "generate":
        return await generateCommand(args, io);
      case "compare":
        return await compareCommand(args, io);
      case "rollup":
        return await rollupCommand(args, io);
    }
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

async function checkCommand(args: Args, io: CliIo): Promise<number> {
  const input = args.inputs[0];
  const port = await XlsxPort.open(input);
  const { result } = await runCheck(port, periodOptions(args));
  if (args.json) await writeJson(toContractJson(path.basename(input), result), io.out, boundedStrings);
  else io.out(summaryText(path.basename(input), result));
  return exitCodeFor(result);
}

async function generateCommand(args: Args, io: CliIo): Promise<number> {
  const input = args.inputs[0];
  const port = await XlsxPort.open(input, { maxTextChars: MAX_GENERATE_TEXT_CHARS });
  port.checkOutputName(args.output!);
  const started = Date.now();
  const { result, plan } = await runGenerate(port, {
    ...periodOptions(args),
    host: "cli",
    onProgress: (step) => {
      if (step !== "done" && Date.now() - started > 500) io.err(`${STEP_TEXT[step]}\n`);
    },
  });
  await port.saveAs(args.output!);
  io.out(
    summaryText(path.basename(input), result, {
      written: args.output!,
      sheets: plan.sheets.map((s) => s.name),
      flags: plan.flags.length,
    }),
  );
  return exitCodeFor(result);
}

export { parseArgs, USAGE } from "./args";
export type { CliIo } from "./io";
