/**
 * A workbook of one's own, opened with the playground's file picker, reads as `malkoll check`
 * reads it: every workbook in tests/fixtures/foreign (openpyxl, XlsxWriter, LibreOffice, ExcelJS,
 * Strict, UTF-16, POI, .xlsm, …) gives the pane the same sheets, values, formats, formulas and
 * merges as the CLI's XlsxPort, and a file the CLI refuses shows the CLI's refusal, Swedish first.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { a1, type WorkbookSnapshot } from "../../src/engine/grid";
import { Refusal } from "../../src/engine/refusal";
import { XlsxPort } from "../../src/ports/xlsx";
import {
  buildXlsx,
  encryptedFile,
  truncatedXlsx,
  withBadChecksum,
  withStatedSize,
} from "../fixtures/hostile/build";
import { chromiumAvailable, openPane, pickXlsx, ROOT, withChromium } from "./support";

const available = chromiumAvailable();
const describeIf = available ? describe : describe.skip;

jest.setTimeout(6 * 60_000);

const FOREIGN = path.join(ROOT, "tests", "fixtures", "foreign");
const FOREIGN_FILES = fs.readdirSync(FOREIGN).filter((f) => /\.xls[xm]$/.test(f));

/** One sheet as both readers can be compared: non-empty cells by A1 address. */
interface ComparableSheet {
  name: string;
  visibility: string;
  values: Record<string, unknown>;
  formats: Record<string, string>;
  formulas: Record<string, string>;
  merges: string[];
  hiddenRows: number[];
}

/** A read workbook, or the refusal (`sv / en`, as the CLI prints it) it met. */
type Reading = { sheets: ComparableSheet[] } | { refusal: string };

/** A snapshot by A1 address, whatever its origin (the memory port anchors every sheet at A1). */
function comparable(snapshot: WorkbookSnapshot): { sheets: ComparableSheet[] } {
  return {
    sheets: snapshot.sheets.map((sheet) => {
      const byAddress = <T>(rows: (T | null | undefined)[][] | undefined) => {
        const out: Record<string, T> = {};
        (rows ?? []).forEach((row, r) =>
          (row ?? []).forEach((value, c) => {
            if (value !== null && value !== undefined)
              out[a1(sheet.originRow + r, sheet.originCol + c)] = value;
          }),
        );
        return out;
      };
      return {
        name: sheet.name,
        visibility: sheet.visibility,
        values: byAddress(sheet.values),
        formats: byAddress(sheet.formats),
        formulas: byAddress(sheet.formulas),
        merges: [...(sheet.merges ?? [])],
        hiddenRows: [...(sheet.hiddenRows ?? [])],
      };
    }),
  };
}

/** What the CLI's port reads from the bytes, or its refusal. */
async function cliReading(open: () => Promise<XlsxPort>): Promise<Reading> {
  try {
    return comparable(await (await open()).read());
  } catch (err) {
    if (err instanceof Refusal) return { refusal: err.message };
    throw err;
  }
}

type PortWindow = { malkollPort: { read(): Promise<WorkbookSnapshot> } };

/** Whether the page has fetched ExcelJS (its own chunk, see webpack.config.js) by the time it is asked. */
function watchExcelJs(page: Page): () => boolean {
  let loaded = false;
  page.on("request", (request) => {
    if (/\/playground-xlsx-lib\.[^/]*\.js$/.test(request.url())) loaded = true;
  });
  return () => loaded;
}

/**
 * Picks the file in the playground and waits until it is either the open workbook or refused;
 * returns what the pane's port then holds, or the refusal the page shows.
 */
async function pick(page: Page, file: { name: string; buffer: Buffer }): Promise<Reading> {
  await pickXlsx(page, file.name, file.buffer);
  const opened = page.getByTestId("workbook-name").getByText(file.name, { exact: true });
  const refused = page.getByTestId("open-problem");
  await opened.or(refused).waitFor();
  if (await refused.count()) return { refusal: (await refused.textContent()) ?? "" };
  const snapshot = await page.evaluate(() => (window as unknown as PortWindow).malkollPort.read());
  return comparable(snapshot);
}

