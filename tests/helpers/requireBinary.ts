/**
 * Tests that drive a system program (Chromium, LibreOffice, poppler, setsid) use these helpers so a missing
 * program is reported clearly: skipped with an install hint on a developer machine, a failure on CI
 * (CI=true), where the program is part of the setup (.ci/run installs it).
 */
import fs from "fs";
import path from "path";
import { recordToolSkip } from "./toolSkips";

export type BinaryName = "chromium" | "soffice" | "pdftoppm" | "setsid";

export interface BinaryCheck {
  name: BinaryName;
  available: boolean;
  /** Absolute path of the program, or null when it is missing. */
  path: string | null;
  installHint: string;
}

interface BinaryInfo {
  label: string;
  /** Program names searched on PATH, in order. */
  candidates: string[];
  installHint: string;
}

const BINARIES: Record<BinaryName, BinaryInfo> = {
  chromium: {
    label: "Chromium",
    candidates: ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"],
    installHint: "sudo apt-get install chromium",
  },
  soffice: {
    label: "LibreOffice (soffice)",
    candidates: ["soffice", "libreoffice"],
    installHint: "sudo apt-get install --no-install-recommends libreoffice-calc",
  },
  pdftoppm: {
    label: "pdftoppm (poppler)",
    candidates: ["pdftoppm"],
    installHint: "sudo apt-get install poppler-utils",
  },
  // .ci/run starts the new user's setup in a session of its own; a Mac has no setsid.
  setsid: {
    label: "setsid (util-linux)",
    candidates: ["setsid"],
    installHint: "sudo apt-get install util-linux",
  },
};

const cache = new Map<string, BinaryCheck>();

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(program: string): string | null {
  const extensions = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE").split(";") : [""];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const file = path.join(dir, program + extension);
      if (isExecutableFile(file)) return file;
    }
  }
  return null;
}

/**
 * Looks a program up: `<NAME>_PATH` (e.g. `CHROMIUM_PATH`) if set, otherwise the usual program
 * names on PATH.
 */
export function requireBinary(name: BinaryName, installHint?: string): BinaryCheck {
  const override = process.env[`${name.toUpperCase()}_PATH`];
  const key = [name, override ?? "", installHint ?? "", process.env.PATH ?? ""].join("\0");
  const cached = cache.get(key);
  if (cached) return cached;
  const info = BINARIES[name];
  const found = override
    ? isExecutableFile(override)
      ? override
      : null
    : (info.candidates.map(findOnPath).find((file) => file !== null) ?? null);
  const check: BinaryCheck = {
    name,
    available: found !== null,
    path: found,
    installHint: installHint ?? info.installHint,
  };
  cache.set(key, check);
  return check;
}

/** The bilingual message shown when a program is missing. */
export function missingBinaryMessage(check: BinaryCheck, title: string): string {
  const label = BINARIES[check.name].label;
  return (
    `${label} saknas – hoppar över "${title}". Installera: ${check.installHint}\n` +
    `${label} is missing – skipping "${title}". Install: ${check.installHint}`
  );
}

/**
 * `describe` when the program is installed. When it is missing: under CI=true a failing test
 * (the CI setup must provide it), otherwise a skipped describe and a printed message.
 */
export function describeIfBinary(
  name: BinaryName,
  title: string,
  fn: (check: BinaryCheck) => void,
  installHint?: string,
): void {
  const check = requireBinary(name, installHint);
  if (check.available) {
    describe(title, () => fn(check));
    return;
  }
  const message = missingBinaryMessage(check, title);
  if (process.env.CI === "true") {
    describe(title, () => {
      it(`kräver ${name} / requires ${name}`, () => {
        throw new Error(`${message}\n(CI=true: programmet måste finnas / the program must be installed)`);
      });
    });
    return;
  }
  recordToolSkip();
  console.warn(message);
  describe.skip(title, () => fn(check));
}
