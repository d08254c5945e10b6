/**
 * Tests that drive a system program (Chromium, LibreOffice, poppler, setsid, python3-uno) use these helpers so a missing
 * program is reported clearly: skipped with an install hint on a developer machine, a failure on CI
 * (CI=true), where the program is part of the setup (.ci/run installs it).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { recordToolSkip } from "./toolSkips";

export type BinaryName = "chromium" | "soffice" | "pdftoppm" | "setsid" | "pyuno";

export interface BinaryCheck {
  name: BinaryName;
  available: boolean;
  /** Absolute path of the program, or null when it is missing. */
  path: string | null;
  installHint: string;
}

interface BinaryInfo {
  label: string;
  /** Program names searched on PATH, or absolute paths, in order. */
  candidates: string[];
  installHint: string;
  /** Arguments the program must run with and exit 0 (a module it must import), when its name is not enough. */
  probe?: string[];
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
  // LibreOffice's Python bridge, for tests that edit a workbook in LibreOffice (libreofficeEdit.ts).
  // Debian's module is for Debian's python3: a python3 of pyenv or Homebrew first on PATH lacks it.
  pyuno: {
    label: "python3-uno",
    candidates: ["python3", "/usr/bin/python3"],
    installHint: "sudo apt-get install python3-uno",
    probe: ["-c", "import uno"],
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

/** A candidate's file: an absolute path as it is, a name on PATH. */
function locate(candidate: string): string | null {
  if (path.isAbsolute(candidate)) return isExecutableFile(candidate) ? candidate : null;
  return findOnPath(candidate);
}

/** Whether the program runs the probe to exit 0 (no probe: it exists). */
function passes(file: string, probe: string[] | undefined): boolean {
  if (!probe) return true;
  return spawnSync(file, probe, { stdio: "ignore", timeout: 30_000 }).status === 0;
}

/**
 * Looks a program up: `<NAME>_PATH` (e.g. `CHROMIUM_PATH`) if set, otherwise the usual program
 * names on PATH; one with a probe must also pass it.
 */
export function requireBinary(name: BinaryName, installHint?: string): BinaryCheck {
  const override = process.env[`${name.toUpperCase()}_PATH`];
  const key = [name, override ?? "", installHint ?? "", process.env.PATH ?? ""].join("\0");
  const cached = cache.get(key);
  if (cached) return cached;
  const info = BINARIES[name];
  const found = override
    ? isExecutableFile(override) && passes(override, info.probe)
      ? override
      : null
    : (info.candidates
        .map(locate)
        .find((file): file is string => file !== null && passes(file, info.probe)) ?? null);
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