describeIf("a workbook of one's own in the playground reads as the CLI reads it", () => {
  const chrome = withChromium();

  test.each(FOREIGN_FILES)("%s", async (file) => {
    const input = path.join(FOREIGN, file);
    const cli = await cliReading(() => XlsxPort.open(input));
    const { page, pane, errors } = await openPane(chrome.browser(), chrome.url());
    const excelJsLoaded = watchExcelJs(page);
    const picked = await pick(page, { name: file, buffer: fs.readFileSync(input) });
    expect(picked).toEqual(cli);
    expect(excelJsLoaded()).toBe(false); // Målkoll's own reader read it
    if ("sheets" in picked) {
      // The pane reads it too, to tables found or to its "nothing recognised" help.
      await pane.getByRole("button", { name: "Läs in arbetsboken" }).click();
      await pane
        .getByText(/tabell(er)? hittade?|Inga tabeller kändes igen/)
        .first()
        .waitFor();
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  describe("files the CLI refuses show its refusal, Swedish first, and keep the open workbook", () => {
    const HEADER = ["Indikator", "Periodens utfall", "Årsmål"];
    const ROW = ["Andel barn som lever i familjer som har ekonomiskt bistånd", "4,1 %", "3,3 %"];

    /** The first sheet's XML made malformed (an unclosed row), which neither reader takes. */
    async function withMalformedSheet(bytes: Buffer): Promise<Buffer> {
      const zip = await JSZip.loadAsync(bytes);
      const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file("xl/worksheets/sheet1.xml", sheet.replace("</row>", ""));
      return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    }

    /** Name, bytes, and whether the CLI's reader hands the file to ExcelJS before refusing it. */
    const cases: [string, () => Promise<Buffer>, boolean][] = [
      ["inte-en-bok.xlsx", async () => Buffer.from("Indikator;Periodens utfall\nAntal;3\n", "utf8"), false],
      ["krypterad.xlsx", async () => encryptedFile(), false],
      ["avklippt.xlsx", truncatedXlsx, false],
      ["utan-blad.xlsx", () => buildXlsx([]), false],
      [
        "kontrollsumma.xlsx",
        async () =>
          withBadChecksum(
            await buildXlsx([{ name: "Uppföljning", rows: [HEADER, ROW] }]),
            "xl/worksheets/sheet1.xml",
          ),
        false,
      ],
      [
        "zip-bomb.xlsx",
        async () => {
          const zip = await JSZip.loadAsync(await buildXlsx([{ name: "Uppföljning", rows: [HEADER, ROW] }]));
          zip.file("xl/media/film.bin", new Uint8Array(1024 * 1024));
          const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
          return withStatedSize(bytes, "xl/media/film.bin", 0x7ff00000);
        },
        false,
      ],
      [
        "ljuger-om-storlek.xlsx",
        async () => {
          // Stated 2 MB, really 64 MB: within the size limit, so the browser inflates it and must stop.
          const zip = await JSZip.loadAsync(await buildXlsx([{ name: "Uppföljning", rows: [HEADER, ROW] }]));
          zip.file("xl/media/film.bin", new Uint8Array(64 * 1024 * 1024));
          const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
          return withStatedSize(bytes, "xl/media/film.bin", 2 * 1024 * 1024);
        },
        false,
      ],
      [
        "trasig-xml.xlsx",
        async () => withMalformedSheet(await buildXlsx([{ name: "Uppföljning", rows: [HEADER, ROW] }])),
        true,
      ],
    ];

    test.each(cases)("%s", async (name, build, triesExcelJs) => {
      const buffer = await build();
      const cli = await cliReading(() => XlsxPort.fromBuffer(buffer, name));
      expect(cli).toEqual({ refusal: expect.stringContaining(" / ") });
      const { page, errors } = await openPane(chrome.browser(), chrome.url());
      const excelJsLoaded = watchExcelJs(page);
      const before = await page.getByTestId("workbook-name").textContent();
      expect(await pick(page, { name, buffer })).toEqual(cli);
      expect(excelJsLoaded()).toBe(triesExcelJs);
      expect(await page.getByTestId("workbook-name").textContent()).toBe(before);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
