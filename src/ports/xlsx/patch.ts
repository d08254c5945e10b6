import { STATE_SHEET } from "../../engine/report/spec";
import type { Flag } from "../../engine/report/spec";
import type { FlagRecord } from "../../engine/state";
import type { WritePlan } from "../port";
import { chartXml, drawingXml } from "./chart";
import { XlsxPortError } from "./errors";
import { applyFlagRules, isEditableWorksheet, removeFlagRules } from "./flags";
import { renderOwnedSheet, stateSheetSpec } from "./ownedSheet";
import { isRelType, NS_REL, parseRels, REL_TYPE, relativeTarget, relsPathFor, resolveTarget } from "./opc";
import type { SheetEntry } from "./package";
import {
  addContentTypeOverride,
  addRel,
  CONTENT_TYPE,
  fromStrict,
  MINIMAL_STYLES_XML,
  NS_MAIN,
  NS_MAIN_STRICT,
  PackageEditor,
  removeContentTypeOverride,
  removeRel,
  toStrict,
} from "./package";
import { removePrintTitles, renamePrintTitles, setPrintTitles } from "./printTitles";
import { StyleBook } from "./styles";
import type { SheetSpec } from "../../engine/report/spec";
import {
  attr,
  escapeXml,
  isXmlTrue,
  prefixFor,
  removeAttr,
  setAttr,
  startTags,
  withDefaultNamespace,
} from "./xml";

/**
 * Carries out a write plan by patching the package: only the parts Målkoll owns are written
 * (owned sheets, their drawings and charts, the state sheet), plus the small edits that link
 * them in (workbook.xml, its rels, content types, appended styles) and the flag rules in
 * flagged user sheets. Every other part keeps its bytes.
 */

/** Prefix of the parts Målkoll creates for charts, so they can be recognised and replaced. */
const OWNED_PART_PREFIX = "malkoll_";

export interface PatchReport {
  /** Things the plan asked for that could not be done (e.g. a flag on a sheet that is gone). */
  skipped: string[];
  /** Part paths of the workbook's sheets after the write (owned and the user's). */
  sheetParts: string[];
}

const INVALID_NAME_CHARS = /[[\]:*?/\\]/;

function checkSheetName(name: string): void {
  if (
    !name ||
    name.length > 31 ||
    INVALID_NAME_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  )
    throw new XlsxPortError(
      `Ogiltigt bladnamn för Målkolls utdata: "${name}"`,
      `Invalid sheet name for Målkoll output: "${name}"`,
    );
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("sv-SE") === b.toLocaleLowerCase("sv-SE");
}

/**
 * Refuses a workbook whose structure is protected (Review > Protect Workbook), as the add-in does:
 * the lock is there so that no sheet is added, renamed or hidden.
 */
function refuseLockedStructure(wbXml: string): void {
  const protection = startTags(wbXml, "workbookProtection")[0];
  if (!protection || !isXmlTrue(attr(protection.tag, "lockStructure"))) return;
  throw new XlsxPortError(
    "Arbetsbokens struktur är skyddad, så Målkoll kan inte lägga till, byta namn på eller dölja blad. Ingen fil skrevs. Häv skyddet (Granska > Skydda arbetsbok) och försök igen.",
    "The workbook's structure is protected, so Målkoll cannot add, rename or hide sheets. No file was written. Unprotect it (Review > Protect Workbook) and try again.",
  );
}

class WorkbookPatch {
  private wbXml!: string;
  private wbRels!: string;
  private contentTypes!: string;
  private styles!: StyleBook;
  private stylesPath!: string;
  private wbPath!: string;
  private sheets!: SheetEntry[];
  private relPrefix: string | null = null;
  private stylesRewritten = false;
  private strict = false;
  /** The workbook counts dates in the 1904 system (see dateSystem.ts). */
  private date1904 = false;
  private readonly replacedSheetIds = new Set<number>();
  /** Owned parts removed while replacing sheets; their content types go unless a part is re-created. */
  private readonly droppedParts = new Set<string>();
  readonly report: PatchReport = { skipped: [], sheetParts: [] };

