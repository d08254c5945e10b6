import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import type { CellValue, WorkbookSnapshot } from "../../engine/grid";
import type { FlagRecord } from "../../engine/state";
import type { WorkbookPort, WritePlan } from "../port";
import { XlsxPortError } from "./errors";
import { applyClearFlags, applyWritePlan, type PatchReport } from "./patch";
import { decodePart, mainPartPath, samePartName, zipEntry } from "./opc";
import { type InflatedParts, type OpenedPackage, type PackageLimits, openPackage, readPackage } from "./open";
import { CONTENT_TYPE, PackageEditor } from "./package";
import type { ReadLimits } from "./sheetReader";
import { xmlProblems } from "./wellFormed";
import { attr } from "./xml";

export { XlsxPortError } from "./errors";
export { snapshotWithExcelJS } from "./excelJsFallback";
export { FLAG_MARKER_FORMULA } from "./flags";
export type { ReadLimits } from "./sheetReader";
export { MAX_PACKAGE_BYTES, MAX_SHEET_XML_BYTES } from "./open";

/**
 * Cell text, counted per cell, that `generate` reads at most: 100 million characters, some
 * 200 MB in memory once, while the tables, checksums and the written package copy parts of it
 * several times over. A nämnd's report holds a few million; one 1 MB text in 12 000 cells is
 * 12 000 million.
 */
export const MAX_GENERATE_TEXT_CHARS = 100_000_000;

/** Refuses, with a clear bilingual message, bytes that are not an OOXML spreadsheet package. */
export async function checkPackage(
  bytes: Uint8Array,
  name: string,
  limits: PackageLimits = {},
): Promise<JSZip> {
  return (await openPackage(bytes, name, limits)).zip;
}

/** What the package says it is, by its main part's content type: it decides the file extension. */
export type PackageKind = { extension: ".xlsx" | ".xlsm" | ".xltx" | ".xltm" | ".xlam"; macros: boolean };

const MAIN_CONTENT_TYPES: Record<string, PackageKind> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": {
    extension: ".xlsx",
    macros: false,
  },
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": { extension: ".xlsm", macros: true },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": {
    extension: ".xltx",
    macros: false,
  },
  "application/vnd.ms-excel.template.macroEnabled.main+xml": { extension: ".xltm", macros: true },
  "application/vnd.ms-excel.addin.macroEnabled.main+xml": { extension: ".xlam", macros: true },
};

/** The kind of a checked package; an unknown main content type counts as an ordinary workbook. */
export async function packageKind(zip: JSZip): Promise<PackageKind> {
  const types = zipEntry(zip, "[Content_Types].xml");
  const rootRels = zipEntry(zip, "_rels/.rels");
  if (!types || !rootRels) return MAIN_CONTENT_TYPES[CONTENT_TYPE.workbook];
  const mainPart = `/${await mainPartPath(zip)}`;
  const xml = decodePart(await types.async("uint8array"));
  for (const [tag] of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Override(?=[\s/>])[^>]*>/g))
    if (samePartName(attr(tag, "PartName") ?? "", mainPart))
      return MAIN_CONTENT_TYPES[attr(tag, "ContentType") ?? ""] ?? MAIN_CONTENT_TYPES[CONTENT_TYPE.workbook];
  return MAIN_CONTENT_TYPES[CONTENT_TYPE.workbook];
}

/**
 * Reads a workbook package into a snapshot with Målkoll's own SpreadsheetML reader, ExcelJS
 * standing by for XML it cannot parse (see {@link readPackage}).
 */
export async function snapshotFromBuffer(
  bytes: Uint8Array,
  name = "arbetsbok.xlsx",
  checked?: JSZip,
  limits: ReadLimits = {},
  /** Parts the check already inflated (see {@link InflatedParts}). */
  inflated?: InflatedParts,
): Promise<WorkbookSnapshot> {
  const opened = checked ? { zip: checked, inflated: inflated ?? new Map() } : await openPackage(bytes, name);
  return readPackage(opened, bytes, name, limits);
}

/**
 * The last guard before bytes are written: the XML parts where Målkoll's edits meet a foreign
 * writer's XML (workbook, relationships, content types, styles, drawings, charts) must be
 * namespace-well-formed, or nothing is written: Excel and LibreOffice refuse a whole file for one
 * unbound prefix. That costs about 1 % of a generate; the sheets themselves, which are most of the
 * bytes and would cost most of the run, are checked by the test suite instead.
 */
export function refuseMalformed(pkg: PackageEditor, report: PatchReport, name: string): void {
  const sheets = new Set(report.sheetParts.map((p) => p.toLowerCase()));
  const parts = [...pkg.changedXml()].filter(([path]) => !sheets.has(path.toLowerCase()));
  const problems = xmlProblems(parts);
  if (problems.length)
    throw new XlsxPortError(
      `${name} skrevs inte: Målkoll skulle ha skrivit ogiltig XML (${problems[0]}). Rapportera gärna felet med arbetsboken.`,
      `${name} was not written: Målkoll would have written invalid XML (${problems[0]}). Please report it with the workbook.`,
    );
}

/**
 * The `.xlsx` workbook port: reads cell values with Målkoll's own SAX reader (ExcelJS only when
 * the XML does not parse), writes by patching the original package so nothing Målkoll does not
 * own is lost. `write` keeps the result in memory; `saveAs` stores it.
 */
export class XlsxPort implements WorkbookPort {
  private bytes: Uint8Array;
  private lastReport: PatchReport = { skipped: [], sheetParts: [] };

  /** The checked zip of `bytes`, while they are the ones it was loaded from. */
  private zip: JSZip | null;

  /** Parts the open inflated, while `bytes` are the ones it checked. */
  private inflated: InflatedParts | null;

