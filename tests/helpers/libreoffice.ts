import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { recordToolSkip } from "./toolSkips";

/**
 * LibreOffice as an independent reader of the workbooks Målkoll writes: it opens a file headless
 * in a throwaway profile (recalculating every formula on load, sv-SE locale) and converts it.
 */

export const LIBREOFFICE_MISSING = "LibreOffice saknas – installera: apt-get install libreoffice-calc";

let cachedBinary: string | null | undefined;

export function sofficeBinary(): string | null {
  if (cachedBinary !== undefined) return cachedBinary;
  for (const candidate of ["soffice", "libreoffice"]) {
    const probe = spawnSync("sh", ["-c", `command -v ${candidate}`], { encoding: "utf8" });
    if (probe.status === 0 && probe.stdout.trim()) return (cachedBinary = probe.stdout.trim());
  }
  return (cachedBinary = null);
}

export function hasLibreOffice(): boolean {
  return sofficeBinary() !== null;
}

/**
 * Whether LibreOffice tests run. Missing soffice fails the suite on CI (CI=true) and skips it
 * elsewhere with a message saying how to install it.
 */
export function libreOfficeAvailableOrSkip(): boolean {
  if (hasLibreOffice()) return true;
  if (process.env.CI === "true") throw new Error(LIBREOFFICE_MISSING);
  recordToolSkip();
  console.warn(LIBREOFFICE_MISSING);
  return false;
}

/** A LibreOffice user profile: recalculate every formula on load, sv-SE locale, no first-run dialog. */
export const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

export interface ConvertOptions {
  /** Directory for the output; a fresh temp dir when absent. */
  outDir?: string;
  /** 1-based sheet to export as CSV (LibreOffice ≥ 7.2 filter option); default the first. */
  sheet?: number;
  /** Export every sheet as CSV, one file per sheet (`<name>-<Sheet>.csv`). */
  allSheets?: boolean;
  timeoutMs?: number;
}

export interface ConvertResult {
  /** Files written, absolute paths. */
  files: string[];
  stdout: string;
  stderr: string;
}

/**
 * Converts a workbook to CSV (UTF-8, comma, quoted text), PDF or LibreOffice's own .xlsx with a
 * throwaway profile; several workbooks are converted by one LibreOffice start.
 */
export function convertWithLibreOffice(
  xlsxPath: string | string[],
  format: "csv" | "pdf" | "xlsx",
  opts: ConvertOptions = {},
): ConvertResult {
  const binary = sofficeBinary();
  if (!binary) throw new Error(LIBREOFFICE_MISSING);
  const profile = mkdtempSync(path.join(tmpdir(), "malkoll-lo-profile-"));
  const outDir = opts.outDir ?? mkdtempSync(path.join(tmpdir(), "malkoll-lo-out-"));
  mkdirSync(path.join(profile, "user"), { recursive: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
  let target: string = format;
  if (format === "csv") {
    // Field sep 44 (,), text delimiter 34 ("), charset 76 (UTF-8), first line 1, no cell formats,
    // ..., token 12: sheet number (-1 = all sheets into separate files).
    const sheet = opts.allSheets ? -1 : (opts.sheet ?? 1);
    target = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet}`;
  }
  const before = new Set(readdirSync(outDir));
  try {
    const result = execFileSync(
      binary,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        outDir,
        ...(Array.isArray(xlsxPath) ? xlsxPath : [xlsxPath]),
      ],
      { encoding: "utf8", timeout: opts.timeoutMs ?? 120000, stdio: ["ignore", "pipe", "pipe"] },
    );
    const files = readdirSync(outDir)
      .filter((f) => !before.has(f))
      .map((f) => path.join(outDir, f));
    return { files, stdout: result, stderr: "" };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Minimal RFC 4180 CSV parser for LibreOffice's output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** soffice version string, for messages. */
export function libreOfficeVersion(): string {
  const binary = sofficeBinary();
  if (!binary) return "";
  return execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
}