  constructor(private readonly pkg: PackageEditor) {}

  /** The original (namespace-normalised) text of the parts edited in place, to tell if they changed. */
  private readonly original = new Map<string, string>();

  /**
   * A part to edit, with its root namespace as the default one so the editing code sees
   * `<sheet>` whether the writer wrote `<sheet>` or `<x:sheet>`; null when the part is absent or
   * can't be normalised safely.
   */
  private async editable(path: string): Promise<string | null> {
    const text = await this.pkg.text(path);
    return text === null ? null : withDefaultNamespace(this.strict ? fromStrict(text) : text);
  }

  private async requireEditable(path: string, what: { sv: string; en: string }): Promise<string> {
    const text = await this.editable(path);
    if (text === null)
      throw new XlsxPortError(
        `${what.sv} (${path}) saknas eller använder XML-namnrymder som Målkoll inte kan ändra säkert`,
        `${what.en} (${path}) is missing or uses XML namespaces Målkoll cannot edit safely`,
      );
    this.original.set(path, text);
    return text;
  }

  async load(): Promise<void> {
    this.wbPath = await this.pkg.workbookPath();
    this.wbXml = await this.requireEditable(this.wbPath, {
      sv: "Arbetsbokens huvuddel",
      en: "The workbook part",
    });
    // Strict Open XML: parts are edited and written as in Transitional, then the namespaces and
    // relationship types are renamed back (finish).
    this.strict = this.wbXml.includes(`"${NS_MAIN_STRICT}"`);
    if (this.strict) {
      this.wbXml = fromStrict(this.wbXml);
      this.original.set(this.wbPath, this.wbXml);
    }
    if (!/<workbook[\s>]/.test(this.wbXml) || !this.wbXml.includes(`"${NS_MAIN}"`))
      throw new XlsxPortError(
        "Arbetsbokens huvuddel är inte SpreadsheetML som Målkoll kan skriva i",
        "The workbook part is not SpreadsheetML that Målkoll can write to",
      );
    this.wbRels = await this.requireEditable(relsPathFor(this.wbPath), {
      sv: "Arbetsbokens relationer",
      en: "The workbook's relationships",
    });
    this.contentTypes = await this.requireEditable("[Content_Types].xml", {
      sv: "Innehållstyperna",
      en: "The content types",
    });
    this.relPrefix = prefixFor(this.wbXml, NS_REL);
    const workbookPr = startTags(this.wbXml, "workbookPr")[0];
    this.date1904 = isXmlTrue(workbookPr && attr(workbookPr.tag, "date1904"));
    refuseLockedStructure(this.wbXml);
    this.sheets = await this.pkg.sheets(this.wbPath, this.wbXml);
    await this.loadStyles();
  }

  /**
   * The styles part, extended with Målkoll's formats. It is optional: a workbook without one (or
   * with one that defines no cell formats at all) gets the smallest one Excel accepts.
   */
  private async loadStyles(): Promise<void> {
    const stylesRel = parseRels(this.wbRels).find((r) => isRelType(r.type, "styles"));
    if (stylesRel) {
      this.stylesPath = resolveTarget(this.wbPath, stylesRel.target);
    } else {
      this.stylesPath = this.pkg.has("xl/styles.xml")
        ? this.pkg.freePath("xl", "styles", "xml")
        : "xl/styles.xml";
      const rel = addRel(this.wbRels, REL_TYPE.styles, relativeTarget(this.wbPath, this.stylesPath));
      this.wbRels = rel.xml;
      this.contentTypes = addContentTypeOverride(this.contentTypes, this.stylesPath, CONTENT_TYPE.styles);
    }
    let xml = stylesRel
      ? await this.requireEditable(this.stylesPath, { sv: "Formatmallarna", en: "The styles part" })
      : MINIMAL_STYLES_XML;
    if (!/<cellXfs[\s>]/.test(xml)) {
      if (/<styleSheet(?=[\s>])[^>]*>\s*<[^/]/.test(xml))
        throw new XlsxPortError(
          "Arbetsbokens formatmallar saknar cellformat men har annat innehåll; Målkoll kan inte utöka dem säkert",
          "The workbook's styles have no cell formats but other content; Målkoll cannot extend them safely",
        );
      xml = MINIMAL_STYLES_XML;
    }
    try {
      this.styles = new StyleBook(xml);
    } catch (err) {
      throw new XlsxPortError(
        "Arbetsbokens formatmallar kan inte utökas säkert",
        "The workbook's styles cannot be extended safely",
        { cause: err },
      );
    }
    // A new or replaced styles part is written even when Målkoll adds no format to it.
    this.stylesRewritten = xml === MINIMAL_STYLES_XML;
  }