  private constructor(
    bytes: Uint8Array,
    { zip, inflated }: OpenedPackage,
    readonly name: string,
    private readonly inputPath: string | null,
    /** What the package is (workbook, macro-enabled, template): the output must keep its extension. */
    readonly kind: PackageKind,
    private readonly limits: ReadLimits,
  ) {
    this.bytes = bytes;
    this.zip = zip;
    this.inflated = inflated;
  }

  static async open(filePath: string, limits: ReadLimits = {}): Promise<XlsxPort> {
    const name = path.basename(filePath);
    let bytes: Uint8Array;
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile()) throw new XlsxPortError(`${filePath} är ingen fil`, `${filePath} is not a file`);
      bytes = await fs.readFile(filePath);
    } catch (err) {
      if (err instanceof XlsxPortError) throw err;
      throw new XlsxPortError(
        `Filen ${filePath} hittades inte eller kan inte läsas`,
        `File ${filePath} was not found or cannot be read`,
        { cause: err },
      );
    }
    const opened = await openPackage(bytes, name);
    return new XlsxPort(bytes, opened, name, path.resolve(filePath), await packageKind(opened.zip), limits);
  }

  static async fromBuffer(
    bytes: Uint8Array,
    name = "arbetsbok.xlsx",
    limits: ReadLimits = {},
  ): Promise<XlsxPort> {
    const opened = await openPackage(bytes, name);
    return new XlsxPort(bytes, opened, name, null, await packageKind(opened.zip), limits);
  }

  /** The current package (the input, or the result of the last write). */
  get buffer(): Uint8Array {
    return this.bytes;
  }

  /** What the last write could not do (flags on missing sheets, unknown renames). */
  get skipped(): string[] {
    return [...this.lastReport.skipped];
  }

  read(): Promise<WorkbookSnapshot> {
    return snapshotFromBuffer(
      this.bytes,
      this.name,
      this.zip ?? undefined,
      this.limits,
      this.inflated ?? undefined,
    );
  }

  async write(plan: WritePlan): Promise<void> {
    await this.patch((pkg) => applyWritePlan(pkg, plan));
  }

  async clearFlags(flags: FlagRecord[], state: CellValue[][]): Promise<void> {
    await this.patch((pkg) => applyClearFlags(pkg, flags, state));
  }

  private async patch(apply: (pkg: PackageEditor) => Promise<PatchReport>): Promise<void> {
    const pkg = await PackageEditor.load(this.bytes, this.inflated ?? undefined);
    try {
      this.lastReport = await apply(pkg);
    } catch (err) {
      if (err instanceof XlsxPortError) throw err;
      throw new XlsxPortError(
        `${this.name} kunde inte skrivas säkert`,
        `${this.name} could not be written safely`,
        { cause: err },
      );
    }
    refuseMalformed(pkg, this.lastReport, this.name);
    this.bytes = await pkg.generate();
    this.zip = null;
    this.inflated = null;
  }

  /**
   * Refuses an output name whose extension doesn't match the package: Excel won't open a
   * macro-enabled workbook saved as `.xlsx` (nor an ordinary one as `.xlsm`).
   */
  checkOutputName(outPath: string): void {
    const extension = path.extname(outPath).toLowerCase();
    if (extension === this.kind.extension) return;
    const macros = this.kind.macros ? { sv: " (med makron)", en: " (with macros)" } : { sv: "", en: "" };
    throw new XlsxPortError(
      `${this.name} är en ${this.kind.extension}-fil${macros.sv}; Excel öppnar den bara under samma filändelse. Ange en utfil som slutar på ${this.kind.extension} (-o …${this.kind.extension}).`,
      `${this.name} is an ${this.kind.extension} file${macros.en}; Excel opens it only under the same extension. Give an output file ending in ${this.kind.extension} (-o …${this.kind.extension}).`,
    );
  }

  /** Writes the current package to `outPath`; never to the file it was opened from. */
  async saveAs(outPath: string): Promise<void> {
    this.checkOutputName(outPath);
    const target = path.resolve(outPath);
    const same = async () => {
      if (!this.inputPath) return false;
      if (target === this.inputPath) return true;
      try {
        return (await fs.realpath(target)) === (await fs.realpath(this.inputPath));
      } catch {
        return false;
      }
    };
    if (await same())
      throw new XlsxPortError(
        "Utfilen får inte vara samma som indatafilen",
        "The output file must not be the input file",
      );
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      await fs.writeFile(tmp, this.bytes);
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      const why = writeFailureReason(err);
      throw new XlsxPortError(
        `Kunde inte skriva ${outPath}${why ? `: ${why.sv}` : ""}`,
        `Could not write ${outPath}${why ? `: ${why.en}` : ""}`,
        { cause: err },
      );
    }
  }
}

/** What the system's error code says of a failed write, in the user's words; null when it says nothing plain. */
function writeFailureReason(err: unknown): { sv: string; en: string } | null {
  switch ((err as NodeJS.ErrnoException | null)?.code) {
    case "ENOENT":
      return { sv: "mappen finns inte", en: "the folder does not exist" };
    case "EBUSY":
      return { sv: "filen är öppen i ett annat program", en: "the file is open in another program" };
    case "EACCES":
    case "EPERM":
      return {
        sv: "ingen behörighet att skriva där, eller så är filen öppen i ett annat program (t.ex. Excel)",
        en: "no permission to write there, or the file is open in another program (e.g. Excel)",
      };
    case "EROFS":
      return { sv: "platsen är skrivskyddad", en: "the location is read-only" };
    case "ENOSPC":
      return { sv: "disken är full", en: "the disk is full" };
    case "EISDIR":
      return { sv: "det är en mapp", en: "it is a folder" };
    default:
      return null;
  }
}
