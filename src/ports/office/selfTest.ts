/**
 * "Testa mot Excel": what only real Excel can prove, checked in the user's own Excel on a scratch
 * sheet that is deleted afterwards, through the same code paths as the port:
 *
 * - text that starts with `=`, `+`, `-`, `@` comes back as that text, not a formula;
 * - a `yyyy-mm-dd` text comes back as text under the workbook's culture (sv-SE would make it a date);
 * - a date the port writes (2021-08-31 under `yyyy-mm-dd`) shows as that day, in the date system
 *   the port found the workbook counts in (1900, or 1904 in old Mac workbooks; dateSystem.ts);
 * - a flag is added and removed by its marker while a rule of the user's beside it stays;
 * - about 6 MB are written and read back in requests under Excel on the web's 5 MB limit.
 *
 * The report names the host, platform, Office build and the highest ExcelApi set, so the first
 * real user can tell in one screenshot what holds in their Excel.
 */
import type { CellValue, SheetGrid } from "../../engine/grid";
import { DATE_FORMAT } from "../../engine/report/format";
import { Batch, PAYLOAD_SYNC_BYTES } from "./batch";
import type { BlockCell } from "./cells";
import { blockUnits } from "./cells";
import { queueDateSystemProbe } from "./dateSystem";
import { toHostError } from "./errors";
import { flagUnits, isMalkollRule, queueRuleScans, ruleDeletionUnits } from "./flags";
import type { HostInfo, IsSetSupported } from "./host";
import { DELETE_ACTIONS, deleteSheet } from "./deleteSheet";
import { highestExcelApi, officeHostInfo, officeIsSetSupported } from "./host";
import { SCRATCH_PREFIX } from "./journal";
import { readCells } from "./read";
import { toBlockCell } from "./sheetWriter";

export type ProbeId =
  "text-prefixes" | "iso-date-text" | "date-system" | "flag-add-remove" | "large-write-read";

export interface ProbeResult {
  id: ProbeId;
  ok: boolean;
  /** What was seen, in Swedish and English. */
  detail: { sv: string; en: string };
}

export interface SelfTestReport {
  at: string;
  host: HostInfo;
  /** Highest `ExcelApi 1.x` the host reports. */
  excelApi: string | null;
  /** The workbook's culture (`sv-SE`), where ExcelApi 1.11 can tell. */
  culture: string | null;
  probes: ProbeResult[];
  /** The scratch sheet was deleted again. */
  cleanedUp: boolean;
}

export interface SelfTestOptions {
  isSetSupported?: IsSetSupported;
  hostInfo?: HostInfo;
  now?: () => Date;
  /** Bytes of text for the large probe; default 6 MB. */
  largeBytes?: number;
}

