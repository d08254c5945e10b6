import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import JSZip from "jszip";
import { LIBREOFFICE_MISSING, PROFILE_SETTINGS, sofficeBinary } from "../helpers/libreoffice";

/**
 * What the render test needs beyond tests/helpers/libreoffice.ts: a CSV of cells *as shown*
 * (number formats applied, sv-SE), a copy of a workbook that prints one sheet only, and PDF → PNG.
 */

function binary(name: string): string | null {
  const probe = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return probe.status === 0 && probe.stdout.trim() ? probe.stdout.trim() : null;
}

/**
 * Every sheet as CSV with the cells' number formats applied (token 9 "save as shown"), so
 * `#,##0.0` reads `2 435,3` in sv-SE. Returns the files by sheet name.
 */
export function csvAsShown(xlsxPath: string, outDir: string): Map<string, string> {
  const soffice = sofficeBinary();
  if (!soffice) throw new Error(LIBREOFFICE_MISSING);
  const profile = mkdtempSync(path.join(tmpdir(), "malkoll-lo-shown-"));
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
  mkdirSync(outDir, { recursive: true });
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        "--outdir",
        outDir,
        xlsxPath,
      ],
      { encoding: "utf8", timeout: 120000, stdio: ["ignore", "pipe", "pipe"] },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const base = path.basename(xlsxPath, ".xlsx");
  return new Map(
    readdirSync(outDir)
      .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".csv"))
      .map((f) => [f.slice(base.length + 1, -4), path.join(outDir, f)]),
  );
}

/**
 * A copy of the package in which only `sheet` is printed: the others are hidden and `sheet` is the
 * active tab (LibreOffice exports hidden sheets too unless the active sheet is the visible one).
 * Formulas still see every sheet.
 */
export async function onlySheetPrinted(bytes: Uint8Array, sheet: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const wbPath = "xl/workbook.xml";
  let wb = await zip.file(wbPath)!.async("string");
  const tags = wb.match(/<sheet\s[^>]*\/>/g) ?? [];
  const index = tags.findIndex((t) => t.includes(` name="${sheet}"`));
  if (index < 0) throw new Error(`no sheet ${sheet}`);
  for (const tag of tags) {
    if (tag.includes(` name="${sheet}"`)) continue;
    wb = wb.replace(tag, tag.replace(/\sstate="[^"]*"/, "").replace("<sheet ", '<sheet state="hidden" '));
  }
  wb = wb.replace(/<bookViews>[\s\S]*?<\/bookViews>|<bookViews\s*\/>/, "");
  wb = wb.replace("<sheets>", `<bookViews><workbookView activeTab="${index}"/></bookViews><sheets>`);
  zip.file(wbPath, wb);
  return zip.generateAsync({ type: "uint8array" });
}

export function hasProgram(name: string): boolean {
  return binary(name) !== null;
}

/** PDF pages as PNG files `<prefix>-<n>.png` at `dpi`; returns the files in page order. */
export function pdfToPng(pdf: string, prefix: string, dpi = 80): string[] {
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", pdf, prefix], { stdio: ["ignore", "pipe", "pipe"] });
  const dir = path.dirname(prefix);
  const stem = path.basename(prefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]))
    .map((f) => path.join(dir, f));
}

/** The text of one PDF page (pdftotext, layout kept). */
export function pdfPageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], {
    encoding: "utf8",
  });
}

/** Page count and the first page's size in points. */
export function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { pages, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) };
}
