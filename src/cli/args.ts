import type { PeriodKind } from "../engine/model/types";

export const USAGE = `Användning / Usage:
  malkoll check <arbetsbok.xlsx> [--period T1|T2|VB|VP] [--year ÅÅÅÅ] [--json]
  malkoll generate <arbetsbok.xlsx> -o <ut.xlsx> [--period T1|T2|VB|VP] [--year ÅÅÅÅ]
  malkoll compare <plan.xlsx> <uppföljning.xlsx> [--json]
  malkoll rollup <arbetsbok.xlsx|mapp>… -o <ut.xlsx> [--period T1|T2|VB|VP] [--year ÅÅÅÅ] [--json]

Slutkod / exit code: 0 inga fel, 1 fel i arbetsboken, 2 filen kunde inte läsas eller skrivas säkert.`;

type Command = "check" | "generate" | "compare" | "rollup";

export interface Args {
  command: Command;
  inputs: string[];
  output: string | null;
  period: PeriodKind | null;
  year: number | null;
  json: boolean;
}

/** A command line Målkoll cannot run, said in Swedish and English. */
export class UsageError extends Error {
  constructor(
    sv: string,
    readonly messageEn: string,
  ) {
    super(sv);
  }
}

const COMMANDS: Command[] = ["check", "generate", "compare", "rollup"];
const PERIODS: Record<Command, PeriodKind[]> = {
  check: ["T1", "T2", "VB", "VP"],
  generate: ["T1", "T2", "VB", "VP"],
  compare: [],
  rollup: ["T1", "T2", "VB", "VP"],
};

function isCommand(text: string | undefined): text is Command {
  return COMMANDS.includes(text as Command);
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!isCommand(command))
    throw new UsageError(
      command ? `Okänt kommando: ${command}` : "Ange ett kommando.",
      command ? `Unknown command: ${command}` : "Give a command.",
    );
  const args: Args = { command, inputs: [], output: null, period: null, year: null, json: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} behöver ett värde.`, `${a} needs a value.`);
      return v;
    };
    // generate writes a workbook, and says what it did in words: no JSON to give.
    if (a === "--json" && command !== "generate") args.json = true;
    // Only the commands that write a workbook take one to write.
    else if ((a === "-o" || a === "--output") && (command === "generate" || command === "rollup"))
      args.output = value();
    else if (a === "--period" && PERIODS[command].length) {
      const p = value().toUpperCase();
      const allowed = PERIODS[command];
      if (!allowed.includes(p as PeriodKind))
        throw new UsageError(
          `--period ska vara ${allowed.join(", ")}.`,
          `--period must be ${allowed.join(", ")}.`,
        );
      args.period = p as PeriodKind;
    } else if (a === "--year" && PERIODS[command].length) {
      const y = Number(value());
      if (!Number.isInteger(y) || y < 1990 || y > 2100)
        throw new UsageError("--year ska vara ett årtal, t.ex. 2021.", "--year must be a year, e.g. 2021.");
      args.year = y;
    } else if (a.startsWith("-"))
      throw new UsageError(`Okänd flagga för ${command}: ${a}`, `Unknown flag for ${command}: ${a}`);
    else args.inputs.push(a);
  }
  checkInputs(args);
  return args;
}

function checkInputs(args: Args): void {
  const { command, inputs } = args;
  if (command === "compare") {
    if (inputs.length !== 2)
      throw new UsageError(
        "compare behöver en plan och en uppföljning (.xlsx).",
        "compare needs a plan and a follow-up (.xlsx).",
      );
    return;
  }
  if (!inputs.length)
    throw new UsageError(
      command === "rollup" ? "Ange arbetsböcker eller mappar." : "Ange en arbetsbok (.xlsx).",
      command === "rollup" ? "Give workbooks or folders." : "Give a workbook (.xlsx).",
    );
  if (command !== "rollup" && inputs.length > 1)
    throw new UsageError(`Oväntat argument: ${inputs[1]}`, `Unexpected argument: ${inputs[1]}`);
  if ((command === "generate" || command === "rollup") && !args.output)
    throw new UsageError(`${command} behöver -o <ut.xlsx>.`, `${command} needs -o <out.xlsx>.`);
}

/** `--period`/`--year` as check options: a year without a period picks the workbook's latest period in it. */
export function periodOptions(args: Args): {
  period: { kind: PeriodKind; year: number | null } | null;
  year: number | null;
} {
  if (args.period) return { period: { kind: args.period, year: args.year }, year: null };
  return { period: null, year: args.year };
}