  private find(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  rename(from: string, to: string): void {
    checkSheetName(to);
    const entry = this.find(from);
    if (!entry) {
      this.report.skipped.push(`rename: no sheet "${from}"`);
      return;
    }
    if (this.find(to) && !sameName(from, to))
      throw new XlsxPortError(`Bladet "${to}" finns redan`, `A sheet named "${to}" already exists`);
    const tag = setAttr(entry.tag, "name", to);
    this.wbXml = this.wbXml.replace(entry.tag, tag);
    this.wbXml = renamePrintTitles(this.wbXml, this.sheets.indexOf(entry), entry.name, to);
    entry.tag = tag;
    entry.name = to;
  }

  /** Writes (or replaces in place) an owned sheet. */
  async writeSheet(
    name: string,
    spec: SheetSpec,
    replaces: boolean,
    state: "visible" | "veryHidden",
  ): Promise<void> {
    checkSheetName(name);
    const existing = this.find(name);
    let partPath: string;
    if (existing) {
      if (!replaces)
        throw new XlsxPortError(
          `Bladet "${name}" finns redan och tillhör inte Målkoll; det skrivs inte över`,
          `Sheet "${name}" already exists and is not Målkoll's; it is not overwritten`,
        );
      if (!isRelType(existing.relType, "worksheet") || !existing.partPath)
        throw new XlsxPortError(`Bladet "${name}" är inget kalkylblad`, `Sheet "${name}" is not a worksheet`);
      partPath = existing.partPath;
      await this.dropOwnedSheetParts(partPath);
      this.replacedSheetIds.add(existing.sheetId);
      let tag = existing.tag;
      tag = state === "veryHidden" ? setAttr(tag, "state", "veryHidden") : tag;
      if (tag !== existing.tag) {
        this.wbXml = this.wbXml.replace(existing.tag, tag);
        existing.tag = tag;
      }
    } else {
      partPath = this.pkg.freePath("xl/worksheets", "sheet", "xml");
      const rel = addRel(this.wbRels, REL_TYPE.worksheet, relativeTarget(this.wbPath, partPath));
      this.wbRels = rel.xml;
      this.contentTypes = addContentTypeOverride(this.contentTypes, partPath, CONTENT_TYPE.worksheet);
      const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
      const rAttr = this.relPrefix
        ? `${this.relPrefix}:id="${rel.id}"`
        : `xmlns:r="${NS_REL}" r:id="${rel.id}"`;
      const stateAttr = state === "veryHidden" ? ' state="veryHidden"' : "";
      const tag = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttr} ${rAttr}/>`;
      this.wbXml = this.wbXml.includes("</sheets>")
        ? this.wbXml.replace("</sheets>", `${tag}</sheets>`)
        : this.wbXml.replace(/<sheets\s*\/>/, `<sheets>${tag}</sheets>`);
      this.sheets.push({ name, sheetId, relId: rel.id, state, tag, partPath, relType: REL_TYPE.worksheet });
    }

    const charts = spec.charts ?? [];
    let drawingRelId: string | undefined;
    if (charts.length) {
      const drawingPath = this.pkg.freePath("xl/drawings", `${OWNED_PART_PREFIX}drawing`, "xml");
      let drawingRels: string | null = null;
      const chartRelIds: string[] = [];
      for (const chart of charts) {
        const chartPath = this.pkg.freePath("xl/charts", `${OWNED_PART_PREFIX}chart`, "xml");
        this.pkg.set(chartPath, chartXml(chart, spec, name));
        this.contentTypes = addContentTypeOverride(this.contentTypes, chartPath, CONTENT_TYPE.chart);
        const rel = addRel(drawingRels, REL_TYPE.chart, relativeTarget(drawingPath, chartPath));
        drawingRels = rel.xml;
        chartRelIds.push(rel.id);
      }
      this.pkg.set(drawingPath, drawingXml(charts, chartRelIds, spec));
      this.pkg.set(relsPathFor(drawingPath), drawingRels!);
      this.contentTypes = addContentTypeOverride(this.contentTypes, drawingPath, CONTENT_TYPE.drawing);
      const sheetRel = addRel(null, REL_TYPE.drawing, relativeTarget(partPath, drawingPath));
      this.pkg.set(relsPathFor(partPath), sheetRel.xml);
      drawingRelId = sheetRel.id;
    }
    // As the Office port: the table's header row, the last frozen one, repeats on printed pages.
    const headerRow = spec.freezeRows && spec.freezeRows > 0 ? Math.floor(spec.freezeRows) : 0;
    const index = this.sheets.findIndex((s) => sameName(s.name, name));
    this.wbXml =
      state === "visible" && headerRow
        ? setPrintTitles(this.wbXml, index, name, headerRow)
        : removePrintTitles(this.wbXml, index);
    this.pkg.set(
      partPath,
      renderOwnedSheet(spec, this.styles, {
        drawingRelId,
        hideGridlines: true,
        print: state === "visible",
        date1904: this.date1904,
      }),
    );
  }

  /** Removes the drawing and chart parts an owned sheet had from an earlier run, and its rels. */
  private async dropOwnedSheetParts(partPath: string): Promise<void> {
    const relsPath = relsPathFor(partPath);
    const rels = await this.pkg.text(relsPath);
    if (rels === null) return;
    for (const rel of parseRels(rels)) {
      if (rel.external) continue;
      const target = resolveTarget(partPath, rel.target);
      if (!target.split("/").pop()!.startsWith(OWNED_PART_PREFIX)) continue;
      const targetRels = await this.pkg.text(relsPathFor(target));
      if (targetRels !== null) {
        for (const sub of parseRels(targetRels)) {
          const subPath = resolveTarget(target, sub.target);
          if (!sub.external && subPath.split("/").pop()!.startsWith(OWNED_PART_PREFIX)) {
            this.pkg.remove(subPath);
            this.droppedParts.add(subPath);
          }
        }
        this.pkg.remove(relsPathFor(target));
      }
      this.pkg.remove(target);
      this.droppedParts.add(target);
    }
    this.pkg.remove(relsPath);
  }

  /** Applies `flags` and removes the earlier flags of `clear`, sheet by sheet. */
  async flags(flags: Flag[], clear: FlagRecord[]): Promise<void> {
    const bySheet = new Map<string, Flag[]>();
    for (const record of clear) if (!bySheet.has(record.sheet)) bySheet.set(record.sheet, []);
    for (const flag of flags) {
      const list = bySheet.get(flag.sheet) ?? [];
      list.push(flag);
      bySheet.set(flag.sheet, list);
    }
    for (const [sheetName, sheetFlags] of bySheet) {
      const entry = this.find(sheetName);
      if (!entry || !isRelType(entry.relType, "worksheet")) {
        if (sheetFlags.length) this.report.skipped.push(`flags: no worksheet "${sheetName}"`);
        continue;
      }
      const xml = await this.editable(entry.partPath);
      if (xml === null || !isEditableWorksheet(xml)) {
        this.report.skipped.push(`flags: sheet "${sheetName}" cannot be edited safely`);
        continue;
      }
      const patched = sheetFlags.length ? applyFlagRules(xml, sheetFlags, this.styles) : removeFlagRules(xml);
      if (patched !== xml) this.pkg.set(entry.partPath, patched);
    }
  }

  /** Drops calculation-chain entries of replaced sheets (their old formulas are gone). */
  private async pruneCalcChain(): Promise<void> {
    if (!this.replacedSheetIds.size) return;
    const rel = parseRels(this.wbRels).find((r) => isRelType(r.type, "calcChain"));
    if (!rel) return;
    const path = resolveTarget(this.wbPath, rel.target);
    const xml = await this.editable(path);
    if (xml === null) return;
    let current = 0;
    let lastKept = -1;
    let removed = false;
    const kept: string[] = [];
    for (const { tag } of startTags(xml, "c")) {
      const i = attr(tag, "i");
      if (i !== null) current = Number(i);
      if (this.replacedSheetIds.has(current)) {
        removed = true;
        continue;
      }
      kept.push(
        current !== lastKept ? setAttr(removeAttr(tag, "i"), "i", String(current)) : removeAttr(tag, "i"),
      );
      lastKept = current;
    }
    if (!removed) return;
    if (kept.length) {
      const open = /<calcChain[^>]*>/.exec(xml)![0];
      const head = xml.slice(0, xml.indexOf(open));
      this.pkg.set(path, `${head}${open}${kept.join("")}</calcChain>`);
    } else {
      this.pkg.remove(path);
      this.wbRels = removeRel(this.wbRels, rel.id);
      this.contentTypes = removeContentTypeOverride(this.contentTypes, path);
    }
  }

  async finish(): Promise<void> {
    await this.pruneCalcChain();
    for (const part of this.droppedParts)
      if (!this.pkg.has(part)) this.contentTypes = removeContentTypeOverride(this.contentTypes, part);
    const edited: [string, string][] = [
      [this.wbPath, this.wbXml],
      [relsPathFor(this.wbPath), this.wbRels],
      ["[Content_Types].xml", this.contentTypes],
    ];
    for (const [path, text] of edited) if (text !== this.original.get(path)) this.pkg.set(path, text);
    if (this.styles.modified || this.stylesRewritten) this.pkg.set(this.stylesPath, this.styles.toXml());
    if (this.strict) this.pkg.rewriteChanged(toStrict);
    this.report.sheetParts = this.sheets.map((s) => s.partPath).filter((p) => p);
  }

  get stateSheetExists(): boolean {
    return this.find(STATE_SHEET) !== undefined;
  }

  /**
   * Refuses a user's sheet named as the state sheet in another case (`_MALKOLL`): the engine
   * reads it as the user's, and Excel, comparing names without case, has no room for `_malkoll`
   * beside it, so writing the state would overwrite it.
   */
  refuseStateSheetLookalike(): void {
    const entry = this.find(STATE_SHEET);
    if (!entry || entry.name === STATE_SHEET) return;
    throw new XlsxPortError(
      `Bladet "${entry.name}" har samma namn som Målkolls dolda blad "${STATE_SHEET}" (Excel skiljer inte på stora och små bokstäver) och skulle skrivas över. Byt namn på bladet och kör igen.`,
      `Sheet "${entry.name}" has the name of Målkoll's hidden sheet "${STATE_SHEET}" (Excel ignores case) and would be overwritten. Rename the sheet and run again.`,
    );
  }
}

export async function applyWritePlan(pkg: PackageEditor, plan: WritePlan): Promise<PatchReport> {
  const patch = new WorkbookPatch(pkg);
  await patch.load();
  patch.refuseStateSheetLookalike();
  for (const r of plan.renames) patch.rename(r.from, r.to);
  for (const s of plan.sheets) {
    if (sameName(s.name, STATE_SHEET))
      throw new XlsxPortError(
        `"${STATE_SHEET}" är reserverat för Målkolls tillstånd`,
        `"${STATE_SHEET}" is reserved for Målkoll's state`,
      );
    await patch.writeSheet(s.name, s.spec, s.replaces, "visible");
  }
  await patch.flags(plan.flags, plan.clearFlags);
  if (plan.state.length || patch.stateSheetExists)
    await patch.writeSheet(STATE_SHEET, stateSheetSpec(plan.state), true, "veryHidden");
  await patch.finish();
  return patch.report;
}

export async function applyClearFlags(
  pkg: PackageEditor,
  flags: FlagRecord[],
  state: WritePlan["state"],
): Promise<PatchReport> {
  return applyWritePlan(pkg, { renames: [], sheets: [], flags: [], clearFlags: flags, state, findings: [] });
}