const PREFIXED = ["=1+1", "+46 8 508 000 00", "-x", "@SUMMA(A1)"];
const ISO_DATE = "2021-08-31";
/** 2021-08-31 as the engine plans a date: a 1900-system serial. */
const ISO_DATE_SERIAL = 44439;
/** The scratch row (0-based) of the date probe: below the texts, above the large probe's rows. */
const DATE_ROW = 6;
const MB = 1024 * 1024;

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(2)} MB`;
}

export async function runSelfTest(
  context: Excel.RequestContext,
  options: SelfTestOptions = {},
): Promise<SelfTestReport> {
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  const now = options.now ?? (() => new Date());
  const report: SelfTestReport = {
    at: now().toISOString(),
    host: options.hostInfo ?? officeHostInfo(),
    excelApi: highestExcelApi(isSetSupported),
    culture: null,
    probes: [],
    cleanedUp: false,
  };
  const batch = new Batch(context, { request: PAYLOAD_SYNC_BYTES, response: PAYLOAD_SYNC_BYTES });
  const name = `${SCRATCH_PREFIX}test~${now().getTime().toString(36).slice(-6)}`;
  let sheet: Excel.Worksheet | null = null;
  let culture: Excel.CultureInfo | null = null;
  let is1904 = (): boolean => false;
  await batch.alone({
    request: 800,
    queue() {
      sheet = context.workbook.worksheets.add(name);
      sheet.visibility = "VeryHidden";
      is1904 = queueDateSystemProbe(context.workbook);
      if (isSetSupported("ExcelApi", "1.11")) {
        culture = context.application.cultureInfo;
        culture.load("name");
      }
    },
  });
  const scratch = (): Excel.Worksheet => sheet as Excel.Worksheet;
  if (culture && isSetSupported("ExcelApi", "1.11")) report.culture = (culture as Excel.CultureInfo).name;

  const probe = async (id: ProbeId, run: () => Promise<ProbeResult["detail"] & { ok: boolean }>) => {
    try {
      const { ok, sv, en } = await run();
      report.probes.push({ id, ok, detail: { sv, en } });
    } catch (err) {
      const error = toHostError(err);
      report.probes.push({ id, ok: false, detail: { sv: error.message, en: error.messageEn } });
    }
  };
  const read = async (rows: number, cols: number, firstRow = 0): Promise<CellValue[][]> => {
    const grid: SheetGrid = {
      name,
      visibility: "veryHidden",
      originRow: firstRow + 1,
      originCol: 1,
      values: [],
      formats: [],
      formulas: [],
    };
    await readCells(
      batch,
      // The probes read back text only: no date to convert.
      [{ grid, worksheet: scratch(), rows, cols, hasFormulas: true, bytesPerCell: 48, date1904: false }],
      PAYLOAD_SYNC_BYTES,
    );
    return grid.values.map((row, r) =>
      row.map((v, c) => (grid.formulas?.[r]?.[c] ? `=${grid.formulas[r][c]}` : v)),
    );
  };

  try {
    const texts = [...PREFIXED, ISO_DATE];
    for (const unit of blockUnits(
      scratch,
      texts.map((value) => [{ value } as BlockCell]),
      PAYLOAD_SYNC_BYTES,
    ))
      await batch.add(unit);
    await batch.flush();
    const back = (await read(texts.length, 1)).map((row) => row[0]);
    await probe("text-prefixes", async () => {
      const wrong = PREFIXED.filter((text, i) => back[i] !== text);
      return {
        ok: wrong.length === 0,
        sv:
          wrong.length === 0
            ? `${PREFIXED.join("  ")} lästes tillbaka som text`
            : `blev något annat: ${wrong.join("  ")}`,
        en:
          wrong.length === 0
            ? `${PREFIXED.join("  ")} read back as text`
            : `became something else: ${wrong.join("  ")}`,
      };
    });
    await probe("iso-date-text", async () => {
      const got = back[PREFIXED.length];
      const ok = got === ISO_DATE;
      return {
        ok,
        sv: ok
          ? `${ISO_DATE} förblev text (${report.culture ?? "okänd kultur"})`
          : `${ISO_DATE} blev ${JSON.stringify(got)}`,
        en: ok
          ? `${ISO_DATE} stayed text (${report.culture ?? "unknown culture"})`
          : `${ISO_DATE} became ${JSON.stringify(got)}`,
      };
    });

    await probe("date-system", async () => {
      const date1904 = is1904();
      const cell = toBlockCell({ value: ISO_DATE_SERIAL, format: DATE_FORMAT }, date1904);
      for (const unit of blockUnits(scratch, [[cell]], PAYLOAD_SYNC_BYTES, DATE_ROW)) await batch.add(unit);
      let shown: Excel.Range | null = null;
      await batch.alone({
        request: 300,
        response: 200,
        queue() {
          shown = scratch().getRangeByIndexes(DATE_ROW, 0, 1, 1);
          shown.load("text");
        },
      });
      const text = (shown as Excel.Range | null)?.text[0][0];
      const ok = text === ISO_DATE;
      const system = date1904 ? "1904" : "1900";
      return {
        ok,
        sv: `arbetsboken räknar datum från ${system}; ${ISO_DATE} skrevs och visas som ${text}`,
        en: `the workbook counts dates from ${system}; ${ISO_DATE} was written and shows as ${text}`,
      };
    });

    await probe("flag-add-remove", async () => {
      await batch.alone({
        request: 800,
        queue() {
          const own = scratch().getRange("B1").conditionalFormats.add("Custom");
          own.custom.rule.formula = "=B1=1";
          own.custom.format.fill.color = "#00B050";
        },
      });
      for (const unit of flagUnits([{ sheet: name, cell: "B1", severity: "warning", message: "test" }], () =>
        scratch(),
      ))
        await batch.add(unit);
      await batch.flush();
      let scans = queueRuleScans([]);
      await batch.alone({
        request: 400,
        queue: () => (scans = queueRuleScans([{ name, worksheet: scratch() }])),
      });
      const before = scans[0].rules.items.length;
      for (const unit of ruleDeletionUnits(scans)) await batch.add(unit);
      await batch.flush();
      await batch.alone({
        request: 400,
        queue: () => (scans = queueRuleScans([{ name, worksheet: scratch() }])),
      });
      const left = scans[0].rules.items.map((rule) => rule.customOrNullObject);
      const ok =
        before === 2 && left.length === 1 && !left[0].isNullObject && !isMalkollRule(left[0].rule.formula);
      return {
        ok,
        sv: `${before} regler före, ${left.length} efter; kvar: ${left.map((c) => (c.isNullObject ? "?" : c.rule.formula)).join(", ") || "ingen"}`,
        en: `${before} rules before, ${left.length} after; left: ${left.map((c) => (c.isNullObject ? "?" : c.rule.formula)).join(", ") || "none"}`,
      };
    });

    await probe("large-write-read", async () => {
      const text = "Målkoll självtest – analys av avvikelse. ".repeat(40).slice(0, 1500);
      const rows = Math.ceil((options.largeBytes ?? 6 * MB) / (text.length + 8));
      const cells: BlockCell[][] = Array.from({ length: rows }, (_, r) => [{ value: `${r} ${text}` }]);
      const firstWrite = batch.stats.requestBytes.length;
      for (const unit of blockUnits(scratch, cells, PAYLOAD_SYNC_BYTES, 10)) await batch.add(unit);
      await batch.flush();
      const written = batch.stats.requestBytes.slice(firstWrite);
      const firstRead = batch.stats.responseBytes.length;
      const values = await read(rows, 1, 10);
      const received = batch.stats.responseBytes.slice(firstRead);
      const wrong = values.findIndex((row, r) => row[0] !== `${r} ${text}`);
      const sent = written.reduce((n, b) => n + b, 0);
      const ok = wrong < 0 && values.length === rows;
      return {
        ok,
        sv: `${mb(sent)} skrivet i ${written.length} anrop (största ${mb(Math.max(...written))}), läst i ${received.length} (största ${mb(Math.max(...received))})${ok ? "" : `; rad ${wrong + 1} skilde sig`}`,
        en: `${mb(sent)} written in ${written.length} requests (largest ${mb(Math.max(...written))}), read in ${received.length} (largest ${mb(Math.max(...received))})${ok ? "" : `; row ${wrong + 1} differed`}`,
      };
    });
  } finally {
    try {
      await batch.alone({ request: 300 * DELETE_ACTIONS, queue: () => deleteSheet(scratch()) });
      report.cleanedUp = true;
    } catch {
      // Left very hidden under a scratch name: the next read of the workbook deletes it.
    }
  }
  return report;
}

/** The self-test in its own `Excel.run`, for the pane. */
export async function runExcelSelfTest(options: SelfTestOptions = {}): Promise<SelfTestReport> {
  return Excel.run((context) => runSelfTest(context, options));
}
